// Reads stdin as it arrives: the first chunk is answered before the writer closes.
const cp = require('child_process');
const child = cp.spawn(process.execPath, ['-e', 'process.stdin.once("data", (d) => { console.log("got", String(d).trim()); process.exit(0); })']);
child.stdout.on('data', (d) => { console.log(String(d).trim()); child.stdin.end(); });
child.stdin.write('first\n');
