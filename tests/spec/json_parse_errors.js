// JSON.parse's errors read as V8's: the unexpected character with the text around it, the end of
// the input, unterminated strings, trailing data; a reviver still works.
const cases = ['[1,]', 'tru', '{"a":1,}', 'x', '[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,x]', 'x'.padEnd(40, 'y'), '{"aaaaaaaaaaaaaaaaaaaaaaaaaaaa": bad}', '"abc', '{"a":"b', '[1, "x" 2]', '[-]', '"\\x"', '', '  ', '{"a": [1, 2', '["]", ]', '{"a":1}x', 'nul', '[1,\n2,\n"abc'];
for (const c of cases) { try { JSON.parse(c); console.log('ok') } catch (e) { console.log(JSON.stringify(c), '=>', e.name, e.message) } }
console.log(JSON.parse('{"a":[1,{"b":2}]}', (k, v) => (k === 'b' ? v * 10 : v)).a[1].b, JSON.parse.name, JSON.parse.length, JSON.parse(' 5 '));
