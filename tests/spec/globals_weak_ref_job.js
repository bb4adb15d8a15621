// A WeakRef's target stays alive through the code that made or read the WeakRef, and its
// microtasks: `new WeakRef(obj).deref()` is obj even when nothing else holds obj.
const ref = new WeakRef({ made: 1 });
console.log('same job', ref.deref());
Promise.resolve().then(() => console.log('microtask', ref.deref()));
queueMicrotask(() => {
  const later = new WeakRef({ inner: 2 });
  console.log('made in a microtask', later.deref());
});
class Tagged extends WeakRef {
  get tag() { return 'tagged'; }
}
const t = new Tagged({ sub: 3 });
console.log(t.tag, t.deref(), t instanceof WeakRef, WeakRef.prototype.constructor === WeakRef);
console.log(typeof WeakRef, WeakRef.name, WeakRef.length, Object.prototype.toString.call(ref));
try { WeakRef({}); } catch (e) { console.log(e.constructor.name); }
try { new WeakRef(1); } catch (e) { console.log(e.constructor.name); }
