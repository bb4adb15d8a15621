'use strict';
// navigator and its class, Navigator (not constructible from JS). navigator.locks (the Web Locks
// API) is not implemented.

const kCreate = Symbol('kCreate');

// Reading a getter off anything but navigator fails as V8's private-field read does in Node.
function brandError(field) {
  return new TypeError(`Cannot read private member #${field} from an object whose class did not declare it`);
}

const { defaultLocale } = require('internal/intl');

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
