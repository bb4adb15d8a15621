'use strict';
// The shapes of v8's memory figures, the version tag, flags and one-byte strings.
const v8 = require('v8');

const stats = v8.getHeapStatistics();
console.log(Object.keys(stats));
console.log(Object.values(stats).every((v) => typeof v === 'number' && v >= 0));
console.log(stats.used_heap_size > 0, stats.total_heap_size >= stats.used_heap_size, stats.heap_size_limit > stats.used_heap_size);
const spaces = v8.getHeapSpaceStatistics();
console.log(spaces.map((s) => s.space_name));
console.log(spaces.every((s) => Object.keys(s).join() === 'space_name,space_size,space_used_size,space_available_size,physical_space_size'));
const tag = v8.cachedDataVersionTag();
console.log(typeof tag, Number.isInteger(tag), tag === v8.cachedDataVersionTag());
console.log(v8.setFlagsFromString('--harmony'));
try {
  v8.setFlagsFromString(1);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
console.log(['', 'abc', 'é', '€', 'a\u{1F600}'].map((s) => v8.isStringOneByteRepresentation(s)));
try {
  v8.isStringOneByteRepresentation(1);
} catch (e) {
  console.log(e.name, e.code, e.message);
}
console.log(v8.startupSnapshot.isBuildingSnapshot() ? 'building' : 'not building');
try {
  v8.startupSnapshot.addSerializeCallback(() => {});
} catch (e) {
  console.log(e.name, e.code, e.message);
}
