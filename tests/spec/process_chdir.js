const os = require('os');
const start = process.cwd();
try { process.chdir('/definitely/not/here'); } catch (e) { console.log(e.code, e.syscall, e.message.includes('chdir')); }
console.log(process.cwd() === start);
