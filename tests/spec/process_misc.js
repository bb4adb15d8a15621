console.log(typeof process.pid, typeof process.ppid, process.platform, ['x64', 'arm64'].includes(process.arch));
console.log(Object.keys(process.versions).includes('node'), process.versions.node === process.version.slice(1));
console.log(process.release.name, typeof process.config, typeof process.features, typeof process.umask());
console.log(typeof process.title, typeof process.uptime(), typeof process.cwd(), process.exitCode);
console.log(Object.prototype.toString.call(process), process instanceof require('events'));
