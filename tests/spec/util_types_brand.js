'use strict';
// util.types answers from what made a value, not from its prototype or Symbol.toStringTag.
const { types } = require('util');
const fakeMap = Object.create(Map.prototype);
const fakeDate = Object.create(Date.prototype);
const taggedArgs = { [Symbol.toStringTag]: 'Arguments' };
const boxedLooking = Object.setPrototypeOf({}, Number.prototype);
const realNumber = Object.setPrototypeOf(new Number(1), null);
const args = (function () { return arguments; })(1);
function* gen() {}
async function* agen() {}
const rows = [
  ['isMap fake', types.isMap(fakeMap)], ['isMap real', types.isMap(new Map())],
  ['isDate fake', types.isDate(fakeDate)], ['isDate real', types.isDate(new Date())],
  ['isArgumentsObject tagged', types.isArgumentsObject(taggedArgs)], ['isArgumentsObject real', types.isArgumentsObject(args)],
  ['isNumberObject proto', types.isNumberObject(boxedLooking)], ['isNumberObject null proto', types.isNumberObject(realNumber)],
  ['isBoxedPrimitive', types.isBoxedPrimitive(Object(Symbol('s'))), types.isBoxedPrimitive(Object(1n)), types.isBoxedPrimitive(1)],
  ['isGeneratorObject', types.isGeneratorObject(gen()), types.isGeneratorObject(agen()), types.isGeneratorObject({ next() {} })],
  ['isGeneratorFunction', types.isGeneratorFunction(gen), types.isGeneratorFunction(agen), types.isGeneratorFunction(() => {})],
  ['isAsyncFunction', types.isAsyncFunction(async () => {}), types.isAsyncFunction(agen), types.isAsyncFunction(gen)],
  ['isNativeError', types.isNativeError(new TypeError()), types.isNativeError(Object.create(Error.prototype))],
  ['isPromise', types.isPromise(Promise.resolve()), types.isPromise({ then() {} })],
  ['isRegExp', types.isRegExp(/x/), types.isRegExp(Object.create(RegExp.prototype))],
  ['isMapIterator', types.isMapIterator(new Map().keys()), types.isSetIterator(new Set().values()), types.isMapIterator(new Set().values())],
  ['isTypedArray', types.isTypedArray(new Uint8Array(1)), types.isTypedArray(new DataView(new ArrayBuffer(1))), types.isUint8Array(Buffer.alloc(1))],
  ['isArrayBufferView', types.isArrayBufferView(new DataView(new ArrayBuffer(1))), types.isArrayBufferView(new ArrayBuffer(1))],
  ['isAnyArrayBuffer', types.isAnyArrayBuffer(new SharedArrayBuffer(1)), types.isArrayBuffer(new SharedArrayBuffer(1)), types.isSharedArrayBuffer(new SharedArrayBuffer(1))],
  ['isProxy', types.isProxy(new Proxy({}, {})), types.isProxy({})],
  ['isWeak', types.isWeakMap(new WeakMap()), types.isWeakSet(new WeakSet()), types.isWeakMap(new Map())],
  ['isExternal', types.isExternal({}), types.isModuleNamespaceObject({ [Symbol.toStringTag]: 'Module' })],
];
for (const row of rows) console.log(...row);
import('node:path').then((ns) => console.log('namespace', types.isModuleNamespaceObject(ns)));
