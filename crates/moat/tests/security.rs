//! Attack scripts: every `tests/security/<name>.js` tries to reach past its grants, and runs under
//! `moat --safe` and under `moat --permission` (`tests/security/README.md`).
//!
//! Each run gets a fresh scratch tree (`app/` holding the script, `outside/` with a secret,
//! `writable/`, and symbolic links leading out: relative ones, and `app/abslink` with an absolute
//! target). Without the grant the script must print the
//! `denied` line (or end with the `denied-exit` code and `denied-stderr` line) and leave every
//! file of `outside/` and `app/` as it was; with the grant (the positive control) it must print
//! the `allowed` line and exit 0. A canary server listens on a loopback port for every run; a
//! denied run must not have reached it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use libtest_mimic::{Arguments, Failed, Trial};

mod common;
use common::run_with_deadline;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/security")
}

/// A run that takes longer than this has escaped its limits.
const RUN_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Safe,
    Permission,
}

impl Mode {
    fn flag(self) -> &'static str {
        match self {
            Mode::Safe => "--safe",
            Mode::Permission => "--permission",
        }
    }
    fn name(self) -> &'static str {
        match self {
            Mode::Safe => "safe",
            Mode::Permission => "permission",
        }
    }
}

/// The `// key: value` header of a case.
struct Case {
    script: PathBuf,
    header: BTreeMap<String, String>,
}

impl Case {
    fn read(script: PathBuf) -> Self {
        let text = std::fs::read_to_string(&script).expect("case is readable");
        let header = text
            .lines()
            .map_while(|l| l.strip_prefix("// "))
            .filter_map(|l| l.split_once(": "))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Case { script, header }
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.header.get(key).map(String::as_str)
    }

    fn modes(&self) -> Vec<Mode> {
        let all = [Mode::Safe, Mode::Permission];
        match self.get("modes") {
            None => all.to_vec(),
            Some(m) => all
                .into_iter()
                .filter(|mode| m.split_whitespace().any(|x| x == mode.name()))
                .collect(),
        }
    }
}

/// A TCP server and a UDP socket on free loopback ports that only count what reaches them.
struct Canary {
    listener: std::net::TcpListener,
    udp: std::net::UdpSocket,
}

impl Canary {
    fn new() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a canary port");
        listener.set_nonblocking(true).expect("non-blocking");
        let udp = std::net::UdpSocket::bind("127.0.0.1:0").expect("a canary port");
        udp.set_nonblocking(true).expect("non-blocking");
        Canary { listener, udp }
    }
    fn port(&self) -> u16 {
        self.listener.local_addr().expect("bound").port()
    }
    fn udp_port(&self) -> u16 {
        self.udp.local_addr().expect("bound").port()
    }
    /// Connections and datagrams that reached it (connections accepted by the kernel, whether
    /// or not taken yet).
    fn reached(&self) -> usize {
        let mut buf = [0u8; 64];
        std::iter::from_fn(|| self.listener.accept().ok()).count()
            + std::iter::from_fn(|| self.udp.recv_from(&mut buf).ok()).count()
    }
}

/// The scratch tree a run may attack.
struct Scratch {
    root: PathBuf,
    canary: Canary,
}

impl Scratch {
    fn new(case: &Case) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let base = std::env::temp_dir().join(format!("moat-security-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let root = {
            std::fs::create_dir_all(&base).expect("scratch root");
            std::fs::canonicalize(&base).expect("scratch root resolves")
        };
        let mk = |p: &str| std::fs::create_dir_all(root.join(p)).expect("scratch dir");
        let put = |p: &str, s: &str| std::fs::write(root.join(p), s).expect("scratch file");
        let link = |target: PathBuf, p: &str| {
            std::os::unix::fs::symlink(target, root.join(p)).expect("scratch link")
        };
        mk("app");
        mk("outside/dir");
        mk("writable");
        put("outside/secret.txt", "secret\n");
        put("outside/dir/inner.txt", "inner\n");
        put("outside/mod.js", "module.exports = 'secret module';\n");
        put("outside/mod.mjs", "export default 'secret module';\n");
        std::fs::copy(&case.script, root.join("app/case.js")).expect("case copied");
        link("../outside/secret.txt".into(), "app/linkfile");
        link("../outside".into(), "app/linkdir");
        link("../outside".into(), "writable/escape");
        link(root.join("outside/secret.txt"), "app/abslink");
        Scratch {
            root,
            canary: Canary::new(),
        }
    }

    fn expand(&self, flags: &str) -> Vec<String> {
        let r = self.root.to_string_lossy();
        flags
            .split_whitespace()
            .map(|f| {
                f.replace("{outside}", &format!("{r}/outside"))
                    .replace("{writable}", &format!("{r}/writable"))
                    .replace("{app}", &format!("{r}/app"))
                    .replace("{root}", &r)
                    .replace("{canary}", &self.canary.port().to_string())
                    .replace("{udp_canary}", &self.canary.udp_port().to_string())
            })
            .collect()
    }

    /// Every entry of `outside/` and `app/` (what no run may change without a write grant):
    /// its type, mode, times, contents or link target.
    fn snapshot(&self) -> BTreeMap<PathBuf, String> {
        fn walk(dir: &Path, base: &Path, out: &mut BTreeMap<PathBuf, String>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for e in entries.flatten() {
                let p = e.path();
                let Ok(m) = std::fs::symlink_metadata(&p) else {
                    continue;
                };
                let rel = p.strip_prefix(base).expect("under root").to_path_buf();
                let perms = std::os::unix::fs::PermissionsExt::mode(&m.permissions());
                let what = if m.file_type().is_symlink() {
                    format!("link -> {:?}", std::fs::read_link(&p).ok())
                } else if m.is_dir() {
                    walk(&p, base, out);
                    format!("dir {perms:o}")
                } else {
                    let data = std::fs::read(&p).unwrap_or_default();
                    let mtime = m.modified().ok();
                    format!(
                        "file {perms:o} {mtime:?} {:?}",
                        String::from_utf8_lossy(&data)
                    )
                };
                out.insert(rel, what);
            }
        }
        let mut out = BTreeMap::new();
        for top in ["outside", "app"] {
            walk(&self.root.join(top), &self.root, &mut out);
        }
        out
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn attempt(case: &Case, mode: Mode, granted: bool) -> Result<(), Failed> {
    let scratch = Scratch::new(case);
    let mut flags = scratch.expand(case.get("flags").unwrap_or(""));
    if granted {
        flags.extend(scratch.expand(case.get("grant").unwrap_or("")));
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_moat"));
    cmd.arg(mode.flag())
        .args(&flags)
        .arg(scratch.root.join("app/case.js"))
        .arg(&scratch.root)
        .arg(scratch.canary.port().to_string())
        .arg(scratch.canary.udp_port().to_string())
        .current_dir(scratch.root.join("app"))
        .env("MOAT_TEST_SECRET", "hunter2");
    let before = scratch.snapshot();
    let out = run_with_deadline(cmd, RUN_TIMEOUT)?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code().unwrap_or(-1);
    let shown = || format!("exit {code}\n--- stdout\n{stdout}--- stderr\n{stderr}---");
    let has_line = |text: &str, line: &str| text.lines().any(|l| l.trim_end() == line);
    if granted {
        let want = case.get("allowed").ok_or("no `allowed` line")?;
        if code != 0 || !has_line(&stdout, want) {
            return Err(
                format!("with the grant, expected `{want}` and exit 0\n{}", shown()).into(),
            );
        }
        return Ok(());
    }
    if let Some(want) = case.get("denied-exit") {
        let line = case.get("denied-stderr").ok_or("no `denied-stderr` line")?;
        if code.to_string() != want || !has_line(&stderr, line) {
            return Err(format!("expected exit {want} and `{line}`\n{}", shown()).into());
        }
    } else {
        let key = format!("{}-denied", mode.name());
        let want = case
            .get(&key)
            .or(case.get("denied"))
            .ok_or("no `denied` line")?;
        if code != 0 || !has_line(&stdout, want) {
            return Err(format!("expected the denial `{want}`\n{}", shown()).into());
        }
    }
    let after = scratch.snapshot();
    if before != after {
        let changed: Vec<_> = before
            .keys()
            .chain(after.keys())
            .filter(|k| before.get(*k) != after.get(*k))
            .collect();
        return Err(format!("the denied run changed {changed:?}\n{}", shown()).into());
    }
    let reached = scratch.canary.reached();
    if reached > 0 {
        return Err(format!(
            "the denied run reached the canary {reached} time(s)\n{}",
            shown()
        )
        .into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("tests/security exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .collect();
    scripts.sort();
    let mut trials = Vec::new();
    for script in scripts {
        let case = std::sync::Arc::new(Case::read(script));
        let name = case
            .script
            .file_stem()
            .expect("file")
            .to_string_lossy()
            .into_owned();
        for mode in case.modes() {
            for granted in [false, true] {
                let c = case.clone();
                let label = format!(
                    "{}::{name}::{}",
                    mode.name(),
                    if granted { "granted" } else { "denied" }
                );
                trials.push(Trial::test(label, move || attempt(&c, mode, granted)));
            }
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
