// attack: fork itself with wider grants in execArgv and read outside from the child
// denied: ERR_ACCESS_DENIED FileSystemRead
// grant: --allow-fs-read={outside}
// allowed: read
// flags: --allow-child-process
// modes: safe
const { fork } = require('child_process');
const fs = require('fs');
const root = process.argv[2];
if (process.argv[5] === 'child') {
  let answer;
  try {
    fs.readFileSync(`${root}/outside/secret.txt`);
    answer = 'read';
  } catch (e) {
    answer = `${e.code} ${e.permission}`;
  }
  process.send(answer, () => process.disconnect());
} else {
  const child = fork(__filename, [root, process.argv[3], process.argv[4], 'child'], {
    execArgv: [`--allow-fs-read=${root}/outside`, '--allow-fs-read=*', '--permission'],
    env: { NODE_OPTIONS: `--allow-fs-read=${root}/outside` },
  });
  child.on('message', (m) => console.log(m));
}
