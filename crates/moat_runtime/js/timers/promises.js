'use strict';
// node:timers/promises

const loop = require('internal/loop');
const { AbortError, codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
const { validateObject, validateBoolean, validateAbortSignal } = require('internal/validators');

function checkDelay(delay) {
  if (delay !== undefined && typeof delay !== 'number') throw new ERR_INVALID_ARG_TYPE('delay', 'number', delay);
}

function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

const abortError = (signal) => new AbortError(undefined, { cause: signal.reason });

function setTimeout(delay, value, options = {}) {
  let signal, ref;
  try {
    checkDelay(delay);
    ({ signal, ref } = checkOptions(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const timeout = new loop.Timeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, delay, [], false, ref);
    function onAbort() {
      loop.clearTimer(timeout);
      reject(abortError(signal));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

function setImmediate(value, options = {}) {
  let signal, ref;
  try { ({ signal, ref } = checkOptions(options)); } catch (err) { return Promise.reject(err); }
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const imm = new loop.Immediate(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, []);
    if (!ref) imm.unref();
    function onAbort() {
      loop.clearImmediate(imm);
      reject(abortError(signal));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function* setInterval(delay, value, options = {}) {
  checkDelay(delay);
  const { signal, ref } = checkOptions(options);
  if (signal && signal.aborted) throw abortError(signal);
  let notYielded = 0;
  let wake;
  const interval = new loop.Timeout(() => {
    notYielded++;
    if (wake) { wake(); wake = undefined; }
  }, delay, [], true, ref);
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    if (wake) { wake(); wake = undefined; }
  };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (!aborted) {
      if (notYielded === 0) await new Promise((resolve) => { wake = resolve; });
      for (; notYielded > 0 && !aborted; notYielded--) yield value;
    }
    throw abortError(signal);
  } finally {
    loop.clearTimer(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

// The Scheduler of the Prioritized Task Scheduling API, as far as Node has it: one instance,
// `scheduler`, whose class cannot be constructed from outside.
const kScheduler = Symbol('kScheduler');
let making = false;

class Scheduler {
  constructor() {
    if (!making) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kScheduler] = true;
  }

  yield() {
    if (!this || this[kScheduler] !== true) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this || this[kScheduler] !== true) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, options);
  }
}

making = true;
const scheduler = new Scheduler();
making = false;

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
