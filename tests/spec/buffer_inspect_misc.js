// util.inspect of Buffers (INSPECT_MAX_BYTES, extra properties), the pool, the legacy
// callable Buffer, search with offsets, swaps, transcode, isUtf8/isAscii and the module's shape.
const buffer = require('buffer');
const util = require('util');
const { Buffer } = buffer;

console.log(Buffer.alloc(0), Buffer.from('abc'), Buffer.alloc(51, 1), Buffer.alloc(52, 2));
const b = Buffer.from('ab');
b.x = 1;
b[Symbol('s')] = 'sym';
console.log(b, [b], util.inspect(b, { showHidden: true }));
const e = Buffer.alloc(0);
e.prop = { deep: [1, 2] };
console.log(e);
buffer.INSPECT_MAX_BYTES = 2;
console.log(Buffer.from('abcd'), Buffer.from('ab'), Buffer.from('abc'));
buffer.INSPECT_MAX_BYTES = 50;
class Sub extends Buffer {}
console.log(util.inspect(Object.setPrototypeOf(Buffer.from('z'), Sub.prototype)));

// Small buffers share the pool; large and Slow ones do not.
const p1 = Buffer.allocUnsafe(10), p2 = Buffer.from('hello');
console.log(p1.buffer === p2.buffer, p1.buffer.byteLength === Buffer.poolSize, Buffer.allocUnsafeSlow(10).buffer.byteLength,
  Buffer.allocUnsafe(Buffer.poolSize).buffer === p1.buffer, Buffer.alloc(10).buffer === p1.buffer, Buffer.poolSize);
console.log(p2.byteOffset % 8, p2.parent === p2.buffer, p2.offset === p2.byteOffset, new Uint8Array(2).parent);

// The legacy constructor, with and without new.
console.log(Buffer(3), new Buffer('ab'), Buffer([1, 2]), new Buffer(new ArrayBuffer(4), 1, 2).length);
console.log(Buffer.name, Buffer.length, Buffer.prototype.constructor === Buffer, Object.getPrototypeOf(Buffer) === Uint8Array,
  Buffer.from('a') instanceof Buffer, Buffer.from('a') instanceof Uint8Array, Buffer.isBuffer(new Uint8Array(1)));
console.log(Buffer.from('abc').map((x) => x + 1), Buffer.isBuffer(Buffer.from('abc').filter(() => true)),
  Buffer.of(1, 2, 3), Buffer.from([1, 2, 3]).reverse(), Buffer.isBuffer(Buffer.from('ab').subarray(1)));
console.log(Buffer.prototype.slice.call(new Uint8Array([1, 2, 3]), 1) instanceof Buffer,
  Buffer.prototype.subarray.call(new Uint8Array([1, 2, 3]), 1) instanceof Buffer);

// indexOf / lastIndexOf / includes with offsets and encodings.
const h = Buffer.from('abcabcabc');
for (const args of [['b'], ['b', 2], ['b', -2], ['b', -100], ['b', 100], ['b', NaN], ['bc', 'latin1'], [''], ['', 4], ['', 100],
  [98], [98 + 256], [-158], [Buffer.from('ca')], [new Uint8Array([99])], ['YWJj', 'base64'], ['6263', 'hex'], ['b', 1.7], ['b', null], ['b', {}]]) {
  console.log(JSON.stringify(args), h.indexOf(...args), h.lastIndexOf(...args), h.includes(...args));
}
const u = Buffer.from('a\u03a3\u03a3b', 'utf16le');
console.log(u.indexOf('\u03a3', 0, 'ucs2'), u.lastIndexOf('\u03a3', undefined, 'utf16le'), u.indexOf('\u03a3', 3, 'utf16le'),
  u.indexOf(Buffer.from([0xa3]), 0, 'utf16le'), Buffer.from([0, 0x61, 0]).indexOf('a', 0, 'utf16le'));

// Swaps.
const s = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
console.log(s.swap16(), s.swap32(), s.swap64(), Buffer.alloc(0).swap16());

// toJSON, JSON round trip, equals/compare.
console.log(JSON.stringify(Buffer.from('hi')), Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))).toString());
console.log(Buffer.compare(Buffer.from('a'), Buffer.from('ab')), Buffer.from('b').compare(Buffer.from('a')), Buffer.from('ab').equals(new Uint8Array([97, 98])));
console.log([Buffer.from('b'), Buffer.from('a'), Buffer.from('ab')].sort(Buffer.compare).map(String));

// transcode, isUtf8, isAscii.
const { transcode, isUtf8, isAscii } = buffer;
console.log(transcode(Buffer.from('€aé'), 'utf8', 'ascii'), transcode(Buffer.from('€aé'), 'utf8', 'latin1'),
  transcode(Buffer.from('aé'), 'utf8', 'ucs2'), transcode(Buffer.from([0xe9, 0x80]), 'latin1', 'utf8'),
  transcode(Buffer.from([0xe9, 0x80]), 'ascii', 'utf8'), transcode(Buffer.from('a😀', 'utf16le'), 'ucs2', 'utf8'), transcode(Buffer.alloc(0), 'utf8', 'hex'));
console.log(isUtf8(Buffer.from('é')), isUtf8(Buffer.from([0xc0, 0x80])), isUtf8(new ArrayBuffer(2)), isAscii(Buffer.from('a')),
  isAscii(Buffer.from('é')), isAscii(new Uint16Array([0x7f7f])));

// Encoding names and byteLength.
console.log(['utf8', 'UTF-8', 'ucs2', 'UCS-2', 'utf16le', 'utf-16le', 'latin1', 'binary', 'base64', 'base64url', 'hex', 'ascii',
  'utf16', 'utf-16', 'Utf8', '', null, 1].map((x) => Buffer.isEncoding(x)).join());
console.log(['utf8', 'utf16le', 'latin1', 'base64', 'base64url', 'hex', 'ascii'].map((x) => Buffer.byteLength('aé€😀==', x)).join());

// Module shape.
console.log(Object.keys(buffer).join(), buffer.constants.MAX_STRING_LENGTH, buffer.kStringMaxLength,
  buffer.kMaxLength === buffer.constants.MAX_LENGTH, typeof buffer.SlowBuffer, buffer.Blob === Blob, buffer.File === File,
  buffer.atob === atob, buffer.btoa === btoa);
console.log(Object.getOwnPropertyNames(Buffer).sort().join());
console.log(atob(' YW Jj\n'), btoa('\u00ff\u00fe'), atob('YQ'));
