'use strict';
// navigator: what Node 24 exposes.
class Navigator {
  get hardwareConcurrency() { return internalBinding('os').cpuCount(); }
  get language() { return 'en-US'; }
  get languages() { return ['en-US']; }
  get platform() { return `${process.platform === 'linux' ? 'Linux' : process.platform} ${process.arch === 'x64' ? 'x86_64' : process.arch}`; }
  get userAgent() { return `Node.js/${process.version.slice(1).split('.')[0]}`; }
}
module.exports = { navigator: new Navigator(), Navigator };
