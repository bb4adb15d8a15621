// process.execve replaces the program: what follows the call never runs (nor the warning it
// queued), the new program keeps the standard streams and the working directory, and gets
// exactly the environment given. Under --safe, moat itself comes back sandboxed with the same
// grants.
if (process.argv[2] === 'replaced') {
  console.log('replaced', process.argv.length, process.env.MOAT_EXECVE_TEST, process.env.HOME);
  console.log('cwd kept', process.cwd() === __dirname);
  process.exitCode = 7;
} else {
  process.chdir(__dirname);
  console.log('before');
  process.execve(process.execPath, [process.execPath, __filename, 'replaced'],
    { MOAT_EXECVE_TEST: 'given' });
  console.log('never printed');
}
