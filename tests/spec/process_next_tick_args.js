'use strict';
// process.nextTick passes exactly the arguments it was given, with `this` undefined.
process.nextTick(function () { console.log('none', arguments.length, this === undefined); });
process.nextTick(function (a) { console.log('one', arguments.length, a); }, 'a');
process.nextTick(function (...rest) { console.log('three', rest); }, 1, 2, 3);
process.nextTick(function () { console.log('an undefined one', arguments.length); }, undefined);
process.nextTick(() => console.log('arrow'));
