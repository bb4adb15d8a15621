'use strict';
// fs.Dir (opendir): a directory's entries one at a time, synchronously, by callback, by
// promise, or by async iteration.

const b = internalBinding('fs');
const { codes } = require('internal/errors');
const { validateFunction, validateInteger, validateBoolean } = require('internal/validators');
const U = require('internal/fs/utils');

const kPath = Symbol('kDirPath');
const kEntries = Symbol('kDirEntries');
const kClosed = Symbol('kDirClosed');
const kOptions = Symbol('kDirOptions');
const kPending = Symbol('kDirPending');

function listing(path, recursive) {
  const out = [];
  const walk = (dir) => {
    const [names, kinds] = b.readdir(dir);
    for (let i = 0; i < names.length; i++) {
      const type = U.direntType(kinds[i]);
      out.push([names[i], type, dir]);
      if (recursive && type === 2) walk(require('path').join(dir, names[i]));
    }
  };
  walk(path);
  return out;
}

class Dir {
  constructor(path, entries, options) {
    if (path === undefined) throw new codes.ERR_MISSING_ARGS('handle');
    this[kPath] = path;
    this[kEntries] = entries;
    this[kClosed] = false;
    this[kOptions] = options;
    this[kPending] = 0;
  }
  get path() {
    if (this === null || typeof this !== 'object' || !(kPath in this)) throw new codes.ERR_INVALID_THIS('Dir');
    return this[kPath];
  }

  _next() {
    const e = this[kEntries].shift();
    if (e === undefined) return null;
    let name = e[0];
    if (this[kOptions].encoding === 'buffer') name = require('buffer').Buffer.from(name);
    return new U.Dirent(name, e[1], e[2]);
  }
  readSync() {
    if (this[kClosed]) throw new codes.ERR_DIR_CLOSED();
    if (this[kPending] > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    return this._next();
  }
  read(callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => this.read((err, d) => (err ? reject(err) : resolve(d))));
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) {
      const err = new codes.ERR_DIR_CLOSED();
      U.defer(() => callback(err));
      return;
    }
    this[kPending]++;
    U.defer(() => {
      this[kPending]--;
      callback(null, this[kClosed] ? null : this._next());
    });
  }
  closeSync() {
    if (this[kClosed]) throw new codes.ERR_DIR_CLOSED();
    if (this[kPending] > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    this[kClosed] = true;
    this[kEntries] = [];
  }
  close(callback) {
    if (callback === undefined) {
      if (this[kClosed]) return Promise.reject(new codes.ERR_DIR_CLOSED());
      return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) {
      const err = new codes.ERR_DIR_CLOSED();
      U.defer(() => callback(err));
      return;
    }
    this[kClosed] = true;
    this[kEntries] = [];
    U.defer(() => callback(null));
  }
  async* entries() {
    try {
      for (;;) {
        const d = await this.read();
        if (d === null) break;
        yield d;
      }
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }
  [Symbol.asyncIterator]() { return this.entries(); }
  [Symbol.dispose]() { if (!this[kClosed]) this.closeSync(); }
  async [Symbol.asyncDispose]() { if (!this[kClosed]) await this.close(); }
}

function parse(path, options) {
  path = U.getValidatedPath(path);
  options = U.getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) validateInteger(options.bufferSize, 'options.bufferSize', 1, 4294967295);
  if (options.recursive !== undefined) validateBoolean(options.recursive, 'options.recursive');
  return [path, options];
}
function openNow(path, options) {
  let entries;
  try { entries = listing(path, !!options.recursive); } catch (e) {
    if (e.code === 'ERR_ACCESS_DENIED') throw e;
    throw U.uvException(e.code, 'opendir');
  }
  return new Dir(path, entries, options);
}
function opendirSync(path, options) {
  const [p, o] = parse(path, options);
  return openNow(p, o);
}
function opendir(path, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateFunction(callback, 'callback');
  const [p, o] = parse(path, options);
  U.defer(() => {
    let dir;
    try { dir = openNow(p, o); } catch (e) { callback(e); return; }
    callback(null, dir);
  });
}
function opendirPromise(path, options) {
  return new Promise((resolve, reject) => {
    let p, o;
    try { [p, o] = parse(path, options); } catch (e) { reject(e); return; }
    U.defer(() => { try { resolve(openNow(p, o)); } catch (e) { reject(e); } });
  });
}

module.exports = { Dir, opendir, opendirSync, opendirPromise };
