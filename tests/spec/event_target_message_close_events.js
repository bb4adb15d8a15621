// MessageEvent and CloseEvent: defaults, option conversions, brand checks, argument errors.
const util = require('util');
const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const me = new MessageEvent('message', { data: { x: 1 }, origin: 5, lastEventId: null, ports: [], cancelable: true });
console.log(me.data, me.origin, me.lastEventId, me.source, me.ports, me.cancelable, me instanceof Event);
const empty = new MessageEvent('m');
console.log(empty.data, JSON.stringify(empty.origin), JSON.stringify(empty.lastEventId), empty.source, empty.ports);
console.log(Object.keys(MessageEvent.prototype).join(), Object.prototype.toString.call(me));
for (const k of ['data', 'origin', 'lastEventId', 'source', 'ports']) show(`MessageEvent ${k}`, () => Reflect.get(MessageEvent.prototype, k, {}));
show('new MessageEvent()', () => new MessageEvent());

const ce = new CloseEvent('close', { wasClean: 1, code: 1000, reason: 5 });
console.log(ce.wasClean, ce.code, ce.reason, ce instanceof Event, Object.keys(CloseEvent.prototype).join(), CloseEvent.length);
const d = new CloseEvent('x');
console.log(d.code, JSON.stringify(d.reason), d.wasClean);
for (const v of [NaN, Infinity, 1.9, -1.9, 65536, 70000, -65537, '0x10', null, true]) console.log('code', String(v), new CloseEvent('x', { code: v }).code);
for (const k of ['wasClean', 'code', 'reason']) show(`CloseEvent ${k}`, () => Reflect.get(CloseEvent.prototype, k, {}));
show('new CloseEvent()', () => new CloseEvent());
for (const o of [null, undefined, 'a', 1]) show(`CloseEvent options ${String(o)}`, () => new CloseEvent('x', o).code);
console.log(Object.prototype.toString.call(ce), util.inspect(ce, { depth: -1 }));
