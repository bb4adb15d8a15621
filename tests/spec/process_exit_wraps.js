// Exit codes keep their low 8 bits, as the OS gives them (WASI's proc_exit alone stops at 125).
process.on('exit', (code) => console.log('exit event', code));
process.stdout.write('no newline before exiting;');
process.exit(300);
