'use strict';
// v8.Serializer/Deserializer and their Default* subclasses: the raw writes and reads, host
// objects (how Buffers and typed arrays travel), transferred array buffers, and their errors.
const v8 = require('v8');

const s = new v8.Serializer();
s.writeUint32(300);
s.writeUint64(1, 2);
s.writeDouble(1.5);
s.writeRawBytes(Buffer.from('ab'));
const raw = s.releaseBuffer();
console.log(raw.toString('hex'), s.releaseBuffer().length);
for (const bad of [1, 'x', null]) {
  try {
    s.writeRawBytes(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
const d = new v8.Deserializer(raw);
console.log(Object.keys(d), d.buffer === raw, d.readUint32(), d.readUint64(), d.readDouble(), d.readRawBytes(2));
try {
  new v8.Deserializer(1);
} catch (e) {
  console.log(e.name, e.code, e.message);
}

const plain = new v8.Serializer();
plain.writeHeader();
plain.writeValue(new Uint8Array([1, 2]));
console.log('plain view', plain.releaseBuffer().toString('hex'));
const host = new v8.Serializer();
host._setTreatArrayBufferViewsAsHostObjects(true);
try {
  host.writeValue(new Uint8Array(1));
} catch (e) {
  console.log(e.name, e.message);
}

class Custom extends v8.Serializer {
  _writeHostObject(view) {
    this.writeUint32(view.length);
    this.writeRawBytes(view);
  }
  _getDataCloneError(message) {
    return new TypeError(`custom: ${message}`);
  }
}
const c = new Custom();
c._setTreatArrayBufferViewsAsHostObjects(true);
c.writeHeader();
c.writeValue({ bytes: new Uint8Array([7, 8]) });
const customBytes = c.releaseBuffer();
console.log('custom', customBytes.toString('hex'));
try {
  new Custom().writeValue(() => 1);
} catch (e) {
  console.log(e.name, e.message);
}
class CustomReader extends v8.Deserializer {
  _readHostObject() {
    const n = this.readUint32();
    return new Uint8Array(this.readRawBytes(n));
  }
}
const r = new CustomReader(customBytes);
console.log(r.readHeader(), r.getWireFormatVersion(), r.readValue());

const ab = new ArrayBuffer(4);
const ts = new v8.Serializer();
ts.transferArrayBuffer(7, ab);
ts.writeHeader();
ts.writeValue([ab, ab]);
const transferred = ts.releaseBuffer();
console.log('transfer', transferred.toString('hex'));
const td = new v8.Deserializer(transferred);
const other = new ArrayBuffer(4);
td.transferArrayBuffer(7, other);
td.readHeader();
const got = td.readValue();
console.log(got[0] === other, got[1] === other);

const ds = new v8.DefaultSerializer();
ds.writeHeader();
ds.writeValue([Buffer.from('hi'), new Uint16Array([1, 2]), new Float32Array([0.5])]);
const dd = new v8.DefaultDeserializer(ds.releaseBuffer());
dd.readHeader();
console.log(dd.readValue());
console.log(Object.getOwnPropertyNames(v8.DefaultSerializer.prototype), Object.getOwnPropertyNames(v8.DefaultDeserializer.prototype));
