// Shared by the workloads of bench/realworld.py: a seeded random source, a digest of a job's
// output, the input files that come with the installed packages, and the timing loop.
//
// A workload calls `bench(job)` with a function doing the package's job once on input built
// beforehand (it may return a promise); see `bench` for its options. The job runs once as warm-up, then repeats until it has
// run REPS times or the time budget (the script's first argument, in ms) is spent, at least once.
// The script prints:
//   ms <mean time of one run, after the warm-up>
//   reps <runs timed>
//   digest <length>:<hash> of the job's output (a string; anything else through JSON.stringify)
// so that the runner can compare moat's output with node's.
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const REPS = 20;

// mulberry32: a small seeded generator, so every runtime builds the same input.
function random(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Helpers over a generator: an integer in [lo, hi], an element of a list, a word-like string.
function tools(seed) {
  const next = random(seed);
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'der', 'an', 'gel', 'por', 'tis', 'un', 'ber', 'qua'];
  const word = () => {
    let w = '';
    for (let i = int(1, 4); i > 0; i--) w += pick(syllables);
    return w;
  };
  const words = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(word());
    return out.join(' ');
  };
  return { next, int, pick, word, words };
}

// FNV-1a over the UTF-16 code units, with the length: short, and any change shows.
function digest(value) {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${s.length}:${(h >>> 0).toString(16).padStart(8, '0')}`;
}

// The folder holding the installed packages (the runner links it as node_modules in bench/realworld).
const modules = path.join(__dirname, '..', 'node_modules');

function packageFile(rel) {
  return fs.readFileSync(path.join(modules, rel), 'utf8');
}

function report(total, reps, first, last, summary) {
  const a = digest(summary ? summary(first) : first);
  const b = digest(summary ? summary(last) : last);
  console.log(`ms ${(total / reps).toFixed(3)}`);
  console.log(`reps ${reps}`);
  console.log(`digest ${a === b ? a : `varies ${a} ${b}`}`);
}

// `options.reps` caps the timed runs; `options.summary` turns the job's output into what the
// digest covers (a walk over a tree, say), outside the timed part.
function bench(job, options = {}) {
  const reps = options.reps || REPS;
  const summary = options.summary;
  const budget = Number(process.argv[2]) || 2000;
  const first = job();
  if (first && typeof first.then === 'function') {
    return (async () => {
      const warm = await first;
      let out = warm;
      let n = 0;
      const t0 = performance.now();
      let t = 0;
      do {
        out = await job();
        n++;
        t = performance.now() - t0;
      } while (n < reps && t < budget);
      report(t, n, warm, out, summary);
    })();
  }
  let out = first;
  let n = 0;
  const t0 = performance.now();
  let t = 0;
  do {
    out = job();
    n++;
    t = performance.now() - t0;
  } while (n < reps && t < budget);
  report(t, n, first, out, summary);
  return undefined;
}

module.exports = { bench, digest, random, tools, packageFile, modules };

// A parse tree's summary: every node's type and source range, in document order (fields that
// are runtime-specific, such as a parser's cached regexp objects, stay out).
function treeSummary(root) {
  const parts = [];
  const seen = new Set();
  (function visit(node) {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node.type === 'string') parts.push(`${node.type}@${node.start}-${node.end}`);
    for (const key of Object.keys(node)) {
      if (key !== 'loc' && key !== 'regex' && key !== 'value') visit(node[key]);
    }
  })(root);
  return parts.join(',');
}

module.exports.treeSummary = treeSummary;
