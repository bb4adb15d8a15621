'use strict';
// Words in scripts written without spaces: node's ICU finds them with its dictionaries (Chinese,
// Japanese, Thai, Khmer, Lao, Burmese); moat's segmenter has the Unicode rules only.
const words = new Intl.Segmenter('en', { granularity: 'word' });
for (const text of ['我喜欢你', 'こんにちは世界', 'สวัสดีครับ', 'ທ່ານສະບາຍດີບໍ']) {
  console.log(JSON.stringify([...words.segment(text)].map((s) => [s.segment, s.isWordLike])));
}
