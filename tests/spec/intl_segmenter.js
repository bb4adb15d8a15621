'use strict';
// Intl.Segmenter: graphemes, words and sentences, containing(), iteration, options and their
// errors, locale resolution; Intl.getCanonicalLocales.
const show = (v) => console.log(JSON.stringify(v));
const tryIt = (label, fn) => {
  try { show([label, fn()]); } catch (e) { console.log(label, e.name, e.message); }
};

const text = 'Hello, world! 👨‍👩‍👧 ok 123 e\u0301 🇯🇵 ﬁ';
for (const granularity of ['grapheme', 'word', 'sentence']) {
  const s = new Intl.Segmenter('en', { granularity });
  show(s.resolvedOptions());
  show([...s.segment(text)]);
}
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
show([...sentences.segment('Hi there. How are you?  Fine!\nNext line. "Quoted." 3.14 is pi.')].map((x) => x.segment));
show([...new Intl.Segmenter().segment('a\u0301\u0302b\r\nc\u{1F3F3}\uFE0F\u200D\u{1F308}\u0915\u094D\u0937')].map((x) => x.segment));
show([...new Intl.Segmenter('en', { granularity: 'word' }).segment("can't stop 3.5 e-mail foo_bar x@y.z ÀÉÎ")].map((x) => [x.segment, x.isWordLike]));

// containing(): any index inside a segment gives it; out of range gives undefined.
const words = new Intl.Segmenter('en', { granularity: 'word' }).segment(text);
for (const i of [0, 3, 5, 6, 14, 15, 21, -1, text.length, text.length - 1, '7', 2.9, NaN, undefined, Infinity]) {
  show([String(i), words.containing(i)]);
}
show(new Intl.Segmenter().segment('').containing(0));
show([...new Intl.Segmenter().segment('')]);
show([...new Intl.Segmenter().segment(12345)].length);
// A lone surrogate is one segment of its own.
show([...new Intl.Segmenter().segment('a\uD800b')].map((x) => x.segment.length));

// Iterators are fresh and independent; segments objects are reusable.
const segs = new Intl.Segmenter().segment('abc');
const it1 = segs[Symbol.iterator]();
const it2 = segs[Symbol.iterator]();
show([it1.next(), it1.next(), it2.next(), it1.next(), it1.next(), it1.next()]);
console.log(Object.prototype.toString.call(new Intl.Segmenter()), Object.prototype.toString.call(segs),
  Object.prototype.toString.call(it1), typeof it1[Symbol.iterator], it1[Symbol.iterator]() === it1);
show([Object.getOwnPropertyNames(Intl.Segmenter.prototype), Object.getOwnPropertyNames(Object.getPrototypeOf(segs)),
  Object.getOwnPropertyNames(Object.getPrototypeOf(it1)), Intl.Segmenter.length, Intl.Segmenter.name]);

// Options and their errors, in node's words.
tryIt('call', () => Intl.Segmenter());
tryIt('granularity', () => new Intl.Segmenter('en', { granularity: 'line' }));
tryIt('matcher', () => new Intl.Segmenter('en', { localeMatcher: 'x' }));
tryIt('matcher ok', () => new Intl.Segmenter('en', { localeMatcher: 'lookup' }).resolvedOptions());
tryIt('options number', () => new Intl.Segmenter('en', 5));
tryIt('options null', () => new Intl.Segmenter('en', null));
tryIt('underscore', () => new Intl.Segmenter('en_US'));
tryIt('empty', () => new Intl.Segmenter(''));
tryIt('not a tag', () => new Intl.Segmenter(['en', 5]));
tryIt('receiver', () => Intl.Segmenter.prototype.segment.call({}, 'x'));
tryIt('receiver2', () => Intl.Segmenter.prototype.resolvedOptions.call(1));
tryIt('containing receiver', () => Object.getPrototypeOf(segs).containing.call({}, 0));

// Locale resolution: the locale itself when there is data for it, else the nearest that has.
for (const l of ['de-XX', 'de-DE', 'zz', 'en-GB', 'sr-Latn-RS', 'zh-Hant-TW', 'es-419', 'en-US-u-ca-buddhist',
  'de-u-co-phonebk', 'yue', 'fil', 'iw', 'EN-us', ['zz', 'fr-CA', 'de']]) {
  show([l, new Intl.Segmenter(l).resolvedOptions().locale]);
}
show(Intl.Segmenter.supportedLocalesOf(['en-US', 'zz', 'de-XX', 'tlh', 'en-u-nu-thai']));
tryIt('supported matcher', () => Intl.Segmenter.supportedLocalesOf('en', { localeMatcher: 'nope' }));

// Canonical tags: case, order, aliases.
for (const l of ['EN-us', ['en-us', 'EN-US', 'de'], 'iw', 'in-ID', 'sh', 'sh-BA', 'tl', 'no-bok', 'de-DD', 'und-SU',
  'zh-hant-tw', 'en-u-ca-gregory-nu-latn', 'en-u-nu-latn-ca-gregory', 'en-u-kn-true', 'de-1996-1901', 'x-private',
  'en-x-Foo', 'eng', 'ger', 5, [], undefined]) {
  tryIt(JSON.stringify(l), () => Intl.getCanonicalLocales(l));
}
for (const bad of [null, 'en_US', 'en-', '-en', 'toolongtoolong', 'en--US', 'en-US-u', [null], [{}], 'i-klingon']) {
  tryIt(JSON.stringify(bad), () => Intl.getCanonicalLocales(bad));
}
console.log(String(Intl), typeof Intl, Object.getOwnPropertyDescriptor(globalThis, 'Intl').enumerable);
