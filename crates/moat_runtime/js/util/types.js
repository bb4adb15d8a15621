'use strict';
// node:util/types — brand checks. Each asks the engine which class made the value (its
// internal class id, compared with that of a sample made here), so a prototype swap or a
// Symbol.toStringTag cannot fool it, as in Node.
//
// isExternal is always false: moat has no native addons, so no External value can exist.
// isKeyObject and isCryptoKey ask node:crypto, loaded at their first call with an object.

const binding = internalBinding('util');
const classId = binding.classId;

const sample = (v) => classId(v);
const kNumber = sample(new Number(0));
const kString = sample(new String(''));
const kBoolean = sample(new Boolean(false));
const kSymbol = sample(Object(Symbol('')));
const kBigInt = sample(Object(0n));
const kDate = sample(new Date(0));
const kRegExp = sample(/x/);
const kMap = sample(new Map());
const kSet = sample(new Set());
const kWeakMap = sample(new WeakMap());
const kWeakSet = sample(new WeakSet());
const kArrayBuffer = sample(new ArrayBuffer(0));
const kSharedArrayBuffer = typeof SharedArrayBuffer === 'function' ? sample(new SharedArrayBuffer(0)) : -1;
const kDataView = sample(new DataView(new ArrayBuffer(0)));
const kError = sample(new Error());
const kPromise = sample(Promise.resolve());
const kMapIterator = sample(new Map().entries());
const kSetIterator = sample(new Set().values());
const kGenerator = sample((function* gen() {})());
const kAsyncGenerator = sample((async function* gen() {})());
const kGeneratorFunction = sample(function* gen() {});
const kAsyncFunction = sample(async function fn() {});
const kAsyncGeneratorFunction = sample(async function* gen() {});
const kArguments = sample((function args() { return arguments; })());
let kMappedArguments = -1;
try {
  // Sloppy-mode functions have mapped arguments objects, a class of their own.
  kMappedArguments = sample(Function('return arguments')());
} catch { /* no Function constructor: only strict arguments objects exist here */ }
let kModuleNamespace;

const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
// The %TypedArray%.prototype[@@toStringTag] getter: the element type's name for a typed
// array, undefined for anything else.
const typedArrayTag = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag).get;
const isTypedArray = (v) => typedArrayTag.call(v) !== undefined;
const ta = (name) => (v) => typedArrayTag.call(v) === name;

const is = (id) => (v) => classId(v) === id;

function isBoxedPrimitive(v) {
  const id = classId(v);
  return id !== 0 && (id === kNumber || id === kString || id === kBoolean || id === kSymbol || id === kBigInt);
}

function isModuleNamespaceObject(v) {
  if (v === null || typeof v !== 'object') return false;
  kModuleNamespace ??= classId(binding.moduleNamespaceSample());
  return classId(v) === kModuleNamespace;
}

module.exports = {
  isArgumentsObject: (v) => { const id = classId(v); return id !== 0 && (id === kArguments || id === kMappedArguments); },
  isArrayBuffer: is(kArrayBuffer),
  isAsyncFunction: (v) => { const id = classId(v); return id !== 0 && (id === kAsyncFunction || id === kAsyncGeneratorFunction); },
  isBigIntObject: is(kBigInt),
  isBooleanObject: is(kBoolean),
  isDate: is(kDate),
  isExternal: (v) => { void v; return false; },
  isGeneratorFunction: (v) => { const id = classId(v); return id !== 0 && (id === kGeneratorFunction || id === kAsyncGeneratorFunction); },
  isGeneratorObject: (v) => { const id = classId(v); return id !== 0 && (id === kGenerator || id === kAsyncGenerator); },
  isMap: is(kMap),
  isMapIterator: is(kMapIterator),
  isModuleNamespaceObject,
  isNativeError: is(kError),
  isNumberObject: is(kNumber),
  isPromise: is(kPromise),
  isProxy: (v) => binding.getProxyDetails(v) !== undefined,
  isRegExp: is(kRegExp),
  isSet: is(kSet),
  isSetIterator: is(kSetIterator),
  isSharedArrayBuffer: (v) => kSharedArrayBuffer !== -1 && classId(v) === kSharedArrayBuffer,
  isStringObject: is(kString),
  isSymbolObject: is(kSymbol),
  isWeakMap: is(kWeakMap),
  isWeakSet: is(kWeakSet),
  isAnyArrayBuffer: (v) => { const id = classId(v); return id !== 0 && (id === kArrayBuffer || id === kSharedArrayBuffer); },
  isBoxedPrimitive,
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isDataView: is(kDataView),
  isTypedArray,
  isUint8Array: ta('Uint8Array'), isUint8ClampedArray: ta('Uint8ClampedArray'), isUint16Array: ta('Uint16Array'),
  isUint32Array: ta('Uint32Array'), isInt8Array: ta('Int8Array'), isInt16Array: ta('Int16Array'),
  isInt32Array: ta('Int32Array'), isFloat16Array: ta('Float16Array'), isFloat32Array: ta('Float32Array'),
  isFloat64Array: ta('Float64Array'), isBigInt64Array: ta('BigInt64Array'), isBigUint64Array: ta('BigUint64Array'),
  isKeyObject: (v) => v !== null && typeof v === 'object' && require('internal/crypto/keys').isKeyObject(v),
  isCryptoKey: (v) => v !== null && typeof v === 'object' && require('internal/crypto/webkeys').isCryptoKey(v),
};
