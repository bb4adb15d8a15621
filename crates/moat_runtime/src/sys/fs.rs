//! Files, directories and descriptors. Paths go through `std::fs` (which WASI preview 1 also
//! serves) or the platform half; descriptors are the OS's own numbers (natively the kernel's,
//! in the sandbox WASI's), as Node's are.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use moat_permissions::CheckedPath;

use super::embedded::{self, Node};
pub use super::platform::{RawStat, raw_stat};

/// The embedded file or directory `path` names, in a built app (see [`embedded`]).
fn embedded(path: &CheckedPath) -> Option<Node> {
    embedded::find(path.as_path())
}

/// `EROFS` for a change to an embedded path.
fn refuse_embedded(path: &CheckedPath) -> io::Result<()> {
    match embedded(path) {
        Some(_) => Err(io::Error::from(io::ErrorKind::ReadOnlyFilesystem)),
        None => Ok(()),
    }
}

/// An open embedded file: its bytes and the read position.
struct EmbeddedFd {
    data: &'static [u8],
    path: PathBuf,
    pos: u64,
}

/// Descriptors of embedded files count from here, above any the OS hands out.
const FIRST_EMBEDDED_FD: i32 = 1 << 24;

/// The path a file call hands the OS for `path`; with `follow` false a final symbolic link is
/// the call's subject, not its target.
fn os(path: &CheckedPath, follow: bool) -> std::borrow::Cow<'_, Path> {
    super::platform::os_path(path.as_path(), follow)
}

/// Linux's `open` flag bits, which Node's `fs.constants` reports and the JS half passes.
pub mod flags {
    pub const O_ACCMODE: i32 = 3;
    pub const O_WRONLY: i32 = 1;
    pub const O_RDWR: i32 = 2;
    pub const O_CREAT: i32 = 0o100;
    pub const O_EXCL: i32 = 0o200;
    pub const O_TRUNC: i32 = 0o1000;
    pub const O_APPEND: i32 = 0o2000;
    pub const O_DIRECTORY: i32 = 0o200000;
}

/// The descriptors `fs.open` handed out. Natively any descriptor may be used, as in Node; the
/// sandbox lets the program use only these and stdio, never the directories the host preopened.
#[derive(Default)]
pub struct FdTable {
    /// Each descriptor's path as opened (the sandbox changes a file's mode by its path).
    open: HashMap<i32, PathBuf>,
    /// Descriptors of embedded files (read-only, served from memory).
    embedded: HashMap<i32, EmbeddedFd>,
}

impl FdTable {
    /// Opens `path` with Linux `open` flags and `mode` for a new file.
    ///
    /// # Errors
    /// The OS error from opening.
    pub fn open(&mut self, path: &CheckedPath, flags: i32, mode: u32) -> io::Result<i32> {
        match embedded(path) {
            Some(Node::File(f))
                if flags
                    & (flags::O_ACCMODE | flags::O_CREAT | flags::O_TRUNC | flags::O_APPEND)
                    == 0 =>
            {
                let fd = (FIRST_EMBEDDED_FD..)
                    .find(|fd| !self.embedded.contains_key(fd))
                    .ok_or_else(|| io::Error::other("too many open files"))?;
                let path = embedded::canonical(path.as_path());
                self.embedded.insert(
                    fd,
                    EmbeddedFd {
                        data: f.data,
                        path,
                        pos: 0,
                    },
                );
                return Ok(fd);
            }
            Some(Node::File(_)) => {
                return Err(io::Error::from(io::ErrorKind::ReadOnlyFilesystem));
            }
            Some(Node::Dir) if flags & flags::O_ACCMODE != 0 => {
                return Err(io::Error::from(io::ErrorKind::IsADirectory));
            }
            _ => {}
        }
        let p = os(path, true);
        let fd = super::platform::open(&p, flags, mode)?;
        self.open.insert(fd, p.into_owned());
        Ok(fd)
    }

    /// A descriptor the program may use (see [`FdTable`]).
    ///
    /// # Errors
    /// `EBADF` for one it may not.
    pub fn check(&self, fd: i32) -> io::Result<i32> {
        if fd < 0 || (super::platform::FDS_TRACKED && fd > 2 && !self.open.contains_key(&fd)) {
            return Err(io::Error::from_raw_os_error(ebadf()));
        }
        Ok(fd)
    }

    /// # Errors
    /// `EBADF` for an unknown descriptor.
    pub fn close(&mut self, fd: i32) -> io::Result<()> {
        if self.embedded.remove(&fd).is_some() {
            return Ok(());
        }
        self.check(fd)?;
        super::platform::close(fd)?;
        self.open.remove(&fd);
        Ok(())
    }

    /// Reads into `buf` once, at `position` if given (without moving the file position).
    ///
    /// # Errors
    /// The OS error.
    pub fn read(&mut self, fd: i32, buf: &mut [u8], position: Option<u64>) -> io::Result<usize> {
        if let Some(f) = self.embedded.get_mut(&fd) {
            let at = position.unwrap_or(f.pos).min(f.data.len() as u64) as usize;
            let n = buf.len().min(f.data.len() - at);
            buf[..n].copy_from_slice(&f.data[at..at + n]);
            if position.is_none() {
                f.pos = (at + n) as u64;
            }
            return Ok(n);
        }
        super::platform::read(self.check(fd)?, buf, position)
    }

    /// Writes `data` once, at `position` if given; returns how much went.
    ///
    /// # Errors
    /// The OS error.
    pub fn write(&mut self, fd: i32, data: &[u8], position: Option<u64>) -> io::Result<usize> {
        let fd = self.check(fd)?;
        if (fd == 1 || fd == 2) && position.is_none() {
            super::write_stdio(fd, data)?;
            return Ok(data.len());
        }
        super::platform::write(fd, data, position)
    }

    /// Runs `f` on the open file `fd`.
    ///
    /// # Errors
    /// `EBADF`, or `f`'s.
    pub fn with<R>(&self, fd: i32, f: impl FnOnce(&File) -> io::Result<R>) -> io::Result<R> {
        super::platform::with_file(self.check(fd)?, f)
    }

    /// A stat of `fd`; without `exact` (a size asked for reading), the permission bits and owners
    /// may be a stand-in where asking for them costs more (under `--safe`).
    ///
    /// # Errors
    /// The OS error.
    pub fn fstat(&mut self, fd: i32, exact: bool) -> io::Result<RawStat> {
        if let Some(f) = self.embedded.get(&fd) {
            let node = Node::File(embedded::File {
                data: f.data,
                code: None,
            });
            return Ok(embedded::stat(node, &f.path));
        }
        let fd = self.check(fd)?;
        let path = self.open.get(&fd).filter(|_| exact);
        super::platform::fstat(fd, path.map(PathBuf::as_path))
    }

    /// # Errors
    /// The OS error.
    pub fn ftruncate(&mut self, fd: i32, len: u64) -> io::Result<()> {
        self.with(fd, |f| f.set_len(len))
    }

    /// # Errors
    /// The OS error.
    pub fn fsync(&mut self, fd: i32, data_only: bool) -> io::Result<()> {
        self.with(fd, |f| {
            if data_only {
                f.sync_data()
            } else {
                f.sync_all()
            }
        })
    }

    /// Sets access and modification times, in seconds since the epoch.
    ///
    /// # Errors
    /// The OS error.
    pub fn futimes(&mut self, fd: i32, atime: f64, mtime: f64) -> io::Result<()> {
        self.with(fd, |f| f.set_times(times(atime, mtime)))
    }

    /// # Errors
    /// The OS error; `ENOSYS` where the platform has no permission bits.
    pub fn fchmod(&mut self, fd: i32, mode: u32) -> io::Result<()> {
        let fd = self.check(fd)?;
        super::platform::fchmod(fd, mode, self.open.get(&fd).map(PathBuf::as_path))
    }

    /// # Errors
    /// The OS error; `ENOSYS` where the platform has no owners.
    pub fn fchown(&mut self, fd: i32, uid: u32, gid: u32) -> io::Result<()> {
        let fd = self.check(fd)?;
        super::platform::fchown(fd, uid, gid, self.open.get(&fd).map(PathBuf::as_path))
    }
}

fn times(atime: f64, mtime: f64) -> fs::FileTimes {
    let t = |s: f64| {
        if s >= 0.0 {
            std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(s.min(1e15))
        } else {
            std::time::UNIX_EPOCH - std::time::Duration::from_secs_f64((-s).min(1e15))
        }
    };
    fs::FileTimes::new()
        .set_accessed(t(atime))
        .set_modified(t(mtime))
}

#[cfg(not(target_os = "wasi"))]
fn ebadf() -> i32 {
    9
}

#[cfg(target_os = "wasi")]
fn ebadf() -> i32 {
    8
}

/// A stat; without `exact` (the module loader's probes), the permission bits and owners may be
/// a stand-in where asking for them costs more (under `--safe`).
///
/// # Errors
/// The OS error.
pub fn stat(path: &CheckedPath, follow: bool, exact: bool) -> io::Result<RawStat> {
    if let Some(node) = embedded(path) {
        return Ok(embedded::stat(node, &embedded::canonical(path.as_path())));
    }
    super::platform::stat(&os(path, follow), follow, exact)
}

/// A directory entry: its name and its type bits (as in `st_mode & S_IFMT`; 0 unknown).
pub struct DirEntry {
    pub name: String,
    pub kind: u32,
}

/// Entries of `path`, sorted by name (their bytes) as libuv's `scandir` sorts Node's.
///
/// # Errors
/// The OS error.
pub fn read_dir(path: &CheckedPath) -> io::Result<Vec<DirEntry>> {
    match embedded(path) {
        Some(Node::Dir) => {
            let app = embedded::app().expect("an embedded directory has an app");
            let dir = embedded::canonical(path.as_path());
            return Ok(app
                .list(&dir)
                .into_iter()
                .map(|(name, is_dir)| DirEntry {
                    name,
                    kind: if is_dir { 0o040000 } else { 0o100000 },
                })
                .collect());
        }
        Some(Node::File(_)) => return Err(io::Error::from(io::ErrorKind::NotADirectory)),
        None => {}
    }
    let mut out = entries(&os(path, true))?;
    // Names in one directory differ, so an unstable sort gives the one order.
    out.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

#[cfg(not(target_os = "wasi"))]
fn entries(path: &Path) -> io::Result<Vec<DirEntry>> {
    let mut out = Vec::new();
    for e in fs::read_dir(path)? {
        let e = e?;
        let kind = e.file_type().map(kind_of).unwrap_or(0);
        out.push(DirEntry {
            name: e.file_name().to_string_lossy().into_owned(),
            kind,
        });
    }
    Ok(out)
}

#[cfg(target_os = "wasi")]
fn entries(path: &Path) -> io::Result<Vec<DirEntry>> {
    let mut out = Vec::new();
    for (name, kind) in super::platform::dir_entries(path)? {
        // A `d_type` is the file type's bits of `st_mode` shifted right by 12; the host asked
        // the entry itself where the file system did not say, so 0 is a type it could not learn.
        out.push(DirEntry {
            name,
            kind: u32::from(kind) << 12,
        });
    }
    Ok(out)
}

#[cfg(not(target_os = "wasi"))]
fn kind_of(ft: fs::FileType) -> u32 {
    if ft.is_dir() {
        0o040000
    } else if ft.is_symlink() {
        0o120000
    } else if ft.is_file() {
        0o100000
    } else {
        super::platform::special_kind(&ft)
    }
}

/// Makes a directory; with `recursive`, its missing parents too, and returns the first one it
/// made (none when all existed).
///
/// # Errors
/// The OS error (`EEXIST` when not recursive and it exists; `ENOTDIR` when a parent is a file).
pub fn mkdir(path: &CheckedPath, recursive: bool, mode: u32) -> io::Result<Option<PathBuf>> {
    match embedded(path) {
        Some(Node::Dir) if recursive => return Ok(None),
        Some(_) => return Err(io::Error::from(io::ErrorKind::AlreadyExists)),
        None => {}
    }
    let path = &*os(path, false);
    if !recursive {
        super::platform::create_dir(path, mode)?;
        return Ok(None);
    }
    // Walk up to the deepest part that exists, then make the rest downwards.
    let mut missing = Vec::new();
    let mut cur = Some(path);
    while let Some(p) = cur {
        if p.as_os_str().is_empty() {
            break;
        }
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => return Err(io::Error::from_raw_os_error(enotdir_or_eexist(p == path))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                missing.push(p);
                cur = p.parent();
            }
            Err(e) => return Err(e),
        }
    }
    let first = missing.last().map(|p| p.to_path_buf());
    for p in missing.into_iter().rev() {
        match super::platform::create_dir(p, mode) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && fs::metadata(p)?.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(first)
}

/// The error for a file in the way of a recursive `mkdir`: `EEXIST` for the target itself,
/// `ENOTDIR` for a parent.
fn enotdir_or_eexist(target: bool) -> i32 {
    let code = if target { "EEXIST" } else { "ENOTDIR" };
    super::platform::raw_errno(code)
}

/// True when `path` is a regular file (following links).
pub fn is_file(path: &CheckedPath) -> bool {
    if let Some(node) = embedded(path) {
        return matches!(node, Node::File(_));
    }
    let path = &*os(path, true);
    fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// True when `path` is a directory (following links).
pub fn is_dir(path: &CheckedPath) -> bool {
    if let Some(node) = embedded(path) {
        return matches!(node, Node::Dir);
    }
    let path = &*os(path, true);
    fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// Makes `path` a symbolic link whose content is `target`, as written.
///
/// # Errors
/// The OS error.
pub fn symlink(target: &Path, path: &CheckedPath) -> io::Result<()> {
    refuse_embedded(path)?;
    let path = &*os(path, false);
    super::platform::symlink(target, path)
}

/// Makes `path` a second name (a hard link) for the file `existing`.
///
/// # Errors
/// The OS error.
pub fn link(existing: &CheckedPath, path: &CheckedPath) -> io::Result<()> {
    refuse_embedded(path)?;
    fs::hard_link(os(existing, false), os(path, false))
}

/// # Errors
/// The OS error; `ENOSYS` where the platform has no permission bits.
pub fn chmod(path: &CheckedPath, mode: u32) -> io::Result<()> {
    refuse_embedded(path)?;
    let path = &*os(path, true);
    super::platform::chmod(path, mode)
}

/// Changes owners; with `follow` false, of a link itself.
///
/// # Errors
/// The OS error; `ENOSYS` where the platform has no owners.
pub fn chown(path: &CheckedPath, uid: u32, gid: u32, follow: bool) -> io::Result<()> {
    refuse_embedded(path)?;
    let p = &*os(path, follow);
    super::platform::chown(p, uid, gid, follow)
}

/// Sets access and modification times, in seconds since the epoch; with `follow` false, of a
/// link itself.
///
/// # Errors
/// The OS error.
pub fn utimes(path: &CheckedPath, atime: f64, mtime: f64, follow: bool) -> io::Result<()> {
    refuse_embedded(path)?;
    let p = &*os(path, follow);
    if !follow {
        return super::platform::lutimes(p, atime, mtime);
    }
    let f = File::options()
        .write(true)
        .open(p)
        .or_else(|_| File::open(p))?;
    f.set_times(times(atime, mtime))
}

/// A whole file. A directory is `EISDIR` on every platform (WASI would say `EBADF`).
///
/// # Errors
/// The OS error.
pub fn read(path: &CheckedPath) -> io::Result<Vec<u8>> {
    match embedded(path) {
        Some(Node::File(f)) => return Ok(f.data.to_vec()),
        Some(Node::Dir) => return Err(io::Error::from(io::ErrorKind::IsADirectory)),
        None => {}
    }
    let path = &*os(path, true);
    reject_dir(path)?;
    let mut f = File::open(path)?;
    let len = f.metadata()?.len();
    if len > MAX_READ {
        return Err(io::Error::new(io::ErrorKind::FileTooLarge, len.to_string()));
    }
    let mut out = Vec::with_capacity(len as usize);
    // In pieces: under --safe the host copies each read through a buffer of its own, and one
    // read of hundreds of megabytes fails there with ENOMEM.
    loop {
        let n = io::Read::read_to_end(&mut io::Read::take(&mut f, READ_CHUNK), &mut out)?;
        if n == 0 {
            return Ok(out);
        }
    }
}

/// The most one read of a whole file asks for at a time.
const READ_CHUNK: u64 = 16 << 20;

/// The largest file read whole: Node's limit for one buffer (2 GiB - 1).
pub const MAX_READ: u64 = (1 << 31) - 1;

fn reject_dir(path: &Path) -> io::Result<()> {
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(io::Error::from(io::ErrorKind::IsADirectory));
    }
    Ok(())
}

/// # Errors
/// The OS error; invalid UTF-8 is an error too.
pub fn read_to_string(path: &CheckedPath) -> io::Result<String> {
    match embedded(path) {
        Some(Node::File(f)) => {
            return String::from_utf8(f.data.to_vec())
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e));
        }
        Some(Node::Dir) => return Err(io::Error::from(io::ErrorKind::IsADirectory)),
        None => {}
    }
    let path = &*os(path, true);
    reject_dir(path)?;
    fs::read_to_string(path)
}

/// True when `path` exists (following links).
pub fn exists(path: &CheckedPath) -> bool {
    if embedded(path).is_some() {
        return true;
    }
    let path = &*os(path, true);
    fs::metadata(path).is_ok()
}

/// Checks that `path` exists and may be used as `mode` (`R_OK` 4, `W_OK` 2, `X_OK` 1) asks.
///
/// # Errors
/// The OS error, or `EACCES`.
pub fn access(path: &CheckedPath, mode: u32) -> io::Result<()> {
    if embedded(path).is_some() {
        // Readable and searchable; never writable.
        return match mode & 2 {
            0 => Ok(()),
            _ => Err(io::Error::from(io::ErrorKind::ReadOnlyFilesystem)),
        };
    }
    let path = &*os(path, true);
    super::platform::access(path, mode)
}

/// # Errors
/// The OS error.
pub fn rmdir(path: &CheckedPath) -> io::Result<()> {
    refuse_embedded(path)?;
    let path = &*os(path, false);
    fs::remove_dir(path)
}

/// Removes a directory and everything in it (`fs.rm` with `recursive`): links inside are
/// removed, not followed.
///
/// # Errors
/// The first failure to read or remove an entry.
pub fn remove_tree(path: &CheckedPath) -> io::Result<()> {
    refuse_embedded(path)?;
    remove_all(&os(path, false))
}

#[cfg(not(target_os = "wasi"))]
fn remove_all(path: &Path) -> io::Result<()> {
    fs::remove_dir_all(path)
}

/// std's walk opens each entry it takes for a directory, and under WASI a FIFO blocks that
/// open; this one opens only what the listing or a stat says is a directory.
#[cfg(target_os = "wasi")]
fn remove_all(path: &Path) -> io::Result<()> {
    if !fs::symlink_metadata(path)?.is_dir() {
        return fs::remove_file(path);
    }
    // The whole listing first: removing entries while reading on moves WASI's cursor past some.
    let listing = fs::read_dir(path)?.collect::<io::Result<Vec<_>>>()?;
    for e in listing {
        let child = e.path();
        if e.file_type()?.is_dir() {
            remove_all(&child)?;
        } else {
            fs::remove_file(&child)?;
        }
    }
    fs::remove_dir(path)
}

/// # Errors
/// The OS error.
pub fn unlink(path: &CheckedPath) -> io::Result<()> {
    refuse_embedded(path)?;
    let path = &*os(path, false);
    super::platform::unlink(path)
}

/// # Errors
/// The OS error.
pub fn rename(from: &CheckedPath, to: &CheckedPath) -> io::Result<()> {
    refuse_embedded(from)?;
    refuse_embedded(to)?;
    let from = &*os(from, false);
    let to = &*os(to, false);
    fs::rename(from, to)
}

/// Copies a file's content and permission bits; with `exclusive`, fails with `EEXIST` when
/// `to` exists.
///
/// # Errors
/// The OS error.
pub fn copy_file(from: &CheckedPath, to: &CheckedPath, exclusive: bool) -> io::Result<()> {
    refuse_embedded(to)?;
    if let Some(node) = embedded(from) {
        let Node::File(f) = node else {
            return Err(io::Error::from(io::ErrorKind::IsADirectory));
        };
        let to = &*os(to, true);
        if exclusive && fs::symlink_metadata(to).is_ok() {
            return Err(io::Error::from(io::ErrorKind::AlreadyExists));
        }
        return fs::write(to, f.data);
    }
    let from = &*os(from, true);
    let to = &*os(to, true);
    if exclusive && fs::symlink_metadata(to).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    reject_dir(from)?;
    super::platform::copy(from, to)
}

/// # Errors
/// The OS error.
pub fn realpath(path: &CheckedPath) -> io::Result<PathBuf> {
    if embedded(path).is_some() {
        return Ok(embedded::canonical(path.as_path()));
    }
    super::platform::realpath(path.as_path())
}

/// # Errors
/// The OS error.
pub fn readlink(path: &CheckedPath) -> io::Result<PathBuf> {
    if embedded(path).is_some() {
        return Err(io::Error::from(io::ErrorKind::InvalidInput));
    }
    let path = &*os(path, false);
    super::platform::readlink(path)
}

/// What `fs.statfs` reports: type, bsize, blocks, bfree, bavail, files, ffree.
///
/// # Errors
/// The OS error.
pub fn statfs(path: &CheckedPath) -> io::Result<[u64; 7]> {
    let path = &*os(path, true);
    super::platform::statfs(path)
}

pub use super::platform::FsWatch;

/// Watches `path` (`fs.watch`): its changes arrive on `events` as `Event::FsChange` under
/// `handle` until the returned watch is dropped. An embedded path never changes, and cannot be
/// watched (`EROFS`, as for a change to one).
///
/// # Errors
/// The OS error.
pub fn watch(
    events: &super::events::EventQueue,
    path: &CheckedPath,
    recursive: bool,
    handle: u32,
) -> io::Result<FsWatch> {
    refuse_embedded(path)?;
    super::platform::watch(events, path.as_path(), recursive, handle)
}

/// Where `path` really leads, for a permission check: made absolute against the working
/// directory, with symbolic links resolved in the part that exists and the rest appended (`..`
/// there folded by name). A link inside a granted directory that points outside it resolves
/// outside.
pub fn resolve_real(path: &Path) -> PathBuf {
    super::platform::resolve_real(path)
}
