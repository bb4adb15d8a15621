'use strict';
// node:os
const b = internalBinding('os');
const { signals } = require('internal/process/object');
const { validateInt32 } = require('internal/validators');
const { systemErrorFrom } = require('internal/errors');

const priority = {
  PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7,
  PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
};

function userInfo(options) {
  // The encoding is read first, as Node's binding does.
  const encoding = options !== null && typeof options === 'object' ? options.encoding : undefined;
  const u = b.userInfo();
  if (u === undefined || u === null) {
    const { SystemError } = require('internal/errors');
    throw new SystemError({ errno: -2, code: 'ENOENT', message: 'no such file or directory', syscall: 'uv_os_get_passwd' });
  }
  if (encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const k of ['username', 'homedir', 'shell']) if (typeof u[k] === 'string') u[k] = Buffer.from(u[k]);
  }
  // Node's record has no prototype.
  return Object.assign({ __proto__: null }, u);
}

module.exports = {
  arch: () => process.arch, platform: () => process.platform, type: () => 'Linux', machine: () => (process.arch === 'x64' ? 'x86_64' : process.arch),
  hostname: () => b.hostname(), release: () => b.release(), version: () => b.version(),
  totalmem: () => b.totalmem(), freemem: () => b.freemem(), availableParallelism: () => b.cpuCount(),
  cpus: () => b.cpus(), uptime: () => b.uptime(), loadavg: () => b.loadavg(), endianness: () => 'LE',
  homedir: () => process.env.HOME || (b.userInfo() || {}).homedir || '/',
  tmpdir: () => {
    const dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
    return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
  },
  networkInterfaces: () => b.networkInterfaces(),
  userInfo,
  getPriority(pid = 0) {
    validateInt32(pid, 'pid');
    try {
      return b.getPriority(pid);
    } catch (e) {
      throw systemErrorFrom(e);
    }
  },
  setPriority(pid, prio) {
    if (prio === undefined) { prio = pid; pid = 0; }
    validateInt32(pid, 'pid');
    validateInt32(prio, 'priority', -20, 19);
    try {
      b.setPriority(pid, prio);
    } catch (e) {
      throw systemErrorFrom(e);
    }
  },
  constants: { signals: Object.freeze({ ...signals }), errno: Object.freeze({ ...b.errno }), priority: Object.freeze(priority), dlopen: Object.freeze({ RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 }) },
};

// Constants that a program cannot overwrite (assigning one throws in strict code).
for (const [name, value] of [['EOL', '\n'], ['devNull', '/dev/null']]) {
  Object.defineProperty(module.exports, name, { value, writable: false, enumerable: true, configurable: true });
}
Object.defineProperty(module.exports, 'constants', { writable: false, configurable: false });

// The functions that answer with one value also stand for it in a template string: `${os.arch}`.
for (const name of ['arch', 'availableParallelism', 'endianness', 'freemem', 'homedir', 'hostname', 'platform',
  'release', 'tmpdir', 'totalmem', 'type', 'uptime', 'version', 'machine']) {
  const fn = module.exports[name];
  fn[Symbol.toPrimitive] = () => fn();
}
