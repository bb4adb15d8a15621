// node:os's facts about the machine and the user are the machine's (under --safe too, where the
// host reads them): uptime, load, memory, CPUs, host name, kernel, priorities, the account.
const os = require('os');
console.log('uptime', os.uptime() > 0);
console.log('loadavg', os.loadavg().length, os.loadavg().every((v) => typeof v === 'number' && v >= 0));
console.log('memory', os.totalmem() > 0, os.freemem() > 0, os.freemem() <= os.totalmem());
const cpus = os.cpus();
console.log('cpus', cpus.length > 0, cpus.length === os.availableParallelism(), cpus.every((c) => typeof c.model === 'string' && c.times.idle >= 0));
console.log('names', os.hostname().length > 0, os.release().length > 0, os.version().length > 0, os.machine(), os.type(), os.platform());
const p = os.getPriority();
console.log('priority', typeof p, p === os.getPriority(0), p === os.getPriority(process.pid));
os.setPriority(p);
try { os.getPriority(-1); } catch (e) { console.log('bad pid', e.name, e.code, e.info.syscall); }
const u = os.userInfo();
console.log('user', Object.getPrototypeOf(u), typeof u.username, u.uid === process.getuid(), u.gid === process.getgid());
console.log('ids', [process.getuid(), process.geteuid(), process.getgid(), process.getegid()].every((id) => Number.isInteger(id) && id >= 0));
