// process.versions: what the runtime is made of, each a version string, read-only; `node`
// matches process.version, there is exactly one JavaScript engine, and the Unicode version
// has its major.minor form.
const v = process.versions;
console.log(typeof v, v.node === process.version.slice(1));
const engines = ['v8', 'quickjs'].filter((k) => k in v);
console.log('engines:', engines.length);
console.log('engine version shape:', /^\d+\.\d+\.\d+/.test(v[engines[0]]));
console.log('all strings:', Object.values(v).every((x) => typeof x === 'string'));
console.log('unicode:', /^\d+\.\d+$/.test(v.unicode));
const d = Object.getOwnPropertyDescriptor(v, 'node');
console.log('node entry writable:', d.writable, 'enumerable:', d.enumerable);
const pd = Object.getOwnPropertyDescriptor(process, 'versions');
console.log('process.versions writable:', pd.writable, 'enumerable:', pd.enumerable);
process.versions = {};
console.log('still the same object:', process.versions === v);
console.log('release name:', process.release.name, typeof process.release.lts);
console.log('config frozen:', Object.isFrozen(process.config), typeof process.config.variables);
