// Buffer's shared pool, and anything worker_threads.markAsUntransferable() marks, cannot be
// transferred: a transfer list naming it is a DataCloneError, and such an ArrayBuffer cannot be
// detached by transfer() either; other buffers transfer as before.
const { MessageChannel, markAsUntransferable, isMarkedAsUntransferable } = require('worker_threads');
const a = Buffer.from('hello world'); console.log(isMarkedAsUntransferable(a.buffer));
const { port1 } = new MessageChannel();
try { port1.postMessage(a, [a.buffer]); } catch (e) { console.log(e.name, e.code, e.message); }
try { structuredClone(a, { transfer: [a.buffer] }); } catch (e) { console.log(e.name, e.code, e.message); }
try { a.buffer.transfer(); } catch (e) { console.log(e.name, e.message); }
try { a.buffer.transferToFixedLength(); } catch (e) { console.log(e.name, e.message); }
console.log(a.toString(), a.buffer.detached);
const ab = new ArrayBuffer(4); markAsUntransferable(ab); console.log(isMarkedAsUntransferable(ab));
try { structuredClone(ab, { transfer: [ab] }); } catch (e) { console.log(e.name, e.code, e.message); }
try { ab.transfer(); } catch (e) { console.log(e.name, e.message); }
console.log(structuredClone(ab));
const o = {}; markAsUntransferable(o); console.log(isMarkedAsUntransferable(o)); markAsUntransferable(1);
console.log(isMarkedAsUntransferable(Buffer.alloc(10).buffer), isMarkedAsUntransferable(Buffer.allocUnsafe(10).buffer), isMarkedAsUntransferable(Buffer.allocUnsafeSlow(10).buffer));
const free = new ArrayBuffer(8); const moved = free.transfer(16); console.log(free.detached, moved.byteLength, ArrayBuffer.prototype.transfer.name, ArrayBuffer.prototype.transfer.length);
port1.close();
