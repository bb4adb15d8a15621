function where() {
  const orig = Error.prepareStackTrace;
  Error.prepareStackTrace = (_, sites) => sites;
  const err = new Error();
  Error.captureStackTrace(err, where);
  const sites = err.stack;
  Error.prepareStackTrace = orig;
  return sites[0];
}
function caller() { return where(); }
const site = caller();
console.log(site.getFileName().endsWith('stack_api.js'), site.getLineNumber(), typeof site.getColumnNumber(), site.getFunctionName());
console.log(typeof Error.captureStackTrace, Error.stackTraceLimit, Error.prepareStackTrace);
const o = {}; Error.captureStackTrace(o); console.log(typeof o.stack, o.stack.split('\n')[0]);
const e = new Error('msg'); console.log(e.stack.split('\n')[0], /\n    at /.test(e.stack));
console.log(new Error('x').stack.split('\n')[1].includes('stack_api.js:15'));
