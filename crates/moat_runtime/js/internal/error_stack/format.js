'use strict';
// The default `err.stack` in V8's shape, engine messages in V8's words, and the CallSite methods
// QuickJS-ng lacks (see internal/error_stack, which loads this with the first error).

const { wrappedFiles, moduleWrappers } = require('internal/error_stack');

let wrapperWidth;
function columnOf(site) {
  return site.getColumnNumber();
}

function location(site) {
  const file = site.getFileName();
  if (!file) return site.isNative() ? 'native' : '<anonymous>';
  const line = site.getLineNumber();
  const col = columnOf(site);
  return line > 0 ? `${file}:${line}:${col}` : file;
}


function callSiteToString() {
  let name = this.getFunctionName();
  if (!name && typeof this.getFunction === 'function' && moduleWrappers.has(this.getFunction())) {
    name = 'Object.<anonymous>';
  }
  const loc = location(this);
  if (name && name !== '<anonymous>') return `${this.isConstructor() ? 'new ' : ''}${name} (${loc})`;
  if (this.isNative()) return `<anonymous> (${loc})`;
  return loc;
}

function headerOf(err) {
  try {
    if (err === null || typeof err !== 'object') return String(err);
    const name = err.name === undefined ? 'Error' : String(err.name);
    const message = err.message === undefined ? '' : String(err.message);
    if (name === '') return message;
    if (message === '') return name;
    return `${name}: ${message}`;
  } catch {
    return '<error>';
  }
}

// Node 24 shows its default formatter as `Error.prepareStackTrace` until code replaces it.
function ErrorPrepareStackTrace(err, sites) {
  let out = headerOf(err);
  const sourceMaps = require('internal/source_map/cache');
  const mapped = sourceMaps.isEnabled();
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i];
    if (site.isNative() && (site.getFunctionName() === 'call' || site.getFunctionName() === 'apply')) continue;
    const original = mapped ? originalFrame(sourceMaps, site, sites[i + 1]) : undefined;
    out += `\n    at ${original ?? callSiteToString.call(site)}`;
    if (isTickDispatch(site)) break;
  }
  return out;
}

// The frame that runs nextTick callbacks is the bottom of their stack, as in Node: what calls it
// is moat's event loop, written in JavaScript, where Node's is native and shows no frames.
function isTickDispatch(site) {
  return site.getFunctionName() === 'process.processTicksAndRejections' && site.getFileName() === 'node:internal/loop';
}

// With source maps on: the frame at its original source's position, or undefined when its
// file has no map. The function keeps its name unless the map names the caller's call.
function originalFrame(sourceMaps, site, caller) {
  const file = site.getFileName();
  if (!file) return undefined;
  const map = sourceMaps.findSourceMap(file);
  if (map === undefined) return undefined;
  const line = site.getLineNumber();
  const column = columnOf(site);
  const entry = map.findEntry(line - 1, column - 1);
  if (entry.originalSource === undefined) return undefined;
  let name = site.getFunctionName();
  if (!name && moduleWrappers.has(site.getFunction?.())) name = 'Object.<anonymous>';
  if (caller && caller.getFileName() === file) {
    const callerEntry = map.findEntry(caller.getLineNumber() - 1, columnOf(caller) - 1);
    if (callerEntry.name) name = callerEntry.name;
  }
  let source = entry.originalSource;
  if (source.startsWith('file:')) {
    try {
      source = require('internal/url').fileURLToPath(source);
    } catch {
      // Kept as the URL.
    }
  }
  const loc = `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  return name && name !== '<anonymous>' ? `${site.isConstructor() ? 'new ' : ''}${name} (${loc})` : loc;
}

// QuickJS words some TypeErrors differently from V8; npm code and tests match V8's words.
const engineMessages = [
  [/^cannot read property '(.*)' of (null|undefined)$/, (m) => `Cannot read properties of ${m[2]} (reading '${m[1]}')`],
  [/^cannot set property '(.*)' of (null|undefined)$/, (m) => `Cannot set properties of ${m[2]} (setting '${m[1]}')`],
];

// In an ES module, the names CommonJS provides are not defined; Node says so.
const cjsOnlyName = /^(require|module|exports|__filename|__dirname) is not defined$/;
function explainCjsOnlyName(err, sites) {
  const m = cjsOnlyName.exec(err.message);
  if (!m || sites.length === 0) return;
  const file = sites[0].getFileName();
  const loader = internalBinding('loader');
  if (!file || !loader.isEsModule(file)) return;
  let message = `${m[1]} is not defined in ES module scope`;
  if (m[1] === 'require') message += ', you can use import instead';
  const pkg = file.endsWith('.js') ? loader.moduleTypePackageJson(file) : undefined;
  if (pkg) {
    message += '\nThis file is being treated as an ES module because it has a \'.js\' file extension and ' +
      `'${pkg}' contains "type": "module". To treat it as a CommonJS script, rename it to use the '.cjs' file extension.`;
  }
  err.message = message;
}

// A missing export, in V8's words: the importer's specifier rather than the module's name.
// For a CommonJS module Node also shows how to import it whole, rewriting the importer's
// one-line `import { … }` statement when there is one.
const missingExport = /^Could not find export '(.*)' in module '(.*)'$/s;
function explainMissingExport(err) {
  const m = missingExport.exec(err.message);
  if (!m) return;
  const found = internalBinding('loader').importedAs(m[2]);
  if (!found) return;
  const [specifier, format, importer] = found;
  const name = m[1];
  err.message = format === 'commonjs' ?
    `Named export '${name}' not found. The requested module '${specifier}' is a CommonJS module, ` +
      'which may not support all module.exports as named exports.\nCommonJS modules can always be ' +
      `imported via the default export, for example using:\n\nimport pkg from '${specifier}';\n` +
      destructuringExample(importer, specifier) :
    `The requested module '${specifier}' does not provide an export named '${name}'`;
}

function destructuringExample(importer, specifier) {
  let text;
  try { text = internalBinding('fs').readFileUtf8(importer); } catch { return ''; }
  for (const line of text.split('\n')) {
    const m = /^\s*import\s*\{([^}]*)\}\s*from\s*(['"])(.*)\2/.exec(line);
    if (m && m[3] === specifier) {
      const names = m[1].split(',').map((n) => n.trim()).filter(Boolean).map((n) => n.replace(/\s+as\s+/, ': '));
      return `const { ${names.join(', ')} } = pkg;\n`;
    }
  }
  return '';
}

// QuickJS's parser words its errors its own way; V8's words name the token it stopped at.
const reservedWords = new Set(('await break case catch class const continue debugger default delete do else enum ' +
  'export extends false finally for function if import in instanceof new null return super switch this throw true ' +
  'try typeof var void while with yield').split(' '));
function unexpected(token) {
  if (token === '') return 'Unexpected end of input';
  if (/^[A-Za-z_$][\w$]*$/.test(token)) {
    return reservedWords.has(token) ? `Unexpected token '${token}'` : `Unexpected identifier '${token}'`;
  }
  if (/^[0-9.]/.test(token) && token !== '.' && token !== '...') return 'Unexpected number';
  if (/^['"]/.test(token)) return 'Unexpected string';
  if (token[0] === '`') return 'Unexpected template string';
  return `Unexpected token '${token}'`;
}
// The source line of a call site, read from its file.
function lineAt(site) {
  const file = site && site.getFileName();
  if (!file || file[0] !== '/') return undefined;
  let text;
  try { text = internalBinding('fs').readFileUtf8(file); } catch { return undefined; }
  return text.split('\n')[site.getLineNumber() - 1];
}
// The token at a call site's position.
function tokenAt(site) {
  const line = lineAt(site);
  if (line === undefined) return undefined;
  const rest = line.slice(site.getColumnNumber() - 1);
  const m = /^(?:[A-Za-z_$][\w$]*|[0-9][\w.]*|'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|`[^`]*`?|\.\.\.|[^\s])/.exec(rest);
  return m ? m[0] : '';
}
const syntaxMessages = [
  [/^expecting ';'$/, (m, sites) => {
    const token = tokenAt(sites[0]);
    return token === undefined ? undefined : unexpected(token);
  }],
  [/^unsupported keyword: (\w+)$/, (m) => `Unexpected token '${m[1]}'`],
  [/^unexpected token in expression: '(.*)'$/s, (m) => unexpected(m[1])],
  [/^(?:unexpected end of string|invalid number literal)$/, () => 'Invalid or unexpected token'],
  [/^return not in a function$/, () => 'Illegal return statement'],
  [/^function name expected$/, () => 'Function statements require a function name'],
  [/^import\.meta only valid in module code$/, () => "Cannot use 'import.meta' outside a module"],
  [/^invalid keyword: with$/, () => 'Strict mode code may not include a with statement'],
  [/^'let' is not a valid lexical identifier$/, () => 'let is disallowed as a lexically bound name'],
];
function explainSyntaxError(err, sites) {
  // An import statement where a script was expected: V8 says so, whatever token it met.
  if (sites.length > 0 && wrappedFiles.has(sites[0].getFileName())) {
    const line = lineAt(sites[0]);
    if (line !== undefined && /^\s*import\s*[\w${*'"]/.test(line)) {
      err.message = 'Cannot use import statement outside a module';
      return;
    }
  }
  for (const [re, to] of syntaxMessages) {
    const m = re.exec(err.message);
    if (m) {
      const message = to(m, sites);
      if (message !== undefined) err.message = message;
      return;
    }
  }
}

function translateEngineMessage(err, sites) {
  if (typeof err.message !== 'string') return;
  if (err instanceof ReferenceError) {
    explainCjsOnlyName(err, sites);
    return;
  }
  if (err instanceof SyntaxError) {
    explainMissingExport(err);
    explainSyntaxError(err, sites);
    return;
  }
  if (!(err instanceof TypeError)) return;
  for (const [re, to] of engineMessages) {
    const m = re.exec(err.message);
    if (m) {
      err.message = to(m);
      return;
    }
  }
}

function completeCallSite(proto) {
  const add = (name, fn) => {
    if (!Object.prototype.hasOwnProperty.call(proto, name)) {
      Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    }
  };
  add('getTypeName', function getTypeName() { return null; });
  add('getMethodName', function getMethodName() { return null; });
  add('getThis', function getThis() { return undefined; });
  add('isEval', function isEval() { return false; });
  add('isToplevel', function isToplevel() { return !this.getFunctionName(); });
  add('isAsync', function isAsync() { return false; });
  add('isPromiseAll', function isPromiseAll() { return false; });
  add('getPromiseIndex', function getPromiseIndex() { return null; });
  add('getEvalOrigin', function getEvalOrigin() { return undefined; });
  add('getScriptNameOrSourceURL', function getScriptNameOrSourceURL() { return this.getFileName(); });
  add('getScriptHash', function getScriptHash() { return ''; });
  add('getEnclosingColumnNumber', function getEnclosingColumnNumber() { return this.getColumnNumber(); });
  add('getEnclosingLineNumber', function getEnclosingLineNumber() { return this.getLineNumber(); });
  add('getPosition', function getPosition() { return 0; });
  add('toString', callSiteToString);
  const nativeColumn = proto.getColumnNumber;
  Object.defineProperty(proto, 'getColumnNumber', {
    value: function getColumnNumber() {
      const col = nativeColumn.call(this);
      if (this.getLineNumber() === 1 && wrappedFiles.has(this.getFileName())) {
        wrapperWidth ??= internalBinding('loader').wrapperHeadLength;
        // A position inside the wrapper's head is the start of the code (a call QuickJS places
        // just before it).
        return col > wrapperWidth ? col - wrapperWidth : 1;
      }
      return col;
    },
    writable: true,
    configurable: true,
  });
}

// For an engine error raised with no JavaScript running (so never given a stack), such as a
// failed link of the entry module: puts its message in Node's words.
function explainStacklessError(err) {
  if (err instanceof Error && !Object.prototype.hasOwnProperty.call(err, 'stack')) translateEngineMessage(err, []);
}

module.exports = { ErrorPrepareStackTrace, translateEngineMessage, completeCallSite, explainStacklessError };
