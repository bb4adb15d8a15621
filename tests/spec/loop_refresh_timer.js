const start = Date.now();
let refreshed = 0;
const t = setTimeout(() => console.log('fired after refreshes', refreshed), 10);
const iv = setInterval(() => { if (refreshed++ < 2) t.refresh(); else clearInterval(iv); }, 3);
