//! Grants: Node's permission flags (`--allow-fs-read`, `--allow-env`, …) parsed once into what a
//! program may do, checked, and described when they deny. No engine, no wasmtime: the sandbox
//! host turns grants into WASI preopens and an environment (the wall); the runtime checks them
//! in-process (a seat belt natively, and Node's errors inside the sandbox).
//!
//! A check on a path answers a [`CheckedPath`], the only path type the runtime's file functions
//! take; code that needs no check says so with [`CheckedPath::unchecked`].
//!
//! Depends on none of moat's crates.

use std::path::{Path, PathBuf};

/// Access to a kind of resource.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Scope<T> {
    /// Nothing (the default).
    #[default]
    None,
    /// Everything (`=*`, or the flag without a value where Node allows that).
    All,
    /// Only these.
    Only(Vec<T>),
}

impl<T> Scope<T> {
    fn add(&mut self, items: Vec<T>) {
        match self {
            Scope::All => {}
            Scope::None => *self = Scope::Only(items),
            Scope::Only(v) => v.extend(items),
        }
    }
}

/// What a program may do. `Grants::default()` denies everything:
///
/// | field | default | flag |
/// |---|---|---|
/// | `fs_read` | nothing | `--allow-fs-read=path,…` (`*` for all) |
/// | `fs_write` | nothing | `--allow-fs-write=path,…` (`*` for all) |
/// | `net` | nothing | `--allow-net` (all) or `--allow-net=host[:port],…` |
/// | `env` | nothing | `--allow-env` (all) or `--allow-env=NAME,…` |
/// | `child_process` | no | `--allow-child-process` |
/// | `worker` | no | `--allow-worker` |
/// | `wasi` | no | `--allow-wasi` |
/// | `addons` | no | `--allow-addons` |
///
/// `--safe` adds read access to the entry script's directory on top of these.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grants {
    pub fs_read: Scope<PathBuf>,
    pub fs_write: Scope<PathBuf>,
    pub net: Scope<String>,
    pub env: Scope<String>,
    pub child_process: bool,
    pub worker: bool,
    pub wasi: bool,
    pub addons: bool,
}

/// A permission flag that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GrantError {
    #[error("{0} requires an argument")]
    MissingValue(String),
    #[error("{0} takes no value")]
    UnexpectedValue(String),
    #[error("unknown permission flag {0}")]
    Unknown(String),
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Grants {
    /// Parses permission flags (`--allow-…` and `--permission`), in any order.
    ///
    /// # Errors
    /// [`GrantError`] for an unknown flag or a malformed value.
    pub fn parse<S: AsRef<str>>(flags: &[S]) -> Result<Self, GrantError> {
        let mut g = Grants::default();
        for flag in flags {
            let flag = flag.as_ref();
            let (name, value) = match flag.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (flag, None),
            };
            let boolean = |v: Option<&str>| match v {
                None => Ok(true),
                Some(_) => Err(GrantError::UnexpectedValue(name.to_string())),
            };
            match name {
                "--permission" => {
                    boolean(value)?;
                }
                "--allow-fs-read" | "--allow-fs-write" => {
                    let v = value.ok_or_else(|| GrantError::MissingValue(name.to_string()))?;
                    let scope = if name == "--allow-fs-read" {
                        &mut g.fs_read
                    } else {
                        &mut g.fs_write
                    };
                    let items = list(v);
                    if items.iter().any(|p| p == "*") {
                        *scope = Scope::All;
                    } else {
                        scope.add(items.into_iter().map(PathBuf::from).collect());
                    }
                }
                "--allow-net" | "--allow-env" => {
                    let scope = if name == "--allow-net" {
                        &mut g.net
                    } else {
                        &mut g.env
                    };
                    match value {
                        None => *scope = Scope::All,
                        Some(v) if list(v).iter().any(|x| x == "*") => *scope = Scope::All,
                        Some(v) => scope.add(list(v)),
                    }
                }
                "--allow-child-process" => g.child_process = boolean(value)?,
                "--allow-worker" => g.worker = boolean(value)?,
                "--allow-wasi" => g.wasi = boolean(value)?,
                "--allow-addons" => g.addons = boolean(value)?,
                _ => return Err(GrantError::Unknown(flag.to_string())),
            }
        }
        Ok(g)
    }

    /// Whether the environment variable `name` may be read.
    pub fn env_allowed(&self, name: &str) -> bool {
        match &self.env {
            Scope::None => false,
            Scope::All => true,
            Scope::Only(names) => names.iter().any(|n| n == name),
        }
    }
}

/// A kind of access, as Node's permission model names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    FsRead,
    FsWrite,
    ChildProcess,
    Worker,
    Net,
    Env,
    Wasi,
    Addons,
}

impl Permission {
    /// The name Node puts in a denial's `permission` field.
    pub fn node_name(self) -> &'static str {
        match self {
            Permission::FsRead => "FileSystemRead",
            Permission::FsWrite => "FileSystemWrite",
            Permission::ChildProcess => "ChildProcess",
            Permission::Worker => "WorkerThreads",
            Permission::Net => "NetworkAccess",
            Permission::Env => "EnvironmentVariables",
            Permission::Wasi => "WASI",
            Permission::Addons => "Addon",
        }
    }

    /// The flag that grants it.
    pub fn flag(self) -> &'static str {
        match self {
            Permission::FsRead => "--allow-fs-read",
            Permission::FsWrite => "--allow-fs-write",
            Permission::ChildProcess => "--allow-child-process",
            Permission::Worker => "--allow-worker",
            Permission::Net => "--allow-net",
            Permission::Env => "--allow-env",
            Permission::Wasi => "--allow-wasi",
            Permission::Addons => "--allow-addons",
        }
    }

    /// The scope `process.permission.has(scope)` names (`fs.read`, `child`, …); `fs` is both
    /// file-system kinds and answers [`None`] here.
    pub fn from_scope(scope: &str) -> Option<Self> {
        Some(match scope {
            "fs.read" => Permission::FsRead,
            "fs.write" => Permission::FsWrite,
            "child" => Permission::ChildProcess,
            "worker" => Permission::Worker,
            "net" => Permission::Net,
            "env" => Permission::Env,
            "wasi" => Permission::Wasi,
            "addon" => Permission::Addons,
            _ => return None,
        })
    }
}

/// An access the grants do not allow. Its text is Node's, naming the flag that would allow it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("Access to this API has been restricted. Use {} to manage permissions.", .permission.flag())]
pub struct Denied {
    pub permission: Permission,
    /// What was asked for: a path, a command, a host; empty where Node gives none.
    pub resource: String,
}

/// A path the program may use: it passed a check against the grants, or its user states that
/// none applies ([`CheckedPath::unchecked`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedPath(PathBuf);

impl CheckedPath {
    /// A path used without a check: the runtime's own reads (built-in probing) or a run without
    /// the permission model. Every call site is a place to audit.
    pub fn unchecked(path: impl Into<PathBuf>) -> Self {
        CheckedPath(path.into())
    }

    pub fn as_path(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for CheckedPath {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Grants {
    fn paths(&self, permission: Permission) -> &Scope<PathBuf> {
        match permission {
            Permission::FsWrite => &self.fs_write,
            _ => &self.fs_read,
        }
    }

    /// Whether `real` may be read ([`Permission::FsRead`]) or written ([`Permission::FsWrite`]).
    /// `real` must be absolute with its symbolic links resolved, and the granted paths too: a
    /// link inside a granted directory that leads outside it is outside.
    pub fn allows_path(&self, permission: Permission, real: &Path) -> bool {
        match self.paths(permission) {
            Scope::None => false,
            Scope::All => true,
            Scope::Only(granted) => granted.iter().any(|g| real.starts_with(g)),
        }
    }

    /// Checks a file-system access to `path` (used as asked: the denial names it), whose real
    /// location is `real` (see [`Grants::allows_path`]).
    ///
    /// # Errors
    /// [`Denied`] naming `path` when no grant covers `real`.
    pub fn check_path(
        &self,
        permission: Permission,
        path: &Path,
        real: &Path,
    ) -> Result<CheckedPath, Denied> {
        if self.allows_path(permission, real) {
            Ok(CheckedPath(path.to_path_buf()))
        } else {
            Err(Denied {
                permission,
                resource: path.to_string_lossy().into_owned(),
            })
        }
    }

    /// Whether a permission without a path (child processes, workers, WASI, addons) or the
    /// whole of a listed one (network, environment) is granted.
    pub fn allows(&self, permission: Permission) -> bool {
        match permission {
            Permission::ChildProcess => self.child_process,
            Permission::Worker => self.worker,
            Permission::Wasi => self.wasi,
            Permission::Addons => self.addons,
            Permission::Net => self.net == Scope::All,
            Permission::Env => self.env == Scope::All,
            Permission::FsRead => self.fs_read == Scope::All,
            Permission::FsWrite => self.fs_write == Scope::All,
        }
    }

    /// Checks a permission that has no path (see [`Grants::allows`]); `resource` is what the
    /// denial names.
    ///
    /// # Errors
    /// [`Denied`] when it is not granted.
    pub fn check(&self, permission: Permission, resource: &str) -> Result<(), Denied> {
        if self.allows(permission) {
            Ok(())
        } else {
            Err(Denied {
                permission,
                resource: resource.to_string(),
            })
        }
    }

    /// Whether the network host `host` may be reached (`--allow-net`: all, or a list of
    /// `host[:port]` entries; a name lookup needs only the host to be listed).
    pub fn net_allowed(&self, host: &str) -> bool {
        match &self.net {
            Scope::None => false,
            Scope::All => true,
            Scope::Only(entries) => entries
                .iter()
                .any(|e| net_entry(e).0.eq_ignore_ascii_case(host)),
        }
    }

    /// Whether a socket may connect, send or listen at `ip:port`. An entry allows it when it
    /// names the IP, or one of `names` (host names the caller resolved to this IP itself), or
    /// is `localhost` and the IP a loopback one; and names no port or this one.
    pub fn net_allows_addr(&self, ip: std::net::IpAddr, port: u16, names: &[&str]) -> bool {
        match &self.net {
            Scope::None => false,
            Scope::All => true,
            Scope::Only(entries) => entries.iter().any(|e| {
                let (host, p) = net_entry(e);
                let host_ok = host.parse::<std::net::IpAddr>().is_ok_and(|h| h == ip)
                    || names.iter().any(|n| n.eq_ignore_ascii_case(host))
                    || (host.eq_ignore_ascii_case("localhost") && ip.is_loopback());
                host_ok && p.is_none_or(|p| p == port)
            }),
        }
    }

    /// Checks that the network host `host` may be reached (see [`Grants::net_allowed`]).
    ///
    /// # Errors
    /// [`Denied`] naming the host.
    pub fn check_net(&self, host: &str) -> Result<(), Denied> {
        if self.net_allowed(host) {
            Ok(())
        } else {
            Err(Denied {
                permission: Permission::Net,
                resource: host.to_string(),
            })
        }
    }

    /// Checks that a socket may reach `ip:port` (see [`Grants::net_allows_addr`]).
    ///
    /// # Errors
    /// [`Denied`] naming the address.
    pub fn check_net_addr(
        &self,
        ip: std::net::IpAddr,
        port: u16,
        names: &[&str],
    ) -> Result<(), Denied> {
        if self.net_allows_addr(ip, port, names) {
            Ok(())
        } else {
            Err(Denied {
                permission: Permission::Net,
                resource: std::net::SocketAddr::new(ip, port).to_string(),
            })
        }
    }

    /// Adds read access to `path` (already resolved), as `--safe` does for the entry script's
    /// directory and Node's permission model does for the entry script.
    pub fn grant_read(&mut self, path: PathBuf) {
        self.fs_read.add(vec![path]);
    }

    /// The flags that give these grants, for a process that parses them again (the sandbox
    /// guest).
    pub fn to_flags(&self) -> Vec<String> {
        fn scope<T>(flag: &str, s: &Scope<T>, show: impl Fn(&T) -> String) -> Option<String> {
            match s {
                Scope::None => None,
                Scope::All => Some(format!("{flag}=*")),
                Scope::Only(v) => Some(format!(
                    "{flag}={}",
                    v.iter().map(show).collect::<Vec<_>>().join(",")
                )),
            }
        }
        let path = |p: &PathBuf| p.to_string_lossy().into_owned();
        let name = |s: &String| s.clone();
        let mut out = vec!["--permission".to_string()];
        out.extend(scope("--allow-fs-read", &self.fs_read, path));
        out.extend(scope("--allow-fs-write", &self.fs_write, path));
        out.extend(scope("--allow-net", &self.net, name));
        out.extend(scope("--allow-env", &self.env, name));
        for (on, flag) in [
            (self.child_process, "--allow-child-process"),
            (self.worker, "--allow-worker"),
            (self.wasi, "--allow-wasi"),
            (self.addons, "--allow-addons"),
        ] {
            if on {
                out.push(flag.to_string());
            }
        }
        out
    }
}

/// An `--allow-net` entry's host and port: `host`, `host:port`, `[v6]`, `[v6]:port`, or a
/// bare IPv6 address (several colons, so no port).
fn net_entry(e: &str) -> (&str, Option<u16>) {
    if let Some(rest) = e.strip_prefix('[')
        && let Some((host, after)) = rest.split_once(']')
    {
        return (host, after.strip_prefix(':').and_then(|p| p.parse().ok()));
    }
    match e.split_once(':') {
        Some((host, port)) if !port.contains(':') => match port.parse() {
            Ok(p) => (host, Some(p)),
            Err(_) => (e, None),
        },
        _ => (e, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_denies_everything() {
        let g = Grants::parse::<&str>(&[]).unwrap();
        assert_eq!(g, Grants::default());
        assert!(!g.env_allowed("HOME"));
        assert_eq!(g.fs_read, Scope::None);
    }

    #[test]
    fn lists_accumulate_and_star_means_all() {
        let g = Grants::parse(&[
            "--allow-fs-read=/a,/b",
            "--allow-fs-read=/c",
            "--allow-fs-write=*",
        ])
        .unwrap();
        assert_eq!(
            g.fs_read,
            Scope::Only(vec!["/a".into(), "/b".into(), "/c".into()])
        );
        assert_eq!(g.fs_write, Scope::All);
    }

    #[test]
    fn env_names_and_booleans() {
        let g = Grants::parse(&[
            "--allow-env=HOME,PATH",
            "--allow-child-process",
            "--permission",
        ])
        .unwrap();
        assert!(g.env_allowed("HOME") && !g.env_allowed("SECRET"));
        assert!(g.child_process && !g.worker);
        assert_eq!(Grants::parse(&["--allow-net"]).unwrap().net, Scope::All);
    }

    #[test]
    fn malformed_flags_are_errors() {
        assert_eq!(
            Grants::parse(&["--allow-fs-read"]),
            Err(GrantError::MissingValue("--allow-fs-read".into()))
        );
        assert_eq!(
            Grants::parse(&["--allow-worker=1"]),
            Err(GrantError::UnexpectedValue("--allow-worker".into()))
        );
        assert!(matches!(
            Grants::parse(&["--allow-x"]),
            Err(GrantError::Unknown(_))
        ));
    }

    #[test]
    fn paths_are_granted_by_whole_components() {
        let g = Grants::parse(&["--allow-fs-read=/srv/app", "--allow-fs-write=/tmp/out"]).unwrap();
        assert!(g.allows_path(Permission::FsRead, Path::new("/srv/app")));
        assert!(g.allows_path(Permission::FsRead, Path::new("/srv/app/lib/a.js")));
        assert!(!g.allows_path(Permission::FsRead, Path::new("/srv/application")));
        assert!(!g.allows_path(Permission::FsRead, Path::new("/etc/passwd")));
        assert!(!g.allows_path(Permission::FsWrite, Path::new("/srv/app/x")));
        assert!(g.allows_path(Permission::FsWrite, Path::new("/tmp/out/x")));
    }

    #[test]
    fn a_denial_names_the_flag_and_the_resource() {
        let g = Grants::default();
        let d = g
            .check_path(
                Permission::FsRead,
                Path::new("link.txt"),
                Path::new("/etc/hostname"),
            )
            .unwrap_err();
        assert_eq!(d.permission.node_name(), "FileSystemRead");
        assert_eq!(d.resource, "link.txt");
        assert_eq!(
            d.to_string(),
            "Access to this API has been restricted. Use --allow-fs-read to manage permissions."
        );
        let d = g.check(Permission::ChildProcess, "ls").unwrap_err();
        assert_eq!(
            (d.permission.flag(), d.resource.as_str()),
            ("--allow-child-process", "ls")
        );
        assert!(g.check(Permission::Worker, "").is_err());
    }

    #[test]
    fn net_grants_name_hosts_with_or_without_ports() {
        let g = Grants::parse(&["--allow-net=example.com:443,localhost,[::1]:80"]).unwrap();
        assert!(g.net_allowed("example.com") && g.net_allowed("LOCALHOST") && g.net_allowed("::1"));
        assert!(!g.net_allowed("example.org"));
        assert!(!Grants::default().net_allowed("localhost"));
        assert!(
            Grants::parse(&["--allow-net"])
                .unwrap()
                .net_allowed("anything")
        );
    }

    #[test]
    fn socket_addresses_need_their_ip_a_resolved_name_or_localhost_and_the_port() {
        let ip = |s: &str| s.parse::<std::net::IpAddr>().unwrap();
        let g =
            Grants::parse(&["--allow-net=10.0.0.1,example.com:443,localhost:8080,fe80::1,[::1]:9"])
                .unwrap();
        assert!(g.net_allows_addr(ip("10.0.0.1"), 1, &[]));
        assert!(!g.net_allows_addr(ip("10.0.0.2"), 1, &[]));
        // A name counts for the IPs it was resolved to, on its port only.
        assert!(g.net_allows_addr(ip("93.184.215.14"), 443, &["example.com"]));
        assert!(!g.net_allows_addr(ip("93.184.215.14"), 80, &["example.com"]));
        assert!(!g.net_allows_addr(ip("93.184.215.14"), 443, &[]));
        assert!(g.net_allows_addr(ip("127.0.0.1"), 8080, &[]));
        assert!(g.net_allows_addr(ip("::1"), 8080, &[]));
        assert!(!g.net_allows_addr(ip("127.0.0.1"), 8081, &[]));
        assert!(g.net_allows_addr(ip("fe80::1"), 22, &[]));
        assert!(g.net_allows_addr(ip("::1"), 9, &[]));
        // Every interface needs its own entry.
        assert!(!g.net_allows_addr(ip("0.0.0.0"), 8080, &[]));
        assert!(!Grants::default().net_allows_addr(ip("127.0.0.1"), 80, &[]));
        let all = Grants::parse(&["--allow-net"]).unwrap();
        assert!(all.net_allows_addr(ip("0.0.0.0"), 80, &[]));
        assert_eq!(
            g.check_net_addr(ip("10.0.0.2"), 5, &[])
                .unwrap_err()
                .resource,
            "10.0.0.2:5"
        );
    }

    #[test]
    fn flags_round_trip() {
        let mut g = Grants::parse(&[
            "--allow-fs-read=/a,/b",
            "--allow-env=HOME",
            "--allow-net",
            "--allow-worker",
        ])
        .unwrap();
        g.grant_read("/c".into());
        assert_eq!(Grants::parse(&g.to_flags()).unwrap(), g);
        assert_eq!(Grants::default().to_flags(), vec!["--permission"]);
    }

    #[test]
    fn scopes_name_permissions() {
        assert_eq!(Permission::from_scope("fs.read"), Some(Permission::FsRead));
        assert_eq!(
            Permission::from_scope("child"),
            Some(Permission::ChildProcess)
        );
        assert_eq!(Permission::from_scope("fs"), None);
        assert_eq!(Permission::from_scope("bogus"), None);
    }
}
