// fork's IPC channel: messages both ways with json and advanced serialization, disconnect
// from the child, and the order of 'disconnect', 'exit' and 'close' in the parent.
const cp = require('child_process');
if (process.argv[2] === 'child') {
  process.on('message', (m) => {
    process.send({ echo: m, connected: process.connected });
    if (m === 'bye') process.disconnect();
  });
  process.send('ready');
} else {
  const run = (serialization, next) => {
    const c = cp.fork(__filename, ['child'], { serialization });
    console.log(serialization, typeof c.send, c.connected);
    c.on('message', (m) => {
      console.log(serialization, 'got', m);
      if (m === 'ready') {
        c.send({ a: 1, b: [1, 2] });
        c.send(serialization === 'advanced' ? new Map([[1, 2n]]) : 'text');
        c.send('bye');
      }
    });
    c.on('disconnect', () => console.log(serialization, 'disconnect', c.connected));
    c.on('exit', (code, sig) => console.log(serialization, 'exit', code, sig));
    c.on('close', (code, sig) => { console.log(serialization, 'close', code, sig); next(); });
  };
  run('json', () => run('advanced', () => {
    try { cp.fork(__filename, { stdio: ['pipe', 'pipe', 'pipe'] }); } catch (e) { console.log(e.code, e.message); }
    try { cp.spawn('x', { serialization: 'x' }); } catch (e) { console.log(e.code, e.message); }
  }));
}
