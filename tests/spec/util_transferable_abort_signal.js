// util.transferableAbortSignal/Controller: such a signal crosses a structured clone (when listed
// in the transfer list) as a signal that aborts, soon after, when the original does; a plain
// AbortSignal clones as an empty object.
const util = require('util');

console.log(structuredClone(new AbortController().signal));
const marked = util.transferableAbortSignal(new AbortController().signal);
try { structuredClone(marked); } catch (e) { console.log(e.name, e.message); }
try { structuredClone(1, { transfer: [new AbortController().signal] }); } catch (e) { console.log(e.name, e.message); }
try { util.transferableAbortSignal({}); } catch (e) { console.log(e.code, e.message); }
const plain = new AbortController().signal;
console.log(util.transferableAbortSignal(plain) === plain);

const ac = util.transferableAbortController();
const copy = structuredClone(ac.signal, { transfer: [ac.signal] });
console.log(copy, copy === ac.signal, copy instanceof AbortSignal);
copy.onabort = () => console.log('copy aborted', copy.reason);
ac.signal.onabort = () => console.log('original aborted', ac.signal.reason);
ac.abort('x');
console.log('right after abort', ac.signal.aborted, copy.aborted);

const done = util.transferableAbortSignal(AbortSignal.abort(new RangeError('boo')));
const both = structuredClone({ a: done, b: done }, { transfer: [done] });
console.log(both.a.aborted, both.a.reason.message, both.a.reason instanceof RangeError, both.a === both.b,
  both.a.reason === done.reason);

const mc = new MessageChannel();
const sent = util.transferableAbortController();
mc.port1.onmessage = ({ data }) => {
  console.log('received', data, data instanceof AbortSignal);
  data.addEventListener('abort', () => {
    console.log('received signal aborted', data.reason);
    mc.port1.close();
  });
  sent.abort('stop');
};
mc.port2.postMessage(sent.signal, [sent.signal]);
