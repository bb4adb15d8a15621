// repl.start over non-terminal streams: results through util.inspect, multi-line input on an
// unfinished statement, _ and _error, uncaught errors, dot-commands (.help, .break, custom
// ones), top-level await, ignoreUndefined and a custom writer, and 'exit' on .exit.
const repl = require('repl');
const { PassThrough } = require('stream');

function session(options, lines, done) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  const r = repl.start({ input, output, ...options });
  const prompts = /(?:> |\| |# )$/;
  output.on('data', (d) => {
    text += d;
    // The next line goes in once the REPL asks for it.
    if (prompts.test(text) && lines.length > 0) {
      const line = lines.shift();
      setImmediate(() => input.write(`${line}\n`));
    }
  });
  r.on('exit', () => {
    console.log(JSON.stringify(text).replace(/\\n/g, '\\n\n'));
    console.log('--- exit');
    done(r);
  });
  return r;
}

const first = session({ prompt: '> ' }, [
  '1 + 1',
  'function f() {',
  '  return 5 }',
  'f()',
  '_ * 2',
  'nope.y',
  'throw "str"',
  '_error',
  'throw new TypeError("bad")',
  '_error.message',
  'var q = 3',
  'q',
  '[1, 2, { a: 1 }]',
  "'s'",
  '{ a: 1 }',
  '',
  'undefined',
  '[1,',
  '2]',
  '(function () {',
  '.break',
  '.5 + 1',
  '.nosuch',
  '.hi there',
  'await Promise.resolve(42)',
  'const { a, b: [c] } = await Promise.resolve({ a: 1, b: [2] }); a + c',
  'a * c',
  '_ = 5',
  '1',
  '_',
  '.help',
  '.exit',
], (r) => {
  console.log('lines kept', r.lines.length > 0);
  session({ prompt: '# ', ignoreUndefined: true, writer: (v) => `<${typeof v}> ${JSON.stringify(v)}` }, [
    'undefined',
    'void 0',
    '[1, "x"]',
    '.exit',
  ], () => {});
});
first.defineCommand('hi', {
  help: 'Say hi',
  action(rest) {
    this.output.write(`hi ${rest}\n`);
    this.displayPrompt();
  },
});
