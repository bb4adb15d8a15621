'use strict';
// readline.emitKeypressEvents: makes a readable emit 'keypress' (sequence, key) for what
// arrives as 'data', while something listens for 'keypress'.

const { charLengthAt, keyDecoder, ESC } = require('internal/readline/utils');

const kDecoders = Symbol('keypress decoders');
const kSawKeyPress = Symbol.for('moat.readline.sawKeyPress');
const ESCAPE_CODE_TIMEOUT = 500;

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kDecoders] !== undefined) return;
  const { StringDecoder } = require('string_decoder');
  const text = new StringDecoder('utf8');
  let keys;
  const restart = () => {
    keys = keyDecoder((sequence, key) => stream.emit('keypress', sequence, key));
    keys.next();
  };
  restart();
  stream[kDecoders] = { text, get keys() { return keys; } };

  let escapeTimer;
  // A lone ESC at the end of a chunk is the escape key unless more follows soon.
  const escapeTimedOut = () => keys.next('');

  function onData(chunk) {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens any more: stop decoding until someone does again.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const string = text.write(chunk);
    if (!string) return;
    clearTimeout(escapeTimer);
    // A key that came alone is typed; several in one chunk are a paste, where tab completes
    // only as the chunk's last character.
    iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
    iface.isCompletionEnabled = false;
    let length = 0;
    for (const ch of string) {
      length += ch.length;
      if (length === string.length) iface.isCompletionEnabled = true;
      try {
        keys.next(ch);
        if (length === string.length && ch === ESC) {
          escapeTimer = setTimeout(escapeTimedOut, iface.escapeCodeTimeout ?? ESCAPE_CODE_TIMEOUT);
        }
      } catch (err) {
        // A throwing listener leaves the decoder finished: start a fresh one.
        restart();
        throw err;
      }
    }
  }

  function onNewListener(event) {
    if (event !== 'keypress') return;
    stream.on('data', onData);
    stream.removeListener('newListener', onNewListener);
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { emitKeypressEvents, kSawKeyPress };
