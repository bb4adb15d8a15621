let n = 0;
const t = setInterval(() => { n++; if (n === 5) { clearInterval(t); console.log('cleared at', n); } }, 1);
