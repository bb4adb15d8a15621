// attack: starve the event loop with an endless chain of microtasks
// modes: safe
// flags: --timeout=300
// denied-exit: 124
// denied-stderr: moat: the program exceeded its time limit
// grant: --timeout=60000
// allowed: drained 1000000
let n = 0;
function again() { if (++n < 1e6) Promise.resolve().then(again); else console.log(`drained ${n}`); }
again();
