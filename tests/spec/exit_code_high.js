// An exit code from 126 up, set for the natural end of the program.
console.log('setting exitCode');
process.exitCode = 255;
