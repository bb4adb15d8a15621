'use strict';
// node:os
const b = internalBinding('os');
const { signals } = require('internal/process/object');
const { validateInt32 } = require('internal/validators');

const priority = {
  PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7,
  PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20,
};

function userInfo(options) {
  const u = b.userInfo();
  if (u === undefined || u === null) {
    const err = new Error('A system error occurred: uv_os_get_passwd returned ENOENT (no such file or directory)');
    err.code = 'ERR_SYSTEM_ERROR';
    err.errno = -2;
    err.syscall = 'uv_os_get_passwd';
    throw err;
  }
  if (options && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const k of ['username', 'homedir', 'shell']) if (typeof u[k] === 'string') u[k] = Buffer.from(u[k]);
  }
  return u;
}

module.exports = {
  EOL: '\n', devNull: '/dev/null',
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
  getPriority(pid = 0) { validateInt32(pid, 'pid'); return b.getPriority(pid); },
  setPriority(pid, prio) {
    if (prio === undefined) { prio = pid; pid = 0; }
    validateInt32(pid, 'pid');
    validateInt32(prio, 'priority', -20, 19);
    b.setPriority(pid, prio);
  },
  constants: { signals: Object.freeze({ ...signals }), errno: Object.freeze({ ...b.errno }), priority: Object.freeze(priority), dlopen: Object.freeze({ RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 }) },
};
