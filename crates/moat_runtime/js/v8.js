'use strict';
// node:v8 — the engine's memory figures (QuickJS's, in V8's terms), and V8's value
// serialization format (ValueSerializer, wire format version 15), written and read here so that
// the bytes are the ones Node's v8.serialize makes and takes.

const { codes, thrower, fixStack } = require('internal/errors');
const { validateString } = require('internal/validators');
const binding = internalBinding('v8');

const kVersion = 15;

// Tags of the wire format.
const T = {
  version: 0xff, padding: 0x00, verifyObjectCount: 0x3f /* ? */, theHole: 0x2d /* - */,
  undefined: 0x5f /* _ */, null: 0x30 /* 0 */, true: 0x54 /* T */, false: 0x46 /* F */,
  int32: 0x49 /* I */, uint32: 0x55 /* U */, double: 0x4e /* N */, bigint: 0x5a /* Z */,
  utf8String: 0x53 /* S */, oneByteString: 0x22 /* " */, twoByteString: 0x63 /* c */,
  objectReference: 0x5e /* ^ */, beginObject: 0x6f /* o */, endObject: 0x7b /* { */,
  beginSparseArray: 0x61 /* a */, endSparseArray: 0x40 /* @ */,
  beginDenseArray: 0x41 /* A */, endDenseArray: 0x24 /* $ */,
  date: 0x44 /* D */, trueObject: 0x79 /* y */, falseObject: 0x78 /* x */, numberObject: 0x6e /* n */,
  bigintObject: 0x7a /* z */, stringObject: 0x73 /* s */, regExp: 0x52 /* R */,
  beginMap: 0x3b /* ; */, endMap: 0x3a /* : */, beginSet: 0x27 /* ' */, endSet: 0x2c /* , */,
  arrayBuffer: 0x42 /* B */, resizableArrayBuffer: 0x7e /* ~ */, arrayBufferTransfer: 0x74 /* t */,
  arrayBufferView: 0x56 /* V */, sharedArrayBuffer: 0x75 /* u */, hostObject: 0x5c /* \ */,
  error: 0x72 /* r */,
};

// Sub-tags of an array buffer view, by constructor name.
const viewTags = {
  Int8Array: 0x62, Uint8Array: 0x42, Uint8ClampedArray: 0x43, Int16Array: 0x77, Uint16Array: 0x57,
  Int32Array: 0x64, Uint32Array: 0x44, Float16Array: 0x68, Float32Array: 0x66, Float64Array: 0x46,
  BigInt64Array: 0x71, BigUint64Array: 0x51, DataView: 0x3f,
};
const viewByTag = new Map(Object.entries(viewTags).map(([name, tag]) => [tag, name]));

// Sub-tags of an error: its prototype, its fields, the end.
const errorTags = {
  EvalError: 0x45, RangeError: 0x52, ReferenceError: 0x46, SyntaxError: 0x53, TypeError: 0x54, URIError: 0x55,
};
const errorByTag = new Map(Object.entries(errorTags).map(([name, tag]) => [tag, name]));
const kErrorMessage = 0x6d, kErrorStack = 0x73, kErrorCause = 0x63, kErrorEnd = 0x2e;

// RegExp flags, as bits.
const regExpFlags = [['g', 1], ['i', 2], ['m', 4], ['y', 8], ['u', 16], ['s', 32], ['l', 64], ['d', 128], ['v', 256]];

const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedArrayName = Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag).get;
const isView = ArrayBuffer.isView;

// Node's error for a bytes argument that is no TypedArray or DataView, with its own wording.
function notAView(name) {
  const err = new TypeError(`${name} must be a TypedArray or a DataView`);
  Object.defineProperty(err, 'code', { value: 'ERR_INVALID_ARG_TYPE', enumerable: true, writable: true, configurable: true });
  fixStack(err);
  return err;
}

function viewBytes(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function isOneByte(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

function isArrayIndex(key) {
  if (key === '0') return true;
  if (!/^[1-9][0-9]{0,9}$/.test(key)) return false;
  return Number(key) < 4294967295;
}

const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);

class Serializer {
  constructor() {
    this._bytes = new Uint8Array(64);
    this._length = 0;
    this._ids = new Map();
    this._nextId = 0;
    this._viewsAsHost = false;
    this._transfers = new Map();
  }

  _reserve(n) {
    if (this._length + n <= this._bytes.length) return;
    let size = this._bytes.length * 2;
    while (size < this._length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this._bytes.subarray(0, this._length));
    this._bytes = bigger;
  }

  _byte(b) {
    this._reserve(1);
    this._bytes[this._length++] = b;
  }

  _varint(n) {
    // n: a non-negative integer up to 2^53.
    this._reserve(8);
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n > 0) b |= 0x80;
      this._byte(b);
    } while (n > 0);
  }

  _varintBig(n) {
    do {
      let b = Number(n & 0x7fn);
      n >>= 7n;
      if (n > 0n) b |= 0x80;
      this._byte(b);
    } while (n > 0n);
  }

  _raw(bytes) {
    this._reserve(bytes.length);
    this._bytes.set(bytes, this._length);
    this._length += bytes.length;
  }

  _double(d) {
    f64[0] = d;
    this._raw(f64Bytes);
  }

  writeHeader() {
    this._byte(T.version);
    this._varint(kVersion);
  }

  writeValue(value) {
    this._write(value);
    return true;
  }

  releaseBuffer() {
    const { Buffer } = require('buffer');
    const out = Buffer.from(this._bytes.buffer.slice(0, this._length));
    this._bytes = new Uint8Array(64);
    this._length = 0;
    return out;
  }

  transferArrayBuffer(id, arrayBuffer) {
    this._transfers.set(arrayBuffer, id >>> 0);
  }

  writeUint32(value) {
    this._varint(value >>> 0);
  }

  writeUint64(hi, lo) {
    this._varintBig((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
  }

  writeDouble(value) {
    this._double(Number(value));
  }

  writeRawBytes(source) {
    if (!isView(source)) throw notAView('source');
    this._raw(viewBytes(source));
  }

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    this._viewsAsHost = !!flag;
  }

  _getDataCloneError(message) {
    return new Error(message);
  }

  _cloneError(value) {
    let text;
    if (typeof value === 'function' || typeof value === 'symbol') text = String(value);
    else if (isView(value)) text = Object.prototype.toString.call(value);
    else {
      const ctor = value?.constructor;
      text = `#<${typeof ctor === 'function' && ctor.name ? ctor.name : 'Object'}>`;
    }
    const make = typeof this._getDataCloneError === 'function' ? this._getDataCloneError : Serializer.prototype._getDataCloneError;
    return make.call(this, `${text} could not be cloned.`);
  }

  _string(s) {
    if (isOneByte(s)) {
      this._byte(T.oneByteString);
      this._varint(s.length);
      this._reserve(s.length);
      for (let i = 0; i < s.length; i++) this._bytes[this._length++] = s.charCodeAt(i);
      return;
    }
    const byteLength = s.length * 2;
    let varintSize = 1;
    for (let n = byteLength; n >= 128; n = Math.floor(n / 128)) varintSize++;
    // The two-byte characters start at an even offset.
    if ((this._length + 1 + varintSize) & 1) this._byte(T.padding);
    this._byte(T.twoByteString);
    this._varint(byteLength);
    this._reserve(byteLength);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this._bytes[this._length++] = c & 0xff;
      this._bytes[this._length++] = c >> 8;
    }
  }

  _bigintBody(n) {
    const negative = n < 0n;
    let magnitude = negative ? -n : n;
    const words = [];
    while (magnitude > 0n) {
      words.push(magnitude & 0xffffffffffffffffn);
      magnitude >>= 64n;
    }
    this._varint(words.length * 8 * 2 + (negative ? 1 : 0));
    for (const w of words) {
      let x = w;
      for (let i = 0; i < 8; i++) {
        this._byte(Number(x & 0xffn));
        x >>= 8n;
      }
    }
  }

  _number(n) {
    if (Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 && !Object.is(n, -0)) {
      this._byte(T.int32);
      this._varint(n >= 0 ? n * 2 : -n * 2 - 1);
    } else {
      this._byte(T.double);
      this._double(n);
    }
  }

  _write(value) {
    switch (typeof value) {
      case 'undefined': this._byte(T.undefined); return;
      case 'boolean': this._byte(value ? T.true : T.false); return;
      case 'number': this._number(value); return;
      case 'bigint': this._byte(T.bigint); this._bigintBody(value); return;
      case 'string': this._string(value); return;
      case 'symbol':
      case 'function': throw this._cloneError(value);
    }
    if (value === null) {
      this._byte(T.null);
      return;
    }
    if (isView(value)) {
      if (!this._ids.has(value) && !this._viewsAsHost) {
        const buffer = value.buffer;
        if (buffer instanceof SharedArrayBuffer) throw this._cloneError(buffer);
        this._object(buffer);
      }
    }
    this._object(value);
  }

  _object(value) {
    const seen = this._ids.get(value);
    if (seen !== undefined) {
      this._byte(T.objectReference);
      this._varint(seen);
      return;
    }
    this._ids.set(value, this._nextId++);
    if (Array.isArray(value)) return this._array(value);
    if (isView(value)) {
      if (this._viewsAsHost) {
        if (typeof this._writeHostObject !== 'function') throw this._cloneError(value);
        this._byte(T.hostObject);
        this._writeHostObject(value);
        return;
      }
      const name = value instanceof DataView ? 'DataView' : typedArrayName.call(value);
      this._byte(T.arrayBufferView);
      this._byte(viewTags[name]);
      this._varint(value.byteOffset);
      this._varint(value.byteLength);
      this._varint(0);
      return;
    }
    if (value instanceof ArrayBuffer) {
      const id = this._transfers.get(value);
      if (id !== undefined) {
        this._byte(T.arrayBufferTransfer);
        this._varint(id);
        return;
      }
      if (value.resizable) {
        this._byte(T.resizableArrayBuffer);
        this._varint(value.byteLength);
        this._varint(value.maxByteLength);
      } else {
        this._byte(T.arrayBuffer);
        this._varint(value.byteLength);
      }
      this._raw(new Uint8Array(value));
      return;
    }
    if (value instanceof Date) {
      this._byte(T.date);
      this._double(value.getTime());
      return;
    }
    if (value instanceof RegExp) {
      this._byte(T.regExp);
      this._string(value.source);
      let bits = 0;
      for (const [flag, bit] of regExpFlags) if (value.flags.includes(flag)) bits |= bit;
      this._varint(bits);
      return;
    }
    if (value instanceof Map) {
      const entries = [...value];
      this._byte(T.beginMap);
      for (const [k, v] of entries) {
        this._write(k);
        this._write(v);
      }
      this._byte(T.endMap);
      this._varint(entries.length * 2);
      return;
    }
    if (value instanceof Set) {
      const items = [...value];
      this._byte(T.beginSet);
      for (const v of items) this._write(v);
      this._byte(T.endSet);
      this._varint(items.length);
      return;
    }
    if (value instanceof Error) return this._error(value);
    if (value instanceof Number) {
      this._byte(T.numberObject);
      this._double(Number.prototype.valueOf.call(value));
      return;
    }
    if (value instanceof Boolean) {
      this._byte(Boolean.prototype.valueOf.call(value) ? T.trueObject : T.falseObject);
      return;
    }
    if (value instanceof String) {
      this._byte(T.stringObject);
      this._string(String.prototype.valueOf.call(value));
      return;
    }
    if (typeof BigInt.prototype.valueOf === 'function' && Object.prototype.toString.call(value) === '[object BigInt]') {
      this._byte(T.bigintObject);
      this._bigintBody(BigInt.prototype.valueOf.call(value));
      return;
    }
    if (value instanceof SharedArrayBuffer || value instanceof Promise || value instanceof WeakMap ||
        value instanceof WeakSet || value instanceof WeakRef || (typeof FinalizationRegistry === 'function' && value instanceof FinalizationRegistry)) {
      throw this._cloneError(value);
    }
    this._byte(T.beginObject);
    const count = this._properties(value, Object.keys(value));
    this._byte(T.endObject);
    this._varint(count);
  }

  // Writes the own enumerable properties `keys` of `object` as key, value pairs; an array
  // index is written as a number. Returns how many were written.
  _properties(object, keys) {
    let count = 0;
    for (const key of keys) {
      if (!Object.prototype.propertyIsEnumerable.call(object, key)) continue;
      const value = object[key];
      if (isArrayIndex(key)) this._number(Number(key));
      else this._string(key);
      this._write(value);
      count++;
    }
    return count;
  }

  _array(array) {
    const length = array.length;
    let dense = true;
    for (let i = 0; i < length; i++) {
      if (!Object.prototype.hasOwnProperty.call(array, i)) {
        dense = false;
        break;
      }
    }
    if (dense) {
      this._byte(T.beginDenseArray);
      this._varint(length);
      for (let i = 0; i < length; i++) this._write(array[i]);
      const named = Object.keys(array).filter((k) => !isArrayIndex(k));
      const count = this._properties(array, named);
      this._byte(T.endDenseArray);
      this._varint(count);
      this._varint(length);
    } else {
      this._byte(T.beginSparseArray);
      this._varint(length);
      const count = this._properties(array, Object.keys(array));
      this._byte(T.endSparseArray);
      this._varint(count);
      this._varint(length);
    }
  }

  _error(error) {
    this._byte(T.error);
    const name = error.name;
    if (Object.hasOwn(errorTags, name)) this._byte(errorTags[name]);
    const message = Object.getOwnPropertyDescriptor(error, 'message');
    if (message !== undefined && 'value' in message) {
      this._byte(kErrorMessage);
      this._string(String(message.value));
    }
    const stack = error.stack;
    if (typeof stack === 'string') {
      this._byte(kErrorStack);
      this._string(stack);
    }
    const cause = Object.getOwnPropertyDescriptor(error, 'cause');
    if (cause !== undefined && 'value' in cause) {
      this._byte(kErrorCause);
      this._write(cause.value);
    }
    this._byte(kErrorEnd);
  }
}

function dataError() {
  return new Error('Unable to deserialize cloned data.');
}

class Deserializer {
  constructor(buffer) {
    if (!isView(buffer)) throw notAView('buffer');
    Object.defineProperty(this, 'buffer', { value: buffer, enumerable: true, configurable: true, writable: true });
    Object.defineProperty(this, '_bytes', { value: viewBytes(buffer), writable: true });
    Object.defineProperty(this, '_pos', { value: 0, writable: true });
    Object.defineProperty(this, '_version', { value: 0, writable: true });
    Object.defineProperty(this, '_objects', { value: [], writable: true });
    Object.defineProperty(this, '_transfers', { value: new Map(), writable: true });
  }

  readHeader() {
    if (this._bytes[this._pos] === T.version) {
      this._pos++;
      this._version = this._varint();
      if (this._version > kVersion) throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
      return true;
    }
    throw new Error('Unable to deserialize cloned data due to invalid or unsupported version.');
  }

  getWireFormatVersion() { return this._version; }

  transferArrayBuffer(id, arrayBuffer) {
    const isShared = typeof SharedArrayBuffer === 'function' && arrayBuffer instanceof SharedArrayBuffer;
    if (!(arrayBuffer instanceof ArrayBuffer) && !isShared && !isView(arrayBuffer)) {
      throw new codes.ERR_INVALID_ARG_TYPE('arrayBuffer', ['ArrayBuffer', 'SharedArrayBuffer'], arrayBuffer);
    }
    this._transfers.set(id >>> 0, isView(arrayBuffer) ? arrayBuffer.buffer : arrayBuffer);
  }

  readUint32() { return this._varint() >>> 0; }

  readUint64() {
    const n = this._varintBig();
    return [Number((n >> 32n) & 0xffffffffn), Number(n & 0xffffffffn)];
  }

  readDouble() { return this._double(); }

  _readRawBytes(length) {
    const offset = this._pos;
    if (!(length >= 0) || offset + length > this._bytes.length) throw dataError();
    this._pos += length;
    return this._bytes.byteOffset - this.buffer.byteOffset + offset;
  }

  readRawBytes(length) {
    const offset = this._readRawBytes(length);
    const { Buffer } = require('buffer');
    return Buffer.from(this.buffer.buffer, this.buffer.byteOffset + offset, length);
  }

  readValue() {
    return this._read();
  }

  _byte() {
    if (this._pos >= this._bytes.length) throw dataError();
    return this._bytes[this._pos++];
  }

  _varint() {
    let n = 0, scale = 1, b;
    do {
      b = this._byte();
      n += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return n;
  }

  _varintBig() {
    let n = 0n, shift = 0n, b;
    do {
      b = this._byte();
      n |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    return n;
  }

  _double() {
    if (this._pos + 8 > this._bytes.length) throw dataError();
    f64Bytes.set(this._bytes.subarray(this._pos, this._pos + 8));
    this._pos += 8;
    return f64[0];
  }

  _tag() {
    let t;
    do t = this._byte(); while (t === T.padding);
    return t;
  }

  _peekTag() {
    let p = this._pos;
    while (p < this._bytes.length && this._bytes[p] === T.padding) p++;
    return p < this._bytes.length ? this._bytes[p] : undefined;
  }

  _oneByte(length) {
    if (this._pos + length > this._bytes.length) throw dataError();
    let s = '';
    for (let i = 0; i < length; i += 8192) {
      s += String.fromCharCode.apply(null, this._bytes.subarray(this._pos + i, this._pos + Math.min(length, i + 8192)));
    }
    this._pos += length;
    return s;
  }

  _twoByte(byteLength) {
    if (byteLength & 1 || this._pos + byteLength > this._bytes.length) throw dataError();
    const codes16 = [];
    let s = '';
    for (let i = 0; i < byteLength; i += 2) {
      codes16.push(this._bytes[this._pos + i] | (this._bytes[this._pos + i + 1] << 8));
      if (codes16.length === 8192) { s += String.fromCharCode.apply(null, codes16); codes16.length = 0; }
    }
    this._pos += byteLength;
    return s + String.fromCharCode.apply(null, codes16);
  }

  _utf8(length) {
    if (this._pos + length > this._bytes.length) throw dataError();
    const s = new TextDecoder().decode(this._bytes.subarray(this._pos, this._pos + length));
    this._pos += length;
    return s;
  }

  _stringOf(tag) {
    switch (tag) {
      case T.oneByteString: return this._oneByte(this._varint());
      case T.twoByteString: return this._twoByte(this._varint());
      case T.utf8String: return this._utf8(this._varint());
      default: throw dataError();
    }
  }

  _bigintBody() {
    const bits = this._varint();
    const byteLength = Math.floor(bits / 2);
    if (this._pos + byteLength > this._bytes.length) throw dataError();
    let n = 0n;
    for (let i = byteLength - 1; i >= 0; i--) n = (n << 8n) | BigInt(this._bytes[this._pos + i]);
    this._pos += byteLength;
    return bits & 1 ? -n : n;
  }

  _remember(value) {
    this._objects.push(value);
    return value;
  }

  _read() {
    const value = this._readInner();
    // A buffer followed by a view of it is the view.
    if (value instanceof ArrayBuffer && this._peekTag() === T.arrayBufferView) {
      this._tag();
      return this._view(value);
    }
    return value;
  }

  _view(buffer) {
    const tag = this._byte();
    const byteOffset = this._varint();
    const byteLength = this._varint();
    if (this._version >= 14) this._varint();
    const name = viewByTag.get(tag);
    if (name === undefined || byteOffset + byteLength > buffer.byteLength) throw dataError();
    const Ctor = globalThis[name];
    const size = Ctor.BYTES_PER_ELEMENT || 1;
    if (byteOffset % size !== 0 || byteLength % size !== 0) throw dataError();
    const view = name === 'DataView' ? new DataView(buffer, byteOffset, byteLength) : new Ctor(buffer, byteOffset, byteLength / size);
    return this._remember(view);
  }

  _readInner() {
    const tag = this._tag();
    switch (tag) {
      case T.verifyObjectCount: this._varint(); return this._read();
      case T.undefined: return undefined;
      case T.null: return null;
      case T.true: return true;
      case T.false: return false;
      case T.int32: {
        const z = this._varint();
        return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
      }
      case T.uint32: return this._varint();
      case T.double: return this._double();
      case T.bigint: return this._bigintBody();
      case T.oneByteString:
      case T.twoByteString:
      case T.utf8String:
        return this._stringOf(tag);
      case T.objectReference: {
        const id = this._varint();
        if (id >= this._objects.length) throw dataError();
        return this._objects[id];
      }
      case T.beginObject: {
        const o = this._remember({});
        const count = this._properties(o, T.endObject);
        if (this._varint() !== count) throw dataError();
        return o;
      }
      case T.beginSparseArray: {
        const length = this._varint();
        if (length > 4294967295) throw dataError();
        const a = this._remember(new Array(length));
        const count = this._properties(a, T.endSparseArray);
        if (this._varint() !== count) throw dataError();
        if (this._varint() !== length) throw dataError();
        return a;
      }
      case T.beginDenseArray: {
        const length = this._varint();
        if (length > this._bytes.length - this._pos) throw dataError();
        const a = this._remember(new Array(length));
        for (let i = 0; i < length; i++) {
          if (this._peekTag() === T.theHole) {
            this._tag();
            continue;
          }
          a[i] = this._read();
        }
        const count = this._properties(a, T.endDenseArray);
        if (this._varint() !== count) throw dataError();
        if (this._varint() !== length) throw dataError();
        return a;
      }
      case T.date: return this._remember(new Date(this._double()));
      case T.trueObject: return this._remember(Object(true));
      case T.falseObject: return this._remember(Object(false));
      case T.numberObject: return this._remember(Object(this._double()));
      case T.bigintObject: return this._remember(Object(this._bigintBody()));
      case T.stringObject: return this._remember(Object(this._stringOf(this._tag())));
      case T.regExp: {
        const source = this._stringOf(this._tag());
        const bits = this._varint();
        let flags = '';
        for (const [flag, bit] of [['d', 128], ['g', 1], ['i', 2], ['m', 4], ['s', 32], ['u', 16], ['v', 256], ['y', 8]]) {
          if (bits & bit) flags += flag;
        }
        let re;
        try {
          re = new RegExp(source, flags);
        } catch {
          throw dataError();
        }
        return this._remember(re);
      }
      case T.beginMap: {
        const m = this._remember(new Map());
        let n = 0;
        while (this._peekTag() !== T.endMap) {
          const k = this._read();
          m.set(k, this._read());
          n += 2;
        }
        this._tag();
        if (this._varint() !== n) throw dataError();
        return m;
      }
      case T.beginSet: {
        const s = this._remember(new Set());
        let n = 0;
        while (this._peekTag() !== T.endSet) {
          s.add(this._read());
          n++;
        }
        this._tag();
        if (this._varint() !== n) throw dataError();
        return s;
      }
      case T.arrayBuffer: {
        const length = this._varint();
        if (this._pos + length > this._bytes.length) throw dataError();
        const ab = new ArrayBuffer(length);
        new Uint8Array(ab).set(this._bytes.subarray(this._pos, this._pos + length));
        this._pos += length;
        return this._remember(ab);
      }
      case T.resizableArrayBuffer: {
        const length = this._varint();
        const max = this._varint();
        if (length > max || this._pos + length > this._bytes.length) throw dataError();
        const ab = new ArrayBuffer(length, { maxByteLength: max });
        new Uint8Array(ab).set(this._bytes.subarray(this._pos, this._pos + length));
        this._pos += length;
        return this._remember(ab);
      }
      case T.arrayBufferTransfer: {
        const id = this._varint();
        const ab = this._transfers.get(id);
        if (ab === undefined) throw dataError();
        return this._remember(ab);
      }
      case T.hostObject: {
        if (typeof this._readHostObject !== 'function') throw dataError();
        const index = this._objects.length;
        this._objects.push(undefined);
        const value = this._readHostObject();
        if (value === null || (typeof value !== 'object' && typeof value !== 'function')) throw dataError();
        this._objects[index] = value;
        return value;
      }
      case T.error: return this._error();
      default:
        throw dataError();
    }
  }

  // Reads key, value pairs into `object` up to the `end` tag; returns how many.
  _properties(object, end) {
    let count = 0;
    while (this._peekTag() !== end) {
      if (this._peekTag() === undefined) throw dataError();
      const key = this._read();
      if (typeof key !== 'string' && typeof key !== 'number') throw dataError();
      const value = this._read();
      try {
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      } catch {
        // A key the object cannot take (an array's `length`): the data is not what
        // serialize writes.
        throw dataError();
      }
      count++;
    }
    this._tag();
    return count;
  }

  _error() {
    let Ctor = Error;
    let message, stack, cause, hasCause = false;
    const index = this._objects.length;
    this._objects.push(undefined);
    for (;;) {
      const tag = this._byte();
      if (errorByTag.has(tag)) Ctor = globalThis[errorByTag.get(tag)];
      else if (tag === kErrorMessage) message = this._stringOf(this._tag());
      else if (tag === kErrorStack) stack = this._stringOf(this._tag());
      else if (tag === kErrorCause) { cause = this._read(); hasCause = true; }
      else if (tag === kErrorEnd) break;
      else throw dataError();
    }
    const error = Object.create(Ctor.prototype);
    if (message !== undefined) Object.defineProperty(error, 'message', { value: message, writable: true, configurable: true });
    Object.defineProperty(error, 'stack', { value: stack, writable: true, configurable: true });
    if (hasCause) Object.defineProperty(error, 'cause', { value: cause, writable: true, configurable: true });
    this._objects[index] = error;
    return error;
  }
}

// Node's own types of array buffer view, by their index on the wire; a Buffer is 10.
function viewTypes() {
  const { Buffer } = require('buffer');
  const types = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array];
  if (typeof Float16Array === 'function') types.push(Float16Array);
  return types;
}

class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view) {
    const types = viewTypes();
    let i = types.indexOf(view.constructor);
    if (i === -1) {
      // A subclass is written as the type it extends.
      i = types.findIndex((Type, index) => index !== 10 && view instanceof Type);
      if (view instanceof types[10]) i = 10;
    }
    if (i === -1) throw this._getDataCloneError(`Unserializable host object: ${Object.prototype.toString.call(view)}`);
    this.writeUint32(i);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(viewBytes(view));
  }
}

class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const types = viewTypes();
    const index = this.readUint32();
    const byteLength = this.readUint32();
    const Type = types[index];
    if (Type === undefined) throw dataError();
    const offset = this._readRawBytes(byteLength);
    const size = Type.BYTES_PER_ELEMENT || 1;
    if (byteLength % size !== 0) throw dataError();
    const start = this.buffer.byteOffset + offset;
    if (Type === types[10]) return Type.from(this.buffer.buffer, start, byteLength);
    if (start % size === 0) {
      return Type === DataView ? new DataView(this.buffer.buffer, start, byteLength) : new Type(this.buffer.buffer, start, byteLength / size);
    }
    // Not aligned for the type: a copy.
    const copy = new Uint8Array(byteLength);
    copy.set(new Uint8Array(this.buffer.buffer, start, byteLength));
    return Type === DataView ? new DataView(copy.buffer) : new Type(copy.buffer, 0, byteLength / size);
  }
}

function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

function deserialize(buffer) {
  const des = new DefaultDeserializer(buffer);
  des.readHeader();
  return des.readValue();
}

// Memory, in V8's terms, from QuickJS's figures: QuickJS has a single heap, and what it has
// allocated is its size.
function getHeapStatistics() {
  const u = binding.memoryUsage();
  return {
    total_heap_size: u.mallocSize,
    total_heap_size_executable: u.jsFuncCodeSize,
    total_physical_size: u.mallocSize,
    total_available_size: Math.max(0, u.limit - u.mallocSize),
    used_heap_size: u.memoryUsedSize,
    heap_size_limit: u.limit,
    malloced_memory: u.mallocSize,
    peak_malloced_memory: u.peak,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: u.binaryObjectSize,
  };
}

// V8's spaces, each with what QuickJS holds of that kind: code (function bytecode and line
// tables) in code_space, array buffers' contents in large_object_space, the rest (objects,
// properties, shapes, strings, atoms) in old_space.
const spaceNames = ['read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space', 'trusted_space',
  'shared_trusted_space', 'new_large_object_space', 'large_object_space', 'code_large_object_space',
  'shared_large_object_space', 'shared_trusted_large_object_space', 'trusted_large_object_space'];

function getHeapSpaceStatistics() {
  const u = binding.memoryUsage();
  const code = u.jsFuncCodeSize + u.jsFuncPc2lineSize;
  const large = u.binaryObjectSize;
  const old = Math.max(0, u.memoryUsedSize - code - large);
  const sizes = { old_space: old, code_space: code, large_object_space: large };
  return spaceNames.map((space_name) => {
    const size = sizes[space_name] ?? 0;
    return {
      space_name,
      space_size: size,
      space_used_size: size,
      space_available_size: 0,
      physical_space_size: size,
    };
  });
}

// A number that changes when the engine's code cache format does: from the engine's version.
function cachedDataVersionTag() {
  const text = `quickjs-ng ${process.versions.quickjs}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// V8's flags have no meaning for QuickJS: the string is checked and otherwise ignored, as
// Node's documentation allows for flags that have no effect.
function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

function notBuildingSnapshot() {
  const err = new Error('Operation cannot be invoked when not building startup snapshot');
  Object.defineProperty(err, 'code', { value: 'ERR_NOT_BUILDING_SNAPSHOT', enumerable: true, writable: true, configurable: true });
  throw fixStack(err);
}

function isStringOneByteRepresentation(content) {
  validateString(content, 'content');
  return isOneByte(content);
}

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot: thrower('v8.getHeapSnapshot'),
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics: thrower('v8.getHeapCodeStatistics'),
  getCppHeapStatistics: thrower('v8.getCppHeapStatistics'),
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage: thrower('v8.takeCoverage'),
  stopCoverage: thrower('v8.stopCoverage'),
  serialize,
  writeHeapSnapshot: thrower('v8.writeHeapSnapshot'),
  promiseHooks: {
    createHook: thrower('v8.promiseHooks.createHook'),
    onInit: thrower('v8.promiseHooks.onInit'),
    onBefore: thrower('v8.promiseHooks.onBefore'),
    onAfter: thrower('v8.promiseHooks.onAfter'),
    onSettled: thrower('v8.promiseHooks.onSettled'),
  },
  queryObjects: thrower('v8.queryObjects'),
  // moat never builds a startup snapshot of a program, so these answer as Node does when it
  // is not building one.
  startupSnapshot: {
    addDeserializeCallback: notBuildingSnapshot,
    addSerializeCallback: notBuildingSnapshot,
    setDeserializeMainFunction: notBuildingSnapshot,
    isBuildingSnapshot() { return false; },
  },
  setHeapSnapshotNearHeapLimit: thrower('v8.setHeapSnapshotNearHeapLimit'),
  GCProfiler: thrower('v8.GCProfiler'),
  isStringOneByteRepresentation,
  startCpuProfile: thrower('v8.startCpuProfile'),
};
