const enc = new TextEncoder();
console.log(enc.encoding, enc.encode('hé€'), enc.encode(''));
const dec = new TextDecoder();
console.log(dec.encoding, dec.decode(new Uint8Array([104, 195, 169, 226, 130, 172])));
console.log(new TextDecoder('utf-16le').decode(new Uint8Array([104, 0, 105, 0])), new TextDecoder('latin1').encoding);
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code); }
console.log(new TextDecoder().decode(new Uint8Array([0xef, 0xbb, 0xbf, 65])), enc.encodeInto('abc', new Uint8Array(2)));
