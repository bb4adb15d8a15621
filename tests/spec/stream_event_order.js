'use strict';
// The order of prefinish/finish/end/close/error events, destroy() with an error, and the state
// getters at each step.
const { Readable, Writable, Duplex, Transform, PassThrough } = require('stream');

function log(name, s, ev) {
  s.on(ev, (e) => console.log(name, ev, e ? `${e.code || ''} ${e.message}` : ''));
}

const w = new Writable({
  write(c, e, cb) { console.log('w write', c.toString(), e); cb(); },
  final(cb) { console.log('w final'); cb(); },
});
for (const ev of ['prefinish', 'finish', 'close', 'error', 'drain']) log('w', w, ev);
w.write('a', () => console.log('w write cb'));
w.end('b', () => console.log('w end cb', w.writableFinished, w.closed));
console.log('w after end', w.writableEnded, w.writableFinished, w.writable);

const r = new Readable({ read() {} });
for (const ev of ['end', 'close', 'error', 'pause', 'resume']) log('r', r, ev);
r.on('data', (c) => console.log('r data', c.toString(), r.readableFlowing));
r.push('x');
r.push(null);
console.log('r state', r.readableEnded, r.readableLength, r.readableFlowing);

const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
for (const ev of ['end', 'finish', 'close', 'error']) log('d', d, ev);
d.destroy(new Error('boom'));
console.log('d destroyed', d.destroyed, d.errored && d.errored.message, d.readableAborted, d.writableAborted);

const t = new Transform({
  transform(c, e, cb) { cb(null, c.toString().toUpperCase()); },
  flush(cb) { console.log('t flush'); cb(null, '!'); },
});
for (const ev of ['prefinish', 'finish', 'end', 'close']) log('t', t, ev);
t.on('data', (c) => console.log('t data', c.toString()));
t.end('hi');

const p = new PassThrough();
log('p', p, 'error');
log('p', p, 'close');
p.end();
p.write('late', (err) => console.log('p write cb', err.code, err.message));

const nodata = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } });
log('nd', nodata, 'error');
log('nd', nodata, 'close');
nodata.write('q', (err) => console.log('nd cb', err.message, nodata.errored.message));
