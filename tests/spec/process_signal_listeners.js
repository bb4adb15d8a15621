// process.on('SIGINT' | 'SIGTERM' …): a listener receives the signal (name and number) instead
// of its default action; without listeners again the default comes back; a watched signal keeps
// nothing alive; SIGKILL cannot be watched. Each child is this runtime, signalled by its parent.
const { spawn } = require('child_process');

try {
  process.on('SIGKILL', () => {});
} catch (e) {
  console.log(e.message, e.code, e.errno, e.syscall);
}

function child(code, signal) {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ['-e', code]);
    let out = '';
    c.stdout.on('data', (d) => {
      out += d;
      if (out.includes('ready\n') && !c.signalled) {
        c.signalled = true;
        c.kill(signal);
      }
    });
    c.on('exit', (exitCode, signalCode) => resolve({ out, exitCode, signalCode }));
  });
}

(async () => {
  console.log(await child(`
    process.on('SIGINT', (...args) => { console.log('got', args); process.exit(3); });
    setInterval(() => {}, 1000);
    console.log('ready');`, 'SIGINT'));
  console.log(await child(`
    process.once('SIGTERM', (name) => console.log('once', name));
    setTimeout(() => console.log('went on'), 200);
    console.log('ready');`, 'SIGTERM'));
  console.log(await child(`
    const f = () => console.log('removed listener ran');
    process.on('SIGINT', f);
    process.removeListener('SIGINT', f);
    setInterval(() => {}, 1000);
    console.log('ready');`, 'SIGINT'));
  console.log(await child(`
    process.on('SIGUSR2', () => {});
    console.log('ready');
    console.log('exits with nothing else to do');`, 'SIGUSR2'));
})();
