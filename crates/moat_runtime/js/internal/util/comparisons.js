'use strict';
// Deep equality as assert.deepStrictEqual / deepEqual / partialDeepStrictEqual and
// util.isDeepStrictEqual define it.

const types = require('util/types');

const kLoose = 0;
const kStrict = 1;
const kPartial = 2;
// Strict, but objects of different prototypes may be equal (Assert's `skipPrototype`).
const kStrictAnyPrototype = 3;

const tagOf = (v) => Object.prototype.toString.call(v);
const { propertyIsEnumerable, hasOwnProperty } = Object.prototype;
const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const isIndex = (k) => /^(?:0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295;

function isURL(v) {
  return typeof globalThis.URL === 'function' && v instanceof globalThis.URL;
}

// What engine class a value is, for the kinds compared by their contents: values of different
// kinds are never equal, whatever their prototypes and tags claim.
function kindOf(v) {
  if (ArrayBuffer.isView(v)) return types.isDataView(v) ? 'dataview' : 'typed';
  if (types.isAnyArrayBuffer(v)) return 'buffer';
  if (types.isBoxedPrimitive(v)) return 'boxed';
  if (types.isDate(v)) return 'date';
  if (types.isRegExp(v)) return 'regexp';
  if (types.isSet(v)) return 'set';
  if (types.isMap(v)) return 'map';
  if (types.isNativeError(v) || v instanceof Error) return 'error';
  if (isURL(v)) return 'url';
  return 'object';
}

const binding = internalBinding('util');

function ownKeys(v, mode, skipIndices) {
  if (skipIndices) {
    // Named properties only, asked of the engine: listing a big typed array's indices is slow.
    const keys = binding.ownNonIndexKeys(v, mode !== kLoose);
    return keys.some((k) => typeof k === 'string' && isIndex(k)) ? keys.filter((k) => typeof k !== 'string' || !isIndex(k)) : keys;
  }
  let keys;
  try {
    keys = Object.keys(v);
  } catch (err) {
    throw proxyKeysError(v, err);
  }
  if (mode === kLoose) return keys;
  for (const s of Object.getOwnPropertySymbols(v)) {
    if (propertyIsEnumerable.call(v, s)) keys.push(s);
  }
  return keys;
}

// A proxy whose ownKeys trap leaves out a key the target requires: the engine's TypeError, in
// V8's words, which name the key (found by asking the trap again).
function proxyKeysError(v, err) {
  if (!(err instanceof TypeError) || err.message !== 'proxy: target property must be present in proxy ownKeys') return err;
  const details = binding.getProxyDetails(v);
  if (!Array.isArray(details)) return err;
  const [target, handler] = details;
  try {
    const listed = new Set(Reflect.apply(handler.ownKeys, handler, [target]));
    const extensible = Object.isExtensible(target);
    for (const key of Reflect.ownKeys(target)) {
      if (listed.has(key)) continue;
      if (!extensible || !Object.getOwnPropertyDescriptor(target, key).configurable) {
        const name = typeof key === 'symbol' ? key.toString() : key;
        const out = new TypeError(`'ownKeys' on proxy: trap result did not include '${name}'`);
        out.stack = `TypeError: ${out.message}${err.stack.slice(err.stack.indexOf('\n'))}`;
        return out;
      }
    }
  } catch {
    // The trap throws the second time: the engine's error stands.
  }
  return err;
}

function primitiveEqual(a, b, mode) {
  if (mode !== kLoose) return Object.is(a, b);
  // eslint-disable-next-line eqeqeq
  return a == b || (Number.isNaN(a) && Number.isNaN(b));
}

function boxedEqual(a, b) {
  if (types.isNumberObject(a)) return types.isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  if (types.isStringObject(a)) return types.isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  if (types.isBooleanObject(a)) return types.isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  if (types.isBigIntObject(a)) return types.isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  return types.isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
}

function bytesEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const fast = binding.bytesEqual(a, b);
  if (fast !== undefined) return fast;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function typedArrayEqual(a, b, mode) {
  const tag = typedArrayTag.call(a);
  if (tag !== typedArrayTag.call(b)) return false;
  if (mode === kPartial) {
    // Every element of `expected` (a) appears in `actual` (b), in order. Same bytes: same
    // elements.
    if (a.length === b.length && bytesEqual(a, b)) return true;
    let j = 0;
    for (let i = 0; i < a.length; i++) {
      while (j < b.length && !Object.is(a[i], b[j])) j++;
      if (j === b.length) return false;
      j++;
    }
    return true;
  }
  if (a.length !== b.length) return false;
  if (mode === kLoose && (tag === 'Float16Array' || tag === 'Float32Array' || tag === 'Float64Array')) {
    // eslint-disable-next-line eqeqeq
    for (let i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
    return true;
  }
  return bytesEqual(a, b);
}

function innerEqual(a, b, mode, memo) {
  if (a === b) return a !== 0 || mode === kLoose || Object.is(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (mode !== kLoose) return Object.is(a, b);
    if (typeof a === 'function' || typeof b === 'function') return false;
    if ((a === null || typeof a !== 'object') && (b === null || typeof b !== 'object')) return primitiveEqual(a, b, mode);
    return false;
  }
  // partialDeepStrictEqual asks nothing of prototypes: objects of another realm, or of a class,
  // match plain objects with the same members.
  if (mode !== kLoose && mode !== kStrictAnyPrototype && mode !== kPartial &&
      Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tagOf(a) !== tagOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b) || kindOf(a) !== kindOf(b)) return false;
  let skipIndices = false;
  if (Array.isArray(a)) {
    if (mode !== kPartial && a.length !== b.length) return false;
  } else if (types.isDate(a)) {
    if (!types.isDate(b) || !Object.is(Date.prototype.getTime.call(a), Date.prototype.getTime.call(b))) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (mode === kPartial && (types.isNativeError(a) || a instanceof Error)) {
    // The expected error's name, and what it has of message, cause and errors.
    if (!(types.isNativeError(b) || b instanceof Error) || a.name !== b.name) return false;
    if (hasOwnProperty.call(a, 'message') && a.message !== b.message) return false;
    for (const key of ['cause', 'errors']) {
      if (hasOwnProperty.call(a, key) && (!hasOwnProperty.call(b, key) || !innerEqual(a[key], b[key], mode, memo))) return false;
    }
  } else if (types.isNativeError(a) || a instanceof Error) {
    if (!(types.isNativeError(b) || b instanceof Error) || a.message !== b.message || a.name !== b.name) return false;
    if (hasOwnProperty.call(a, 'cause') !== hasOwnProperty.call(b, 'cause') ||
        (hasOwnProperty.call(a, 'cause') && !innerEqual(a.cause, b.cause, mode, memo))) return false;
    if (hasOwnProperty.call(a, 'errors') !== hasOwnProperty.call(b, 'errors') ||
        (hasOwnProperty.call(a, 'errors') && !innerEqual(a.errors, b.errors, mode, memo))) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!boxedEqual(a, b)) return false;
  } else if (types.isBoxedPrimitive(b)) {
    return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    if (types.isDataView(a)) {
      if (!types.isDataView(b) || !bytesEqual(a, b)) return false;
    } else if (!typedArrayEqual(a, b, mode)) {
      return false;
    }
    skipIndices = !types.isDataView(a);
  } else if (types.isAnyArrayBuffer(a)) {
    if (types.isArrayBuffer(a) !== types.isArrayBuffer(b) || !types.isAnyArrayBuffer(b)) return false;
    if (mode === kPartial) {
      if (!typedArrayEqual(new Uint8Array(a), new Uint8Array(b), mode)) return false;
    } else if (a.byteLength !== b.byteLength || !bytesEqual(new Uint8Array(a), new Uint8Array(b))) {
      return false;
    }
  } else if (tagOf(a) === '[object KeyObject]' && types.isKeyObject(a)) {
    // (The tag first: node:crypto is not loaded to compare other objects.)
    if (!types.isKeyObject(b) || !a.equals(b)) return false;
  } else if (tagOf(a) === '[object CryptoKey]' && types.isCryptoKey(a)) {
    // A CryptoKey's key material is compared as its KeyObject.
    if (!types.isCryptoKey(b) || a.extractable !== b.extractable ||
        !innerEqual(a.algorithm, b.algorithm, mode, memo) || !innerEqual(a.usages, b.usages, mode, memo) ||
        !require('crypto').KeyObject.from(a).equals(require('crypto').KeyObject.from(b))) return false;
  } else if (isURL(a)) {
    // A URL keeps its state privately: two are equal when they print the same.
    if (!isURL(b) || a.href !== b.href) return false;
  } else if (types.isWeakMap(a) || types.isWeakSet(a) || types.isPromise(a)) {
    return false;
  } else if (typeof a === 'function' || typeof b === 'function') {
    return false;
  }
  const ka = ownKeys(a, mode, skipIndices);
  if (mode === kPartial) {
    for (const k of ka) {
      if (Array.isArray(a) && typeof k === 'string' && isIndex(k)) continue;
      // `expected` is `a` here: every key it has, `b` (the actual value) has too.
      if (!propertyIsEnumerable.call(b, k)) return false;
    }
  } else {
    const kb = ownKeys(b, mode, skipIndices);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!propertyIsEnumerable.call(b, k)) return false;
    }
  }

  // Cycles: the objects on the path from the root, per side. Meeting again an object of that
  // path is equal only if the other side meets one of its own path at the same time.
  const inA = memo.a.has(a);
  const inB = memo.b.has(b);
  if (inA || inB) return inA && inB;
  memo.a.add(a);
  memo.b.add(b);
  const equal = contentsEqual(a, b, ka, mode, memo);
  memo.a.delete(a);
  memo.b.delete(b);
  return equal;
}

function contentsEqual(a, b, ka, mode, memo) {
  if (types.isSet(a)) {
    if (!types.isSet(b) || (mode !== kPartial && a.size !== b.size) || !setEqual(a, b, mode, memo)) return false;
  } else if (types.isSet(b)) {
    return false;
  } else if (types.isMap(a)) {
    if (!types.isMap(b) || (mode !== kPartial && a.size !== b.size) || !mapEqual(a, b, mode, memo)) return false;
  } else if (types.isMap(b)) {
    return false;
  }
  if (mode === kPartial && Array.isArray(a)) return partialArrayEqual(a, b, ka, memo);
  for (const k of ka) {
    if (!innerEqual(a[k], b[k], mode, memo)) return false;
  }
  return true;
}

// partialDeepStrictEqual with arrays: every element of `expected` (a) is matched by a distinct
// element of `actual` (b), in order; then the non-index keys as for objects.
function partialArrayEqual(a, b, keys, memo) {
  // Holes ask for nothing and match nothing; `expected` may not be the longer.
  if (a.length > b.length) return false;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!hasOwnProperty.call(a, i)) continue;
    while (j < b.length && (!hasOwnProperty.call(b, j) || !innerEqual(a[i], b[j], kPartial, memo))) j++;
    if (j === b.length) return false;
    j++;
  }
  for (const k of keys) {
    if (typeof k === 'string' && isIndex(k)) continue;
    if (!innerEqual(a[k], b[k], kPartial, memo)) return false;
  }
  return true;
}

const isObjectLike = (v) => v !== null && (typeof v === 'object' || typeof v === 'function');

// In partial mode `a` is the expected value: each of its members must be in `b`. Members found
// as they are match first; the rest pair off one by one, each with a distinct partner.
function setEqual(a, b, mode, memo) {
  const rest = [];
  const matched = new Set();
  for (const v of a) {
    if (!isObjectLike(v) && b.has(v)) matched.add(v);
    else if (!isObjectLike(v) && mode !== kLoose) return false;
    else rest.push(v);
  }
  if (rest.length === 0) return true;
  const candidates = [];
  for (const v of b) {
    if (!matched.has(v) && (isObjectLike(v) || mode === kLoose)) candidates.push(v);
  }
  return pairOff(rest, candidates, (x, y) => innerEqual(x, y, mode, memo));
}

function mapEqual(a, b, mode, memo) {
  const rest = [];
  const matched = new Set();
  for (const entry of a) {
    const k = entry[0];
    if (!isObjectLike(k) && b.has(k) && innerEqual(entry[1], b.get(k), mode, memo)) {
      matched.add(k);
    } else if (!isObjectLike(k) && mode !== kLoose) {
      return false;
    } else {
      rest.push(entry);
    }
  }
  if (rest.length === 0) return true;
  const candidates = [];
  for (const entry of b) {
    if (!matched.has(entry[0]) && (isObjectLike(entry[0]) || mode === kLoose)) candidates.push(entry);
  }
  return pairOff(rest, candidates,
    (x, y) => innerEqual(x[0], y[0], mode, memo) && innerEqual(x[1], y[1], mode, memo));
}

function pairOff(rest, candidates, equal) {
  for (const v of rest) {
    const i = candidates.findIndex((c) => equal(v, c));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

function isDeepStrictEqual(a, b, skipPrototype) {
  return innerEqual(a, b, skipPrototype === true ? kStrictAnyPrototype : kStrict, newMemo());
}
function isDeepEqual(a, b) { return innerEqual(a, b, kLoose, newMemo()); }
function isPartialStrictEqual(actual, expected) { return innerEqual(expected, actual, kPartial, newMemo()); }
function newMemo() { return { a: new Set(), b: new Set() }; }

module.exports = { isDeepStrictEqual, isDeepEqual, isPartialStrictEqual };
