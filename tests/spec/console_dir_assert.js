console.dir({ a: { b: { c: { d: {} } } } }, { depth: 5 });
console.dir('string');
console.dir({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'ignored custom' });
console.assert(1 === 1, 'never printed');
console.count('label'); console.count('label'); console.countReset('label'); console.count('label');
console.group('G1'); console.info('info in group'); console.groupCollapsed('G2'); console.debug('debug'); console.groupEnd(); console.groupEnd();
console.log('after groups');
