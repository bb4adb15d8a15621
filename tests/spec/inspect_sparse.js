const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

p([, , 1, , , , 2, ,]); p(new Array(5)); p([1, , 3]);
const big = []; big[1000] = 1; p(big);
const withProps = [1, 2]; withProps.foo = 'bar'; withProps[-1] = 'neg'; p(withProps);
