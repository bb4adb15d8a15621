'use strict';
// node:tty — terminals. The streams are the EventEmitter-based stdio streams of
// internal/process/stdio with what a terminal adds: its size, colours, cursor control and,
// for input, raw mode.

const { codes } = require('internal/errors');
const { validateInteger } = require('internal/validators');
const stdio = require('internal/process/stdio');
const binding = internalBinding('tty');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && binding.isatty(fd);
}

// The descriptor a stream is made for: an integer, open as something a terminal stream can
// use. Like libuv, a terminal or one of the inherited standard streams.
function checkFd(fd) {
  if ((fd >> 0) !== fd || fd < 0) throw new codes.ERR_INVALID_FD(fd);
  if (!binding.isatty(fd) && fd > 2) throw ttyInitFailed('EINVAL', -22, 'invalid argument');
}

function ttyInitFailed(code, errno, description) {
  const info = { errno, code, message: description, syscall: 'uv_tty_init' };
  const err = new Error(`TTY initialization failed: uv_tty_init returned ${code} (${description})`);
  Object.defineProperty(err, 'name', { value: 'SystemError', configurable: true, writable: true });
  Object.defineProperty(err, 'code', { value: 'ERR_TTY_INIT_FAILED', enumerable: true, configurable: true, writable: true });
  for (const [k, v] of [['info', info], ['errno', errno], ['syscall', 'uv_tty_init']]) {
    Object.defineProperty(err, k, { value: v, enumerable: k === 'info', configurable: true, writable: true });
  }
  return err;
}

function errnoError(result, syscall) {
  const [code, errno] = result;
  const err = new Error(`${syscall} ${code}`);
  Object.assign(err, { errno, code, syscall });
  return err;
}

class ReadStream extends stdio.ReadStreamBase {
  constructor(fd, options) {
    checkFd(fd);
    super(fd, options);
    this.isRaw = false;
    this.isTTY = true;
  }

  setRawMode(flag) {
    flag = !!flag;
    const result = binding.setRawMode(this.fd, flag);
    if (result !== undefined) {
      this.emit('error', errnoError(result, 'setRawMode'));
      return this;
    }
    this.isRaw = flag;
    return this;
  }
}

class WriteStream extends stdio.WriteStreamBase {
  constructor(fd) {
    checkFd(fd);
    super(fd);
    this._type = 'tty';
    const size = binding.getWindowSize(fd);
    if (typeof size[0] === 'number') {
      this.columns = size[0];
      this.rows = size[1];
    }
  }

  // Reads the terminal's size again; a change is a `resize` event.
  _refreshSize() {
    const oldCols = this.columns;
    const oldRows = this.rows;
    const size = binding.getWindowSize(this.fd);
    if (typeof size[0] !== 'number') {
      this.emit('error', errnoError(size, 'getWindowSize'));
      return;
    }
    [this.columns, this.rows] = size;
    if (oldCols !== this.columns || oldRows !== this.rows) this.emit('resize');
  }

  getColorDepth(env = process.env) {
    return colorDepth(env);
  }

  hasColors(count, env) {
    if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    } else {
      validateInteger(count, 'count', 2);
    }
    return count <= 2 ** colorDepth(env);
  }

  cursorTo(x, y, callback) { return cursorTo(this, x, y, callback); }
  moveCursor(dx, dy, callback) { return moveCursor(this, dx, dy, callback); }
  clearLine(dir, callback) { return clearLine(this, dir, callback); }
  clearScreenDown(callback) { return clearScreenDown(this, callback); }
  getWindowSize() { return [this.columns, this.rows]; }
}
Object.defineProperty(WriteStream.prototype, 'isTTY', { value: true, writable: true, enumerable: true, configurable: true });

// Colour depth in bits: 1 (2 colours), 4 (16), 8 (256) or 24 (16 million), from the
// environment the way Node reads it.
const DEPTH_2 = 1, DEPTH_16 = 4, DEPTH_256 = 8, DEPTH_16M = 24;

// Terminals known by their exact TERM (lower-cased), and the patterns of TERM values that
// have 16 colours.
const TERMS = {
  eterm: DEPTH_16, cons25: DEPTH_16, console: DEPTH_16, cygwin: DEPTH_16, dtterm: DEPTH_16, gnome: DEPTH_16,
  hurd: DEPTH_16, jfbterm: DEPTH_16, konsole: DEPTH_16, kterm: DEPTH_16, mlterm: DEPTH_16, mosh: DEPTH_16M,
  putty: DEPTH_16, st: DEPTH_16, 'rxvt-unicode-24bit': DEPTH_16M, terminator: DEPTH_16M, 'xterm-kitty': DEPTH_16M,
};
const TERM_PATTERNS = [/ansi/, /color/, /linux/, /direct/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/, /^vt220/];
// Continuous-integration services known for their colours, by the variable each sets.
const CI_TRUE_COLOUR = ['GITHUB_ACTIONS', 'GITEA_ACTIONS', 'CIRCLECI'];
const CI_256 = ['APPVEYOR', 'BUILDKITE', 'DRONE', 'GITLAB_CI', 'TRAVIS'];

let warnedIgnoredColours = false;

function colorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        warnIgnoredColours(env);
        return DEPTH_16;
      case '2':
        warnIgnoredColours(env);
        return DEPTH_256;
      case '3':
        warnIgnoredColours(env);
        return DEPTH_16M;
      default:
        return DEPTH_2;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') return DEPTH_2;
  if (env.TMUX) return DEPTH_16M;
  if ('CI' in env) {
    if (CI_TRUE_COLOUR.some((name) => name in env)) return DEPTH_16M;
    if (CI_256.some((name) => name in env) || env.CI_NAME === 'codeship') return DEPTH_256;
    return DEPTH_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? DEPTH_16 : DEPTH_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return DEPTH_256;
      return DEPTH_16M;
    case 'HyperTerm':
    case 'MacTerm':
      return DEPTH_16M;
    case 'Apple_Terminal':
      return DEPTH_256;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return DEPTH_16M;
  if (env.TERM) {
    if (/truecolor/.test(env.TERM)) return DEPTH_16M;
    if (/^xterm-256/.test(env.TERM)) return DEPTH_256;
    const term = env.TERM.toLowerCase();
    if (TERMS[term]) return TERMS[term];
    if (TERM_PATTERNS.some((re) => re.test(term))) return DEPTH_16;
  }
  if (env.COLORTERM) return DEPTH_16;
  return DEPTH_2;
}

function warnIgnoredColours(env) {
  if (warnedIgnoredColours) return;
  const ignored = env.NODE_DISABLE_COLORS !== undefined ? 'NODE_DISABLE_COLORS' : env.NO_COLOR !== undefined ? 'NO_COLOR' : undefined;
  if (ignored === undefined) return;
  warnedIgnoredColours = true;
  process.emitWarning(`The '${ignored}' env is ignored due to the 'FORCE_COLOR' env being set.`);
}

// Cursor control: ANSI escape sequences (CSI = ESC [) written to the stream, as readline's
// functions of the same names write them.
const CSI = '\x1b[';

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new codes.ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new codes.ERR_INVALID_ARG_VALUE('y', y);
  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw new codes.ERR_INVALID_CURSOR_POS();
  const data = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (stream == null || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return stream.write(data, callback);
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  const type = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return stream.write(type, callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined && typeof callback !== 'function') throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(`${CSI}0J`, callback);
}

module.exports = { isatty, ReadStream, WriteStream };
