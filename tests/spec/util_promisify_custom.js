const util = require('util');
function legacy(a, cb) { cb(null, a + 1); }
legacy[util.promisify.custom] = (a) => Promise.resolve('custom ' + a);
util.promisify(legacy)(1).then(console.log);
function failing(cb) { cb(new Error('cb error')); }
util.promisify(failing)().catch((e) => console.log('rejected', e.message));
const p = util.promisify((cb) => cb(null, 'a', 'b'));
p().then((v) => console.log('first value only', v));
console.log(util.promisify(legacy) === util.promisify(legacy), typeof util.promisify.custom);
util.callbackify(() => Promise.reject(null))((err) => console.log(err.code, err.reason));
