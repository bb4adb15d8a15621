'use strict';
// The async context behind node:async_hooks: the frame of AsyncLocalStorage stores that is
// current, the async ids of the resource whose callback runs, and the hooks of createHook().
//
// Loaded with node:async_hooks. From then on the event loop (internal/loop) asks it to record, on
// each resource it creates, the context it was created in, and to enter that context around the
// resource's callbacks. The current frame is the engine's continuation data, so promise reactions
// and `await` resumptions run in the frame that was current when they were registered, and every
// other microtask in the frame current when it was queued, as Node 24's AsyncContextFrame does.

const loop = require('internal/loop');
const { kAsyncId, kTriggerId, newAsyncId } = loop;

const kFrame = Symbol('frame');
const binding = internalBinding('async_hooks');

// ---- the current context ------------------------------------------------------------------

// A frame maps each AsyncLocalStorage to its store. Frames are never changed once current:
// run() and enterWith() make a new one. undefined is the empty frame. The engine keeps the
// current one, and makes each job's own current while the job runs.
const { getFrame, setFrame } = binding;
let executionId = 1;
let triggerId = 0;
const topLevelResource = {};
let executionResource = topLevelResource;

// Saved contexts of the callbacks being run, four entries each.
const stack = [];

function init(resource, type) {
  const id = newAsyncId();
  resource[kAsyncId] = id;
  resource[kTriggerId] = executionId;
  resource[kFrame] = getFrame();
  if (counts.init > 0) emitInit(id, type, executionId, resource);
}

// Records the context of a resource no hook hears of (a handle): its callbacks run in it.
function capture(resource) {
  resource[kAsyncId] = newAsyncId();
  resource[kTriggerId] = executionId;
  resource[kFrame] = getFrame();
  return resource;
}

function enter(resource) {
  stack.push(getFrame(), executionId, triggerId, executionResource);
  setFrame(resource[kFrame]);
  executionId = resource[kAsyncId];
  triggerId = resource[kTriggerId];
  executionResource = resource;
  if (counts.before > 0) emitSimple('before', executionId);
}

// The callback has returned: 'after', and the ids of the outer context again (the frame stays for
// the microtask checkpoint that follows).
function exitCallback(resource) {
  if (counts.after > 0) emitSimple('after', resource[kAsyncId]);
  const n = stack.length;
  executionId = stack[n - 3];
  triggerId = stack[n - 2];
  executionResource = stack[n - 1];
}

function restore() {
  executionResource = stack.pop();
  triggerId = stack.pop();
  executionId = stack.pop();
  setFrame(stack.pop());
}

// Leaves the context of `resource` entered by AsyncResource.runInAsyncScope.
function exitScope(resource) {
  if (counts.after > 0) emitSimple('after', resource[kAsyncId]);
  restore();
}

// ---- hooks --------------------------------------------------------------------------------

const enabledHooks = [];
const counts = { init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0 };
const kinds = ['init', 'before', 'after', 'destroy', 'promiseResolve'];
// A hook's callbacks do not see the resources that they themselves create.
let inHook = false;

// An error thrown by a hook callback cannot be handled: it is printed and the process exits
// with 1, as in Node ('uncaughtException' listeners do not see it).
function reportHookError(err) {
  inHook = false;
  const stack = err !== null && typeof err === 'object' && typeof err.stack === 'string' ?
    err.stack : new Error(String(err)).stack;
  process._rawWrite(2, `${stack}\n`);
  process.exit(1);
}

function emitInit(id, type, trigger, resource) {
  if (inHook) return;
  inHook = true;
  try {
    for (const h of enabledHooks.slice()) {
      if (h.init !== undefined) Reflect.apply(h.init, h, [id, type, trigger, resource]);
    }
  } catch (err) {
    reportHookError(err);
  }
  inHook = false;
}

function emitSimple(kind, id) {
  if (inHook) return;
  inHook = true;
  try {
    for (const h of enabledHooks.slice()) {
      const fn = h[kind];
      if (fn !== undefined) Reflect.apply(fn, h, [id]);
    }
  } catch (err) {
    reportHookError(err);
  }
  inHook = false;
}

// Destroy hooks run together, later, as in Node (before the next immediates).
let pendingDestroys = [];
function destroy(resource) {
  if (counts.destroy > 0) pendingDestroys.push(resource[kAsyncId]);
}
function destroyId(id) {
  if (counts.destroy > 0) pendingDestroys.push(id);
}
function flushDestroys() {
  while (pendingDestroys.length > 0) {
    const ids = pendingDestroys;
    pendingDestroys = [];
    for (const id of ids) emitSimple('destroy', id);
  }
}
const hasPendingDestroys = () => pendingDestroys.length > 0;

function hookEnabled(hook) {
  if (enabledHooks.includes(hook)) return;
  enabledHooks.push(hook);
  for (const k of kinds) if (hook[k] !== undefined) counts[k]++;
  updatePromiseTracking();
}

function hookDisabled(hook) {
  const i = enabledHooks.indexOf(hook);
  if (i === -1) return;
  enabledHooks.splice(i, 1);
  for (const k of kinds) if (hook[k] !== undefined) counts[k]--;
  updatePromiseTracking();
}

// ---- promises -----------------------------------------------------------------------------

// Each promise's async id and trigger id, while promise hooks are on.
const promiseIds = new WeakMap();
let promiseHookOn = false;
let promiseRegistry;

function onPromiseEvent(type, promise, parent) {
  if (type === 0) {
    const id = newAsyncId();
    const parentIds = parent !== undefined ? promiseIds.get(parent) : undefined;
    const trigger = parentIds !== undefined ? parentIds[0] : executionId;
    promiseIds.set(promise, [id, trigger]);
    if (counts.destroy > 0) {
      promiseRegistry ??= new FinalizationRegistry(destroyId);
      promiseRegistry.register(promise, id);
    }
    if (counts.init > 0) emitInit(id, 'PROMISE', trigger, promise);
  } else if (type === 1 || type === 2) {
    // A job that resolves `promise` with a thenable calls its `then` as that promise's callback.
    const ids = promiseIds.get(promise);
    if (ids === undefined) return;
    if (type === 1) {
      stack.push(getFrame(), executionId, triggerId, executionResource);
      executionId = ids[0];
      triggerId = ids[1];
      executionResource = promise;
      if (counts.before > 0) emitSimple('before', ids[0]);
    } else {
      if (counts.after > 0) emitSimple('after', ids[0]);
      restore();
    }
  } else {
    if (counts.promiseResolve > 0) {
      const ids = promiseIds.get(promise);
      if (ids !== undefined) emitSimple('promiseResolve', ids[0]);
    }
    if (pendingAfterId !== 0 && pendingAfterPromise === promise) flushAfter();
  }
}

function updatePromiseTracking() {
  const want = counts.init + counts.before + counts.after + counts.destroy + counts.promiseResolve > 0;
  if (want === promiseHookOn) return;
  promiseHookOn = want;
  binding.setPromiseHook(want ? onPromiseEvent : undefined);
  if (want) installThen();
}

const nativeThen = Promise.prototype.then;
const { runMicrotasks: plainRunMicrotasks } = internalBinding('timers');
let thenInstalled = false;

// With promise hooks on, a reaction runs as its derived promise's callback: before/after with
// that promise's id (the engine reports neither for reaction jobs).
function withHooks(fn, cell) {
  return function reaction(value) {
    const ids = promiseIds.get(cell.promise);
    if (ids === undefined || !promiseHookOn) return fn(value);
    stack.push(getFrame(), executionId, triggerId, executionResource);
    executionId = ids[0];
    triggerId = ids[1];
    executionResource = cell.promise;
    if (counts.before > 0) emitSimple('before', ids[0]);
    try {
      return fn(value);
    } finally {
      // 'after' comes once the engine has settled the derived promise with what the callback
      // returned (its promiseResolve first, as in Node), or at the end of the job.
      if (counts.after > 0) {
        pendingAfterId = ids[0];
        pendingAfterPromise = cell.promise;
      }
      restore();
    }
  };
}

let pendingAfterId = 0;
let pendingAfterPromise;
function flushAfter() {
  const id = pendingAfterId;
  pendingAfterId = 0;
  pendingAfterPromise = undefined;
  emitSimple('after', id);
}

const callThen = Function.prototype.call.bind(nativeThen);

// Installed when a hook that hears of promises is first enabled.
function installThen() {
  if (thenInstalled) return;
  thenInstalled = true;
  const then = {
    then(onFulfilled, onRejected) {
      if (!promiseHookOn) return callThen(this, onFulfilled, onRejected);
      const cell = { promise: undefined };
      const derived = callThen(this,
        typeof onFulfilled === 'function' ? withHooks(onFulfilled, cell) : onFulfilled,
        typeof onRejected === 'function' ? withHooks(onRejected, cell) : onRejected);
      cell.promise = derived;
      return derived;
    },
  }.then;
  Object.defineProperty(Promise.prototype, 'then', {
    value: then, writable: true, enumerable: false, configurable: true,
  });
}

// The microtask checkpoint. The engine runs each job in its own frame and puts the frame back
// after it; with hooks on, a reaction's pending 'after' is emitted at the end of its job.
function runMicrotasks() {
  if (!thenInstalled) {
    plainRunMicrotasks();
    return;
  }
  binding.runMicrotasks(() => {
    if (pendingAfterId !== 0) flushAfter();
  });
}

let contextEnabled = false;
// Called when node:async_hooks loads: the loop records contexts from now on.
function enableContext() {
  if (contextEnabled) return;
  contextEnabled = true;
  loop.enableAsyncContext(module.exports);
}

module.exports = {
  kFrame, getFrame, setFrame, init, capture, enter, exitCallback, restore, exitScope,
  destroy, destroyId, flushDestroys, hasPendingDestroys, hookEnabled, hookDisabled,
  enableContext, counts, emitInit, runMicrotasks,
  executionAsyncId: () => executionId,
  triggerAsyncId: () => triggerId,
  executionAsyncResource: () => executionResource,
};
