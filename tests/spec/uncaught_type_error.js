const o = null;
console.log('start');
o.prop;
