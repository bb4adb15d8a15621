// The working directory may move up out of a granted directory and back: `..`, `/`, and
// relative paths from there that lead back in.
const fs = require('fs');
const path = require('path');
const here = __dirname;
process.chdir(here);
process.chdir('..');
console.log(process.cwd() === path.dirname(here));
const back = path.join(path.basename(here), path.basename(__filename));
console.log(fs.readFileSync(back, 'utf8').startsWith('// The working directory'));
process.chdir(path.basename(here));
console.log(process.cwd() === here);
process.chdir('/');
console.log(process.cwd());
process.chdir(here);
try { process.chdir('no-such-directory-here'); } catch (e) { console.log(e.code, e.syscall); }
console.log(process.cwd() === here);
