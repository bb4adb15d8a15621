// attack: spin the CPU
// modes: safe
// flags: --max-cpu-time=300
// denied-exit: 152
// denied-stderr: moat: the program exceeded its CPU-time limit
// grant: --max-cpu-time=60000
// allowed: spun true
let x = 0;
for (let i = 0; i < 2e7; i++) x += i % 7;
console.log(`spun ${x > 0}`);
