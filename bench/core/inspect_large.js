// util.inspect of a large nested object (depth Infinity).
const { time } = require('./timer.js');
const util = require('util');
const data = [];
for (let i = 0; i < 20000; i++) {
  data.push({ id: i, name: `item ${i}`, tags: ['a', 'b', i % 7], nested: { ok: i % 2 === 0, at: i * 1.5, none: null } });
}
time(() => {
  const text = util.inspect(data, { depth: Infinity, maxArrayLength: Infinity });
  if (text.length < 1e6) throw new Error('inspect output too short');
});
