'use strict';
// What the parts of crypto share: turning the byte sources Node accepts into Uint8Arrays the
// binding reads in place, Node's errors that carry no code, and running a callback form's work
// off the JS turn.

const binding = internalBinding('crypto');
const { codes } = require('internal/errors');

function isAnyArrayBuffer(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
}

// The bytes of a view or buffer as a Uint8Array over the same memory (no copy).
function bytesOf(v) {
  if (v instanceof Uint8Array) return v;
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  return new Uint8Array(v);
}

function lazyBuffer() { return require('buffer').Buffer; }

// A string (in `encoding`, UTF-8 when absent or unknown), ArrayBuffer or view, as bytes;
// anything else is Node's ERR_INVALID_ARG_TYPE naming `expected`.
function byteSource(value, name, expected, encoding) {
  if (typeof value === 'string') {
    const Buffer = lazyBuffer();
    return Buffer.from(value, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  }
  if (ArrayBuffer.isView(value) || isAnyArrayBuffer(value)) return bytesOf(value);
  throw new codes.ERR_INVALID_ARG_TYPE(name, expected, value);
}

const passwordTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// An error OpenSSL reports in Node: a plain Error with no code.
function derivingBitsFailed() { return new Error('Deriving bits failed'); }

// Runs a callback form's work and calls `done(err, bytes)` on a later turn of the loop. With
// threads, `start(true)` queues the work (the binding copies its inputs first) and returns the
// handle its result comes back on, in the loop's poll phase as Node's thread pool's results do.
// Without threads, `start(false)` does the work now, on the inputs as they are at the call, and
// the result is delivered from the check phase.
function runJob(start, done) {
  if (binding.threaded) {
    const r = start(true);
    if (typeof r !== 'number') { setImmediate(done, null, new Uint8Array(r)); return; }
    const loop = require('internal/loop');
    loop.registerHandle(r, (event) => {
      loop.unregisterHandle(r);
      done(null, event[3]);
    });
    return;
  }
  let result;
  try {
    result = new Uint8Array(start(false));
  } catch (err) {
    setImmediate(done, err);
    return;
  }
  setImmediate(done, null, result);
}

function toBuffer(bytes) {
  return lazyBuffer().from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// A fresh ArrayBuffer holding exactly `bytes`.
function toArrayBuffer(bytes) {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

module.exports = {
  binding, isAnyArrayBuffer, bytesOf, byteSource, passwordTypes, derivingBitsFailed, runJob, toBuffer,
  toArrayBuffer, lazyBuffer,
};
