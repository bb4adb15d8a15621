// attack: outlive the wall-clock limit by sleeping in the host (a timer far in the future)
// modes: safe
// flags: --timeout=300
// denied-exit: 124
// denied-stderr: moat: the program exceeded its time limit
// grant: --timeout=60000
// allowed: woke
setTimeout(() => console.log('woke'), 1500);
