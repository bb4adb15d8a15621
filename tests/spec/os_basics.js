const os = require('os');
console.log(os.EOL === '\n', os.platform(), os.type(), os.endianness(), typeof os.hostname(), typeof os.release());
console.log(os.arch() === process.arch, os.availableParallelism() >= 1, os.totalmem() >= 0, os.freemem() >= 0);
console.log(Array.isArray(os.cpus()), Array.isArray(os.loadavg()), os.loadavg().length, typeof os.uptime());
console.log(typeof os.homedir(), typeof os.tmpdir(), os.constants.signals.SIGINT, os.constants.priority.PRIORITY_LOW, typeof os.networkInterfaces());
console.log(os.devNull, typeof os.userInfo, typeof os.machine());
