// attack: none; the CPU-time limit counts running, not waiting: a program that mostly sleeps
// stays under it, and one that spins does not
// modes: safe
// flags: --max-cpu-time=300
// denied-exit: 152
// denied-stderr: moat: the program exceeded its CPU-time limit
// grant: --max-cpu-time=60000
// allowed: slept then spun
setTimeout(() => {
  let x = 0;
  for (let i = 0; i < 2e7; i++) x += i % 7;
  console.log(`slept then spun`);
}, 500);
