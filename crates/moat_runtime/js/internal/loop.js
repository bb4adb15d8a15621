'use strict';
// The event loop, in Node's phase order: timers, pending, poll, check (setImmediate), close.
// After every callback the nextTick queue drains, then the microtask queue, repeatedly, and
// unhandled promise rejections are processed — as Node's processTicksAndRejections does.

const timersBinding = internalBinding('timers');
const { now, sleep, runMicrotasks } = timersBinding;

// ---- nextTick and microtasks -------------------------------------------------------------

const { clearKeptObjects } = require('internal/weak_ref');

const tickQueue = [];
let tickHead = 0;

// ---- async context ------------------------------------------------------------------------
// null until node:async_hooks is first used. Then it is internal/async_hooks, and each resource
// created from then on (Timeout, Immediate, TickObject, handle, close callback) records the
// context it was created in, which is entered around its callback: AsyncLocalStorage's stores,
// the async ids, and createHook()'s init/before/after/destroy.
let asyncCtx = null;
function enableAsyncContext(impl) { asyncCtx = impl; }

// Async ids: 1 is the main script's; resources count on from there.
let lastAsyncId = 1;
function newAsyncId() { return ++lastAsyncId; }

// The process object, looked up once (the global is an accessor).
let proc;
function nextTick(callback, ...args) {
  if (typeof callback !== 'function') {
    const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
    throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  }
  if ((proc ??= require('internal/process/current').get())._exiting) return;
  // No arguments, as in Node: `args` is undefined and the callback is called directly.
  const tick = { callback, args: args.length === 0 ? undefined : args };
  if (asyncCtx !== null) asyncCtx.init(tick, 'TickObject');
  tickQueue.push(tick);
}

// Uncaught errors and unhandled rejections go to internal/main.
const fatalHandler = (err) => require('internal/main').onFatal(err);

// Runs `fn` as a top-level callback: an exception goes to the fatal handler. `resource`, when
// async_hooks is in use, is what the callback runs on behalf of (its context is entered).
function runCallback(fn, thisArg, args, resource) {
  if (asyncCtx !== null && resource !== undefined) {
    runInContext(fn, thisArg, args, resource);
    return;
  }
  try {
    // Reflect.apply: user code may have replaced fn.call and fn.apply.
    Reflect.apply(fn, thisArg, args === undefined ? [] : args);
  } catch (err) {
    fatalHandler(err);
  }
  processTicksAndRejections();
}

// The ticks and microtasks that follow run in the callback's frame of stores too: promise
// reactions restore their own, and an `await` resumed there continues in it.
function runInContext(fn, thisArg, args, resource) {
  const saved = asyncCtx.enter(resource);
  try {
    Reflect.apply(fn, thisArg, args === undefined ? [] : args);
  } catch (err) {
    fatalHandler(err);
  }
  asyncCtx.exitCallback(resource);
  // A timeout that has run is destroyed before the ticks it queued run, as in Node.
  if (resource instanceof Timeout && resource._repeat === null && !resource._inList) destroyTimer(resource);
  processTicksAndRejections();
  asyncCtx.restore(saved);
}

// A tick created under async_hooks: run in the context it was created in.
function runTick(tick) {
  const saved = asyncCtx.enter(tick);
  try {
    Reflect.apply(tick.callback, undefined, tick.args ?? []);
  } catch (err) {
    fatalHandler(err);
  }
  asyncCtx.exitCallback(tick);
  asyncCtx.restore(saved);
  asyncCtx.destroy(tick);
}

// Named as Node's frame reads in stack traces (`at process.processTicksAndRejections`): it
// runs the ticks on behalf of `process`, and calls a plain tick's callback itself, so that
// frame is the callback's caller as in Node.
const { 'process.processTicksAndRejections': processTicksAndRejections } = {
  'process.processTicksAndRejections'() {
    do {
      while (tickHead < tickQueue.length) {
        const tick = tickQueue[tickHead];
        tickQueue[tickHead++] = undefined;
        if (asyncCtx !== null && tick[kAsyncId] !== undefined) {
          runTick(tick);
        } else {
          try {
            // `this` is undefined in a tick callback.
            if (tick.args === undefined) (0, tick.callback)();
            else Reflect.apply(tick.callback, undefined, tick.args);
          } catch (err) {
            fatalHandler(err);
          }
        }
        if (tickHead > 1024 && tickHead * 2 > tickQueue.length) {
          tickQueue.splice(0, tickHead);
          tickHead = 0;
        }
      }
      tickQueue.length = 0;
      tickHead = 0;
      if (asyncCtx === null) runMicrotasks(); else asyncCtx.runMicrotasks();
    } while (tickHead < tickQueue.length || processRejections());
    // The job is over: WeakRef targets are held no longer (internal/weak_ref).
    clearKeptObjects();
  },
};

// ---- promise rejections ------------------------------------------------------------------

const pendingRejections = new Map();
const reportedRejections = new WeakSet();
const handledLater = [];

function onRejection(promise, reason, handled) {
  if (!handled) {
    pendingRejections.set(promise, reason);
  } else if (pendingRejections.has(promise)) {
    pendingRejections.delete(promise);
  } else if (reportedRejections.has(promise)) {
    // Reported after the handler's own microtasks, with the other rejection news.
    handledLater.push(promise);
  }
}

// Returns true when it ran something that may have queued more work.
function processRejections() {
  if (handledLater.length > 0) {
    for (const promise of handledLater.splice(0)) process.emit('rejectionHandled', promise);
    return true;
  }
  if (pendingRejections.size === 0) return false;
  const list = [...pendingRejections];
  pendingRejections.clear();
  for (const [promise, reason] of list) {
    reportedRejections.add(promise);
    require('internal/main').onUnhandledRejection(promise, reason);
  }
  return true;
}

// ---- timers ------------------------------------------------------------------------------

const kTimeout = Symbol('timeout');
// Sorted by (_listWhen, _listId), from timerHead on: each timer's due time and id when it was
// put in. refresh() only moves a timer's _when and _id on (sockets refresh theirs on every read
// and write); the timers phase puts a timer whose _when has moved back in its new place.
let timerList = [];
// While the timers phase runs, the timers before timerHead have been taken off the list; they are
// cut off at the end of the phase (one shift per timer would cost O(n) each).
let timerHead = 0;
let timerId = 0;
let refedTimers = 0;
const warned = { negative: false, nan: false };

function insertTimer(t) {
  t._inList = true;
  const when = t._listWhen = t._when;
  const id = t._listId = t._id;
  let lo = timerHead, hi = timerList.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = timerList[mid];
    if (m._listWhen < when || (m._listWhen === when && m._listId < id)) lo = mid + 1; else hi = mid;
  }
  timerList.splice(lo, 0, t);
}
function removeTimer(t) {
  if (!t._inList) return;
  t._inList = false;
  const i = timerList.indexOf(t, timerHead);
  if (i !== -1) timerList.splice(i, 1);
}


class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    const requested = after;
    after *= 1;
    if (!(after >= 1 && after <= 2147483647)) {
      if (after > 2147483647) {
        process.emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`, 'TimeoutOverflowWarning');
      } else if (after < 0 && !warned.negative) {
        warned.negative = true;
        process.emitWarning(`${after} is a negative number.\nTimeout duration was set to 1.`, 'TimeoutNegativeWarning');
      } else if (typeof requested === 'number' && Number.isNaN(requested) && !warned.nan) {
        warned.nan = true;
        process.emitWarning('NaN is not a number.\nTimeout duration was set to 1.', 'TimeoutNaNWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    this[kRefed] = isRefed;
    this._id = ++timerId;
    this._when = Math.floor(now()) + Math.trunc(after);
    this._active = true;
    if (isRefed) refedTimers++;
    if (asyncCtx !== null) asyncCtx.init(this, 'Timeout');
    insertTimer(this);
  }
  refresh() {
    if (this._active) {
      const when = Math.floor(now()) + Math.trunc(this._idleTimeout);
      this._id = ++timerId;
      if (this._inList && when >= this._listWhen) {
        this._when = when;
      } else {
        removeTimer(this);
        this._when = when;
        insertTimer(this);
      }
    }
    return this;
  }
  unref() {
    if (this[kRefed]) { this[kRefed] = false; if (this._active) refedTimers--; }
    return this;
  }
  ref() {
    if (!this[kRefed]) { this[kRefed] = true; if (this._active) refedTimers++; }
    return this;
  }
  hasRef() { return this[kRefed]; }
  close() { clearTimeoutInternal(this); return this; }
  [Symbol.dispose]() { clearTimeoutInternal(this); }
  // The timer's async id; clearTimeout() then also takes that number.
  [Symbol.toPrimitive]() {
    if (this[kAsyncId] === undefined) this[kAsyncId] = newAsyncId();
    if (!this[kKnown]) {
      this[kKnown] = true;
      if (this._active) knownTimersById.set(this[kAsyncId], this);
    }
    return this[kAsyncId];
  }
}
const kRefed = Symbol('refed');
const kKnown = Symbol('known');
const kDestroyed = Symbol('destroyed');
const kAsyncId = Symbol('asyncId');
const kTriggerId = Symbol('triggerId');
const knownTimersById = new Map();

// Puts a cleared timer back in the list with a new duration: a socket's idle timer, re-armed
// for each keep-alive wait without a new Timeout. Not while async hooks watch timers (they would
// miss the init of what is, to them, a new timer).
function rearmTimer(t, after) {
  if (t._active || t._destroyed !== true || asyncCtx !== null) return false;
  t._idleTimeout = after;
  t._destroyed = false;
  t._active = true;
  t._id = ++timerId;
  t._when = Math.floor(now()) + Math.trunc(after);
  if (t[kRefed]) refedTimers++;
  insertTimer(t);
  return true;
}

function clearTimeoutInternal(timer) {
  if (timer && timer._active) {
    deactivate(timer);
    removeTimer(timer);
  }
}

function clearTimer(timer) {
  if (timer == null) return;
  if (typeof timer === 'number' || typeof timer === 'string') {
    const t = knownTimersById.get(Number(timer));
    if (t !== undefined) clearTimeoutInternal(t);
    return;
  }
  if (timer instanceof Timeout) clearTimeoutInternal(timer);
}

// The timer whose callback is running (out of the list meanwhile).
let runningTimer;

function deactivate(t) {
  t._active = false;
  t._destroyed = true;
  if (t[kRefed]) refedTimers--;
  if (t[kAsyncId] !== undefined) knownTimersById.delete(t[kAsyncId]);
  destroyTimer(t);
}

function destroyTimer(t) {
  if (asyncCtx !== null && t[kTriggerId] !== undefined && !t[kDestroyed]) {
    t[kDestroyed] = true;
    asyncCtx.destroy(t);
  }
}

function runTimers() {
  const nowMs = Math.floor(now());
  // Only timers due at the start of this phase run; ones added while it runs wait.
  const maxId = timerId;
  while (timerHead < timerList.length) {
    const t = timerList[timerHead];
    if (t._listWhen > nowMs) break;
    if (t._listId > maxId) break;
    timerHead++;
    t._inList = false;
    // Refreshed since it was put in: back in, at its new place.
    if (t._when !== t._listWhen || t._id !== t._listId) {
      insertTimer(t);
      continue;
    }
    const callback = t._onTimeout;
    runningTimer = t;
    if (typeof callback === 'function') runCallback(callback, t, t._timerArgs, t);
    runningTimer = undefined;
    // Cleared in the callback, or refreshed (back in the list): nothing more to do. Else an
    // interval goes on, unless its callback took its callback or delay away, and a timeout ends.
    if (!t._active || t._inList) continue;
    if (t._repeat !== null && t._idleTimeout >= 0 && typeof t._onTimeout === 'function') {
      t._when = Math.floor(now()) + Math.trunc(t._repeat);
      t._id = ++timerId;
      insertTimer(t);
    } else {
      deactivate(t);
    }
  }
  if (timerHead > 0) {
    timerList.splice(0, timerHead);
    timerHead = 0;
  }
}

// ---- immediates --------------------------------------------------------------------------

let immediateQueue = [];
let refedImmediates = 0;

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = true;
    refedImmediates++;
    if (asyncCtx !== null) asyncCtx.init(this, 'Immediate');
    immediateQueue.push(this);
  }
  ref() { if (!this[kRefed]) { this[kRefed] = true; if (!this._destroyed) refedImmediates++; } return this; }
  unref() { if (this[kRefed]) { this[kRefed] = false; if (!this._destroyed) refedImmediates--; } return this; }
  hasRef() { return this[kRefed]; }
  [Symbol.dispose]() { clearImmediate(this); }
}

function clearImmediate(imm) {
  if (!imm || imm._destroyed || !(imm instanceof Immediate)) return;
  imm._destroyed = true;
  if (imm[kRefed]) refedImmediates--;
  const i = immediateQueue.indexOf(imm);
  if (i !== -1) immediateQueue.splice(i, 1);
  if (asyncCtx !== null && imm[kTriggerId] !== undefined) asyncCtx.destroy(imm);
}

function runImmediates() {
  if (asyncCtx !== null) asyncCtx.flushDestroys();
  const queue = immediateQueue;
  immediateQueue = [];
  for (let i = 0; i < queue.length; i++) {
    const imm = queue[i];
    if (imm._destroyed) continue;
    imm._destroyed = true;
    if (imm[kRefed]) refedImmediates--;
    runCallback(imm._onImmediate, imm, imm._argv, imm);
    if (asyncCtx !== null && imm[kTriggerId] !== undefined) asyncCtx.destroy(imm);
  }
}

// ---- handles: OS work that completes off this thread (child processes) ------------------

const { poll } = timersBinding;
const handles = new Map(); // handle id -> { onEvent, refed }
let refedHandles = 0;

function registerHandle(id, onEvent) {
  const h = { onEvent, refed: true };
  // Its events are delivered in the context the handle was made in.
  if (asyncCtx !== null) asyncCtx.capture(h);
  handles.set(id, h);
  refedHandles++;
}
function unregisterHandle(id) {
  const h = handles.get(id);
  if (h === undefined) return;
  if (h.refed) refedHandles--;
  handles.delete(id);
}
function refHandle(id) {
  const h = handles.get(id);
  if (h !== undefined && !h.refed) { h.refed = true; refedHandles++; }
}
function unrefHandle(id) {
  const h = handles.get(id);
  if (h !== undefined && h.refed) { h.refed = false; refedHandles--; }
}

const closeCallbacks = [];
function queueClose(fn) {
  if (asyncCtx !== null) {
    const captured = asyncCtx.capture({});
    closeCallbacks.push(() => runCallback(fn, undefined, undefined, captured));
    return;
  }
  closeCallbacks.push(fn);
}

// Names of what keeps the loop alive, for process.getActiveResourcesInfo().
function activeResources() {
  const out = [];
  for (let i = timerHead; i < timerList.length; i++) if (timerList[i][kRefed]) out.push('Timeout');
  if (runningTimer !== undefined && runningTimer._active && !runningTimer._inList && runningTimer[kRefed]) out.push('Timeout');
  for (const i of immediateQueue) if (!i._destroyed && i[kRefed]) out.push('Immediate');
  for (const h of handles.values()) if (h.refed) out.push('ProcessWrap');
  return out;
}

function isAlive() {
  return refedTimers > 0 || refedImmediates > 0 || refedHandles > 0 || closeCallbacks.length > 0 ||
    (asyncCtx !== null && asyncCtx.hasPendingDestroys());
}

// Waits for I/O until the next timer is due (not at all when immediates are queued, or when
// `done` says the run is over), then runs the callbacks of what arrived.
function runPoll(done) {
  let timeout = -1;
  if (immediateQueue.length > 0 || closeCallbacks.length > 0 || (done !== undefined && done()) ||
    (asyncCtx !== null && asyncCtx.hasPendingDestroys())) timeout = 0;
  else if (timerHead < timerList.length) timeout = Math.max(0, timerList[timerHead]._listWhen - now());
  if (handles.size === 0) {
    if (timeout > 0 && (refedTimers > 0 || refedHandles > 0)) sleep(timeout);
    return;
  }
  if (refedHandles === 0 && timeout < 0) timeout = 0;
  for (const event of poll(timeout)) {
    const h = handles.get(event[1]);
    if (h !== undefined) runCallback(h.onEvent, undefined, [event], h);
  }
}

function runClose() {
  while (closeCallbacks.length > 0) {
    const fn = closeCallbacks.shift();
    runCallback(fn);
  }
}

// Whether nothing is ready to run now: no immediate or close callback queued and no timer due
// (what is left waits for time to pass or for I/O).
function idle() {
  return immediateQueue.length === 0 && closeCallbacks.length === 0 &&
    (timerHead >= timerList.length || timerList[timerHead]._listWhen > Math.floor(now()));
}

// Runs until nothing keeps the loop alive, or until `done()` (when given) is true.
function run(done) {
  while (isAlive() && (done === undefined || !done())) {
    runTimers();
    runPoll(done);
    runImmediates();
    runClose();
  }
}

module.exports = {
  nextTick, processTicksAndRejections, runCallback, onRejection,
  Timeout, Immediate, clearTimer, clearImmediate, rearmTimer, run, isAlive, idle, registerHandle, unregisterHandle,
  refHandle, unrefHandle, queueClose, now, kRefed, activeResources,
  enableAsyncContext, newAsyncId, kAsyncId, kTriggerId,
};
