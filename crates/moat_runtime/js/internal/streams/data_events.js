'use strict';
// An async iterator over an emitter's 'data' events until 'end' — what moat's stdio and child
// process streams offer for `for await` until the stream module lands.

function dataEventIterator(emitter) {
  const chunks = [];
  let done = false;
  let wake;
  emitter.on('data', (c) => { chunks.push(c); if (wake) wake(); });
  emitter.once('end', () => { done = true; if (wake) wake(); });
  return {
    async next() {
      while (chunks.length === 0 && !done) await new Promise((r) => { wake = r; });
      return chunks.length > 0 ? { value: chunks.shift(), done: false } : { value: undefined, done: true };
    },
    async return() { return { value: undefined, done: true }; },
    [Symbol.asyncIterator]() { return this; },
  };
}

module.exports = { dataEventIterator };
