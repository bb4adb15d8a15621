'use strict';
// node:url — the WHATWG API; the legacy url.parse()/format() are not implemented yet.
const { URL, URLSearchParams, fileURLToPath, pathToFileURL } = require('internal/url');
const { thrower } = require('internal/errors');
module.exports = {
  URL, URLSearchParams, fileURLToPath, pathToFileURL,
  domainToASCII: (d) => internalBinding('url').domainToASCII(`${d}`),
  domainToUnicode: (d) => `${d}`,
  urlToHttpOptions(url) {
    return { protocol: url.protocol, hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      hash: url.hash, search: url.search, pathname: url.pathname, path: `${url.pathname || ''}${url.search || ''}`, href: url.href,
      ...(url.port !== '' ? { port: Number(url.port) } : {}), ...(url.username || url.password ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}) };
  },
  parse: thrower('url.parse'),
  format: thrower('url.format'),
  resolve: thrower('url.resolve'),
  Url: thrower('url.Url'),
};
