'use strict';
// node:timers/promises

const loop = require('internal/loop');
const { AbortError, codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
const { validateObject, validateBoolean, validateAbortSignal } = require('internal/validators');

function checkOptions(options) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  return { signal, ref };
}

function setTimeout(after, value, options = {}) {
  let signal, ref;
  try { ({ signal, ref } = checkOptions(options)); } catch (err) { return Promise.reject(err); }
  if (signal && signal.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  return new Promise((resolve, reject) => {
    const timeout = new loop.Timeout(() => { if (signal) signal.removeEventListener('abort', onAbort); resolve(value); }, after, [], false, ref);
    function onAbort() {
      loop.clearTimer(timeout);
      reject(new AbortError(undefined, { cause: signal.reason }));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

function setImmediate(value, options = {}) {
  let signal, ref;
  try { ({ signal, ref } = checkOptions(options)); } catch (err) { return Promise.reject(err); }
  if (signal && signal.aborted) return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  return new Promise((resolve, reject) => {
    const imm = new loop.Immediate(() => { if (signal) signal.removeEventListener('abort', onAbort); resolve(value); }, []);
    if (!ref) imm.unref();
    function onAbort() {
      loop.clearImmediate(imm);
      reject(new AbortError(undefined, { cause: signal.reason }));
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function* setInterval(after, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (signal && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
  let notYielded = 0;
  let wake;
  const interval = new loop.Timeout(() => { notYielded++; if (wake) { wake(); wake = undefined; } }, after, [], true, ref);
  let aborted = false;
  const onAbort = () => { aborted = true; if (wake) { wake(); wake = undefined; } };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    while (!aborted) {
      if (notYielded === 0) await new Promise((resolve) => { wake = resolve; });
      for (; notYielded > 0 && !aborted; notYielded--) yield value;
    }
    throw new AbortError(undefined, { cause: signal && signal.reason });
  } finally {
    loop.clearTimer(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait: (delay, options) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

void ERR_INVALID_ARG_TYPE;
module.exports = { setTimeout, setImmediate, setInterval, scheduler };
