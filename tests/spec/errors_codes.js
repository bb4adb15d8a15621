try { setTimeout('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
try { require('events').prototype.on.call(new (require('events'))(), 'x', 1); } catch (e) { console.log(e.code, e.message); }
try { process.nextTick(null); } catch (e) { console.log(e.code, e.message); }
try { require('path').basename(null); } catch (e) { console.log(e.code, e.message); }
try { new URL(); } catch (e) { console.log(e.code, e.message); }
try { require('fs').readFileSync('definitely-missing.txt'); } catch (e) { console.log(e.code, e.errno, e.syscall, e.path, e.message); }
