//! `node:fs`: the synchronous primitives. The JS half builds the sync, callback and promise
//! APIs on top, and Node's argument validation and errors.

use std::path::Path;

use rquickjs::{Ctx, Function, Object, Result, TypedArray, Value};

use moat_permissions::Permission::{FsRead, FsWrite};

use crate::js_errors::{throw_code, throw_uv};
use crate::permissions;
use crate::state::SharedState;
use crate::sys;
use crate::sys::fs::{OpenFlags, RawStat};
use crate::value::bytes_of;

fn stat_array(s: &RawStat) -> Vec<f64> {
    let ms = |ns: i128| ns as f64 / 1e6;
    vec![
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
        ms(s.atime_ns),
        ms(s.mtime_ns),
        ms(s.ctime_ns),
        ms(s.birthtime_ns),
    ]
}

fn invalid_flags(ctx: &Ctx<'_>, flags: &str) -> rquickjs::Error {
    throw_code::<()>(
        ctx,
        "TypeError",
        "ERR_INVALID_ARG_VALUE",
        &format!("The argument 'flags' is invalid. Received '{flags}'"),
        None,
    )
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
            let data = sys::fs::read(&permissions::path(&ctx, &st, FsRead, &path)?)
                .map_err(|e| throw_uv(&ctx, &e, "open", Some(&path), None))?;
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
    op!(o, ctx, "writeFile", move |ctx: Ctx<'js>,
                                   path: String,
                                   data: Value<'js>,
                                   flags: String,
                                   mode: u32|
          -> Result<()> {
        let Some(f) = OpenFlags::parse(&flags) else {
            return Err(invalid_flags(&ctx, &flags));
        };
        let bytes = bytes_of(&data)?;
        sys::fs::write_file(
            &permissions::path(&ctx, &st, FsWrite, &path)?,
            &bytes,
            f,
            mode,
        )
        .map_err(|e| throw_uv(&ctx, &e, "open", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "stat", move |ctx: Ctx<'js>,
                              path: String,
                              follow: bool,
                              throw: bool|
          -> Result<Option<Vec<f64>>> {
        match sys::fs::stat(&permissions::path(&ctx, &st, FsRead, &path)?, follow) {
            Ok(s) => Ok(Some(stat_array(&s))),
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
        sys::fs::access(&permissions::path(&ctx, &st, FsRead, &path)?, mode)
            .map_err(|e| throw_uv(&ctx, &e, "access", Some(&path), None))
    });
    let st = state.clone();
    op!(
        o,
        ctx,
        "readdir",
        move |ctx: Ctx<'js>, path: String| -> Result<rquickjs::Array<'js>> {
            let entries = sys::fs::read_dir(&permissions::path(&ctx, &st, FsRead, &path)?)
                .map_err(|e| throw_uv(&ctx, &e, "scandir", Some(&path), None))?;
            // Flat pairs: name, type bits, name, type bits, ...
            let out = rquickjs::Array::new(ctx.clone())?;
            for (i, e) in entries.into_iter().enumerate() {
                out.set(2 * i, e.name)?;
                out.set(2 * i + 1, e.kind)?;
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
        sys::fs::rmdir(&permissions::path(&ctx, &st, FsWrite, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "rmdir", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "rm", move |ctx: Ctx<'js>,
                            path: String,
                            recursive: bool|
          -> Result<()> {
        sys::fs::rm(&permissions::path(&ctx, &st, FsWrite, &path)?, recursive).map_err(|e| {
            if e.kind() == std::io::ErrorKind::IsADirectory {
                throw_code(
                    &ctx,
                    "Error",
                    "ERR_FS_EISDIR",
                    &format!("Path is a directory: rm returned EISDIR (is a directory) {path}"),
                    Some(("path", path.as_str())),
                )
            } else {
                throw_uv(&ctx, &e, "rm", Some(&path), None)
            }
        })
    });
    let st = state.clone();
    op!(o, ctx, "unlink", move |ctx: Ctx<'js>,
                                path: String|
          -> Result<()> {
        sys::fs::unlink(&permissions::path(&ctx, &st, FsWrite, &path)?)
            .map_err(|e| throw_uv(&ctx, &e, "unlink", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "rename", move |ctx: Ctx<'js>,
                                from: String,
                                to: String|
          -> Result<()> {
        sys::fs::rename(
            &permissions::path(&ctx, &st, FsWrite, &from)?,
            &permissions::path(&ctx, &st, FsWrite, &to)?,
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
        sys::fs::readlink(&permissions::path(&ctx, &st, FsRead, &path)?)
            .map(|p| p.to_string_lossy().into_owned())
            .map_err(|e| throw_uv(&ctx, &e, "readlink", Some(&path), None))
    });
    let st = state.clone();
    op!(o, ctx, "link", move |ctx: Ctx<'js>,
                              existing: String,
                              path: String|
          -> Result<()> {
        sys::fs::link(
            &permissions::path(&ctx, &st, FsRead, &existing)?,
            &permissions::path(&ctx, &st, FsWrite, &path)?,
        )
        .map_err(|e| throw_uv(&ctx, &e, "link", Some(&existing), Some(&path)))
    });
    let st = state.clone();
    op!(o, ctx, "symlink", move |ctx: Ctx<'js>,
                                 target: String,
                                 path: String|
          -> Result<()> {
        sys::fs::symlink(
            Path::new(&target),
            &permissions::path(&ctx, &st, FsWrite, &path)?,
        )
        .map_err(|e| throw_uv(&ctx, &e, "symlink", Some(&target), Some(&path)))
    });
    let st = state.clone();
    op!(o, ctx, "open", move |ctx: Ctx<'js>,
                              path: String,
                              flags: String,
                              mode: u32|
          -> Result<i32> {
        let Some(f) = OpenFlags::parse(&flags) else {
            return Err(invalid_flags(&ctx, &flags));
        };
        // A descriptor opened for reading and writing needs both grants.
        let writes = f.write || f.append || f.create || f.truncate;
        if writes && f.read {
            permissions::path(&ctx, &st, FsRead, &path)?;
        }
        let checked = permissions::path(&ctx, &st, if writes { FsWrite } else { FsRead }, &path)?;
        st.fds
            .borrow_mut()
            .open(&checked, f, mode)
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
                              offset: usize,
                              length: usize,
                              position: Option<f64>|
          -> Result<usize> {
        let raw = buf
            .as_raw()
            .ok_or_else(|| rquickjs::Exception::throw_type(&ctx, "detached buffer"))?;
        // SAFETY: `raw` points at the live typed array's bytes; no JS runs while they are
        // borrowed here.
        let dst = unsafe { std::slice::from_raw_parts_mut(raw.as_ptr() as *mut u8, raw.len()) };
        let Some(dst) = offset
            .checked_add(length)
            .and_then(|end| dst.get_mut(offset..end))
        else {
            return Err(rquickjs::Exception::throw_range(
                &ctx,
                &format!(
                    "read of {length} bytes at offset {offset} is outside a buffer of {} bytes",
                    raw.len()
                ),
            ));
        };
        st.fds
            .borrow_mut()
            .read(fd, dst, position.filter(|p| *p >= 0.0).map(|p| p as u64))
            .map_err(|e| throw_uv(&ctx, &e, "read", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "write", move |ctx: Ctx<'js>,
                               fd: i32,
                               data: Value<'js>,
                               position: Option<f64>|
          -> Result<usize> {
        let bytes = bytes_of(&data)?;
        st.fds
            .borrow_mut()
            .write(fd, &bytes, position.filter(|p| *p >= 0.0).map(|p| p as u64))
            .map_err(|e| throw_uv(&ctx, &e, "write", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "fstat", move |ctx: Ctx<'js>,
                               fd: i32|
          -> Result<Vec<f64>> {
        st.fds
            .borrow_mut()
            .fstat(fd)
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
            .ftruncate(fd, len as u64)
            .map_err(|e| throw_uv(&ctx, &e, "ftruncate", None, None))
    });
    let st = state.clone();
    op!(o, ctx, "fsync", move |ctx: Ctx<'js>,
                               fd: i32|
          -> Result<()> {
        st.fds
            .borrow_mut()
            .fsync(fd)
            .map_err(|e| throw_uv(&ctx, &e, "fsync", None, None))
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
    op!(o, ctx, "utimes", move |ctx: Ctx<'js>,
                                path: String,
                                atime: f64,
                                mtime: f64|
          -> Result<()> {
        sys::fs::utimes(&permissions::path(&ctx, &st, FsWrite, &path)?, atime, mtime)
            .map_err(|e| throw_uv(&ctx, &e, "utime", Some(&path), None))
    });
    Ok(())
}
