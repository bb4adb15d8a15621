//! Which names a CommonJS module exports, found by reading its source (no evaluation), so that
//! `import { a } from './cjs.js'` can link before the module runs — as Node's cjs-module-lexer
//! does. Recognised: `exports.a =`, `module.exports.a =`, `exports['a'] =`,
//! `Object.defineProperty(exports, 'a'`, `module.exports = { a, b: c, 'd': e }`, and the
//! re-export `module.exports = require('x')`, whose names the loader adds from `x`.

/// What the lexer found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Exports {
    /// Export names in first-seen order, without duplicates.
    pub names: Vec<String>,
    /// Specifiers whose exports this module passes on.
    pub reexports: Vec<String>,
}

/// The exports of a CommonJS `source`.
pub fn detect(source: &str) -> Exports {
    let mut names: Vec<String> = Vec::new();
    let mut reexports: Vec<String> = Vec::new();
    let mut required: Vec<(String, String)> = Vec::new();
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
            } else if is_module && let Some(spec) = require_assignment(after) {
                reexports.push(spec);
            } else if is_module && let Some(obj) = object_assignment(after) {
                for n in obj {
                    add(&n);
                }
            }
        }
        // `var _x = require('x')`, for a later star re-export of `_x`.
        if boundary
            && let Some(after) = ["var ", "let ", "const "]
                .iter()
                .find_map(|k| rest.strip_prefix(k))
            && let Some((binding, after)) = ident(after.trim_start())
            && let Some(spec) = require_assignment(after)
        {
            required.push((binding.to_string(), spec));
        }
        // Babel and TypeScript star re-exports.
        if let Some(after) = rest.strip_prefix("Object.keys(")
            && let Some((binding, after)) = ident(after.trim_start())
            && after.trim_start().starts_with(").forEach(")
            && let Some((_, spec)) = required.iter().find(|(b, _)| b == binding)
        {
            reexports.push(spec.clone());
        }
        if boundary
            && let Some(after) = rest
                .strip_prefix("__exportStar(")
                .or_else(|| rest.strip_prefix("__export("))
            && let Some(spec) = require_call(after.trim_start())
        {
            reexports.push(spec);
        }
        if rest.starts_with("Object.defineProperty(")
            && let Some(name) = define_property(&rest[22..])
        {
            add(&name);
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    Exports { names, reexports }
}

/// `= require('x')`: the specifier.
fn require_assignment(s: &str) -> Option<String> {
    let s = s.trim_start().strip_prefix('=')?;
    if s.starts_with('=') {
        return None;
    }
    require_call(s.trim_start())
}

/// `require('x')`: the specifier.
fn require_call(s: &str) -> Option<String> {
    let s = s
        .strip_prefix("require")?
        .trim_start()
        .strip_prefix('(')?
        .trim_start();
    let (spec, rest) = quoted(s)?;
    rest.trim_start().starts_with(')').then_some(spec)
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

/// A quoted string literal at the start of `s`: its value (escapes decoded) and the rest. A
/// value that is not well-formed Unicode (a lone surrogate) is no export name: `None`.
fn quoted(s: &str) -> Option<(String, &str)> {
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let mut units: Vec<u16> = Vec::new();
    let mut chars = s[1..].char_indices();
    while let Some((i, c)) = chars.next() {
        if c == q {
            let value = String::from_utf16(&units).ok()?;
            return Some((value, &s[1 + i + 1..]));
        }
        if c != '\\' {
            let mut buf = [0u16; 2];
            units.extend_from_slice(c.encode_utf16(&mut buf));
            continue;
        }
        let (_, e) = chars.next()?;
        match e {
            'n' => units.push(10),
            't' => units.push(9),
            'r' => units.push(13),
            'b' => units.push(8),
            'f' => units.push(12),
            'v' => units.push(11),
            '0' => units.push(0),
            'x' => {
                let h: String = (0..2)
                    .filter_map(|_| chars.next().map(|(_, c)| c))
                    .collect();
                units.push(u16::from_str_radix(&h, 16).ok()?);
            }
            'u' => {
                let rest = &s[1..];
                let pos = chars.clone().next().map_or(rest.len(), |(p, _)| p);
                if rest[pos..].starts_with('{') {
                    let close = rest[pos..].find('}')?;
                    let v = u32::from_str_radix(&rest[pos + 1..pos + close], 16).ok()?;
                    for _ in 0..=close {
                        chars.next();
                    }
                    if v > 0xFFFF {
                        let c = char::from_u32(v)?;
                        let mut buf = [0u16; 2];
                        units.extend_from_slice(c.encode_utf16(&mut buf));
                    } else {
                        units.push(v as u16);
                    }
                } else {
                    let h: String = (0..4)
                        .filter_map(|_| chars.next().map(|(_, c)| c))
                        .collect();
                    units.push(u16::from_str_radix(&h, 16).ok()?);
                }
            }
            '\n' => {}
            other => {
                let mut buf = [0u16; 2];
                units.extend_from_slice(other.encode_utf16(&mut buf));
            }
        }
    }
    None
}

/// `.name =` or `['name'] =` (not `==`).
fn member_assignment(s: &str) -> Option<String> {
    let (name, rest) = if let Some(r) = s.strip_prefix('[') {
        let (n, r) = quoted(r.trim_start())?;
        (n, r.trim_start().strip_prefix(']')?)
    } else {
        let (n, r) = ident(s.strip_prefix('.')?)?;
        (n.to_string(), r)
    };
    let rest = rest.trim_start();
    (rest.starts_with('=') && !rest.starts_with("==")).then_some(name)
}

/// `= { a, b: x, 'c': y, ...spread }`: the names of the literal, read as Node's lexer reads
/// them. A key counts when it stands alone or its value starts with an identifier; reading
/// stops, keeping what it found, at the first entry of another shape or a value that goes on
/// past its identifier (`b: f(1)` counts `b`, then stops).
fn object_assignment(s: &str) -> Option<Vec<String>> {
    let s = s.trim_start().strip_prefix('=')?;
    if s.starts_with('=') {
        return None;
    }
    let mut s = s.trim_start().strip_prefix('{')?;
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if let Some(r) = s.strip_prefix("...") {
            let Some((_, r)) = ident(r.trim_start()) else {
                return Some(out);
            };
            s = r;
        } else {
            let (key, rest, is_ident) = if let Some((n, r)) = quoted(s) {
                (n, r, false)
            } else if let Some((n, r)) = ident(s) {
                (n.to_string(), r, true)
            } else {
                return Some(out);
            };
            let rest = rest.trim_start();
            if let Some(value) = rest.strip_prefix(':') {
                let Some((_, r)) = ident(value.trim_start()) else {
                    return Some(out);
                };
                out.push(key);
                s = r;
            } else if is_ident {
                out.push(key);
                s = rest;
            } else {
                return Some(out);
            }
        }
        match s.trim_start().strip_prefix(',') {
            Some(r) => s = r,
            None => return Some(out),
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
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn member_assignments() {
        let src = "exports.a = 1;\nmodule.exports.b = 2; exports['c'] = 3; if (exports.d == 1) {}\nfoo.exports.e = 1;";
        assert_eq!(detect(src).names, ["a", "b", "c"]);
    }

    #[test]
    fn object_literal_and_define_property() {
        let src = "module.exports = { x, y: f(1, 2), 'z': 3, ...rest };\nObject.defineProperty(exports, \"w\", { value: 1 });";
        assert_eq!(detect(src).names, ["x", "y", "w"]);
        let src = "module.exports = { a: b, ...c, 'd': e, f: function () {}, g };";
        assert_eq!(detect(src).names, ["a", "d", "f"]);
        let src = "module.exports = { a, b: 'str', c };";
        assert_eq!(detect(src).names, ["a"]);
        assert_eq!(detect("module.exports = { a() {}, b };").names, ["a"]);
    }

    #[test]
    fn default_is_not_a_named_export() {
        assert_eq!(detect("exports.default = 1; exports.q = 2;").names, ["q"]);
    }

    #[test]
    fn escapes_are_decoded_and_lone_surrogates_dropped() {
        let src =
            r"exports['\u{D83C}'] = 0; exports['\u{D83C}\u{DF10}'] = 1; exports['\x41\u0042'] = 2;";
        assert_eq!(detect(src).names, ["\u{1F310}", "AB"]);
    }

    #[test]
    fn transpiled_star_reexports() {
        let babel = "var _external = require(\"./a.js\");\nObject.keys(_external).forEach(function (key) {});";
        assert_eq!(detect(babel).reexports, ["./a.js"]);
        assert_eq!(
            detect("__exportStar(require('./b'), exports);").reexports,
            ["./b"]
        );
    }

    #[test]
    fn reexport_of_a_required_module() {
        let e = detect("if (x) module.exports = require('../is-object');\nexports.y = 1;");
        assert_eq!(
            (e.names, e.reexports),
            (vec!["y".to_string()], vec!["../is-object".to_string()])
        );
    }
}
