//! Grants: Node's permission flags (`--allow-fs-read`, `--allow-env`, …) parsed once into what a
//! program may do. No engine, no wasmtime: the sandbox host turns grants into WASI preopens and
//! an environment; the runtime will check them in-process for native `--permission`.
//!
//! Depends on none of moat's crates.

use std::path::PathBuf;

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
}
