// StringDecoder across writes: every split point of multi-byte text in each encoding,
// invalid UTF-8 held and flushed, UTF-16 surrogates and odd bytes, base64 groups, and the
// legacy lastChar/lastNeed/lastTotal state.
const { StringDecoder } = require('string_decoder');
const text = 'a€😀ñ';
for (const enc of ['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii']) {
  const bytes = Buffer.from(text, enc === 'utf16le' ? 'utf16le' : 'utf8');
  const out = [];
  for (let cut = 0; cut <= bytes.length; cut++) {
    const d = new StringDecoder(enc);
    out.push(`${d.write(bytes.subarray(0, cut))}|${d.write(bytes.subarray(cut))}|${d.end()}`);
  }
  console.log(enc, JSON.stringify(out));
}
const seqs = [['fe8c'], ['f69b', 'd1'], ['f69b'], ['e080'], ['e080', '80'], ['c0'], ['c0', '80'], ['f8'], ['f58080'],
  ['f4', 'bd'], ['eda0'], ['c1', '41'], ['f790'], ['f0', '80', '80', '80'], ['e0', '80'], ['e2', '82', 'ac41'], ['e282', '41']];
for (const seq of seqs) {
  const d = new StringDecoder('utf8');
  const out = seq.map((h) => d.write(Buffer.from(h, 'hex')));
  const state = [d.lastNeed, d.lastTotal, d.lastChar.length];
  out.push(d.end());
  console.log(seq.join('|'), JSON.stringify(out), state);
}
const u16 = [['3d'], ['3d', 'd84ddc'], ['3dd8'], ['3dd8', '4d'], ['3dd84d'], ['3dd84d', 'dc'], ['3dd8', '6100'], ['3dd83dd8']];
for (const seq of u16) {
  const d = new StringDecoder('utf16le');
  const out = seq.map((h) => d.write(Buffer.from(h, 'hex')));
  const state = [d.lastNeed, d.lastTotal];
  out.push(d.end());
  console.log('utf16le', seq.join('|'), JSON.stringify(out), state);
}
const d = new StringDecoder('utf8');
console.log(d.write(Buffer.from('e1', 'hex')), d.lastChar, d.lastNeed, d.lastTotal, JSON.stringify(d.end()));
console.log(JSON.stringify(d.end(Buffer.from('e282', 'hex'))), JSON.stringify(d.write('str')), d.encoding);
console.log(new StringDecoder('UCS-2').encoding, new StringDecoder('binary').encoding, new StringDecoder().encoding);
console.log(JSON.stringify(new StringDecoder('utf8').text(Buffer.from('xxa€'), 2)));
console.log(JSON.stringify(new StringDecoder('hex').write(new Uint16Array([0x102]))));
for (const bad of [() => new StringDecoder('nope'), () => new StringDecoder(1), () => new StringDecoder().write(null),
  () => new StringDecoder().write({}), () => StringDecoder.prototype.write.call({}, Buffer.from('a')),
]) {
  try { bad(); } catch (e) { console.log(e.name, e.code, e.message); }
}
