// navigator and Navigator: shapes of the globals, getters and their brand checks, the constructor.
const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const nd = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
console.log('navigator', nd.enumerable, nd.configurable, typeof nd.get, nd.set, nd.get.name);
const isInstance = navigator instanceof Navigator;
const cd = Object.getOwnPropertyDescriptor(globalThis, 'Navigator');
console.log('Navigator', cd.enumerable, cd.writable, typeof cd.value, isInstance);
console.log(Object.keys(Navigator.prototype).filter((k) => k !== 'locks').join());
console.log(navigator === globalThis.navigator, navigator.languages === navigator.languages,
  Object.isFrozen(navigator.languages), navigator.languages[0] === navigator.language);
console.log(typeof navigator.hardwareConcurrency, navigator.hardwareConcurrency >= 1,
  /^Node\.js\/\d+$/.test(navigator.userAgent), navigator.userAgent === `Node.js/${process.versions.node.split('.')[0]}`);
console.log(Object.prototype.toString.call(navigator), Object.keys(navigator));
show('new Navigator()', () => new Navigator());
for (const k of ['hardwareConcurrency', 'language', 'languages', 'userAgent', 'platform']) {
  show(k, () => Reflect.get(Navigator.prototype, k, {}));
}
globalThis.navigator = 'replaced';
console.log('assignment ignored', typeof navigator);
