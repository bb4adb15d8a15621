'use strict';
// process.allowedNodeEnvironmentFlags: the options NODE_OPTIONS may hold in moat (the ones its
// command line accepts, less those that name what to run; see crates/moat/src/cli.rs). As in
// Node, `has()` takes a flag with or without its dashes, with `_` for `-` and a `=value`, and
// the set cannot be changed.

const flags = [
  '--no-warnings', '--trace-warnings', '--trace-uncaught', '--pending-deprecation', '--no-deprecation',
  '--throw-deprecation', '--trace-deprecation', '--expose-gc', '--enable-source-maps', '--preserve-symlinks',
  '--preserve-symlinks-main', '--experimental-require-module', '--no-experimental-require-module',
  '--experimental-vm-modules', '--experimental-detect-module', '--no-experimental-detect-module',
  '--experimental-default-type', '--abort-on-uncaught-exception', '--unhandled-rejections', '--trace-require-module', '--no-node-snapshot',
  '--experimental-global-navigator', '--no-experimental-global-navigator', '--stack-size', '--frozen-intrinsics',
  '--require', '-r', '--import', '--experimental-loader', '--loader', '--input-type', '--env-file',
  '--env-file-if-exists', '--permission', '--allow-child-process', '--allow-worker', '--allow-wasi', '--allow-addons',
  '--allow-fs-read', '--allow-fs-write', '--allow-net', '--allow-env', '--stack-trace-limit', '--title',
  '--no-global-search-paths', '--disable-warning', '--title', '--redirect-warnings', '--zero-fill-buffers',
  '--async-context-frame', '--no-async-context-frame', '--tls-min-v1.0', '--tls-min-v1.1', '--tls-min-v1.2',
  '--tls-min-v1.3', '--tls-max-v1.2', '--tls-max-v1.3', '--tls-keylog', '--use-system-ca', '--use-bundled-ca',
  '--use-openssl-ca', '--experimental-websocket', '--no-experimental-websocket',
];

// `perf_basic-prof`, `--perf-basic-prof=1` → `--perf-basic-prof`; `r` → `-r`.
function normalize(flag) {
  let name = flag;
  const eq = name.indexOf('=');
  if (eq !== -1) name = name.slice(0, eq);
  if (/^[A-Za-z]$/.test(name)) return `-${name}`;
  if (!name.startsWith('-')) name = `--${name}`;
  else if (!name.startsWith('--')) return name;
  return `--${name.slice(2).replace(/_/g, '-')}`;
}

// The flags live in a set of their own, so that Set.prototype.add called on this one changes
// nothing it answers.
class NodeEnvironmentFlagsSet extends Set {
  #flags;
  constructor(list) {
    super();
    this.#flags = new Set(list);
  }
  has(flag) {
    if (typeof flag !== 'string') return false;
    if (/^---|^-[A-Za-z]{2,}|^-[A-Z]$/.test(flag)) return false;
    return this.#flags.has(normalize(flag));
  }
  get size() { return this.#flags.size; }
  add() { return this; }
  delete() { return false; }
  clear() {}
  forEach(callback, thisArg) {
    for (const flag of this.#flags) callback.call(thisArg, flag, flag, this);
  }
  entries() { return this.#flags.entries(); }
  keys() { return this.#flags.keys(); }
  values() { return this.#flags.values(); }
  [Symbol.iterator]() { return this.#flags.values(); }
}

function create() {
  return Object.freeze(new NodeEnvironmentFlagsSet(flags));
}

module.exports = { create };
