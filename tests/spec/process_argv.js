const path = require('path');
console.log(process.argv.length, path.basename(process.argv[1]), process.argv.slice(2));
console.log(process.argv0.length > 0, Array.isArray(process.execArgv), path.isAbsolute(process.execPath));
