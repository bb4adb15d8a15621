// node:string_decoder: characters and base64 groups split across writes come out whole.
const SD = require('string_decoder').StringDecoder;
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf8');
const e = Buffer.from('€あ');
console.log(JSON.stringify([d.write(e.subarray(0,1)), d.write(e.subarray(1,4)), d.write(e.subarray(4)), d.end()]));
const b = new StringDecoder('base64');
console.log(JSON.stringify([b.write(Buffer.from('ab')), b.write(Buffer.from('cde')), b.end()]));
const bu = new StringDecoder('base64url');
console.log(JSON.stringify([bu.write(Buffer.from('ab?')), bu.write(Buffer.from('>d')), bu.end()]));
const h = new StringDecoder('hex'); console.log(h.write(Buffer.from([1,255])), h.end(), h.encoding);
const u = new StringDecoder('utf16le'); console.log(JSON.stringify([u.write(Buffer.from([0x61])), u.write(Buffer.from([0x00, 0x62])), u.end(Buffer.from([0]))]));
const x = new StringDecoder('utf8'); console.log(JSON.stringify([x.write(Buffer.from([0xe2, 0x82])), x.end()]));
const y = new StringDecoder(); console.log(y.encoding, new StringDecoder('latin1').write(Buffer.from([0xe9])), new StringDecoder('UCS2').encoding, new StringDecoder('binary').encoding);
try { new StringDecoder('nope') } catch (e) { console.log(e.code, e.message) }
try { new StringDecoder().write(42) } catch (e) { console.log(e.code, e.message) }
console.log(JSON.stringify(new StringDecoder('utf8').write(Buffer.from([0xff, 0x61]))), new StringDecoder('ascii').encoding, new StringDecoder('base64url').encoding);
console.log(new StringDecoder('utf8').write('already text'), new StringDecoder('utf8').end(Buffer.from('x')));
function testEnd(encoding, incomplete, next, expected) {
  let res = '';
  const s = new SD(encoding);
  res += s.write(incomplete);
  res += s.end();
  res += s.write(next);
  res += s.end();
  console.log(encoding, JSON.stringify(res) === JSON.stringify(expected), JSON.stringify(res));
}
testEnd('utf16le', Buffer.of(0x3D), Buffer.of(0x61, 0x00), 'a');
testEnd('utf16le', Buffer.of(0x3D), Buffer.of(0xD8, 0x4D, 0xDC), '\u4DD8');
testEnd('utf16le', Buffer.of(0x3D, 0xD8), Buffer.of(), '\uD83D');
testEnd('utf16le', Buffer.of(0x3D, 0xD8, 0x4D), Buffer.of(), '\uD83D');
testEnd('base64', Buffer.of(0x61), Buffer.of(), 'YQ==');
testEnd('base64', Buffer.of(0x61), Buffer.of(0x61), 'YQ==YQ==');
testEnd('base64url', Buffer.of(0x61), Buffer.of(0x61), 'YQYQ');
const bufs = [ '☃💩', 'asdf' ].map((b) => Buffer.from(b));
for (const enc of ['utf16le', 'base64', 'hex', 'utf8']) for (const buf of bufs) {
  let s = new SD(enc); let r = ''; for (let i = 0; i < buf.length; i++) r += s.write(buf.slice(i, i + 1)); r += s.end();
  console.log(enc, r === buf.toString(enc), JSON.stringify(r), JSON.stringify(buf.toString(enc)));
}
console.log('lone \uD83D surrogate'); console.log(Buffer.from([0x61, 0, 0x3d, 0xd8, 0x62]).toString('utf16le').length);
