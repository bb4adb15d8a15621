//! `node:fs`: the synchronous primitives, each one system call's worth, throwing Node's error
//! (`code`, `errno`, `syscall`, `path`, `dest`). The JS half (`js/fs.js`, `js/internal/fs/`)
//! validates arguments and builds the sync, callback, promise and stream APIs on top.

use std::path::Path;

use rquickjs::prelude::Opt;
use rquickjs::{Array, Ctx, Function, Object, Result, TypedArray};

use moat_permissions::Permission::{FsRead, FsWrite};

use crate::js_errors::{throw_code, throw_uv};
use crate::permissions;
use crate::state::SharedState;
use crate::sys;
use crate::sys::fs::RawStat;
use crate::sys::fs::flags::{O_ACCMODE, O_APPEND, O_CREAT, O_TRUNC, O_WRONLY};

/// A stat as 18 numbers: dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then
/// seconds and nanoseconds of atime, mtime, ctime and birthtime.
fn stat_array(s: &RawStat) -> Vec<f64> {
    let split = |ns: i128| {
        let secs = ns.div_euclid(1_000_000_000);
        [secs as f64, ns.rem_euclid(1_000_000_000) as f64]
    };
    let mut v = vec![
        s.dev as f64,
        f64::from(s.mode),
        s.nlink as f64,
        f64::from(s.uid),
        f64::from(s.gid),
        s.rdev as f64,
        s.blksize as f64,
        s.ino as f64,
        s.size as f64,
        s.blocks as f64,
    ];
    for t in [s.atime_ns, s.mtime_ns, s.ctime_ns, s.birthtime_ns] {
        v.extend(split(t));
    }
    v
}

/// A file position from JS: negative is "the current one".
fn position(p: f64) -> Option<u64> {
    (p >= 0.0 && p.is_finite()).then_some(p as u64)
}

/// The bytes `[offset, offset + length)` of `buf`, checked.
fn range<'a>(ctx: &Ctx<'_>, raw: &'a mut [u8], offset: f64, length: f64) -> Result<&'a mut [u8]> {
    let len = raw.len();
    let ok = offset >= 0.0 && length >= 0.0 && offset.is_finite() && length.is_finite();
    let (o, l) = (offset as usize, length as usize);
    match o.checked_add(l).filter(|end| ok && *end <= len) {
        Some(end) => Ok(&mut raw[o..end]),
        None => Err(rquickjs::Exception::throw_range(
            ctx,
            &format!("{length} bytes at offset {offset} are outside a buffer of {len} bytes"),
        )),
    }
}

/// Runs `f` on the bytes of a typed array.
fn with_bytes<'js, R>(
    ctx: &Ctx<'js>,
    buf: &TypedArray<'js, u8>,
    f: impl FnOnce(&mut [u8]) -> Result<R>,
) -> Result<R> {
    let raw = buf.as_raw().ok_or_else(|| {
        rquickjs::Exception::throw_type(ctx, "Cannot perform I/O on a detached ArrayBuffer")
    })?;
    // SAFETY: `raw` points at the live typed array's bytes; no JS runs while they are
    // borrowed here.
    let bytes = unsafe { std::slice::from_raw_parts_mut(raw.as_ptr() as *mut u8, raw.len()) };
    f(bytes)
}

/// Checks an access to the entry `path` names itself, not where a final symbolic link leads
/// (`lstat`, `unlink`, `readlink`, `lchown`, `lutimes`, a new link's name): the grant must cover
/// the entry's real location, its parent's links resolved and its own name kept.
fn entry_path(
    ctx: &Ctx<'_>,
    state: &crate::state::State,
    permission: moat_permissions::Permission,
    path: &str,
) -> Result<moat_permissions::CheckedPath> {
    let asked = Path::new(path);
    let Some(grants) = &state.options().grants else {
        return Ok(moat_permissions::CheckedPath::unchecked(asked));
    };
    let real_entry = match (asked.parent(), asked.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() || asked.is_relative() => {
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            sys::fs::resolve_real(parent).join(name)
        }
        _ => sys::fs::resolve_real(asked),
    };
    if grants.allows_path(permission, &real_entry) {
        return Ok(moat_permissions::CheckedPath::unchecked(asked));
    }
    permissions::path(ctx, state, permission, path)
}

/// libuv's `UV_DIRENT_*` number for a directory entry's type bits (`st_mode & S_IFMT`), as
/// Node's Dirent keeps it.
fn dirent_type(kind: u32) -> i32 {
    match kind {
        0o100000 => 1,
        0o040000 => 2,
        0o120000 => 3,
        0o010000 => 4,
        0o140000 => 5,
        0o020000 => 6,
        0o060000 => 7,
        _ => 0,
    }
}

macro_rules! op {
    ($o:expr, $ctx:expr, $name:literal, $f:expr) => {
        $o.set($name, Function::new($ctx.clone(), $f)?)?;
    };
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let st = state.clone();
    op!(
        o,
        ctx,
        "readFile",
        move |ctx: Ctx<'js>, path: String| -> Result<TypedArray<'js, u8>> {
            let data =
                sys::fs::read(&permissions::path(&ctx, &st, FsRead, &path)?).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::FileTooLarge {
                        throw_code::<()>(
                            &ctx,
                            "RangeError",
                            "ERR_FS_FILE_TOO_LARGE",
                            &format!("File size ({e}) is greater than 2 GiB"),
                            None,
                        )
                    } else if e.kind() == std::io::ErrorKind::IsADirectory {
                        throw_uv(&ctx, &e, "read", None, None)
                    } else {
                        throw_uv(&ctx, &e, "open", Some(&path), None)
                    }
                })?;
            TypedArray::new(ctx.clone(), data)
        }
    );
    let st = state.clone();
    op!(o, ctx, "readFileUtf8", move |ctx: Ctx<'js>,
                                      path: String|
          -> Result<String> {
        let data = sys::fs::read(&permissions::path(&ctx, &st, FsRead, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "open", Some(&path), None))?;
        Ok(String::from_utf8_lossy(&data).into_owned())
    });
    let st = state.clone();
    op!(o, ctx, "open", move |ctx: Ctx<'js>,
                              path: String,
                              flags: i32,
                              mode: u32|
          -> Result<i32> {
        let acc = flags & O_ACCMODE;
        let writes = acc != 0 || flags & (O_CREAT | O_TRUNC | O_APPEND) != 0;
        // A descriptor opened for reading and writing needs both grants.
        if acc != O_WRONLY {
            permissions::path(&ctx, &st, FsRead, &path)?;
        }
        let checked = permissions::path(&ctx, &st, if writes { FsWrite } else { FsRead }, &path)?;
        st.fds
            .borrow_mut()
            .open(&checked, flags, mode)
            .map_err(|e| throw_uv(&ctx, &e, "open", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "close", move |ctx: Ctx<'js>,
                               fd: i32|
          -> Result<()> {
        st.fds
            .borrow_mut()
            .close(fd)
            .map_err(|e| throw_uv(&ctx, &e, "close", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "read", move |ctx: Ctx<'js>,
                              fd: i32,
                              buf: TypedArray<'js, u8>,
                              offset: f64,
                              length: f64,
                              pos: f64|
          -> Result<usize> {
        with_bytes(&ctx, &buf, |raw| {
            let dst = range(&ctx, raw, offset, length)?;
            st.fds
                .borrow_mut()
                .read(fd, dst, position(pos))
                .map_err(|e| throw_uv(&ctx, &e, "read", None, None))
        })
    });
    let st = state.clone();
    op!(o, ctx, "write", move |ctx: Ctx<'js>,
                               fd: i32,
                               buf: TypedArray<'js, u8>,
                               offset: f64,
                               length: f64,
                               pos: f64|
          -> Result<usize> {
        with_bytes(&ctx, &buf, |raw| {
            let src = range(&ctx, raw, offset, length)?;
            st.fds
                .borrow_mut()
                .write(fd, src, position(pos))
                .map_err(|e| throw_uv(&ctx, &e, "write", None, None))
        })
    });
    let st = state.clone();
    op!(o, ctx, "fstat", move |ctx: Ctx<'js>,
                               fd: i32,
                               exact: Opt<bool>|
          -> Result<Vec<f64>> {
        st.fds
            .borrow_mut()
            .fstat(fd, exact.0.unwrap_or(true))
            .map(|s| stat_array(&s))
            .map_err(|e| throw_uv(&ctx, &e, "fstat", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "ftruncate", move |ctx: Ctx<'js>,
                                   fd: i32,
                                   len: f64|
          -> Result<()> {
        st.fds
            .borrow_mut()
            .ftruncate(fd, len.max(0.0) as u64)
            .map_err(|e| throw_uv(&ctx, &e, "ftruncate", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "fsync", move |ctx: Ctx<'js>,
                               fd: i32,
                               data_only: bool|
          -> Result<()> {
        st.fds.borrow_mut().fsync(fd, data_only).map_err(|e| {
            let call = if data_only { "fdatasync" } else { "fsync" };
            throw_uv(&ctx, &e, call, None, None)
        })
    });
    let st = state.clone();
    op!(o, ctx, "futimes", move |ctx: Ctx<'js>,
                                 fd: i32,
                                 atime: f64,
                                 mtime: f64|
          -> Result<()> {
        st.fds
            .borrow_mut()
            .futimes(fd, atime, mtime)
            .map_err(|e| throw_uv(&ctx, &e, "futime", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "fchmod", move |ctx: Ctx<'js>,
                                fd: i32,
                                mode: u32|
          -> Result<()> {
        st.fds
            .borrow_mut()
            .fchmod(fd, mode)
            .map_err(|e| throw_uv(&ctx, &e, "fchmod", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "fchown", move |ctx: Ctx<'js>,
                                fd: i32,
                                uid: u32,
                                gid: u32|
          -> Result<()> {
        st.fds
            .borrow_mut()
            .fchown(fd, uid, gid)
            .map_err(|e| throw_uv(&ctx, &e, "fchown", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "stat", move |ctx: Ctx<'js>,
                              path: String,
                              follow: bool,
                              throw: bool|
          -> Result<Option<Vec<f64>>> {
        let checked = if follow {
            permissions::path(&ctx, &st, FsRead, &path)?
        } else {
            entry_path(&ctx, &st, FsRead, &path)?
        };
        match sys::fs::stat(&checked, follow, throw) {
            Ok(s) => Ok(Some(stat_array(&s))),
            // The module loader's probe: any failure is "not there".
            Err(_) if !throw => Ok(None),
            Err(e) => Err(throw_uv(
                &ctx,
                &e,
                if follow { "stat" } else { "lstat" },
                Some(&path),
                None,
            )),
        }
    });
    // `fs.watch`: changes arrive as `fschange` events under the returned handle until
    // `unwatch`.
    let st = state.clone();
    op!(o, ctx, "watch", move |ctx: Ctx<'js>,
                               path: String,
                               recursive: bool|
          -> Result<u32> {
        let checked = permissions::path(&ctx, &st, FsRead, &path)?;
        let handle = st.next_handle.get();
        let w = sys::fs::watch(&st.events, &checked, recursive, handle)
            .map_err(|e| throw_uv(&ctx, &e, "watch", Some(&path), None))?;
        st.next_handle.set(handle + 1);
        st.fs_watches.borrow_mut().insert(handle, w);
        Ok(handle)
    });
    let st = state.clone();
    op!(o, ctx, "unwatch", move |handle: u32| {
        st.fs_watches.borrow_mut().remove(&handle);
    });
    let st = state.clone();
    op!(o, ctx, "exists", move |ctx: Ctx<'js>,
                                path: String|
          -> Result<bool> {
        Ok(sys::fs::exists(&permissions::path(
            &ctx, &st, FsRead, &path,
        )?))
    });
    let st = state.clone();
    op!(o, ctx, "access", move |ctx: Ctx<'js>,
                                path: String,
                                mode: u32|
          -> Result<()> {
        let checked = permissions::path(&ctx, &st, FsRead, &path)?;
        if mode & 2 != 0 {
            permissions::path(&ctx, &st, FsWrite, &path)?;
        }
        sys::fs::access(&checked, mode).map_err(|e| throw_uv(&ctx, &e, "access", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "readdir", move |ctx: Ctx<'js>,
                                 path: String|
          -> Result<Array<'js>> {
        let entries = sys::fs::read_dir(&permissions::path(&ctx, &st, FsRead, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "scandir", Some(&path), None))?;
        // Two arrays: the names, and their type bits.
        let names = Array::new(ctx.clone())?;
        let kinds = Array::new(ctx.clone())?;
        for (i, e) in entries.into_iter().enumerate() {
            names.set(i, e.name)?;
            kinds.set(i, e.kind)?;
        }
        let out = Array::new(ctx.clone())?;
        out.set(0, names)?;
        out.set(1, kinds)?;
        Ok(out)
    });
    let st = state.clone();
    // `readdir` with `withFileTypes`: the Dirents made here, each an object of `proto` (the
    // Dirent class's prototype) with `name`, `parentPath` and its UV_DIRENT_* type under
    // `type_key`, as the class's constructor makes them.
    op!(
        o,
        ctx,
        "readdirDirents",
        move |ctx: Ctx<'js>,
              path: String,
              proto: Object<'js>,
              type_key: rquickjs::Value<'js>|
              -> Result<Array<'js>> {
            let entries = sys::fs::read_dir(&permissions::path(&ctx, &st, FsRead, &path)?)
                .map_err(|e| throw_uv(&ctx, &e, "scandir", Some(&path), None))?;
            let name_key = rquickjs::Atom::from_str(ctx.clone(), "name")?;
            let parent_key = rquickjs::Atom::from_str(ctx.clone(), "parentPath")?;
            let type_key = rquickjs::Atom::from_value(ctx.clone(), &type_key)?;
            let parent = rquickjs::String::from_str(ctx.clone(), &path)?;
            let out = Array::new(ctx.clone())?;
            for (i, e) in entries.into_iter().enumerate() {
                let d = Object::new_proto(ctx.clone(), Some(&proto))?;
                d.set(name_key.clone(), e.name)?;
                d.set(parent_key.clone(), parent.clone())?;
                d.set(type_key.clone(), dirent_type(e.kind))?;
                out.set(i, d)?;
            }
            Ok(out)
        }
    );
    let st = state.clone();
    op!(o, ctx, "mkdir", move |ctx: Ctx<'js>,
                               path: String,
                               recursive: bool,
                               mode: u32|
          -> Result<Option<String>> {
        sys::fs::mkdir(
            &permissions::path(&ctx, &st, FsWrite, &path)?,
            recursive,
            mode,
        )
        .map(|first| first.map(|p| p.to_string_lossy().into_owned()))
        .map_err(|e| throw_uv(&ctx, &e, "mkdir", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "rmdir", move |ctx: Ctx<'js>,
                               path: String|
          -> Result<()> {
        sys::fs::rmdir(&entry_path(&ctx, &st, FsWrite, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "rmdir", Some(&path), None))
    });
    let st = state.clone();
    // `fs.rm` of a directory with `recursive`: like Node's, it needs only the write grant.
    op!(o, ctx, "rmTree", move |ctx: Ctx<'js>,
                                path: String|
          -> Result<()> {
        sys::fs::remove_tree(&entry_path(&ctx, &st, FsWrite, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "rm", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "unlink", move |ctx: Ctx<'js>,
                                path: String|
          -> Result<()> {
        sys::fs::unlink(&entry_path(&ctx, &st, FsWrite, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "unlink", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "rename", move |ctx: Ctx<'js>,
                                from: String,
                                to: String|
          -> Result<()> {
        sys::fs::rename(
            &entry_path(&ctx, &st, FsWrite, &from)?,
            &entry_path(&ctx, &st, FsWrite, &to)?,
        )
        .map_err(|e| throw_uv(&ctx, &e, "rename", Some(&from), Some(&to)))
    });
    let st = state.clone();
    op!(o, ctx, "copyFile", move |ctx: Ctx<'js>,
                                  from: String,
                                  to: String,
                                  excl: bool|
          -> Result<()> {
        sys::fs::copy_file(
            &permissions::path(&ctx, &st, FsRead, &from)?,
            &permissions::path(&ctx, &st, FsWrite, &to)?,
            excl,
        )
        .map_err(|e| throw_uv(&ctx, &e, "copyfile", Some(&from), Some(&to)))
    });
    let st = state.clone();
    op!(o, ctx, "realpath", move |ctx: Ctx<'js>,
                                  path: String|
          -> Result<String> {
        sys::fs::realpath(&permissions::path(&ctx, &st, FsRead, &path)?)
            .map(|p| p.to_string_lossy().into_owned())
            .map_err(|e| throw_uv(&ctx, &e, "realpath", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "readlink", move |ctx: Ctx<'js>,
                                  path: String|
          -> Result<String> {
        sys::fs::readlink(&entry_path(&ctx, &st, FsRead, &path)?)
            .map(|p| p.to_string_lossy().into_owned())
            .map_err(|e| throw_uv(&ctx, &e, "readlink", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "link", move |ctx: Ctx<'js>,
                              existing: String,
                              path: String|
          -> Result<()> {
        // A second name may be written through, so the file itself needs the write grant.
        let from = permissions::path(&ctx, &st, FsRead, &existing)?;
        permissions::path(&ctx, &st, FsWrite, &existing)?;
        sys::fs::link(&from, &entry_path(&ctx, &st, FsWrite, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "link", Some(&existing), Some(&path)))
    });
    let st = state.clone();
    op!(o, ctx, "symlink", move |ctx: Ctx<'js>,
                                 target: String,
                                 path: String|
          -> Result<()> {
        // The link's content is only text; whoever follows it is checked where it leads.
        sys::fs::symlink(Path::new(&target), &entry_path(&ctx, &st, FsWrite, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "symlink", Some(&target), Some(&path)))
    });
    let st = state.clone();
    op!(o, ctx, "chmod", move |ctx: Ctx<'js>,
                               path: String,
                               mode: u32|
          -> Result<()> {
        sys::fs::chmod(&permissions::path(&ctx, &st, FsWrite, &path)?, mode)
            .map_err(|e| throw_uv(&ctx, &e, "chmod", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "chown", move |ctx: Ctx<'js>,
                               path: String,
                               uid: u32,
                               gid: u32,
                               follow: bool|
          -> Result<()> {
        let checked = if follow {
            permissions::path(&ctx, &st, FsWrite, &path)?
        } else {
            entry_path(&ctx, &st, FsWrite, &path)?
        };
        sys::fs::chown(&checked, uid, gid, follow).map_err(|e| {
            let call = if follow { "chown" } else { "lchown" };
            throw_uv(&ctx, &e, call, Some(&path), None)
        })
    });
    let st = state.clone();
    op!(o, ctx, "utimes", move |ctx: Ctx<'js>,
                                path: String,
                                atime: f64,
                                mtime: f64,
                                follow: bool|
          -> Result<()> {
        let checked = if follow {
            permissions::path(&ctx, &st, FsWrite, &path)?
        } else {
            entry_path(&ctx, &st, FsWrite, &path)?
        };
        sys::fs::utimes(&checked, atime, mtime, follow).map_err(|e| {
            let call = if follow { "utime" } else { "lutime" };
            throw_uv(&ctx, &e, call, Some(&path), None)
        })
    });
    let st = state.clone();
    op!(o, ctx, "statfs", move |ctx: Ctx<'js>,
                                path: String|
          -> Result<Vec<f64>> {
        sys::fs::statfs(&permissions::path(&ctx, &st, FsRead, &path)?)
            .map(|v| v.iter().map(|n| *n as f64).collect())
            .map_err(|e| throw_uv(&ctx, &e, "statfs", Some(&path), None))
    });
    Ok(())
}
