'use strict';
// node:test — a runner for test(), describe()/it() with hooks, subtests, skip/todo/only,
// reporting in the spec style; mocking of functions and properties (internal/test/mock). run(),
// snapshots and the mocking of timers and modules are not implemented yet.

const { inspect } = require('internal/util/inspect');
const { thrower } = require('internal/errors');
const timers = internalBinding('timers');

function parseArgs(name, options, fn) {
  if (typeof name === 'function') { fn = name; options = {}; name = fn.name || '<anonymous>'; }
  else if (typeof options === 'function') { fn = options; options = {}; }
  if (options === undefined || options === null) options = {};
  if (name === undefined) name = fn && fn.name ? fn.name : '<anonymous>';
  return { name: `${name}`, options, fn: fn || (() => {}) };
}

let mockModuleCache;
const mockModule = () => (mockModuleCache ??= require('internal/test/mock'));

const stats = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };
const startTime = timers.now();

function write(depth, line) { process.stdout.write(`${'  '.repeat(depth)}${line}\n`); }

class Suite {
  constructor(name, options, fn, parent) {
    this.name = name;
    this.options = options;
    this.fn = fn;
    this.parent = parent;
    this.children = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.depth = parent ? parent.depth + 1 : -1;
  }
  allBeforeEach() { return this.parent ? [...this.parent.allBeforeEach(), ...this.hooks.beforeEach] : this.hooks.beforeEach; }
  allAfterEach() { return this.parent ? [...this.hooks.afterEach, ...this.parent.allAfterEach()] : this.hooks.afterEach; }
}

class TestContext {
  constructor(test) { this._test = test; this.signal = new AbortController().signal; }
  get name() { return this._test.name; }
  get fullName() { return this._test.name; }
  skip(message) { this._test.skip = message ?? true; }
  todo(message) { this._test.todo = message ?? true; }
  diagnostic(message) { this._test.diagnostics.push(`${message}`); }
  plan(count) { this._test.plan = count; }
  get assert() { return require('assert'); }
  // This test's own tracker: what it mocked is restored when the test ends.
  get mock() {
    if (this._test.mock === undefined) this._test.mock = new (mockModule().MockTracker)();
    return this._test.mock;
  }
  runOnly() {}
  before(fn) { this._test.suite.hooks.before.push(fn); }
  after(fn) { this._test.afterHooks.push(fn); }
  beforeEach(fn) { this._test.suite.hooks.beforeEach.push(fn); }
  afterEach(fn) { this._test.suite.hooks.afterEach.push(fn); }
  test(name, options, fn) {
    const a = parseArgs(name, options, fn);
    const sub = { ...a, subtests: true };
    this._test.subtests.push(sub);
    return runTestEntry(sub, this._test.suite, this._test.depth + 1);
  }
}

function callWithDone(fn, thisArg, ctx) {
  if (fn.length >= 2) {
    return new Promise((resolve, reject) => {
      try {
        const r = fn.call(thisArg, ctx, (err) => (err ? reject(err) : resolve()));
        if (r && typeof r.then === 'function') r.then(undefined, reject);
      } catch (e) { reject(e); }
    });
  }
  return fn.call(thisArg, ctx);
}

async function runHooks(list, ctx) {
  for (const h of list) await callWithDone(h, undefined, ctx);
}

function reportFailure(depth, err) {
  const text = err instanceof Error ? inspect(err) : inspect(err);
  for (const line of text.split('\n')) write(depth + 2, line);
}

async function runTestEntry(entry, suite, depth) {
  const { name, options } = entry;
  const start = timers.now();
  const test = { name, suite, depth, skip: options.skip, todo: options.todo, diagnostics: [], subtests: [], afterHooks: [] };
  stats.tests++;
  if (test.skip) {
    stats.skipped++;
    write(depth, `﹣ ${name} (${(timers.now() - start).toFixed(6)}ms) # SKIP`);
    return;
  }
  const ctx = new TestContext(test);
  let error;
  try {
    await runHooks(suite.allBeforeEach(), ctx);
    await callWithDone(entry.fn, ctx, ctx);
    await runHooks(test.afterHooks, ctx);
    await runHooks(suite.allAfterEach(), ctx);
  } catch (e) {
    error = e;
  }
  if (test.mock !== undefined) test.mock.reset();
  const ms = (timers.now() - start).toFixed(6);
  if (test.skip) { stats.skipped++; write(depth, `﹣ ${name} (${ms}ms) # SKIP`); return; }
  if (error === undefined) {
    if (test.todo) stats.todo++; else stats.pass++;
    write(depth, `✔ ${name} (${ms}ms)${test.todo ? ' # TODO' : ''}`);
  } else if (test.todo) {
    stats.todo++;
    write(depth, `✖ ${name} (${ms}ms) # TODO`);
  } else {
    stats.fail++;
    process.exitCode = 1;
    write(depth, `✖ ${name} (${ms}ms)`);
    reportFailure(depth, error);
  }
  for (const d of test.diagnostics) write(depth + 1, `ℹ ${d}`);
}

async function runSuite(suite) {
  const start = timers.now();
  let failed = false;
  const ctx = new TestContext({ name: suite.name, suite, depth: suite.depth, diagnostics: [], subtests: [], afterHooks: [] });
  if (suite.depth >= 0) write(suite.depth, `▶ ${suite.name}`);
  try {
    await runHooks(suite.hooks.before, ctx);
    for (const child of suite.children) {
      if (child instanceof Suite) {
        const before = stats.fail;
        await runSuite(child);
        if (stats.fail > before) failed = true;
      } else {
        const before = stats.fail;
        await runTestEntry(child, suite, suite.depth + 1);
        if (stats.fail > before) failed = true;
      }
    }
    await runHooks(suite.hooks.after, ctx);
  } catch (e) {
    failed = true;
    stats.fail++;
    process.exitCode = 1;
    reportFailure(suite.depth, e);
  }
  if (suite.depth >= 0) {
    stats.suites++;
    write(suite.depth, `${failed ? '✖' : '✔'} ${suite.name} (${(timers.now() - start).toFixed(6)}ms)`);
  }
}

const root = new Suite('<root>', {}, null, null);
let current = root;
let scheduled = false;

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setImmediate(async () => {
    await runSuite(root);
    const ms = (timers.now() - startTime).toFixed(6);
    write(0, `ℹ tests ${stats.tests}`);
    write(0, `ℹ suites ${stats.suites}`);
    write(0, `ℹ pass ${stats.pass}`);
    write(0, `ℹ fail ${stats.fail}`);
    write(0, `ℹ cancelled ${stats.cancelled}`);
    write(0, `ℹ skipped ${stats.skipped}`);
    write(0, `ℹ todo ${stats.todo}`);
    write(0, `ℹ duration_ms ${ms}`);
  });
}

function test(name, options, fn) {
  const a = parseArgs(name, options, fn);
  current.children.push(a);
  schedule();
  return Promise.resolve();
}

function describe(name, options, fn) {
  const a = parseArgs(name, options, fn);
  const suite = new Suite(a.name, a.options, a.fn, current);
  current.children.push(suite);
  if (!a.options.skip) {
    const saved = current;
    current = suite;
    try { a.fn.call(suite); } finally { current = saved; }
  }
  schedule();
  return Promise.resolve();
}

function hook(kind) {
  return (fn) => { current.hooks[kind].push(fn); };
}

const skipVariant = (fn) => (name, options, f) => {
  const a = parseArgs(name, options, f);
  return fn(a.name, { ...a.options, skip: true }, a.fn);
};
const todoVariant = (fn) => (name, options, f) => {
  const a = parseArgs(name, options, f);
  return fn(a.name, { ...a.options, todo: true }, a.fn);
};

test.test = test;
test.it = test;
test.describe = describe;
test.suite = describe;
test.before = hook('before');
test.after = hook('after');
test.beforeEach = hook('beforeEach');
test.afterEach = hook('afterEach');
test.skip = skipVariant(test);
test.todo = todoVariant(test);
test.only = test;
describe.skip = skipVariant(describe);
describe.todo = todoVariant(describe);
describe.only = describe;
let mockTracker;
Object.defineProperty(test, 'mock', {
  configurable: true,
  enumerable: true,
  get() { return (mockTracker ??= new (mockModule().MockTracker)()); },
});
test.run = thrower('test.run');
test.snapshot = new Proxy({}, { get(_, key) { return thrower(`test.snapshot.${String(key)}`); } });

module.exports = test;
