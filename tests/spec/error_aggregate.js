const e = new AggregateError([new Error('a'), new TypeError('b')], 'many');
console.log(e.name, e.message, e.errors.length);
console.log(require('util').inspect(e).split('\n').filter((l) => !l.trim().startsWith('at ')).join('\n'));
