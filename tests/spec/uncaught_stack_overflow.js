// Unbounded recursion throws a RangeError; uncaught, it is reported and the exit code is 1.
function down(n) {
  return down(n + 1) + 1;
}
try {
  down(0);
} catch (err) {
  console.log(err instanceof RangeError, err.message);
}
down(0);
