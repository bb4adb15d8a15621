'use strict';
// Where CommonJS meets ES modules: require() of an ES module (Node 24's require(esm)), the error
// when that is turned off, and the warning for a typeless package's ES module.

const loader = internalBinding('loader');
const fsb = internalBinding('fs');
const path = require('path');

// Node's warning when a `.js` file in a package.json scope without "type" is an ES module;
// not for installed packages (under node_modules), which their users cannot change.
const warnedTypeless = new Set();
function warnTypelessPackage(filename) {
  if (filename.split(path.sep).includes('node_modules')) return;
  const pjson = loader.typelessPackageJson(filename);
  if (pjson === undefined || pjson === null || warnedTypeless.has(filename)) return;
  warnedTypeless.add(filename);
  const url = require('internal/url').pathToFileURL(filename).href;
  process.emitWarning(
    `Module type of ${url} is not specified and it doesn't parse as CommonJS.\n` +
    'Reparsing as ES module because module syntax was detected. This incurs a performance overhead.\n' +
    `To eliminate this warning, add "type": "module" to ${pjson}.`,
    { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

// With require(esm) turned off, Node's error advises by case: a `.js` file made an ES module
// by its package.json may have been meant as CommonJS, unless its syntax says otherwise.
function requireEsmError(filename, parent) {
  const from = parent && parent.filename ? parent.filename : undefined;
  const pjson = path.extname(filename) === '.js' ? loader.moduleTypePackageJson(filename) : undefined;
  let how = '';
  if (pjson) {
    const shown = from && path.basename(from) === path.basename(filename) ? filename : path.basename(filename);
    let esmSyntax = false;
    try { esmSyntax = loader.isEsmSyntax(fsb.readFileUtf8(filename)); } catch {}
    how = esmSyntax ?
      `\nInstead change the require of ${shown} in ${from} to a dynamic import() which is available in all CommonJS modules.` :
      `\n${shown} is treated as an ES module file as it is a .js file whose nearest parent package.json ` +
        'contains "type": "module" which declares all .js files in that package scope as ES modules.' +
        `\nInstead either rename ${shown} to end in .cjs, change the requiring code to use dynamic import() which is ` +
        'available in all CommonJS modules, or change "type": "module" to "type": "commonjs" in ' +
        `${pjson} to treat all .js files as CommonJS (using .mjs for all ES modules instead).\n`;
  } else if (filename.endsWith('.mjs')) {
    how = `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
  }
  const { codes: { ERR_REQUIRE_ESM } } = require('internal/errors');
  return new ERR_REQUIRE_ESM(filename, from, how);
}

// --trace-require-module=all|no-node-modules: an ExperimentalWarning for the first require() of
// an ES module (with no-node-modules, the first from outside node_modules), its stack starting
// at the `require` call.
let tracedRequireModule = false;
function traceRequireModule(parentFilename, filename, requireMethod) {
  if (tracedRequireModule) return;
  const which = require('internal/options').flagValues('--trace-require-module').pop();
  if (which === undefined || parentFilename === null) return;
  if (which === 'no-node-modules' && /[\\/]node_modules[\\/]/.test(parentFilename)) return;
  const warning = new Error(`CommonJS module ${parentFilename} is loading ES Module ${filename} using require().\n` +
    'Support for loading ES Module in require() is an experimental feature and might change at any time');
  warning.name = 'ExperimentalWarning';
  Error.captureStackTrace(warning, requireMethod);
  tracedRequireModule = true;
  process.emitWarning(warning);
}

// require() of an ES module (Node 24's require(esm)).
function loadEsm(module, filename, parentFilename) {
  let ns = loader.requireModule(filename, parentFilename);
  // A module that exports `module.exports` under that name gives it as the CommonJS value.
  if (ns && Object.prototype.hasOwnProperty.call(ns, 'module.exports')) {
    module.exports = ns['module.exports'];
    return;
  }
  // One with a default export comes marked `__esModule`, so that code from transpilers finds
  // the default where it looks for it: the namespace of a module that re-exports it all and
  // adds the mark (still a module namespace object, as in Node).
  // (A module a load hook made up, with no file, is given as it is.)
  if ('default' in ns && !('__esModule' in ns) && filename.startsWith('/')) {
    const url = JSON.stringify(require('internal/url').pathToFileURL(filename).href);
    const facade = `export * from ${url}; export { default } from ${url}; export const __esModule = true;`;
    ns = loader.requireModule(`data:text/javascript,${encodeURIComponent(facade)}`, filename);
  }
  module.exports = ns;
}

module.exports = { warnTypelessPackage, requireEsmError, loadEsm, traceRequireModule };
