//! `node:dns`: name lookup through the system resolver (the host's, in the sandbox), and DNS
//! queries to the configured name servers (`query` sends one from its own UDP socket, which
//! the event loop watches; `parse` reads the answer), all checked against `--allow-net`.

use std::net::{IpAddr, SocketAddr};

use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use rquickjs::{Array, Ctx, Function, IntoJs, Object, Result, Value};

use crate::js_errors::throw_code;
use crate::state::SharedState;
use crate::{permissions, sys};

/// The text of a name in an answer, without its final dot.
fn name_text(n: &Name) -> String {
    let t = n.to_ascii();
    match t.strip_suffix('.') {
        Some(s) if !s.is_empty() => s.to_string(),
        _ => t,
    }
}

fn bytes_text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// One record as Node gives it for a query of its own type (`any`: false), or within
/// `resolveAny`'s answer (`any`: true, with its `type`). `None` for a type Node does not show.
fn record_value<'js>(
    ctx: &Ctx<'js>,
    r: &Record,
    any: bool,
    ttl: bool,
) -> Result<Option<Value<'js>>> {
    let obj = Object::new(ctx.clone())?;
    let named = |t: &str, value: String| -> Result<Option<Value<'js>>> {
        if any {
            obj.set("value", value)?;
            obj.set("type", t)?;
            Ok(Some(obj.clone().into_value()))
        } else {
            Ok(Some(value.into_js(ctx)?))
        }
    };
    let typed = |t: &str| -> Result<()> {
        if any {
            obj.set("type", t)?;
        }
        Ok(())
    };
    match &r.data {
        RData::A(_) | RData::AAAA(_) => {
            let (t, address) = match &r.data {
                RData::A(a) => ("A", a.0.to_string()),
                RData::AAAA(a) => ("AAAA", a.0.to_string()),
                _ => return Ok(None),
            };
            if !any && !ttl {
                return Ok(Some(address.into_js(ctx)?));
            }
            obj.set("address", address)?;
            obj.set("ttl", r.ttl)?;
            typed(t)?;
        }
        RData::CNAME(n) => return named("CNAME", name_text(&n.0)),
        RData::NS(n) => return named("NS", name_text(&n.0)),
        RData::PTR(n) => return named("PTR", name_text(&n.0)),
        RData::MX(mx) => {
            obj.set("exchange", name_text(&mx.exchange))?;
            obj.set("priority", mx.preference)?;
            // Node names the type of MX, SRV and CAA records in every answer.
            obj.set("type", "MX")?;
        }
        RData::TXT(txt) => {
            let entries = Array::new(ctx.clone())?;
            for (i, chunk) in txt.txt_data.iter().enumerate() {
                entries.set(i, bytes_text(chunk))?;
            }
            if !any {
                return Ok(Some(entries.into_value()));
            }
            obj.set("entries", entries)?;
            typed("TXT")?;
        }
        RData::SRV(srv) => {
            obj.set("name", name_text(&srv.target))?;
            obj.set("port", srv.port)?;
            obj.set("priority", srv.priority)?;
            obj.set("weight", srv.weight)?;
            obj.set("type", "SRV")?;
        }
        RData::NAPTR(n) => {
            obj.set("flags", bytes_text(&n.flags))?;
            obj.set("service", bytes_text(&n.services))?;
            obj.set("regexp", bytes_text(&n.regexp))?;
            obj.set("replacement", name_text(&n.replacement))?;
            obj.set("order", n.order)?;
            obj.set("preference", n.preference)?;
            typed("NAPTR")?;
        }
        RData::SOA(soa) => {
            obj.set("nsname", name_text(&soa.mname))?;
            obj.set("hostmaster", name_text(&soa.rname))?;
            obj.set("serial", soa.serial)?;
            obj.set("refresh", soa.refresh as u32)?;
            obj.set("retry", soa.retry as u32)?;
            obj.set("expire", soa.expire as u32)?;
            obj.set("minttl", soa.minimum)?;
            typed("SOA")?;
        }
        RData::CAA(caa) => {
            obj.set("critical", caa.flags())?;
            obj.set("type", "CAA")?;
            obj.set(caa.tag.as_str(), bytes_text(&caa.value))?;
        }
        RData::TLSA(t) => {
            obj.set("certUsage", u8::from(t.cert_usage))?;
            obj.set("selector", u8::from(t.selector))?;
            obj.set("match", u8::from(t.matching))?;
            let data = rquickjs::ArrayBuffer::new_copy(ctx.clone(), &t.cert_data)?;
            obj.set("data", data)?;
            typed("TLSA")?;
        }
        _ => return Ok(None),
    }
    Ok(Some(obj.into_value()))
}

/// The answer `bytes` gives to query `id` of type `qtype`: `null` when it is no answer to it
/// (another id, or a query), a c-ares error code (`ENOTFOUND`, `ENODATA`, `EBADRESP` …), or
/// the records as Node gives them (`resolveSoa`'s one object for SOA).
fn parse_answer<'js>(
    ctx: &Ctx<'js>,
    bytes: &[u8],
    id: u16,
    qtype: u16,
    ttl: bool,
) -> Result<Value<'js>> {
    let code = |c: &str| c.into_js(ctx);
    // The header first: a message too broken to decode is still this query's when its id is.
    if bytes.len() < 12 || u16::from_be_bytes([bytes[0], bytes[1]]) != id || bytes[2] & 0x80 == 0 {
        return Ok(Value::new_null(ctx.clone()));
    }
    let Ok(m) = Message::from_vec(bytes) else {
        return code("EBADRESP");
    };
    if m.metadata.message_type != MessageType::Response {
        return Ok(Value::new_null(ctx.clone()));
    }
    match m.metadata.response_code {
        ResponseCode::NoError => {}
        ResponseCode::FormErr => return code("EFORMERR"),
        ResponseCode::ServFail => return code("ESERVFAIL"),
        ResponseCode::NXDomain => return code("ENOTFOUND"),
        ResponseCode::NotImp => return code("ENOTIMP"),
        ResponseCode::Refused => return code("EREFUSED"),
        _ => return code("EBADRESP"),
    }
    let want = RecordType::from(qtype);
    let any = want == RecordType::ANY;
    let out = Array::new(ctx.clone())?;
    let mut n = 0;
    for r in &m.answers {
        if !any && r.record_type() != want {
            continue;
        }
        if let Some(v) = record_value(ctx, r, any, ttl)? {
            if want == RecordType::SOA {
                return Ok(v);
            }
            out.set(n, v)?;
            n += 1;
        }
    }
    if n == 0 {
        return code("ENODATA");
    }
    Ok(out.into_value())
}

/// A standard recursive query for `name` of type `qtype`, with `id`.
fn query_message(name: &str, qtype: u16, id: u16) -> Option<Vec<u8>> {
    let fqdn = if name.ends_with('.') {
        name.to_string()
    } else {
        format!("{name}.")
    };
    let name = Name::from_ascii(&fqdn).ok()?;
    let mut m = Message::new(id, MessageType::Query, OpCode::Query);
    m.metadata.recursion_desired = true;
    m.add_query(Query::query(name, RecordType::from(qtype)));
    m.to_vec().ok()
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let st = state.clone();
    o.set(
        "query",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  handle: u32,
                  server: String,
                  name: String,
                  qtype: u16,
                  id: u16,
                  local: String|
                  -> Result<Option<String>> {
                permissions::net(&ctx, &st, &reverse_subject(&name))?;
                let Ok(server) = server.parse::<SocketAddr>() else {
                    return Ok(Some("EBADSTR".into()));
                };
                let local = local.parse::<IpAddr>().ok();
                let Some(msg) = query_message(&name, qtype, id) else {
                    return Ok(Some("EBADNAME".into()));
                };
                match sys::net::dns_query(handle, server, &msg, local) {
                    Ok(()) => Ok(None),
                    Err(e) => Ok(Some(sys::error::uv_error(&e).code.to_string())),
                }
            },
        )?,
    )?;
    o.set(
        "parse",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             bytes: Value<'js>,
             id: u16,
             qtype: u16,
             ttl: bool|
             -> Result<Value<'js>> {
                let bytes = crate::value::bytes_of(&bytes)?;
                parse_answer(&ctx, &bytes, id, qtype, ttl)
            },
        )?,
    )?;
    o.set(
        "servers",
        Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<Array<'js>> {
            let out = Array::new(ctx.clone())?;
            for (i, a) in sys::net::dns_servers().iter().enumerate() {
                let pair = Array::new(ctx.clone())?;
                pair.set(0, a.ip().to_string())?;
                pair.set(1, a.port())?;
                out.set(i, pair)?;
            }
            Ok(out)
        })?,
    )?;
    let st = state.clone();
    o.set(
        "lookupService",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, ip: String, port: u16| -> Result<Value<'js>> {
                permissions::net(&ctx, &st, &ip)?;
                let Ok(ip) = ip.parse::<IpAddr>() else {
                    return "EINVAL".into_js(&ctx);
                };
                match sys::net::lookup_service(SocketAddr::new(ip, port)) {
                    Ok((host, service)) => {
                        let out = Array::new(ctx.clone())?;
                        out.set(0, host)?;
                        out.set(1, service)?;
                        Ok(out.into_value())
                    }
                    Err(Ok(code)) => code.into_js(&ctx),
                    Err(Err(e)) => sys::error::uv_error(&e).code.into_js(&ctx),
                }
            },
        )?,
    )?;
    o.set(
        "randomId",
        Function::new(ctx.clone(), || -> u16 {
            let mut b = [0u8; 2];
            let _ = sys::random::fill(&mut b);
            u16::from_ne_bytes(b)
        })?,
    )?;
    let st = state.clone();
    o.set(
        "lookup",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, host: String, family: u8| -> Result<Array<'js>> {
                permissions::net(&ctx, &st, &host)?;
                let not_found = || {
                    throw_code(
                        &ctx,
                        "Error",
                        "ENOTFOUND",
                        &format!("getaddrinfo ENOTFOUND {host}"),
                        Some(("hostname", host.as_str())),
                    )
                };
                let addresses = sys::lookup(&host).map_err(|_| not_found())?;
                {
                    let mut resolved = st.resolved.borrow_mut();
                    for a in &addresses {
                        let names = resolved.entry(*a).or_default();
                        if !names.contains(&host) {
                            names.push(host.clone());
                        }
                    }
                }
                // Flat pairs, in the resolver's order: address, family, address, family, ...
                let out = Array::new(ctx.clone())?;
                let mut n = 0;
                for a in addresses {
                    let f = if a.is_ipv4() { 4 } else { 6 };
                    if family == 0 || family == f {
                        out.set(n, a.to_string())?;
                        out.set(n + 1, f)?;
                        n += 2;
                    }
                }
                if n == 0 {
                    return Err(not_found());
                }
                Ok(out)
            },
        )?,
    )?;
    Ok(())
}

/// The host a query for `name` reaches for, as the grants see it: the address of a reverse
/// lookup's name (`4.3.2.1.in-addr.arpa`), else the name.
fn reverse_subject(name: &str) -> String {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    if let Some(rest) = lower.strip_suffix(".in-addr.arpa") {
        let parts: Vec<&str> = rest.split('.').rev().collect();
        if let Ok(ip) = parts.join(".").parse::<std::net::Ipv4Addr>() {
            return ip.to_string();
        }
    }
    if let Some(rest) = lower.strip_suffix(".ip6.arpa") {
        let nibbles: String = rest.split('.').rev().collect();
        if nibbles.len() == 32 && nibbles.chars().all(|c| c.is_ascii_hexdigit()) {
            let groups: Vec<&str> = (0..8).map(|i| &nibbles[i * 4..i * 4 + 4]).collect();
            if let Ok(ip) = groups.join(":").parse::<std::net::Ipv6Addr>() {
                return ip.to_string();
            }
        }
    }
    name.to_string()
}
