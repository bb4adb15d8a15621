// Node's handling of malformed input in each encoding, both ways.
const show = (s, e) => console.log(JSON.stringify(s), e, Buffer.from(s, e).toString('hex'), Buffer.byteLength(s, e));

// hex stops at the first pair that is not two hex digits; an odd last digit is dropped.
for (const s of ['+f', 'f+', 'abc', 'abzz12', '0g12', 'ABcd', '']) show(s, 'hex');
// base64 skips whitespace and characters outside both alphabets, and ends at '='.
for (const s of ['YW*Jj', 'YW Jj', 'YW=Jj', 'YQ==YQ==', 'YWJj\n ZA', 'Y-_/+A', 'Y', 'YQ', 'YQ=', '=YQ',
  'YW.', 'YWJjZA=', 'YW\u00ffJj', 'YW\u0100Jj']) {
  show(s, 'base64');
  show(s, 'base64url');
}
// utf8: each maximal invalid subsequence decodes to one U+FFFD.
const cps = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');
for (const hex of ['e18041', 'f09f98c0', 'eda080', 'c0af', 'f4908080', 'ff', 'e2828', 'efbbbf41', 'f09f9880']) {
  console.log(hex, cps(Buffer.from(hex, 'hex').toString()));
}
// lone surrogates encode as U+FFFD in utf8, as themselves in utf16le
console.log(Buffer.from('a\ud800b'), Buffer.from('\udc00'), Buffer.from('\ud83d\ude00'), Buffer.from('x\ud800', 'utf16le'));
console.log(Buffer.byteLength('a\ud800b'), Buffer.byteLength('\ud83d\ude00'), Buffer.byteLength('\u00e9\u20ac'));
// utf16le decoding keeps lone surrogates and drops an odd last byte
console.log(JSON.stringify(Buffer.from([0x00, 0xd8, 0x61, 0x00, 0x62]).toString('utf16le')));
// latin1 and ascii take each code unit's low byte; ascii decoding clears the high bit
console.log(Buffer.from('\u0100\u{1F600}\u00e9', 'latin1'), Buffer.from('\u0100\u00e9', 'ascii'));
console.log(JSON.stringify(Buffer.from([0xff, 0x80, 0x41]).toString('ascii')), JSON.stringify(Buffer.from([0xff, 0x80, 0x41]).toString('latin1')));
// base64url output has no padding; base64 has
console.log(Buffer.from([0xfb, 0xff]).toString('base64'), Buffer.from([0xfb, 0xff]).toString('base64url'));
// write() of a string stops before a character that does not fit
const w = Buffer.alloc(4);
console.log(w.write('a\u20ac\u20ac'), w, Buffer.alloc(3).write('\u{1F600}'), Buffer.alloc(3).write('abc', 'utf16le'));
console.log(Buffer.alloc(4).write('ffzz', 'hex'), Buffer.alloc(2).write('YWJj', 'base64'));
