'use strict';
// WebAssembly's JS API on modules assembled byte by byte here: validate, compile, instantiate,
// calls from JS into wasm and back, memories and their buffers, globals, tables, traps, and the
// errors of each step.

// ---- a tiny assembler ----
const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, FUNCREF = 0x70, EXTERNREF = 0x6f;
function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}
function sleb(n) {
  const out = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) { out.push(b); return out; }
    out.push(b | 0x80);
  }
}
const str = (s) => { const b = [...Buffer.from(s)]; return [...uleb(b.length), ...b]; };
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
function module({ types = [], imports = [], funcs = [], tables = [], memories = [], globals = [], exports = [], start, elems = [], codes = [], custom = [] }) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (types.length) bytes.push(...section(1, vec(types.map(([p, r]) => [0x60, ...vec(p), ...vec(r)]))));
  if (imports.length) bytes.push(...section(2, vec(imports.map(([m, n, desc]) => [...str(m), ...str(n), ...desc]))));
  if (funcs.length) bytes.push(...section(3, vec(funcs.map((t) => uleb(t)))));
  if (tables.length) bytes.push(...section(4, vec(tables)));
  if (memories.length) bytes.push(...section(5, vec(memories)));
  if (globals.length) bytes.push(...section(6, vec(globals)));
  if (exports.length) bytes.push(...section(7, vec(exports.map(([n, kind, i]) => [...str(n), kind, ...uleb(i)]))));
  if (start !== undefined) bytes.push(...section(8, uleb(start)));
  if (elems.length) bytes.push(...section(9, vec(elems)));
  if (codes.length) bytes.push(...section(10, vec(codes.map((body) => { const f = [0x00, ...body, 0x0b]; return [...uleb(f.length), ...f]; }))));
  for (const [name, data] of custom) bytes.push(...section(0, [...str(name), ...data]));
  return new Uint8Array(bytes);
}
const FUNC = 0, TABLE = 1, MEM = 2, GLOBAL = 3;

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.constructor.name, e.name, e.message);
  }
}

// ---- the namespace ----
console.log(Object.prototype.toString.call(WebAssembly), Object.keys(WebAssembly));
console.log(['Module', 'Instance', 'Memory', 'Table', 'Global', 'CompileError', 'LinkError', 'RuntimeError']
  .map((k) => `${k}:${typeof WebAssembly[k]}:${Object.getOwnPropertyDescriptor(WebAssembly, k).enumerable}`).join());
console.log(Object.getPrototypeOf(WebAssembly.CompileError) === Error, new WebAssembly.LinkError('x').name);

// ---- add(a, b), exported; an import called back; a start function ----
const adder = module({
  types: [[[I32, I32], [I32]], [[I32], []], [[], []]],
  imports: [['env', 'log', [0x00, 1]]],
  funcs: [0, 2],
  exports: [['add', 0x00, 1], ['init', 0x00, 2]],
  start: 2,
  codes: [
    [0x20, 0, 0x20, 1, 0x6a],            // local.get 0; local.get 1; i32.add
    [0x41, ...sleb(7), 0x10, 0],         // i32.const 7; call $log
  ],
});
console.log('valid', WebAssembly.validate(adder), WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0])));
const m = new WebAssembly.Module(adder);
console.log(WebAssembly.Module.imports(m), WebAssembly.Module.exports(m));
const logged = [];
const inst = new WebAssembly.Instance(m, { env: { log: (x) => logged.push(x) } });
console.log('start ran', logged);
const { add } = inst.exports;
console.log(Object.getPrototypeOf(inst.exports), Object.isFrozen(inst.exports), typeof add, add.length, add.name);
console.log(add(2, 3), add(2 ** 31, 1), add('4', { valueOf: () => 5 }), add(1.9, -0.5), add());
show('bigint arg', () => add(1n, 2));
try { new add(1, 2); } catch (err) { console.log('construct', err.name); }
console.log('identity', inst.exports.add === inst.exports.add, Object.prototype.toString.call(inst));

// ---- errors of compile and instantiate ----
try {
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1]));
} catch (err) {
  console.log('bad bytes', err.name, err instanceof WebAssembly.CompileError, err.message.startsWith('WebAssembly.Module(): '));
}
show('not a buffer', () => new WebAssembly.Module(42));
show('no new', () => WebAssembly.Module(adder));
show('no imports', () => new WebAssembly.Instance(m));
show('no module', () => new WebAssembly.Instance(m, {}));
show('not callable', () => new WebAssembly.Instance(m, { env: { log: 1 } }));

// ---- i64 as BigInt, f32, multi-value, wasm calling wasm through an import ----
const numeric = module({
  types: [[[I64, I64], [I64]], [[F32], [F32]], [[I32], [I32, I64]]],
  funcs: [0, 1, 2],
  exports: [['add64', 0x00, 0], ['half', 0x00, 1], ['pair', 0x00, 2]],
  codes: [
    [0x20, 0, 0x20, 1, 0x7c],                                   // i64.add
    [0x20, 0, 0x43, 0, 0, 0, 0x3f, 0x94],                       // f32.const 0.5; f32.mul
    [0x20, 0, 0x42, ...sleb(-1)],                               // local.get 0; i64.const -1
  ],
});
const num = new WebAssembly.Instance(new WebAssembly.Module(numeric)).exports;
console.log(num.add64(2n ** 63n - 1n, 1n), num.add64(5n, '6'), num.half(3), num.half(0.1), num.pair(9));
show('number for i64', () => num.add64(1, 2n));

// ---- memory: exported, written from JS, grown from wasm, buffers detached on growth ----
const memMod = module({
  types: [[[I32], [I32]], [[I32, I32], []]],
  funcs: [0, 1, 0],
  memories: [[0x01, 1, 3]],
  exports: [['mem', MEM, 0], ['load', FUNC, 0], ['store', FUNC, 1], ['grow', FUNC, 2]],
  codes: [
    [0x20, 0, 0x28, 2, 0],                 // i32.load
    [0x20, 0, 0x20, 1, 0x36, 2, 0],        // i32.store
    [0x20, 0, 0x40, 0x00],                 // memory.grow
  ],
});
const mi = new WebAssembly.Instance(new WebAssembly.Module(memMod)).exports;
const before = mi.mem.buffer;
console.log(mi.mem instanceof WebAssembly.Memory, before.byteLength, before === mi.mem.buffer);
new DataView(before).setInt32(8, 0x01020304, true);
mi.store(12, -1);
console.log(mi.load(8).toString(16), new Int32Array(before)[3]);
console.log('grow from wasm', mi.grow(1), before.byteLength, mi.mem.buffer.byteLength, new DataView(mi.mem.buffer).getInt32(8, true).toString(16));
console.log('grow from JS', mi.mem.grow(1), mi.mem.buffer.byteLength);
show('grow past maximum', () => mi.mem.grow(1));
console.log('grow fails in wasm', mi.grow(1));
show('out of bounds', () => mi.load(3 * 65536));
const own = new WebAssembly.Memory({ initial: 1, maximum: 4 });
console.log(String(own), own.buffer.byteLength, own.grow(2), own.buffer.byteLength);
show('memory without initial', () => new WebAssembly.Memory({}));
show('memory max below initial', () => new WebAssembly.Memory({ initial: 2, maximum: 1 }));

// ---- an imported memory is the same object in exports ----
const importsMem = module({
  imports: [['env', 'memory', [0x02, 0x00, 1]]],
  exports: [['memory', MEM, 0]],
});
const shared = new WebAssembly.Memory({ initial: 1 });
const re = new WebAssembly.Instance(new WebAssembly.Module(importsMem), { env: { memory: shared } });
console.log('same memory', re.exports.memory === shared);
show('memory import of wrong kind', () => new WebAssembly.Instance(new WebAssembly.Module(importsMem), { env: { memory: {} } }));

// ---- globals: imported, exported, mutable, i64 ----
const globalsMod = module({
  types: [[[], [I32]], [[I32], []]],
  imports: [['env', 'base', [0x03, I32, 0x00]], ['env', 'counter', [0x03, I32, 0x01]]],
  funcs: [0, 1],
  globals: [[I64, 0x01, 0x42, ...sleb(-5), 0x0b]],
  exports: [['get', FUNC, 0], ['set', FUNC, 1], ['wide', GLOBAL, 2], ['counter', GLOBAL, 1]],
  codes: [
    [0x23, 0, 0x23, 1, 0x6a],  // global.get 0 + global.get 1
    [0x20, 0, 0x24, 1],        // global.set 1
  ],
});
const counter = new WebAssembly.Global({ value: 'i32', mutable: true }, 10);
const gi = new WebAssembly.Instance(new WebAssembly.Module(globalsMod), { env: { base: 100, counter } }).exports;
console.log(gi.get(), (counter.value = 20, gi.get()), (gi.set(1), counter.value), gi.counter === counter);
console.log(gi.wide.value, (gi.wide.value = 2n ** 64n + 3n, gi.wide.value), gi.wide.valueOf(), String(gi.wide));
const fixed = new WebAssembly.Global({ value: 'f64' }, 1.5);
show('immutable set', () => { fixed.value = 2; });
show('bad value type', () => new WebAssembly.Global({ value: 'i8' }));
show('mutable import from a number', () => new WebAssembly.Instance(new WebAssembly.Module(globalsMod), { env: { base: 1, counter: 2 } }));
console.log(new WebAssembly.Global({ value: 'i64' }).value, new WebAssembly.Global({ value: 'externref' }, 'kept').value);

// ---- tables: funcref from wasm, call_indirect, externref ----
const tableMod = module({
  types: [[[], [I32]], [[I32], [I32]]],
  funcs: [0, 0, 1],
  tables: [[FUNCREF, 0x00, 2]],
  exports: [['table', TABLE, 0], ['one', FUNC, 0], ['two', FUNC, 1], ['call', FUNC, 2]],
  elems: [[0x00, 0x41, 0, 0x0b, ...vec([[0], [1]])]],
  codes: [
    [0x41, 1],
    [0x41, 2],
    [0x20, 0, 0x11, 0, 0],   // call_indirect (type 0) table 0
  ],
});
const ti = new WebAssembly.Instance(new WebAssembly.Module(tableMod)).exports;
console.log(ti.table.length, ti.table.get(0) === ti.one, ti.table.get(1)(), ti.call(0), ti.call(1));
ti.table.set(0, ti.two);
console.log(ti.call(0), ti.table.grow(1), ti.table.length, ti.table.get(2));
show('call null entry', () => ti.call(2));
show('call past the end', () => ti.call(9));
show('table get past end', () => ti.table.get(5));
show('table set a JS function', () => ti.table.set(0, () => 1));
const refs = new WebAssembly.Table({ element: 'externref', initial: 1 });
const obj = { o: 1 };
refs.set(0, obj);
console.log(refs.get(0) === obj, refs.grow(1, 'x'), refs.get(1));

// ---- traps and exceptions through wasm ----
const trapMod = module({
  types: [[[], []], [[I32, I32], [I32]]],
  imports: [['env', 'cb', [0x00, 0]]],
  funcs: [0, 1, 0],
  exports: [['crash', FUNC, 1], ['div', FUNC, 2], ['callback', FUNC, 3]],
  codes: [
    [0x00],                          // unreachable
    [0x20, 0, 0x20, 1, 0x6d],        // i32.div_s
    [0x10, 0],                       // call $cb
  ],
});
const thrown = new Error('from JS');
const tr = new WebAssembly.Instance(new WebAssembly.Module(trapMod), { env: { cb: () => { throw thrown; } } }).exports;
show('unreachable', () => tr.crash());
show('divide by zero', () => tr.div(1, 0));
show('overflow', () => tr.div(-(2 ** 31), -1));
try { tr.callback(); } catch (e) { console.log('JS exception passes through wasm', e === thrown); }
const e = (() => { try { tr.crash(); } catch (err) { return err; } })();
console.log(e instanceof WebAssembly.RuntimeError, e instanceof Error, e.stack.split('\n')[0]);

// ---- custom sections ----
const withCustom = module({ custom: [['meta', [1, 2, 3]], ['meta', [4]], ['other', []]] });
const cm = new WebAssembly.Module(withCustom);
console.log(WebAssembly.Module.customSections(cm, 'meta').map((b) => [...new Uint8Array(b)]), WebAssembly.Module.customSections(cm, 'none'));

// ---- the promise forms ----
(async () => {
  const { module: pm, instance: pi } = await WebAssembly.instantiate(numeric);
  console.log('instantiate(bytes)', pm instanceof WebAssembly.Module, pi.exports.half(5));
  const again = await WebAssembly.instantiate(pm);
  console.log('instantiate(module)', again instanceof WebAssembly.Instance);
  console.log('compile', (await WebAssembly.compile(adder.buffer)) instanceof WebAssembly.Module);
  await WebAssembly.compile(new Uint8Array([1, 2, 3])).catch((err) => console.log('compile rejects', err.name));
  await WebAssembly.instantiate(adder).catch((err) => console.log('instantiate rejects', err.name, err.message));
  await WebAssembly.compileStreaming(42).catch((err) => console.log('compileStreaming rejects', err.code));
  const response = new Response(numeric, { headers: { 'Content-Type': 'application/wasm' } });
  const streamed = await WebAssembly.instantiateStreaming(response);
  console.log('instantiateStreaming', streamed.instance.exports.add64(1n, 2n));
  const wrongType = new Response(numeric, { headers: { 'Content-Type': 'text/plain' } });
  await WebAssembly.compileStreaming(wrongType).catch((err) => console.log(err.code, err.message));
})();

// ---- a memory's buffer cannot be transferred away from it ----
show('transfer', () => mi.mem.buffer.transfer());
console.log('still attached', mi.mem.buffer.byteLength);
