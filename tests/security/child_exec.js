// attack: a shell command through exec
// denied: ERR_ACCESS_DENIED ChildProcess
// grant: --allow-child-process
// allowed: ran ok
try {
  require('child_process').exec('true', (e) => console.log(e ? `failed ${e.code}` : 'ran ok'));
} catch (e) {
  console.log(e.code, e.permission);
}
