// JSON.parse of numbers: integers, fractions and exponents on both sides of the exact
// double-arithmetic range (15 significant digits, powers of ten up to 22), and beyond it.
const texts = [
  '0', '-0', '7', '-12', '2.5', '-2.5', '0.1', '0.3', '4.35', '3.14159', '17.9e3', '1E5', '0e99',
  '0.1e1', '123.456e-5', '1.5e-7', '7.5e-10',
  '1e22', '1e23', '1e-22', '1e-23', '123e-22', '999999999999999', '123456789012345',
  '1234567890123456', '9007199254740993', '99999999999999.9', '0.000001',
  '0.0000000000000000000000001', '100000000000000000000000', '5e-324', '2.2250738585072014e-308',
  '1.7976931348623157e308', '1e400', '-1e-400', '1e+0', '25E-2',
];
for (const t of texts) {
  const v = JSON.parse(t);
  console.log(t, Object.is(v, -0) ? '-0' : String(v));
}
console.log(JSON.parse('[1.5,{"a":-3e2,"b":[0.25,12345678901234567890]}]'));
let sum = 0;
for (let i = 0; i < 20000; i++) sum += JSON.parse(String(i * 0.37));
console.log(sum);
for (const bad of ['01', '1.', '.5', '-', '1e', '+1', '0x10', '1e+', 'Infinity', 'NaN']) {
  try {
    JSON.parse(bad);
    console.log(bad, 'parsed');
  } catch (e) {
    console.log(bad, e.name);
  }
}
