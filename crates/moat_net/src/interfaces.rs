//! The addresses of the host's network interfaces, as `os.networkInterfaces()` lists them: what
//! `getifaddrs` reports for interfaces that are up and running, in its order, link-local IPv6
//! addresses included, each with the hardware address of its interface.

use std::collections::HashMap;
use std::ffi::CStr;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use moat_abi::Interface;

/// The hardware address an interface without one shows.
const NO_MAC: &str = "00:00:00:00:00:00";

/// Every IPv4 and IPv6 address of every interface that is up and running.
///
/// # Errors
/// The OS error from `getifaddrs`.
pub fn list() -> std::io::Result<Vec<Interface>> {
    let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: `getifaddrs` writes a list it allocated to `head`; it is freed below.
    if unsafe { libc::getifaddrs(&mut head) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut macs = HashMap::new();
    let mut found = Vec::new();
    let mut at = head;
    while !at.is_null() {
        // SAFETY: `at` is a node of the list `getifaddrs` gave, alive until `freeifaddrs`; its
        // name is a NUL-terminated string, and each address points to a `sockaddr` of the size
        // its family says.
        unsafe {
            let ent = &*at;
            at = ent.ifa_next;
            let up = libc::IFF_UP as u32 | libc::IFF_RUNNING as u32;
            if ent.ifa_flags & up != up || ent.ifa_addr.is_null() || ent.ifa_name.is_null() {
                continue;
            }
            let name = CStr::from_ptr(ent.ifa_name).to_string_lossy().into_owned();
            let internal = ent.ifa_flags & libc::IFF_LOOPBACK as u32 != 0;
            match i32::from((*ent.ifa_addr).sa_family) {
                libc::AF_PACKET => {
                    let ll = &*ent.ifa_addr.cast::<libc::sockaddr_ll>();
                    let len = usize::from(ll.sll_halen).min(ll.sll_addr.len());
                    macs.insert(name, mac_text(&ll.sll_addr[..len]));
                }
                libc::AF_INET => {
                    let a = &*ent.ifa_addr.cast::<libc::sockaddr_in>();
                    let mask = if ent.ifa_netmask.is_null() {
                        0
                    } else {
                        (*ent.ifa_netmask.cast::<libc::sockaddr_in>())
                            .sin_addr
                            .s_addr
                    };
                    let mask = Ipv4Addr::from(u32::from_be(mask));
                    found.push(Interface {
                        name,
                        address: IpAddr::V4(Ipv4Addr::from(u32::from_be(a.sin_addr.s_addr))),
                        netmask: IpAddr::V4(mask),
                        prefix_len: u32::from(mask).count_ones() as u8,
                        mac: String::new(),
                        internal,
                        scope_id: 0,
                    });
                }
                libc::AF_INET6 => {
                    let a = &*ent.ifa_addr.cast::<libc::sockaddr_in6>();
                    let mask = if ent.ifa_netmask.is_null() {
                        [0; 16]
                    } else {
                        (*ent.ifa_netmask.cast::<libc::sockaddr_in6>())
                            .sin6_addr
                            .s6_addr
                    };
                    let mask = Ipv6Addr::from(mask);
                    found.push(Interface {
                        name,
                        address: IpAddr::V6(Ipv6Addr::from(a.sin6_addr.s6_addr)),
                        netmask: IpAddr::V6(mask),
                        prefix_len: u128::from(mask).count_ones() as u8,
                        mac: String::new(),
                        internal,
                        scope_id: a.sin6_scope_id,
                    });
                }
                _ => {}
            }
        }
    }
    // SAFETY: `head` came from `getifaddrs` and nothing points into it any more.
    unsafe { libc::freeifaddrs(head) };
    for i in &mut found {
        i.mac = macs
            .get(&i.name)
            .cloned()
            .unwrap_or_else(|| NO_MAC.to_string());
    }
    Ok(found)
}

/// A hardware address as `os.networkInterfaces()` writes it: six bytes in lowercase hex.
fn mac_text(bytes: &[u8]) -> String {
    let mut six = [0u8; 6];
    for (to, from) in six.iter_mut().zip(bytes) {
        *to = *from;
    }
    six.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macs_are_six_hex_bytes() {
        assert_eq!(mac_text(&[2, 0xfc, 0, 0, 0, 1]), "02:fc:00:00:00:01");
        assert_eq!(mac_text(&[]), NO_MAC);
    }

    #[test]
    fn loopback_is_listed() {
        let list = list().unwrap();
        assert!(list.iter().any(|i| i.internal
            && i.address == IpAddr::V4(Ipv4Addr::LOCALHOST)
            && i.prefix_len == 8
            && i.mac == NO_MAC));
    }
}
