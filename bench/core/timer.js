// Times a workload inside the process, after one warm-up run: prints the milliseconds of the
// second run, so start-up and first-run compilation stay out of the figure.
function now() { return Number(process.hrtime.bigint()) / 1e6; }
exports.time = (fn) => {
  fn();
  const start = now();
  fn();
  console.log((now() - start).toFixed(3));
};
exports.timeAsync = async (fn) => {
  await fn();
  const start = now();
  await fn();
  console.log((now() - start).toFixed(3));
};
