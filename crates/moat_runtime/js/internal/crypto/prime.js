'use strict';
// generatePrime and checkPrime, in callback and synchronous forms.

const { codes } = require('internal/errors');
const { validateObject, validateBoolean, validateFunction, validateInt32 } = require('internal/validators');
const { binding, isAnyArrayBuffer, bytesOf, lazyBuffer } = require('internal/crypto/util');

const numberTypes = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

// OpenSSL's limit on a number's length: 2^29 - 64 bits (in 64-bit words).
const MAX_WORDS = 8388607;

function bignumError(coded) {
  const message = 'error:01800072:bignum routines::bignum too long';
  const err = new Error(message);
  if (coded) {
    err.library = 'bignum routines';
    err.reason = 'bignum too long';
    err.code = 'ERR_OSSL_BN_BIGNUM_TOO_LONG';
  }
  return err;
}

function bitsError(packed, reason) {
  return new Error(`error:${packed}:bignum routines::${reason}`);
}

// A non-negative bigint as big-endian bytes.
function bigintBytes(value, name) {
  if (value < 0n) throw new codes.ERR_OUT_OF_RANGE(name, '>= 0', value);
  let hex = value.toString(16);
  if (hex.length % 2 !== 0) hex = '0' + hex;
  return lazyBuffer().from(hex, 'hex');
}

// A number argument (bigint, ArrayBuffer or view) as bytes.
function numberBytes(value, name) {
  if (typeof value === 'bigint') return bigintBytes(value, name);
  if (isAnyArrayBuffer(value) || ArrayBuffer.isView(value)) return bytesOf(value);
  throw new codes.ERR_INVALID_ARG_TYPE(name, numberTypes, value);
}

function trimmed(bytes) {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

function bitLength(bytes) {
  const b = trimmed(bytes);
  return b.length === 0 ? 0 : (b.length - 1) * 8 + (32 - Math.clz32(b[0]));
}

function compare(a, b) {
  a = trimmed(a);
  b = trimmed(b);
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function toBigInt(bytes) {
  const hex = lazyBuffer().from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return hex.length === 0 ? 0n : BigInt('0x' + hex);
}

// The checked options of a prime to generate; throws Node's errors for bad ones.
function primeJob(size, options) {
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  let { add, rem } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  if (add !== undefined) add = numberBytes(add, 'options.add');
  if (rem !== undefined) rem = numberBytes(rem, 'options.rem');
  if (add !== undefined) {
    if (bitLength(add) > size) throw Object.assign(new RangeError('invalid options.add'), { code: 'ERR_OUT_OF_RANGE' });
    if (rem !== undefined && compare(add, rem) <= 0) {
      throw Object.assign(new RangeError('invalid options.rem'), { code: 'ERR_OUT_OF_RANGE' });
    }
  } else {
    rem = undefined;
  }
  return { size, safe, bigint, add: add === undefined ? null : add, rem: rem === undefined ? null : rem };
}

// Runs a job: the prime, or the error OpenSSL would report.
function runPrimeJob(job) {
  const r = binding.primeGenerate(job.size, job.safe, job.add, job.rem);
  if (r === 1) throw bitsError('01800076', 'bits too small');
  if (r === 2) throw bitsError('01800067', 'div by zero');
  if (r === 3) throw Object.assign(new RangeError('invalid options.add'), { code: 'ERR_OUT_OF_RANGE' });
  return job.bigint ? toBigInt(new Uint8Array(r)) : r;
}

function generatePrime(size, options, callback) {
  validateInt32(size, 'size', 1);
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const job = primeJob(size, options);
  deliver(() => runPrimeJob(job), callback);
}

function generatePrimeSync(size, options = {}) {
  validateInt32(size, 'size', 1);
  return runPrimeJob(primeJob(size, options));
}

// The candidate as bytes and the number of extra rounds; throws Node's errors for bad ones.
function checkJob(candidate, options) {
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInt32(checks, 'options.checks', 0);
  const bytes = trimmed(candidate);
  if (bytes.length > MAX_WORDS * 8) throw bignumError(true);
  return { bytes, checks };
}

function runCheckJob(job) {
  // Numbers past half the limit overflow OpenSSL's intermediate products.
  if (job.bytes.length > (MAX_WORDS >> 1) * 8) throw bignumError(false);
  return binding.primeCheck(job.bytes, job.checks);
}

function checkPrime(candidate, options = {}, callback) {
  const bytes = numberBytes(candidate, 'candidate');
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const job = checkJob(bytes, options);
  deliver(() => runCheckJob(job), callback);
}

function checkPrimeSync(candidate, options = {}) {
  const bytes = numberBytes(candidate, 'candidate');
  return runCheckJob(checkJob(bytes, options));
}

// Calls `callback(err, result)` on a later turn of the loop with what `work` gives or throws.
// The work is done now, on the arguments as they are at the call.
function deliver(work, callback) {
  let result;
  try {
    result = work();
  } catch (err) {
    setImmediate(callback, err);
    return;
  }
  setImmediate(callback, undefined, result);
}

module.exports = {
  generatePrime,
  generatePrimeSync,
  checkPrime,
  checkPrimeSync,
};
