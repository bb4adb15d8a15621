//! Files, directories and descriptors, on top of `std::fs` (which WASI preview 1 also serves).

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use moat_permissions::CheckedPath;

pub use super::platform::{RawStat, raw_stat};

/// The path a file call hands the OS for `path`; with `follow` false a final symbolic link is
/// the call's subject, not its target.
fn os(path: &CheckedPath, follow: bool) -> std::borrow::Cow<'_, Path> {
    super::platform::os_path(path.as_path(), follow)
}

/// Open files by descriptor number. Numbers start at 3, after stdio, as Node's do.
#[derive(Default)]
pub struct FdTable {
    files: HashMap<i32, File>,
    next: i32,
}

/// The parts of Node's `flags` string that `open` needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    pub append: bool,
    pub create: bool,
    pub truncate: bool,
    pub exclusive: bool,
}

impl OpenFlags {
    /// Parses Node's string flags (`r`, `r+`, `w`, `wx`, `a+`, …).
    pub fn parse(s: &str) -> Option<Self> {
        let f = |read, write, append, create, truncate, exclusive| {
            Some(Self {
                read,
                write,
                append,
                create,
                truncate,
                exclusive,
            })
        };
        match s {
            "r" | "rs" | "sr" => f(true, false, false, false, false, false),
            "r+" | "rs+" | "sr+" => f(true, true, false, false, false, false),
            "w" => f(false, true, false, true, true, false),
            "wx" | "xw" => f(false, true, false, true, true, true),
            "w+" => f(true, true, false, true, true, false),
            "wx+" | "xw+" => f(true, true, false, true, true, true),
            "a" | "as" | "sa" => f(false, true, true, true, false, false),
            "ax" | "xa" => f(false, true, true, true, false, true),
            "a+" | "as+" | "sa+" => f(true, true, true, true, false, false),
            "ax+" | "xa+" => f(true, true, true, true, false, true),
            _ => None,
        }
    }
}

impl FdTable {
    /// # Errors
    /// The OS error from opening.
    pub fn open(&mut self, path: &CheckedPath, flags: OpenFlags, mode: u32) -> io::Result<i32> {
        let mut o = OpenOptions::new();
        o.read(flags.read)
            .write(flags.write && !flags.append)
            .append(flags.append)
            .truncate(flags.truncate);
        if flags.exclusive {
            o.create_new(true);
        } else {
            o.create(flags.create);
        }
        super::platform::set_mode(&mut o, mode);
        let file = o.open(os(path, true))?;
        if self.next < 3 {
            self.next = 3;
        }
        let fd = self.next;
        self.next += 1;
        self.files.insert(fd, file);
        Ok(fd)
    }

    fn get(&mut self, fd: i32) -> io::Result<&mut File> {
        self.files
            .get_mut(&fd)
            .ok_or_else(|| io::Error::from_raw_os_error(ebadf()))
    }

    /// # Errors
    /// `EBADF` for an unknown descriptor.
    pub fn close(&mut self, fd: i32) -> io::Result<()> {
        self.files
            .remove(&fd)
            .map(drop)
            .ok_or_else(|| io::Error::from_raw_os_error(ebadf()))
    }

    /// Reads into `buf`, at `position` if given (without moving the file position).
    ///
    /// # Errors
    /// The OS error.
    pub fn read(&mut self, fd: i32, buf: &mut [u8], position: Option<u64>) -> io::Result<usize> {
        if fd == 0 {
            return io::stdin().read(buf);
        }
        let f = self.get(fd)?;
        match position {
            Some(p) => {
                let saved = f.stream_position()?;
                f.seek(SeekFrom::Start(p))?;
                let n = read_full(f, buf);
                f.seek(SeekFrom::Start(saved))?;
                n
            }
            None => read_full(f, buf),
        }
    }

    /// # Errors
    /// The OS error.
    pub fn write(&mut self, fd: i32, data: &[u8], position: Option<u64>) -> io::Result<usize> {
        if fd == 1 || fd == 2 {
            super::write_stdio(fd, data)?;
            return Ok(data.len());
        }
        let f = self.get(fd)?;
        if let Some(p) = position {
            let saved = f.stream_position()?;
            f.seek(SeekFrom::Start(p))?;
            f.write_all(data)?;
            f.seek(SeekFrom::Start(saved))?;
        } else {
            f.write_all(data)?;
        }
        Ok(data.len())
    }

    /// # Errors
    /// The OS error.
    pub fn fstat(&mut self, fd: i32) -> io::Result<RawStat> {
        let f = self.get(fd)?;
        Ok(raw_stat(&f.metadata()?))
    }

    /// # Errors
    /// The OS error.
    pub fn ftruncate(&mut self, fd: i32, len: u64) -> io::Result<()> {
        self.get(fd)?.set_len(len)
    }

    /// # Errors
    /// The OS error.
    pub fn fsync(&mut self, fd: i32) -> io::Result<()> {
        self.get(fd)?.sync_all()
    }
}

fn read_full(f: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut total = 0;
    while total < buf.len() {
        match f.read(&mut buf[total..]) {
            Ok(0) => break,
            Ok(n) => total += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(total)
}

#[cfg(not(target_os = "wasi"))]
fn ebadf() -> i32 {
    9
}

#[cfg(target_os = "wasi")]
fn ebadf() -> i32 {
    8
}

/// # Errors
/// The OS error.
pub fn stat(path: &CheckedPath, follow: bool) -> io::Result<RawStat> {
    let path = &*os(path, follow);
    let m = if follow {
        fs::metadata(path)?
    } else {
        fs::symlink_metadata(path)?
    };
    Ok(raw_stat(&m))
}

/// A directory entry: its name and its type bits (as in `st_mode & S_IFMT`).
pub struct DirEntry {
    pub name: String,
    pub kind: u32,
}

/// Entries of `path`, sorted by name as Node's are on Linux ext4 — not guaranteed by Node
/// either, but a stable order makes output reproducible.
///
/// # Errors
/// The OS error.
pub fn read_dir(path: &CheckedPath) -> io::Result<Vec<DirEntry>> {
    let path = &*os(path, true);
    let mut out = Vec::new();
    for e in fs::read_dir(path)? {
        let e = e?;
        let ft = e.file_type()?;
        let kind = if ft.is_dir() {
            0o040000
        } else if ft.is_symlink() {
            0o120000
        } else if ft.is_file() {
            0o100000
        } else {
            0
        };
        out.push(DirEntry {
            name: e.file_name().to_string_lossy().into_owned(),
            kind,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// # Errors
/// The OS error.
pub fn mkdir(path: &CheckedPath, recursive: bool, mode: u32) -> io::Result<Option<PathBuf>> {
    let path = &*os(path, false);
    if recursive {
        let mut first = None;
        let mut p = Some(path);
        while let Some(cur) = p {
            if cur.exists() {
                break;
            }
            first = Some(cur.to_path_buf());
            p = cur.parent();
        }
        let mut b = fs::DirBuilder::new();
        b.recursive(true);
        super::platform::set_dir_mode(&mut b, mode);
        b.create(path)?;
        Ok(first)
    } else {
        let mut b = fs::DirBuilder::new();
        super::platform::set_dir_mode(&mut b, mode);
        b.create(path)?;
        Ok(None)
    }
}

/// Removes `path`; with `recursive`, a whole tree.
///
/// # Errors
/// The OS error.
pub fn rm(path: &CheckedPath, recursive: bool) -> io::Result<()> {
    let path = &*os(path, false);
    let m = fs::symlink_metadata(path)?;
    if m.is_dir() {
        if recursive {
            fs::remove_dir_all(path)
        } else {
            Err(io::Error::from(io::ErrorKind::IsADirectory))
        }
    } else {
        fs::remove_file(path)
    }
}

/// True when `path` is a regular file (following links).
pub fn is_file(path: &CheckedPath) -> bool {
    let path = &*os(path, true);
    fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// True when `path` is a directory (following links).
pub fn is_dir(path: &CheckedPath) -> bool {
    let path = &*os(path, true);
    fs::metadata(path).is_ok_and(|m| m.is_dir())
}

/// # Errors
/// The OS error.
pub fn symlink(target: &Path, path: &CheckedPath) -> io::Result<()> {
    let path = &*os(path, false);
    super::platform::symlink(target, path)
}

/// Makes `path` a second name (a hard link) for the file `existing`.
///
/// # Errors
/// The OS error.
pub fn link(existing: &CheckedPath, path: &CheckedPath) -> io::Result<()> {
    fs::hard_link(os(existing, false), os(path, false))
}

/// # Errors
/// The OS error; `ENOSYS` where the platform has no permission bits.
pub fn chmod(path: &CheckedPath, mode: u32) -> io::Result<()> {
    let path = &*os(path, true);
    super::platform::chmod(path, mode)
}

/// Sets access and modification times, in seconds since the epoch.
///
/// # Errors
/// The OS error.
pub fn utimes(path: &CheckedPath, atime: f64, mtime: f64) -> io::Result<()> {
    let path = &*os(path, true);
    let t = |s: f64| std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(s.max(0.0));
    let f = File::options()
        .write(true)
        .open(path)
        .or_else(|_| File::open(path))?;
    f.set_times(
        fs::FileTimes::new()
            .set_accessed(t(atime))
            .set_modified(t(mtime)),
    )
}

/// # Errors
/// The OS error.
pub fn read(path: &CheckedPath) -> io::Result<Vec<u8>> {
    let path = &*os(path, true);
    reject_dir(path)?;
    fs::read(path)
}

/// Reading a directory is `EISDIR` on every platform (WASI would say `EBADF`).
fn reject_dir(path: &Path) -> io::Result<()> {
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(io::Error::from(io::ErrorKind::IsADirectory));
    }
    Ok(())
}

/// # Errors
/// The OS error; invalid UTF-8 is an error too.
pub fn read_to_string(path: &CheckedPath) -> io::Result<String> {
    let path = &*os(path, true);
    reject_dir(path)?;
    fs::read_to_string(path)
}

/// Writes `data` to `path`, opened with Node's `flags` semantics and `mode` for a new file.
///
/// # Errors
/// The OS error.
pub fn write_file(path: &CheckedPath, data: &[u8], flags: OpenFlags, mode: u32) -> io::Result<()> {
    let path = &*os(path, true);
    let mut o = OpenOptions::new();
    o.write(true)
        .append(flags.append)
        .truncate(flags.truncate && !flags.append);
    if flags.exclusive {
        o.create_new(true);
    } else {
        o.create(flags.create);
    }
    super::platform::set_mode(&mut o, mode);
    o.open(path)?.write_all(data)
}

/// True when `path` exists (following links).
pub fn exists(path: &CheckedPath) -> bool {
    let path = &*os(path, true);
    fs::metadata(path).is_ok()
}

/// Checks that `path` exists and, with the write bit (2) in `mode`, that it is writable.
///
/// # Errors
/// The OS error, or `EACCES` for a read-only file asked for writing.
pub fn access(path: &CheckedPath, mode: u32) -> io::Result<()> {
    let path = &*os(path, true);
    let m = fs::metadata(path)?;
    if mode & 2 != 0 && m.permissions().readonly() {
        return Err(io::Error::from(io::ErrorKind::PermissionDenied));
    }
    Ok(())
}

/// # Errors
/// The OS error.
pub fn rmdir(path: &CheckedPath) -> io::Result<()> {
    let path = &*os(path, false);
    fs::remove_dir(path)
}

/// # Errors
/// The OS error.
pub fn unlink(path: &CheckedPath) -> io::Result<()> {
    let path = &*os(path, false);
    fs::remove_file(path)
}

/// # Errors
/// The OS error.
pub fn rename(from: &CheckedPath, to: &CheckedPath) -> io::Result<()> {
    let from = &*os(from, false);
    let to = &*os(to, false);
    fs::rename(from, to)
}

/// Copies a file; with `exclusive`, fails with `EEXIST` when `to` exists.
///
/// # Errors
/// The OS error.
pub fn copy_file(from: &CheckedPath, to: &CheckedPath, exclusive: bool) -> io::Result<()> {
    let from = &*os(from, true);
    let to = &*os(to, true);
    if exclusive && fs::symlink_metadata(to).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    fs::copy(from, to).map(drop)
}

/// # Errors
/// The OS error.
pub fn realpath(path: &CheckedPath) -> io::Result<PathBuf> {
    super::platform::realpath(path.as_path())
}

/// # Errors
/// The OS error.
pub fn readlink(path: &CheckedPath) -> io::Result<PathBuf> {
    let path = &*os(path, false);
    fs::read_link(path)
}

/// Where `path` really leads, for a permission check: made absolute against the working
/// directory, with symbolic links resolved in the part that exists and the rest appended (`..`
/// there folded by name). A link inside a granted directory that points outside it resolves
/// outside.
pub fn resolve_real(path: &Path) -> PathBuf {
    super::platform::resolve_real(path)
}
