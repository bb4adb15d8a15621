// --unhandled-rejections: what each mode emits ('unhandledRejection', 'uncaughtException' with
// its origin, the UnhandledPromiseRejectionWarning pair with rejection ids, the warning for a
// rejection handled later) and how the process ends.
const { spawnSync } = require('child_process');
const child = `
process.on('warning', (w) => console.log('warning', w.name, w.message.split('\\n')[0]));
process.on('exit', (c) => console.log('exit', c, process.exitCode));
if (process.argv[1] === 'listeners') {
  process.on('unhandledRejection', (r) => console.log('unhandledRejection', String(r)));
  process.on('uncaughtException', (e, origin) => console.log('uncaughtException', e.message, origin));
}
const p = Promise.reject(new Error('boom'));
Promise.reject(42);
setTimeout(() => p.catch(() => {}), 10);
`;
for (const mode of [undefined, 'throw', 'strict', 'warn', 'none', 'warn-with-error-code']) {
  for (const variant of ['plain', 'listeners']) {
    const flags = mode === undefined ? [] : [`--unhandled-rejections=${mode}`];
    const r = spawnSync(process.execPath, [...flags, '-e', child, variant], { encoding: 'utf8' });
    console.log(`== ${mode ?? 'default'} ${variant}: status ${r.status}`);
    process.stdout.write(r.stdout);
    const report = r.stderr.split('\n').find((l) => /^(Error: boom|UnhandledPromiseRejection:)/.test(l));
    if (report !== undefined) console.log('report:', report);
  }
}
const bad = spawnSync(process.execPath, ['--unhandled-rejections=bogus', '-e', '1'], { encoding: 'utf8' });
console.log('bogus mode:', bad.status, bad.stderr.includes('invalid value for --unhandled-rejections'));
