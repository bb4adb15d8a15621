// Runaway recursion is a catchable RangeError in both modes (the sandbox must not trap).
function down(n) { return down(n + 1) + 1; }
try { down(0); } catch (e) { console.log(e instanceof RangeError, e.message); }
const viaCallback = () => [1].map(viaCallback);
try { viaCallback(); } catch (e) { console.log(e.name); }
console.log('still running');
