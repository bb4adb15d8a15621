'use strict';
// util.MIMEType and util.MIMEParams: the WHATWG MIME Sniffing standard's parser and serializer.

const { codes } = require('internal/errors');

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const notTokenRe = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const quotedRe = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
const notQuotedRe = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const isWhitespace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function trimHttp(str, start = true, end = true) {
  let i = 0, j = str.length;
  if (start) while (i < j && isWhitespace(str[i])) i++;
  if (end) while (j > i && isWhitespace(str[j - 1])) j--;
  return str.slice(i, j);
}

function invalidIndex(str, re) {
  const m = re.exec(str);
  return m === null ? -1 : m.index;
}

// `part` is what failed (its first bad character's index is reported); `whole` is shown.
function syntaxError(production, part, re, whole = part) {
  return new codes.ERR_INVALID_MIME_SYNTAX(production, whole, part === '' ? -1 : invalidIndex(part, re));
}

// An HTTP quoted string starting at `pos` (a `"`), unescaped: [value, position after it].
function collectQuoted(str, pos) {
  let value = '';
  pos++;
  for (;;) {
    while (pos < str.length && str[pos] !== '"' && str[pos] !== '\\') value += str[pos++];
    if (pos >= str.length) break;
    const c = str[pos++];
    if (c === '\\') {
      if (pos >= str.length) { value += '\\'; break; }
      value += str[pos++];
    } else {
      break;
    }
  }
  return [value, pos];
}

function parseParameters(str, pos, params) {
  while (pos < str.length) {
    pos++; // past ';'
    while (pos < str.length && isWhitespace(str[pos])) pos++;
    let nameEnd = pos;
    while (nameEnd < str.length && str[nameEnd] !== ';' && str[nameEnd] !== '=') nameEnd++;
    const name = str.slice(pos, nameEnd).toLowerCase();
    pos = nameEnd;
    if (pos < str.length) {
      if (str[pos] === ';') continue;
      pos++; // past '='
    }
    if (pos >= str.length) break;
    let value;
    if (str[pos] === '"') {
      [value, pos] = collectQuoted(str, pos);
      while (pos < str.length && str[pos] !== ';') pos++;
    } else {
      let end = pos;
      while (end < str.length && str[end] !== ';') end++;
      value = trimHttp(str.slice(pos, end), false, true);
      pos = end;
      if (value === '') continue;
    }
    if (name !== '' && tokenRe.test(name) && quotedRe.test(value) && !params.has(name)) params.set(name, value);
  }
}

function serializeValue(value) {
  if (value !== '' && tokenRe.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

class MIMEParams {
  #data = new Map();

  delete(name) { this.#data.delete(name); }
  get(name) {
    const v = this.#data.get(`${name}`);
    return v === undefined ? null : v;
  }
  has(name) { return this.#data.has(`${name}`); }
  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    if (name === '' || !tokenRe.test(name)) throw syntaxError('parameter name', name, notTokenRe);
    if (!quotedRe.test(value)) throw syntaxError('parameter value', value, notQuotedRe);
    this.#data.set(name, value);
  }
  *entries() { yield* this.#data.entries(); }
  *keys() { yield* this.#data.keys(); }
  *values() { yield* this.#data.values(); }
  toString() {
    let out = '';
    for (const [name, value] of this.#data) out += `${out === '' ? '' : ';'}${name}=${serializeValue(value)}`;
    return out;
  }
  toJSON() { return this.toString(); }

  static parseInto(params, str, pos) { params.#data.clear(); parseParameters(str, pos, params.#data); }
}
Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  value: MIMEParams.prototype.entries, writable: true, configurable: true, enumerable: false,
});
const parseInto = MIMEParams.parseInto;
delete MIMEParams.parseInto;

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(string) {
    const str = trimHttp(`${string}`);
    const slash = str.indexOf('/');
    const type = slash === -1 ? str : str.slice(0, slash);
    if (type === '' || !tokenRe.test(type)) throw syntaxError('type', type, notTokenRe, str);
    if (slash === -1) throw new codes.ERR_INVALID_MIME_SYNTAX('type', str, -1);
    let end = str.indexOf(';', slash + 1);
    if (end === -1) end = str.length;
    const subtype = trimHttp(str.slice(slash + 1, end), false, true);
    if (subtype === '' || !tokenRe.test(subtype)) throw syntaxError('subtype', subtype, notTokenRe, str);
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    parseInto(this.#params, str, end);
  }

  get type() { return this.#type; }
  set type(v) {
    v = `${v}`;
    if (v === '' || !tokenRe.test(v)) throw syntaxError('type', v, notTokenRe);
    this.#type = v.toLowerCase();
  }
  get subtype() { return this.#subtype; }
  set subtype(v) {
    v = `${v}`;
    if (v === '' || !tokenRe.test(v)) throw syntaxError('subtype', v, notTokenRe);
    this.#subtype = v.toLowerCase();
  }
  get essence() { return `${this.#type}/${this.#subtype}`; }
  get params() { return this.#params; }
  toString() {
    const params = this.#params.toString();
    return params === '' ? this.essence : `${this.essence};${params}`;
  }
  toJSON() { return this.toString(); }
}

require('internal/util/classes').register([MIMEType, MIMEParams]);

module.exports = { MIMEType, MIMEParams };
