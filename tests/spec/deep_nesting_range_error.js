// Recursion over deeply nested data throws a RangeError the program can catch, and so does
// runaway JS recursion, after a depth of at least a few thousand calls.
function nest(n) {
  let a = [];
  for (let i = 0; i < n; i++) a = [a];
  return a;
}
const cases = {
  'Array#toString': () => String(nest(300000)),
  'eval': () => eval('('.repeat(300000) + '1' + ')'.repeat(300000)),
};
for (const [name, f] of Object.entries(cases)) {
  try {
    f();
    console.log(name, 'returned');
  } catch (e) {
    console.log(name, e instanceof RangeError, e.message);
  }
}
let depth = 0;
function down() {
  depth++;
  down();
}
try {
  down();
} catch (e) {
  console.log('recursion', e instanceof RangeError, e.message, depth > 5000);
}
