// TextDecoder with { stream: true }: characters cut between chunks, in several encodings,
// fatal mode and BOM handling.
const split = (label, bytes, opts = {}) => {
  const out = [];
  for (let cut = 0; cut <= bytes.length; cut++) {
    const d = new TextDecoder(label, opts);
    try {
      out.push(d.decode(bytes.subarray(0, cut), { stream: true }) + '|' + d.decode(bytes.subarray(cut)));
    } catch (e) {
      out.push(`${e.name}:${e.code}`);
    }
  }
  console.log(label, JSON.stringify(opts), JSON.stringify(out));
};
const u8 = (...a) => new Uint8Array(a);
split('utf-8', u8(0x61, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80));
split('utf-8', u8(0xef, 0xbb, 0xbf, 0x61));
split('utf-8', u8(0xef, 0xbb, 0xbf, 0x61), { ignoreBOM: true });
split('utf-8', u8(0x61, 0xe2, 0x82, 0x41));
split('utf-8', u8(0x61, 0xe2, 0x82, 0x41), { fatal: true });
split('utf-8', u8(0xf0, 0x9f, 0x98));
split('utf-16le', u8(0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde, 0x61, 0x00));
split('utf-16le', u8(0x00, 0xd8, 0x61));
split('utf-16be', u8(0xfe, 0xff, 0xd8, 0x3d, 0xde, 0x00));
split('shift_jis', u8(0x82, 0xa0, 0x41, 0x83, 0x40));
split('gb18030', u8(0x81, 0x30, 0x81, 0x30, 0x41));
split('windows-1252', u8(0x80, 0x41, 0xe9));
split('euc-kr', u8(0xb0, 0xa1, 0xb0));

// One decoder over many chunks, one byte at a time.
const text = 'añ€😀 end';
const bytes = new TextEncoder().encode(text);
const d = new TextDecoder();
let s = '';
for (const b of bytes) s += d.decode(u8(b), { stream: true });
s += d.decode();
console.log(s === text, JSON.stringify(s));
// After a flush the decoder starts over, BOM included.
const bomd = new TextDecoder();
console.log(JSON.stringify(bomd.decode(u8(0xef, 0xbb, 0xbf, 0x41))), JSON.stringify(bomd.decode(u8(0xef, 0xbb, 0xbf, 0x42))));
// A fatal error resets the stream.
const fd = new TextDecoder('utf-8', { fatal: true });
try { fd.decode(u8(0xe2, 0x82), { stream: true }); fd.decode(u8(0x41)); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(JSON.stringify(fd.decode(u8(0x42))));
// Inputs: ArrayBuffer, DataView, other typed arrays; bad input.
console.log(new TextDecoder().decode(new Uint16Array([0x6968]).buffer), new TextDecoder().decode(new DataView(u8(0x6f, 0x6b).buffer)));
try { new TextDecoder().decode('str'); } catch (e) { console.log(e.name, e.code, e.message); }
try { new TextDecoder('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
const td = new TextDecoder('UTF-16', { fatal: true, ignoreBOM: true });
console.log(td.encoding, td.fatal, td.ignoreBOM);
// TextEncoder.encodeInto stops before a character that does not fit.
const dest = new Uint8Array(5);
console.log(new TextEncoder().encodeInto('a€😀', dest), dest, new TextEncoder().encodeInto('a\ud800b', new Uint8Array(8)));
