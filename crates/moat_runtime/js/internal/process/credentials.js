'use strict';
// Who the process runs as: process.setuid/setgid/seteuid/setegid, setgroups, initgroups, and
// process.execve, which replaces the program. Ids are numbers or user/group names.

const { codes } = require('internal/errors');
const { validateUint32, validateArray, validateString, validateObject } = require('internal/validators');

// The binding answers a failed call with `[code, errno, text]`: Node reports these calls'
// failures as `EPERM, Operation not permitted`, with a positive errno.
function osError(failure, syscall) {
  const [code, errno, text] = failure;
  const err = new Error(`${code}, ${text}`);
  Object.assign(err, { errno: -errno, code, syscall });
  return err;
}

function validateId(id, name) {
  if (typeof id === 'number') validateUint32(id, name);
  else if (typeof id !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
}

// A name as its id, through the system's database.
function resolve(b, id, type) {
  if (typeof id === 'number') return id;
  const found = type === 'User' ? b.userId(id) : b.groupId(id);
  if (found === undefined || found === null) throw new codes.ERR_UNKNOWN_CREDENTIAL(type, id);
  return found;
}

let execveWarned = false;

function install(process, b) {
  const setter = (syscall, type) => {
    const fn = function (id) {
      validateId(id, 'id');
      const failure = b.setId(syscall, resolve(b, id, type));
      if (failure !== undefined) throw osError(failure, syscall);
    };
    Object.defineProperty(fn, 'name', { value: syscall });
    return fn;
  };
  process.setuid = setter('setuid', 'User');
  process.setgid = setter('setgid', 'Group');
  process.seteuid = setter('seteuid', 'User');
  process.setegid = setter('setegid', 'Group');
  process.setgroups = function setgroups(groups) {
    validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
    const failure = b.setGroups(groups.map((g) => resolve(b, g, 'Group')));
    if (failure !== undefined) throw osError(failure, 'setgroups');
  };
  process.initgroups = function initgroups(user, extraGroup) {
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    // A user given by id is named for the call, as initgroups(3) takes a name.
    let name = user;
    if (typeof user === 'number') {
      name = userName(user);
      if (name === undefined) throw new codes.ERR_UNKNOWN_CREDENTIAL('User', user);
    }
    const gid = resolve(b, extraGroup, 'Group');
    const failure = b.initGroups(name, gid);
    if (failure !== undefined) throw osError(failure, 'initgroups');
  };
  process.execve = function execve(execPath, args = [], env = process.env) {
    if (!execveWarned) {
      execveWarned = true;
      process.emitWarning('process.execve is an experimental feature and might change at any time',
        'ExperimentalWarning');
    }
    validateString(execPath, 'execPath');
    validateArray(args, 'args');
    for (let i = 0; i < args.length; i++) {
      if (typeof args[i] !== 'string' || args[i].includes('\u0000')) {
        throw new codes.ERR_INVALID_ARG_VALUE(`args[${i}]`, args[i], 'must be a string without null bytes');
      }
    }
    validateObject(env, 'env');
    const pairs = [];
    for (const key of Object.keys(env)) {
      const value = env[key];
      if (typeof value !== 'string' || key.includes('\u0000') || value.includes('\u0000')) {
        throw new codes.ERR_INVALID_ARG_VALUE('env', env,
          'must be an object with string keys and values without null bytes');
      }
      pairs.push(`${key}=${value}`);
    }
    if (b.permission) b.checkPermission('child', execPath);
    const failure = b.execve(execPath, args, pairs);
    // Node cannot go back to the program it was replacing: the process ends.
    process._rawWrite(2, `process.execve failed with error code ${failure[0]}\n`);
    b.reallyExit(134);
  };
}

// The name of the user with id `uid`, from /etc/passwd.
function userName(uid) {
  let text;
  try { text = internalBinding('fs').readFileUtf8('/etc/passwd'); } catch { return undefined; }
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length > 2 && Number(fields[2]) === uid) return fields[0];
  }
  return undefined;
}

module.exports = { install };
