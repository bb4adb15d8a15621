const orig = Error.prepareStackTrace;
Error.prepareStackTrace = (err, sites) => `${err.message}|${sites.length > 0}|${typeof sites[0].getFileName()}`;
console.log(new Error('custom').stack);
Error.prepareStackTrace = orig;
console.log(new Error('back').stack.split('\n')[0]);
Error.stackTraceLimit = 0;
console.log(JSON.stringify(new Error('none').stack));
