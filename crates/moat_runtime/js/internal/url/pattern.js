'use strict';
// URLPattern (the WHATWG URL Pattern Standard): a pattern string or init object is split into
// eight components, each tokenized, parsed into parts, and compiled to a regular expression
// and a normalized pattern string; exec() and test() match a URL's components against them.

// The URL a pattern's parts are canonicalized through (loaded when first needed).
const lazyURL = () => require('internal/url').URL;

// Node names no cause in the message; `detail` says what was wrong, for whoever reads this.
function patternError(detail) {
  const err = new TypeError('Failed to construct URLPattern');
  err.code = 'ERR_INVALID_URL_PATTERN';
  void detail;
  return err;
}

const specialSchemes = ['ftp', 'file', 'http', 'https', 'ws', 'wss'];
const defaultPorts = { ftp: '21', http: '80', https: '443', ws: '80', wss: '443' };

// ---- tokenizer ----

const isNameStart = (c) => /[$_\p{ID_Start}]/u.test(c);
const isNamePart = (c) => /[$_\u200c\u200d\p{ID_Continue}]/u.test(c);

function tokenize(input, lenient) {
  const tokens = [];
  const chars = Array.from(input);
  // Code point index -> UTF-16 index, for the constructor string's slices.
  const offsets = [];
  let off = 0;
  for (const ch of chars) {
    offsets.push(off);
    off += ch.length;
  }
  offsets.push(off);
  let i = 0;
  const push = (type, start, end, value) => tokens.push({ type, index: offsets[start], value });
  const invalid = (start, end, detail) => {
    if (!lenient) throw patternError(detail);
    push('invalid-char', start, end, chars.slice(start, end).join(''));
  };
  while (i < chars.length) {
    const c = chars[i];
    if (c === '*') {
      push('asterisk', i, i + 1, c);
      i++;
    } else if (c === '+' || c === '?') {
      push('other-modifier', i, i + 1, c);
      i++;
    } else if (c === '\\') {
      if (i === chars.length - 1) {
        invalid(i, i + 1, 'trailing backslash');
        i++;
      } else {
        push('escaped-char', i, i + 2, chars[i + 1]);
        i += 2;
      }
    } else if (c === '{') {
      push('open', i, i + 1, c);
      i++;
    } else if (c === '}') {
      push('close', i, i + 1, c);
      i++;
    } else if (c === ':') {
      let j = i + 1;
      while (j < chars.length && (j === i + 1 ? isNameStart(chars[j]) : isNamePart(chars[j]))) j++;
      if (j === i + 1) {
        invalid(i, i + 1, 'missing parameter name');
        i++;
      } else {
        push('name', i, j, chars.slice(i + 1, j).join(''));
        i = j;
      }
    } else if (c === '(') {
      let depth = 1;
      let j = i + 1;
      let error = null;
      while (j < chars.length) {
        const d = chars[j];
        if (d.codePointAt(0) > 0x7f) {
          error = 'non-ASCII character in regular expression';
          break;
        }
        if (j === i + 1 && d === '?') {
          error = 'regular expression may not start with ?';
          break;
        }
        if (d === '\\') {
          if (j === chars.length - 1 || chars[j + 1].codePointAt(0) > 0x7f) {
            error = 'invalid escape in regular expression';
            break;
          }
          j += 2;
          continue;
        }
        if (d === ')') {
          depth--;
          if (depth === 0) {
            j++;
            break;
          }
        } else if (d === '(') {
          depth++;
          if (j === chars.length - 1 || chars[j + 1] !== '?') {
            error = 'capturing groups are not allowed in regular expressions';
            break;
          }
        }
        j++;
      }
      if (error === null && depth !== 0) error = 'unbalanced regular expression';
      const value = error === null ? chars.slice(i + 1, j - 1).join('') : '';
      if (error === null && value === '') error = 'empty regular expression';
      if (error !== null) {
        invalid(i, i + 1, error);
        i++;
      } else {
        push('regexp', i, j, value);
        i = j;
      }
    } else {
      push('char', i, i + 1, c);
      i++;
    }
  }
  tokens.push({ type: 'end', index: offsets[chars.length], value: '' });
  return tokens;
}

// ---- pattern parser ----

const escapeRegexString = (s) => s.replace(/[.+*?^${}()[\]|/\\]/g, '\\$&');
const escapePatternString = (s) => s.replace(/[+*?:{}()\\]/g, '\\$&');
const modifierString = { none: '', optional: '?', 'zero-or-more': '*', 'one-or-more': '+' };
const FULL_WILDCARD = '.*';

const defaultOptions = { delimiter: '', prefix: '', ignoreCase: false };
const hostnameOptions = { delimiter: '.', prefix: '', ignoreCase: false };
const pathnameOptions = { delimiter: '/', prefix: '/', ignoreCase: false };

const segmentWildcard = (options) => `[^${escapeRegexString(options.delimiter)}]+?`;

function parsePattern(input, options, encode) {
  const tokens = tokenize(input, false);
  const parts = [];
  const wildcard = segmentWildcard(options);
  let pending = '';
  let index = 0;
  let nextNumericName = 0;

  const tryConsume = (type) => {
    if (tokens[index].type !== type) return null;
    return tokens[index++];
  };
  const tryConsumeModifier = () => tryConsume('other-modifier') ?? tryConsume('asterisk');
  const tryConsumeRegexpOrWildcard = (nameToken) => {
    const token = tryConsume('regexp');
    if (nameToken === null && token === null) return tryConsume('asterisk');
    return token;
  };
  const consumeRequired = (type) => {
    const token = tryConsume(type);
    if (token === null) throw patternError(`expected ${type} at ${tokens[index].index}`);
    return token;
  };
  const consumeText = () => {
    let text = '';
    for (;;) {
      const token = tryConsume('char') ?? tryConsume('escaped-char');
      if (token === null) return text;
      text += token.value;
    }
  };
  const flushPending = () => {
    if (pending === '') return;
    const value = encode(pending);
    pending = '';
    parts.push({ type: 'fixed-text', value, modifier: 'none', name: '', prefix: '', suffix: '' });
  };
  const addPart = (prefix, nameToken, regexpToken, suffix, modifierToken) => {
    let modifier = 'none';
    if (modifierToken !== null) {
      modifier = modifierToken.value === '?' ? 'optional' : modifierToken.value === '*' ? 'zero-or-more' : 'one-or-more';
    }
    if (nameToken === null && regexpToken === null && modifier === 'none') {
      pending += prefix;
      return;
    }
    flushPending();
    if (nameToken === null && regexpToken === null) {
      if (prefix === '') return;
      parts.push({ type: 'fixed-text', value: encode(prefix), modifier, name: '', prefix: '', suffix: '' });
      return;
    }
    let regexp;
    if (regexpToken === null) regexp = wildcard;
    else if (regexpToken.type === 'asterisk') regexp = FULL_WILDCARD;
    else regexp = regexpToken.value;
    let type = 'regexp';
    if (regexp === wildcard) {
      type = 'segment-wildcard';
      regexp = '';
    } else if (regexp === FULL_WILDCARD) {
      type = 'full-wildcard';
      regexp = '';
    }
    let name = '';
    if (nameToken !== null) name = nameToken.value;
    else name = `${nextNumericName++}`;
    if (parts.some((p) => p.type !== 'fixed-text' && p.name === name)) throw patternError(`duplicate name '${name}'`);
    parts.push({ type, value: regexp, modifier, name, prefix: encode(prefix), suffix: encode(suffix) });
  };

  while (index < tokens.length) {
    const charToken = tryConsume('char');
    let nameToken = tryConsume('name');
    let regexpToken = tryConsumeRegexpOrWildcard(nameToken);
    if (nameToken !== null || regexpToken !== null) {
      let prefix = charToken ? charToken.value : '';
      if (prefix !== '' && prefix !== options.prefix) {
        pending += prefix;
        prefix = '';
      }
      flushPending();
      addPart(prefix, nameToken, regexpToken, '', tryConsumeModifier());
      continue;
    }
    const fixed = charToken ?? tryConsume('escaped-char');
    if (fixed !== null) {
      pending += fixed.value;
      continue;
    }
    if (tryConsume('open') !== null) {
      const prefix = consumeText();
      nameToken = tryConsume('name');
      regexpToken = tryConsumeRegexpOrWildcard(nameToken);
      const suffix = consumeText();
      consumeRequired('close');
      addPart(prefix, nameToken, regexpToken, suffix, tryConsumeModifier());
      continue;
    }
    flushPending();
    consumeRequired('end');
  }
  return parts;
}

function generateRegexp(parts, options) {
  let result = '^';
  const names = [];
  for (const part of parts) {
    const mod = modifierString[part.modifier];
    if (part.type === 'fixed-text') {
      result += part.modifier === 'none' ? escapeRegexString(part.value) : `(?:${escapeRegexString(part.value)})${mod}`;
      continue;
    }
    names.push(part.name);
    let value = part.value;
    if (part.type === 'segment-wildcard') value = segmentWildcard(options);
    else if (part.type === 'full-wildcard') value = FULL_WILDCARD;
    const single = part.modifier === 'none' || part.modifier === 'optional';
    if (part.prefix === '' && part.suffix === '') {
      result += single ? `(${value})${mod}` : `((?:${value})${mod})`;
      continue;
    }
    const pre = escapeRegexString(part.prefix);
    const suf = escapeRegexString(part.suffix);
    if (single) {
      result += `(?:${pre}(${value})${suf})${mod}`;
      continue;
    }
    result += `(?:${pre}((?:${value})(?:${suf}${pre}(?:${value}))*)${suf})`;
    if (part.modifier === 'zero-or-more') result += '?';
  }
  return { source: `${result}$`, names };
}

const isDigitName = (name) => /^[0-9]/.test(name);

function generatePatternString(parts, options) {
  let result = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const prev = i > 0 ? parts[i - 1] : null;
    const next = i + 1 < parts.length ? parts[i + 1] : null;
    const mod = modifierString[part.modifier];
    if (part.type === 'fixed-text') {
      result += part.modifier === 'none' ? escapePatternString(part.value) : `{${escapePatternString(part.value)}}${mod}`;
      continue;
    }
    const customName = !isDigitName(part.name);
    let grouped = part.suffix !== '' || (part.prefix !== '' && part.prefix !== options.prefix);
    if (!grouped && customName && part.type === 'segment-wildcard' && part.modifier === 'none' && next !== null &&
        next.prefix === '' && next.suffix === '') {
      if (next.type === 'fixed-text') grouped = next.value !== '' && isNamePart(Array.from(next.value)[0]);
      else grouped = isDigitName(next.name);
    }
    if (!grouped && part.prefix === '' && prev !== null && prev.type === 'fixed-text' && options.prefix !== '' &&
        prev.value.endsWith(options.prefix)) {
      grouped = true;
    }
    if (grouped) result += '{';
    result += escapePatternString(part.prefix);
    if (customName) result += `:${part.name}`;
    if (part.type === 'regexp') {
      result += `(${part.value})`;
    } else if (part.type === 'segment-wildcard' && !customName) {
      result += `(${segmentWildcard(options)})`;
    } else if (part.type === 'full-wildcard') {
      if (!customName && (prev === null || prev.type === 'fixed-text' || prev.modifier !== 'none' || grouped ||
          part.prefix !== '')) {
        result += '*';
      } else {
        result += `(${FULL_WILDCARD})`;
      }
    }
    if (part.type === 'segment-wildcard' && customName && part.suffix !== '' && isNamePart(Array.from(part.suffix)[0])) {
      result += '\\';
    }
    result += escapePatternString(part.suffix);
    if (grouped) result += '}';
    result += mod;
  }
  return result;
}

function compileComponent(input, encode, options) {
  const parts = parsePattern(input, options, encode);
  const { source, names } = generateRegexp(parts, options);
  let regexp;
  try {
    regexp = new RegExp(source, options.ignoreCase ? 'ui' : 'u');
  } catch (e) {
    throw patternError(e.message);
  }
  return {
    pattern: generatePatternString(parts, options),
    regexp,
    names,
    hasRegExpGroups: parts.some((p) => p.type === 'regexp'),
  };
}

const matchesSpecialScheme = (component) => specialSchemes.some((s) => component.regexp.test(s));

// ---- canonicalization (the encoding callbacks) ----

function dummyURL() {
  return new (lazyURL())('fake://dummy.test');
}

function canonicalizeProtocol(value) {
  if (value === '') return '';
  if (!/^[a-zA-Z][a-zA-Z0-9+\-.]*$/.test(value)) throw patternError(`invalid protocol '${value}'`);
  return value.toLowerCase();
}

function canonicalizeUsername(value) {
  if (value === '') return '';
  const u = dummyURL();
  u.username = value;
  return u.username;
}

function canonicalizePassword(value) {
  if (value === '') return '';
  const u = dummyURL();
  u.password = value;
  return u.password;
}

function canonicalizeHostname(value) {
  if (value === '') return '';
  // eslint-disable-next-line no-control-regex
  if (/[\0\t\n\r #/:<>?@[\\\]^|%]/.test(value)) throw patternError(`invalid hostname '${value}'`);
  const u = new (lazyURL())('https://dummy.test');
  u.hostname = value;
  if (u.hostname === 'dummy.test' && value.toLowerCase() !== 'dummy.test') {
    throw patternError(`invalid hostname '${value}'`);
  }
  return u.hostname;
}

function canonicalizeIPv6Hostname(value) {
  if (!/^[0-9a-fA-F[\]:]*$/.test(value)) throw patternError(`invalid IPv6 hostname '${value}'`);
  return value.toLowerCase();
}

function canonicalizePort(value, protocol = undefined) {
  if (value === '') return '';
  if (!/^[0-9]+$/.test(value) || Number(value) > 65535) throw patternError(`invalid port '${value}'`);
  const port = `${Number(value)}`;
  if (protocol !== undefined && defaultPorts[protocol] === port) return '';
  return port;
}

function canonicalizePathname(value) {
  if (value === '') return '';
  const leadingSlash = value[0] === '/';
  const u = new (lazyURL())('fake://fake-url');
  u.pathname = leadingSlash ? value : `/-${value}`;
  const path = u.pathname;
  return leadingSlash ? path : path.slice(2);
}

function canonicalizeOpaquePathname(value) {
  if (value === '') return '';
  // The C0 control percent-encode set.
  return Array.from(value).map((c) => {
    const cp = c.codePointAt(0);
    return cp < 0x20 || cp > 0x7e ? encodeURIComponent(c.toWellFormed()) : c;
  }).join('');
}

function canonicalizeSearch(value) {
  if (value === '') return '';
  const u = dummyURL();
  u.search = value;
  return u.search.slice(1);
}

function canonicalizeHash(value) {
  if (value === '') return '';
  const u = dummyURL();
  u.hash = value;
  return u.hash.slice(1);
}

// ---- constructor strings ----

function parseConstructorString(input) {
  const tokens = tokenize(input, true);
  const result = {};
  let state = 'init';
  let componentStart = 0;
  let index = 0;
  let increment = 1;
  let groupDepth = 0;
  let ipv6Depth = 0;
  let protocolIsSpecial = false;

  const safeToken = (i) => tokens[Math.min(i, tokens.length - 1)];
  const isChar = (i, value) => {
    const t = safeToken(i);
    return t.value === value && (t.type === 'char' || t.type === 'escaped-char' || t.type === 'invalid-char');
  };
  const isSearchPrefix = () => {
    if (isChar(index, '?')) return true;
    if (tokens[index].value !== '?') return false;
    if (index - 1 < 0) return true;
    const prev = safeToken(index - 1);
    return !['name', 'regexp', 'close', 'asterisk'].includes(prev.type);
  };
  const componentString = () => input.slice(safeToken(componentStart).index, tokens[index].index);
  const rewind = () => {
    index = componentStart;
    increment = 0;
  };
  const changeState = (next, skip) => {
    if (state !== 'init' && state !== 'authority' && state !== 'done') result[state] = componentString();
    if (state !== 'init' && next !== 'done') {
      const early = ['protocol', 'authority', 'username', 'password'];
      if (early.includes(state) && ['port', 'pathname', 'search', 'hash'].includes(next) &&
          result.hostname === undefined) {
        result.hostname = '';
      }
      if ([...early, 'hostname', 'port'].includes(state) && (next === 'search' || next === 'hash') &&
          result.pathname === undefined) {
        result.pathname = protocolIsSpecial ? '/' : '';
      }
      if ([...early, 'hostname', 'port', 'pathname'].includes(state) && next === 'hash' &&
          result.search === undefined) {
        result.search = '';
      }
    }
    state = next;
    index += skip;
    componentStart = index;
    increment = 0;
  };

  while (index < tokens.length) {
    increment = 1;
    const token = tokens[index];
    if (token.type === 'end') {
      if (state === 'init') {
        rewind();
        if (isChar(index, '#')) changeState('hash', 1);
        else if (isSearchPrefix()) changeState('search', 1);
        else changeState('pathname', 0);
        index += increment;
        continue;
      }
      if (state === 'authority') {
        rewind();
        state = 'hostname';
        index += increment;
        continue;
      }
      changeState('done', 0);
      break;
    }
    if (token.type === 'open') {
      groupDepth++;
      index += increment;
      continue;
    }
    if (groupDepth > 0) {
      if (token.type === 'close') {
        groupDepth--;
      } else {
        index += increment;
        continue;
      }
    }
    switch (state) {
      case 'init':
        if (isChar(index, ':')) {
          rewind();
          state = 'protocol';
        }
        break;
      case 'protocol':
        if (isChar(index, ':')) {
          const protocol = compileComponent(componentString(), canonicalizeProtocol, defaultOptions);
          protocolIsSpecial = matchesSpecialScheme(protocol);
          let next = 'pathname';
          let skip = 1;
          if (isChar(index + 1, '/') && isChar(index + 2, '/')) {
            next = 'authority';
            skip = 3;
          } else if (protocolIsSpecial) {
            next = 'authority';
          }
          changeState(next, skip);
        }
        break;
      case 'authority':
        if (isChar(index, '@')) {
          rewind();
          state = 'username';
        } else if (isChar(index, '/') || isSearchPrefix() || isChar(index, '#')) {
          rewind();
          state = 'hostname';
        }
        break;
      case 'username':
        if (isChar(index, ':')) changeState('password', 1);
        else if (isChar(index, '@')) changeState('hostname', 1);
        break;
      case 'password':
        if (isChar(index, '@')) changeState('hostname', 1);
        break;
      case 'hostname':
        if (isChar(index, '[')) ipv6Depth++;
        else if (isChar(index, ']')) ipv6Depth--;
        else if (isChar(index, ':') && ipv6Depth === 0) changeState('port', 1);
        else if (isChar(index, '/')) changeState('pathname', 0);
        else if (isSearchPrefix()) changeState('search', 1);
        else if (isChar(index, '#')) changeState('hash', 1);
        break;
      case 'port':
        if (isChar(index, '/')) changeState('pathname', 0);
        else if (isSearchPrefix()) changeState('search', 1);
        else if (isChar(index, '#')) changeState('hash', 1);
        break;
      case 'pathname':
        if (isSearchPrefix()) changeState('search', 1);
        else if (isChar(index, '#')) changeState('hash', 1);
        break;
      case 'search':
        if (isChar(index, '#')) changeState('hash', 1);
        break;
      default:
        break;
    }
    index += increment;
  }
  if (result.hostname !== undefined && result.port === undefined) result.port = '';
  return result;
}

// ---- URLPatternInit processing ----

const components = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

function isAbsolutePathname(input, type) {
  if (input === '') return false;
  if (input[0] === '/') return true;
  if (type === 'url') return false;
  return input.length >= 2 && (input[0] === '\\' || input[0] === '{') && input[1] === '/';
}

// Reads the init's members once each, in the standard's order (a getter that throws, throws);
// as in Node, a member that is not a string counts as absent.
function readInit(init) {
  const out = {};
  for (const key of ['baseURL', 'hash', 'hostname', 'password', 'pathname', 'port', 'protocol', 'search', 'username']) {
    const value = init[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function processInit(init, type) {
  const result = {};
  const fromBase = (s) => (type === 'pattern' ? escapePatternString(s) : s);
  let base = null;
  if (init.baseURL !== undefined) {
    try {
      base = new (lazyURL())(init.baseURL);
    } catch {
      throw patternError(`invalid base URL '${init.baseURL}'`);
    }
    const has = (...keys) => keys.some((k) => init[k] !== undefined);
    if (!has('protocol')) result.protocol = fromBase(base.protocol.slice(0, -1));
    if (type !== 'pattern' && !has('protocol', 'hostname', 'port', 'username')) result.username = fromBase(base.username);
    if (type !== 'pattern' && !has('protocol', 'hostname', 'port', 'username', 'password')) {
      result.password = fromBase(base.password);
    }
    if (!has('protocol', 'hostname')) result.hostname = fromBase(base.hostname);
    if (!has('protocol', 'hostname', 'port')) result.port = base.port;
    if (!has('protocol', 'hostname', 'port', 'pathname')) result.pathname = fromBase(base.pathname);
    if (!has('protocol', 'hostname', 'port', 'pathname', 'search')) result.search = fromBase(base.search.slice(1));
    if (!has('protocol', 'hostname', 'port', 'pathname', 'search', 'hash')) result.hash = fromBase(base.hash.slice(1));
  }
  const pattern = type === 'pattern';
  if (init.protocol !== undefined) {
    const stripped = init.protocol.endsWith(':') ? init.protocol.slice(0, -1) : init.protocol;
    result.protocol = pattern ? stripped : canonicalizeProtocol(stripped);
  }
  if (init.username !== undefined) result.username = pattern ? init.username : canonicalizeUsername(init.username);
  if (init.password !== undefined) result.password = pattern ? init.password : canonicalizePassword(init.password);
  if (init.hostname !== undefined) result.hostname = pattern ? init.hostname : canonicalizeHostname(init.hostname);
  if (init.port !== undefined) result.port = pattern ? init.port : canonicalizePort(init.port, result.protocol);
  if (init.pathname !== undefined) {
    let pathname = init.pathname;
    if (base !== null && base.pathname.startsWith('/') && !isAbsolutePathname(pathname, type)) {
      const basePath = fromBase(base.pathname);
      const slash = basePath.lastIndexOf('/');
      if (slash !== -1) pathname = basePath.slice(0, slash + 1) + pathname;
    }
    if (!pattern) {
      const special = result.protocol === undefined || result.protocol === '' ||
        specialSchemes.includes(result.protocol);
      pathname = special ? canonicalizePathname(pathname) : canonicalizeOpaquePathname(pathname);
    }
    result.pathname = pathname;
  }
  if (init.search !== undefined) {
    const stripped = init.search.startsWith('?') ? init.search.slice(1) : init.search;
    result.search = pattern ? stripped : canonicalizeSearch(stripped);
  }
  if (init.hash !== undefined) {
    const stripped = init.hash.startsWith('#') ? init.hash.slice(1) : init.hash;
    result.hash = pattern ? stripped : canonicalizeHash(stripped);
  }
  return result;
}

const isIPv6Pattern = (h) => h.startsWith('[') || h.startsWith('{[') || h.startsWith('\\[');

const illegal = () => new TypeError('Illegal invocation');

function argTypeError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

class URLPatternImpl {
  #components;
  #hasRegExpGroups;

  constructor(input = undefined, baseURL = undefined, options = undefined) {
    if (baseURL !== undefined && baseURL !== null && typeof baseURL === 'object') {
      options = baseURL;
      baseURL = undefined;
    } else if (baseURL === null) {
      baseURL = undefined;
    } else if (baseURL !== undefined && typeof baseURL !== 'string') {
      throw argTypeError('second argument must be a string or object');
    }
    let ignoreCase = false;
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object') throw argTypeError('options must be an object');
      ignoreCase = Boolean(options.ignoreCase);
    }
    if (input === undefined || input === null) input = {};
    let init;
    if (typeof input === 'string') {
      init = parseConstructorString(input);
      if (baseURL === undefined && init.protocol === undefined) {
        throw patternError('relative pattern string needs a base URL');
      }
      if (baseURL !== undefined) init.baseURL = `${baseURL}`;
    } else if (typeof input === 'object') {
      init = readInit(input);
      if (baseURL !== undefined) throw patternError('a base URL is given only with a pattern string');
    } else {
      throw argTypeError('Input must be an object or a string');
    }
    const processed = processInit(init, 'pattern');
    for (const c of components) processed[c] ??= '*';
    if (specialSchemes.includes(processed.protocol) && processed.port === defaultPorts[processed.protocol]) {
      processed.port = '';
    }
    const withCase = (o) => ({ ...o, ignoreCase });
    const compiled = {};
    compiled.protocol = compileComponent(processed.protocol, canonicalizeProtocol, defaultOptions);
    compiled.username = compileComponent(processed.username, canonicalizeUsername, defaultOptions);
    compiled.password = compileComponent(processed.password, canonicalizePassword, defaultOptions);
    compiled.hostname = isIPv6Pattern(processed.hostname) ?
      compileComponent(processed.hostname, canonicalizeIPv6Hostname, hostnameOptions) :
      compileComponent(processed.hostname, canonicalizeHostname, hostnameOptions);
    compiled.port = compileComponent(processed.port, canonicalizePort, defaultOptions);
    compiled.pathname = matchesSpecialScheme(compiled.protocol) ?
      compileComponent(processed.pathname, canonicalizePathname, withCase(pathnameOptions)) :
      compileComponent(processed.pathname, canonicalizeOpaquePathname, withCase(defaultOptions));
    compiled.search = compileComponent(processed.search, canonicalizeSearch, withCase(defaultOptions));
    compiled.hash = compileComponent(processed.hash, canonicalizeHash, withCase(defaultOptions));
    this.#components = compiled;
    this.#hasRegExpGroups = components.some((c) => compiled[c].hasRegExpGroups);
  }

  static #checked(self) {
    if (self === null || (typeof self !== 'object' && typeof self !== 'function') || !(#components in self)) {
      throw illegal();
    }
    return self;
  }

  get protocol() { return URLPatternImpl.#checked(this).#components.protocol.pattern; }
  get username() { return URLPatternImpl.#checked(this).#components.username.pattern; }
  get password() { return URLPatternImpl.#checked(this).#components.password.pattern; }
  get hostname() { return URLPatternImpl.#checked(this).#components.hostname.pattern; }
  get port() { return URLPatternImpl.#checked(this).#components.port.pattern; }
  get pathname() { return URLPatternImpl.#checked(this).#components.pathname.pattern; }
  get search() { return URLPatternImpl.#checked(this).#components.search.pattern; }
  get hash() { return URLPatternImpl.#checked(this).#components.hash.pattern; }
  get hasRegExpGroups() { return URLPatternImpl.#checked(this).#hasRegExpGroups; }

  #match(input, baseURL) {
    if (input === undefined || input === null) input = {};
    if (typeof input !== 'string' && typeof input !== 'object') {
      throw argTypeError('URLPattern input needs to be a string or an object');
    }
    if (baseURL === null) return null;
    if (baseURL !== undefined && typeof baseURL !== 'string') throw argTypeError('baseURL must be a string');
    const inputs = [input];
    let values;
    if (input !== null && typeof input === 'object') {
      if (baseURL !== undefined) throw patternError('a base URL is given only with a URL string');
      try {
        values = processInit(readInit(input), 'url');
      } catch {
        return null;
      }
    } else {
      input = `${input}`;
      inputs[0] = input;
      let url;
      try {
        if (baseURL !== undefined) {
          baseURL = `${baseURL}`;
          inputs.push(baseURL);
        }
        url = new (lazyURL())(input, baseURL);
      } catch {
        return null;
      }
      values = {
        protocol: url.protocol.slice(0, -1), username: url.username, password: url.password,
        hostname: url.hostname, port: url.port, pathname: url.pathname,
        search: url.search.slice(1), hash: url.hash.slice(1),
      };
    }
    const result = { inputs };
    for (const c of components) {
      const component = this.#components[c];
      const value = values[c] ?? '';
      const m = component.regexp.exec(value);
      if (m === null) return null;
      const groups = {};
      component.names.forEach((name, i) => {
        groups[name] = m[i + 1];
      });
      result[c] = { input: value, groups };
    }
    return result;
  }

  exec(input = {}, baseURL = undefined) {
    return URLPatternImpl.#checked(this).#match(input, baseURL);
  }

  test(input = {}, baseURL = undefined) {
    return URLPatternImpl.#checked(this).#match(input, baseURL) !== null;
  }
}

// The class, callable only with `new` and saying so in Node's words.
function URLPattern(input = undefined, baseURL = undefined, options = undefined) {
  if (new.target === undefined) {
    const err = new TypeError('Cannot call constructor without `new`');
    err.code = 'ERR_CONSTRUCT_CALL_REQUIRED';
    throw err;
  }
  return Reflect.construct(URLPatternImpl, [input, baseURL, options], new.target);
}
URLPattern.prototype = URLPatternImpl.prototype;
Object.defineProperty(URLPattern, 'prototype', { writable: false });
Object.defineProperty(URLPattern.prototype, 'constructor', {
  value: URLPattern, writable: true, enumerable: false, configurable: true,
});

// As Node has them: the accessors and methods are enumerable.
for (const name of [...components, 'hasRegExpGroups', 'exec', 'test']) {
  const desc = Object.getOwnPropertyDescriptor(URLPattern.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(URLPattern.prototype, name, desc);
}

module.exports = { URLPattern };
