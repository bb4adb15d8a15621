'use strict';
// util.inspect shows a Map or Set iterator's entries without consuming it, as V8 lets Node
// do. QuickJS keeps no such preview, so the iterator factories record each iterator's source
// and kind here. (A partly consumed iterator is previewed from its start.)

const sources = new WeakMap(); // iterator -> [collection, kind]

function record(proto, name, kind) {
  const original = proto[name];
  const wrapped = {
    [name]() {
      const it = original.call(this);
      sources.set(it, [this, kind]);
      return it;
    },
  }[name];
  Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true, enumerable: false });
  return wrapped;
}

function install() {
  const mapEntries = record(Map.prototype, 'entries', 'entries');
  Object.defineProperty(Map.prototype, Symbol.iterator, { value: mapEntries, writable: true, configurable: true });
  record(Map.prototype, 'keys', 'keys');
  record(Map.prototype, 'values', 'values');
  record(Set.prototype, 'entries', 'entries');
  const setValues = record(Set.prototype, 'values', 'values');
  Object.defineProperty(Set.prototype, 'keys', { value: setValues, writable: true, configurable: true });
  Object.defineProperty(Set.prototype, Symbol.iterator, { value: setValues, writable: true, configurable: true });
}

// [isEntries, items] for an iterator made by a factory above, or undefined.
function preview(it) {
  const s = sources.get(it);
  if (s === undefined) return undefined;
  const [collection, kind] = s;
  if (collection instanceof Map) {
    const items = [];
    collection.forEach((v, k) => items.push(kind === 'entries' ? [k, v] : kind === 'keys' ? k : v));
    return [kind === 'entries', items];
  }
  const items = [];
  collection.forEach((v) => items.push(kind === 'entries' ? [v, v] : v));
  return [kind === 'entries', items];
}

module.exports = { install, preview };
