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
        &quirks::origin(u),
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

/// `input` parsed against `base` (itself parsed first), as the URL constructor does.
fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(b) => Url::options()
            .base_url(Some(&Url::parse(b).ok()?))
            .parse(input)
            .ok(),
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
        "port" => {
            let _ = quirks::set_port(&mut u, value);
        }
        "pathname" => quirks::set_pathname(&mut u, value),
        "search" => quirks::set_search(&mut u, value),
        "hash" => quirks::set_hash(&mut u, value),
        _ => return None,
    }
    Some(parts(&u))
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set(
        "parse",
        Function::new(
            ctx.clone(),
            |input: String, base: Option<String>| -> Option<Vec<String>> {
                parse(&input, base.as_deref()).map(|u| parts(&u))
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
    }

    #[test]
    fn setters_ignore_what_they_refuse() {
        let p = set("http://a/", "port", "x").unwrap();
        assert_eq!(p[0], "http://a/");
        let p = set("http://a/", "port", "8080abc").unwrap();
        assert_eq!(p[0], "http://a:8080/");
        assert!(set("http://a/", "href", "nope").is_none());
        assert!(set("http://a/", "nothing", "").is_none());
    }
}
