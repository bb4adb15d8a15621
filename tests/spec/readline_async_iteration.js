// for await (const line of rl): lines in order, the loop ends at close; leaving the loop
// early closes the interface; readline/promises' question resolves with the answer and
// rejects with an AbortError when its signal fires; util.promisify(rl.question) works.
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { PassThrough } = require('stream');
const { promisify } = require('util');

async function main() {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  // Lines that come before the iterator exists are not queued for it.
  input.write('lost\n');
  const iterator = rl[Symbol.asyncIterator]();
  console.log('same iterator', iterator === rl[Symbol.asyncIterator]());
  input.write('one\r');
  setTimeout(() => input.end('\ntwo\nthree\nfour'), 5);
  const lines = [];
  for await (const line of iterator) lines.push(line);
  console.log('all lines', JSON.stringify(lines), rl.closed);

  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2 });
  rl2.on('close', () => console.log('rl2 close event'));
  const it2 = rl2[Symbol.asyncIterator]();
  input2.write('a\nb\nc\n');
  for await (const line of it2) {
    console.log('first', line);
    break;
  }
  console.log('after break', rl2.closed);

  const input3 = new PassThrough();
  const out3 = new PassThrough();
  let written = '';
  out3.on('data', (d) => { written += d; });
  const rl3 = readlinePromises.createInterface({ input: input3, output: out3 });
  const answer = rl3.question('Your name? ');
  input3.write('Ada\n');
  console.log('answer', await answer, JSON.stringify(written));

  const ac = new AbortController();
  const pending = rl3.question('Never answered? ', { signal: ac.signal });
  ac.abort('changed my mind');
  try {
    await pending;
  } catch (err) {
    console.log(err.name, err.code, err.message, err.cause);
  }
  const aborted = new AbortController();
  aborted.abort();
  await rl3.question('x', { signal: aborted.signal }).catch((e) => console.log('pre-aborted', e.name));
  rl3.close();
  await rl3.question('closed?').catch((e) => console.log('after close', e.code, e.message));

  const input4 = new PassThrough();
  const rl4 = readline.createInterface({ input: input4 });
  const q = promisify(rl4.question).call(rl4, 'promisified? ');
  input4.write('yes\n');
  console.log('promisified', await q);
  rl4.question('callback? ', (a) => console.log('callback answer', a));
  rl4.question('ignored second question? ', (a) => console.log('second answer', a));
  input4.write('first\n');
  rl4.close();
}
main();
