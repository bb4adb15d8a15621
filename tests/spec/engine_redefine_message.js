'use strict';
// A property that cannot be redefined: V8's TypeError names it (engine patch 0008).
const o = {};
Object.defineProperty(o, 'fixed', { value: 1 });
Object.defineProperty(o, Symbol.for('tag'), { value: 1 });
Object.defineProperty(o, 7, { get() { return 7; } });
for (const [key, desc] of [['fixed', { value: 2 }], [Symbol.for('tag'), { value: 2 }], [7, { value: 1 }]]) {
  try {
    Object.defineProperty(o, key, desc);
  } catch (e) {
    console.log(e.name, e.message);
  }
}
try {
  Object.defineProperty(new String('ab'), 0, { value: 'x' });
} catch (e) {
  console.log(e.name, e.message);
}
console.log('Reflect.defineProperty gives', Reflect.defineProperty(o, 'fixed', { value: 3 }));
console.log('the same value is no change:', Object.defineProperty(o, 'fixed', { value: 1 }) === o);
