// attack: allocate until the host runs out of memory
// modes: safe
// flags: --max-memory=64
// denied-exit: 137
// denied-stderr: moat: the program exceeded its memory limit
// grant: --max-memory=512
// allowed: allocated 200
const held = [];
for (let i = 0; i < 200; i++) held.push(new Uint8Array(1024 * 1024).fill(1));
console.log(`allocated ${held.length}`);
