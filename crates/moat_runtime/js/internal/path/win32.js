'use strict';
// node:path's Windows flavour (`path.win32`): `\` and `/` both separate, a path may start with
// a drive (`C:`) or a UNC share (`\\server\share`), and drives compare case-insensitively.
// Loaded the first time `path.win32` is read.

const { validateString, validateObject } = require('internal/validators');
const scan = require('internal/path/scan');

const BACKSLASH = 92;
const SLASH = 47;
const COLON = 58;

const isSep = (code) => code === BACKSLASH || code === SLASH;
const isDriveLetter = (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const hasDrive = (path) => path.length > 1 && isDriveLetter(path.charCodeAt(0)) && path.charCodeAt(1) === COLON;

// The root a path starts with, as [device, rootEnd, absolute]: the device is '', a drive (`C:`)
// or a UNC share (`\\server\share`), and the rest of the path starts at rootEnd.
function parseRoot(path, devices = false) {
  const len = path.length;
  if (len === 0) return ['', 0, false];
  if (isSep(path.charCodeAt(0))) {
    if (len > 1 && isSep(path.charCodeAt(1))) {
      const server = runAt(path, 2, false);
      if (server > 2 && server < len) {
        const shareStart = runAt(path, server, true);
        if (shareStart < len) {
          const name = path.slice(2, server);
          // With `devices` (resolve, normalize), `\\.\` and `\\?\` start a device path
          // (`\\.\PHYSICALDRIVE0`), not a share.
          if (devices && (name === '.' || name === '?')) return [`\\\\${name}`, 4, true];
          const shareEnd = runAt(path, shareStart, false);
          return [`\\\\${name}\\${path.slice(shareStart, shareEnd)}`, shareEnd, true];
        }
      }
    }
    return ['', 1, true];
  }
  if (hasDrive(path)) {
    if (len > 2 && isSep(path.charCodeAt(2))) return [path.slice(0, 2), 3, true];
    return [path.slice(0, 2), 2, false];
  }
  return ['', 0, false];
}

const reservedDevices = new Set(['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6',
  'COM7', 'COM8', 'COM9', 'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9']);
const isReservedDevice = (segment) => {
  const colon = segment.indexOf(':');
  return colon !== -1 && reservedDevices.has(segment.slice(0, colon).toUpperCase());
};

// The index after the run of separators (seps) or of other characters starting at `from`.
function runAt(path, from, seps) {
  let i = from;
  while (i < path.length && isSep(path.charCodeAt(i)) === seps) i++;
  return i;
}

// The segments of `tail` with `.` dropped and `..` taken back, joined with `\`; a `..` that
// would climb above the start is kept when `aboveRoot` allows it.
function normalizeTail(tail, aboveRoot) {
  const out = [];
  for (const segment of tail.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (aboveRoot) out.push('..');
    } else {
      out.push(segment);
    }
  }
  return out.join('\\');
}

// Where the last segment of `path` starts and ends (trailing separators left out), from `start`.
function lastSegment(path, start) {
  let end = path.length;
  while (end > start && isSep(path.charCodeAt(end - 1))) end--;
  let begin = end;
  while (begin > start && !isSep(path.charCodeAt(begin - 1))) begin--;
  return [begin, end];
}

const win32 = {
  sep: '\\',
  delimiter: ';',

  resolve(...args) {
    let device = '';
    let tail = '';
    let absolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (device.length === 0) {
        path = process.cwd();
      } else {
        // The working directory of that drive, as Windows keeps it in the environment; failing
        // that, the drive's root.
        path = process.env[`=${device}`] || process.cwd();
        if (path.slice(0, 2).toLowerCase() !== device.toLowerCase() && path.charCodeAt(2) === BACKSLASH) {
          path = `${device}\\`;
        }
      }
      const [pathDevice, rootEnd, pathAbsolute] = parseRoot(path, true);
      if (pathDevice.length > 0) {
        if (device.length > 0) {
          if (pathDevice.toLowerCase() !== device.toLowerCase()) continue;
        } else {
          device = pathDevice;
        }
      }
      if (absolute) {
        if (device.length > 0) break;
      } else {
        tail = `${path.slice(rootEnd)}\\${tail}`;
        absolute = pathAbsolute;
        if (absolute && device.length > 0) break;
      }
    }
    tail = normalizeTail(tail, !absolute);
    return absolute ? `${device}\\${tail}` : `${device}${tail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const [device, rootEnd, absolute] = parseRoot(path, true);
    let tail = normalizeTail(path.slice(rootEnd), !absolute);
    if (tail.length === 0 && !absolute) tail = '.';
    if (tail.length > 0 && isSep(path.charCodeAt(path.length - 1))) tail += '\\';
    if (absolute) return `${device}\\${tail}`;
    // A relative path that could read as starting with a drive (a segment ending in a colon,
    // or a result starting like `c:`) is made to start with `.\`.
    if (device.length === 0 && !tail.startsWith('.\\') &&
        (/^[A-Za-z]:/.test(tail) || path.slice(rootEnd).split(/[\\/]+/).some((seg) => seg.endsWith(':')))) {
      return `.\\${tail}`;
    }
    return `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    if (path.length === 0) return false;
    return isSep(path.charCodeAt(0)) || (hasDrive(path) && path.length > 2 && isSep(path.charCodeAt(2)));
  },

  join(...args) {
    const parts = [];
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) parts.push(arg);
    }
    if (parts.length === 0) return '.';
    let joined = parts.join('\\');
    // A first part that starts like a UNC root (`\\server`) keeps it; otherwise leading
    // separators collapse into one, so that a later part cannot make a UNC root.
    const first = parts[0];
    const uncStart = first.length > 2 && isSep(first.charCodeAt(0)) && isSep(first.charCodeAt(1)) &&
      !isSep(first.charCodeAt(2));
    if (!uncStart) {
      const leading = runAt(joined, 0, true);
      if (leading >= 2) joined = `\\${joined.slice(leading)}`;
    }
    // A segment naming a reserved device (`CON:`, `COM1:` …) keeps the path as it is joined:
    // normalizing could let a `..` after it climb out of the first part.
    if (joined.split(/[\\/]+/).some(isReservedDevice)) return joined.replaceAll('/', '\\');
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromFull = win32.resolve(from);
    const toFull = win32.resolve(to);
    if (fromFull === toFull || fromFull.toLowerCase() === toFull.toLowerCase()) return '';
    // Segments after the leading backslashes (a drive or a UNC server comes first), compared
    // case-insensitively. Paths that do not even share the first (another drive or server, or
    // another top directory of the current drive) give `to` as it is.
    const segments = (p) => p.split('\\').filter((seg) => seg.length > 0);
    const fromParts = segments(fromFull);
    const toParts = segments(toFull);
    const same = (a, b) => a === b || a.toLowerCase() === b.toLowerCase();
    // From or to a bare root, everything below it counts.
    if (fromParts.length === 0) return toParts.join('\\');
    if (toParts.length > 0 && !same(fromParts[0], toParts[0])) return toFull;
    let common = 0;
    while (common < fromParts.length && common < toParts.length && same(fromParts[common], toParts[common])) common++;
    return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('\\');
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (resolved.startsWith('\\\\')) {
      const c = resolved.charCodeAt(2);
      if (c !== 63 /* ? */ && c !== 46 /* . */) return `\\\\?\\UNC\\${resolved.slice(2)}`;
      return resolved;
    }
    if (hasDrive(resolved) && isSep(resolved.charCodeAt(2))) return `\\\\?\\${resolved}`;
    return resolved;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const [device, rootEnd] = parseRoot(path);
    // A UNC root reaches past the separator after the share.
    const start = device.length > 2 && device.startsWith('\\\\') && rootEnd < path.length ? rootEnd + 1 : rootEnd;
    if (start >= path.length && rootEnd > 0) return path;
    const [begin] = lastSegment(path, start);
    // Only the separator right before the last segment goes.
    if (begin - 1 < start || begin === start) return start > 0 ? path.slice(0, start) : '.';
    return path.slice(0, begin - 1);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return scan.basename(path, suffix, hasDrive(path) ? 2 : 0, isSep);
  },

  extname(path) {
    validateString(path, 'path');
    return scan.extname(path, hasDrive(path) ? 2 : 0, isSep);
  },

  format(pathObject) {
    validateObject(pathObject, 'pathObject');
    const dir = pathObject.dir || pathObject.root;
    const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
    if (!dir) return base;
    return dir === pathObject.root ? `${dir}${base}` : `${dir}\\${base}`;
  },

  parse(path) {
    validateString(path, 'path');
    const out = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return out;
    const [device, rootEnd, absolute] = parseRoot(path);
    let rootLength = rootEnd;
    if (device.startsWith('\\\\') && rootEnd < path.length) rootLength = rootEnd + 1;
    out.root = path.slice(0, absolute && !device.startsWith('\\\\') ? rootEnd : rootLength);
    if (rootLength >= path.length && rootEnd > 0) {
      out.root = path;
      out.dir = path;
      return out;
    }
    const [begin, end] = lastSegment(path, rootLength);
    if (begin === end) {
      out.dir = out.root;
      return out;
    }
    out.base = path.slice(begin, end);
    out.ext = win32.extname(out.base);
    out.name = out.ext.length > 0 ? out.base.slice(0, out.base.length - out.ext.length) : out.base;
    // Only the separator right before the base goes.
    out.dir = begin > 0 && begin !== rootLength ? path.slice(0, begin - 1) : out.root;
    return out;
  },

  matchesGlob(path, pattern) {
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    return require('internal/path/glob').matchesGlob(path, pattern, true);
  },
};

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

const posix = require('path').posix;
win32.win32 = win32;
win32.posix = posix;
win32._makeLong = win32.toNamespacedPath;

module.exports = win32;
