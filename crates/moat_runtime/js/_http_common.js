'use strict';
// What node:http's server and client share: methods, token and header-value checks, and the
// incremental reading of message bodies (by length, chunked, or to the end of the connection)
// over heads parsed in Rust (`internalBinding('http_parser')`).

const { codes } = require('internal/errors');

// The methods the parser takes (in Rust), in order.
const METHODS = internalBinding('http_parser').methods;

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
function checkIsHttpToken(value) { return tokenRegExp.test(value); }

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
function checkInvalidHeaderChar(value) { return headerCharRegex.test(value); }

const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;

// `--max-http-header-size=N` (read as strtoull reads it: leading digits, a minus wrapping around
// 2**64, nothing usable as 0), else 16 KiB.
let maxHeaderSize;
function getMaxHeaderSize() {
  if (maxHeaderSize === undefined) {
    const given = require('internal/options').flagValues('--max-http-header-size');
    maxHeaderSize = 16 * 1024;
    if (given.length > 0) {
      const [, sign, digits] = /^\s*([+-]?)(\d*)/.exec(given[given.length - 1]);
      const n = Number(digits || 0);
      maxHeaderSize = sign === '-' && n > 0 ? 2 ** 64 - n : n;
    }
  }
  return maxHeaderSize;
}

// `--insecure-http-parser`: the default of servers and requests that do not choose; the first
// to take it warns.
let lenient;
let warnedLenient = false;
function isLenient() {
  lenient ??= require('internal/options').hasFlag('--insecure-http-parser');
  if (lenient && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return lenient;
}

// A body reader: feed() takes bytes after the head and calls onData(chunk) for body bytes and
// onEnd(rawTrailers) once; it answers how many bytes it used (the rest belongs to the next
// message), or -1 after an error (onError(err)).
class BodyReader {
  constructor(mode, length, handlers) {
    this.mode = mode; // 'length' | 'chunked' | 'eof'
    this.remaining = length;
    this.chunkLeft = -1; // in a chunk's data: what is left of it (then its CRLF); -1 between chunks
    this.trailerPhase = false;
    this.pending = null; // unconsumed bytes of a size line or trailer block
    this.h = handlers;
    this.done = false;
  }

  feed(buf) {
    if (this.mode === 'length') {
      const n = Math.min(this.remaining, buf.length);
      if (n > 0) {
        this.remaining -= n;
        this.h.onData(n === buf.length ? buf : buf.subarray(0, n));
      }
      if (this.remaining === 0) {
        this.done = true;
        this.h.onEnd([]);
      }
      return n;
    }
    if (this.mode === 'eof') {
      if (buf.length > 0) this.h.onData(buf);
      return buf.length;
    }
    return this.feedChunked(buf);
  }

  eof() {
    if (this.done) return;
    if (this.mode === 'eof') {
      this.done = true;
      this.h.onEnd([]);
    }
  }

  feedChunked(input) {
    const Buffer = require('buffer').Buffer;
    let buf = input;
    let used = 0;
    if (this.pending !== null) {
      buf = Buffer.concat([this.pending, input]);
      used = -this.pending.length;
      this.pending = null;
    }
    let pos = 0;
    const parser = internalBinding('http_parser');
    while (pos < buf.length && !this.done) {
      if (this.trailerPhase) {
        // Trailer lines up to an empty line.
        const rest = buf.subarray(pos);
        const end = rest.indexOf('\r\n\r\n');
        if (rest.length >= 2 && rest[0] === 13 && rest[1] === 10) {
          pos += 2;
          this.done = true;
          this.h.onEnd([]);
          break;
        }
        if (end < 0) {
          this.pending = Buffer.from(rest);
          pos = buf.length;
          break;
        }
        const raw = [];
        for (const line of rest.subarray(0, end).toString('latin1').split('\r\n')) {
          const i = line.indexOf(':');
          if (i <= 0) continue;
          raw.push(line.slice(0, i), line.slice(i + 1).trim());
        }
        pos += end + 4;
        this.done = true;
        this.h.onEnd(raw);
        break;
      }
      if (this.chunkLeft > 0) {
        const n = Math.min(this.chunkLeft, buf.length - pos);
        this.h.onData(buf.subarray(pos, pos + n));
        this.chunkLeft -= n;
        pos += n;
        continue;
      }
      if (this.chunkLeft === 0) {
        // The CRLF after a chunk's data.
        if (buf.length - pos < 2) {
          this.pending = Buffer.from(buf.subarray(pos));
          pos = buf.length;
          break;
        }
        if (buf[pos] !== 13 || buf[pos + 1] !== 10) {
          this.fail('HPE_STRICT', 'Expected CRLF after chunk');
          return -1;
        }
        pos += 2;
        this.chunkLeft = -1;
        continue;
      }
      let parsed;
      try {
        parsed = parser.parseChunkSize(buf.subarray(pos));
      } catch {
        this.fail('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
        return -1;
      }
      if (parsed === undefined) {
        if (buf.length - pos > 1024) {
          this.fail('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
          return -1;
        }
        this.pending = Buffer.from(buf.subarray(pos));
        pos = buf.length;
        break;
      }
      pos += parsed[0];
      if (parsed[1] === 0) this.trailerPhase = true;
      else this.chunkLeft = parsed[1];
    }
    return used + pos;
  }

  fail(code, reason) {
    this.done = true;
    const err = new Error(`Parse Error: ${reason}`);
    err.code = code;
    err.reason = reason;
    this.h.onError(err);
  }
}

function parserError(code, reason, bytesParsed, rawPacket) {
  const err = new Error(`Parse Error: ${reason}`);
  err.bytesParsed = bytesParsed;
  err.code = code;
  err.reason = reason;
  if (rawPacket !== undefined) err.rawPacket = rawPacket;
  return err;
}

// Whether a message keeps its connection open: HTTP/1.1 unless it says close, HTTP/1.0 only
// when it says keep-alive.
function shouldKeepAliveFor(major, minor, connection) {
  if (major > 1 || (major === 1 && minor >= 1)) {
    return connection === undefined || !/(?:^|,)\s*close\s*(?:,|$)/i.test(connection);
  }
  return connection !== undefined && /(?:^|,)\s*keep-alive\s*(?:,|$)/i.test(connection);
}

module.exports = {
  METHODS,
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  chunkExpression,
  continueExpression,
  CRLF: '\r\n',
  kIncomingMessage: Symbol('IncomingMessage'),
  HTTPParser: undefined,
  methods: METHODS,
  parsers: undefined,
  freeParser() {},
  isLenient,
  prepareError(err) { return err; },
  getMaxHeaderSize,
  BodyReader,
  parserError,
  shouldKeepAliveFor,
};
