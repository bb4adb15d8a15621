process.exitCode = '3';
process.on('exit', (c) => console.log('exit code', c, typeof c));
try { process.exitCode = 1.5; } catch (e) { console.log(e.code); }
try { process.exitCode = 'abc'; } catch (e) { console.log(e.code); }
