'use strict';
// fs.watchFile/unwatchFile (StatWatcher) and fs.watch/fs.promises.watch (FSWatcher). Both
// poll: a watched file or tree is looked at again on an interval and the differences are
// reported with Node's events ('change' with curr/prev Stats; 'rename'/'change' with a name).

const b = internalBinding('fs');
const EventEmitter = require('events');
const { codes } = require('internal/errors');
const { validateFunction, validateBoolean, validateObject, validateAbortSignal } = require('internal/validators');
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
      const report = first ? (err !== null) : (!sameStat(cur, prev) || (err !== prevErr && err === null));
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

const kPollMs = 50;

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
  const { matchesGlob } = require('internal/path/glob');
  return list.some((m) => (typeof m === 'string' ? matchesGlob(name, m, false) || matchesGlob(path.basename(name), m, false)
    : m instanceof RegExp ? m.test(name) : !!m(name)));
}

// Everything under `root` (or root itself when it is a file): name -> identity.
function snapshot(root, recursive) {
  const out = new Map();
  let st;
  try { st = b.stat(root, true, true); } catch (e) {
    if (e.code === 'ERR_ACCESS_DENIED') throw e;
    return null;
  }
  if ((st[1] & 0o170000) !== 0o040000) {
    out.set('', `${st[7]}:${st[12]}:${st[13]}:${st[8]}:${st[14]}:${st[15]}`);
    return out;
  }
  const walk = (dir, rel) => {
    let names, kinds;
    try { [names, kinds] = b.readdir(dir); } catch { return; }
    for (let i = 0; i < names.length; i++) {
      const r = rel === '' ? names[i] : path.join(rel, names[i]);
      const full = path.join(dir, names[i]);
      let s;
      try { s = b.stat(full, false, true); } catch { continue; }
      out.set(r, `${s[7]}:${s[12]}:${s[13]}:${s[8]}:${s[14]}:${s[15]}`);
      if (recursive && kinds[i] === 0o040000) walk(full, r);
    }
  };
  walk(root, '');
  return out;
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._timer = null;
  }
  _start(filename, o) {
    const base = path.basename(filename);
    let prev = snapshot(filename, o.recursive);
    if (prev === null) {
      const e = U.uvException('ENOENT', 'watch', filename);
      e.filename = filename;
      throw e;
    }
    const encode = (name) => (o.encoding === 'buffer' ? require('buffer').Buffer.from(name) : name);
    const report = (type, name) => {
      if (ignored(o.ignore, name)) return;
      this.emit('change', type, encode(name));
    };
    this._timer = timers().setInterval(() => {
      const cur = snapshot(filename, o.recursive);
      if (cur === null) {
        if (prev !== null && prev.size >= 0) report('rename', base);
        prev = new Map();
        return;
      }
      if (cur.size === 1 && cur.has('')) {
        if (prev.get('') !== cur.get('')) report(prev.has('') ? 'change' : 'rename', base);
      } else {
        for (const [name, id] of cur) {
          if (!prev.has(name)) report('rename', name);
          else if (prev.get(name) !== id) report('change', name);
        }
        for (const name of prev.keys()) if (name !== '' && !cur.has(name)) report('rename', name);
      }
      prev = cur;
    }, kPollMs);
    if (!o.persistent) this._timer.unref();
  }
  close() {
    if (this._timer === null) return;
    timers().clearInterval(this._timer);
    this._timer = null;
    process.nextTick(() => this.emit('close'));
  }
  ref() { if (this._timer) this._timer.ref(); return this; }
  unref() { if (this._timer) this._timer.unref(); return this; }
}

function watchOptions(options) {
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
  validateBoolean(o.persistent, 'options.persistent');
  validateBoolean(o.recursive, 'options.recursive');
  if (o.signal !== undefined) validateAbortSignal(o.signal, 'options.signal');
  U.assertEncoding(o.encoding);
  return o;
}

function watch(filename, options, listener) {
  if (typeof options === 'function') { listener = options; options = undefined; }
  filename = U.getValidatedPath(filename, 'filename');
  const o = watchOptions(options);
  const w = new FSWatcher();
  w._start(filename, o);
  if (listener) w.addListener('change', listener);
  if (o.signal) {
    if (o.signal.aborted) process.nextTick(() => w.close());
    else o.signal.addEventListener('abort', () => w.close(), { once: true });
  }
  return w;
}

async function* watchPromise(filename, options) {
  filename = U.getValidatedPath(filename, 'filename');
  const o = watchOptions(options);
  if (o.signal && o.signal.aborted) {
    const { AbortError } = require('internal/errors');
    throw new AbortError(undefined, { cause: o.signal.reason });
  }
  const w = new FSWatcher();
  w._start(filename, o);
  const queue = [];
  let wake = null;
  let failure = null;
  w.on('change', (eventType, name) => { queue.push({ eventType, filename: name }); if (wake) wake(); });
  const onAbort = () => {
    const { AbortError } = require('internal/errors');
    failure = new AbortError(undefined, { cause: o.signal.reason });
    if (wake) wake();
  };
  if (o.signal) o.signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift();
      if (failure) throw failure;
      await new Promise((resolve) => { wake = resolve; });
      wake = null;
    }
  } finally {
    w.close();
    if (o.signal) o.signal.removeEventListener('abort', onAbort);
  }
}

module.exports = { watch, watchFile, unwatchFile, watchPromise, StatWatcher, FSWatcher };
