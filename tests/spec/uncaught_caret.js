// An uncaught `throw new Error(…)`: Node's report starts with the file and line, the source
// line, and a caret under the `throw`.
const { spawnSync } = require('child_process');
const path = require('path');
const file = path.join(__dirname, 'fixtures/throw_site.js');
const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
const lines = r.stderr.split('\n');
console.log(r.status, JSON.stringify(lines[0].replace(__dirname, '.')), JSON.stringify(lines.slice(1, 5)));
console.log(lines.at(-2).startsWith('Node.js v'));
