console.assert(false, 'assertion %s', 'message');
console.log('after');
