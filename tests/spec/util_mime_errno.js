'use strict';
// util.MIMEType / MIMEParams parsing and serializing, and libuv's error table.
const util = require('util');
const { MIMEType, MIMEParams } = util;
for (const s of [' Text/HTML ;Charset="utf-8"; q=0.5 ', 'text/plain;a=b;a=c', 'text/plain;charset="ut\\"f-8"',
  'a/b;x;y=;z="q" tail;w=1', 'application/vnd.x+json', 'a/b;empty=""', 'a/b;sp="a b"']) {
  const m = new MIMEType(s);
  console.log(JSON.stringify(s), String(m), m.type, m.subtype, m.essence, JSON.stringify(m), JSON.stringify([...m.params]));
}
const m = new MIMEType('text/plain;a=1');
m.type = 'Application';
m.subtype = 'JSON';
m.params.set('b', 'two words');
m.params.delete('a');
console.log(String(m), m.params.has('b'), m.params.get('b'), m.params.get('nope'), [...m.params.keys()], [...m.params.values()]);
console.log(String(new MIMEParams()), typeof MIMEParams.prototype[Symbol.iterator], Object.keys(MIMEType.prototype));
console.log(String(new MIMEType({ toString() { return 'x/y'; } })));
console.log(util.getSystemErrorName(-2), util.getSystemErrorMessage(-2), util.getSystemErrorName(-111), util.getSystemErrorName(-99999));
const map = util.getSystemErrorMap();
console.log(map instanceof Map, map.size, map.get(-13), map.get(-98), map === util.getSystemErrorMap());
console.log(util.convertProcessSignalToExitCode('SIGTERM'), util.convertProcessSignalToExitCode('SIGKILL'), util.convertProcessSignalToExitCode('SIGINT'));
console.log(JSON.stringify(util.diff('abc', 'abd')), JSON.stringify(util.diff(['a', 'b'], ['a', 'c'])), JSON.stringify(util.diff('same', 'same')));
console.log(util.toUSVString('a\ud800b'), util.stripVTControlCharacters('\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ \u001b[1mbold\u001b[22m'));
