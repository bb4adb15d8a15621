const m1 = performance.mark('a');
const m2 = performance.mark('b', { detail: { x: 1 } });
const meas = performance.measure('a-b', 'a', 'b');
console.log(m1.name, m1.entryType, m2.detail, meas.name, meas.entryType, meas.duration >= 0);
console.log(performance.getEntriesByType('mark').length, performance.getEntriesByName('a-b').length);
performance.clearMarks(); console.log(performance.getEntriesByType('mark').length);
console.log(typeof performance.now(), performance.timeOrigin > 1e12);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name); }
