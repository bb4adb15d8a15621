'use strict';
// navigator and its class, Navigator (not constructible from JS). navigator.locks (the Web Locks
// API) is not implemented.

const kCreate = Symbol('kCreate');

// Reading a getter off anything but navigator fails as V8's private-field read does in Node.
function brandError(field) {
  return new TypeError(`Cannot read private member #${field} from an object whose class did not declare it`);
}

// The default locale as a BCP 47 tag, from the POSIX locale variables as ICU reads them
// ('de_DE.UTF-8' -> 'de-DE'); 'en-US' when none is set or it is C/POSIX.
function defaultLocale() {
  let raw;
  try {
    const env = process.env;
    raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  } catch {
    raw = undefined;
  }
  if (!raw) return 'en-US';
  let [base, modifier] = raw.split('@');
  base = base.split('.')[0];
  if (base === '' || base === 'C' || base === 'POSIX') return 'en-US';
  const parts = base.split(/[_-]/).filter((p) => p !== '');
  if (parts.length === 0 || !/^[A-Za-z]{2,8}$/.test(parts[0])) return 'en-US';
  const tag = [parts[0].toLowerCase()];
  for (const p of parts.slice(1)) {
    if (/^[A-Za-z]{2}$|^[0-9]{3}$/.test(p)) tag.push(p.toUpperCase());
    else if (/^[A-Za-z]{4}$/.test(p)) tag.push(p[0].toUpperCase() + p.slice(1).toLowerCase());
    else tag.push(p.toLowerCase());
  }
  if (modifier) {
    const m = modifier.toLowerCase();
    // A modifier that is a valid BCP 47 variant stays one; any other becomes private use.
    if (/^[a-z0-9]{5,8}$|^[0-9][a-z0-9]{3}$/.test(m)) tag.push(m);
    else if (/^[a-z0-9]{1,8}$/.test(m)) tag.push('x', 'lvariant', m);
  }
  return tag.join('-');
}

function platformName() {
  const { platform, arch } = process;
  if (platform === 'darwin') return 'MacIntel';
  if (platform === 'win32') return 'Win32';
  const cpu = { x64: 'x86_64', ia32: 'i686', arm64: 'aarch64' }[arch] || arch;
  const os = platform === 'linux' ? 'Linux' : platform.charAt(0).toUpperCase() + platform.slice(1);
  return `${os} ${cpu}`;
}

let isNavigator;
class Navigator {
  #cpus; #languages; #userAgent; #platform;
  static {
    isNavigator = (v) => v !== null && typeof v === 'object' && #languages in v;
  }
  constructor(key = undefined) {
    if (key !== kCreate) {
      const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
  }
  get hardwareConcurrency() {
    if (!isNavigator(this)) throw brandError('availableParallelism');
    if (this.#cpus === undefined) this.#cpus = internalBinding('os').cpuCount();
    return this.#cpus;
  }
  get language() {
    if (!isNavigator(this)) throw brandError('languages');
    return defaultLocale();
  }
  get languages() {
    if (!isNavigator(this)) throw brandError('languages');
    if (this.#languages === undefined) this.#languages = Object.freeze([this.language]);
    return this.#languages;
  }
  get userAgent() {
    if (!isNavigator(this)) throw brandError('userAgent');
    if (this.#userAgent === undefined) this.#userAgent = `Node.js/${process.version.slice(1).split('.')[0]}`;
    return this.#userAgent;
  }
  get platform() {
    if (!isNavigator(this)) throw brandError('platform');
    if (this.#platform === undefined) this.#platform = platformName();
    return this.#platform;
  }
}
for (const name of ['hardwareConcurrency', 'language', 'languages', 'userAgent', 'platform']) {
  const d = Object.getOwnPropertyDescriptor(Navigator.prototype, name);
  d.enumerable = true;
  Object.defineProperty(Navigator.prototype, name, d);
}

let navigator;
module.exports = {
  Navigator,
  get navigator() {
    if (navigator === undefined) navigator = new Navigator(kCreate);
    return navigator;
  },
};
