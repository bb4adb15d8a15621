'use strict';
// node:console — the global console writes to process.stdout / process.stderr.

const { codes } = require('internal/errors');

// util.inspect loads when a value needs it: printing strings does not.
const inspect = (value, options) => require('internal/util/inspect').inspect(value, options);

// Methods are defined in an object literal, so they are not constructors (as in Node).
function defineMethod(methods) {
  for (const name of Object.keys(methods)) {
    Object.defineProperty(Console.prototype, name, { value: methods[name], writable: true, enumerable: true, configurable: true });
  }
}

const kCounts = Symbol('counts');
const kGroupIndent = Symbol('groupIndent');
const kGroupIndentWidth = Symbol('groupIndentWidth');

const kIsConsole = Symbol('kIsConsole');
const kIgnoreErrors = Symbol('kIgnoreErrors');

function Console(options, stderr, ignoreErrors) {
  if (!new.target) return new Console(options, stderr, ignoreErrors);
  initConsole(this, options, stderr, ignoreErrors);
}
// Every console is one, the global console included (it is not built by the constructor).
Object.defineProperty(Console, Symbol.hasInstance, {
  value: (instance) => instance !== null && typeof instance === 'object' && instance[kIsConsole] === true,
});

function initConsole(self, options, stderr, ignoreErrors = true) {
  let stdout = options;
  let colorMode = 'auto';
  let colorModeGiven = false;
  let inspectOptions;
  let groupIndentation = 2;
  if (options && typeof options.write !== 'function') {
    colorModeGiven = options.colorMode !== undefined;
    ({ stdout, stderr = stdout, colorMode = 'auto', inspectOptions, groupIndentation = 2, ignoreErrors = true } = options);
  } else if (stderr === undefined) {
    stderr = stdout;
  }
  for (const [name, stream] of [['stdout', stdout], ['stderr', stderr]]) {
    if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function') {
      throw new codes.ERR_CONSOLE_WRITABLE_STREAM(name);
    }
  }
  const { validateInteger, validateOneOf, validateObject } = require('internal/validators');
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (inspectOptions !== undefined) {
    // One set of options for both streams, or a Map from each stream to its own.
    const sets = inspectOptions instanceof Map ? [...inspectOptions.values()] : [inspectOptions];
    if (!(inspectOptions instanceof Map)) validateObject(inspectOptions, 'options.inspectOptions');
    for (const set of sets) {
      if (set && set.colors !== undefined && colorModeGiven) {
        throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
      }
    }
  }
  validateInteger(groupIndentation, 'groupIndentation', 0, 1000);
  const that = self;
  Object.defineProperty(that, '_stdout', { value: stdout, writable: true });
  Object.defineProperty(that, '_stderr', { value: stderr, writable: true });
  Object.defineProperty(that, kCounts, { value: new Map() });
  Object.defineProperty(that, kIsConsole, { value: true });
  // Node exposes the label table as `_times`, and tests read it.
  Object.defineProperty(that, '_times', { value: new Map(), writable: true });
  Object.defineProperty(that, kGroupIndent, { value: '', writable: true });
  Object.defineProperty(that, '_colorMode', { value: colorMode });
  Object.defineProperty(that, '_inspectOptions', { value: inspectOptions });
  Object.defineProperty(that, kGroupIndentWidth, { value: groupIndentation });
  Object.defineProperty(that, kIgnoreErrors, { value: !!ignoreErrors });
  for (const key of Object.keys(Console.prototype)) {
    // From the instance, so that a subclass's own methods are the ones bound (the global
    // console has Console's).
    const method = typeof that[key] === 'function' ? that[key] : Console.prototype[key];
    that[key] = method.bind(self);
    Object.defineProperty(that[key], 'name', { value: key });
  }
}

function useColors(console, stream) {
  if (console._colorMode !== 'auto') return console._colorMode;
  return !!(stream && stream.isTTY && (typeof stream.getColorDepth !== 'function' || stream.getColorDepth() > 2));
}

function formatFor(console, stream, args) {
  // Strings alone, with no format specifiers to apply, are joined as they are.
  if (args.every((a) => typeof a === 'string') && (args.length < 2 || !args[0].includes('%'))) return args.join(' ');
  const given = console._inspectOptions instanceof Map ? console._inspectOptions.get(stream) : console._inspectOptions;
  const opts = given ? { ...given } : {};
  if (opts.colors === undefined) opts.colors = useColors(console, stream);
  return require('internal/util/inspect').formatWithOptions(opts, ...args);
}

function write(console, stream, string) {
  const indent = console[kGroupIndent];
  if (indent.length !== 0) {
    if (string.includes('\n')) string = string.replace(/\n/g, `\n${indent}`);
    string = indent + string;
  }
  string += '\n';
  if (console[kIgnoreErrors] === false) {
    stream.write(string);
    return;
  }
  // A console is for diagnostics: by default a failing stream does not make the program fail,
  // whether the write throws, calls back with an error or emits one.
  const listens = typeof stream.listenerCount === 'function';
  let added = false;
  try {
    if (listens && stream.listenerCount('error') === 0) {
      stream.once('error', noop);
      added = true;
    }
    stream.write(string, listens ? laterErrorHandler(stream) : undefined);
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) throw err;
  } finally {
    if (added) stream.removeListener('error', noop);
  }
}
function noop() {}
// A write that failed may still emit 'error' after the write call has returned. One handler
// per stream, so that a stream can tell its write callbacks are the same one.
const laterErrorHandlers = new WeakMap();
function laterErrorHandler(stream) {
  let handler = laterErrorHandlers.get(stream);
  if (handler === undefined) {
    handler = (err) => {
      if (err === null || err === undefined) return;
      const state = stream._writableState;
      if (state && state.errorEmitted) return;
      if (stream.listenerCount('error') === 0) stream.once('error', noop);
    };
    laterErrorHandlers.set(stream, handler);
  }
  return handler;
}

// The `console.<method>` diagnostics channels see the arguments before they are formatted
// (a subscriber may change them). Only a program that loaded diagnostics_channel can have
// subscribed.
function publish(name, args) {
  if (!require.isLoaded('diagnostics_channel')) return;
  const ch = require('diagnostics_channel').channel(`console.${name}`);
  if (ch.hasSubscribers) ch.publish(args);
}

defineMethod({
  log(...args) {
    publish('log', args);
    write(this, this._stdout, formatFor(this, this._stdout, args));
  },
  info(...args) {
    publish('info', args);
    write(this, this._stdout, formatFor(this, this._stdout, args));
  },
  debug(...args) {
    publish('debug', args);
    write(this, this._stdout, formatFor(this, this._stdout, args));
  },
  warn(...args) {
    publish('warn', args);
    write(this, this._stderr, formatFor(this, this._stderr, args));
  },
  error(...args) {
    publish('error', args);
    write(this, this._stderr, formatFor(this, this._stderr, args));
  },
});
defineMethod({ dir(object, options) {
  write(this, this._stdout, inspect(object, { customInspect: false, ...(this._inspectOptions instanceof Map ? this._inspectOptions.get(this._stdout) : this._inspectOptions), ...options, colors: options && options.colors !== undefined ? options.colors : useColors(this, this._stdout) }));
} });
Console.prototype.dirxml = Console.prototype.log;
defineMethod({ trace(...args) {
  const err = { name: 'Trace', message: formatFor(this, this._stderr, args) };
  Error.captureStackTrace(err, Console.prototype.trace);
  this.error(err.stack);
} });
defineMethod({ assert(expression, ...args) {
  if (!expression) {
    if (args.length > 0 && typeof args[0] === 'string') args[0] = `Assertion failed: ${args[0]}`;
    else args.unshift('Assertion failed');
    this.warn(...args);
  }
} });
defineMethod({ clear() {
  if (this._stdout.isTTY && process.env.TERM !== 'dumb') this._stdout.write('\u001b[1;1H\u001b[0J');
} });
defineMethod({ count(label = 'default') {
  label = `${label}`;
  const counts = this[kCounts];
  let c = counts.get(label);
  c = c === undefined ? 1 : c + 1;
  counts.set(label, c);
  this.log(`${label}: ${c}`);
} });
defineMethod({ countReset(label = 'default') {
  label = `${label}`;
  if (!this[kCounts].has(label)) {
    process.emitWarning(`Count for '${label}' does not exist`);
    return;
  }
  this[kCounts].delete(label);
} });
defineMethod({ group(...data) {
  if (data.length > 0) this.log(...data);
  this[kGroupIndent] += ' '.repeat(this[kGroupIndentWidth]);
} });
Console.prototype.groupCollapsed = Console.prototype.group;
defineMethod({ groupEnd() {
  this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentWidth]);
} });

// A duration as Node prints it: `12.345ms`, `1.500s`, then `m:ss.mmm` and `h:mm:ss.mmm`, the
// seconds rounded to milliseconds first.
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [whole, millis] = seconds.toFixed(3).split('.');
    const pad = (n) => String(n).padStart(2, '0');
    const lead = hours !== 0 ? `${hours}:${pad(minutes)}` : `${minutes}`;
    return `${lead}:${pad(whole)}.${millis} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}
defineMethod({ time(label = 'default') {
  label = `${label}`;
  if (this._times.has(label)) {
    process.emitWarning(`Label '${label}' already exists for console.time()`);
    return;
  }
  this._times.set(label, internalBinding('timers').now());
} });
defineMethod({ timeEnd(label = 'default') {
  label = `${label}`;
  const start = this._times.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.timeEnd()`);
    return;
  }
  this._times.delete(label);
  this.log(`${label}: ${formatTime(internalBinding('timers').now() - start)}`);
} });
defineMethod({ timeLog(label = 'default', ...data) {
  label = `${label}`;
  const start = this._times.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.timeLog()`);
    return;
  }
  this.log(`${label}: ${formatTime(internalBinding('timers').now() - start)}`, ...data);
} });
defineMethod({ table(data, properties) {
  if (properties !== undefined && !Array.isArray(properties)) {
    const { codes: { ERR_INVALID_ARG_TYPE: E } } = require('internal/errors');
    throw new E('properties', 'Array', properties);
  }
  if (data === null || typeof data !== 'object') return this.log(data);
  // An object cell with more than two keys shows as [Object]; arrays show three items.
  const cellDepth = (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0);
  const renderCell = (v) => (v === undefined ? '' : typeof v === 'string' ? `'${v}'` :
    inspect(v, { depth: cellDepth(v), maxArrayLength: 3, breakLength: Infinity }));
  const indexKey = '(index)';
  const valuesKey = 'Values';
  const rows = [];
  const columns = [];
  // A Map or Set iterator is shown by what it would yield, without consuming it.
  const preview = require('internal/util/iterator_kinds').preview(data);
  const isMap = data instanceof Map || (preview !== undefined && preview[0]);
  const isSet = data instanceof Set || (preview !== undefined && !preview[0]);
  const items = preview !== undefined ? preview[1] : (isMap || isSet ? [...data] : undefined);
  let hasValues = isMap || isSet;
  const entries = isMap ? items.map(([k, v], i) => [i, v, k]) : isSet ? items.map((v, i) => [i, v]) : Object.keys(data).map((k) => [k, data[k]]);
  for (const [key, value, mapKey] of entries) {
    const row = Object.create(null);
    row[indexKey] = String(key);
    if (isMap) row.Key = renderCell(mapKey);
    if (value !== null && typeof value === 'object' && !isMap) {
      for (const col of Object.keys(value)) {
        if (properties && !properties.includes(col)) continue;
        if (!columns.includes(col)) columns.push(col);
        row[col] = renderCell(value[col]);
      }
    } else {
      hasValues = true;
      row[valuesKey] = value === undefined ? 'undefined' : renderCell(value);
    }
    rows.push(row);
  }
  const header = [isMap || isSet ? '(iteration index)' : indexKey, ...(isMap ? ['Key'] : []), ...(properties || columns), ...(hasValues && !properties ? [valuesKey] : [])];
  const keyOf = (h) => (h === '(iteration index)' ? indexKey : h);
  const { getStringWidth } = require('internal/util/inspect');
  const widths = header.map((h) => Math.max(getStringWidth(h), ...rows.map((r) => getStringWidth(String(r[keyOf(h)] ?? '')))) + 2);
  const pad = (s, w) => ` ${s}${' '.repeat(w - getStringWidth(s) - 1)}`;
  const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w)).join(m) + r;
  const out = [line('┌', '┬', '┐'), `│${header.map((h, i) => pad(h, widths[i])).join('│')}│`, line('├', '┼', '┤')];
  for (const r of rows) out.push(`│${header.map((h, i) => pad(String(r[keyOf(h)] ?? ''), widths[i])).join('│')}│`);
  out.push(line('└', '┴', '┘'));
  this.log(out.join('\n'));
} });

const globalConsole = Object.create({});
// The global console writes through process.stdout and process.stderr once the program may
// have seen them, and straight to the descriptors before (it need not build `process` for that).
const current = require('internal/process/current');
function stdioWriter(name, fd) {
  return {
    write(s) {
      const p = current.peek();
      const stream = p === undefined ? undefined : require('internal/process/object').streamInUse(p, name);
      if (stream === undefined) internalBinding('process').writeStdio(fd, s.toWellFormed());
      else stream.write(s);
      return true;
    },
    get isTTY() { return process[name].isTTY; },
  };
}
const stdio = { stdout: stdioWriter('stdout', 1), stderr: stdioWriter('stderr', 2) };
initConsole(globalConsole, { stdout: stdio.stdout, stderr: stdio.stderr });
globalConsole.Console = Console;
Object.defineProperty(globalConsole, Symbol.toStringTag, { value: 'console', writable: false, enumerable: false, configurable: true });

module.exports = globalConsole;
