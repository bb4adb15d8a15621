// readline.cursorTo/moveCursor/clearLine/clearScreenDown write Node's ANSI sequences and
// return what write returns; without a stream (or with nothing to do) the callback runs on
// the next tick. readline/promises' Readline queues sequences until commit().
const readline = require('readline');
const { Readline } = require('readline/promises');
const { EventEmitter } = require('events');

class FakeOutput extends EventEmitter {
  constructor(result = true) { super(); this.result = result; this.written = []; this.writable = true; }
  write(data, cb) {
    this.written.push(data);
    if (typeof cb === 'function') process.nextTick(cb);
    return this.result;
  }
}

const out = new FakeOutput();
const results = [
  readline.cursorTo(out, 3),
  readline.cursorTo(out, 3, 7),
  readline.cursorTo(out, 0, 0),
  readline.cursorTo(out, 'a', 'b'),
  readline.moveCursor(out, 2, 0),
  readline.moveCursor(out, -2, 0),
  readline.moveCursor(out, 0, 4),
  readline.moveCursor(out, 0, -4),
  readline.moveCursor(out, -1, 1),
  readline.moveCursor(out, 0, 0),
  readline.clearLine(out, -1),
  readline.clearLine(out, 1),
  readline.clearLine(out, 0),
  readline.clearLine(out),
  readline.clearScreenDown(out),
];
console.log(JSON.stringify(out.written), results.join());
console.log(readline.cursorTo(new FakeOutput(false), 1), readline.clearScreenDown(new FakeOutput(false)));

const order = [];
readline.cursorTo(null, 1, () => order.push('cursorTo null'));
readline.cursorTo(out, 1, () => order.push('cursorTo written'));
readline.cursorTo(out, 1, 2, () => order.push('cursorTo xy written'));
readline.moveCursor(undefined, 1, 1, () => order.push('moveCursor null'));
readline.moveCursor(out, 0, 0, () => order.push('moveCursor nothing'));
readline.clearLine(null, 0, () => order.push('clearLine null'));
readline.clearScreenDown(null, () => order.push('clearScreenDown null'));
order.push('sync');
process.nextTick(() => order.push('tick'));
setTimeout(() => console.log(order.join(' | ')), 10);

for (const f of [
  () => readline.cursorTo(out, NaN),
  () => readline.cursorTo(out, 1, NaN),
  () => readline.cursorTo(out, undefined, 1),
  () => readline.cursorTo(out, 1, 1, 'x'),
  () => readline.moveCursor(out, 1, 1, 'x'),
  () => readline.clearLine(out, 0, {}),
  () => readline.clearScreenDown(out, 1),
]) {
  try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code, e.message); }
}

(async () => {
  const o = new FakeOutput();
  const rl = new Readline(o);
  console.log(rl.cursorTo(1) === rl, rl.cursorTo(2, 3) === rl);
  rl.moveCursor(1, -1).moveCursor(0, 0).clearLine(-1).clearLine(0).clearLine(1).clearScreenDown();
  console.log('before commit', JSON.stringify(o.written));
  await rl.commit();
  console.log('after commit', JSON.stringify(o.written));
  rl.cursorTo(5).rollback();
  await rl.commit();
  console.log('after rollback', JSON.stringify(o.written));

  const auto = new FakeOutput();
  const ra = new Readline(auto, { autoCommit: true });
  ra.cursorTo(0).clearLine(0);
  console.log('autoCommit sync', JSON.stringify(auto.written));
  await new Promise((r) => process.nextTick(r));
  console.log('autoCommit tick', JSON.stringify(auto.written));

  for (const f of [
    () => new Readline({}),
    () => new Readline(Object.assign(new FakeOutput(), { writable: false })),
    () => new Readline(o, { autoCommit: 1 }),
    () => rl.cursorTo(1.5),
    () => rl.cursorTo('1'),
    () => rl.cursorTo(1, '2'),
    () => rl.moveCursor(1, 'x'),
    () => rl.clearLine(2),
    () => rl.clearLine(),
  ]) {
    try { f(); console.log('no error'); } catch (e) { console.log(e.name, e.code); }
  }
})();
