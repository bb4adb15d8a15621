// attack: start a worker with wider grants in its execArgv and read outside from it
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read
// flags: --allow-worker
const { Worker } = require('worker_threads');
const root = process.argv[2];
const code = `
  const { parentPort } = require('worker_threads');
  let answer;
  try {
    require('fs').readFileSync(${JSON.stringify(`${root}/outside/secret.txt`)});
    answer = 'read';
  } catch (e) {
    answer = e.code + ' ' + e.permission;
  }
  parentPort.postMessage(answer);
`;
const w = new Worker(code, {
  eval: true,
  execArgv: [`--allow-fs-read=${root}/outside`, '--allow-fs-read=*'],
  env: { NODE_OPTIONS: `--allow-fs-read=${root}/outside` },
});
w.on('message', (m) => console.log(m));
w.on('error', (e) => console.log('error', e.code, e.message));
