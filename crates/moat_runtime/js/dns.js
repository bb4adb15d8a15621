'use strict';
// node:dns — `lookup` through the system resolver (the host's, in the sandbox), and DNS queries
// (`resolve*`, `reverse`, `Resolver`) sent over UDP to the configured name servers, each from
// its own socket that the event loop watches. Both are checked against --allow-net: a query by
// the name it asks about (a reverse lookup by its address).

const { codes } = require('internal/errors');
const {
  validateString, validateFunction, validateArray, validateInt32, validateUint32, validateOneOf,
} = require('internal/validators');
const binding = internalBinding('dns');
const netBinding = internalBinding('net');
const loop = require('internal/loop');

const { isIP, isIPv4, isIPv6, validatePort } = require('internal/net');

const READABLE = 1;

function errnoOf(err) {
  if (err.code === 'ENOTFOUND') {
    err.errno = -3008;
    err.syscall = 'getaddrinfo';
  }
  return err;
}

let defaultOrder = 'verbatim';

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']);
  defaultOrder = order;
}

function getDefaultResultOrder() {
  return defaultOrder;
}

// Reads lookup's options as Node does: a family number, or { family, all, order, verbatim, hints }.
function lookupOptions(options) {
  let family = 0;
  let all = false;
  let order = defaultOrder;
  let name = 'options.family';
  if (typeof options === 'number') {
    family = options;
    name = 'family';
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('options', ['integer', 'Object'], options);
    if (options.family !== undefined) {
      family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    }
    all = options.all === true;
    if (options.verbatim !== undefined) order = options.verbatim ? 'verbatim' : 'ipv4first';
    if (options.order !== undefined) {
      validateOneOf(options.order, 'options.order', ['verbatim', 'ipv4first', 'ipv6first']);
      order = options.order;
    }
  }
  if (family !== 0 && family !== 4 && family !== 6) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, family, 'must be one of: 0, 4, 6');
  }
  return { family, all, order };
}

function lookupAddresses(hostname, family, all, order) {
  const flat = binding.lookup(hostname, family);
  let found = [];
  for (let i = 0; i < flat.length; i += 2) found.push({ address: flat[i], family: flat[i + 1] });
  if (order === 'ipv4first') found = found.filter((a) => a.family === 4).concat(found.filter((a) => a.family === 6));
  else if (order === 'ipv6first') found = found.filter((a) => a.family === 6).concat(found.filter((a) => a.family === 4));
  return all ? found : found[0];
}

function lookup(hostname, options, callback) {
  validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { family, all, order } = lookupOptions(options);
  let result;
  let error = null;
  try { result = lookupAddresses(hostname, family, all, order); } catch (e) {
    if (e.code === 'ERR_ACCESS_DENIED') throw e;
    error = errnoOf(e);
  }
  const deliver = () => {
    if (error) callback(error);
    else if (all) callback(null, result);
    else callback(null, result.address, result.family);
  };
  // An address needs no resolver and answers on the next tick; a name answers later, after
  // the current phase, as Node's thread-pool lookups do.
  if (isIP(hostname)) process.nextTick(deliver);
  else setImmediate(deliver);
  return {};
}

// The host name and service of an address and port, from the system's getnameinfo (the host's,
// in the sandbox): [hostname, service], or an error with Node's errno.
const GAI_ERRNO = { ENOTFOUND: -3008, EAI_AGAIN: -3001, EAI_FAIL: -3004 };
function nameInfo(address, port) {
  const found = binding.lookupService(address, port);
  if (typeof found !== 'string') return found;
  const err = new Error(`getnameinfo ${found} ${address}`);
  err.errno = GAI_ERRNO[found];
  err.code = found;
  err.syscall = 'getnameinfo';
  err.hostname = address;
  return err;
}

function validLookupService(args) {
  const [address, port] = args;
  if (typeof address !== 'string' || !isIP(address)) throw new codes.ERR_INVALID_ARG_VALUE('address', address);
  return [address, validatePort(port)];
}

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new codes.ERR_MISSING_ARGS('address', 'port', 'callback');
  const [a, p] = validLookupService([address, port]);
  validateFunction(callback, 'callback');
  setImmediate(() => {
    const found = nameInfo(a, p);
    if (found instanceof Error) callback(found);
    else callback(null, found[0], found[1]);
  });
  return {};
}

function lookupServicePromise(address, port) {
  if (arguments.length !== 2) throw new codes.ERR_MISSING_ARGS('address', 'port');
  const [a, p] = validLookupService([address, port]);
  return new Promise((resolvePromise, reject) => {
    setImmediate(() => {
      const found = nameInfo(a, p);
      if (found instanceof Error) reject(found);
      else resolvePromise({ hostname: found[0], service: found[1] });
    });
  });
}

// --- DNS queries -------------------------------------------------------------------------------

const TYPES = {
  A: [1, 'queryA'], AAAA: [28, 'queryAaaa'], ANY: [255, 'queryAny'], CAA: [257, 'queryCaa'],
  CNAME: [5, 'queryCname'], MX: [15, 'queryMx'], NS: [2, 'queryNs'], TLSA: [52, 'queryTlsa'],
  TXT: [16, 'queryTxt'], SRV: [33, 'querySrv'], PTR: [12, 'queryPtr'], NAPTR: [35, 'queryNaptr'],
  SOA: [6, 'querySoa'],
};

// The c-ares error codes Node exports.
const CODES = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

// c-ares's own defaults: five seconds a try, four tries.
const DEFAULT_TIMEOUT = 5000;
const DEFAULT_TRIES = 4;

function dnsError(code, syscall, hostname) {
  const err = new Error(`${syscall} ${code} ${hostname}`);
  err.errno = undefined;
  err.code = code;
  err.syscall = syscall;
  err.hostname = hostname;
  return err;
}

// Servers as [ip, port] pairs; the system's are read once.
let systemServers = null;
function defaultServerList() {
  if (systemServers === null) systemServers = binding.servers();
  return systemServers.map((s) => s.slice());
}

function parseServer(serv, index) {
  validateString(serv, `servers[${index}]`);
  let ip = serv;
  let port = 53;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(serv);
  if (bracket) {
    ip = bracket[1];
    if (bracket[2] !== undefined) port = Number(bracket[2]);
  } else if (!isIPv6(serv)) {
    const m = /^([^:]+):(\d+)$/.exec(serv);
    if (m) {
      ip = m[1];
      port = Number(m[2]);
    }
  }
  if (!isIP(ip)) throw new codes.ERR_INVALID_IP_ADDRESS(serv);
  return [ip, port];
}

function formatServer([ip, port]) {
  if (port === 53) return ip;
  return isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}

// One question to the resolver's servers, tried `tries` times over them in turn, each try with
// its own socket and a timeout that doubles with each round of servers (to `maxTimeout`).
class Query {
  constructor(resolver, hostname, type, syscall, ttl, done) {
    this.resolver = resolver;
    this.hostname = hostname;
    this.type = type;
    this.syscall = syscall;
    this.ttl = ttl;
    this.done = done;
    this.attempt = 0;
    this.handle = null;
    this.timer = null;
    this.lastError = 'ETIMEOUT';
    this.finished = false;
  }

  start() {
    const servers = this.resolver._servers;
    if (servers.length === 0) {
      process.nextTick(() => this.finish('ECONNREFUSED'));
      return;
    }
    this.next();
  }

  next() {
    this.cleanup();
    const servers = this.resolver._servers;
    const total = this.resolver._tries * servers.length;
    if (this.attempt >= total) {
      this.finish(this.lastError);
      return;
    }
    const round = Math.floor(this.attempt / servers.length);
    const [ip, port] = servers[this.attempt % servers.length];
    this.attempt++;
    this.id = binding.randomId();
    const handle = netBinding.newHandle();
    const server = isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
    const local = (isIPv6(ip) ? this.resolver._local6 : this.resolver._local4) || '';
    const failed = binding.query(handle, server, this.hostname, this.type, this.id, local);
    if (failed) {
      this.lastError = failed === 'ECONNREFUSED' ? 'ECONNREFUSED' : failed;
      netBinding.close(handle);
      if (failed === 'EBADNAME' || failed === 'EBADSTR') {
        process.nextTick(() => this.finish(failed));
        return;
      }
      process.nextTick(() => this.next());
      return;
    }
    this.handle = handle;
    loop.registerHandle(handle, () => this.receive());
    netBinding.watch(handle, READABLE);
    let timeout = this.resolver._timeout * (2 ** round);
    if (this.resolver._maxTimeout > 0) timeout = Math.min(timeout, this.resolver._maxTimeout);
    this.timer = setTimeout(() => {
      this.lastError = 'ETIMEOUT';
      this.next();
    }, timeout);
  }

  receive() {
    while (this.handle !== null) {
      let bytes;
      try {
        bytes = netBinding.recv(this.handle, 65536);
      } catch (err) {
        // A server that refuses: on to the next.
        this.lastError = err.code === 'ECONNREFUSED' ? 'ECONNREFUSED' : 'ECONNREFUSED';
        this.next();
        return;
      }
      if (bytes === null || bytes === undefined) return;
      const answer = binding.parse(bytes, this.id, this.type, this.ttl);
      if (answer === null) continue;
      if (typeof answer === 'string') this.finish(answer);
      else this.finish(null, answer);
      return;
    }
  }

  cleanup() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.handle !== null) {
      loop.unregisterHandle(this.handle);
      netBinding.close(this.handle);
      this.handle = null;
    }
  }

  finish(code, result) {
    if (this.finished) return;
    this.finished = true;
    this.cleanup();
    this.resolver._pending.delete(this);
    if (code) this.done(dnsError(code, this.syscall, this.hostname));
    else this.done(null, result);
  }
}

// The state a resolver's servers live in, as Node's `_handle` (tests replace its getServers).
class ResolverHandle {
  constructor(owner) { this.owner = owner; }
  getServers() { return this.owner._servers.map((s) => s.slice()); }
}

function reverseName(ip) {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  // Expand the IPv6 address to its 32 nibbles.
  const [head, tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t] : h;
  const nibbles = groups.map((g) => g.padStart(4, '0')).join('');
  return `${nibbles.split('').reverse().join('.')}.ip6.arpa`;
}

class ResolverBase {
  constructor(options = undefined) {
    let timeout = -1;
    let tries = DEFAULT_TRIES;
    let maxTimeout = 0;
    if (options !== undefined && options !== null) {
      if (options.timeout !== undefined) {
        validateInt32(options.timeout, 'options.timeout', -1);
        timeout = options.timeout;
      }
      if (options.tries !== undefined) {
        validateInt32(options.tries, 'options.tries', 1);
        tries = options.tries;
      }
      if (options.maxTimeout !== undefined) {
        validateUint32(options.maxTimeout, 'options.maxTimeout');
        maxTimeout = options.maxTimeout;
      }
    }
    this._timeout = timeout === -1 ? DEFAULT_TIMEOUT : timeout;
    this._tries = tries;
    this._maxTimeout = maxTimeout;
    this._servers = defaultServers();
    this._pending = new Set();
    this._local4 = null;
    this._local6 = null;
    this._handle = new ResolverHandle(this);
  }

  cancel() {
    for (const q of [...this._pending]) q.finish('ECANCELLED');
  }

  getServers() {
    return (this._handle.getServers() || []).map(formatServer);
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const list = servers.map(parseServer);
    if (this._pending.size > 0) {
      throw new codes.ERR_DNS_SET_SERVERS_FAILED('There are pending queries.', require('util').inspect(servers));
    }
    this._servers = list;
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    let v4 = null;
    let v6 = null;
    for (const ip of [ipv4, ipv6]) {
      if (ip === undefined) continue;
      if (isIPv4(ip)) {
        if (v4 !== null) throw invalidLocal('Cannot specify two IPv4 addresses.');
        v4 = ip;
      } else if (isIPv6(ip)) {
        if (v6 !== null) throw invalidLocal('Cannot specify two IPv6 addresses.');
        v6 = ip;
      } else {
        throw invalidLocal('Invalid IP address.');
      }
    }
    this._local4 = v4;
    this._local6 = v6;
  }

  _query(hostname, rrtype, ttl, done) {
    const [type, syscall] = TYPES[rrtype];
    const q = new Query(this, hostname, type, syscall, ttl, done);
    this._pending.add(q);
    q.start();
    return q;
  }
}

function invalidLocal(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  Object.defineProperty(err, 'name', { value: 'TypeError', enumerable: false, configurable: true, writable: true });
  return err;
}

// The callback API.
class Resolver extends ResolverBase {}

function defineResolve(rrtype, methodName) {
  Resolver.prototype[methodName] = function(name, options, callback) {
    validateString(name, 'name');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    const ttl = !!(options && options.ttl);
    this._query(name, rrtype, ttl, (err, result) => callback(err, result));
    return {};
  };
}

const RESOLVE_METHODS = [
  ['ANY', 'resolveAny'], ['A', 'resolve4'], ['AAAA', 'resolve6'], ['CAA', 'resolveCaa'],
  ['CNAME', 'resolveCname'], ['MX', 'resolveMx'], ['NS', 'resolveNs'], ['TLSA', 'resolveTlsa'],
  ['TXT', 'resolveTxt'], ['SRV', 'resolveSrv'], ['PTR', 'resolvePtr'], ['NAPTR', 'resolveNaptr'],
  ['SOA', 'resolveSoa'],
];
for (const [rrtype, methodName] of RESOLVE_METHODS) defineResolve(rrtype, methodName);

function validRrtype(rrtype) {
  validateString(rrtype, 'rrtype');
  if (!Object.prototype.hasOwnProperty.call(TYPES, rrtype)) {
    throw new codes.ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  }
  return rrtype;
}

Resolver.prototype.reverse = function reverse(ip, callback) {
  validateString(ip, 'ip');
  validateFunction(callback, 'callback');
  if (!isIP(ip)) {
    const err = new Error(`getHostByAddr EINVAL ${ip}`);
    err.code = 'EINVAL';
    err.syscall = 'getHostByAddr';
    err.hostname = ip;
    throw err;
  }
  const q = new Query(this, reverseName(ip), 12, 'getHostByAddr', false, (err, result) => {
    if (err) {
      err.message = `getHostByAddr ${err.code} ${ip}`;
      err.hostname = ip;
    }
    callback(err, result);
  });
  this._pending.add(q);
  q.start();
  return {};
};

Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  if (typeof rrtype === 'function') {
    callback = rrtype;
    rrtype = 'A';
  } else if (rrtype === undefined) {
    rrtype = 'A';
  } else {
    validRrtype(rrtype);
  }
  const methodName = RESOLVE_METHODS.find(([t]) => t === rrtype)[1];
  return this[methodName](hostname, callback);
};

// The promise API.
class PromiseResolver extends ResolverBase {}
for (const [rrtype, methodName] of RESOLVE_METHODS) {
  PromiseResolver.prototype[methodName] = function(name, options) {
    validateString(name, 'name');
    const ttl = !!(options && options.ttl);
    return new Promise((resolvePromise, reject) => {
      this._query(name, rrtype, ttl, (err, result) => (err ? reject(err) : resolvePromise(result)));
    });
  };
}
PromiseResolver.prototype.reverse = function reverse(ip) {
  return new Promise((resolvePromise, reject) => {
    Resolver.prototype.reverse.call(this, ip, (err, result) => (err ? reject(err) : resolvePromise(result)));
  });
};
PromiseResolver.prototype.resolve = function resolve(hostname, rrtype = 'A') {
  validRrtype(rrtype);
  const methodName = RESOLVE_METHODS.find(([t]) => t === rrtype)[1];
  return this[methodName](hostname);
};

// The module's functions use a default resolver; setServers replaces it, so queries under way
// finish with the servers they began with.
let defaultServerPairs = null;
function defaultServers() {
  if (defaultServerPairs === null) defaultServerPairs = defaultServerList();
  return defaultServerPairs.map((s) => s.slice());
}

let defaultResolver = null;
let defaultPromiseResolver = null;
function getDefaultResolver() {
  if (defaultResolver === null) defaultResolver = new Resolver();
  return defaultResolver;
}
function getDefaultPromiseResolver() {
  if (defaultPromiseResolver === null) defaultPromiseResolver = new PromiseResolver();
  return defaultPromiseResolver;
}

function setServers(servers) {
  const fresh = new Resolver();
  fresh.setServers(servers);
  defaultServerPairs = fresh._servers.map((s) => s.slice());
  defaultResolver = fresh;
  defaultPromiseResolver = null;
}

function getServers() {
  return defaultServers().map(formatServer);
}

const promises = {
  lookup(hostname, options) {
    validateString(hostname, 'hostname');
    const { family, all, order } = lookupOptions(options);
    return new Promise((resolvePromise, reject) => {
      try { resolvePromise(lookupAddresses(hostname, family, all, order)); } catch (e) { reject(errnoOf(e)); }
    });
  },
  lookupService: lookupServicePromise,
  Resolver: PromiseResolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  getServers,
};
for (const [rrtype, methodName] of RESOLVE_METHODS) {
  promises[methodName] = (...args) => getDefaultPromiseResolver()[methodName](...args);
}
promises.resolve = (...args) => getDefaultPromiseResolver().resolve(...args);
promises.reverse = (...args) => getDefaultPromiseResolver().reverse(...args);
Object.assign(promises, CODES);

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ADDRCONFIG: 1024,
  ALL: 256,
  V4MAPPED: 2048,
  ...CODES,
  getServers,
};
module.exports.resolve = (...args) => getDefaultResolver().resolve(...args);
for (const [, methodName] of RESOLVE_METHODS) {
  module.exports[methodName] = (...args) => getDefaultResolver()[methodName](...args);
}
module.exports.reverse = (...args) => getDefaultResolver().reverse(...args);
module.exports.promises = promises;
