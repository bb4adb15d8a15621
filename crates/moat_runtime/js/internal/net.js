'use strict';
// What node:net, node:dgram and node:dns share: IP address forms and port checks.

const { codes } = require('internal/errors');

const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

function isIPv4(s) { return IPv4Reg.test(`${s}`); }
function isIPv6(s) { return IPv6Reg.test(`${s}`); }
function isIP(s) { return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0; }

// A port as Node takes it: a number or numeric string in range; `name` is what errors call it.
function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw new codes.ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

// ---- BlockList and SocketAddress ----------------------------------------------------------

// An address as a BigInt (IPv4 in 32 bits, IPv6 in 128), or null when it is not one.
function ipToBigInt(address, family) {
  if (family === 'ipv4') {
    if (!isIPv4(address)) return null;
    return address.split('.').reduce((n, part) => (n << 8n) | BigInt(part), 0n);
  }
  if (!isIPv6(address)) return null;
  let text = address.replace(/%.*$/, '');
  let tail = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipToBigInt(v4[1], 'ipv4');
    tail = [Number(n >> 16n).toString(16), Number(n & 0xffffn).toString(16)];
    text = text.slice(0, -v4[1].length) + tail.join(':');
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const a = head === '' ? [] : head.split(':');
  const b = rest === undefined ? [] : rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? a : [...a, ...new Array(8 - a.length - b.length).fill('0'), ...b];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}

function validateFamily(family, name = 'options.family') {
  if (typeof family !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', family);
  const f = family.toLowerCase();
  if (f !== 'ipv4' && f !== 'ipv6') throw new codes.ERR_INVALID_ARG_VALUE(name, family);
  return f;
}

const kRules = Symbol('rules');

class BlockList {
  constructor() { this[kRules] = []; }

  static isBlockList(value) { return value instanceof BlockList; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `BlockList ${inspect({ rules: this.rules }, { ...options, depth: options.depth === null ? null : options.depth - 1 })}`;
  }

  #address(address, family) {
    if (address instanceof SocketAddress) return [address.address, address.family];
    if (typeof address !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('address', ['string', 'SocketAddress'], address);
    return [address, validateFamily(family)];
  }

  addAddress(address, family = 'ipv4') {
    [address, family] = this.#address(address, family);
    const n = ipToBigInt(address, family);
    if (n === null) throw new codes.ERR_INVALID_ARG_VALUE('address', address);
    this[kRules].unshift({ kind: 'Address', family, from: n, to: n, text: address });
  }

  addRange(start, end, family = 'ipv4') {
    let f;
    [start, f] = this.#address(start, family);
    [end] = this.#address(end, family);
    const a = ipToBigInt(start, f);
    const b = ipToBigInt(end, f);
    if (a === null) throw new codes.ERR_INVALID_ARG_VALUE('start', start);
    if (b === null) throw new codes.ERR_INVALID_ARG_VALUE('end', end);
    if (b < a) throw new codes.ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    this[kRules].unshift({ kind: 'Range', family: f, from: a, to: b, text: `${start}-${end}` });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    [network, family] = this.#address(network, family);
    const bits = family === 'ipv4' ? 32 : 128;
    if (typeof prefix !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('prefix', 'number', prefix);
    if (!Number.isInteger(prefix)) throw new codes.ERR_OUT_OF_RANGE('prefix', 'an integer', prefix);
    if (prefix < 0 || prefix > bits) throw new codes.ERR_OUT_OF_RANGE('prefix', `>= 0 && <= ${bits}`, prefix);
    const n = ipToBigInt(network, family);
    if (n === null) throw new codes.ERR_INVALID_ARG_VALUE('network', network);
    const hostBits = BigInt(bits - prefix);
    const from = (n >> hostBits) << hostBits;
    const to = from + (1n << hostBits) - 1n;
    this[kRules].unshift({ kind: 'Subnet', family, from, to, text: `${network}/${prefix}` });
  }

  check(address, family = 'ipv4') {
    if (address instanceof SocketAddress) [address, family] = [address.address, address.family];
    else {
      if (typeof address !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('address', ['string', 'SocketAddress'], address);
      family = validateFamily(family);
    }
    const n = ipToBigInt(address, family);
    if (n === null) return false;
    // An IPv4-mapped IPv6 address also meets the IPv4 rules, and an IPv4 address the mapped rules.
    let v4 = null;
    let v6 = null;
    if (family === 'ipv4') { v4 = n; v6 = n | 0xffff00000000n; }
    else { v6 = n; if ((n >> 32n) === 0xffffn) v4 = n & 0xffffffffn; }
    for (const r of this[kRules]) {
      const x = r.family === 'ipv4' ? v4 : (family === 'ipv6' ? v6 : null);
      if (x !== null && x >= r.from && x <= r.to) return true;
    }
    return false;
  }

  get rules() {
    return this[kRules].map((r) => `${r.kind}: ${r.family === 'ipv4' ? 'IPv4' : 'IPv6'} ${r.text}`);
  }

  toJSON() { return this.rules; }

  fromJSON(data) {
    const list = typeof data === 'string' ? JSON.parse(data) : data;
    if (!Array.isArray(list)) throw new codes.ERR_INVALID_ARG_TYPE('data', 'Array', data);
    for (const rule of [...list].reverse()) {
      const m = /^(Address|Range|Subnet): (IPv4|IPv6) (.*)$/.exec(rule);
      if (!m) continue;
      const fam = m[2].toLowerCase();
      if (m[1] === 'Address') this.addAddress(m[3], fam);
      else if (m[1] === 'Range') {
        const i = m[3].indexOf('-');
        this.addRange(m[3].slice(0, i), m[3].slice(i + 1), fam);
      } else {
        const i = m[3].lastIndexOf('/');
        this.addSubnet(m[3].slice(0, i), Number(m[3].slice(i + 1)), fam);
      }
    }
  }
}

const kAddress = Symbol('address');

class SocketAddress {
  constructor(options = {}) {
    if (options === null || typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    let { family = 'ipv4', address, port = 0, flowlabel = 0 } = options;
    family = validateFamily(family);
    if (address === undefined) address = family === 'ipv4' ? '127.0.0.1' : '::';
    if (typeof address !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('options.address', 'string', address);
    port = validatePort(port, 'options.port');
    if (typeof flowlabel !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('options.flowlabel', 'number', flowlabel);
    if (!Number.isInteger(flowlabel) || flowlabel < 0 || flowlabel > 0xfffff) {
      throw new codes.ERR_OUT_OF_RANGE('options.flowlabel', '>= 0 && <= 1048575', flowlabel);
    }
    if ((family === 'ipv4' ? !isIPv4(address) : !isIPv6(address))) {
      throw new codes.ERR_INVALID_ADDRESS();
    }
    this[kAddress] = { address, port, family, flowlabel };
  }

  static isSocketAddress(value) { return value instanceof SocketAddress; }

  static parse(input) {
    if (typeof input !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('input', 'string', input);
    let m = /^\[([^\]]+)\](?::(\d+))?$/.exec(input);
    let address;
    let port;
    if (m) [, address, port] = m;
    else if ((m = /^([^:]+)(?::(\d+))?$/.exec(input))) [, address, port] = m;
    else return undefined;
    try {
      return new SocketAddress({ address, port: port === undefined ? 0 : Number(port), family: isIPv6(address) ? 'ipv6' : 'ipv4' });
    } catch {
      return undefined;
    }
  }

  get address() { return this[kAddress].address; }
  get port() { return this[kAddress].port; }
  get family() { return this[kAddress].family; }
  get flowlabel() { return this[kAddress].flowlabel; }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    return `SocketAddress ${inspect(this.toJSON(), { ...options, depth: options.depth === null ? null : options.depth - 1 })}`;
  }

  toJSON() {
    const { address, port, family, flowlabel } = this[kAddress];
    return { address, port, family, flowlabel };
  }
}

module.exports = { isIP, isIPv4, isIPv6, validatePort, BlockList, SocketAddress };
