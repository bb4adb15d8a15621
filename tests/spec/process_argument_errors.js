// Node's argument errors (name, code, message) for process methods, checked before anything
// reaches the OS: none of these calls changes the process.
const show = (label, fn) => {
  try {
    const r = fn();
    console.log(label, '-> returned', typeof r);
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
};
for (const name of ['setuid', 'setgid', 'seteuid', 'setegid']) {
  show(name + '({})', () => process[name]({}));
  show(name + '(-1)', () => process[name](-1));
  show(name + '(1.5)', () => process[name](1.5));
  show(name + '(2 ** 32)', () => process[name](2 ** 32));
}
show('setuid(unknown name)', () => process.setuid('no-such-user-fhqwhgads'));
show('setgid(unknown name)', () => process.setgid('no-such-group-fhqwhgads'));
show('setgroups()', () => process.setgroups());
show('setgroups([{}])', () => process.setgroups([1, {}]));
show('setgroups([-1])', () => process.setgroups([-1]));
show('setgroups([unknown])', () => process.setgroups(['no-such-group-fhqwhgads']));
show('initgroups()', () => process.initgroups());
show('initgroups(user)', () => process.initgroups('root'));
show('initgroups(user, unknown)', () => process.initgroups('root', 'no-such-group-fhqwhgads'));
show('kill("x")', () => process.kill('x'));
show('kill(1.5)', () => process.kill(1.5));
show('kill(NaN)', () => process.kill(NaN));
show('kill(0, "SIGNOPE")', () => process.kill(0, 'SIGNOPE'));
show('kill(0, {})', () => process.kill(0, {}));
show('umask({})', () => process.umask({}));
show('umask(-1)', () => process.umask(-1));
show('umask("999")', () => process.umask('999'));
show('umask("0o22")', () => process.umask('0o22'));
show('cpuUsage(1)', () => process.cpuUsage(1));
show('cpuUsage([])', () => process.cpuUsage([]));
show('cpuUsage({user: 1})', () => process.cpuUsage({ user: 1 }));
show('cpuUsage({user: -1, system: 0})', () => process.cpuUsage({ user: -1, system: 0 }));
show('threadCpuUsage("x")', () => process.threadCpuUsage('x'));
show('threadCpuUsage({user: 0, system: Infinity})', () => process.threadCpuUsage({ user: 0, system: Infinity }));
show('hrtime(1)', () => process.hrtime(1));
show('hrtime([1])', () => process.hrtime([1]));
show('exitCode = "abc"', () => { process.exitCode = 'abc'; });
show('exitCode = 1.5', () => { process.exitCode = 1.5; });
show('exitCode = {}', () => { process.exitCode = {}; });
show('emitWarning(1)', () => process.emitWarning(1));
show('emitWarning("w", 1)', () => process.emitWarning('w', 1));
show('emitWarning("w", "T", 1)', () => process.emitWarning('w', 'T', 1));
show('getBuiltinModule()', () => process.getBuiltinModule());
show('getBuiltinModule(1)', () => process.getBuiltinModule(1));
show('setSourceMapsEnabled(1)', () => process.setSourceMapsEnabled(1));
show('setUncaughtExceptionCaptureCallback(42)', () => process.setUncaughtExceptionCaptureCallback(42));
show('chdir(1)', () => process.chdir(1));
show('loadEnvFile(1)', () => process.loadEnvFile(1));
show('execve(123)', () => process.execve(123));
show('execve(path, "x")', () => process.execve(process.execPath, 'x'));
show('execve(path, [1])', () => process.execve(process.execPath, [1]));
show('execve(path, ["a\\0b"])', () => process.execve(process.execPath, ['a\u0000b']));
show('execve(path, [], "x")', () => process.execve(process.execPath, [], 'x'));
show('execve(path, [], {a: 1})', () => process.execve(process.execPath, [], { a: 1 }));
console.log('exitCode still', process.exitCode);
