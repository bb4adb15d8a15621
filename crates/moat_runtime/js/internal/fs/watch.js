'use strict';
// fs.watchFile/unwatchFile (StatWatcher) and fs.watch/fs.promises.watch (FSWatcher).
// watchFile polls, as Node's does: the file is looked at again on an interval and a difference
// is reported as 'change' with the current and previous Stats. watch asks the OS to report
// changes ('change' or 'rename', with the entry's name).

const b = internalBinding('fs');
const EventEmitter = require('events');
const { codes } = require('internal/errors');
const {
  validateFunction, validateBoolean, validateObject, validateAbortSignal, validateInteger, validateOneOf,
} = require('internal/validators');
const U = require('internal/fs/utils');
const path = require('path');

function timers() { return require('timers'); }

// ---- watchFile ------------------------------------------------------------------------------

const zeroStat = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const kTimer = Symbol('kTimer');
const kRefed = Symbol('kRefed');

function statOrZero(p) {
  try { return [b.stat(p, true, true), null]; } catch (e) {
    if (e.code === 'ERR_ACCESS_DENIED') throw e;
    return [zeroStat, e.code];
  }
}
function sameStat(a, c) {
  // What libuv's poller compares: times, size, mode, owners, inode and device.
  for (const i of [0, 1, 3, 4, 7, 8, 12, 13, 14, 15, 16, 17]) if (a[i] !== c[i]) return false;
  return true;
}

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._bigint = bigint;
    this[kTimer] = null;
    this[kRefed] = true;
  }
  start(filename, persistent, interval) {
    if (this[kTimer] !== null) return;
    let [prev, prevErr] = statOrZero(filename);
    let first = true;
    const poll = () => {
      const [cur, err] = statOrZero(filename);
      // A file missing from the start is reported once, with zeroed Stats.
      const report = (first && err !== null) || !sameStat(cur, prev) || (err !== prevErr && err === null);
      if (report) {
        this.emit('change', U.makeStats(cur, this._bigint), U.makeStats(prev, this._bigint));
      }
      first = false;
      prev = cur; prevErr = err;
    };
    this[kTimer] = timers().setInterval(poll, Math.max(1, interval));
    if (!persistent) this.unref();
  }
  stop() {
    if (this[kTimer] === null) return;
    timers().clearInterval(this[kTimer]);
    this[kTimer] = null;
    process.nextTick(() => this.emit('stop'));
  }
  ref() { this[kRefed] = true; if (this[kTimer]) this[kTimer].ref(); return this; }
  unref() { this[kRefed] = false; if (this[kTimer]) this[kTimer].unref(); return this; }
}

const statWatchers = new Map();

function watchFile(filename, options, listener) {
  filename = path.resolve(U.getValidatedPath(filename));
  let o = { interval: 5007, persistent: true, bigint: false };
  if (options !== null && typeof options === 'object') o = { ...o, ...options };
  else if (typeof options === 'function') listener = options;
  validateFunction(listener, 'listener');
  let w = statWatchers.get(filename);
  if (w === undefined) {
    w = new StatWatcher(o.bigint);
    w.start(filename, o.persistent, o.interval);
    statWatchers.set(filename, w);
  }
  w.addListener('change', listener);
  return w;
}

function unwatchFile(filename, listener) {
  filename = path.resolve(U.getValidatedPath(filename));
  const w = statWatchers.get(filename);
  if (w === undefined) return;
  if (typeof listener === 'function') w.removeListener('change', listener);
  else w.removeAllListeners('change');
  if (w.listenerCount('change') === 0) {
    w.stop();
    statWatchers.delete(filename);
  }
}

// ---- watch ----------------------------------------------------------------------------------
// The OS watches (inotify natively; under --safe the host, checked against the read grants) and
// each change arrives from the loop as an event under the watcher's handle.

function validateIgnore(ignore) {
  if (ignore === undefined || ignore === null) return [];
  const list = Array.isArray(ignore) ? ignore : [ignore];
  for (const item of list) {
    if (typeof item === 'string') {
      if (item === '') throw new codes.ERR_INVALID_ARG_VALUE('options.ignore', item, 'must not be empty');
    } else if (!(item instanceof RegExp) && typeof item !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.ignore', ['string', 'RegExp', 'Function', 'Array'], item);
    }
  }
  return list;
}
function ignored(list, name) {
  if (list.length === 0) return false;
  const { matchesGlob } = require('internal/path/glob');
  return list.some((m) => (typeof m === 'string' ? matchesGlob(name, m, false) || matchesGlob(path.basename(name), m, false)
    : m instanceof RegExp ? m.test(name) : !!m(name)));
}

function loop() { return require('internal/loop'); }

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = null;
  }
  _start(filename, o) {
    const { Buffer } = require('buffer');
    let handle;
    try {
      handle = b.watch(filename, o.recursive);
    } catch (e) {
      if (e.syscall === 'watch') e.filename = filename;
      throw e;
    }
    this._handle = handle;
    this._recursive = o.recursive;
    loop().registerHandle(handle, (event) => {
      if (this._handle === null) return;
      const bytes = Buffer.from(event[3].buffer, event[3].byteOffset, event[3].length);
      const name = bytes.toString();
      if (ignored(o.ignore, name)) return;
      this.emit('change', event[2], o.encoding === 'buffer' ? bytes : bytes.toString(o.encoding));
    });
    if (!o.persistent) loop().unrefHandle(handle);
  }
  close() {
    if (this._handle === null) return;
    b.unwatch(this._handle);
    loop().unregisterHandle(this._handle);
    this._handle = null;
    // A recursive watcher says so at once, others on the next tick (as Node's do).
    if (this._recursive) this.emit('close');
    else process.nextTick(() => this.emit('close'));
  }
  ref() { if (this._handle !== null) loop().refHandle(this._handle); return this; }
  unref() { if (this._handle !== null) loop().unrefHandle(this._handle); return this; }
}

// `persistent` is checked by the promise form only; the callback form takes its truthiness.
function watchOptions(options, promise) {
  if (typeof options === 'string') options = { encoding: options };
  if (options === undefined || options === null) options = {};
  validateObject(options, 'options');
  const o = {
    persistent: options.persistent ?? true,
    recursive: options.recursive ?? false,
    encoding: options.encoding ?? 'utf8',
    signal: options.signal,
    ignore: validateIgnore(options.ignore),
  };
  if (promise) validateBoolean(o.persistent, 'options.persistent');
  else o.persistent = !!o.persistent;
  validateBoolean(o.recursive, 'options.recursive');
  if (o.signal !== undefined) validateAbortSignal(o.signal, 'options.signal');
  U.assertEncoding(o.encoding);
  return o;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') { listener = options; options = undefined; }
  filename = U.getValidatedPath(filename, 'filename');
  const o = watchOptions(options, false);
  const w = new FSWatcher();
  w._start(filename, o);
  if (listener) w.addListener('change', listener);
  if (o.signal) {
    if (o.signal.aborted) process.nextTick(() => w.close());
    else o.signal.addEventListener('abort', () => w.close(), { once: true });
  }
  return w;
}

// Events wait in a queue of up to `maxQueue` for the iterator to take them; past it they are
// dropped with a warning (`overflow: 'ignore'`) or end the iteration with an error ('error').
async function* watchPromise(filename, options) {
  filename = U.getValidatedPath(filename, 'filename');
  const o = watchOptions(options, true);
  const maxQueue = options?.maxQueue ?? 2048;
  const overflow = options?.overflow ?? 'ignore';
  validateInteger(maxQueue, 'options.maxQueue');
  validateOneOf(overflow, 'options.overflow', ['ignore', 'error']);
  if (o.signal && o.signal.aborted) {
    const { AbortError } = require('internal/errors');
    throw new AbortError(undefined, { cause: o.signal.reason });
  }
  const w = new FSWatcher();
  w._start(filename, o);
  const queue = [];
  let wake = null;
  let failure = null;
  const handOver = (value) => { const f = wake; wake = null; f(value); };
  w.on('change', (eventType, name) => {
    const event = { eventType, filename: name };
    if (wake !== null) handOver(event);
    else if (queue.length < maxQueue) queue.push(event);
    else if (overflow === 'ignore') process.emitWarning('fs.watch maxQueue exceeded');
    else if (failure === null) {
      failure = new codes.ERR_FS_WATCH_QUEUE_OVERFLOW(maxQueue);
      w.close();
    }
  });
  const onAbort = () => {
    const { AbortError } = require('internal/errors');
    failure = new AbortError(undefined, { cause: o.signal.reason });
    if (wake !== null) handOver(undefined);
  };
  if (o.signal) o.signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (failure) throw failure;
      if (queue.length > 0) {
        yield queue.shift();
        continue;
      }
      const event = await new Promise((resolve) => { wake = resolve; });
      if (event !== undefined) yield event;
    }
  } finally {
    w.close();
    if (o.signal) o.signal.removeEventListener('abort', onAbort);
  }
}

module.exports = { watch, watchFile, unwatchFile, watchPromise, StatWatcher, FSWatcher };
