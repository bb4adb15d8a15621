//! The host's store of trusted root certificates, where Node finds it: the file `SSL_CERT_FILE`
//! names, else the first of the usual places that can be read; then, when `SSL_CERT_DIR` names
//! directories (`:` between them), every file in them, by name. Only the certificates' PEM
//! blocks are kept.

use std::io::Read;

/// Where the system's store is on Debian, Fedora and Alpine-like systems.
const SYSTEM_STORES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
];

/// The most of a store that is read.
const MAX_STORE: u64 = 16 << 20;

/// The certificates (PEM blocks, one a line group) of the system's store, or `None` when there
/// is none that can be read. With `from_env` false, `SSL_CERT_FILE` and `SSL_CERT_DIR` are not
/// looked at: the sandbox host's environment may be one a guest chose for a child, and would
/// then name files outside its grants.
pub fn system_store(from_env: bool) -> Option<String> {
    let var = |name| std::env::var_os(name).filter(|v| from_env && !v.is_empty());
    let candidates: Vec<std::path::PathBuf> = match var("SSL_CERT_FILE") {
        Some(f) => vec![f.into()],
        None => SYSTEM_STORES.iter().map(Into::into).collect(),
    };
    let mut texts: Vec<String> = candidates
        .iter()
        .find_map(|p| read_text(p))
        .into_iter()
        .collect();
    let dirs = var("SSL_CERT_DIR").unwrap_or_default();
    for dir in std::env::split_paths(&dirs).filter(|d| !d.as_os_str().is_empty()) {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<_> = entries.filter_map(|e| Some(e.ok()?.file_name())).collect();
        names.sort();
        texts.extend(names.iter().filter_map(|n| read_text(&dir.join(n))));
    }
    let certs: Vec<&str> = texts.iter().flat_map(|t| certificates(t)).collect();
    (!texts.is_empty()).then(|| certs.join("\n"))
}

const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const END: &str = "-----END CERTIFICATE-----";

/// The certificate PEM blocks of a text, in order.
fn certificates(mut text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    while let Some(start) = text.find(BEGIN) {
        let rest = &text[start..];
        let Some(end) = rest.find(END) else { break };
        out.push(&rest[..end + END.len()]);
        text = &rest[end + END.len()..];
    }
    out
}

/// A file's text, at most [`MAX_STORE`] bytes of it; `None` for what is no readable file.
fn read_text(path: &std::path::Path) -> Option<String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_STORE).read_to_end(&mut bytes))
        .ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_certificate_blocks_are_kept() {
        let text = "# a label\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n\
                    -----BEGIN PRIVATE KEY-----\nBBBB\n-----END PRIVATE KEY-----\n\
                    -----BEGIN CERTIFICATE-----\nCCCC\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nDD";
        assert_eq!(
            certificates(text),
            vec![
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
                "-----BEGIN CERTIFICATE-----\nCCCC\n-----END CERTIFICATE-----",
            ]
        );
    }
}
