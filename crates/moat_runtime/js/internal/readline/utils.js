'use strict';
// Shared by readline and the REPL: the terminal key decoder behind 'keypress' events, and the
// UTF-16 helpers the line editor moves by.

const ESC = '\x1b';
const CSI = '\x1b[';

// Widths in UTF-16 units of the character starting at, or ending just before, index i.
function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if ((i > 1 && str.codePointAt(i - 2) >= 0x10000) || str.codePointAt(i - 1) >= 0x10000) return 2;
  return 1;
}

// Key names of escape sequences, by their code: the bytes after ESC with modifier parameters
// removed. A name with a suffix of '+shift' or '+ctrl' says the terminal encodes that modifier
// in the sequence itself (rxvt).
const KEY_NAMES = {
  // xterm and gnome function keys; rxvt's F1-F4; the Linux console's F1-F5
  OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4',
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  // cursor keys and the editing block
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end', '[H': 'home',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OE: 'clear', OF: 'end', OH: 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup', '[6~': 'pagedown',
  '[[5~': 'pageup', '[[6~': 'pagedown', '[7~': 'home', '[8~': 'end',
  // rxvt with shift
  '[a': 'up+shift', '[b': 'down+shift', '[c': 'right+shift', '[d': 'left+shift', '[e': 'clear+shift',
  '[2$': 'insert+shift', '[3$': 'delete+shift', '[5$': 'pageup+shift', '[6$': 'pagedown+shift',
  '[7$': 'home+shift', '[8$': 'end+shift',
  // rxvt with ctrl
  Oa: 'up+ctrl', Ob: 'down+ctrl', Oc: 'right+ctrl', Od: 'left+ctrl', Oe: 'clear+ctrl',
  '[2^': 'insert+ctrl', '[3^': 'delete+ctrl', '[5^': 'pageup+ctrl', '[6^': 'pagedown+ctrl',
  '[7^': 'home+ctrl', '[8^': 'end+ctrl',
  // back-tab; bracketed paste
  '[Z': 'tab+shift',
  '[200~': 'paste-start', '[201~': 'paste-end',
};

const isDigit = (ch) => ch >= '0' && ch <= '9';

// The parameters and final byte of a CSI sequence, split into the key's code and its modifier
// (xterm's "1 + bits" parameter: 1 shift, 2 alt, 4 ctrl, 8 meta).
function splitCsi(params) {
  let m = /^(\d{1,2})(?:;(\d))?([~^$])$/.exec(params);
  if (m !== null) return { code: m[1] + m[3], modifier: (m[2] === undefined ? 1 : +m[2]) - 1 };
  if (/^\d{3}~$/.test(params)) return { code: params, modifier: 0 };
  m = /^(?:(?:\d;)?(\d))?([A-Za-z])$/.exec(params);
  if (m !== null) return { code: m[2], modifier: (m[1] === undefined ? 1 : +m[1]) - 1 };
  return { code: params, modifier: 0 };
}

// A coroutine fed one character at a time (an empty string when an escape sequence timed
// out); it calls `emit(sequence, key)` for each complete key. Node's key objects: sequence,
// name, ctrl, meta, shift, and code for escape sequences.
function* keyDecoder(emit) {
  for (;;) {
    let ch = yield;
    let s = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === ESC) {
      escaped = true;
      s += (ch = yield);
      if (ch === ESC) s += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        // SS3: an optional modifier digit, then the key's letter.
        s += (ch = yield);
        if (isDigit(ch)) {
          modifier = ch.charCodeAt(0) - 49;
          s += (ch = yield);
        }
        code += ch;
      } else {
        s += (ch = yield);
        if (ch === '[') {
          // The Linux console's ESC [ [ X.
          code += ch;
          s += (ch = yield);
        }
        const start = s.length - 1;
        // Up to three digits, then an optional ';' and modifier digit, then the final byte.
        for (let n = 0; n < 3 && isDigit(ch); n++) s += (ch = yield);
        if (ch === ';') {
          s += (ch = yield);
          if (isDigit(ch)) s += yield;
        }
        const parts = splitCsi(s.slice(start));
        code += parts.code;
        modifier = parts.modifier;
      }
      key.ctrl = (modifier & 4) !== 0;
      key.meta = (modifier & 10) !== 0;
      key.shift = (modifier & 1) !== 0;
      key.code = code;
      const named = KEY_NAMES[code];
      if (named === undefined) {
        key.name = 'undefined';
      } else {
        const plus = named.indexOf('+');
        if (plus === -1) {
          key.name = named;
        } else {
          key.name = named.slice(0, plus);
          if (named.endsWith('shift')) key.shift = true;
          else key.ctrl = true;
        }
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === ESC) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      // Ctrl-@ .. Ctrl-Z arrive as the codes 0 to 26.
      key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = ch >= 'A' && ch <= 'Z';
      key.meta = escaped;
    } else if (escaped) {
      // ESC and a character without a name is that character with meta; ESC that timed out
      // is the escape key.
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = s;
    if (s.length !== 0 && (key.name !== undefined || escaped)) {
      emit(escaped ? undefined : s, key);
    } else if (charLengthAt(s, 0) === s.length) {
      emit(s, key);
    }
  }
}

// The longest prefix all the strings share.
function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = [...strings].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

module.exports = { ESC, CSI, charLengthAt, charLengthLeft, keyDecoder, commonPrefix };
