// captureRejections (option, static, Symbol.for('nodejs.rejection')), errorMonitor, unhandled 'error'.
const EventEmitter = require('events');
const { errorMonitor, captureRejectionSymbol } = EventEmitter;

const show = (label, err) => console.log(label, err.name, err.code, err.message);
for (const v of [1, 'yes', {}, []]) {
  try { new EventEmitter({ captureRejections: v }); } catch (e) { show('option', e); }
}
for (const v of [0, '', undefined, null]) console.log('falsy accepted', new EventEmitter({ captureRejections: v }) instanceof EventEmitter);
try { EventEmitter.captureRejections = 'x'; } catch (e) { show('static', e); }
console.log('symbol', captureRejectionSymbol === Symbol.for('nodejs.rejection'), EventEmitter.captureRejections);

function step1() {
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('x', async () => { throw new Error('from x'); });
  ee.on('error', (err) => { console.log('error event', err.message); process.nextTick(step2); });
  ee.emit('x');
  console.log('emitted synchronously');
}
function step2() {
  const ee = new EventEmitter({ captureRejections: true });
  ee[captureRejectionSymbol] = (err, type, ...args) => {
    console.log('rejection method', err.message, type, args);
    process.nextTick(step3);
  };
  ee.on('y', async () => { throw new Error('from y'); });
  ee.emit('y', 1, 2);
}
function step3() {
  // The static switch changes the default of emitters made afterwards.
  EventEmitter.captureRejections = true;
  const ee = new EventEmitter();
  EventEmitter.captureRejections = false;
  ee.on('z', () => Promise.reject(new Error('from z')));
  ee.on('error', (err) => { console.log('static default', err.message); process.nextTick(step4); });
  ee.emit('z');
}
function step4() {
  // A thenable's throwing `then` getter becomes an 'error' event at once.
  const ee = new EventEmitter({ captureRejections: true });
  ee.on('error', (err) => console.log('then getter', err.message));
  ee.on('t', () => ({ get then() { throw new Error('bad then'); } }));
  ee.emit('t');
  step5();
}
function step5() {
  const ee = new EventEmitter();
  ee.on(errorMonitor, (err) => console.log('monitor saw', err.message));
  ee.on('error', (err) => console.log('error listener', err.message));
  ee.emit('error', new Error('watched'));
  const lone = new EventEmitter();
  lone.on(errorMonitor, (err) => console.log('monitor before throw', err instanceof Error ? err.message : err));
  try { lone.emit('error', 'plain string'); } catch (e) { show('unhandled', e); console.log('context', e.context); }
  try { lone.emit('error', { a: [1, { b: 2 }] }); } catch (e) { show('unhandled object', e); }
  try { lone.emit('error'); } catch (e) { show('unhandled nothing', e); }
  const er = new TypeError('typed');
  try { lone.emit('error', er); } catch (e) { console.log('same error thrown', e === er); }
}
step1();
