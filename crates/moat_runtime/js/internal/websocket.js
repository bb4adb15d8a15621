'use strict';
// The global WebSocket client (the WHATWG WebSockets standard, RFC 6455): the opening handshake
// through node:http or node:https ('upgrade'), then frames over the socket it hands over.
// Extensions (permessage-deflate) are not offered.

const { EventTarget, Event, MessageEvent, CloseEvent } = require('internal/event_target');
const { DOMException } = require('internal/dom_exception');

const lazyBuffer = () => require('buffer').Buffer;
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

const kState = Symbol('kState');

// A token as RFC 7230 defines it: what a subprotocol name may be.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function parseURL(url) {
  const { URL } = require('internal/url');
  let u;
  try {
    u = new URL(`${url}`);
  } catch {
    throw new DOMException(`Invalid URL: ${url}`, 'SyntaxError');
  }
  if (u.protocol === 'http:') u.protocol = 'ws:';
  else if (u.protocol === 'https:') u.protocol = 'wss:';
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') {
    throw new DOMException(`Expected a ws: or wss: protocol, got ${u.protocol}`, 'SyntaxError');
  }
  if (u.hash !== '' || u.href.endsWith('#')) {
    throw new DOMException('Got fragment', 'SyntaxError');
  }
  return u;
}

class WebSocket extends EventTarget {
  static CONNECTING = CONNECTING;
  static OPEN = OPEN;
  static CLOSING = CLOSING;
  static CLOSED = CLOSED;

  constructor(url, protocols = []) {
    super();
    if (arguments.length === 0) {
      throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
    }
    if (protocols !== null && typeof protocols === 'object' && !Array.isArray(protocols) &&
        protocols.protocols !== undefined) {
      protocols = protocols.protocols;
    }
    const list = typeof protocols === 'string' ? [protocols] : [...protocols].map(String);
    if (new Set(list.map((p) => p.toLowerCase())).size !== list.length) {
      throw new DOMException('Invalid Sec-WebSocket-Protocol value', 'SyntaxError');
    }
    if (list.some((p) => !TOKEN.test(p))) {
      throw new DOMException('Invalid Sec-WebSocket-Protocol value', 'SyntaxError');
    }
    const u = parseURL(url);
    this[kState] = {
      url: u.href,
      readyState: CONNECTING,
      binaryType: 'blob',
      protocol: '',
      bufferedAmount: 0,
      socket: null,
      buffer: null,
      fragments: null,
      fragmentOpcode: 0,
      closeSent: false,
      closeReceived: null, // [code, reason] of the peer's close frame
      failed: false,
      handlers: { open: null, message: null, error: null, close: null },
    };
    connect(this, u, list);
  }

  get url() { return this[kState].url; }
  get readyState() { return this[kState].readyState; }
  get bufferedAmount() { return this[kState].bufferedAmount; }
  get extensions() { return ''; }
  get protocol() { return this[kState].protocol; }
  get binaryType() { return this[kState].binaryType; }
  set binaryType(v) {
    if (v === 'blob' || v === 'arraybuffer') this[kState].binaryType = v;
  }

  send(data) {
    const st = this[kState];
    if (arguments.length === 0) {
      throw new TypeError("Failed to execute 'send' on 'WebSocket': 1 argument required, but only 0 present.");
    }
    if (st.readyState === CONNECTING) throw new DOMException('Sent before connected.', 'InvalidStateError');
    const Buffer = lazyBuffer();
    let opcode = 2;
    let payload;
    if (typeof data === 'string') {
      opcode = 1;
      payload = Buffer.from(data, 'utf8');
    } else if (data instanceof ArrayBuffer) {
      payload = Buffer.from(new Uint8Array(data.slice(0)));
    } else if (ArrayBuffer.isView(data)) {
      payload = Buffer.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } else if (data instanceof require('internal/blob').Blob) {
      // A Blob's bytes are read first; frames keep the order of send() calls.
      const pending = data.arrayBuffer();
      st.bufferedAmount += data.size;
      const previous = st.sendChain ?? Promise.resolve();
      st.sendChain = previous.then(() => pending).then((ab) => {
        st.bufferedAmount -= data.size;
        if (st.readyState === OPEN) sendFrame(this, 2, Buffer.from(ab));
      });
      return;
    } else {
      opcode = 1;
      payload = Buffer.from(`${data}`, 'utf8');
    }
    if (st.readyState !== OPEN) {
      // After close() the data is counted but not sent, as the standard says.
      st.bufferedAmount += payload.length;
      return;
    }
    if (st.sendChain) {
      st.sendChain = st.sendChain.then(() => { if (st.readyState === OPEN) sendFrame(this, opcode, payload); });
      return;
    }
    sendFrame(this, opcode, payload);
  }

  close(code = undefined, reason = undefined) {
    const st = this[kState];
    if (code !== undefined) {
      code = Number(code);
      if (!Number.isInteger(code) || (code !== 1000 && (code < 3000 || code > 4999))) {
        throw new DOMException(`The code must be either 1000, or between 3000 and 4999. ${code} is neither.`,
          'InvalidAccessError');
      }
    }
    const reasonBytes = reason === undefined ? lazyBuffer().alloc(0) : lazyBuffer().from(`${reason}`, 'utf8');
    if (reasonBytes.length > 123) {
      throw new DOMException(`Reason must be less than 123 bytes; received ${reasonBytes.length}`, 'SyntaxError');
    }
    if (st.readyState === CLOSING || st.readyState === CLOSED) return;
    if (st.readyState === CONNECTING) {
      failConnection(this, 'WebSocket was closed before the connection was established');
      return;
    }
    st.readyState = CLOSING;
    sendClose(this, code, reasonBytes);
  }
}

for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING], ['CLOSED', CLOSED]]) {
  Object.defineProperty(WebSocket.prototype, name, { value, enumerable: true });
}
for (const type of ['open', 'message', 'error', 'close']) {
  Object.defineProperty(WebSocket.prototype, `on${type}`, {
    configurable: true,
    enumerable: true,
    get() { return this[kState].handlers[type]; },
    set(fn) {
      const h = this[kState].handlers;
      if (h[type]) this.removeEventListener(type, h[type]);
      h[type] = typeof fn === 'function' ? fn : null;
      if (h[type]) this.addEventListener(type, h[type]);
    },
  });
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, { value: 'WebSocket', configurable: true });

// ---- the opening handshake --------------------------------------------------------------------

function connect(ws, u, protocols) {
  const st = ws[kState];
  const { randomBytes, createHash } = require('crypto');
  const key = randomBytes(16).toString('base64');
  const secure = u.protocol === 'wss:';
  const headers = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Key': key,
    'Sec-WebSocket-Version': '13',
  };
  if (protocols.length > 0) headers['Sec-WebSocket-Protocol'] = protocols.join(', ');
  const mod = secure ? require('https') : require('http');
  let req;
  try {
    req = mod.request({
      host: u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname,
      port: u.port || (secure ? 443 : 80),
      path: `${u.pathname}${u.search}`,
      headers,
      agent: false,
    });
  } catch (err) {
    process.nextTick(failConnection, ws, err.message);
    return;
  }
  req.on('error', (err) => failConnection(ws, err.message));
  req.on('response', (res) => {
    res.resume();
    failConnection(ws, `Received network error or non-101 status code (${res.statusCode}).`);
  });
  req.on('upgrade', (res, socket, head) => {
    const expected = createHash('sha1').update(key + GUID).digest('base64');
    const chosen = res.headers['sec-websocket-protocol'];
    let problem = null;
    if (`${res.headers.upgrade}`.toLowerCase() !== 'websocket') problem = 'Server did not set Upgrade to websocket.';
    else if (!`${res.headers.connection}`.toLowerCase().split(/, */).includes('upgrade')) {
      problem = 'Server did not set Connection to upgrade.';
    } else if (res.headers['sec-websocket-accept'] !== expected) problem = 'Incorrect hash received in Sec-WebSocket-Accept header.';
    else if (res.headers['sec-websocket-extensions']) problem = 'Server sent an extension that was not offered.';
    else if (chosen !== undefined && !protocols.includes(chosen)) problem = 'Protocol was not set in the opening handshake.';
    if (problem !== null) {
      socket.destroy();
      failConnection(ws, problem);
      return;
    }
    if (st.failed) {
      socket.destroy();
      return;
    }
    st.socket = socket;
    st.protocol = chosen ?? '';
    st.readyState = OPEN;
    socket.setNoDelay?.(true);
    socket.on('data', (chunk) => receive(ws, chunk));
    socket.on('error', () => {});
    socket.on('close', () => onSocketClose(ws));
    ws.dispatchEvent(new Event('open'));
    if (head && head.length > 0) receive(ws, head);
  });
  req.end();
}

function failConnection(ws, message) {
  const st = ws[kState];
  if (st.failed || st.readyState === CLOSED) return;
  st.failed = true;
  st.readyState = CLOSED;
  if (st.socket !== null) st.socket.destroy();
  const err = new Event('error');
  Object.defineProperty(err, 'message', { value: message, enumerable: true });
  ws.dispatchEvent(err);
  ws.dispatchEvent(new CloseEvent('close', { wasClean: false, code: 1006, reason: '' }));
}

// ---- frames -----------------------------------------------------------------------------------

function sendFrame(ws, opcode, payload) {
  const st = ws[kState];
  const Buffer = lazyBuffer();
  const len = payload.length;
  const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + 4 + len);
  frame[0] = 0x80 | opcode;
  if (len < 126) {
    frame[1] = 0x80 | len;
  } else if (len < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(len), 2);
  }
  // Every frame a client sends is masked with a fresh key.
  const mask = require('crypto').randomBytes(4);
  mask.copy(frame, head);
  for (let i = 0; i < len; i++) frame[head + 4 + i] = payload[i] ^ mask[i & 3];
  st.bufferedAmount += len;
  st.socket.write(frame, () => { st.bufferedAmount -= len; });
}

function sendClose(ws, code, reasonBytes) {
  const st = ws[kState];
  if (st.closeSent || st.socket === null) return;
  st.closeSent = true;
  const Buffer = lazyBuffer();
  let payload = Buffer.alloc(0);
  if (code !== undefined) {
    payload = Buffer.alloc(2 + reasonBytes.length);
    payload.writeUInt16BE(code, 0);
    reasonBytes.copy(payload, 2);
  }
  sendFrame(ws, 8, payload);
}

// A protocol error from the server: close with `code` and drop the connection.
function protocolError(ws, code) {
  const st = ws[kState];
  sendClose(ws, code, lazyBuffer().alloc(0));
  st.readyState = CLOSING;
  st.socket.end();
}

function receive(ws, chunk) {
  const st = ws[kState];
  const Buffer = lazyBuffer();
  st.buffer = st.buffer === null ? chunk : Buffer.concat([st.buffer, chunk]);
  while (st.buffer !== null && st.buffer.length >= 2 && st.closeReceived === null) {
    const b = st.buffer;
    const fin = (b[0] & 0x80) !== 0;
    const opcode = b[0] & 0x0f;
    if ((b[0] & 0x70) !== 0 || (b[1] & 0x80) !== 0) {
      // Reserved bits without an extension, or a masked frame from a server.
      protocolError(ws, 1002);
      return;
    }
    let len = b[1] & 0x7f;
    let at = 2;
    if (len === 126) {
      if (b.length < 4) return;
      len = b.readUInt16BE(2);
      at = 4;
    } else if (len === 127) {
      if (b.length < 10) return;
      const big = b.readBigUInt64BE(2);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) {
        protocolError(ws, 1009);
        return;
      }
      len = Number(big);
      at = 10;
    }
    if (b.length < at + len) return;
    const payload = b.subarray(at, at + len);
    st.buffer = b.length === at + len ? null : b.subarray(at + len);
    if (opcode >= 8) {
      if (!fin || len > 125) {
        protocolError(ws, 1002);
        return;
      }
      onControl(ws, opcode, Buffer.from(payload));
      continue;
    }
    if (opcode === 0) {
      if (st.fragments === null) {
        protocolError(ws, 1002);
        return;
      }
      st.fragments.push(Buffer.from(payload));
    } else if (opcode === 1 || opcode === 2) {
      if (st.fragments !== null) {
        protocolError(ws, 1002);
        return;
      }
      st.fragments = [Buffer.from(payload)];
      st.fragmentOpcode = opcode;
    } else {
      protocolError(ws, 1002);
      return;
    }
    if (fin) {
      const data = Buffer.concat(st.fragments);
      const kind = st.fragmentOpcode;
      st.fragments = null;
      if (!deliver(ws, kind, data)) return;
    }
  }
}

function deliver(ws, opcode, data) {
  const st = ws[kState];
  if (st.readyState !== OPEN) return true;
  let value;
  if (opcode === 1) {
    try {
      value = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      protocolError(ws, 1007);
      return false;
    }
  } else if (st.binaryType === 'arraybuffer') {
    value = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
  } else {
    value = new (require('internal/blob').Blob)([data]);
  }
  ws.dispatchEvent(new MessageEvent('message', { data: value, origin: new URL(st.url).origin }));
  return true;
}

function onControl(ws, opcode, payload) {
  const st = ws[kState];
  if (opcode === 9) {
    if (st.readyState === OPEN) sendFrame(ws, 10, payload);
    return;
  }
  if (opcode === 10) return;
  // A close frame: its code and UTF-8 reason; answered with our own close, then the
  // connection ends.
  let code = 1005;
  let reason = '';
  if (payload.length === 1) {
    protocolError(ws, 1002);
    return;
  }
  if (payload.length >= 2) {
    code = payload.readUInt16BE(0);
    try {
      reason = new TextDecoder('utf-8', { fatal: true }).decode(payload.subarray(2));
    } catch {
      protocolError(ws, 1007);
      return;
    }
  }
  st.closeReceived = [code, reason];
  if (!st.closeSent) {
    const answer = code === 1005 ? undefined : code;
    sendClose(ws, answer, lazyBuffer().alloc(0));
  }
  st.readyState = CLOSING;
  st.socket.end();
}

function onSocketClose(ws) {
  const st = ws[kState];
  if (st.readyState === CLOSED) return;
  st.readyState = CLOSED;
  const clean = st.closeReceived !== null && st.closeSent;
  const [code, reason] = st.closeReceived ?? [1006, ''];
  if (!clean && st.closeReceived === null) {
    ws.dispatchEvent(new Event('error'));
  }
  ws.dispatchEvent(new CloseEvent('close', { wasClean: clean, code, reason }));
}

module.exports = { WebSocket };
