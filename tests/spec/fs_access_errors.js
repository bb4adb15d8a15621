const fs = require('fs');
try { fs.readdirSync(require('path').join(__dirname, 'missing-dir')); } catch (e) { console.log(e.code, e.syscall, e.message.replace(__dirname, 'DIR')); }
try { fs.openSync(require('path').join(__dirname, 'missing-file'), 'r'); } catch (e) { console.log(e.code, e.syscall); }
try { fs.readFileSync(__dirname); } catch (e) { console.log(e.code); }
try { fs.openSync(__filename, 'bogus'); } catch (e) { console.log(e.code); }
fs.stat(require('path').join(__dirname, 'missing'), (err) => console.log('async', err.code));
fs.promises.stat(require('path').join(__dirname, 'missing')).catch((e) => console.log('promise', e.code));
