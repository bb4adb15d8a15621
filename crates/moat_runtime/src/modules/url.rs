//! WHATWG URL parsing and serialisation for `URL` (the `url` crate); JS keeps the object shape.

use rquickjs::{Ctx, Function, Object, Result};
use url::Url;

/// The components `URL` exposes, in a fixed order:
/// href, origin, protocol, username, password, host, hostname, port, pathname, search, hash.
fn parts(u: &Url) -> Vec<String> {
    vec![
        u.as_str().to_string(),
        u.origin().ascii_serialization(),
        format!("{}:", u.scheme()),
        u.username().to_string(),
        u.password().unwrap_or("").to_string(),
        match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            _ => String::new(),
        },
        u.host_str().unwrap_or("").to_string(),
        u.port().map(|p| p.to_string()).unwrap_or_default(),
        u.path().to_string(),
        match u.query() {
            Some(q) if !q.is_empty() => format!("?{q}"),
            _ => String::new(),
        },
        match u.fragment() {
            Some(f) if !f.is_empty() => format!("#{f}"),
            _ => String::new(),
        },
    ]
}

fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(b) => Url::parse(b).ok()?.join(input).ok(),
        None => Url::parse(input).ok(),
    }
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
        Function::new(
            ctx.clone(),
            |href: String, which: String, value: String| -> Option<Vec<String>> {
                let mut u = Url::parse(&href).ok()?;
                match which.as_str() {
                    "href" => u = Url::parse(&value).ok()?,
                    "protocol" => {
                        let _ = u.set_scheme(value.trim_end_matches(':'));
                    }
                    "username" => {
                        let _ = u.set_username(&value);
                    }
                    "password" => {
                        let _ = u.set_password(
                            Some(&value).filter(|v| !v.is_empty()).map(|v| v.as_str()),
                        );
                    }
                    "host" => {
                        let (h, p) = match value.rsplit_once(':') {
                            Some((h, p)) if p.chars().all(|c| c.is_ascii_digit()) => (h, Some(p)),
                            _ => (value.as_str(), None),
                        };
                        if u.set_host(Some(h)).is_ok()
                            && let Some(p) = p
                        {
                            let _ = u.set_port(p.parse().ok());
                        }
                    }
                    "hostname" => {
                        let _ = u.set_host(Some(&value));
                    }
                    "port" => {
                        let _ = u.set_port(if value.is_empty() {
                            None
                        } else {
                            value.parse().ok()
                        });
                    }
                    "pathname" => u.set_path(&value),
                    "search" => {
                        u.set_query(Some(value.trim_start_matches('?')).filter(|q| !q.is_empty()))
                    }
                    "hash" => u.set_fragment(
                        Some(value.trim_start_matches('#')).filter(|f| !f.is_empty()),
                    ),
                    _ => return None,
                }
                Some(parts(&u))
            },
        )?,
    )?;
    o.set(
        "domainToASCII",
        Function::new(ctx.clone(), |d: String| {
            url::Host::parse(&d)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })?,
    )?;
    Ok(())
}
