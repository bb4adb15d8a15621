'use strict';
// Entry points other than a file run through Module.runMain: `--check`, `-e`/`-p` and stdin
// source, and `-r` preloads.

const loader = internalBinding('loader');
const fsb = internalBinding('fs');
const path = require('path');
const { Module, makeRequire, wrappedFiles } = require('internal/modules/cjs');

// `--check`: compiles the entry without running it. A file that does not compile as CommonJS
// passes when it parses as an ES module, as in Node.
function checkSyntax(mainPath) {
  const filename = Module._resolveFilename(mainPath, null, true);
  checkSource(fsb.readFileUtf8(filename), filename);
}

function checkSource(content, filename) {
  if (loader.format(filename) === 'module') {
    loader.checkModule(content, filename);
    return;
  }
  // Compiled in the CommonJS wrapper: error positions are counted without it.
  wrappedFiles.add(filename);
  try {
    loader.compileFunction(content, filename);
  } catch (err) {
    if (err instanceof SyntaxError && loader.detectModule(content)) return;
    throw err;
  }
}

// The working directory, or where the executable is when it has been removed (as Node does).
function tryGetCwd() {
  try {
    return process.cwd();
  } catch {
    return path.dirname(process.execPath);
  }
}

// Code given with -e/-p (and typed at the REPL) reaches every public built-in module by its
// name as a global: a getter that loads it on first use, and that an assignment replaces.
function addBuiltinLibsToObject(object) {
  const { builtinModules } = require('module');
  for (const name of builtinModules) {
    if (name.startsWith('_') || name.includes('/') || name.startsWith('node:')) continue;
    // These two globals already are their modules.
    if (name === 'process' || name === 'console') continue;
    const setReal = (value) => {
      delete object[name];
      object[name] = value;
    };
    Object.defineProperty(object, name, {
      get() {
        const lib = require(name);
        delete object[name];
        Object.defineProperty(object, name, { get: () => lib, set: setReal, configurable: true, enumerable: false });
        return lib;
      },
      set: setReal,
      configurable: true,
      enumerable: false,
    });
  }
}

function evalScript(source, name) {
  addBuiltinLibsToObject(globalThis);
  const cwd = tryGetCwd();
  const filename = path.join(cwd, name);
  const module = new Module(name);
  module.filename = filename;
  module.paths = Module._nodeModulePaths(cwd);
  const require = makeRequire(module);
  // Plain global properties, in the order Node 24 defines them.
  globalThis.__filename = name;
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.__dirname = '.';
  globalThis.require = require;
  return loader.evalScript(source, name);
}

function preload(request) {
  const parent = new Module('internal/preload', null);
  // Without a working directory (removed under the process) only absolute requests resolve.
  let cwd;
  try {
    cwd = process.cwd();
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  // It has no file name: a relative request resolves from the working directory.
  if (cwd !== undefined) parent.paths = Module._nodeModulePaths(cwd);
  Module._load(request, parent, false);
}

module.exports = { addBuiltinLibsToObject, checkSyntax, checkSource, evalScript, preload };
