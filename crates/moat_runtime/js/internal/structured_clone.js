'use strict';
// structuredClone: the HTML structured clone algorithm for the types Node supports.

function dataCloneError(message) {
  const { DOMException } = require('internal/dom_exception');
  return new DOMException(message, 'DataCloneError');
}

// Objects marked with worker_threads.markAsUncloneable().
const uncloneable = new WeakSet();
// Objects marked with worker_threads.markAsUntransferable() (Buffer's pools among them): a
// transfer list may not name them, and such an ArrayBuffer cannot be detached at all.
const untransferable = new WeakSet();
let detachGuarded = false;
function markUntransferable(obj) {
  untransferable.add(obj);
  if (!detachGuarded && obj instanceof ArrayBuffer) guardDetach();
}
// ArrayBuffer.prototype.transfer and transferToFixedLength refuse a marked buffer, as V8 refuses
// to detach a buffer that has a detach key.
function guardDetach() {
  detachGuarded = true;
  const proto = ArrayBuffer.prototype;
  const methods = {
    transfer(...args) {
      if (untransferable.has(this)) throw new TypeError('ArrayBuffer is not detachable and could not be cloned.');
      return Reflect.apply(nativeTransfer, this, args);
    },
    transferToFixedLength(...args) {
      if (untransferable.has(this)) throw new TypeError('ArrayBuffer is not detachable and could not be cloned.');
      return Reflect.apply(nativeTransferFixed, this, args);
    },
  };
  const nativeTransfer = proto.transfer;
  const nativeTransferFixed = proto.transferToFixedLength;
  for (const [name, native] of [['transfer', nativeTransfer], ['transferToFixedLength', nativeTransferFixed]]) {
    if (typeof native !== 'function') continue;
    Object.defineProperty(methods[name], 'length', { value: native.length });
    Object.defineProperty(proto, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
  }
}

// AbortSignals marked with util.transferableAbortSignal(): cloned when listed in the transfer
// list, as a signal that follows the original.
const transferableSignals = new WeakSet();

// A clone for another thread (worker_threads): the same, but a SharedArrayBuffer cannot go,
// as threads do not share memory here. `substitutes` maps objects the transfer list may name
// besides buffers (MessagePorts) to what stands for them in the clone.
function cloneForThread(value, options, substitutes) {
  return cloneWith(value, options, true, substitutes);
}

// A clone within the thread whose transfer list may name the objects `substitutes` maps.
function cloneWithSubstitutes(value, options, substitutes) {
  return cloneWith(value, options, false, substitutes);
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
    // Node's own wording, argument name included.
    throw new ERR_MISSING_ARGS('The value argument must be specified');
  }
  return cloneWith(value, options, false);
}

function cloneWith(value, options, forThread, substitutes) {
  const transfer = transferList(options, substitutes);
  const memory = new Map();
  function clone(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      if (typeof v === 'symbol') throw dataCloneError(`${String(v)} could not be cloned.`);
      return v;
    }
    if (typeof v === 'function') throw dataCloneError(`${Function.prototype.toString.call(v).split('\n')[0].slice(0, 60)} could not be cloned.`);
    if (memory.has(v)) return memory.get(v);
    if (substitutes !== undefined && substitutes.has(v)) return substitutes.get(v);
    if (uncloneable.has(v)) throw dataCloneError('Cannot clone object of unsupported type.');
    if (transferableSignals.has(v)) {
      if (!transfer.has(v)) throw dataCloneError('Object that needs transfer was found in message but not listed in transferList');
      const signal = require('internal/event_target').cloneAbortSignal(v);
      memory.set(v, signal);
      return signal;
    }
    let out;
    let tag = Object.prototype.toString.call(v);
    // Only an object the DOMException constructor made is cloned as one; an object merely
    // inheriting from DOMException.prototype is an ordinary object.
    if (tag === '[object DOMException]' && !require('internal/dom_exception').isDOMException(v)) tag = '[object Object]';
    switch (tag) {
      case '[object Boolean]': out = new Boolean(v.valueOf()); break;
      case '[object Number]': out = new Number(v.valueOf()); break;
      case '[object String]': out = new String(v.valueOf()); break;
      case '[object BigInt]': out = Object(BigInt.prototype.valueOf.call(v)); break;
      case '[object Date]': out = new Date(v.getTime()); break;
      case '[object RegExp]': out = new RegExp(v.source, v.flags); break;
      case '[object ArrayBuffer]': out = v.slice(0); break;
      // Within a thread the clone shares the memory, as a SharedArrayBuffer's clone does.
      case '[object SharedArrayBuffer]':
        if (forThread) {
          const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');
          throw new ERR_NOT_IMPLEMENTED('sharing a SharedArrayBuffer with another thread');
        }
        memory.set(v, v);
        return v;
      case '[object Map]':
        out = new Map();
        memory.set(v, out);
        for (const [k, val] of v) out.set(clone(k), clone(val));
        return out;
      case '[object Set]':
        out = new Set();
        memory.set(v, out);
        for (const val of v) out.add(clone(val));
        return out;
      case '[object DOMException]':
      case '[object Error]': {
        const { DOMException, isDOMException } = require('internal/dom_exception');
        if (isDOMException(v)) {
          out = new DOMException(v.message, v.name);
          memory.set(v, out);
          if (typeof v.stack === 'string') Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true });
          return out;
        }
        const ctors = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
        const name = ctors[v.name] ? v.name : 'Error';
        out = Object.create(ctors[name].prototype);
        memory.set(v, out);
        Object.defineProperty(out, 'message', { value: String(v.message), writable: true, configurable: true });
        if (typeof v.stack === 'string') Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true });
        if ('cause' in v) Object.defineProperty(out, 'cause', { value: clone(v.cause), writable: true, configurable: true });
        return out;
      }
      case '[object Blob]':
      case '[object File]': {
        const { Blob, File, blobBytes } = require('internal/blob');
        if (v instanceof Blob) {
          out = v instanceof File ?
            new File([blobBytes(v)], v.name, { type: v.type, lastModified: v.lastModified }) :
            new Blob([blobBytes(v)], { type: v.type });
          break;
        }
        out = {};
        memory.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k]);
        return out;
      }
      case '[object Array]':
        out = new Array(v.length);
        memory.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k]);
        return out;
      case '[object Object]':
        if (typeof v.then === 'function' && v instanceof Promise) throw dataCloneError('#<Promise> could not be cloned.');
        out = {};
        memory.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k]);
        return out;
      default:
        if (ArrayBuffer.isView(v)) {
          const buf = clone(v.buffer);
          const Ctor = v instanceof DataView ? DataView : globalThis[tag.slice(8, -1)] || Uint8Array;
          out = v instanceof DataView ? new DataView(buf, v.byteOffset, v.byteLength)
            : new Ctor(buf, v.byteOffset, v.length);
          break;
        }
        if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise || tag === '[object Symbol]') {
          throw dataCloneError(`${tag === '[object Symbol]' ? 'Symbol' : `#<${tag.slice(8, -1)}>`} could not be cloned.`);
        }
        out = {};
        memory.set(v, out);
        for (const k of Object.keys(v)) out[k] = clone(v[k]);
        return out;
    }
    memory.set(v, out);
    return out;
  }
  const result = clone(value);
  // The clone holds copies; transferring detaches the original buffers, as a move would. (A
  // transferred AbortSignal stays usable where it was.)
  for (const item of transfer) if (item instanceof ArrayBuffer) item.transfer();
  return result;
}

// The ArrayBuffers and transferable AbortSignals of `options.transfer`.
function optionsError(detail) {
  const err = new TypeError(`Failed to execute 'structuredClone': ${detail}`);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}
function transferList(options, substitutes) {
  if (options === undefined || options === null) return new Set();
  // A WebIDL dictionary: any object (functions included), nothing else.
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw optionsError('Options cannot be converted to a dictionary');
  }
  const list = options.transfer;
  if (list === undefined) return new Set();
  if (list === null || typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') {
    throw optionsError('transfer in Options cannot be converted to sequence.');
  }
  const buffers = new Set();
  let i = 0;
  for (const item of list) {
    if (item === null || (typeof item !== 'object' && typeof item !== 'function')) {
      throw optionsError(`transfer in Options[${i}] is not an object.`);
    }
    i++;
    if (transferableSignals.has(item)) {
      buffers.add(item);
      continue;
    }
    if (substitutes !== undefined && substitutes.has(item)) continue;
    if (untransferable.has(item)) throw dataCloneError('Cannot transfer object of unsupported type.');
    if (!(item instanceof ArrayBuffer)) throw dataCloneError('Found invalid value in transferList.');
    if (item.detached) throw dataCloneError('Cannot transfer object of unsupported type.');
    buffers.add(item);
  }
  return buffers;
}

module.exports = {
  structuredClone, cloneForThread, cloneWithSubstitutes, uncloneable, transferableSignals, untransferable,
  markUntransferable,
};
