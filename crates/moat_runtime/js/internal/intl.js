'use strict';
// The global Intl (ECMA-402): locale lists and their resolution against the locales node's ICU
// has data for (internal/intl/data), Intl.getCanonicalLocales and Intl.Segmenter, whose
// segmentation is ICU4X's (the `intl` binding). The other Intl services (DateTimeFormat,
// NumberFormat, Collator, PluralRules …) are not implemented yet and are absent, so that code
// testing for them takes its fallback.

const binding = internalBinding('intl');

// ---- locales -----------------------------------------------------------------------------

// The default locale as a BCP 47 tag, from the POSIX locale variables as ICU reads them
// ('de_DE.UTF-8' -> 'de-DE'); 'en-US' when none is set or it is C/POSIX.
function defaultLocale() {
  let raw;
  try {
    const env = process.env;
    raw = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  } catch {
    raw = undefined;
  }
  if (!raw) return 'en-US';
  let [base, modifier] = raw.split('@');
  base = base.split('.')[0];
  if (base === '' || base === 'C' || base === 'POSIX') return 'en-US';
  const parts = base.split(/[_-]/).filter((p) => p !== '');
  if (parts.length === 0 || !/^[A-Za-z]{2,8}$/.test(parts[0])) return 'en-US';
  const tag = [parts[0].toLowerCase()];
  for (const p of parts.slice(1)) {
    if (/^[A-Za-z]{2}$|^[0-9]{3}$/.test(p)) tag.push(p.toUpperCase());
    else if (/^[A-Za-z]{4}$/.test(p)) tag.push(p[0].toUpperCase() + p.slice(1).toLowerCase());
    else tag.push(p.toLowerCase());
  }
  if (modifier) {
    const m = modifier.toLowerCase();
    // A modifier that is a valid BCP 47 variant stays one; any other becomes private use.
    if (/^[a-z0-9]{5,8}$|^[0-9][a-z0-9]{3}$/.test(m)) tag.push(m);
    else if (/^[a-z0-9]{1,8}$/.test(m)) tag.push('x', 'lvariant', m);
  }
  return tag.join('-');
}

let data;
function localeData() {
  if (data === undefined) {
    const d = require('internal/intl/data');
    data = {
      available: new Set(d.available.split(' ')),
      languageAliases: d.languageAliases,
      regionAliases: d.regionAliases,
    };
  }
  return data;
}

const badLocale = () => new RangeError('Incorrect locale information provided');

// A structurally valid tag in its canonical form (case, order, aliases replaced); RangeError
// for anything else.
function canonicalizeTag(tag) {
  const canon = binding.canonicalTag(tag);
  if (canon === undefined) {
    // V8 names a tag that ends in a separator or a lone singleton.
    if (/-(?:[0-9a-z])?$/i.test(tag) && /^[a-z]{2,8}(?:-[0-9a-z]{1,8})*-?$/i.test(tag)) {
      throw new RangeError(`Invalid language tag: ${tag.toLowerCase()}`);
    }
    throw badLocale();
  }
  const { languageAliases, regionAliases } = localeData();
  const subtags = canon.split('-');
  // The language, then a script and a region when present; variants and extensions follow.
  let language = subtags[0];
  let end = 1;
  let script = /^[A-Za-z]{4}$/.test(subtags[end]) ? subtags[end++] : undefined;
  let region = /^(?:[A-Za-z]{2}|[0-9]{3})$/.test(subtags[end]) ? subtags[end++] : undefined;
  const alias = Object.hasOwn(languageAliases, language) ? languageAliases[language] : undefined;
  if (alias !== undefined) {
    const [aLanguage, ...aRest] = alias.split('-');
    language = aLanguage;
    script ??= aRest.find((t) => t.length === 4);
    region ??= aRest.find((t) => t.length !== 4);
  }
  if (region !== undefined && Object.hasOwn(regionAliases, region)) region = regionAliases[region];
  const head = [language];
  if (script !== undefined) head.push(script);
  if (region !== undefined) head.push(region);
  return [...head, ...subtags.slice(end)].join('-');
}

// CanonicalizeLocaleList: the requested locales, canonical and without repeats.
function canonicalizeLocaleList(locales) {
  if (locales === undefined) return [];
  if (locales === null) throw new TypeError('Cannot convert undefined or null to object');
  const seen = [];
  const list = typeof locales === 'string' ? [locales] : Object(locales);
  const len = Math.min(Math.max(Math.trunc(Number(list.length)) || 0, 0), Number.MAX_SAFE_INTEGER);
  for (let k = 0; k < len; k++) {
    if (!(k in list)) continue;
    const value = list[k];
    if (typeof value !== 'string' && (typeof value !== 'object' || value === null)) {
      throw new TypeError('Language ID should be string or object.');
    }
    const tag = canonicalizeTag(String(value));
    if (!seen.includes(tag)) seen.push(tag);
  }
  return seen;
}

// A tag without its extensions (-u-…, -t-…, but not the private use after -x-).
function withoutExtensions(tag) {
  const subtags = tag.split('-');
  const out = [];
  for (let i = 0; i < subtags.length; i++) {
    const s = subtags[i];
    if (s === 'x') return [...out, ...subtags.slice(i)].join('-');
    if (s.length === 1) {
      i++;
      while (i < subtags.length && subtags[i].length > 1) i++;
      i--;
      continue;
    }
    out.push(s);
  }
  return out.join('-');
}

// BestAvailableLocale: the locale itself or the nearest with data, dropping subtags from the end.
function bestAvailable(tag) {
  const { available } = localeData();
  let candidate = tag;
  for (;;) {
    if (available.has(candidate)) return candidate;
    let pos = candidate.lastIndexOf('-');
    if (pos === -1) return undefined;
    if (pos >= 2 && candidate[pos - 2] === '-') pos -= 2;
    candidate = candidate.slice(0, pos);
  }
}

function resolveLocale(requested) {
  for (const tag of requested) {
    const found = bestAvailable(withoutExtensions(tag));
    if (found !== undefined) return found;
  }
  return defaultLocale();
}

function optionsObject(options) {
  if (options === undefined) return { __proto__: null };
  if (typeof options === 'object' && options !== null) return options;
  // V8's message for an options argument that is no object.
  throw new TypeError('invalid_argument');
}

function stringOption(options, property, values, fallback, service) {
  const value = options[property];
  if (value === undefined) return fallback;
  const s = String(value);
  if (!values.includes(s)) {
    throw new RangeError(`Value ${s} out of range for ${service} options property ${property}`);
  }
  return s;
}

function supportedLocalesOfService(service, locales, options) {
  const requested = canonicalizeLocaleList(locales);
  stringOption(optionsObject(options), 'localeMatcher', ['lookup', 'best fit'], 'best fit', service);
  return requested.filter((tag) => bestAvailable(withoutExtensions(tag)) !== undefined);
}

// V8's name for a receiver in "incompatible receiver" errors.
function receiverName(v) {
  if (typeof v === 'string') return v;
  if (typeof v !== 'object' && typeof v !== 'function' || v === null) return String(v);
  const ctor = v.constructor;
  return `#<${typeof ctor === 'function' && ctor.name ? ctor.name : 'Object'}>`;
}
function incompatible(method, receiver) {
  return new TypeError(`Method ${method} called on incompatible receiver ${receiverName(receiver)}`);
}

// ---- Intl.Segmenter ----------------------------------------------------------------------

const kWordLike = 0x80000000;
const granularities = ['grapheme', 'word', 'sentence'];

// A function rather than a class, so that calling it without `new` fails with V8's message.
const segmenterSlots = new WeakMap();
function Segmenter(locales = undefined, options = undefined) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.Segmenter requires 'new'");
  const requested = canonicalizeLocaleList(locales);
  options = optionsObject(options);
  stringOption(options, 'localeMatcher', ['lookup', 'best fit'], 'best fit', 'Intl.Segmenter');
  const granularity = stringOption(options, 'granularity', granularities, 'grapheme', 'Intl.Segmenter');
  segmenterSlots.set(this, { locale: resolveLocale(requested), granularity });
}
function slotsOf(segmenter, method) {
  const slots = typeof segmenter === 'object' && segmenter !== null ? segmenterSlots.get(segmenter) : undefined;
  if (slots === undefined) throw incompatible(`Intl.Segmenter.prototype.${method}`, segmenter);
  return slots;
}
const segmenterMethods = {
  resolvedOptions() {
    const { locale, granularity } = slotsOf(this, 'resolvedOptions');
    return { locale, granularity };
  },
  segment(string) {
    const { granularity } = slotsOf(this, 'segment');
    return createSegments(granularity, `${string}`);
  },
};
for (const name of Object.keys(segmenterMethods)) {
  Object.defineProperty(Segmenter.prototype, name, {
    value: segmenterMethods[name], writable: true, configurable: true, enumerable: false,
  });
}
Object.defineProperty(Segmenter, 'prototype', { writable: false });
Object.defineProperty(Segmenter, 'supportedLocalesOf', {
  value: function supportedLocalesOf(locales, options = undefined) {
    return supportedLocalesOfService('Intl.Segmenter.supportedLocalesOf', locales, options);
  },
  writable: true,
  configurable: true,
});
Object.defineProperty(Segmenter.prototype, Symbol.toStringTag, { value: 'Intl.Segmenter', configurable: true });

// A Segments object's state: the string, its granularity and its boundaries (found on first
// use). Segments objects are plain objects with %Segments.prototype%, as in V8.
const segmentsState = new WeakMap();
function createSegments(granularity, input) {
  const s = Object.create(SegmentsPrototype);
  segmentsState.set(s, { input, granularity, bounds: undefined });
  return s;
}

function boundsOf(state) {
  if (state.bounds === undefined) {
    state.bounds = binding.segment(granularities.indexOf(state.granularity), state.input);
  }
  return state.bounds;
}

// The segment data object for the segment ending at boundary `i` (1 ≤ i < bounds.length).
function segmentAt(state, i) {
  const bounds = boundsOf(state);
  const start = i === 1 ? 0 : bounds[i - 1] & ~kWordLike;
  const end = bounds[i] & ~kWordLike;
  const result = { segment: state.input.slice(start, end), index: start, input: state.input };
  if (state.granularity === 'word') result.isWordLike = (bounds[i] & kWordLike) !== 0;
  return result;
}

const SegmentsPrototype = {
  containing(index = undefined) {
    const state = segmentsState.get(this);
    if (state === undefined) throw incompatible('%Segments.prototype%.containing', this);
    let n = Math.trunc(Number(index));
    if (Number.isNaN(n)) n = 0;
    if (n < 0 || n >= state.input.length) return undefined;
    const bounds = boundsOf(state);
    // The first boundary past n ends the segment holding it.
    let lo = 1, hi = bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((bounds[mid] & ~kWordLike) > n) hi = mid; else lo = mid + 1;
    }
    return segmentAt(state, lo);
  },
  [Symbol.iterator]() {
    const state = segmentsState.get(this);
    if (state === undefined) throw incompatible('%Segments.prototype%[@@iterator]', this);
    const it = Object.create(SegmentIteratorPrototype);
    iteratorState.set(it, { state, next: 1 });
    return it;
  },
};
Object.defineProperty(SegmentsPrototype, 'containing', { enumerable: false });
Object.defineProperty(SegmentsPrototype, Symbol.iterator, { enumerable: false });

const iteratorState = new WeakMap();
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
const SegmentIteratorPrototype = Object.create(IteratorPrototype, {
  next: {
    value: function next() {
      const it = iteratorState.get(this);
      if (it === undefined) throw incompatible('%SegmentIterator.prototype%.next', this);
      const bounds = boundsOf(it.state);
      if (it.next >= bounds.length) return { value: undefined, done: true };
      return { value: segmentAt(it.state, it.next++), done: false };
    },
    writable: true,
    configurable: true,
  },
  [Symbol.toStringTag]: { value: 'Segmenter String Iterator', configurable: true },
});

// ---- Intl --------------------------------------------------------------------------------

const Intl = {};
Object.defineProperties(Intl, {
  getCanonicalLocales: {
    value: function getCanonicalLocales(locales) { return canonicalizeLocaleList(locales); },
    writable: true,
    configurable: true,
  },
  Segmenter: { value: Segmenter, writable: true, configurable: true },
  [Symbol.toStringTag]: { value: 'Intl', configurable: true },
});

module.exports = { Intl, defaultLocale };
