// Times a workload inside the process. `fn(n)` does n units of work (operations, or 64 KB chunks);
// it runs once on a sixteenth of `count` as warm-up (loading and compiling what it uses), then on
// `count`, and the milliseconds of that second run are printed.
exports.time = (fn, count, warmup = Math.max(1, Math.ceil(count / 16))) => {
  fn(warmup);
  const start = performance.now();
  fn(count);
  console.log((performance.now() - start).toFixed(3));
};
