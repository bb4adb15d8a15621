// MessageChannel, MessagePort and BroadcastChannel within one thread: structured clones delivered
// after the turn's microtasks, Node's emitter methods on ports, onmessage, close, and the errors.
const { MessageChannel, BroadcastChannel, MessagePort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
console.log(port1 instanceof MessagePort, port1 instanceof EventTarget, typeof MessagePort.prototype.on);
port2.on('message', (m) => { console.log('got', m); if (m.n === 2) port2.close(); });
port2.on('close', () => console.log('port2 close'));
port1.postMessage({ n: 1, d: new Date(0) });
port1.postMessage({ n: 2 });
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
const { port1: a, port2: b } = new MessageChannel();
b.onmessage = (e) => { console.log('onmessage', e.constructor.name, e.data, e.ports.length); b.close(); };
a.postMessage('hi');
try { new MessagePort() } catch (e) { console.log(e.name, e.code, e.message) }
try { a.postMessage(() => 1) } catch (e) { console.log(e.name, e.code, e.message) }
const bc1 = new BroadcastChannel('x'), bc2 = new BroadcastChannel('x');
bc2.onmessage = (e) => { console.log('bc', e.data); bc1.close(); bc2.close(); };
bc1.postMessage('yo');
console.log(typeof globalThis.MessageChannel, typeof globalThis.MessagePort, typeof globalThis.BroadcastChannel, typeof MessageEvent);
