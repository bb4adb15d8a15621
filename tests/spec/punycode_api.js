// node:punycode: encode/decode (RFC 3492), toASCII/toUnicode by label, ucs2 helpers with lone
// surrogates, Node's RangeErrors, and the DEP0040 warning on a require from outside node_modules.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.code, w.message));
const punycode = require('punycode');
const again = require('node:punycode');
console.log(punycode === again, punycode.version, Object.keys(punycode).join(), Object.keys(punycode.ucs2).join());

const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, e.name, e.message);
  }
};
for (const s of ['mañana', 'bücher', '', 'abc', '\ud800', '😀', 'ü-', 'Ünicode€Ω', 'ß']) {
  show(`encode ${JSON.stringify(s)}`, () => punycode.encode(s));
}
for (const s of ['maana-pta', 'bcher-kva', 'xn--', 'a-', '-', 'ü', '99999999999', 'a-b-c$', '', 'ls8h', 'MAANA-PTA']) {
  show(`decode ${JSON.stringify(s)}`, () => punycode.decode(s));
}
show('toASCII', () => punycode.toASCII('mañana.com'));
show('toASCII email', () => punycode.toASCII('user@ü.example'));
show('toASCII separators', () => punycode.toASCII('ü。ü．ü｡x'));
show('toUnicode', () => punycode.toUnicode('xn--maana-pta.com'));
show('toUnicode upper', () => punycode.toUnicode('XN--MAANA-PTA.com'));
show('toUnicode bad', () => punycode.toUnicode('xn--ü.com'));
show('ucs2.decode', () => punycode.ucs2.decode('\ud83d\ude00\ud800a'));
show('ucs2.encode', () => punycode.ucs2.encode([0x1f600, 0xd800, 97]));
