const EventEmitter = require('events');
const e = new EventEmitter();
e.on('x', (a, b) => console.log('x1', a, b));
e.prependListener('x', () => console.log('x0'));
e.once('x', () => console.log('once'));
console.log(e.emit('x', 1, 2), e.emit('x', 3, 4), e.emit('nothing'));
console.log(e.listenerCount('x'), e.eventNames(), e.getMaxListeners());
e.on('newListener', (ev) => console.log('newListener', ev));
const f = () => {}; e.on('y', f); e.off('y', f);
console.log(e.listenerCount('y'));
try { e.emit('error', new Error('bad')); } catch (err) { console.log('thrown', err.message); }
try { e.emit('error', 'str'); } catch (err) { console.log(err.code, err.message); }
e.on('error', (err) => console.log('error listener', err.message)); e.emit('error', new Error('ok'));
class My extends EventEmitter {}
const m = new My(); m.on('a', function () { console.log(this instanceof My); }); m.emit('a');
EventEmitter.once(m, 'later').then(([v]) => console.log('once promise', v)); m.emit('later', 9);
e.removeAllListeners('x'); console.log(e.listenerCount('x'));
