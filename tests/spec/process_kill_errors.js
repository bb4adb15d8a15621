try { process.kill('abc'); } catch (e) { console.log(e.code); }
try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { console.log(e.code, e.message); }
