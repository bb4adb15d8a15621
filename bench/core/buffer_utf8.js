// UTF-8 encode (Buffer.from(string)) and decode (toString) of 64 MB of mixed-width text.
const { time } = require('./timer.js');
const unit = 'moat runs node programs: größer, 速い, 🚀 ';
const text = unit.repeat(Math.ceil((64 * 1024 * 1024) / Buffer.byteLength(unit)));
time(() => {
  const bytes = Buffer.from(text, 'utf8');
  const back = bytes.toString('utf8');
  if (back.length !== text.length) throw new Error('utf8 round trip changed the text');
});
