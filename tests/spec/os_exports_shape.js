'use strict';
// os.EOL, os.devNull and os.constants cannot be overwritten; functions that answer one value
// stand for it in a template string; a failed priority call throws Node's SystemError.
const os = require('os');
for (const name of ['EOL', 'devNull', 'constants']) {
  try {
    os[name] = 1;
    console.log(name, 'assigned');
  } catch (e) {
    console.log(name, e.constructor.name);
  }
}
console.log(`${os.arch}` === os.arch(), `${os.platform}` === os.platform(), `${os.endianness}`, `${os.type}`);
console.log(typeof os.cpus[Symbol.toPrimitive], typeof os.hostname[Symbol.toPrimitive]);
// (The sandbox has no process priorities: there the call fails with ENOSYS, the same way.)
try {
  os.getPriority(-1);
} catch (e) {
  console.log(e.name, e.code, e.message.startsWith('A system error occurred: uv_os_getpriority returned '));
  console.log(Object.keys(e), e.errno === e.info.errno && e.errno < 0, e.syscall, Object.keys(e.info));
  console.log(String(e).startsWith('SystemError [ERR_SYSTEM_ERROR]: A system error occurred'), e instanceof Error);
}
try {
  os.setPriority(-1, 0);
} catch (e) {
  console.log(e.code, e.syscall);
}
