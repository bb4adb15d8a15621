// attack: keep the process alive forever with timers
// modes: safe
// flags: --timeout=300
// denied-exit: 124
// denied-stderr: moat: the program exceeded its time limit
// grant: --timeout=60000
// allowed: fired 50
let n = 0;
const t = setInterval(() => { if (++n === 50) { clearInterval(t); console.log(`fired ${n}`); } }, 10);
