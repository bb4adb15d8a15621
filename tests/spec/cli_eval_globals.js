// Code run by -e, -p or from stdin sees module, require, exports, __filename and __dirname as
// plain enumerable globals, in Node's order.
const { execFileSync } = require('child_process');
const probe = "const keys = Object.keys(globalThis); console.log(keys.slice(keys.indexOf('__filename')).join(), " +
  "JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, 'require').enumerable), __filename, __dirname, " +
  "typeof require, module.id, exports === module.exports)";
console.log(execFileSync(process.execPath, ['-e', probe]).toString().trim());
console.log(execFileSync(process.execPath, ['-'], { input: probe }).toString().trim());
