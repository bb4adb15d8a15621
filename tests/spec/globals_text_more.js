const d = new TextDecoder('utf-8', { ignoreBOM: true });
console.log(JSON.stringify(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))), d.ignoreBOM, d.fatal);
console.log(new TextDecoder().decode(new Uint8Array([0xff, 0x41])));
console.log(new TextDecoder('ascii').encoding, new TextDecoder('UTF8').encoding, new TextDecoder('utf-16').encoding);
console.log(new TextEncoder().encode('😀').length, new TextEncoder().encodeInto('😀a', new Uint8Array(3)));
console.log(new TextDecoder().decode(new Uint16Array([0x6968]).buffer), new TextDecoder().decode());
