// The entry point runs through Module.runMain, so a preloaded script can wrap it (as APM and
// test tools do).
const { spawnSync } = require('child_process');
const path = require('path');
const r = spawnSync(process.execPath, ['--require', path.join(__dirname, 'fixtures/patch_run_main.js'),
  path.join(__dirname, 'fixtures/print_argv.js'), 'x'], { encoding: 'utf8' });
console.log(r.status, r.stdout.split('\n')[0]);
console.log(typeof require('module').runMain);
