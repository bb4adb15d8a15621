'use strict';
// node:dns — `lookup` through the system resolver (the host's, in the sandbox), checked against
// --allow-net. The DNS protocol queries (`resolve*`, `reverse`, `Resolver`) are not
// implemented yet and say so.

const { codes, thrower } = require('internal/errors');
const { validateString, validateFunction } = require('internal/validators');
const binding = internalBinding('dns');

const { isIP } = require('internal/net');

function errnoOf(err) {
  if (err.code === 'ENOTFOUND') {
    err.errno = -3008;
    err.syscall = 'getaddrinfo';
  }
  return err;
}

// Reads lookup's options as Node does: a family number, or { family, all, order, verbatim, hints }.
function lookupOptions(options) {
  let family = 0;
  let all = false;
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
  }
  if (family !== 0 && family !== 4 && family !== 6) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, family, 'must be one of: 0, 4, 6');
  }
  return { family, all };
}

function resolve(hostname, family, all) {
  const flat = binding.lookup(hostname, family);
  const found = [];
  for (let i = 0; i < flat.length; i += 2) found.push({ address: flat[i], family: flat[i + 1] });
  return all ? found : found[0];
}

function lookup(hostname, options, callback) {
  validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { family, all } = lookupOptions(options);
  let result;
  let error = null;
  try { result = resolve(hostname, family, all); } catch (e) {
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

const promises = {
  lookup(hostname, options) {
    validateString(hostname, 'hostname');
    const { family, all } = lookupOptions(options);
    return new Promise((resolvePromise, reject) => {
      try { resolvePromise(resolve(hostname, family, all)); } catch (e) { reject(errnoOf(e)); }
    });
  },
};
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs',
  'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr', 'resolveSoa', 'resolveCaa', 'reverse', 'lookupService',
  'setServers', 'getServers', 'Resolver']) {
  promises[name] = thrower(`dns.promises.${name}`);
}

module.exports = {
  lookup,
  promises,
  ADDRCONFIG: 1024,
  ALL: 256,
  V4MAPPED: 2048,
  NOTFOUND: 'ENOTFOUND',
};
for (const name of ['lookupService', 'Resolver', 'setServers', 'getServers', 'resolve', 'resolve4', 'resolve6',
  'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'resolvePtr', 'resolveNaptr',
  'resolveSoa', 'resolveCaa', 'reverse', 'getDefaultResultOrder', 'setDefaultResultOrder']) {
  module.exports[name] = thrower(`dns.${name}`);
}
