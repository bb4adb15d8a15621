// Node's unsettled top-level await warning names the line of the await and shows it; moat's
// names only the module (QuickJS-ng does not say where a module is suspended).
const { spawnSync } = require('child_process');
const path = require('path');
const { pathToFileURL } = require('url');
const file = path.join(__dirname, 'fixtures/esm/unsettled.mjs');
const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
console.log(r.status, JSON.stringify(r.stderr.split('\n').slice(0, 2).join('\n').replace(pathToFileURL(file).href, '<file>')));
