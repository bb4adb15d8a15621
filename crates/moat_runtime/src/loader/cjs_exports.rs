//! Which names a CommonJS module exports, found by reading its source (no evaluation), so that
//! `import { a } from './cjs.js'` can link before the module runs — as Node's cjs-module-lexer
//! does. Recognised: `exports.a =`, `module.exports.a =`, `exports['a'] =`,
//! `Object.defineProperty(exports, 'a'`, and `module.exports = { a, b: c, 'd': e }`.

/// Export names of a CommonJS `source`, in first-seen order, without duplicates.
pub fn detect(source: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        if !n.is_empty() && n != "default" && !names.iter().any(|x| x == n) {
            names.push(n.to_string());
        }
    };
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = &source[i..];
        let boundary = i == 0 || !is_ident_byte(b[i - 1]) && b[i - 1] != b'.';
        let target = rest
            .strip_prefix("module.exports")
            .map(|after| (after, true))
            .or_else(|| rest.strip_prefix("exports").map(|after| (after, false)));
        if boundary && let Some((after, is_module)) = target {
            if let Some(name) = member_assignment(after) {
                add(&name);
            } else if is_module && let Some(obj) = object_assignment(after) {
                for n in obj {
                    add(&n);
                }
            }
        }
        if rest.starts_with("Object.defineProperty(")
            && let Some(name) = define_property(&rest[22..])
        {
            add(&name);
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    names
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$'
}

fn ident(s: &str) -> Option<(&str, &str)> {
    let end = s.bytes().position(|c| !is_ident_byte(c)).unwrap_or(s.len());
    if end == 0 || s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    Some((&s[..end], &s[end..]))
}

fn quoted(s: &str) -> Option<(&str, &str)> {
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let end = s[1..].find(q)? + 1;
    Some((&s[1..end], &s[end + 1..]))
}

/// `.name =` or `['name'] =` (not `==`).
fn member_assignment(s: &str) -> Option<String> {
    let (name, rest) = if let Some(r) = s.strip_prefix('.') {
        ident(r)?
    } else if let Some(r) = s.strip_prefix('[') {
        let (n, r) = quoted(r.trim_start())?;
        (n, r.trim_start().strip_prefix(']')?)
    } else {
        return None;
    };
    let rest = rest.trim_start();
    (rest.starts_with('=') && !rest.starts_with("==")).then(|| name.to_string())
}

/// `= { a, b: x, 'c': y, ...spread }`: the shorthand and keyed names.
fn object_assignment(s: &str) -> Option<Vec<String>> {
    let s = s.trim_start().strip_prefix('=')?;
    if s.starts_with('=') {
        return None;
    }
    let mut s = s.trim_start().strip_prefix('{')?;
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.starts_with('}') || s.is_empty() {
            return Some(out);
        }
        let (name, rest) = if let Some(r) = s.strip_prefix("...") {
            let (_, r) = ident(r.trim_start())?;
            ("", r)
        } else if let Some((n, r)) = quoted(s) {
            (n, r)
        } else {
            ident(s)?
        };
        if !name.is_empty() {
            out.push(name.to_string());
        }
        let rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix(':') {
            // Skip the value up to the next top-level comma.
            let mut depth = 0i32;
            let mut end = r.len();
            for (idx, c) in r.char_indices() {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' => depth -= 1,
                    '}' if depth == 0 => {
                        end = idx;
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        end = idx;
                        break;
                    }
                    _ => {}
                }
            }
            s = &r[end..];
        } else {
            s = rest;
        }
        s = s.trim_start();
        if let Some(r) = s.strip_prefix(',') {
            s = r;
        } else {
            return Some(out);
        }
    }
}

/// `exports, 'name'` after `Object.defineProperty(`.
fn define_property(s: &str) -> Option<String> {
    let s = s.trim_start();
    let s = s
        .strip_prefix("module.exports")
        .or_else(|| s.strip_prefix("exports"))?;
    let s = s.trim_start().strip_prefix(',')?.trim_start();
    let (name, _) = quoted(s)?;
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn member_assignments() {
        let src = "exports.a = 1;\nmodule.exports.b = 2; exports['c'] = 3; if (exports.d == 1) {}\nfoo.exports.e = 1;";
        assert_eq!(detect(src), ["a", "b", "c"]);
    }

    #[test]
    fn object_literal_and_define_property() {
        let src = "module.exports = { x, y: f(1, 2), 'z': 3, ...rest };\nObject.defineProperty(exports, \"w\", { value: 1 });";
        assert_eq!(detect(src), ["x", "y", "z", "w"]);
    }

    #[test]
    fn default_is_not_a_named_export() {
        assert_eq!(detect("exports.default = 1; exports.q = 2;"), ["q"]);
    }
}
