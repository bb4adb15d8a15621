'use strict';
// Built-in modules moat does not implement yet. Requiring one works, as in Node; each of its
// functions throws ERR_NOT_IMPLEMENTED naming itself, so nothing pretends to work.

const { thrower } = require('internal/errors');

const exportsOf = {
  domain: ['create', 'Domain'],
  inspector: ['open', 'close', 'url', 'waitForDebugger', 'Session'],
  'inspector/promises': ['Session'],
  trace_events: ['createTracing', 'getEnabledCategories'],
  wasi: ['WASI'],
  _stream_wrap: [], _tls_common: [],
  perf_hooks: ['PerformanceObserver', 'monitorEventLoopDelay', 'createHistogram'],
  'node:sea': ['isSea', 'getAsset', 'getRawAsset', 'getAssetAsBlob'],
  'node:sqlite': ['DatabaseSync', 'StatementSync'],
  'node:test/reporters': ['spec', 'tap', 'dot', 'junit', 'lcov'],
};


function moduleFor(id) {
  const names = exportsOf[id] || exportsOf[`node:${id}`];
  if (names === undefined) return undefined;
  const mod = {};
  const display = id.startsWith('node:') ? id.slice(5) : id;
  for (const n of names) mod[n] = thrower(`${display}.${n}`);
  return mod;
}

module.exports = { moduleFor };
