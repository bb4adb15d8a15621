'use strict';
// node:os
const b = internalBinding('os');
module.exports = {
  EOL: '\n', devNull: '/dev/null',
  arch: () => process.arch, platform: () => process.platform, type: () => 'Linux', machine: () => (process.arch === 'x64' ? 'x86_64' : process.arch),
  hostname: () => b.hostname(), release: () => b.release(), version: () => b.version(),
  totalmem: () => b.totalmem(), freemem: () => b.freemem(), availableParallelism: () => b.cpuCount(),
  cpus: () => Array.from({ length: b.cpuCount() }, () => ({ model: 'unknown', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
  uptime: () => b.uptime(), loadavg: () => b.loadavg(), endianness: () => 'LE',
  homedir: () => process.env.HOME || '/', tmpdir: () => (process.env.TMPDIR || '/tmp').replace(/(.)\/$/, '$1'),
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: process.getuid(), gid: process.getgid(), username: process.env.USER || 'root', homedir: process.env.HOME || '/', shell: process.env.SHELL || null }),
  constants: { signals: require('internal/process/object').signals, errno: {}, priority: {} },
  getPriority: () => 0, setPriority: require('internal/not_implemented').thrower('os.setPriority'),
};
