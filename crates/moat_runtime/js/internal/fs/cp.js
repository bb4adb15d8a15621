'use strict';
// fs.cp / cpSync / fs.promises.cp: copies a file, a link or (with `recursive`) a tree, with
// Node's checks and ERR_FS_CP_* errors. The walk is one generator: it yields each filter
// answer it needs, which cpSync takes as it comes and cp awaits.

const b = internalBinding('fs');
const { codes } = require('internal/errors');
const { validateBoolean, validateFunction, validateObject, validateInteger } = require('internal/validators');
const U = require('internal/fs/utils');
const path = require('path');

const S_IFMT = 0o170000;
const kind = (st) => st[1] & S_IFMT;
const isDir = (st) => kind(st) === 0o040000;

const prefixes = {
  ERR_FS_EISDIR: 'Path is a directory',
  ERR_FS_CP_EINVAL: 'Invalid src or dest',
  ERR_FS_CP_DIR_TO_NON_DIR: 'Cannot overwrite non-directory with directory',
  ERR_FS_CP_NON_DIR_TO_DIR: 'Cannot overwrite directory with non-directory',
  ERR_FS_CP_EEXIST: 'Target already exists',
  ERR_FS_CP_SOCKET: 'Cannot copy a socket file',
  ERR_FS_CP_FIFO_PIPE: 'Cannot copy a FIFO pipe',
  ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY: 'Cannot overwrite symlink in subdirectory of self',
  ERR_FS_CP_UNKNOWN: 'Cannot copy an unknown file type',
};
function cpError(key, message, p, syscall = 'cp', code = 'EINVAL') {
  return U.systemError(key, prefixes[key], code, syscall, message, p);
}
// cpSync checks its top-level paths first and reports those problems as plain errors.
function plainError(key, message) {
  const e = new Error(message);
  e.code = key;
  return e;
}

function validateOptions(options) {
  if (options === undefined || options === null) options = {};
  validateObject(options, 'options');
  const o = {
    dereference: options.dereference ?? false,
    errorOnExist: options.errorOnExist ?? false,
    filter: options.filter,
    force: options.force ?? true,
    mode: options.mode ?? 0,
    preserveTimestamps: options.preserveTimestamps ?? false,
    recursive: options.recursive ?? false,
    verbatimSymlinks: options.verbatimSymlinks ?? false,
  };
  for (const k of ['dereference', 'errorOnExist', 'force', 'preserveTimestamps', 'recursive', 'verbatimSymlinks']) {
    validateBoolean(o[k], `options.${k}`);
  }
  if (o.filter !== undefined) validateFunction(o.filter, 'options.filter');
  if (o.dereference && o.verbatimSymlinks) throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  validateInteger(o.mode, 'mode', 0, 7);
  return o;
}

function statOf(p, follow) {
  try { return b.stat(p, follow, true); } catch (e) { if (e.code === 'ENOENT') return undefined; throw e; }
}
function identical(a, c) { return c !== undefined && a[7] !== 0 && a[7] === c[7] && a[0] === c[0]; }
function isSubdir(src, dest) {
  const s = path.resolve(src).split(path.sep).filter(Boolean);
  const d = path.resolve(dest).split(path.sep).filter(Boolean);
  return s.every((part, i) => d[i] === part);
}

function checkPaths(src, dest, o, plain) {
  const srcStat = o.dereference ? b.stat(src, true, true) : b.stat(src, false, true);
  const destStat = statOf(dest, o.dereference);
  if (destStat !== undefined) {
    if (identical(srcStat, destStat)) {
      if (plain) throw plainError('ERR_FS_CP_EINVAL', `src and dest cannot be the same ${dest}`);
      throw cpError('ERR_FS_CP_EINVAL', 'src and dest cannot be the same', dest);
    }
    if (isDir(srcStat) && !isDir(destStat)) {
      if (plain) throw plainError('ERR_FS_CP_DIR_TO_NON_DIR', `Cannot overwrite non-directory ${dest} with directory ${src}`);
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', `cannot overwrite non-directory ${dest} with directory ${src}`, dest, 'cp', 'EISDIR');
    }
    if (!isDir(srcStat) && isDir(destStat)) {
      if (plain) throw plainError('ERR_FS_CP_NON_DIR_TO_DIR', `Cannot overwrite directory ${dest} with non-directory ${src}`);
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', `cannot overwrite directory ${dest} with non-directory ${src}`, dest, 'cp', 'ENOTDIR');
    }
  }
  if (isDir(srcStat) && isSubdir(src, dest)) {
    if (plain) throw plainError('ERR_FS_CP_EINVAL', `Cannot copy ${src}/ to a subdirectory of self ${dest}`);
    throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  }
  if (plain && isDir(srcStat) && !o.recursive) {
    throw plainError('ERR_FS_EISDIR', `Recursive option not enabled, cannot copy a directory: ${src}/`);
  }
  return { srcStat, destStat };
}

// Whether a parent of dest is src itself (through links), walking up to the root.
function checkParents(src, srcStat, dest) {
  const srcParent = path.resolve(path.dirname(src));
  let destParent = path.resolve(path.dirname(dest));
  while (destParent !== srcParent && destParent !== path.parse(destParent).root) {
    const st = statOf(destParent, true);
    if (st === undefined) return;
    if (identical(srcStat, st)) {
      throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
    }
    destParent = path.dirname(destParent);
  }
}

function* copyEntry(src, dest, o, top) {
  if (o.filter !== undefined) {
    const keep = yield o.filter(src, dest);
    if (!keep) return;
  }
  const { srcStat, destStat } = checkPaths(src, dest, o, top && o.sync === true);
  if (top) checkParents(src, srcStat, dest);
  if (top) {
    const parent = path.dirname(dest);
    if (statOf(parent, true) === undefined) b.mkdir(parent, true, 0o777);
  }
  const st = o.dereference ? b.stat(src, true, true) : srcStat;
  switch (kind(st)) {
    case 0o040000:
      if (!o.recursive) {
        throw U.systemError('ERR_FS_EISDIR', 'Path is a directory', 'EISDIR', 'cp',
          `${src} is a directory (not copied)`, src);
      }
      if (destStat === undefined) {
        b.mkdir(dest, false, st[1] & 0o7777);
        yield* copyDirEntries(src, dest, o);
        b.chmod(dest, st[1] & 0o7777);
      } else {
        yield* copyDirEntries(src, dest, o);
      }
      return;
    case 0o100000: case 0o020000: case 0o060000:
      copyFileEntry(src, dest, st, destStat, o);
      return;
    case 0o120000:
      copyLink(src, dest, destStat, o);
      return;
    case 0o140000:
      throw cpError('ERR_FS_CP_SOCKET', `cannot copy a socket file: ${dest}`, dest);
    case 0o010000:
      throw cpError('ERR_FS_CP_FIFO_PIPE', `cannot copy a FIFO pipe: ${dest}`, dest);
    default:
      throw cpError('ERR_FS_CP_UNKNOWN', `cannot copy an unknown file type: ${dest}`, dest);
  }
}

function* copyDirEntries(src, dest, o) {
  const [names] = b.readdir(src);
  for (const name of names) yield* copyEntry(path.join(src, name), path.join(dest, name), o, false);
}

function copyFileEntry(src, dest, st, destStat, o) {
  if (destStat !== undefined) {
    if (o.force) b.unlink(dest);
    else if (o.errorOnExist) throw cpError('ERR_FS_CP_EEXIST', `${dest} already exists`, dest, 'cp', 'EEXIST');
    else return;
  }
  if (o.mode & 4) throw U.uvException('ENOSYS', 'copyfile', src, dest);
  b.copyFile(src, dest, (o.mode & 1) !== 0);
  if (o.preserveTimestamps) {
    const mode = st[1] & 0o7777;
    if ((mode & 0o200) === 0) b.chmod(dest, mode | 0o200);
    const again = b.stat(src, true, true);
    b.utimes(dest, again[10] + again[11] / 1e9, again[12] + again[13] / 1e9, true);
    if ((mode & 0o200) === 0) b.chmod(dest, mode);
  }
}

function copyLink(src, dest, destStat, o) {
  let resolvedSrc = b.readlink(src);
  if (!o.verbatimSymlinks && !path.isAbsolute(resolvedSrc)) resolvedSrc = path.resolve(path.dirname(src), resolvedSrc);
  if (destStat === undefined) { b.symlink(resolvedSrc, dest); return; }
  let resolvedDest;
  try { resolvedDest = b.readlink(dest); } catch (e) {
    if (e.code === 'EINVAL' || e.code === 'UNKNOWN') { b.symlink(resolvedSrc, dest); return; }
    throw e;
  }
  if (!path.isAbsolute(resolvedDest)) resolvedDest = path.resolve(path.dirname(dest), resolvedDest);
  const srcIsDir = (() => { try { return isDir(b.stat(src, true, true)); } catch { return false; } })();
  if (srcIsDir && isSubdir(resolvedSrc, resolvedDest)) {
    throw cpError('ERR_FS_CP_EINVAL', `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`, dest);
  }
  const destIsDir = (() => { try { return isDir(b.stat(dest, true, true)); } catch { return false; } })();
  if (destIsDir && isSubdir(resolvedDest, resolvedSrc)) {
    throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest);
  }
  b.unlink(dest);
  b.symlink(resolvedSrc, dest);
}

function prepare(src, dest, options) {
  const o = validateOptions(options);
  src = U.getValidatedPath(src, 'src');
  dest = U.getValidatedPath(dest, 'dest');
  return [src, dest, o];
}

function cpSync(src, dest, options) {
  const [s, d, o] = prepare(src, dest, options);
  o.sync = true;
  const walk = copyEntry(s, d, o, true);
  let step = walk.next();
  while (!step.done) {
    const answer = step.value;
    if (answer !== null && typeof answer === 'object' && typeof answer.then === 'function') {
      throw new codes.ERR_INVALID_RETURN_VALUE('boolean', 'filter', answer);
    }
    step = walk.next(answer);
  }
}

async function cpPromise(src, dest, options) {
  const [s, d, o] = prepare(src, dest, options);
  await new Promise((resolve) => U.defer(resolve));
  const walk = copyEntry(s, d, o, true);
  let step = walk.next();
  while (!step.done) step = walk.next(await step.value);
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') { callback = options; options = undefined; }
  validateFunction(callback, 'cb');
  const [s, d, o] = prepare(src, dest, options);
  cpPromise(s, d, o).then(() => callback(null), (err) => callback(err));
}

module.exports = { cp, cpSync, cpPromise };
