const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

class A { constructor() { this.a = 1; } }
class B extends A { constructor() { super(); this.b = 2; } get g() { return 3; } static s = 1; }
p(new B()); p(B); p(A); p(class {}); p(class Named extends Array {});
class Tagged { get [Symbol.toStringTag]() { return 'TagName'; } }
p(new Tagged()); p(Object.create(B.prototype));
const np = Object.create(null); np.x = 1; p(np); p(Object.create(null));
class WithNull extends null { constructor() { return Object.create(WithNull.prototype); } }
p(new WithNull());
