const t0 = process.hrtime(); const d = process.hrtime(t0);
console.log(d.length, d[0] >= 0, d[1] >= 0, typeof process.hrtime.bigint(), process.hrtime.bigint() > 0n);
try { process.hrtime(1); } catch (e) { console.log(e.code); }
try { process.hrtime([1]); } catch (e) { console.log(e.code); }
