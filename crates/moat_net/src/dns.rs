//! What the host needs of DNS messages to check and send a resolver's query: the one question a
//! query asks, the host a grant must cover for it, and the system's name servers.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use hickory_proto::op::{Message, MessageType, OpCode};

/// The name (without its final dot) and record type of the single question of the standard
/// query `msg`.
///
/// # Errors
/// `InvalidInput` for bytes that are no such query: not decodable, a response, another
/// operation, not exactly one question, or records in the answer or authority sections.
pub fn question(msg: &[u8]) -> io::Result<(String, u16)> {
    let invalid = || io::Error::from(io::ErrorKind::InvalidInput);
    let m = Message::from_vec(msg).map_err(|_| invalid())?;
    if m.metadata.message_type != MessageType::Query
        || m.metadata.op_code != OpCode::Query
        || m.queries.len() != 1
        || !m.answers.is_empty()
        || !m.authorities.is_empty()
    {
        return Err(invalid());
    }
    let q = &m.queries[0];
    let name = q.name().to_ascii();
    let name = name.strip_suffix('.').unwrap_or(&name).to_string();
    Ok((name, u16::from(q.query_type())))
}

/// The host a query for `name` reaches for: the address of a reverse-lookup name
/// (`4.3.2.1.in-addr.arpa`, the nibbles of an IPv6 address under `ip6.arpa`), else the name.
pub fn subject(name: &str) -> String {
    reverse_ip(name).map_or_else(|| name.to_string(), |ip| ip.to_string())
}

fn reverse_ip(name: &str) -> Option<IpAddr> {
    let lower = name.to_ascii_lowercase();
    if let Some(rest) = lower.strip_suffix(".in-addr.arpa") {
        let parts: Vec<u8> = rest
            .split('.')
            .map(|p| p.parse::<u8>().ok())
            .collect::<Option<_>>()?;
        if parts.len() != 4 {
            return None;
        }
        return Some(IpAddr::V4(Ipv4Addr::new(
            parts[3], parts[2], parts[1], parts[0],
        )));
    }
    let rest = lower.strip_suffix(".ip6.arpa")?;
    let nibbles: Vec<u8> = rest
        .split('.')
        .map(|p| {
            if p.len() == 1 {
                u8::from_str_radix(p, 16).ok()
            } else {
                None
            }
        })
        .collect::<Option<_>>()?;
    if nibbles.len() != 32 {
        return None;
    }
    let mut bytes = [0u8; 16];
    for (i, pair) in nibbles.rchunks(2).enumerate() {
        // Reversed: the last label is the first nibble.
        bytes[i] = (pair[1] << 4) | pair[0];
    }
    Some(IpAddr::V6(Ipv6Addr::from(bytes)))
}

/// Why [`lookup_service`] found no name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ServiceError {
    /// The address has no name (`EAI_NONAME`).
    NotFound,
    /// The resolver could not answer now (`EAI_AGAIN`).
    Again,
    /// Another failure.
    Failed,
}

/// The host name and service of `addr`, as the system's `getnameinfo` finds them (a name is
/// required; a port with no service name is given as its number).
///
/// # Errors
/// [`ServiceError`].
#[cfg(target_os = "linux")]
pub fn lookup_service(addr: SocketAddr) -> Result<(String, String), ServiceError> {
    use libc::{EAI_AGAIN, EAI_NONAME, NI_NAMEREQD, c_char};
    use std::ffi::CStr;
    let sa = socket2::SockAddr::from(addr);
    let mut host = [0 as c_char; 1025];
    let mut serv = [0 as c_char; 32];
    // SAFETY: `sa` is a valid address of `sa.len()` bytes; the buffers are as long as given, and
    // getnameinfo writes NUL-terminated text within them.
    let r = unsafe {
        libc::getnameinfo(
            sa.as_ptr().cast(),
            sa.len(),
            host.as_mut_ptr(),
            host.len() as u32,
            serv.as_mut_ptr(),
            serv.len() as u32,
            NI_NAMEREQD,
        )
    };
    match r {
        0 => {
            // SAFETY: on success both buffers hold NUL-terminated text.
            let (h, s) = unsafe { (CStr::from_ptr(host.as_ptr()), CStr::from_ptr(serv.as_ptr())) };
            Ok((
                h.to_string_lossy().into_owned(),
                s.to_string_lossy().into_owned(),
            ))
        }
        EAI_NONAME => Err(ServiceError::NotFound),
        EAI_AGAIN => Err(ServiceError::Again),
        _ => Err(ServiceError::Failed),
    }
}

#[cfg(not(target_os = "linux"))]
pub fn lookup_service(_addr: SocketAddr) -> Result<(String, String), ServiceError> {
    Err(ServiceError::Failed)
}

/// The name servers `/etc/resolv.conf` lists (port 53), in its order.
pub fn system_servers() -> Vec<SocketAddr> {
    let text = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    servers_of(&text)
}

fn servers_of(text: &str) -> Vec<SocketAddr> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        if words.next() != Some("nameserver") {
            continue;
        }
        let Some(addr) = words.next() else { continue };
        // A scope (`fe80::1%eth0`) is dropped: the standard parser takes none.
        let addr = addr.split('%').next().unwrap_or(addr);
        if let Ok(ip) = addr.parse::<IpAddr>() {
            out.push(SocketAddr::new(ip, 53));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_proto::op::Query;
    use hickory_proto::rr::{Name, RecordType};

    #[test]
    fn a_query_names_its_question_and_a_response_is_refused() {
        let mut m = Message::new(7, MessageType::Query, OpCode::Query);
        m.add_query(Query::query(
            Name::from_ascii("example.org.").unwrap(),
            RecordType::MX,
        ));
        let bytes = m.to_vec().unwrap();
        assert_eq!(question(&bytes).unwrap(), ("example.org".into(), 15));
        let mut r = m.clone();
        r.metadata.message_type = MessageType::Response;
        assert!(question(&r.to_vec().unwrap()).is_err());
        assert!(question(&bytes[..5]).is_err());
    }

    #[test]
    fn reverse_names_reach_their_address() {
        assert_eq!(subject("89.67.45.123.in-addr.arpa"), "123.45.67.89");
        let v6 = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa";
        assert_eq!(subject(v6), "::1");
        assert_eq!(subject("example.org"), "example.org");
        assert_eq!(subject("1.2.in-addr.arpa"), "1.2.in-addr.arpa");
    }

    #[test]
    fn resolv_conf_lists_servers() {
        let s = servers_of("# c\nnameserver 10.0.0.1\nsearch x\nnameserver fe80::1%eth0\n");
        assert_eq!(
            s,
            vec![
                "10.0.0.1:53".parse().unwrap(),
                "[fe80::1]:53".parse().unwrap()
            ]
        );
    }
}
