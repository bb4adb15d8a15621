// new Console(...): Node's errors for bad streams and options; groupIndentation, inspectOptions
// and the stdout-only form (stderr falls back to stdout); count, assert, table and the label
// warnings; every console, the global one included, is an instance of Console.
const { Console } = require('console');
const EventEmitter = require('events');
const out = [];
const err = [];
const stream = (sink) => Object.assign(new EventEmitter(), { write(s) { sink.push(s); return true; } });
const so = stream(out);
const se = stream(err);
const t = (label, f) => {
  try { f(); console.log(label, 'ok'); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('no args', () => new Console());
t('empty options', () => new Console({}));
t('bad stderr', () => new Console(so, {}));
t('bad stderr option', () => new Console({ stdout: so, stderr: {} }));
t('colorMode', () => new Console({ stdout: so, colorMode: 'x' }));
t('colors with colorMode', () => new Console({ stdout: so, colorMode: true, inspectOptions: { colors: false } }));
t('inspectOptions', () => new Console({ stdout: so, inspectOptions: 1 }));
t('groupIndentation range', () => new Console({ stdout: so, groupIndentation: 1001 }));
t('groupIndentation type', () => new Console({ stdout: so, groupIndentation: 'x' }));
const c = new Console({ stdout: so, stderr: se, groupIndentation: 4, inspectOptions: { depth: 0 } });
c.log({ a: { b: 1 } });
c.group('g');
c.log('in\nside');
c.groupEnd();
c.info('x %d', 5);
c.dir({ a: { b: { c: 1 } } }, { depth: 5 });
c.count();
c.count();
c.count('x');
c.countReset();
c.count();
c.assert(false, 'a %s', 'b');
c.assert(false);
c.assert(false, { x: 1 });
c.assert(true, 'not shown');
c.table([{ a: 1, b: 'x' }, { a: 2 }]);
c.table(5);
c.dirxml({ a: 1 }, [1]);
c.warn('w');
new Console(so).error('stderr defaults to stdout');
console.log(JSON.stringify(out));
console.log(JSON.stringify(err));
console.log(console instanceof Console, c instanceof Console, {} instanceof Console);
console.log(Object.keys(c).sort().join());
process.on('warning', (w) => console.log('warning:', w.message));
c.countReset('nope');
c.time();
c.time();
c.timeEnd('nope');
c.timeLog('nope');
