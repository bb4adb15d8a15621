// events.setMaxListeners / getMaxListeners on emitters and EventTargets (an AbortSignal has no
// limit), and defaultMaxListeners' validation.
const events = require('events');
const { EventEmitter, setMaxListeners, getMaxListeners } = events;
const ee = new EventEmitter();
const et = new EventTarget();
console.log(getMaxListeners(ee), getMaxListeners(et), getMaxListeners(new AbortController().signal));
setMaxListeners(101, ee, et);
console.log(getMaxListeners(ee), getMaxListeners(et), ee.getMaxListeners());
for (const bad of [{}, -1, NaN]) {
  try { events.defaultMaxListeners = bad; } catch (e) { console.log(e.code, e.message); }
}
for (const bad of [{}, 5]) {
  try { getMaxListeners(bad); } catch (e) { console.log(e.code, e.message); }
  try { setMaxListeners(1, bad); } catch (e) { console.log(e.code, e.message); }
}
console.log(events.defaultMaxListeners);
