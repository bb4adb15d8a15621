// -i starts the REPL even when standard input is a pipe; it may not come from NODE_OPTIONS.
const { spawnSync } = require('child_process');
const r = spawnSync(process.execPath, ['-i'], { input: '1 + 1\nconst a = 5\na * 2\n.exit\n', encoding: 'utf8' });
// The banner names the runtime; what follows it is the session.
console.log(r.status, JSON.stringify(r.stdout.split('\n').slice(2).join('\n')));
const env = { ...process.env, NODE_OPTIONS: '-i' };
const refused = spawnSync(process.execPath, ['-e', '1'], { env, encoding: 'utf8' });
console.log(refused.status, refused.stderr.includes('-i is not allowed in NODE_OPTIONS'));
