'use strict';
// fs.glob / globSync / fs.promises.glob: the paths under `cwd` that a pattern matches, found
// by walking one pattern segment at a time (path.matchesGlob matches each name).

const b = internalBinding('fs');
const { codes } = require('internal/errors');
const { validateFunction, validateObject, validateString } = require('internal/validators');
const U = require('internal/fs/utils');
const path = require('path');
const { matchesGlob } = require('internal/path/glob');

const magic = /[*?[\]{}()!+@]/;

function validate(pattern, options) {
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  for (const p of patterns) validateString(p, 'patterns');
  if (options === undefined || options === null) options = {};
  validateObject(options, 'options');
  let cwd = options.cwd ?? process.cwd();
  cwd = U.getValidatedPath(cwd, 'options.cwd');
  const exclude = options.exclude;
  if (exclude !== undefined && typeof exclude !== 'function' && !Array.isArray(exclude)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.exclude', ['function', 'Array'], exclude);
  }
  return { patterns, cwd: path.resolve(cwd), exclude, withFileTypes: !!options.withFileTypes };
}

function statKind(p, follow) {
  try { return b.stat(p, follow, true)[1] & 0o170000; } catch { return undefined; }
}

function globAll(o) {
  const results = new Map();
  const excludes = Array.isArray(o.exclude) ? o.exclude : null;
  const dirent = (abs, name) => {
    const k = statKind(abs, false);
    return new U.Dirent(name, U.direntType(k ?? 0), path.dirname(abs));
  };
  const excluded = (rel, abs) => {
    if (typeof o.exclude === 'function') {
      return !!o.exclude(o.withFileTypes ? dirent(abs, path.basename(abs)) : rel);
    }
    if (excludes !== null) return excludes.some((e) => matchesGlob(rel, e, false));
    return false;
  };
  const add = (rel, abs) => {
    if (rel === '') rel = '.';
    if (results.has(rel) || excluded(rel, abs)) return;
    results.set(rel, abs);
  };
  for (const pattern of o.patterns) {
    const absolute = path.isAbsolute(pattern);
    const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0).filter((s) => s !== '');
    const visited = new Set();
    const visit = (dirAbs, rel, i) => {
      const key = `${dirAbs}\0${i}`;
      if (visited.has(key)) return;
      visited.add(key);
      if (rel !== '' && excluded(rel, dirAbs) && i < segs.length) return;
      if (i === segs.length) { add(rel, dirAbs); return; }
      const seg = segs[i];
      const join = (name) => [path.join(dirAbs, name), absolute ? path.join(dirAbs, name) : (rel === '' ? name : `${rel}/${name}`)];
      if (seg === '**') {
        visit(dirAbs, rel, i + 1);
        let names = [];
        let kinds = [];
        try { [names, kinds] = b.readdir(dirAbs); } catch { return; }
        for (let j = 0; j < names.length; j++) {
          if (names[j].startsWith('.')) continue;
          if (kinds[j] !== 0o040000) continue;
          const [abs, r] = join(names[j]);
          visit(abs, r, i);
        }
        return;
      }
      if (!magic.test(seg)) {
        const [abs, r] = join(seg);
        if (statKind(abs, false) === undefined) return;
        if (i === segs.length - 1) add(r, abs);
        else if (statKind(abs, true) === 0o040000) visit(abs, r, i + 1);
        return;
      }
      let names = [];
      try { [names] = b.readdir(dirAbs); } catch { return; }
      for (const name of names) {
        if (name.startsWith('.') && !seg.startsWith('.')) continue;
        if (!matchesGlob(name, seg, false)) continue;
        const [abs, r] = join(name);
        if (i === segs.length - 1) add(r, abs);
        else if (statKind(abs, true) === 0o040000) visit(abs, r, i + 1);
      }
    };
    visit(absolute ? '/' : o.cwd, absolute ? '/' : '', 0);
  }
  const out = [];
  for (const [rel, abs] of results) out.push(o.withFileTypes ? dirent(abs, path.basename(abs)) : rel);
  return out;
}

function globSync(pattern, options) {
  return globAll(validate(pattern, options));
}

function glob(pattern, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateFunction(callback, 'callback');
  const o = validate(pattern, options);
  U.defer(() => {
    let r;
    try { r = globAll(o); } catch (e) { callback(e); return; }
    callback(null, r);
  });
}

async function* globPromise(pattern, options) {
  const o = validate(pattern, options);
  await new Promise((resolve) => U.defer(resolve));
  for (const r of globAll(o)) yield r;
}

module.exports = { glob, globSync, globPromise };
