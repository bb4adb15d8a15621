//! wasm32-wasip1: the sandbox host grants what these calls reach.
//!
//! WASI has no processes, users or signals; those answer with fixed values or `ENOSYS`, except
//! what the host does for the guest through the `moat` imports (`host.rs`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The guest sees one process; its id is fixed.
pub fn pid() -> u32 {
    moat_abi::GUEST_PID.unsigned_abs()
}

pub fn ppid() -> u32 {
    0
}

/// The host process's account, asked once: the ids the guest's file calls act with.
fn account() -> Option<&'static moat_abi::Account> {
    static ACCOUNT: std::sync::OnceLock<Option<moat_abi::Account>> = std::sync::OnceLock::new();
    ACCOUNT.get_or_init(|| super::host::account().ok()).as_ref()
}

pub fn getuid() -> Option<u32> {
    account().map(|a| a.uid)
}

pub fn euid() -> Option<u32> {
    account().map(|a| a.euid)
}

pub fn getgid() -> Option<u32> {
    account().map(|a| a.gid)
}

pub fn egid() -> Option<u32> {
    account().map(|a| a.egid)
}

/// WASI has no umask; the guest keeps one so that the API behaves.
pub fn umask(mask: Option<u32>) -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static MASK: AtomicU32 = AtomicU32::new(0o022);
    match mask {
        Some(m) => MASK.swap(m, Ordering::Relaxed),
        None => MASK.load(Ordering::Relaxed),
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
    let name = machine_file("/proc/sys/kernel/hostname");
    match name.trim() {
        "" => "localhost".to_string(),
        name => name.to_string(),
    }
}

/// The text of a file of facts about the machine, read by the host (`moat_abi`'s `sys_read`);
/// empty where it cannot be read.
pub fn machine_file(path: &str) -> String {
    super::host::machine_file(path).unwrap_or_default()
}

/// # Errors
/// The OS error.
pub fn cwd() -> std::io::Result<PathBuf> {
    std::env::current_dir()
}

/// Changes the working directory, which WASI keeps as a path inside the guest (wasi-libc's
/// `__wasilibc_cwd`): the real path it leads to, as getcwd(3) reports one. A directory that
/// holds a granted one (`..` from a granted working directory, say) may be the working
/// directory too, although it cannot be opened: it exists, since what it holds does, so nothing
/// is learnt by going there, and relative paths from it still reach only what was granted.
///
/// # Errors
/// The OS error.
pub fn chdir(path: &Path) -> std::io::Result<()> {
    // Resolved here: wasi-libc would keep `..` and links in the path it keeps.
    let real = resolve(path, true);
    let Err(e) = std::env::set_current_dir(&real) else {
        return Ok(());
    };
    if !preopened_dirs()
        .iter()
        .any(|d| d != &real && d.starts_with(&real))
    {
        return Err(e);
    }
    unsafe extern "C" {
        static mut __wasilibc_cwd: *mut std::ffi::c_char;
        fn strdup(s: *const std::ffi::c_char) -> *mut std::ffi::c_char;
    }
    let Ok(name) = std::ffi::CString::new(real.into_os_string().into_encoded_bytes()) else {
        return Err(e);
    };
    // SAFETY: the guest is single-threaded; wasi-libc reads the pointer as a C string, and
    // since its next `chdir` may free the old one, the copy is made by its own allocator.
    unsafe {
        let copy = strdup(name.as_ptr());
        if copy.is_null() {
            return Err(std::io::Error::from(std::io::ErrorKind::OutOfMemory));
        }
        __wasilibc_cwd = copy;
    }
    Ok(())
}

/// # Errors
/// `EPERM` for a process this instance did not start (the host checks).
pub fn kill(pid: i32, signal: i32) -> std::io::Result<()> {
    super::host::kill(pid, signal)
}

/// Asks the host to deliver `signal` (which the host process receives) to this instance as an
/// event with `handle`; the events arrive through the host's `poll`.
///
/// # Errors
/// `EINVAL` for a signal that may not be watched.
pub fn signal_watch(
    _events: &super::events::EventQueue,
    signal: i32,
    handle: u32,
) -> std::io::Result<()> {
    super::host::watch_signal(signal, handle)
}

/// Reads standard input as `Data` events for `handle` on `events` (the host reads it).
pub fn stdin_events(_events: &super::events::EventQueue, handle: u32) -> std::io::Result<()> {
    super::host::read_stdin(handle)
}

/// Gives `signal` its default action back.
pub fn signal_unwatch(signal: i32) {
    super::host::unwatch_signal(signal);
}

/// Ends the run once Rust's standard output and error are flushed. Through the host: WASI's
/// `proc_exit` refuses codes from 126 on, which Node programs exit with too.
pub fn exit(code: i32) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    super::host::exit(code)
}

/// What `fs.Stats` is built from. WASI's own record has no owners or permission bits: where
/// only it is asked, files read as 0o644 and directories as 0o755, owned by uid 0.
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
    let ns = |t: std::io::Result<std::time::SystemTime>| {
        t.ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i128)
            .unwrap_or(0)
    };
    let ft = m.file_type();
    let mode = if ft.is_dir() {
        0o040755
    } else if ft.is_symlink() {
        0o120777
    } else if ft.is_file() {
        0o100644
    } else {
        0o020666
    };
    RawStat {
        dev: 0,
        ino: 0,
        mode,
        nlink: 1,
        uid: 0,
        gid: 0,
        rdev: 0,
        size: m.len(),
        blksize: 4096,
        blocks: m.len().div_ceil(512),
        atime_ns: ns(m.accessed()),
        mtime_ns: ns(m.modified()),
        ctime_ns: ns(m.modified()),
        birthtime_ns: ns(m.created().or_else(|_| m.modified())),
    }
}

/// Copies a file's content, then its permission bits through the host (WASI copies none).
///
/// # Errors
/// The OS error.
pub fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::copy(from, to)?;
    let bits = host_stat(from, true)?.mode & 0o7777;
    if host_stat(to, true)?.mode & 0o7777 != bits {
        chmod(to, bits)?;
    }
    Ok(())
}

/// Makes the directory `path` with the permission bits `mode` less the guest's umask: WASI
/// makes it with the host's default bits, which the host then changes where they differ.
///
/// # Errors
/// The OS error.
pub fn create_dir(path: &Path, mode: u32) -> std::io::Result<()> {
    std::fs::create_dir(path)?;
    set_created_mode(path, mode, 0o755)
}

/// Gives a file or directory just made the bits `mode` less the umask, where they differ from
/// `default`, what the host makes one with (its own umask being 0o022, as the guest's starts).
fn set_created_mode(path: &Path, mode: u32, default: u32) -> std::io::Result<()> {
    let wanted = mode & !umask(None) & 0o7777;
    if wanted == default {
        return Ok(());
    }
    chmod(path, wanted)
}

/// Makes the link through the host, which checks where the link itself is.
///
/// # Errors
/// The host's (`EACCES` outside the write grant, `EEXIST` …).
pub fn symlink(target: &Path, path: &Path) -> std::io::Result<()> {
    let t = path_text(target)?;
    let p = path_text(path)?;
    // SAFETY: the host reads the two ranges.
    host_result(unsafe { host_fs::fs_symlink(t.as_ptr(), t.len(), p.as_ptr(), p.len()) })
}

/// The content of a symbolic link, from the host: WASI's own refuses an absolute one.
///
/// # Errors
/// The host's (`EINVAL` for what is not a link, `EACCES` outside the read grant).
pub fn readlink(path: &Path) -> std::io::Result<PathBuf> {
    let p = path_text(path)?;
    let mut buf = vec![0u8; 4096];
    let mut n = 0u32;
    // SAFETY: the host reads `path_len` bytes at `path`, writes at most `buf_len` at `buf` and
    // one u32 at `n_out`.
    host_result(unsafe {
        host_fs::fs_readlink(p.as_ptr(), p.len(), buf.as_mut_ptr(), buf.len(), &mut n)
    })?;
    buf.truncate(n as usize);
    String::from_utf8(buf)
        .map(PathBuf::from)
        .map_err(|_| std::io::Error::from_raw_os_error(28))
}

/// Sets permission bits through the host (WASI has none).
///
/// # Errors
/// The host's (`EACCES` outside the write grant).
pub fn chmod(path: &Path, mode: u32) -> std::io::Result<()> {
    let p = path_text(path)?;
    // SAFETY: the host reads `path_len` bytes at `path`.
    host_result(unsafe { host_fs::fs_chmod(p.as_ptr(), p.len(), mode) })
}

/// The sandbox lets the program use only the descriptors it opened (and stdio): the
/// directories the host preopened stay the runtime's.
pub const FDS_TRACKED: bool = true;

mod wasi_fd {
    #[repr(C)]
    pub struct Iovec {
        pub buf: *const u8,
        pub len: usize,
    }
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        pub fn fd_close(fd: u32) -> u16;
        pub fn fd_read(fd: u32, iovs: *const Iovec, n: usize, nread: *mut usize) -> u16;
        pub fn fd_pread(fd: u32, iovs: *const Iovec, n: usize, off: u64, nread: *mut usize) -> u16;
        pub fn fd_write(fd: u32, iovs: *const Iovec, n: usize, nwritten: *mut usize) -> u16;
        pub fn fd_filestat_get(fd: u32, out: *mut [u64; 8]) -> u16;
        pub fn path_filestat_get(
            fd: u32,
            flags: u32,
            path: *const u8,
            path_len: usize,
            out: *mut [u64; 8],
        ) -> u16;
        pub fn fd_pwrite(
            fd: u32,
            iovs: *const Iovec,
            n: usize,
            off: u64,
            nwritten: *mut usize,
        ) -> u16;
    }
}

/// The names and `d_type`s ([`moat_abi::dir_type`]) of a directory's entries, from the host's
/// checked `fs_readdir`: WASI's `fd_readdir` stats every entry of the directory on every call.
///
/// # Errors
/// The host's: `EACCES` outside the read grant, `ENOENT`, `ENOTDIR`.
pub fn dir_entries(path: &Path) -> std::io::Result<Vec<(String, u8)>> {
    super::host::list_dir(path_text(path)?)
}

fn wasi_result(rc: u16) -> std::io::Result<()> {
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::from_raw_os_error(i32::from(rc)))
    }
}

/// Opens with Linux flags, mapped onto WASI's (which has no modes).
///
/// # Errors
/// The OS error.
pub fn open(path: &Path, flags: i32, mode: u32) -> std::io::Result<i32> {
    use super::fs::flags::*;
    use std::os::fd::IntoRawFd;
    let acc = flags & O_ACCMODE;
    let mut o = std::fs::OpenOptions::new();
    let append = flags & O_APPEND != 0;
    o.read(acc != O_WRONLY)
        .write(acc != 0 && !append)
        .append(append && acc != 0)
        .truncate(flags & O_TRUNC != 0 && acc != 0);
    if flags & O_CREAT != 0 && flags & O_EXCL != 0 {
        o.create_new(true);
    } else if flags & O_CREAT != 0 {
        o.create(true);
    }
    if acc == 0 && flags & (O_CREAT | O_TRUNC) != 0 {
        // WASI needs write rights to create or truncate; the descriptor still only reads.
        o.write(true);
    }
    if flags & O_DIRECTORY != 0 && !std::fs::metadata(path)?.is_dir() {
        return Err(std::io::Error::from_raw_os_error(54));
    }
    // WASI makes a file with the host's default bits; `mode` is applied after, to a file this
    // call made.
    let creates = flags & O_CREAT != 0
        && (flags & O_EXCL != 0 || std::fs::symlink_metadata(path).is_err())
        && mode & !umask(None) & 0o7777 != 0o644;
    let file = match o.open(path) {
        // A directory opens for reading only.
        Err(e) if e.raw_os_error() == Some(31) || e.raw_os_error() == Some(8) => {
            if acc == 0 {
                std::fs::File::open(path)?
            } else {
                return Err(std::io::Error::from_raw_os_error(31));
            }
        }
        other => other?,
    };
    if creates {
        set_created_mode(path, mode, 0o644)?;
    }
    Ok(file.into_raw_fd())
}

/// # Errors
/// `EBADF`.
pub fn close(fd: i32) -> std::io::Result<()> {
    // SAFETY: no memory is passed.
    wasi_result(unsafe { wasi_fd::fd_close(fd as u32) })
}

/// The most one read or write asks of the host at a time: the host copies the bytes through a
/// buffer of its own, and a request much larger than this fails there with `ENOMEM` (128 MiB did).
/// A shorter read or write is what the callers already expect and continue from.
const IO_CHUNK: usize = 16 << 20;

/// One read, at `position` if given.
///
/// # Errors
/// The OS error (`EISDIR` for a directory).
pub fn read(fd: i32, buf: &mut [u8], position: Option<u64>) -> std::io::Result<usize> {
    let iov = wasi_fd::Iovec {
        buf: buf.as_mut_ptr(),
        len: buf.len().min(IO_CHUNK),
    };
    let mut n = 0usize;
    // SAFETY: WASI writes at most `buf.len()` bytes into `buf` and one usize at `n`.
    let rc = unsafe {
        match position {
            Some(p) => wasi_fd::fd_pread(fd as u32, &iov, 1, p, &mut n),
            None => wasi_fd::fd_read(fd as u32, &iov, 1, &mut n),
        }
    };
    if rc != 0 && with_file(fd, |f| Ok(f.metadata()?.is_dir())).unwrap_or(false) {
        return Err(std::io::Error::from_raw_os_error(31));
    }
    wasi_result(rc).map(|()| n)
}

/// One write, at `position` if given.
///
/// # Errors
/// The OS error.
pub fn write(fd: i32, data: &[u8], position: Option<u64>) -> std::io::Result<usize> {
    let iov = wasi_fd::Iovec {
        buf: data.as_ptr(),
        len: data.len().min(IO_CHUNK),
    };
    let mut n = 0usize;
    // SAFETY: WASI reads at most `data.len()` bytes from `data` and writes one usize at `n`.
    let rc = unsafe {
        match position {
            Some(p) => wasi_fd::fd_pwrite(fd as u32, &iov, 1, p, &mut n),
            None => wasi_fd::fd_write(fd as u32, &iov, 1, &mut n),
        }
    };
    wasi_result(rc).map(|()| n)
}

/// Runs `f` on descriptor `fd` as a `File` it does not own.
///
/// # Errors
/// `f`'s.
pub fn with_file<R>(
    fd: i32,
    f: impl FnOnce(&std::fs::File) -> std::io::Result<R>,
) -> std::io::Result<R> {
    use std::os::fd::FromRawFd;
    // SAFETY: ManuallyDrop keeps the File from closing a descriptor it does not own; a closed
    // number answers `EBADF` from WASI.
    let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
    f(&file)
}

/// The file-system calls WASI preview 1 lacks, from the host (`moat_abi`'s `fs_*`), which
/// checks each against the grants.
mod host_fs {
    moat_imports!(pub imports {
        fn fs_symlink(
            target: *const u8,
            target_len: usize,
            path: *const u8,
            path_len: usize,
        ) -> i32;
        fn fs_readlink(
            path: *const u8,
            path_len: usize,
            buf: *mut u8,
            buf_len: usize,
            n_out: *mut u32,
        ) -> i32;
        fn fs_chmod(path: *const u8, path_len: usize, mode: u32) -> i32;
        fn fs_chown(path: *const u8, path_len: usize, uid: u32, gid: u32, follow: u32) -> i32;
        fn fs_statfs(path: *const u8, path_len: usize, out: *mut u64) -> i32;
        fn fs_stat(path: *const u8, path_len: usize, follow: u32, out: *mut u64) -> i32;
        fn fs_watch(path: *const u8, path_len: usize, recursive: u32, handle: u32) -> i32;
        fn fs_unwatch(handle: u32) -> i32;
    });
}

fn host_result(code: i32) -> std::io::Result<()> {
    if code == 0 {
        Ok(())
    } else {
        Err(std::io::Error::from_raw_os_error(code))
    }
}

/// A watch of a file or directory (`fs.watch`) the host keeps, on until dropped.
pub struct FsWatch(u32);

impl Drop for FsWatch {
    fn drop(&mut self) {
        // SAFETY: takes a number only.
        unsafe { host_fs::fs_unwatch(self.0) };
    }
}

/// Watches `path` (links followed; with `recursive`, every directory beneath it too), from the
/// host (`fs_watch`): its changes arrive from `poll` as `Event::FsChange` under `handle`.
///
/// # Errors
/// The host's (`EACCES` outside the read grant, `ENOENT`).
pub fn watch(
    _events: &super::events::EventQueue,
    path: &Path,
    recursive: bool,
    handle: u32,
) -> std::io::Result<FsWatch> {
    let p = path_text(path)?;
    // SAFETY: the host reads `path_len` bytes at `path`.
    host_result(unsafe { host_fs::fs_watch(p.as_ptr(), p.len(), u32::from(recursive), handle) })?;
    Ok(FsWatch(handle))
}

fn path_text(path: &Path) -> std::io::Result<&str> {
    path.to_str()
        .ok_or_else(|| std::io::Error::from_raw_os_error(28))
}

/// Changes the mode of the file `fd` was opened as.
///
/// # Errors
/// `EBADF` for a descriptor not opened by path, or the host's.
pub fn fchmod(_fd: i32, mode: u32, path: Option<&Path>) -> std::io::Result<()> {
    match path {
        Some(p) => chmod(p, mode),
        None => Err(std::io::Error::from_raw_os_error(8)),
    }
}

/// Changes the owners of the file `fd` was opened as.
///
/// # Errors
/// `EBADF` for a descriptor not opened by path, or the host's.
pub fn fchown(_fd: i32, uid: u32, gid: u32, path: Option<&Path>) -> std::io::Result<()> {
    match path {
        Some(p) => chown(p, uid, gid, true),
        None => Err(std::io::Error::from_raw_os_error(8)),
    }
}

/// # Errors
/// The host's (`EACCES` outside the write grant).
pub fn chown(path: &Path, uid: u32, gid: u32, follow: bool) -> std::io::Result<()> {
    let p = path_text(path)?;
    // SAFETY: the host reads `path_len` bytes at `path`.
    host_result(unsafe { host_fs::fs_chown(p.as_ptr(), p.len(), uid, gid, u32::from(follow)) })
}

/// # Errors
/// Always `ENOSYS`: the guest cannot set a link's own times.
pub fn lutimes(_path: &Path, _atime: f64, _mtime: f64) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// WASI has no permission bits: what exists may be read and searched; writing needs a file
/// not marked read-only.
///
/// # Errors
/// The OS error, or `EACCES`.
pub fn access(path: &Path, mode: u32) -> std::io::Result<()> {
    let m = std::fs::metadata(path)?;
    if mode & 2 != 0 && m.permissions().readonly() {
        return Err(std::io::Error::from_raw_os_error(2));
    }
    Ok(())
}

/// # Errors
/// The OS error (`EISDIR` for a directory, as Linux says it).
pub fn unlink(path: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(std::io::Error::from_raw_os_error(31));
    }
    std::fs::remove_file(path)
}

/// # Errors
/// The host's (`EACCES` outside the read grant).
pub fn statfs(path: &Path) -> std::io::Result<[u64; 7]> {
    let p = path_text(path)?;
    let mut out = [0u64; 7];
    // SAFETY: the host reads `path_len` bytes at `path` and writes seven u64 at `out`.
    host_result(unsafe { host_fs::fs_statfs(p.as_ptr(), p.len(), out.as_mut_ptr()) })?;
    Ok(out)
}

/// A stat from WASI's own record, which has the device, inode and link count std does not show
/// on this target. The record: dev, ino, filetype (a byte), nlink, size, atim, mtim, ctim.
fn from_filestat(r: &[u64; 8]) -> RawStat {
    let mode = match r[2] & 0xff {
        1 => 0o060644,
        2 => 0o020666,
        3 => 0o040755,
        4 => 0o100644,
        5 | 6 => 0o140755,
        7 => 0o120777,
        _ => 0,
    };
    RawStat {
        dev: r[0],
        ino: r[1],
        mode,
        nlink: r[3],
        uid: 0,
        gid: 0,
        rdev: 0,
        size: r[4],
        blksize: 4096,
        blocks: r[4].div_ceil(512),
        atime_ns: i128::from(r[5]),
        mtime_ns: i128::from(r[6]),
        ctime_ns: i128::from(r[7]),
        birthtime_ns: 0,
    }
}

/// A stat; `exact` asks the host for the permission bits, owners and birth time too (it
/// resolves the path against the grants, which costs more than WASI's own record).
///
/// # Errors
/// The OS error.
pub fn stat(path: &Path, follow: bool, exact: bool) -> std::io::Result<RawStat> {
    // The preopened directory holding the path (the longest that does), and the rest of it.
    let dirs = preopened_dirs();
    let best = dirs
        .iter()
        .enumerate()
        .filter(|(_, d)| path.starts_with(d))
        .max_by_key(|(_, d)| d.as_os_str().len());
    let Some((i, dir)) = best else {
        let m = if follow {
            std::fs::metadata(path)?
        } else {
            std::fs::symlink_metadata(path)?
        };
        return Ok(raw_stat(&m));
    };
    if exact {
        return host_stat(path, follow);
    }
    let rest = path.strip_prefix(dir).unwrap_or(Path::new("."));
    let rest = if rest.as_os_str().is_empty() {
        "."
    } else {
        path_text(rest)?
    };
    let mut r = [0u64; 8];
    // SAFETY: WASI reads `path_len` bytes at `path` and writes its 64-byte record at `r`.
    let rc = unsafe {
        wasi_fd::path_filestat_get(
            3 + i as u32,
            u32::from(follow),
            rest.as_ptr(),
            rest.len(),
            &mut r,
        )
    };
    wasi_result(rc)?;
    Ok(from_filestat(&r))
}

/// The host's whole stat of `path` (`fs_stat`).
fn host_stat(path: &Path, follow: bool) -> std::io::Result<RawStat> {
    let p = path_text(path)?;
    let mut r = [0u64; moat_abi::STAT_FIELDS];
    // SAFETY: the host reads `path_len` bytes at `path` and writes `STAT_FIELDS` u64 at `r`.
    host_result(unsafe {
        host_fs::fs_stat(p.as_ptr(), p.len(), u32::from(follow), r.as_mut_ptr())
    })?;
    let time = |v: u64| i128::from(v as i64);
    Ok(RawStat {
        dev: r[0],
        ino: r[1],
        mode: r[2] as u32,
        nlink: r[3],
        uid: r[4] as u32,
        gid: r[5] as u32,
        rdev: r[6],
        size: r[7],
        blksize: r[8],
        blocks: r[9],
        atime_ns: time(r[10]),
        mtime_ns: time(r[11]),
        ctime_ns: time(r[12]),
        birthtime_ns: time(r[13]),
    })
}

/// A stat of the open file `fd`. Given the `path` it was opened by, while that path still
/// names the same file, the host's whole stat of it (permission bits, owners, the real inode).
///
/// # Errors
/// The OS error.
pub fn fstat(fd: i32, path: Option<&Path>) -> std::io::Result<RawStat> {
    let mut r = [0u64; 8];
    // SAFETY: WASI writes its 64-byte record at `r`.
    wasi_result(unsafe { wasi_fd::fd_filestat_get(fd as u32, &mut r) })?;
    let st = from_filestat(&r);
    if let Some(path) = path
        // WASI's identities (its device and inode numbers) are its own, the same for a path
        // and a descriptor of one file.
        && let Ok(named) = stat(path, true, false)
        && (named.dev, named.ino) == (st.dev, st.ino)
        && let Ok(exact) = host_stat(path, true)
    {
        return Ok(exact);
    }
    Ok(st)
}

/// The WASI number of an error code name.
pub fn raw_errno(code: &str) -> i32 {
    match code {
        "EEXIST" => 20,
        "ENOTDIR" => 54,
        "EISDIR" => 31,
        _ => 29,
    }
}

/// The host's network interfaces, when the grants allow the whole network.
///
/// # Errors
/// The host's: `EACCES` without the grant.
pub fn network_interfaces() -> std::io::Result<Vec<super::os::NetAddress>> {
    super::host::interfaces_net()
}

/// The text (PEM) of the host's store of trusted root certificates, read by the host.
pub fn system_cert_store() -> Option<String> {
    super::host::system_store_tls().ok().flatten()
}

/// The host process's user, from the host's user database.
pub fn user_info() -> Option<super::os::UserInfo> {
    super::os::user_of(account()?.clone())
}

/// Through the host: the guest's own priority (the host process's) or a child's.
///
/// # Errors
/// `EPERM` for another process.
pub fn get_priority(pid: i32) -> std::io::Result<i32> {
    super::host::get_priority(pid)
}

/// Through the host: see [`get_priority`]; the guest's own only when it has the host process
/// to itself.
///
/// # Errors
/// `EPERM` for a process the guest may not change; the system's refusal.
pub fn set_priority(pid: i32, priority: i32) -> std::io::Result<()> {
    super::host::set_priority(pid, priority)
}

/// The sandbox has no groups.
pub fn groups() -> Vec<u32> {
    Vec::new()
}

/// WASI offers the guest no CPU clock. The guest runs on one thread, so the time it has been
/// running bounds the CPU time it used; that is what it reports, as user time.
pub fn cpu_usage() -> super::os::Usage {
    super::os::Usage {
        user_us: super::hrtime_ns() as f64 / 1000.0,
        system_us: 0.0,
        max_rss_kb: 0.0,
    }
}

/// A write to a pipe whose reader has gone: wasmtime's WASI reports it as `EPIPE` or `EIO`.
pub fn is_closed_pipe(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe || e.raw_os_error() == Some(29)
}

/// Whether `path` lies in a directory the host granted (one the guest can see).
pub fn is_granted(path: &Path) -> bool {
    preopened_dirs().iter().any(|d| path.starts_with(d))
}

/// Symbolic links followed in one path before it counts as a loop (Linux's limit).
const MAX_LINKS: usize = 40;

/// The guest paths of the directories the host preopened. The host resolved each before it
/// granted it, so none is a link, and a walk need not ask (each question is a host call).
fn preopened_dirs() -> &'static [PathBuf] {
    #[link(wasm_import_module = "wasi_snapshot_preview1")]
    unsafe extern "C" {
        /// A preopen's kind (a byte, padded to 4) and the length of its name.
        fn fd_prestat_get(fd: u32, prestat: *mut [u32; 2]) -> u16;
        fn fd_prestat_dir_name(fd: u32, path: *mut u8, len: usize) -> u16;
    }
    // Filled at the first walk of a run, after the snapshot was restored: the snapshot step
    // reads no paths.
    static DIRS: std::sync::OnceLock<Vec<PathBuf>> = std::sync::OnceLock::new();
    DIRS.get_or_init(|| {
        let mut dirs = Vec::new();
        // Preopens are the descriptors from 3 on, up to the first that is not one.
        for fd in 3.. {
            let mut prestat = [0u32; 2];
            // SAFETY: WASI writes the 8-byte prestat record into `prestat`.
            if unsafe { fd_prestat_get(fd, &mut prestat) } != 0 {
                break;
            }
            let mut name = vec![0u8; prestat[1] as usize];
            // SAFETY: `name` has room for the length WASI gave.
            if unsafe { fd_prestat_dir_name(fd, name.as_mut_ptr(), name.len()) } != 0 {
                break;
            }
            if let Ok(name) = String::from_utf8(name) {
                dirs.push(PathBuf::from(name.trim_end_matches('\0')));
            }
        }
        dirs
    })
}

/// Resolves `path` the way the host kernel would, one component at a time, reading links
/// rather than following them: the host follows no link out of a preopened directory, nor a
/// `..` past one, so a path through another granted directory must reach WASI already resolved.
/// With `follow` false the last component stays as it is (`lstat`, `unlink`, `readlink`).
fn resolve(path: &Path, follow: bool) -> PathBuf {
    use std::ffi::OsString;
    use std::path::Component;
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd().unwrap_or_else(|_| PathBuf::from("/")).join(path)
    };
    // Names and `..` of a path, in order.
    fn steps(p: &Path) -> impl DoubleEndedIterator<Item = OsString> + '_ {
        p.components().filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_os_string()),
            Component::ParentDir => Some(OsString::from("..")),
            _ => None,
        })
    }
    // Components still to walk, last first.
    let mut pending: Vec<OsString> = steps(&abs).rev().collect();
    let mut out = PathBuf::from("/");
    let mut links = 0;
    while let Some(name) = pending.pop() {
        if name == ".." {
            out.pop();
            continue;
        }
        out.push(&name);
        if !follow && pending.is_empty() {
            break;
        }
        if preopened_dirs().contains(&out) {
            continue;
        }
        // WASI reads a link in any preopened directory (write-only ones too) but refuses an
        // absolute target; the host's checked readlink answers for those. What is no link
        // (`EINVAL`) or is not there needs no second question.
        let target = match std::fs::read_link(&out) {
            Ok(t) => t,
            Err(e) if matches!(e.raw_os_error(), Some(28 | 44 | 54)) => continue,
            Err(_) => match readlink(&out) {
                Ok(t) => t,
                Err(_) => continue,
            },
        };
        links += 1;
        if links > MAX_LINKS {
            // A loop: handed over unresolved, the host's own walk reports `ELOOP`.
            return abs;
        }
        out.pop();
        if target.is_absolute() {
            out = PathBuf::from("/");
        }
        pending.extend(steps(&target).rev());
    }
    out
}

/// The path a file call hands WASI: resolved here (see [`resolve`]).
pub fn os_path(path: &Path, follow: bool) -> std::borrow::Cow<'_, Path> {
    std::borrow::Cow::Owned(resolve(path, follow))
}

/// Where `path` really leads (see `fs::resolve_real`).
pub fn resolve_real(path: &Path) -> PathBuf {
    resolve(path, true)
}

/// The resolved path (see [`resolve`]), once it is known to exist.
///
/// # Errors
/// The error of looking the path up.
pub fn realpath(path: &Path) -> std::io::Result<PathBuf> {
    let real = resolve(path, true);
    std::fs::metadata(&real)?;
    Ok(real)
}

/// Waits in the host for `d` (`moat_abi`'s `poll`), where the event loop's waits all go.
pub fn sleep(d: std::time::Duration) {
    let _ = super::host::wait(Some(d));
}

/// The addresses `host` resolves to, from the host's resolver (`moat_abi`'s `dns_lookup`).
///
/// # Errors
/// `EACCES` without `--allow-net` for the host, `ENOENT` when it does not resolve.
pub fn lookup(host: &str) -> std::io::Result<Vec<std::net::IpAddr>> {
    super::host::lookup(host)?
        .iter()
        .map(|a| a.parse().map_err(std::io::Error::other))
        .collect()
}
