//! The modules a source file asks for by name, found by reading it (no evaluation): calls of
//! `require('x')`, `require.resolve('x')`, `import('x')` and `import.meta.resolve('x')` with a
//! string literal, and the places where `require` is called with anything else, which a reader
//! cannot follow. `moat build` walks an app's module
//! graph with this (ES modules' static imports come from the engine's own parse).
//!
//! A small lexer: it skips comments, string and template literals and regular expressions, so
//! that `require('x')` inside them is not taken for a call.

/// What [`scan`] found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Requests {
    /// `require('x')` specifiers, with the line of each.
    pub requires: Vec<(String, u32)>,
    /// `import('x')` specifiers, with the line of each.
    pub imports: Vec<(String, u32)>,
    /// Lines with a `require(...)` whose argument is not a string literal.
    pub dynamic: Vec<u32>,
}

/// The requests of `source`.
pub fn scan(source: &str) -> Requests {
    let b = source.as_bytes();
    let mut out = Requests::default();
    let mut i = 0;
    let mut line = 1u32;
    // Whether a `/` here would start a regular expression (after an operator or a keyword)
    // rather than divide (after a value).
    let mut regex_ok = true;
    // Template literals open: each entry is the brace depth at which its `${` began.
    let mut templates: Vec<u32> = Vec::new();
    let mut depth = 0u32;
    while i < b.len() {
        let c = b[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    line += u32::from(b[i] == b'\n');
                    i += 1;
                }
                i += 2;
            }
            b'/' if regex_ok => {
                i = skip_regex(b, i + 1);
                regex_ok = false;
            }
            b'\'' | b'"' => {
                let (end, _) = string_literal(b, i);
                i = end;
                regex_ok = false;
            }
            b'`' => {
                i = template_part(b, i + 1, &mut line);
                regex_ok = enter_substitution(b, i, &mut templates, &mut depth);
            }
            b'{' | b'(' | b'[' => {
                if c == b'{' {
                    depth += 1;
                }
                regex_ok = true;
                i += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if templates.last() == Some(&depth) {
                    templates.pop();
                    i = template_part(b, i + 1, &mut line);
                    regex_ok = enter_substitution(b, i, &mut templates, &mut depth);
                } else {
                    regex_ok = true;
                    i += 1;
                }
            }
            b')' | b']' => {
                regex_ok = false;
                i += 1;
            }
            c if is_ident_start(c) => {
                let start = i;
                while i < b.len() && is_ident_part(b[i]) {
                    i += 1;
                }
                let word = &source[start..i];
                let member = start > 0 && b[start - 1] == b'.';
                if !member && (word == "require" || word == "import") {
                    let mut j = skip_space(b, i, &mut 0);
                    // `require.resolve('x')` and `import.meta.resolve('x')` name a module the
                    // program will load or read.
                    if word == "require" && b[j..].starts_with(b".resolve") {
                        j = skip_space(b, j + ".resolve".len(), &mut 0);
                    } else if word == "import" && b[j..].starts_with(b".meta.resolve") {
                        j = skip_space(b, j + ".meta.resolve".len(), &mut 0);
                    }
                    if b.get(j) == Some(&b'(') {
                        j = skip_space(b, j + 1, &mut 0);
                        let literal = match b.get(j) {
                            Some(b'\'' | b'"') => {
                                let (end, text) = string_literal(b, j);
                                let after = skip_space(b, end, &mut 0);
                                text.filter(|_| matches!(b.get(after), Some(b')' | b',')))
                            }
                            _ => None,
                        };
                        match (word, literal) {
                            ("require", Some(s)) => out.requires.push((s, line)),
                            ("import", Some(s)) => out.imports.push((s, line)),
                            ("require", None) => out.dynamic.push(line),
                            _ => {}
                        }
                    }
                }
                regex_ok = matches!(
                    word,
                    "return"
                        | "typeof"
                        | "instanceof"
                        | "in"
                        | "of"
                        | "new"
                        | "delete"
                        | "void"
                        | "throw"
                        | "case"
                        | "do"
                        | "else"
                        | "yield"
                        | "await"
                );
            }
            b'0'..=b'9' => {
                while i < b.len() && (is_ident_part(b[i]) || b[i] == b'.') {
                    i += 1;
                }
                regex_ok = false;
            }
            _ => {
                regex_ok = true;
                i += 1;
            }
        }
    }
    out
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c >= 0x80
}

fn is_ident_part(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

fn skip_space(b: &[u8], mut i: usize, line: &mut u32) -> usize {
    while let Some(&c) = b.get(i) {
        if c == b'\n' {
            *line += 1;
        } else if !c.is_ascii_whitespace() {
            break;
        }
        i += 1;
    }
    i
}

/// The end of the string literal starting at `i` (its quote), and its text when it has no
/// escapes other than quotes and backslashes (a specifier never needs more).
fn string_literal(b: &[u8], i: usize) -> (usize, Option<String>) {
    let quote = b[i];
    let mut j = i + 1;
    let mut text = Vec::new();
    let mut plain = true;
    while j < b.len() && b[j] != quote && b[j] != b'\n' {
        if b[j] == b'\\' {
            match b.get(j + 1) {
                Some(&c @ (b'\'' | b'"' | b'\\' | b'/')) => text.push(c),
                _ => plain = false,
            }
            j += 2;
            continue;
        }
        text.push(b[j]);
        j += 1;
    }
    let text = plain.then(|| String::from_utf8(text).ok()).flatten();
    (j.saturating_add(1).min(b.len()), text)
}

/// After template text that ended at `i`: when it ended with `${`, a substitution opens at the
/// current brace depth (and an expression, where `/` starts a regular expression, follows).
fn enter_substitution(b: &[u8], i: usize, templates: &mut Vec<u32>, depth: &mut u32) -> bool {
    if b.get(i.wrapping_sub(2)..i) == Some(b"${") {
        templates.push(*depth);
        *depth += 1;
        true
    } else {
        false
    }
}

/// Skips template text from `i` to the closing backquote or a `${`; returns the position
/// after it.
fn template_part(b: &[u8], mut i: usize, line: &mut u32) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => return i + 1,
            b'$' if b.get(i + 1) == Some(&b'{') => return i + 2,
            c => {
                *line += u32::from(c == b'\n');
                i += 1;
            }
        }
    }
    i
}

/// Skips a regular expression literal's body and flags from `i` (after its `/`).
fn skip_regex(b: &[u8], mut i: usize) -> usize {
    let mut class = false;
    while i < b.len() && b[i] != b'\n' {
        match b[i] {
            b'\\' => i += 1,
            b'[' => class = true,
            b']' => class = false,
            b'/' if !class => {
                i += 1;
                while i < b.len() && is_ident_part(b[i]) {
                    i += 1;
                }
                return i;
            }
            _ => {}
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requires(src: &str) -> Vec<String> {
        scan(src).requires.into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn finds_literal_requires_and_imports() {
        let r = scan(
            "const a = require('a');\nconst b = require(\"./b\");\nimport('c').then(x => x);\n\
             import.meta.resolve('d');\n",
        );
        assert_eq!(r.requires, vec![("a".into(), 1), ("./b".into(), 2)]);
        assert_eq!(r.imports, vec![("c".into(), 3), ("d".into(), 4)]);
        assert!(r.dynamic.is_empty());
    }

    #[test]
    fn skips_comments_strings_templates_and_regexps() {
        let src = r#"
// require('no1')
/* require('no2') */
const s = "require('no3')";
const t = `require('no4') ${ require('yes1') } tail ${ {a: 1}.a } require('no5')`;
const re = /require\('no6'\)/g;
const d = 4 / 2; require('yes2');
x.require('no7');
"#;
        assert_eq!(requires(src), vec!["yes1", "yes2"]);
    }

    #[test]
    fn reports_requires_it_cannot_follow() {
        let r = scan("const m = require(name);\nrequire('a' + b);\nrequire.resolve('c');\n");
        assert_eq!(r.requires, vec![("c".into(), 3)]);
        assert_eq!(r.dynamic, vec![1, 2]);
    }

    #[test]
    fn unterminated_input_ends_cleanly() {
        for src in [
            "require('a",
            "`${",
            "/* x",
            "/abc",
            "'",
            "require(",
            "`a${b}`}",
        ] {
            let _ = scan(src);
        }
    }
}
