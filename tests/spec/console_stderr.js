console.error('to stderr');
console.warn('warned');
console.log('to stdout');
