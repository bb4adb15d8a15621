const cp = require('child_process');
const c = cp.spawn(process.execPath, ['-e', 'console.log("child out"); console.error("child err"); process.exitCode = 5']);
let out = '';
c.stdout.on('data', (d) => { out += d; });
c.on('close', (code, signal) => {
  console.log('close', code, signal, JSON.stringify(out));
  cp.execFile(process.execPath, ['-p', '40 + 2'], (err, stdout) => console.log('execFile', err, stdout.trim()));
});
