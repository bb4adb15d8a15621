'use strict';
// util.inspect of the web stream classes as Node prints them, at several depths and states.
const util = require('util');

const rs = new ReadableStream();
const reader = rs.getReader();
console.log(util.inspect(reader, { depth: 0 }));
console.log(util.inspect({ a: { b: reader } }));
console.log(util.inspect([new WritableStream()], { depth: 0 }));
console.log(util.inspect(new TransformStream(), { depth: 1 }));
console.log(new TransformStream());
console.log(new CountQueuingStrategy({ highWaterMark: 3 }), new ByteLengthQueuingStrategy({ highWaterMark: 4 }));
console.log(new TextEncoderStream(), new TextDecoderStream('utf-16le', { fatal: true }));
console.log(`${rs}`, Object.prototype.toString.call(reader));
const errored = new WritableStream({ start(c) { c.error('failed'); } });
setImmediate(() => {
  console.log(errored, errored.getWriter());
  const bytes = new ReadableStream({
    type: 'bytes',
    pull(c) {
      console.log(c.byobRequest);
      c.byobRequest.respond(1);
    },
  });
  bytes.getReader({ mode: 'byob' }).read(new Uint8Array(2)).then((v) => console.log(v));
});
