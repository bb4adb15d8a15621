// Function.prototype.toString of a function written in JS inside a built-in module: Node shows
// its source; moat's built-ins are compiled without their source text.
const { EventEmitter } = require('events');
const src = EventEmitter.prototype.on.toString();
console.log(src.startsWith('function'), src.includes('[native code]'));
console.log(Map.prototype.get.toString().includes('[native code]'));
