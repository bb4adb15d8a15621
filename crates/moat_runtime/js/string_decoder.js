'use strict';
// node:string_decoder — turns a byte stream into text without splitting a character. UTF-8
// and UTF-16 hold back an incomplete character, base64 an incomplete group of three bytes,
// until the next write or the end. The held bytes are `lastChar` (4 bytes), of which
// `lastTotal - lastNeed` are filled.

const { codes } = require('internal/errors');

const lazyBuffer = () => require('buffer').Buffer;
const kState = Symbol('kStringDecoderState');

const { normalizeEncoding: normalize } = require('internal/util/encoding_name');

function bytesOf(buf) {
  if (buf instanceof Uint8Array) return buf;
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  throw new codes.ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
}

function stateOf(self) {
  const st = self == null ? undefined : self[kState];
  if (st === undefined) throw new codes.ERR_INVALID_THIS('StringDecoder');
  return st;
}

function toStr(bytes, encoding, start, end) {
  const Buffer = lazyBuffer();
  return Buffer.prototype.toString.call(bytes, encoding, start, end);
}

// How many bytes a UTF-8 lead byte announces (1 for bytes that cannot lead). As in Node,
// bytes are held by this count and continuation bytes alone; the held bytes then decode
// as the full decoder would decode them.
function utf8Length(b) {
  return b >= 0xf8 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
}

// A function, not a class: Node's may be called without `new` on any object.
function StringDecoder(encoding) {
  const name = normalize(encoding);
  if (name === undefined) throw new codes.ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = name;
  this[kState] = { lastChar: lazyBuffer().alloc(4), lastNeed: 0, lastTotal: 0 };
}

// Completes a held character from the start of `bytes`; returns [text, bytes used].
function completeHeld(st, encoding, bytes) {
  const have = st.lastTotal - st.lastNeed;
  if (encoding === 'utf8') {
    let i = 0;
    while (st.lastNeed > 0 && i < bytes.length) {
      if ((bytes[i] & 0xc0) !== 0x80) {
        // The sequence is broken: what was held decodes as the replacement it gives.
        const text = toStr(st.lastChar, 'utf8', 0, st.lastTotal - st.lastNeed);
        st.lastNeed = 0;
        st.lastTotal = 0;
        return [text, i];
      }
      st.lastChar[st.lastTotal - st.lastNeed] = bytes[i++];
      st.lastNeed--;
    }
    if (st.lastNeed > 0) return ['', i];
    const text = toStr(st.lastChar, 'utf8', 0, st.lastTotal);
    st.lastTotal = 0;
    return [text, i];
  }
  const n = Math.min(st.lastNeed, bytes.length);
  st.lastChar.set(bytes.subarray(0, n), have);
  st.lastNeed -= n;
  if (st.lastNeed > 0) return ['', n];
  const total = st.lastTotal;
  st.lastTotal = 0;
  if (encoding === 'utf16le' && total === 2) {
    const unit = st.lastChar[0] | (st.lastChar[1] << 8);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      // A lead surrogate: wait for its trail.
      st.lastTotal = 4;
      st.lastNeed = 2;
      const [text, used] = completeHeld(st, encoding, bytes.subarray(n));
      return [text, n + used];
    }
  }
  return [toStr(st.lastChar, encoding, 0, total), n];
}

// How many bytes at the end of `bytes` (from `from`) begin a character not complete yet,
// and how long that character is.
function incompleteTail(encoding, bytes, from) {
  const end = bytes.length;
  if (encoding === 'utf8') {
    for (let i = end - 1; i >= from && i >= end - 4; i--) {
      const b = bytes[i];
      if ((b & 0xc0) === 0x80) continue;
      const need = utf8Length(b);
      return need > end - i ? [end - i, need] : [0, 0];
    }
    return [0, 0];
  }
  if (encoding === 'utf16le') {
    // An odd byte waits for its pair; otherwise a lead surrogate at the end waits for its
    // trail (a lead before an odd byte is given as it is, as Node does).
    if ((end - from) % 2 === 1) return [1, 2];
    if (end - from >= 2) {
      const unit = bytes[end - 2] | (bytes[end - 1] << 8);
      if (unit >= 0xd800 && unit <= 0xdbff) return [2, 4];
    }
    return [0, 0];
  }
  if (encoding === 'base64' || encoding === 'base64url') {
    const rest = (end - from) % 3;
    return rest ? [rest, 3] : [0, 0];
  }
  return [0, 0];
}

StringDecoder.prototype.write = function write(buf) {
  const st = stateOf(this);
  if (typeof buf === 'string') return buf;
  const bytes = bytesOf(buf);
  const encoding = this.encoding;
  let out = '';
  let i = 0;
  if (st.lastNeed > 0) {
    const [text, used] = completeHeld(st, encoding, bytes);
    out = text;
    i = used;
    if (st.lastNeed > 0) return out;
  }
  const [held, total] = incompleteTail(encoding, bytes, i);
  const end = bytes.length - held;
  if (end > i) out += toStr(bytes, encoding, i, end);
  if (held > 0) {
    st.lastChar.set(bytes.subarray(end), 0);
    st.lastTotal = total;
    st.lastNeed = total - held;
  }
  return out;
};

StringDecoder.prototype.end = function end(buf) {
  const st = stateOf(this);
  let out = buf === undefined ? '' : this.write(buf);
  if (st.lastNeed > 0) {
    const have = st.lastTotal - st.lastNeed;
    out += toStr(st.lastChar, this.encoding, 0, this.encoding === 'utf16le' ? have & ~1 : have);
  }
  st.lastNeed = 0;
  st.lastTotal = 0;
  return out;
};

// The legacy form: decodes from `offset` on.
StringDecoder.prototype.text = function text(buf, offset) {
  const st = stateOf(this);
  st.lastNeed = 0;
  st.lastTotal = 0;
  return this.write(bytesOf(buf).subarray(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    get() { return stateOf(this).lastChar; }, enumerable: true, configurable: true,
  },
  lastNeed: {
    get() { return stateOf(this).lastNeed; }, enumerable: true, configurable: true,
  },
  lastTotal: {
    get() { return stateOf(this).lastTotal; }, enumerable: true, configurable: true,
  },
});

module.exports = { StringDecoder };
