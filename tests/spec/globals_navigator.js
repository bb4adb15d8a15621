console.log(typeof navigator.hardwareConcurrency, navigator.language, navigator.platform.length > 0, navigator.userAgent.startsWith('Node.js/'));
console.log(Object.prototype.toString.call(navigator));
