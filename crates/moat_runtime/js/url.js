'use strict';
// node:url — the WHATWG API (internal/url) and the legacy one: url.parse() and its Url objects,
// url.format(), url.resolve() and url.resolveObject(), with the quirks Node keeps for old code.

const {
  URL, URLSearchParams, fileURLToPath, fileURLToPathBuffer, pathToFileURL, isURL,
  domainToASCII, domainToUnicode, urlToHttpOptions, insideNodeModules,
} = require('internal/url');
const { URLPattern } = require('internal/url/pattern');
const { codes } = require('internal/errors');
const { validateString, validateObject } = require('internal/validators');

const lazyQuerystring = () => require('querystring');

// Protocols whose URLs have a `//host` part, and those that never have one.
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
// Protocols whose rest is left as written (no escaping of unsafe characters).
const unsafeProtocol = new Set(['javascript', 'javascript:']);

// Characters trimmed from both ends of the input: C0 controls, space, DEL, NBSP and BOM.
const isTrimmed = (c) => c <= 0x20 || c === 0x7f || c === 0xa0 || c === 0xfeff;
// Characters that may not appear in a host name (RFC 2396), and those that end one.
const hostForbidden = new Set('\t\n\r "%\';<>\\^`{|}');
const hostEnding = new Set('#/?');
// What toASCII must not bring into a host name.
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;
// Escapes of the characters a parsed URL never keeps as they are.
const autoEscape = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27', '<': '%3C', '>': '%3E',
  '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const autoEscapeRe = /[\t\n\r "'<>\\^`{|}]/g;
// A path with an optional query and nothing else: parsed without the full machinery.
const simplePathRe = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const protocolRe = /^[a-z0-9.+-]+:/i;
const portRe = /:[0-9]*$/;
const isIpv6Hostname = (h) => h.length >= 2 && h[0] === '[' && h[h.length - 1] === ']';

// Each deprecation is told once a process.
let warnedParse = false;
let warnedPort = false;

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  if (!warnedParse && !process.noDeprecation && !insideNodeModules()) {
    warnedParse = true;
    process.emitWarning('`url.parse()` behavior is not standardized and prone to errors that have ' +
      'security implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` ' +
      'vulnerabilities.', 'DeprecationWarning', 'DEP0169');
  }
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

// The input without surrounding whitespace, backslashes before the query or fragment made
// slashes; with whether it has a `#` and an `@` before them.
function prepare(url) {
  let start = 0;
  let end = url.length;
  while (start < end && isTrimmed(url.charCodeAt(start))) start++;
  while (end > start && isTrimmed(url.charCodeAt(end - 1))) end--;
  let out = '';
  let hasHash = false;
  let hasAt = false;
  let split = false;
  let last = start;
  for (let i = start; i < end; i++) {
    const c = url[i];
    if (split) {
      if (c === '#') hasHash = true;
      continue;
    }
    if (c === '@') hasAt = true;
    else if (c === '#' || c === '?') {
      if (c === '#') hasHash = true;
      split = true;
    } else if (c === '\\') {
      out += `${url.slice(last, i)}/`;
      last = i + 1;
    }
  }
  out += url.slice(last, end);
  return { rest: out, hasHash, hasAt };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  let { rest, hasHash, hasAt } = prepare(url);

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const simple = simplePathRe.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ? lazyQuerystring().parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolRe.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes = false;
  if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
    rest = this.parseAuthority(rest, url);
  }

  if (!unsafeProtocol.has(lowerProto)) rest = rest.replace(autoEscapeRe, (c) => autoEscape[c]);

  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) this.hash = rest.slice(hashAt);
  const beforeHash = hashAt === -1 ? rest : rest.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt !== -1) {
    this.search = beforeHash.slice(queryAt);
    this.query = beforeHash.slice(queryAt + 1);
    if (parseQueryString) this.query = lazyQuerystring().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  const pathEnd = queryAt !== -1 ? queryAt : hashAt;
  if (pathEnd === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (pathEnd > 0) {
    this.pathname = rest.slice(0, pathEnd);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

// Takes `[auth@]host[:port]` off the front of `rest` into this; returns what follows.
Object.defineProperty(Url.prototype, 'parseAuthority', {
  enumerable: false, writable: true, configurable: true,
  value: function parseAuthority(rest, url) {
    // Tabs and newlines inside the authority are dropped.
    const authorityEnd = rest.search(/[#/?]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    if (/[\t\n\r]/.test(authority)) {
      rest = authority.replace(/[\t\n\r]/g, '') + (authorityEnd === -1 ? '' : rest.slice(authorityEnd));
    }
    // The host ends at the first host-ending character; an `@` before it ends the auth (the
    // last such `@`), and resets what counts as not belonging to a host.
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length && hostEnd === -1; i++) {
      const c = rest[i];
      if (hostForbidden.has(c)) {
        if (nonHost === -1) nonHost = i;
      } else if (hostEnding.has(c)) {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
      } else if (c === '@') {
        atSign = i;
        nonHost = -1;
      }
    }
    let start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = '';
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }
    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6 = isIpv6Hostname(hostname);
    if (!ipv6) {
      // A character that cannot be in a host name ends it; the rest joins the path.
      for (let i = 0; i < hostname.length; i++) {
        const c = hostname[i];
        if (c === '/' || c === '\\' || c === '#' || c === '?' || c === ':') {
          if (c === ':' && !warnedPort && !process.noDeprecation) {
            warnedPort = true;
            process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
              'DeprecationWarning', 'DEP0170');
          }
          this.hostname = hostname.slice(0, i);
          rest = `/${hostname.slice(i)}${rest}`;
          break;
        }
      }
    }
    if (this.hostname.length > 255) this.hostname = '';
    else this.hostname = this.hostname.toLowerCase();
    if (this.hostname !== '') {
      if (ipv6) {
        if (forbiddenHostCharsIpv6.test(this.hostname)) throw invalidURL(url);
      } else {
        // eslint-disable-next-line no-control-regex
        if (/[^\x00-\x7f]/.test(this.hostname)) this.hostname = internalBinding('url').toASCII(this.hostname) ?? '';
        if (this.hostname === '' || forbiddenHostChars.test(this.hostname)) throw invalidURL(url);
      }
    }
    this.host = (this.hostname || '') + (this.port ? `:${this.port}` : '');
    if (ipv6) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
    return rest;
  },
});

function invalidURL(url) {
  const err = new codes.ERR_INVALID_URL();
  err.input = url;
  return err;
}

// Splits `host` into hostname and port.
Object.defineProperty(Url.prototype, 'parseHost', {
  enumerable: false, writable: true, configurable: true,
  value: function parseHost() {
    let host = this.host;
    const port = portRe.exec(host);
    if (port) {
      if (port[0] !== ':') this.port = port[0].slice(1);
      host = host.slice(0, host.length - port[0].length);
    }
    if (host) this.hostname = host;
  },
});

// Characters an auth keeps as they are in a formatted URL.
const authSafe = /[A-Za-z0-9!'()*\-.:_~]/;
function encodeAuth(auth) {
  let out = '';
  for (const ch of auth) {
    if (ch.length === 1 && authSafe.test(ch)) out += ch;
    else if (ch.charCodeAt(0) < 0x80) out += `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeAuth(auth)}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const h = this.hostname;
    host = auth + (h.includes(':') && !isIpv6Hostname(h) ? `[${h}]` : h);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = lazyQuerystring().stringify(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.length >= 4 && protocol.slice(0, 4).toLowerCase() === 'file') {
      host = '//';
    }
  }
  search = search.replaceAll('#', '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

// The parts of a path, with `.` dropped and `..` taking the part before it; returns how many
// `..` went above the first part.
function removeDots(parts) {
  let up = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (part === '.') {
      parts.splice(i, 1);
    } else if (part === '..') {
      parts.splice(i, 1);
      up++;
    } else if (up) {
      parts.splice(i, 1);
      up--;
    }
  }
  return up;
}

// A host of the form user@host, as a hostless protocol's path leaves it: split into auth and host.
function splitAuthInHost(result) {
  if (result.host && result.host.indexOf('@') > 0) {
    const [auth, host] = result.host.split('@');
    result.auth = auth;
    result.host = result.hostname = host;
  }
}

function finish(result) {
  result.href = result.format();
  return result;
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  for (const k of Object.keys(this)) result[k] = this[k];
  // The fragment is always the relative one's, even when that is none.
  result.hash = relative.hash;
  if (relative.href === '') return finish(result);

  // `//host/path`: everything but the protocol comes from the relative URL.
  if (relative.slashes && !relative.protocol) {
    for (const k of Object.keys(relative)) if (k !== 'protocol') result[k] = relative[k];
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    return finish(result);
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another protocol: a URL of its own, unless it is one with a host, whose host may have to
    // come from the path.
    if (!slashedProtocol.has(relative.protocol)) {
      for (const k of Object.keys(relative)) result[k] = relative[k];
      return finish(result);
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
    result.slashes = result.slashes || relative.slashes;
    return finish(result);
  }

  const isSourceAbs = result.pathname && result.pathname[0] === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname[0] === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  // A protocol without slashes keeps its "host" as the first part of the path, so that `..`
  // can reach it.
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // The relative URL names its own authority: the source's credentials do not carry over.
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // A relative path replaces the source's last part.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      splitAuthInHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    }
    return finish(result);
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return finish(result);
  }

  // A path ending in `.` or `..` (or a slash) keeps a trailing slash.
  const last = srcPath[srcPath.length - 1];
  const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) &&
    (last === '.' || last === '..')) || last === '';
  let up = removeDots(srcPath);
  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0][0] !== '/')) srcPath.unshift('');
  if (hasTrailingSlash && !srcPath.join('/').endsWith('/')) srcPath.push('');
  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0][0] === '/');

  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : (srcPath.length ? srcPath.shift() : '');
    splitAuthInHost(result);
  }
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');
  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
};

// url.format(URL, options): the href without what the options leave out, the host in Unicode
// when asked.
function formatWhatwg(url, options) {
  let fragment = true;
  let unicode = false;
  let search = true;
  let auth = true;
  if (options) {
    validateObject(options, 'options');
    if (options.fragment != null) fragment = Boolean(options.fragment);
    if (options.unicode != null) unicode = Boolean(options.unicode);
    if (options.search != null) search = Boolean(options.search);
    if (options.auth != null) auth = Boolean(options.auth);
  }
  const u = new URL(url.href);
  if (!fragment) u.hash = '';
  if (!search) u.search = '';
  if (!auth) {
    u.username = '';
    u.password = '';
  }
  if (!unicode || u.hostname === '') return u.href;
  const credentials = u.username || u.password ?
    `${u.username}${u.password ? `:${u.password}` : ''}@` : '';
  const host = domainToUnicode(u.hostname) + (u.port ? `:${u.port}` : '');
  const tail = u.href.slice(u.href.indexOf('//') + 2);
  const afterHost = tail.slice(tail.indexOf(u.host) + u.host.length);
  return `${u.protocol}//${credentials}${host}${afterHost}`;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    return formatWhatwg(urlObject, options);
  }
  return Url.prototype.format.call(urlObject);
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLPattern,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  fileURLToPathBuffer,
  urlToHttpOptions,
};
