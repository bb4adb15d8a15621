'use strict';
// Deep equality as assert.deepStrictEqual / deepEqual and util.isDeepStrictEqual define it.

const kStrict = true;
const kLoose = false;

const tagOf = (v) => Object.prototype.toString.call(v);
const isBoxed = (v) => ['[object Number]', '[object String]', '[object Boolean]', '[object BigInt]', '[object Symbol]'].includes(tagOf(v));

function ownKeys(v, strict) {
  const keys = Object.keys(v);
  if (!strict) return keys;
  for (const s of Object.getOwnPropertySymbols(v)) {
    if (Object.prototype.propertyIsEnumerable.call(v, s)) keys.push(s);
  }
  return keys;
}

function primitiveEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  // eslint-disable-next-line eqeqeq
  return a == b || (Number.isNaN(a) && Number.isNaN(b));
}

function innerEqual(a, b, strict, memo) {
  if (a === b) return a !== 0 || Object.is(a, b) || !strict;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    if (typeof a === 'function' || typeof b === 'function') return false;
    if (!strict && (a === null || typeof a !== 'object') && (b === null || typeof b !== 'object')) return primitiveEqual(a, b, false);
    return strict ? Object.is(a, b) : false;
  }
  const ta = tagOf(a);
  if (ta !== tagOf(b)) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date) {
    if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
  } else if (a instanceof RegExp) {
    if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (a instanceof Error) {
    if (!(b instanceof Error) || a.message !== b.message || a.name !== b.name) return false;
    if (('cause' in a) !== ('cause' in b) || ('cause' in a && !innerEqual(a.cause, b.cause, strict, memo))) return false;
  } else if (isBoxed(a)) {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
    if (!(a instanceof DataView) && !(a instanceof Uint8Array || a instanceof Int8Array || a instanceof Uint8ClampedArray)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!primitiveEqual(a[i], b[i], strict)) return false;
    } else {
      const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
  } else if (a instanceof ArrayBuffer) {
    if (!(b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a), y = new Uint8Array(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  } else if (a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) {
    return false;
  }
  const ka = ownKeys(a, strict);
  const kb = ownKeys(b, strict);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
  }
  if (Array.isArray(a) && a.length !== b.length) return false;

  // Cycles: a pair seen before is equal unless proven otherwise.
  let seen = memo.get(a);
  if (seen === undefined) { seen = new Set(); memo.set(a, seen); }
  if (seen.has(b)) return true;
  seen.add(b);

  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size || !setEqual(a, b, strict, memo)) return false;
  } else if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size || !mapEqual(a, b, strict, memo)) return false;
  }
  for (const k of ka) {
    if (!innerEqual(a[k], b[k], strict, memo)) return false;
  }
  return true;
}

function setEqual(a, b, strict, memo) {
  const rest = [];
  for (const v of a) {
    if (v !== null && typeof v === 'object') rest.push(v);
    else if (!b.has(v)) {
      if (strict) return false;
      rest.push(v);
    }
  }
  if (rest.length === 0) return true;
  const candidates = [...b].filter((v) => (v !== null && typeof v === 'object') || !a.has(v));
  for (const v of rest) {
    const i = candidates.findIndex((c) => innerEqual(v, c, strict, memo));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

function mapEqual(a, b, strict, memo) {
  const rest = [];
  for (const [k, v] of a) {
    if (k !== null && typeof k === 'object') rest.push([k, v]);
    else if (!b.has(k) || !innerEqual(v, b.get(k), strict, memo)) {
      if (strict || b.has(k)) return false;
      rest.push([k, v]);
    }
  }
  if (rest.length === 0) return true;
  const candidates = [...b].filter(([k]) => (k !== null && typeof k === 'object') || !a.has(k));
  for (const [k, v] of rest) {
    const i = candidates.findIndex(([ck, cv]) => innerEqual(k, ck, strict, memo) && innerEqual(v, cv, strict, memo));
    if (i === -1) return false;
    candidates.splice(i, 1);
  }
  return true;
}

function isDeepStrictEqual(a, b) { return innerEqual(a, b, kStrict, new Map()); }
function isDeepEqual(a, b) { return innerEqual(a, b, kLoose, new Map()); }

module.exports = { isDeepStrictEqual, isDeepEqual };
