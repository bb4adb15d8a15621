// ChildProcess stdio are node:stream objects; event order of a child writing and exiting;
// an extra pipe is a Duplex; exec errors and maxBuffer; spawn errors.
const cp = require('child_process');
const { Readable, Writable, Duplex } = require('stream');
const EventEmitter = require('events');
const c = cp.spawn('sh', ['-c', 'cat; echo err >&2; exit 3']);
console.log(c instanceof EventEmitter, c.stdin instanceof Writable, c.stdout instanceof Readable, c.stdio.length);
c.stdout.setEncoding('utf8');
c.stdout.on('data', (d) => console.log('data', JSON.stringify(d)));
let errText = '';
c.stderr.on('data', (d) => { errText += d; });
c.on('spawn', () => console.log('spawn'));
c.on('exit', (code, sig) => console.log('exit', code, sig, c.exitCode, c.signalCode));
c.on('close', (code) => {
  console.log('close', code, JSON.stringify(errText));
  const d = cp.spawn('sh', ['-c', 'echo three >&3'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe'] });
  console.log('fd3 duplex', d.stdio[3] instanceof Duplex);
  d.stdio[3].on('data', (b) => console.log('fd3', String(b).trim()));
  d.on('close', () => {
    cp.exec('echo out; echo bad >&2; exit 2', (err, out, errOut) => {
      console.log('exec', err.code, err.killed, err.signal, err.cmd, JSON.stringify(out), JSON.stringify(errOut));
      cp.execFile('sh', ['-c', 'printf 0123456789'], { maxBuffer: 4 }, (e, so) => {
        console.log('maxBuffer', e.code, e.message, so);
        const n = cp.spawn('no-such-command-here', ['x']);
        n.on('error', (e2) => console.log('error', e2.message, e2.code, e2.errno, e2.syscall, e2.path, e2.spawnargs));
        n.on('close', (code2) => console.log('enoent close', code2));
      });
    });
  });
});
c.stdin.end('hello');
