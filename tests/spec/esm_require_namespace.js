// require() of an ES module gives its module namespace object; one with a default export is
// marked __esModule and is still a namespace.
const { isModuleNamespaceObject } = require('util/types');
const named = require('./fixtures/esm/lib.mjs');
console.log(isModuleNamespaceObject(named), Object.keys(named));
const withDefault = require('./fixtures/esm_default.mjs');
console.log(isModuleNamespaceObject(withDefault), Object.keys(withDefault), withDefault.__esModule, withDefault.default, withDefault.other);
console.log(require('./fixtures/esm_default.mjs') === withDefault);
