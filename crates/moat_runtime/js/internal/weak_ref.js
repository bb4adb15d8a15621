'use strict';
// The language keeps the target of a WeakRef just made or dereferenced alive until the current
// job ends, so `new WeakRef(obj).deref()` is obj for the rest of that code. QuickJS-ng frees an
// object the moment nothing holds it; the global WeakRef installed here holds such targets until
// the loop has run the ticks and microtasks after a callback (internal/loop clears them).

let keptObjects = [];

function clearKeptObjects() {
  if (keptObjects.length > 0) keptObjects = [];
}

function install() {
  const NativeWeakRef = globalThis.WeakRef;
  if (typeof NativeWeakRef !== 'function') return;
  const proto = NativeWeakRef.prototype;
  const nativeDeref = proto.deref;
  const WeakRef = function WeakRef(target) {
    if (new.target === undefined) throw new TypeError("Constructor WeakRef requires 'new'");
    const ref = Reflect.construct(NativeWeakRef, [target], new.target);
    keptObjects.push(target);
    return ref;
  };
  Object.defineProperty(WeakRef, 'prototype', { value: proto, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(proto, 'constructor', { value: WeakRef, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(proto, 'deref', {
    value: {
      deref() {
        const target = Reflect.apply(nativeDeref, this, []);
        if (target !== undefined) keptObjects.push(target);
        return target;
      },
    }.deref,
    writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(globalThis, 'WeakRef', { value: WeakRef, writable: true, enumerable: false, configurable: true });
}

module.exports = { install, clearKeptObjects };
