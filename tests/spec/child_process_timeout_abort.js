// timeout and killSignal, AbortSignal, kill() with a signal name, and the sync forms' errors.
const cp = require('child_process');
cp.exec('sleep 5', { timeout: 50, killSignal: 'SIGKILL' }, (err) => {
  console.log('timeout', err.killed, err.signal, err.code);
  const ac = new AbortController();
  const c = cp.spawn('sleep', ['5'], { signal: ac.signal });
  c.on('error', (e) => console.log('abort', e.name, e.code));
  c.on('exit', (code, sig) => {
    console.log('aborted exit', code, sig, c.killed);
    const k = cp.spawn('sleep', ['5']);
    k.on('exit', (code2, sig2) => {
      console.log('kill', code2, sig2, k.killed, k.signalCode);
      const r = cp.spawnSync('sh', ['-c', 'echo x; exit 4'], { encoding: 'utf8' });
      console.log('sync', r.status, r.signal, JSON.stringify(r.stdout), r.output.length);
      try { cp.execSync('exit 5', { stdio: 'pipe' }); } catch (e) { console.log('execSync', e.status, e.message.split('\n')[0]); }
      const big = cp.spawnSync('sh', ['-c', 'head -c 100000 /dev/zero'], { maxBuffer: 10 });
      console.log('ENOBUFS', big.error.code, big.error.syscall);
      try { cp.execFileSync('no-such-command-here'); } catch (e) { console.log('execFileSync', e.code, e.syscall); }
    });
    k.kill('SIGINT');
  });
  setTimeout(() => ac.abort(), 20);
});
