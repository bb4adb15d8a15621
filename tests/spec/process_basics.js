console.log(process.version.startsWith('v24.'), process.platform, typeof process.pid, process.argv.length);
console.log(process.argv.slice(2), typeof process.execPath, Array.isArray(process.execArgv));
console.log(typeof process.env, typeof process.cwd(), process.title.length > 0);
const [s, ns] = process.hrtime(); console.log(typeof s, typeof ns, typeof process.hrtime.bigint());
console.log(Object.keys(process.memoryUsage()).join(','), process.uptime() >= 0);
console.log(typeof process.nextTick, typeof process.emitWarning, process.exitCode);
console.log(typeof process.config.variables, typeof process.features, typeof process.versions.node);
process.env.FOO = 12; console.log(process.env.FOO, typeof process.env.FOO);
console.log(process.release.name, typeof process.umask(), String(process));
