//! The host platform (Linux and other Unix).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub fn pid() -> u32 {
    std::process::id()
}

pub fn ppid() -> u32 {
    std::os::unix::process::parent_id()
}

pub fn getuid() -> Option<u32> {
    // SAFETY: getuid has no preconditions and cannot fail.
    Some(unsafe { libc::getuid() })
}

pub fn euid() -> Option<u32> {
    // SAFETY: as above.
    Some(unsafe { libc::geteuid() })
}

pub fn getgid() -> Option<u32> {
    // SAFETY: as above.
    Some(unsafe { libc::getgid() })
}

pub fn egid() -> Option<u32> {
    // SAFETY: as above.
    Some(unsafe { libc::getegid() })
}

/// Sets the file-mode creation mask and returns the previous one.
pub fn umask(mask: Option<u32>) -> u32 {
    // SAFETY: umask has no preconditions; reading it means setting and restoring it.
    unsafe {
        let old = libc::umask(mask.unwrap_or(0) as libc::mode_t);
        if mask.is_none() {
            libc::umask(old);
        }
        old as u32
    }
}

pub fn is_tty(fd: i32) -> bool {
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "localhost".to_string())
}

/// # Errors
/// The OS error.
pub fn cwd() -> std::io::Result<PathBuf> {
    std::env::current_dir()
}

/// # Errors
/// The OS error.
pub fn chdir(path: &Path) -> std::io::Result<()> {
    std::env::set_current_dir(path)
}

/// Sends `signal` to `pid`.
///
/// # Errors
/// The OS error (`ESRCH`, `EPERM`).
pub fn kill(pid: i32, signal: i32) -> std::io::Result<()> {
    // SAFETY: kill has no memory preconditions.
    if unsafe { libc::kill(pid, signal) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

pub fn exit(code: i32) -> ! {
    std::process::exit(code)
}

/// What `fs.Stats` is built from.
#[derive(Clone, Copy, Debug, Default)]
pub struct RawStat {
    pub dev: u64,
    pub ino: u64,
    pub mode: u32,
    pub nlink: u64,
    pub uid: u32,
    pub gid: u32,
    pub rdev: u64,
    pub size: u64,
    pub blksize: u64,
    pub blocks: u64,
    pub atime_ns: i128,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
    pub birthtime_ns: i128,
}

pub fn raw_stat(m: &std::fs::Metadata) -> RawStat {
    use std::os::unix::fs::MetadataExt;
    let ns = |s: i64, n: i64| s as i128 * 1_000_000_000 + n as i128;
    let birth = m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i128)
        .unwrap_or_else(|| ns(m.ctime(), m.ctime_nsec()));
    RawStat {
        dev: m.dev(),
        ino: m.ino(),
        mode: m.mode(),
        nlink: m.nlink(),
        uid: m.uid(),
        gid: m.gid(),
        rdev: m.rdev(),
        size: m.size(),
        blksize: m.blksize(),
        blocks: m.blocks(),
        atime_ns: ns(m.atime(), m.atime_nsec()),
        mtime_ns: ns(m.mtime(), m.mtime_nsec()),
        ctime_ns: ns(m.ctime(), m.ctime_nsec()),
        birthtime_ns: birth,
    }
}

pub fn set_mode(o: &mut std::fs::OpenOptions, mode: u32) {
    use std::os::unix::fs::OpenOptionsExt;
    o.mode(mode);
}

pub fn set_dir_mode(b: &mut std::fs::DirBuilder, mode: u32) {
    use std::os::unix::fs::DirBuilderExt;
    b.mode(mode);
}

/// # Errors
/// The OS error.
pub fn symlink(target: &Path, path: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, path)
}

/// # Errors
/// The OS error.
pub fn chmod(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}
