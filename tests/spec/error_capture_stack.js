class MyErr extends Error { constructor(m) { super(m); this.name = 'MyErr'; Error.captureStackTrace(this, MyErr); } }
const e = new MyErr('custom');
console.log(e.stack.split('\n')[0], e instanceof MyErr, e instanceof Error, Object.prototype.toString.call(e));
function hidden() { const o = {}; Error.captureStackTrace(o, hidden); return o.stack; }
console.log(hidden().split('\n')[0]);
console.log(String(e), e.toString === Error.prototype.toString);
