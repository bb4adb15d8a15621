//! `Intl`'s engine-side half (`js/internal/intl.js`): text segmentation by ICU4X's UAX #29
//! segmenters (what ICU gives node's `Intl.Segmenter`), and the syntax of locale tags.

use icu_locale_core::Locale;
use icu_segmenter::options::{SentenceBreakInvariantOptions, WordBreakInvariantOptions};
use icu_segmenter::{GraphemeClusterSegmenter, SentenceSegmenter, WordSegmenter};
use rquickjs::{Ctx, Function, Object, Result, TypedArray, Value};

use super::encoding::{JsStr, wtf8_units};

/// What a segment's end carries in [`segment`]'s output for word granularity: the segment is a
/// word (letters, numbers, ideographs), not spaces or punctuation.
const WORD_LIKE: u32 = 1 << 31;

/// The boundaries (in UTF-16 code units, 0 and the length included) that split `units` into
/// graphemes (`granularity` 0), words (1) or sentences (2). For words each boundary after the
/// first has [`WORD_LIKE`] set when the segment it ends is word-like. Unpaired surrogates count
/// as U+FFFD, as in ICU.
fn segment(granularity: u32, units: &[u16]) -> Vec<u32> {
    // JS strings are shorter than 2^30 code units, so the flag bit is free.
    let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX >> 1);
    match granularity {
        0 => GraphemeClusterSegmenter::new()
            .segment_utf16(units)
            .map(at)
            .collect(),
        1 => {
            let mut out = vec![0];
            let mut it =
                WordSegmenter::new_for_non_complex_scripts(WordBreakInvariantOptions::default())
                    .segment_utf16(units);
            let mut start = 0;
            while let Some(i) = it.next() {
                if i == 0 {
                    continue;
                }
                // ICU4X reads the word type off the segment's last character, so a letter
                // followed by a combining mark (e + U+0301) comes out as no word; ICU's rules
                // call every segment that starts with a letter or digit a word.
                let segment = units.get(start..i).unwrap_or_default();
                let word_like = it.is_word_like() || starts_alphanumeric(segment);
                out.push(at(i) | if word_like { WORD_LIKE } else { 0 });
                start = i;
            }
            out
        }
        _ => SentenceSegmenter::new(SentenceBreakInvariantOptions::default())
            .segment_utf16(units)
            .map(at)
            .collect(),
    }
}

fn starts_alphanumeric(units: &[u16]) -> bool {
    char::decode_utf16(units.iter().copied())
        .next()
        .and_then(|c| c.ok())
        .is_some_and(char::is_alphanumeric)
}

/// A locale tag in canonical syntax (subtags' case, variants and extension keys in order,
/// `true` values left out), or `None` when it is no Unicode BCP 47 locale identifier (`_`
/// separators, which ICU4X also reads, included).
fn canonical_tag(tag: &str) -> Option<String> {
    if tag.is_empty() || tag.contains('_') {
        return None;
    }
    Locale::try_from_str(tag).ok().map(|l| l.to_string())
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "segment",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, granularity: u32, input: Value<'js>| -> Result<TypedArray<'js, u32>> {
                let s = JsStr::new(&ctx, &input)?;
                TypedArray::new(ctx.clone(), segment(granularity, &wtf8_units(s.bytes())))
            },
        )?,
    )?;
    o.set(
        "canonicalTag",
        Function::new(ctx.clone(), |tag: String| canonical_tag(&tag))?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn graphemes_keep_clusters_whole() {
        // e + combining acute, a flag (two regional indicators), a ZWJ family.
        let text = units("e\u{301}a\u{1F1EF}\u{1F1F5}\u{1F468}\u{200D}\u{1F469}");
        assert_eq!(segment(0, &text), [0, 2, 3, 7, 12]);
        assert_eq!(segment(0, &[]), [0]);
    }

    #[test]
    fn words_say_which_are_word_like() {
        let text = units("Hi, 42!");
        assert_eq!(
            segment(1, &text),
            [0, 2 | WORD_LIKE, 3, 4, 6 | WORD_LIKE, 7]
        );
        // A letter with a combining mark is still a word.
        assert_eq!(
            segment(1, &units("e\u{301} \u{1F600}")),
            [0, 2 | WORD_LIKE, 3, 5]
        );
    }

    #[test]
    fn sentences_end_after_their_spaces() {
        assert_eq!(segment(2, &units("Hi there. Fine!")), [0, 10, 15]);
    }

    #[test]
    fn a_lone_surrogate_is_one_unit() {
        assert_eq!(segment(0, &[0x61, 0xd800, 0x62]), [0, 1, 2, 3]);
    }

    #[test]
    fn tags_are_checked_and_put_in_canonical_case() {
        assert_eq!(canonical_tag("EN-us").as_deref(), Some("en-US"));
        assert_eq!(canonical_tag("zh-hant-tw").as_deref(), Some("zh-Hant-TW"));
        assert_eq!(canonical_tag("en_US"), None);
        assert_eq!(canonical_tag(""), None);
        assert_eq!(canonical_tag("en-"), None);
        assert_eq!(canonical_tag("toolongtag"), None);
    }
}
