//! WHATWG URL parsing, setters and serialisation for `URL` and `URLSearchParams` (the `url`
//! crate, whose `quirks` module is the URL Standard's API), and the IDNA conversions of
//! `url.domainToASCII` / `domainToUnicode` (the `idna` crate). JS keeps the object shapes and
//! Node's errors; every function here takes and returns plain strings.

use rquickjs::{Ctx, Function, Object, Result};
use url::{Url, quirks};

/// The components `URL` exposes, in a fixed order:
/// href, origin, protocol, username, password, host, hostname, port, pathname, search, hash.
fn parts(u: &Url) -> Vec<String> {
    [
        quirks::href(u),
        &origin(u),
        quirks::protocol(u),
        quirks::username(u),
        quirks::password(u),
        quirks::host(u),
        quirks::hostname(u),
        quirks::port(u),
        quirks::pathname(u),
        quirks::search(u),
        quirks::hash(u),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// Brings what the `url` crate returns up to the current URL Standard where it differs: `^` in
/// a hierarchical path is percent-encoded, and an opaque path's last space, when a query or
/// fragment follows it, is `%20`.
fn modernize(mut u: Url) -> Url {
    if u.cannot_be_a_base() {
        if let Some(head) = u.path().strip_suffix(' ')
            && (u.query().is_some() || u.fragment().is_some())
        {
            let path = format!("{head}%20");
            u.set_path(&path);
        }
    } else if u.path().contains('^') {
        let path = u.path().replace('^', "%5E");
        u.set_path(&path);
    }
    u
}

/// The standard's origin: a `blob:` URL has its inner URL's only when that is http(s).
fn origin(u: &Url) -> String {
    if u.scheme() == "blob" {
        return match Url::parse(u.path()) {
            Ok(inner) if matches!(inner.scheme(), "http" | "https") => quirks::origin(&inner),
            _ => "null".to_string(),
        };
    }
    quirks::origin(u)
}

/// Input that starts (after the whitespace the parser skips) with three or more slashes or
/// backslashes, as `//` and the rest: a special base URL's parser ignores the extra slashes
/// before the host, which the `url` crate refuses.
fn collapse_leading_slashes(input: &str) -> Option<String> {
    let trimmed = input
        .trim_start_matches(|c: char| c <= ' ')
        .replace(['\t', '\n', '\r'], "");
    let run = trimmed
        .bytes()
        .take_while(|b| *b == b'/' || *b == b'\\')
        .count();
    // `run` counts ASCII bytes, so it is a char boundary.
    (run >= 3).then(|| format!("//{}", &trimmed[run..]))
}

/// `input` parsed against `base` (itself parsed first), as the URL constructor does.
fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(b) => {
            let base = Url::parse(b).ok()?;
            let options = Url::options().base_url(Some(&base));
            options.parse(input).ok().or_else(|| {
                if !base.is_special() {
                    return None;
                }
                options.parse(&collapse_leading_slashes(input)?).ok()
            })
        }
        None => Url::parse(input).ok(),
    }
}

/// Applies one of URL's setters to `href`; `None` when `href` itself does not parse (it always
/// does, as it came from a URL) or the setter is unknown. A value the setter refuses leaves the
/// URL as it was, as the standard says; only `href` reports it, with `None`.
fn set(href: &str, which: &str, value: &str) -> Option<Vec<String>> {
    let mut u = Url::parse(href).ok()?;
    match which {
        "href" => quirks::set_href(&mut u, value).ok()?,
        "protocol" => {
            let _ = quirks::set_protocol(&mut u, value);
        }
        "username" => {
            let _ = quirks::set_username(&mut u, value);
        }
        "password" => {
            let _ = quirks::set_password(&mut u, value);
        }
        "host" => {
            let _ = quirks::set_host(&mut u, value);
        }
        "hostname" => {
            let _ = quirks::set_hostname(&mut u, value);
        }
        // Only tabs and newlines: nothing once they are stripped, which leaves the port alone
        // (only an empty value removes it).
        "port" if !value.is_empty() && value.chars().all(|c| matches!(c, '\t' | '\n' | '\r')) => {}
        "port" => {
            let _ = quirks::set_port(&mut u, value);
        }
        "pathname" => quirks::set_pathname(&mut u, value),
        "search" => quirks::set_search(&mut u, value),
        "hash" => quirks::set_hash(&mut u, value),
        _ => return None,
    }
    Some(parts(&modernize(u)))
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "parse",
        Function::new(
            ctx.clone(),
            |input: String, base: Option<String>| -> Option<Vec<String>> {
                parse(&input, base.as_deref()).map(|u| parts(&modernize(u)))
            },
        )?,
    )?;
    o.set(
        "set",
        Function::new(ctx.clone(), |href: String, which: String, value: String| {
            set(&href, &which, &value)
        })?,
    )?;
    // application/x-www-form-urlencoded: the name/value list of a query, flattened.
    o.set(
        "parseParams",
        Function::new(ctx.clone(), |query: String| -> Vec<String> {
            url::form_urlencoded::parse(query.as_bytes())
                .flat_map(|(k, v)| [k.into_owned(), v.into_owned()])
                .collect()
        })?,
    )?;
    o.set(
        "domainToASCII",
        Function::new(ctx.clone(), |d: String| quirks::domain_to_ascii(&d))?,
    )?;
    o.set(
        "domainToUnicode",
        Function::new(ctx.clone(), |d: String| quirks::domain_to_unicode(&d))?,
    )?;
    // The lenient IDNA of `url.parse()`: each label to ASCII, or `None` when it cannot be.
    o.set(
        "toASCII",
        Function::new(ctx.clone(), |d: String| -> Option<String> {
            idna::domain_to_ascii(&d).ok()
        })?,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_follow_the_standard() {
        let u = parse("HTTP://u:p@EXAMPLE.com:80/a/../b?q#h", None).unwrap();
        assert_eq!(
            parts(&u),
            [
                "http://u:p@example.com/b?q#h",
                "http://example.com",
                "http:",
                "u",
                "p",
                "example.com",
                "example.com",
                "",
                "/b",
                "?q",
                "#h"
            ]
        );
        assert!(parse("x", None).is_none());
        assert!(parse("x", Some("nope")).is_none());
        assert_eq!(
            parse("../c", Some("http://a/b/d")).unwrap().as_str(),
            "http://a/c"
        );
        assert_eq!(
            parse("///\\//x/p", Some("http://example.org/"))
                .unwrap()
                .as_str(),
            "http://x/p"
        );
        let modern = |s: &str| modernize(Url::parse(s).unwrap()).to_string();
        assert_eq!(modern("http://h/a^b"), "http://h/a%5Eb");
        assert_eq!(modern("x:a  ?q"), "x:a %20?q");
        assert_eq!(modern("x:a  "), "x:a");
        let blob = |s: &str| origin(&Url::parse(s).unwrap());
        assert_eq!(blob("blob:https://a.com/x"), "https://a.com");
        assert_eq!(blob("blob:ftp://a.com/x"), "null");
        assert_eq!(blob("blob:nonsense"), "null");
    }

    #[test]
    fn setters_ignore_what_they_refuse() {
        let p = set("http://a/", "port", "x").unwrap();
        assert_eq!(p[0], "http://a/");
        let p = set("http://a/", "port", "8080abc").unwrap();
        assert_eq!(p[0], "http://a:8080/");
        assert_eq!(
            set("http://a:1/", "port", "\n\t").unwrap()[0],
            "http://a:1/"
        );
        assert_eq!(set("http://a:1/", "port", "").unwrap()[0], "http://a/");
        assert!(set("http://a/", "href", "nope").is_none());
        assert!(set("http://a/", "nothing", "").is_none());
    }
}
