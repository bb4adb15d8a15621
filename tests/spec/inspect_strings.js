const util = require('util');
const p = (v, o) => console.log(util.inspect(v, o));

p('simple'); p("it's"); p('"quoted"'); p(`both ' and "`); p('all \' " `');
p('tab\there'); p('newline\nin string'); p('\u0000\u001f\u007f'); p('unicode é 日本');
p({ s: 'a\nb' }); p(['x'.repeat(90)]); p({ long: 'line one\nline two\nline three that is quite long to force splitting here' });
