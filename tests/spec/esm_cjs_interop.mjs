import cjs from './fixtures/exports_obj.js';
import { one, two } from './fixtures/exports_obj.js';
import fn from './fixtures/module_exports_fn.js';
import * as ns from './fixtures/exports_obj.js';
console.log(cjs, one, two, fn(), Object.keys(ns).sort());
