// The global console writes through process.stdout and process.stderr once a program replaces
// their write methods, even after it has written before `process` was touched.
console.log('before');
const seen = [];
const original = process.stdout.write;
process.stdout.write = function write(chunk) { seen.push(String(chunk)); return true; };
console.log('captured');
process.stdout.write = original;
console.log('restored', JSON.stringify(seen));
const errs = [];
process.stderr.write = function write(chunk) { errs.push(String(chunk)); return true; };
console.error('to the replaced stderr');
console.log('stderr saw', JSON.stringify(errs));
