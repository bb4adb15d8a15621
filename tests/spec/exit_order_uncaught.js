// An uncaught exception: 'uncaughtExceptionMonitor' sees it first with its origin, 'exit'
// runs (with exitCode 1) before the error is reported, an 'exit' listener may change the exit
// code, and one that throws does not hide the original error. process.exit() goes through
// process.reallyExit, and a normal end leaves exitCode unset during 'exit'.
const { spawnSync } = require('child_process');
const cases = {
  order: `process.on('uncaughtExceptionMonitor', (e, o) => process.stderr.write('monitor ' + e.message + ' ' + o + '\\n'));
    process.on('exit', (c) => process.stderr.write('exit ' + c + ' ' + process.exitCode + '\\n'));
    throw new Error('first');`,
  override: `process.on('exit', () => { process.exitCode = 5; }); throw new Error('x');`,
  overrideZero: `process.on('exit', () => { process.exitCode = 0; }); throw new Error('x');`,
  exitThrows: `process.on('exit', () => { throw new Error('in exit'); }); throw new Error('original');`,
  handlerThrows: `process.on('uncaughtException', () => { throw new Error('again'); }); throw new Error('first');`,
  normalEnd: `process.on('exit', (c) => console.log('exit', c, process.exitCode));`,
  exitUndefined: `process.exitCode = 3; process.on('exit', (c) => console.log('exit', c)); process.exit(undefined);`,
  reallyExit: `process.reallyExit = (c) => console.log('reallyExit', c); process.exit(4); console.log('after');`,
  fatalReplaced: `process._fatalException = undefined; throw new Error('x');`,
  capture: `process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message));
    console.log(process.hasUncaughtExceptionCaptureCallback()); setTimeout(() => { throw new Error('t'); }, 1);`,
};
for (const [name, code] of Object.entries(cases)) {
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  const lines = r.stderr.split('\n').filter((l) => /^(monitor|exit|Error)/.test(l));
  console.log(`${name}: status ${r.status}`, JSON.stringify(r.stdout), JSON.stringify(lines));
}
