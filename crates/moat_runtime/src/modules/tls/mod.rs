//! `node:tls`: TLS over any byte stream, on rustls. The JS half (`js/_tls_wrap.js`) owns the
//! transport — a `net.Socket` or any duplex — and shuttles bytes: ciphertext from the transport
//! goes into [`Conn`] through `receive`, plaintext comes out through `read`; plaintext written
//! with `write` leaves as ciphertext through `pull`. Nothing here touches a socket, so the same
//! code runs natively and inside the sandbox, where keys and plaintext never leave the guest.
//!
//! Certificate checks follow Node's split: the handshake always verifies the peer's handshake
//! signature, but the chain's verdict is only recorded (`verifyError`, OpenSSL's codes); the JS
//! half decides with `rejectUnauthorized` and checks the host name with `checkServerIdentity`.

pub mod pfx;
pub mod provider;

use std::collections::VecDeque;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{
    Array, ArrayBuffer, Class, Constructor, Ctx, Exception, Function, JsLifetime, Object, Result,
    TypedArray, Value,
};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ClientSessionMemoryCache, Resumption};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::{Acceptor, ServerSessionMemoryCache};
use rustls::sign::CertifiedKey;
use rustls::{
    ClientConfig, ClientConnection, DigitallySignedStruct, DistinguishedName, RootCertStore,
    ServerConfig, ServerConnection, SignatureScheme, SupportedProtocolVersion,
};

use super::crypto::x509;
use crate::js_errors::{define, throw_code};
use crate::value::bytes_of;

/// Bits `receive` returns.
const HANDSHAKE_DONE: u32 = 1;
const PEER_CLOSED: u32 = 2;
const CLIENT_HELLO: u32 = 4;

/// OpenSSL's names for the cipher suites the provider offers, as `getCipher().name` reports.
const OPENSSL_NAMES: &[(&str, &str)] = &[
    ("TLS13_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"),
    ("TLS13_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
    (
        "TLS13_CHACHA20_POLY1305_SHA256",
        "TLS_CHACHA20_POLY1305_SHA256",
    ),
    (
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
    ),
    (
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
    ),
    (
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "ECDHE-ECDSA-AES128-GCM-SHA256",
    ),
    (
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
    ),
    (
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
    ),
    (
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "ECDHE-RSA-CHACHA20-POLY1305",
    ),
];

/// The IANA name of a TLS 1.3 suite (rustls spells them `TLS13_…`).
fn standard_name(rustls_name: &str) -> String {
    match rustls_name.strip_prefix("TLS13_") {
        Some(rest) => format!("TLS_{rest}"),
        None => rustls_name.to_string(),
    }
}

fn base_provider() -> &'static Arc<CryptoProvider> {
    static P: OnceLock<Arc<CryptoProvider>> = OnceLock::new();
    P.get_or_init(|| Arc::new(provider::provider()))
}

/// The certificates `tls.rootCertificates` lists and a default context trusts: Mozilla's set.
fn bundled_roots() -> &'static [CertificateDer<'static>] {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
}

/// What `tls.createSecureContext` made: our certificate and key, whom we trust, and the
/// protocol choices. Connections made from it share its session caches.
pub struct Context {
    provider: Arc<CryptoProvider>,
    /// Our certificate chains with their keys; a server picks the first whose key can sign in
    /// a scheme the client offers.
    certified: Vec<Arc<CertifiedKey>>,
    /// The certificates given as `ca`, as DER, and whether Mozilla's roots are trusted too.
    ca: Arc<Vec<CertificateDer<'static>>>,
    default_roots: bool,
    /// The subjects of `ca`, which a server asking for client certificates sends as hints.
    hints: Vec<DistinguishedName>,
    /// A server picks the suite by its own order rather than the client's.
    honor_cipher_order: bool,
    versions: Vec<&'static SupportedProtocolVersion>,
    client_sessions: Arc<ClientSessionMemoryCache>,
    server_sessions: Arc<ServerSessionMemoryCache>,
}

// SAFETY: `Context` holds no JS values, so it is the same type at every lifetime.
unsafe impl<'js> JsLifetime<'js> for Context {
    type Changed<'to> = Context;
}
impl<'js> Trace<'js> for Context {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}
impl<'js> JsClass<'js> for Context {
    const NAME: &'static str = "SecureContextHandle";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

/// The chain verdict a verifier records for the JS half: `None` until checked, then the chain
/// that leads to a trusted certificate, or OpenSSL's code for why there is none.
type Verdict = Arc<Mutex<Option<std::result::Result<Vec<Vec<u8>>, &'static str>>>>;

/// Checks a peer's chain against the context's roots and records the verdict; lets the
/// handshake go on either way. Handshake signatures are checked for real.
#[derive(Debug)]
struct Recorder {
    trusted: Arc<Vec<CertificateDer<'static>>>,
    default_roots: bool,
    algorithms: WebPkiSupportedAlgorithms,
    verdict: Verdict,
    /// Server side: whether to ask for a client certificate, and whether to require one.
    request: bool,
    mandatory: bool,
    hints: Vec<DistinguishedName>,
}

impl Recorder {
    fn record(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) {
        let verdict = chain_verdict(
            &self.trusted,
            self.default_roots,
            end_entity,
            intermediates,
            now,
            self.request,
        );
        if let Ok(mut v) = self.verdict.lock() {
            *v = Some(verdict);
        }
    }
}

/// OpenSSL's verify code for a chain that fails, as Node reports it in `authorizationError`.
/// `client` picks the extended key usage the leaf must allow: client or server authentication.
fn chain_verdict(
    trusted: &[CertificateDer<'static>],
    default_roots: bool,
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    now: UnixTime,
    client: bool,
) -> std::result::Result<Vec<Vec<u8>>, &'static str> {
    let mut anchors: Vec<&[u8]> = trusted.iter().map(|c| c.as_ref()).collect();
    if default_roots {
        anchors.extend(bundled_roots().iter().map(|c| c.as_ref()));
    }
    let intermediates: Vec<&[u8]> = intermediates.iter().map(|c| c.as_ref()).collect();
    x509::verify_tls_chain(
        end_entity.as_ref(),
        &intermediates,
        &anchors,
        now.as_secs() as f64 * 1000.0,
        client,
    )
}

/// Checks a handshake signature with the key of `cert` (any certificate version).
fn verify_handshake(
    message: &[u8],
    cert: &CertificateDer<'_>,
    dss: &DigitallySignedStruct,
    algorithms: &WebPkiSupportedAlgorithms,
    tls13: bool,
) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
    use SignatureScheme as S;
    use rustls::CertificateError as C;
    // TLS 1.3 signs with PSS, curve-bound ECDSA and EdDSA only.
    let tls13_scheme = matches!(
        dss.scheme,
        S::ECDSA_NISTP256_SHA256
            | S::ECDSA_NISTP384_SHA384
            | S::ECDSA_NISTP521_SHA512
            | S::RSA_PSS_SHA256
            | S::RSA_PSS_SHA384
            | S::RSA_PSS_SHA512
            | S::ED25519
            | S::ED448
    );
    if tls13 && !tls13_scheme {
        return Err(rustls::PeerMisbehaved::SignedHandshakeWithUnadvertisedSigScheme.into());
    }
    let (alg_id, key) = x509::certificate_key(cert.as_ref())
        .ok_or(rustls::Error::InvalidCertificate(C::BadEncoding))?;
    let candidates = algorithms
        .mapping
        .iter()
        .find(|(scheme, _)| *scheme == dss.scheme)
        .map(|(_, algs)| *algs)
        .unwrap_or(&[]);
    let alg = candidates
        .iter()
        .find(|a| a.public_key_alg_id().as_ref() == alg_id)
        .ok_or(rustls::Error::InvalidCertificate(C::BadSignature))?;
    alg.verify_signature(key, message, dss.signature())
        .map(|()| HandshakeSignatureValid::assertion())
        .map_err(|_| rustls::Error::InvalidCertificate(C::BadSignature))
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        self.record(end_entity, intermediates, now);
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_handshake(message, cert, dss, &self.algorithms, false)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_handshake(message, cert, dss, &self.algorithms, true)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

impl ClientCertVerifier for Recorder {
    fn offer_client_auth(&self) -> bool {
        self.request
    }
    fn client_auth_mandatory(&self) -> bool {
        self.mandatory
    }
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }
    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> std::result::Result<ClientCertVerified, rustls::Error> {
        self.record(end_entity, intermediates, now);
        Ok(ClientCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_handshake(message, cert, dss, &self.algorithms, false)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        verify_handshake(message, cert, dss, &self.algorithms, true)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// Collects the session secrets rustls reports, as NSS key log lines, for the 'keylog' event.
#[derive(Debug, Default)]
struct KeyLines(Mutex<Vec<u8>>);

impl rustls::KeyLog for KeyLines {
    fn log(&self, label: &str, client_random: &[u8], secret: &[u8]) {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        if let Ok(mut out) = self.0.lock() {
            out.extend_from_slice(
                format!("{label} {} {}\n", hex(client_random), hex(secret)).as_bytes(),
            );
        }
    }
}

/// A server's certificate: the first of the context's whose key can sign in a scheme the client
/// offers, for a suite both sides have (an ECDSA and an RSA certificate can serve side by side;
/// TLS 1.2's suites name the schemes their key signs with, TLS 1.3's take any).
#[derive(Debug)]
struct Certs {
    certs: Vec<Arc<CertifiedKey>>,
    /// The server's suites.
    suites: Vec<rustls::SupportedCipherSuite>,
}

impl rustls::server::ResolvesServerCert for Certs {
    fn resolve(&self, hello: rustls::server::ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let offered = hello.signature_schemes();
        let common: Vec<&rustls::SupportedCipherSuite> = self
            .suites
            .iter()
            .filter(|s| hello.cipher_suites().contains(&s.suite()))
            .collect();
        let serves = |c: &CertifiedKey, suite: &rustls::SupportedCipherSuite| match suite {
            rustls::SupportedCipherSuite::Tls12(t) => {
                let schemes: Vec<rustls::SignatureScheme> = offered
                    .iter()
                    .copied()
                    .filter(|s| t.sign.contains(s))
                    .collect();
                c.key.choose_scheme(&schemes).is_some()
            }
            rustls::SupportedCipherSuite::Tls13(_) => c.key.choose_scheme(offered).is_some(),
        };
        // The hello does not say which version will be spoken (a TLS 1.2 client may list TLS
        // 1.3's suites too), so a key that fits a TLS 1.2 suite comes first: TLS 1.3 takes any.
        let fits_tls12 = |c: &&Arc<CertifiedKey>| {
            common
                .iter()
                .any(|s| matches!(s, rustls::SupportedCipherSuite::Tls12(_)) && serves(c, s))
        };
        let fits = |c: &&Arc<CertifiedKey>| common.iter().any(|s| serves(c, s));
        self.certs
            .iter()
            .find(fits_tls12)
            .or_else(|| self.certs.iter().find(fits))
            .or_else(|| self.certs.first())
            .cloned()
    }
}

enum State {
    /// A server waiting for the whole ClientHello, before a context is chosen for it.
    Accepting(Box<Acceptor>, Option<Box<rustls::server::Accepted>>),
    Client(Box<ClientConnection>),
    Server(Box<ServerConnection>),
    /// After a fatal error or before the first byte: nothing left to do.
    Done,
}

/// One TLS session.
pub struct Conn {
    state: State,
    verdict: Verdict,
    /// Ciphertext an acceptor produced on failure (an alert), waiting for `pull`.
    pending_out: Vec<u8>,
    /// Plaintext received and not yet taken by `read`.
    plain: VecDeque<Vec<u8>>,
    /// The largest plaintext a record may carry (`setMaxSendFragment`), when limited.
    max_fragment: Option<usize>,
    /// Key log lines not yet taken, when the JS half asked for them.
    keylog: Option<Arc<KeyLines>>,
    /// Whether any ciphertext has arrived yet.
    seen_input: bool,
    handshake_reported: bool,
    certified: Option<Arc<CertifiedKey>>,
}

// SAFETY: `Conn` holds no JS values, so it is the same type at every lifetime.
unsafe impl<'js> JsLifetime<'js> for Conn {
    type Changed<'to> = Conn;
}
impl<'js> Trace<'js> for Conn {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}
impl<'js> JsClass<'js> for Conn {
    const NAME: &'static str = "TLSConnection";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

impl Conn {
    fn common(&mut self) -> Option<&mut rustls::CommonState> {
        match &mut self.state {
            State::Client(c) => Some(&mut **c),
            State::Server(s) => Some(&mut **s),
            _ => None,
        }
    }
}

/// A TLS failure as Node reports OpenSSL's: `code` `ERR_SSL_<REASON>`, with `library` and
/// `reason` as their own properties.
fn tls_error<'js>(ctx: &Ctx<'js>, err: &rustls::Error) -> rquickjs::Error {
    use rustls::AlertDescription as A;
    use rustls::Error as E;
    use rustls::PeerIncompatible as P;
    let reason: String = match err {
        E::AlertReceived(a) => {
            // OpenSSL 3.2+'s reason names, which Node's codes repeat.
            let prefix = match a {
                A::HandshakeFailure
                | A::BadCertificate
                | A::UnsupportedCertificate
                | A::CertificateRevoked
                | A::CertificateExpired
                | A::CertificateUnknown
                | A::UnexpectedMessage
                | A::BadRecordMac
                | A::DecompressionFailure
                | A::IllegalParameter
                | A::NoCertificate => "ssl/tls alert",
                A::CertificateRequired | A::MissingExtension => "tlsv13 alert",
                A::UnrecognisedName => "tlsv1",
                _ => "tlsv1 alert",
            };
            let name = match a {
                A::UnrecognisedName => "unrecognized name".to_string(),
                A::UnknownCA => "unknown ca".to_string(),
                A::UnknownPSKIdentity => "unknown psk identity".to_string(),
                A::UserCanceled => "user cancelled".to_string(),
                _ => snake(&format!("{a:?}")).replace('_', " "),
            };
            format!("{prefix} {name}")
        }
        E::InvalidMessage(
            rustls::InvalidMessage::InvalidContentType
            | rustls::InvalidMessage::UnknownProtocolVersion,
        ) => "wrong version number".into(),
        E::InvalidMessage(_) => "record layer failure".into(),
        E::PeerIncompatible(P::NoCipherSuitesInCommon) => "no shared cipher".into(),
        E::PeerIncompatible(P::NoKxGroupsInCommon) => "no suitable key share".into(),
        E::PeerIncompatible(P::NoSignatureSchemesInCommon) => {
            "no suitable signature algorithm".into()
        }
        E::PeerIncompatible(_) => "unsupported protocol".into(),
        E::NoApplicationProtocol => "no application protocol".into(),
        E::DecryptError => "decryption failed or bad record mac".into(),
        E::PeerSentOversizedRecord => "packet length too long".into(),
        E::NoCertificatesPresented => "peer did not return a certificate".into(),
        E::InvalidCertificate(_) => "certificate verify failed".into(),
        E::PeerMisbehaved(_) => "unexpected message".into(),
        other => other.to_string(),
    };
    let code = format!("ERR_SSL_{}", reason.to_ascii_uppercase().replace(' ', "_"));
    let build = || -> Result<Value<'js>> {
        let ctor: Function = ctx.globals().get("Error")?;
        let e: Object = ctor.call((format!("SSL routines::{reason}"),))?;
        define(&e, "code", code.as_str())?;
        define(&e, "library", "SSL routines")?;
        define(&e, "reason", reason.as_str())?;
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

/// `HandshakeFailure` → `handshake_failure`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

fn arg_error<'js>(ctx: &Ctx<'js>, code: &str, message: &str) -> rquickjs::Error {
    throw_code(ctx, "Error", code, message, None::<(&str, ())>)
}

fn der_list<'js>(arr: Option<Array<'js>>) -> Result<Vec<CertificateDer<'static>>> {
    let mut out = Vec::new();
    if let Some(arr) = arr {
        for v in arr.iter::<Value>() {
            out.push(CertificateDer::from(bytes_of(&v?)?));
        }
    }
    Ok(out)
}

fn versions_between(min: &str, max: &str) -> Vec<&'static SupportedProtocolVersion> {
    let mut v = Vec::new();
    if max == "TLSv1.3" {
        v.push(&rustls::version::TLS13);
    }
    if min != "TLSv1.3" {
        v.push(&rustls::version::TLS12);
    }
    v
}

fn create_context<'js>(ctx: Ctx<'js>, opts: Object<'js>) -> Result<Class<'js, Context>> {
    let mut provider = (**base_provider()).clone();
    // The suites named in `ciphers` (OpenSSL's or IANA's names), in its order.
    if let Some(names) = opts.get::<_, Option<Array>>("ciphers")? {
        let wanted: Vec<String> = names.iter::<String>().collect::<Result<_>>()?;
        let rank = |s: &rustls::SupportedCipherSuite| {
            let ours = format!("{:?}", s.suite());
            let openssl = OPENSSL_NAMES
                .iter()
                .find(|(r, _)| *r == ours)
                .map(|(_, o)| *o);
            wanted
                .iter()
                .position(|w| Some(w.as_str()) == openssl || *w == standard_name(&ours))
        };
        provider.cipher_suites.retain(|s| rank(s).is_some());
        provider.cipher_suites.sort_by_key(|s| rank(s));
    }
    if let Some(names) = opts.get::<_, Option<Array>>("groups")? {
        let wanted: Vec<String> = names.iter::<String>().collect::<Result<_>>()?;
        provider.kx_groups.retain(|g| {
            let name = match g.name() {
                rustls::NamedGroup::X25519 => "X25519",
                rustls::NamedGroup::secp256r1 => "P-256",
                rustls::NamedGroup::secp384r1 => "P-384",
                _ => "",
            };
            wanted.iter().any(|w| {
                w == name
                    || (name == "P-256" && (w == "prime256v1" || w == "secp256r1"))
                    || (name == "P-384" && w == "secp384r1")
            })
        });
        if provider.kx_groups.is_empty() {
            return Err(arg_error(
                &ctx,
                "ERR_CRYPTO_OPERATION_FAILED",
                "Failed to set ECDH curve",
            ));
        }
    }
    let provider = Arc::new(provider);

    let min: String = opts
        .get::<_, Option<String>>("minVersion")?
        .unwrap_or_else(|| "TLSv1.2".into());
    let max: String = opts
        .get::<_, Option<String>>("maxVersion")?
        .unwrap_or_else(|| "TLSv1.3".into());
    let versions = versions_between(&min, &max);

    let ca = der_list(opts.get("ca")?)?;
    let mut certified = Vec::new();
    if let Some(pairs) = opts.get::<_, Option<Array>>("pairs")? {
        for pair in pairs.iter::<Object>() {
            let pair = pair?;
            let mut chain = der_list(pair.get("certs")?)?;
            // A lone certificate is sent with its issuers from `ca`, as OpenSSL builds the chain.
            if chain.len() == 1 && !ca.is_empty() {
                let anchors: Vec<&[u8]> = ca.iter().map(|c| c.as_ref()).collect();
                let now = UnixTime::now().as_secs() as f64 * 1000.0;
                if let Ok(path) =
                    x509::verify_tls_chain(chain[0].as_ref(), &[], &anchors, now, false)
                {
                    chain.extend(path.into_iter().skip(1).map(CertificateDer::from));
                }
            }
            let key: Value = pair.get("key")?;
            if chain.is_empty() {
                continue;
            }
            let key = PrivateKeyDer::Pkcs8(bytes_of(&key)?.into());
            let key = provider
                .key_provider
                .load_private_key(key)
                .map_err(|e| arg_error(&ctx, "ERR_OSSL_UNSUPPORTED", &e.to_string()))?;
            if let (Some(ours), Some(theirs)) =
                (key.public_key(), x509::certificate_spki(chain[0].as_ref()))
                && ours.as_ref() != theirs
            {
                return Err(arg_error(
                    &ctx,
                    "ERR_OSSL_X509_KEY_VALUES_MISMATCH",
                    "error:05800074:x509 certificate routines::key values mismatch",
                ));
            }
            certified.push(Arc::new(CertifiedKey::new(chain, key)));
        }
    }

    let default_roots = opts.get::<_, Option<bool>>("defaultRoots")?.unwrap_or(true);
    let mut hint_store = RootCertStore::empty();
    hint_store.add_parsable_certificates(ca.iter().cloned());
    let hints = hint_store.subjects();

    Class::instance(
        ctx,
        Context {
            provider,
            certified,
            ca: Arc::new(ca),
            default_roots,
            hints,
            honor_cipher_order: opts
                .get::<_, Option<bool>>("honorCipherOrder")?
                .unwrap_or(false),
            versions,
            client_sessions: Arc::new(ClientSessionMemoryCache::new(256)),
            server_sessions: ServerSessionMemoryCache::new(256),
        },
    )
}

/// `parsePfx(bytes, passphrase?)`: a PKCS#12 file's private key (PKCS#8), the certificate that
/// carries its public key, and the other certificates — `{ key, cert, extra }` — or, when it does
/// not load, `{ message, code }` for the JS half to throw.
fn parse_pfx<'js>(
    ctx: Ctx<'js>,
    data: TypedArray<'js, u8>,
    pass: Option<TypedArray<'js, u8>>,
) -> Result<Object<'js>> {
    let data = bytes_of(&data.into_value())?;
    let mut pass = pass.map(|p| bytes_of(&p.into_value())).transpose()?;
    // OpenSSL reads the passphrase as a C string: it ends at the first NUL.
    if let Some(p) = pass.as_mut()
        && let Some(nul) = p.iter().position(|&b| b == 0)
    {
        p.truncate(nul);
    }
    let out = Object::new(ctx.clone())?;
    let parsed = pfx::parse(&data, pass.as_deref()).and_then(|c| c.split(key_fits_certificate));
    match parsed {
        Ok(id) => {
            out.set("key", TypedArray::<u8>::new(ctx.clone(), id.key)?)?;
            out.set("cert", TypedArray::<u8>::new(ctx.clone(), id.cert)?)?;
            let list = Array::new(ctx.clone())?;
            for (i, c) in id.extra.into_iter().enumerate() {
                list.set(i, TypedArray::<u8>::new(ctx.clone(), c)?)?;
            }
            out.set("extra", list)?;
        }
        Err(e) => {
            out.set("message", e.to_string())?;
            out.set("code", e.code())?;
        }
    }
    Ok(out)
}

/// Whether the certificate `cert` carries the public key of `key` (PKCS#8); a key the provider
/// cannot load fits no certificate.
fn key_fits_certificate(key: &[u8], cert: &[u8]) -> bool {
    let der = PrivateKeyDer::Pkcs8(key.to_vec().into());
    let Ok(signer) = base_provider().key_provider.load_private_key(der) else {
        return false;
    };
    match (signer.public_key(), x509::certificate_spki(cert)) {
        (Some(ours), Some(theirs)) => ours.as_ref() == theirs,
        _ => false,
    }
}

/// `request`: a server asking for client certificates; `mandatory`: and refusing to go on
/// without one.
fn recorder(c: &Context, request: bool, mandatory: bool) -> Arc<Recorder> {
    Arc::new(Recorder {
        trusted: c.ca.clone(),
        default_roots: c.default_roots,
        algorithms: c.provider.signature_verification_algorithms,
        verdict: Verdict::default(),
        request,
        mandatory,
        hints: c.hints.clone(),
    })
}

fn strings<'js>(arr: Option<Array<'js>>) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    if let Some(arr) = arr {
        for v in arr.iter::<Value>() {
            out.push(bytes_of(&v?)?);
        }
    }
    Ok(out)
}

fn connect<'js>(
    ctx: Ctx<'js>,
    context: Class<'js, Context>,
    servername: String,
    alpn: Option<Array<'js>>,
    keylog: Option<bool>,
) -> Result<Class<'js, Conn>> {
    let c = context.borrow();
    let rec = recorder(&c, false, false);
    let builder = ClientConfig::builder_with_provider(c.provider.clone())
        .with_protocol_versions(&c.versions)
        .map_err(|e| tls_error(&ctx, &e))?
        .dangerous()
        .with_custom_certificate_verifier(rec.clone());
    let mut config = match c.certified.first() {
        Some(ck) => builder.with_client_cert_resolver(Arc::new(ClientCert(ck.clone()))),
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = strings(alpn)?;
    config.resumption = Resumption::store(c.client_sessions.clone());
    let keylog = keylog
        .unwrap_or(false)
        .then(|| Arc::new(KeyLines::default()));
    if let Some(k) = &keylog {
        config.key_log = k.clone();
    }
    // Node sends SNI only for a name; an IP address (or nothing) goes without.
    let (name, sni) = match ServerName::try_from(servername.clone()) {
        Ok(n @ ServerName::DnsName(_)) => (n, true),
        Ok(n) => (n, false),
        Err(_) => (
            ServerName::try_from("invalid.invalid").expect("a valid name"),
            false,
        ),
    };
    config.enable_sni = sni;
    let mut conn =
        ClientConnection::new(Arc::new(config), name).map_err(|e| tls_error(&ctx, &e))?;
    conn.set_buffer_limit(None);
    Class::instance(
        ctx,
        Conn {
            state: State::Client(Box::new(conn)),
            verdict: rec.verdict.clone(),
            pending_out: Vec::new(),
            plain: VecDeque::new(),
            max_fragment: None,
            keylog,
            seen_input: false,
            handshake_reported: false,
            certified: c.certified.first().cloned(),
        },
    )
}

/// A client's certificate, offered whenever the server asks.
#[derive(Debug)]
struct ClientCert(Arc<CertifiedKey>);

impl rustls::client::ResolvesClientCert for ClientCert {
    fn resolve(&self, _hints: &[&[u8]], _schemes: &[SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
    fn has_certs(&self) -> bool {
        true
    }
}

/// Feeds ciphertext from the transport. Returns the bits of `HANDSHAKE_DONE` (the handshake
/// finished with this input), `PEER_CLOSED` (close_notify arrived) and `CLIENT_HELLO` (a server's
/// ClientHello is complete: choose a context and call `serve`).
fn receive<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>, data: Value<'js>) -> Result<u32> {
    let bytes = bytes_of(&data)?;
    let mut guard = conn.borrow_mut();
    let c = &mut *guard;
    let mut rd: &[u8] = &bytes;
    let result = match &mut c.state {
        State::Accepting(acceptor, accepted) => {
            // A TLS stream opens with a handshake record of version 3.x; anything else is not
            // TLS, which OpenSSL reports at once rather than waiting for a record to complete.
            if !c.seen_input && !bytes.is_empty() {
                c.seen_input = true;
                if bytes[0] != 0x16 || bytes.get(1).is_some_and(|v| *v != 0x03) {
                    c.state = State::Done;
                    return Err(tls_error(
                        &ctx,
                        &rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType),
                    ));
                }
            }
            while !rd.is_empty() {
                if acceptor.read_tls(&mut rd).is_err() {
                    break;
                }
            }
            if accepted.is_some() {
                return Ok(0);
            }
            match acceptor.accept() {
                Ok(Some(a)) => {
                    *accepted = Some(Box::new(a));
                    return Ok(CLIENT_HELLO);
                }
                Ok(None) => return Ok(0),
                Err((err, mut alert)) => {
                    let _ = alert.write_all(&mut c.pending_out);
                    Err(err)
                }
            }
        }
        State::Client(x) => feed(&mut **x, &mut rd, &mut c.plain),
        State::Server(x) => feed(&mut **x, &mut rd, &mut c.plain),
        State::Done => return Ok(0),
    };
    if let Err(err) = result {
        // The alert rustls queued for the peer stays readable through `pull`.
        flush_into(c);
        c.state = State::Done;
        return Err(tls_error(&ctx, &err));
    }
    let closed = matches!(result, Ok(true));
    let mut bits = 0;
    if let Some(common) = c.common()
        && !common.is_handshaking()
        && !c.handshake_reported
    {
        c.handshake_reported = true;
        bits |= HANDSHAKE_DONE;
    }
    if closed {
        bits |= PEER_CLOSED;
    }
    Ok(bits)
}

/// Reads and processes all of `rd`, moving the plaintext it carried to `plain` as it goes, one
/// entry a record as OpenSSL's reads return it (rustls holds only a little unread plaintext);
/// true when the peer's close_notify arrived.
fn feed<S>(
    conn: &mut rustls::ConnectionCommon<S>,
    rd: &mut &[u8],
    plain: &mut VecDeque<Vec<u8>>,
) -> std::result::Result<bool, rustls::Error>
where
    S: rustls::SideData,
{
    use std::io::BufRead;
    let mut closed = false;
    while !rd.is_empty() {
        match conn.read_tls(rd) {
            Ok(0) => break,
            Ok(_) => {
                let state = conn.process_new_packets()?;
                closed |= state.peer_has_closed();
                let mut reader = conn.reader();
                while let Ok(record) = reader.fill_buf() {
                    if record.is_empty() {
                        break;
                    }
                    let record = record.to_vec();
                    reader.consume(record.len());
                    plain.push_back(record);
                }
            }
            Err(e) => return Err(rustls::Error::General(e.to_string())),
        }
    }
    Ok(closed)
}

/// Moves every queued TLS record into `pending_out`.
fn flush_into(c: &mut Conn) {
    let out = &mut c.pending_out;
    let _ = match &mut c.state {
        State::Client(x) => drain(&mut **x, out),
        State::Server(x) => drain(&mut **x, out),
        _ => Ok(()),
    };
}

fn drain<S: rustls::SideData>(
    conn: &mut rustls::ConnectionCommon<S>,
    out: &mut Vec<u8>,
) -> std::io::Result<()> {
    while conn.wants_write() {
        if conn.write_tls(out)? == 0 {
            break;
        }
    }
    Ok(())
}

/// Ciphertext waiting for the transport, or `undefined`.
fn pull<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Option<TypedArray<'js, u8>>> {
    let mut c = conn.borrow_mut();
    flush_into(&mut c);
    if c.pending_out.is_empty() {
        return Ok(None);
    }
    let out = std::mem::take(&mut c.pending_out);
    TypedArray::new(ctx, out).map(Some)
}

/// Plaintext the peer sent, or `undefined` when none is waiting.
fn read<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Option<TypedArray<'js, u8>>> {
    let mut c = conn.borrow_mut();
    match c.plain.pop_front() {
        Some(record) => TypedArray::new(ctx, record).map(Some),
        None => Ok(None),
    }
}

/// Queues plaintext for the peer (encrypted once the handshake allows).
fn write<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>, data: Value<'js>) -> Result<()> {
    let bytes = bytes_of(&data)?;
    let mut c = conn.borrow_mut();
    // rustls cuts what one call writes into records; smaller calls make smaller records.
    let piece = c.max_fragment.unwrap_or(usize::MAX).max(1);
    let r = match &mut c.state {
        State::Client(x) => bytes
            .chunks(piece)
            .try_for_each(|p| x.writer().write_all(p)),
        State::Server(x) => bytes
            .chunks(piece)
            .try_for_each(|p| x.writer().write_all(p)),
        _ => {
            return Err(arg_error(
                &ctx,
                "ERR_SSL_PROTOCOL_IS_SHUTDOWN",
                "protocol is shutdown",
            ));
        }
    };
    r.map_err(|e| Exception::throw_internal(&ctx, &e.to_string()))
}

/// The key log lines gathered since the last call, or `undefined`.
fn take_keylog<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Option<TypedArray<'js, u8>>> {
    let c = conn.borrow();
    let lines = match &c.keylog {
        Some(k) => {
            k.0.lock()
                .map(|mut v| std::mem::take(&mut *v))
                .unwrap_or_default()
        }
        None => return Ok(None),
    };
    if lines.is_empty() {
        return Ok(None);
    }
    TypedArray::new(ctx, lines).map(Some)
}

/// Limits the plaintext of each record from now on (512 to 16384 bytes; the JS half checks).
fn set_max_fragment<'js>(conn: Class<'js, Conn>, size: usize) {
    conn.borrow_mut().max_fragment = Some(size.clamp(512, 16384));
}

/// Queues close_notify.
fn end<'js>(conn: Class<'js, Conn>) {
    if let Some(common) = conn.borrow_mut().common() {
        common.send_close_notify();
    }
}

/// A server connection waiting for its ClientHello.
fn accept<'js>(ctx: Ctx<'js>) -> Result<Class<'js, Conn>> {
    Class::instance(
        ctx,
        Conn {
            state: State::Accepting(Box::default(), None),
            verdict: Verdict::default(),
            pending_out: Vec::new(),
            plain: VecDeque::new(),
            max_fragment: None,
            keylog: None,
            seen_input: false,
            handshake_reported: false,
            certified: None,
        },
    )
}

/// The ClientHello's server name and ALPN protocols: `[servername | undefined, [protocols]]`.
fn client_hello<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Array<'js>> {
    let c = conn.borrow();
    let out = Array::new(ctx.clone())?;
    if let State::Accepting(_, Some(a)) = &c.state {
        let hello = a.client_hello();
        out.set(0, hello.server_name().map(str::to_string))?;
        let protos = Array::new(ctx.clone())?;
        if let Some(list) = hello.alpn() {
            for (i, p) in list.enumerate() {
                protos.set(i, String::from_utf8_lossy(p).into_owned())?;
            }
        }
        out.set(1, protos)?;
    }
    Ok(out)
}

/// Goes on with the handshake after the ClientHello, as `context`'s server.
fn serve<'js>(
    ctx: Ctx<'js>,
    conn: Class<'js, Conn>,
    context: Class<'js, Context>,
    alpn: Option<Array<'js>>,
    request_cert: bool,
    require_cert: bool,
    keylog: Option<bool>,
) -> Result<()> {
    let cx = context.borrow();
    let mut guard = conn.borrow_mut();
    let c = &mut *guard;
    let State::Accepting(_, accepted) = &mut c.state else {
        return Ok(());
    };
    let Some(accepted) = accepted.take() else {
        return Ok(());
    };
    if cx.certified.is_empty() {
        // Nothing to sign with: refuse as OpenSSL does, with a handshake_failure alert (a
        // plaintext record, as nothing is encrypted yet).
        c.pending_out
            .extend_from_slice(&[0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]);
        c.state = State::Done;
        return Err(tls_error(
            &ctx,
            &rustls::Error::PeerIncompatible(rustls::PeerIncompatible::NoSignatureSchemesInCommon),
        ));
    }
    let rec = recorder(&cx, request_cert, require_cert);
    let builder = ServerConfig::builder_with_provider(cx.provider.clone())
        .with_protocol_versions(&cx.versions)
        .map_err(|e| tls_error(&ctx, &e))?;
    let builder = if request_cert {
        builder.with_client_cert_verifier(rec.clone())
    } else {
        builder.with_no_client_auth()
    };
    let mut config = builder.with_cert_resolver(Arc::new(Certs {
        certs: cx.certified.clone(),
        suites: cx
            .provider
            .cipher_suites
            .iter()
            .filter(|s| cx.versions.iter().any(|v| v.version == s.version().version))
            .copied()
            .collect(),
    }));
    config.alpn_protocols = strings(alpn)?;
    config.session_storage = cx.server_sessions.clone();
    config.ignore_client_order = cx.honor_cipher_order;
    if keylog.unwrap_or(false) {
        let k = Arc::new(KeyLines::default());
        config.key_log = k.clone();
        c.keylog = Some(k);
    }
    c.verdict = rec.verdict.clone();
    c.certified = cx.certified.first().cloned();
    match accepted.into_connection(Arc::new(config)) {
        Ok(mut sc) => {
            sc.set_buffer_limit(None);
            let r = sc.process_new_packets();
            c.state = State::Server(Box::new(sc));
            if let Err(err) = r {
                flush_into(c);
                c.state = State::Done;
                return Err(tls_error(&ctx, &err));
            }
            Ok(())
        }
        Err((err, mut alert)) => {
            let _ = alert.write_all(&mut c.pending_out);
            c.state = State::Done;
            Err(tls_error(&ctx, &err))
        }
    }
}

/// What the session settled on: `{ protocol, cipher, standardName, alpn, servername, resumed,
/// group }`.
fn info<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Object<'js>> {
    let c = conn.borrow();
    let o = Object::new(ctx.clone())?;
    let common: &rustls::CommonState = match &c.state {
        State::Client(x) => x,
        State::Server(x) => {
            o.set("servername", x.server_name().map(str::to_string))?;
            x
        }
        _ => return Ok(o),
    };
    if let Some(v) = common.protocol_version() {
        let name = match v {
            rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
            rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2",
            _ => "unknown",
        };
        o.set("protocol", name)?;
    }
    if let Some(s) = common.negotiated_cipher_suite() {
        let ours = format!("{:?}", s.suite());
        let openssl = OPENSSL_NAMES
            .iter()
            .find(|(r, _)| *r == ours)
            .map_or_else(|| standard_name(&ours), |(_, o)| (*o).to_string());
        o.set("cipher", openssl)?;
        o.set("standardName", standard_name(&ours))?;
    }
    if let Some(p) = common.alpn_protocol() {
        o.set("alpn", String::from_utf8_lossy(p).into_owned())?;
    }
    if let Some(g) = common.negotiated_key_exchange_group() {
        let name = match g.name() {
            rustls::NamedGroup::X25519 => "X25519",
            rustls::NamedGroup::secp256r1 => "prime256v1",
            rustls::NamedGroup::secp384r1 => "secp384r1",
            _ => "unknown",
        };
        o.set("group", name)?;
    }
    o.set(
        "resumed",
        common.handshake_kind() == Some(rustls::HandshakeKind::Resumed),
    )?;
    Ok(o)
}

fn der_array<'js>(ctx: &Ctx<'js>, certs: &[CertificateDer<'_>]) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, c) in certs.iter().enumerate() {
        out.set(i, ArrayBuffer::new(ctx.clone(), c.as_ref().to_vec())?)?;
    }
    Ok(out)
}

/// The peer's chain as DER, leaf first (empty before the handshake or when none was sent).
fn peer_certificates<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Array<'js>> {
    let c = conn.borrow();
    let certs = match &c.state {
        State::Client(x) => x.peer_certificates(),
        State::Server(x) => x.peer_certificates(),
        _ => None,
    };
    der_array(&ctx, certs.unwrap_or(&[]))
}

/// Our own chain as DER.
fn own_certificates<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Array<'js>> {
    let c = conn.borrow();
    der_array(&ctx, c.certified.as_ref().map_or(&[][..], |k| &k.cert))
}

/// OpenSSL's code for why the peer's chain is not trusted; `null` when it is, `undefined`
/// when no chain was checked.
fn verify_error<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Value<'js>> {
    let c = conn.borrow();
    let verdict = c
        .verdict
        .lock()
        .ok()
        .map(|v| v.as_ref().map(|r| r.as_ref().err().copied()));
    Ok(match verdict.flatten() {
        None => Value::new_undefined(ctx),
        Some(None) => Value::new_null(ctx),
        Some(Some(code)) => rquickjs::String::from_str(ctx, code)?.into_value(),
    })
}

/// The chain the peer's certificate verified through (DER, leaf first), or an empty array.
fn verified_chain<'js>(ctx: Ctx<'js>, conn: Class<'js, Conn>) -> Result<Array<'js>> {
    let c = conn.borrow();
    let chain: Vec<CertificateDer<'static>> = match c.verdict.lock().ok().as_deref() {
        Some(Some(Ok(chain))) => chain
            .iter()
            .map(|d| CertificateDer::from(d.clone()))
            .collect(),
        _ => Vec::new(),
    };
    der_array(&ctx, &chain)
}

/// RFC 5705 keying material.
fn export_keying_material<'js>(
    ctx: Ctx<'js>,
    conn: Class<'js, Conn>,
    length: usize,
    label: String,
    context: Option<Value<'js>>,
) -> Result<TypedArray<'js, u8>> {
    if length > 1 << 24 {
        return Err(Exception::throw_range(&ctx, "length out of range"));
    }
    let context = match context {
        Some(v) if !v.is_undefined() => Some(bytes_of(&v)?),
        _ => None,
    };
    let c = conn.borrow();
    let out = vec![0u8; length];
    let r = match &c.state {
        State::Client(x) => x.export_keying_material(out, label.as_bytes(), context.as_deref()),
        State::Server(x) => x.export_keying_material(out, label.as_bytes(), context.as_deref()),
        _ => Err(rustls::Error::HandshakeNotComplete),
    };
    match r {
        Ok(bytes) => TypedArray::new(ctx, bytes),
        Err(_) => Err(arg_error(
            &ctx,
            "ERR_TLS_INVALID_STATE",
            "TLS socket connection must be securely established",
        )),
    }
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set("createContext", Function::new(ctx.clone(), create_context)?)?;
    o.set("connect", Function::new(ctx.clone(), connect)?)?;
    o.set("parsePfx", Function::new(ctx.clone(), parse_pfx)?)?;
    o.set("accept", Function::new(ctx.clone(), accept)?)?;
    o.set("clientHello", Function::new(ctx.clone(), client_hello)?)?;
    o.set("serve", Function::new(ctx.clone(), serve)?)?;
    o.set("receive", Function::new(ctx.clone(), receive)?)?;
    o.set("read", Function::new(ctx.clone(), read)?)?;
    o.set("write", Function::new(ctx.clone(), write)?)?;
    o.set("pull", Function::new(ctx.clone(), pull)?)?;
    o.set("end", Function::new(ctx.clone(), end)?)?;
    o.set(
        "setMaxFragment",
        Function::new(ctx.clone(), set_max_fragment)?,
    )?;
    o.set("takeKeylog", Function::new(ctx.clone(), take_keylog)?)?;
    o.set("info", Function::new(ctx.clone(), info)?)?;
    o.set(
        "peerCertificates",
        Function::new(ctx.clone(), peer_certificates)?,
    )?;
    o.set(
        "ownCertificates",
        Function::new(ctx.clone(), own_certificates)?,
    )?;
    o.set("verifyError", Function::new(ctx.clone(), verify_error)?)?;
    o.set("verifiedChain", Function::new(ctx.clone(), verified_chain)?)?;
    o.set(
        "exportKeyingMaterial",
        Function::new(ctx.clone(), export_keying_material)?,
    )?;
    o.set(
        "rootCertificates",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| {
            der_array(&ctx, bundled_roots())
        })?,
    )?;
    o.set(
        "systemStore",
        Function::new(ctx.clone(), crate::sys::os::system_cert_store)?,
    )?;
    o.set("HANDSHAKE_DONE", HANDSHAKE_DONE)?;
    o.set("PEER_CLOSED", PEER_CLOSED)?;
    o.set("CLIENT_HELLO", CLIENT_HELLO)?;
    Ok(())
}
