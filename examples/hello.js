// moat examples/hello.js [name]
const os = require('os');
const name = process.argv[2] || 'world';
console.log(`hello, ${name}, from ${process.version} on ${os.platform()}`);
console.log({ argv: process.argv.slice(2), inspect: [1, 'two', { three: 3 }] });
setTimeout(() => console.log('a timer fired'), 5);
