process.stdout.write('no newline');
process.stdout.write(' then more\n', () => console.log('write callback'));
process.stdout.write(new Uint8Array([104, 105, 10]));
console.log(typeof process.stdout.fd, process.stdout.fd, process.stderr.fd, typeof process.stdout.on);
