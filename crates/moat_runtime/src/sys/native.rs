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

/// The text of a file of facts about the machine (/proc's); empty where it cannot be read.
pub fn machine_file(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
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

/// Delivers `signal` to the loop's `events` as `Event::Signal` with `handle` instead of its
/// default action, until [`signal_unwatch`].
///
/// # Errors
/// `EINVAL` for a signal that may not be watched.
pub fn signal_watch(
    events: &super::events::EventQueue,
    signal: i32,
    handle: u32,
) -> std::io::Result<()> {
    moat_proc::signals::watch(events, signal, handle)
}

/// Reads standard input on a helper thread, as `Data` events for `handle` on `events`.
pub fn stdin_events(events: &super::events::EventQueue, handle: u32) -> std::io::Result<()> {
    let events = events.clone();
    moat_proc::read_stdin(handle, move |e| events.push(e))
}

/// Gives `signal` its default action back.
pub fn signal_unwatch(signal: i32) {
    moat_proc::signals::unwatch(signal);
}

pub fn exit(code: i32) -> ! {
    super::tty::restore();
    moat_proc::exit(code)
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
        .unwrap_or(0);
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

/// Copies a file's content and permission bits.
///
/// # Errors
/// The OS error.
pub fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::copy(from, to).map(drop)
}

/// Makes the directory `path` with the permission bits `mode` (less the umask).
///
/// # Errors
/// The OS error.
pub fn create_dir(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(path)
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

/// Descriptors natively are the kernel's: any may be used, as in Node.
pub const FDS_TRACKED: bool = false;

fn cstr(path: &Path) -> std::io::Result<std::ffi::CString> {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|_| std::io::Error::from_raw_os_error(libc::ENOENT))
}

fn cvt(rc: libc::c_int) -> std::io::Result<libc::c_int> {
    if rc < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(rc)
    }
}

/// `open(2)` with Linux flags, close-on-exec.
///
/// # Errors
/// The OS error.
pub fn open(path: &Path, flags: i32, mode: u32) -> std::io::Result<i32> {
    let c = cstr(path)?;
    // SAFETY: `c` is a NUL-terminated path that lives across the call.
    cvt(unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })
}

/// # Errors
/// The OS error (`EBADF`).
pub fn close(fd: i32) -> std::io::Result<()> {
    // SAFETY: closing a number has no memory preconditions.
    cvt(unsafe { libc::close(fd) }).map(drop)
}

/// One `read`/`pread`.
///
/// # Errors
/// The OS error.
pub fn read(fd: i32, buf: &mut [u8], position: Option<u64>) -> std::io::Result<usize> {
    loop {
        // SAFETY: the kernel writes at most `buf.len()` bytes into `buf`.
        let n = unsafe {
            match position {
                Some(p) => libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), p as libc::off_t),
                None => libc::read(fd, buf.as_mut_ptr().cast(), buf.len()),
            }
        };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// One `write`/`pwrite`.
///
/// # Errors
/// The OS error.
pub fn write(fd: i32, data: &[u8], position: Option<u64>) -> std::io::Result<usize> {
    loop {
        // SAFETY: the kernel reads at most `data.len()` bytes from `data`.
        let n = unsafe {
            match position {
                Some(p) => libc::pwrite(fd, data.as_ptr().cast(), data.len(), p as libc::off_t),
                None => libc::write(fd, data.as_ptr().cast(), data.len()),
            }
        };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Runs `f` on descriptor `fd` as a `File` it does not own.
///
/// # Errors
/// `EBADF` for a closed descriptor, or `f`'s.
pub fn with_file<R>(
    fd: i32,
    f: impl FnOnce(&std::fs::File) -> std::io::Result<R>,
) -> std::io::Result<R> {
    use std::os::fd::FromRawFd;
    // SAFETY: fcntl(F_GETFD) only asks whether the number is open.
    cvt(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    // SAFETY: the descriptor is open; ManuallyDrop keeps the File from closing it.
    let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    f(&file)
}

/// # Errors
/// The OS error.
pub fn fchmod(fd: i32, mode: u32, _path: Option<&Path>) -> std::io::Result<()> {
    // SAFETY: no memory is passed.
    cvt(unsafe { libc::fchmod(fd, mode as libc::mode_t) }).map(drop)
}

/// # Errors
/// The OS error.
pub fn fchown(fd: i32, uid: u32, gid: u32, _path: Option<&Path>) -> std::io::Result<()> {
    // SAFETY: no memory is passed.
    cvt(unsafe { libc::fchown(fd, uid, gid) }).map(drop)
}

/// # Errors
/// The OS error.
pub fn chown(path: &Path, uid: u32, gid: u32, follow: bool) -> std::io::Result<()> {
    let c = cstr(path)?;
    // SAFETY: `c` is a NUL-terminated path that lives across the call.
    cvt(unsafe {
        if follow {
            libc::chown(c.as_ptr(), uid, gid)
        } else {
            libc::lchown(c.as_ptr(), uid, gid)
        }
    })
    .map(drop)
}

/// Times of a link itself.
///
/// # Errors
/// The OS error.
pub fn lutimes(path: &Path, atime: f64, mtime: f64) -> std::io::Result<()> {
    let c = cstr(path)?;
    let ts = |s: f64| libc::timespec {
        tv_sec: s.floor() as _,
        tv_nsec: ((s - s.floor()) * 1e9) as _,
    };
    let t = [ts(atime), ts(mtime)];
    // SAFETY: `c` and `t` live across the call.
    cvt(unsafe {
        libc::utimensat(
            libc::AT_FDCWD,
            c.as_ptr(),
            t.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    })
    .map(drop)
}

/// `access(2)`.
///
/// # Errors
/// The OS error.
pub fn access(path: &Path, mode: u32) -> std::io::Result<()> {
    let c = cstr(path)?;
    // SAFETY: `c` lives across the call.
    cvt(unsafe { libc::access(c.as_ptr(), mode as libc::c_int) }).map(drop)
}

/// # Errors
/// The OS error (`EISDIR` for a directory, as Linux says it).
pub fn unlink(path: &Path) -> std::io::Result<()> {
    let c = cstr(path)?;
    // SAFETY: `c` lives across the call.
    cvt(unsafe { libc::unlink(c.as_ptr()) }).map(drop)
}

/// # Errors
/// The OS error.
pub fn statfs(path: &Path) -> std::io::Result<[u64; 7]> {
    let c = cstr(path)?;
    // SAFETY: `s` is a valid out-pointer and `c` lives across the call.
    let mut s: libc::statfs = unsafe { std::mem::zeroed() };
    cvt(unsafe { libc::statfs(c.as_ptr(), &mut s) })?;
    Ok([
        s.f_type as u64,
        s.f_bsize as u64,
        s.f_blocks,
        s.f_bfree,
        s.f_bavail,
        s.f_files,
        s.f_ffree,
    ])
}

/// A watch of a file or directory (`fs.watch`), on until dropped.
pub type FsWatch = moat_proc::fswatch::FsWatch;

/// Watches `path` (links followed; with `recursive`, every directory beneath it too): its
/// changes arrive on `events` as `Event::FsChange` under `handle`.
///
/// # Errors
/// The OS error (`ENOENT`, `ENOSPC` past the system's watch limit).
pub fn watch(
    events: &super::events::EventQueue,
    path: &Path,
    recursive: bool,
    handle: u32,
) -> std::io::Result<FsWatch> {
    use std::os::unix::ffi::OsStrExt;
    let real = std::fs::canonicalize(path)?;
    let name = path
        .file_name()
        .unwrap_or(real.as_os_str())
        .as_bytes()
        .to_vec();
    moat_proc::fswatch::watch(events, &real, name, recursive, handle)
}

/// # Errors
/// The OS error.
pub fn readlink(path: &Path) -> std::io::Result<PathBuf> {
    std::fs::read_link(path)
}

/// # Errors
/// The OS error.
pub fn stat(path: &Path, follow: bool, _exact: bool) -> std::io::Result<RawStat> {
    let m = if follow {
        std::fs::metadata(path)?
    } else {
        std::fs::symlink_metadata(path)?
    };
    Ok(raw_stat(&m))
}

/// # Errors
/// The OS error.
pub fn fstat(fd: i32, _path: Option<&Path>) -> std::io::Result<RawStat> {
    with_file(fd, |f| Ok(raw_stat(&f.metadata()?)))
}

/// Type bits of what is neither file, directory nor link.
pub fn special_kind(ft: &std::fs::FileType) -> u32 {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        0o010000
    } else if ft.is_socket() {
        0o140000
    } else if ft.is_char_device() {
        0o020000
    } else if ft.is_block_device() {
        0o060000
    } else {
        0
    }
}

/// The OS number of an error code name (Linux's are libuv's, negated).
pub fn raw_errno(code: &str) -> i32 {
    -super::error::uv_error_by_code(code).errno
}

/// The addresses of this machine's network interfaces.
///
/// # Errors
/// The OS error.
pub fn network_interfaces() -> std::io::Result<Vec<super::os::NetAddress>> {
    moat_net::interfaces::list()
}

/// The text (PEM) of the system's store of trusted root certificates. Read whatever the grants
/// say, as Node's OpenSSL reads it.
pub fn system_cert_store() -> Option<String> {
    moat_net::trust::system_store(true)
}

/// The password-database entry of the current user.
pub fn user_info() -> Option<super::os::UserInfo> {
    super::os::user_of(moat_proc::account())
}

/// # Errors
/// The OS error (`ESRCH`, `EACCES`).
pub fn get_priority(pid: i32) -> std::io::Result<i32> {
    moat_proc::get_priority(pid)
}

/// # Errors
/// The OS error (`ESRCH`, `EACCES`).
pub fn set_priority(pid: i32, priority: i32) -> std::io::Result<()> {
    moat_proc::set_priority(pid, priority)
}

/// Supplementary group ids of this process.
pub fn groups() -> Vec<u32> {
    // SAFETY: a first call with size 0 returns the count; the second fills a buffer of that size.
    unsafe {
        let n = libc::getgroups(0, std::ptr::null_mut());
        if n <= 0 {
            return Vec::new();
        }
        let mut v = vec![0 as libc::gid_t; n as usize];
        let n = libc::getgroups(n, v.as_mut_ptr());
        v.truncate(n.max(0) as usize);
        v
    }
}

/// CPU time and peak memory of this process (getrusage).
pub fn cpu_usage() -> super::os::Usage {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid out-pointer.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let us = |t: libc::timeval| t.tv_sec as f64 * 1e6 + t.tv_usec as f64;
    super::os::Usage {
        user_us: us(ru.ru_utime),
        system_us: us(ru.ru_stime),
        max_rss_kb: ru.ru_maxrss as f64,
    }
}

/// A write to a pipe whose reader has gone.
pub fn is_closed_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// The path a file call hands the OS: the OS resolves links and `..` itself.
pub fn os_path(path: &Path, _follow: bool) -> std::borrow::Cow<'_, Path> {
    std::borrow::Cow::Borrowed(path)
}

/// Where `path` really leads (see `fs::resolve_real`): the OS resolves the part that exists.
pub fn resolve_real(path: &Path) -> PathBuf {
    use std::path::Component;
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd().unwrap_or_else(|_| PathBuf::from("/")).join(path)
    };
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    let mut real = loop {
        match std::fs::canonicalize(existing) {
            Ok(real) => break real,
            Err(_) => match (existing.parent(), existing.components().next_back()) {
                (Some(parent), Some(last)) => {
                    rest.push(last);
                    existing = parent;
                }
                _ => break PathBuf::from("/"),
            },
        }
    };
    for c in rest.into_iter().rev() {
        match c {
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => real.push(name),
            _ => {}
        }
    }
    real
}

/// # Errors
/// The OS error.
pub fn realpath(path: &Path) -> std::io::Result<PathBuf> {
    std::fs::canonicalize(path)
}

/// Blocks the thread for `d`.
pub fn sleep(d: std::time::Duration) {
    std::thread::sleep(d);
}

/// The addresses `host` resolves to (the system resolver), each once, in its order.
///
/// # Errors
/// The resolver's error.
pub fn lookup(host: &str) -> std::io::Result<Vec<std::net::IpAddr>> {
    use std::net::ToSocketAddrs;
    let mut out = Vec::new();
    for a in (host, 0).to_socket_addrs()? {
        if !out.contains(&a.ip()) {
            out.push(a.ip());
        }
    }
    Ok(out)
}
