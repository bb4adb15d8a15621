process.nextTick((a, b, c) => console.log('tick args', a, b, c), 1, 'two', [3]);
process.nextTick(() => { process.nextTick(() => console.log('nested tick')); console.log('outer tick'); });
Promise.resolve().then(() => console.log('micro after ticks'));
