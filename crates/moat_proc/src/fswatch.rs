//! `fs.watch` on inotify: changes to a watched file or directory (with `recursive`, to every
//! directory beneath it) are delivered to an event loop as [`Event::FsChange`]s.
//!
//! One inotify instance serves the whole process, read by one helper thread. A watch starts
//! from its root's real location, free of links, which the caller checked (the sandbox host,
//! against the guest's read grants), and never leaves it: the root is opened refusing every
//! link (`RESOLVE_NO_SYMLINKS`), each directory beneath it from the root with
//! `RESOLVE_BENEATH` too, and what was opened is watched through its descriptor
//! (`/proc/self/fd/N`), which nothing can swap for a link. The descriptor is closed at once:
//! an open one would keep a removed file alive, and its removal unreported.
//!
//! What is reported is what libuv reports, which Node passes on: `change` for a modification
//! or an attribute change, `rename` for anything else (creation, removal, a move), with the
//! name of the entry, relative to the root (a watched file's own name for the file itself).
//!
//! Shared by the native runtime and the sandbox host, which watches for its guest
//! (`moat_abi`'s `fs_watch`).

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask, Watches};

use crate::{Event, EventQueue};

/// What each watched file or directory is watched for: libuv's set.
fn mask() -> WatchMask {
    WatchMask::ATTRIB
        | WatchMask::CREATE
        | WatchMask::MODIFY
        | WatchMask::DELETE
        | WatchMask::DELETE_SELF
        | WatchMask::MOVE_SELF
        | WatchMask::MOVED_FROM
        | WatchMask::MOVED_TO
}

/// A watch that is on until dropped.
#[derive(Debug)]
pub struct FsWatch {
    id: u64,
}

impl Drop for FsWatch {
    fn drop(&mut self) {
        let mut shared = SHARED.lock().unwrap_or_else(|p| p.into_inner());
        let Some(s) = shared.as_mut() else { return };
        let Some(w) = s.watchers.remove(&self.id) else {
            return;
        };
        for wd in w.wds {
            s.forget(&wd, self.id, true);
        }
    }
}

struct Watcher {
    queue: EventQueue,
    handle: u32,
    /// The watched file or directory: its real location, which holds no link.
    root: PathBuf,
    /// Reported for events about the root itself.
    name: Vec<u8>,
    recursive: bool,
    wds: Vec<WatchDescriptor>,
}

struct Shared {
    watches: Watches,
    watchers: HashMap<u64, Watcher>,
    /// Each inotify watch's users: the watcher, and the directory's path relative to its root
    /// (empty for the root). Two watchers of one file share the kernel's watch.
    by_wd: HashMap<WatchDescriptor, Vec<(u64, PathBuf)>>,
    next_id: u64,
}

static SHARED: Mutex<Option<Shared>> = Mutex::new(None);
static STARTED: OnceLock<io::Result<()>> = OnceLock::new();

impl Shared {
    /// Watches what `fd` is open on, for watcher `id`, as `rel` beneath its root.
    fn add(&mut self, id: u64, fd: &OwnedFd, rel: PathBuf) -> io::Result<()> {
        let wd = self
            .watches
            .add(format!("/proc/self/fd/{}", fd.as_raw_fd()), mask())?;
        let users = self.by_wd.entry(wd.clone()).or_default();
        if !users.iter().any(|(u, r)| *u == id && *r == rel) {
            users.push((id, rel));
        }
        if let Some(w) = self.watchers.get_mut(&id)
            && !w.wds.contains(&wd)
        {
            w.wds.push(wd);
        }
        Ok(())
    }

    /// Ends watcher `id`'s use of `wd`; the kernel's watch goes with its last user (`remove`
    /// false: the kernel has already dropped it).
    fn forget(&mut self, wd: &WatchDescriptor, id: u64, remove: bool) {
        let Some(users) = self.by_wd.get_mut(wd) else {
            return;
        };
        users.retain(|(u, _)| *u != id);
        if users.is_empty() {
            self.by_wd.remove(wd);
            if remove {
                let _ = self.watches.remove(wd.clone());
            }
        }
    }

    /// Watches the directory `rel` beneath watcher `id`'s root and every directory beneath it
    /// (links are not followed). A directory that goes away meanwhile is skipped. With
    /// `announce` (a directory that has just appeared), what it already holds is reported as
    /// created: it may have come before the watch did.
    fn add_tree(&mut self, id: u64, rel: PathBuf, announce: bool) -> io::Result<()> {
        let Some(w) = self.watchers.get(&id) else {
            return Ok(());
        };
        let dir = match open_root(&w.root, true).and_then(|root| open_beneath(&root, &rel)) {
            Ok(d) => d,
            Err(e) if rel.as_os_str().is_empty() => return Err(e),
            Err(_) => return Ok(()),
        };
        self.add(id, &dir, rel.clone())?;
        let mut subdirs = Vec::new();
        let mut found = Vec::new();
        if let Ok(entries) = rustix::fs::Dir::read_from(&dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_bytes();
                if name == b"." || name == b".." {
                    continue;
                }
                let path = rel.join(OsStr::from_bytes(name));
                if announce {
                    found.push(path.as_os_str().as_bytes().to_vec());
                }
                if entry.file_type() == rustix::fs::FileType::Directory {
                    subdirs.push(path);
                }
            }
        }
        drop(dir);
        if let Some(w) = self.watchers.get(&id) {
            found.sort();
            for name in found {
                w.queue.push(Event::FsChange {
                    handle: w.handle,
                    rename: true,
                    name,
                });
            }
        }
        for sub in subdirs {
            self.add_tree(id, sub, announce)?;
        }
        Ok(())
    }

    fn deliver(&mut self, wd: &WatchDescriptor, mask: EventMask, name: Option<&OsStr>) {
        if mask.contains(EventMask::IGNORED) {
            let ids: Vec<u64> = self
                .by_wd
                .remove(wd)
                .map(|u| u.into_iter().map(|(id, _)| id).collect())
                .unwrap_or_default();
            for id in ids {
                if let Some(w) = self.watchers.get_mut(&id) {
                    w.wds.retain(|x| x != wd);
                }
            }
            return;
        }
        let Some(users) = self.by_wd.get(wd).cloned() else {
            return;
        };
        let changed = EventMask::ATTRIB | EventMask::MODIFY;
        let rename = !(mask & !changed & !EventMask::ISDIR).is_empty();
        let new_dir = mask.contains(EventMask::ISDIR)
            && mask.intersects(EventMask::CREATE | EventMask::MOVED_TO);
        for (id, rel) in users {
            let Some(w) = self.watchers.get(&id) else {
                continue;
            };
            let reported: Vec<u8> = match name {
                Some(n) => rel.join(n).as_os_str().as_bytes().to_vec(),
                // The root itself; a directory beneath it is reported by its parent.
                None if rel.as_os_str().is_empty() => w.name.clone(),
                None => continue,
            };
            w.queue.push(Event::FsChange {
                handle: w.handle,
                rename,
                name: reported,
            });
            if new_dir
                && w.recursive
                && let Some(n) = name
            {
                let _ = self.add_tree(id, rel.join(n), true);
            }
        }
    }
}

/// Opens `path` (absolute) refusing every link on the way; a directory for listing when `dir`.
fn open_root(path: &Path, dir: bool) -> io::Result<OwnedFd> {
    use rustix::fs::{CWD, Mode, OFlags, ResolveFlags};
    // No `O_NOFOLLOW`: with `O_PATH` it would open a final link itself, where the caller is
    // to be refused (`ELOOP`).
    let flags = if dir {
        OFlags::RDONLY | OFlags::DIRECTORY
    } else {
        OFlags::PATH
    } | OFlags::CLOEXEC;
    match rustix::fs::openat2(CWD, path, flags, Mode::empty(), ResolveFlags::NO_SYMLINKS) {
        Err(rustix::io::Errno::NOSYS) => walk(
            rustix::fs::open("/", flags_dir(), Mode::empty())?,
            path,
            flags,
        ),
        r => Ok(r?),
    }
}

/// Opens the directory `rel` beneath `root` (`root` itself when empty), following no link and
/// not leaving it.
fn open_beneath(root: &OwnedFd, rel: &Path) -> io::Result<OwnedFd> {
    use rustix::fs::{Mode, ResolveFlags};
    let rel = if rel.as_os_str().is_empty() {
        Path::new(".")
    } else {
        rel
    };
    let flags = flags_dir();
    let how = ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS;
    match rustix::fs::openat2(root, rel, flags, Mode::empty(), how) {
        Err(rustix::io::Errno::NOSYS) => walk(
            rustix::fs::openat(root, ".", flags, Mode::empty())?,
            rel,
            flags,
        ),
        r => Ok(r?),
    }
}

fn flags_dir() -> rustix::fs::OFlags {
    use rustix::fs::OFlags;
    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
}

/// Where the kernel lacks `openat2` (before 5.6): `path`'s components opened in turn from
/// `fd`, none of them a link, none `..`; the last with `flags`.
fn walk(mut fd: OwnedFd, path: &Path, flags: rustix::fs::OFlags) -> io::Result<OwnedFd> {
    use std::path::Component;
    let parts: Vec<&OsStr> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(Ok(p)),
            Component::RootDir | Component::CurDir => None,
            Component::ParentDir | Component::Prefix(_) => {
                Some(Err(io::Error::from_raw_os_error(libc::EXDEV)))
            }
        })
        .collect::<io::Result<_>>()?;
    for (i, part) in parts.iter().enumerate() {
        let f = if i + 1 == parts.len() {
            flags
        } else {
            flags_dir()
        };
        fd = rustix::fs::openat(&fd, *part, f, rustix::fs::Mode::empty())?;
    }
    let st = rustix::fs::fstat(&fd)?;
    if rustix::fs::FileType::from_raw_mode(st.st_mode) == rustix::fs::FileType::Symlink {
        return Err(io::Error::from_raw_os_error(libc::ELOOP));
    }
    Ok(fd)
}

fn start() -> io::Result<()> {
    let mut inotify = Inotify::init()?;
    *SHARED.lock().unwrap_or_else(|p| p.into_inner()) = Some(Shared {
        watches: inotify.watches(),
        watchers: HashMap::new(),
        by_wd: HashMap::new(),
        next_id: 1,
    });
    std::thread::Builder::new()
        .name("moat-fswatch".to_string())
        .spawn(move || {
            let mut buffer = vec![0u8; 64 << 10];
            loop {
                let events = match inotify.read_events_blocking(&mut buffer) {
                    Ok(events) => events,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => return,
                };
                let mut shared = SHARED.lock().unwrap_or_else(|p| p.into_inner());
                let Some(s) = shared.as_mut() else { return };
                for e in events {
                    s.deliver(&e.wd, e.mask, e.name);
                }
            }
        })?;
    Ok(())
}

/// Delivers changes to `root` (a file, or a directory and, with `recursive`, every directory
/// beneath it) to `queue` as [`Event::FsChange`] with `handle`, until the returned [`FsWatch`]
/// is dropped. `root` is a real location (absolute, no link in it: a link makes the call fail
/// with `ELOOP`); `name` is reported for changes to the root itself.
///
/// # Errors
/// The OS error: `ENOENT` for a root that does not exist, `ENOSPC` when the system's watch
/// limit is reached.
pub fn watch(
    queue: &EventQueue,
    root: &Path,
    name: Vec<u8>,
    recursive: bool,
    handle: u32,
) -> io::Result<FsWatch> {
    if let Err(e) = STARTED.get_or_init(start) {
        return Err(io::Error::new(e.kind(), e.to_string()));
    }
    let fd = open_root(root, false)?;
    let is_dir = rustix::fs::FileType::from_raw_mode(rustix::fs::fstat(&fd)?.st_mode)
        == rustix::fs::FileType::Directory;
    let mut shared = SHARED.lock().unwrap_or_else(|p| p.into_inner());
    let s = shared
        .as_mut()
        .ok_or_else(|| io::Error::from_raw_os_error(libc::EBADF))?;
    let id = s.next_id;
    s.next_id += 1;
    s.watchers.insert(
        id,
        Watcher {
            queue: queue.clone(),
            handle,
            root: root.to_path_buf(),
            name,
            recursive,
            wds: Vec::new(),
        },
    );
    let watch = FsWatch { id };
    let added = if is_dir && recursive {
        drop(fd);
        s.add_tree(id, PathBuf::new(), false)
    } else {
        s.add(id, &fd, PathBuf::new())
    };
    drop(shared);
    // On failure, dropping `watch` removes what was added.
    added.map(|()| watch)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Events until none arrives for a while.
    fn drain(q: &EventQueue) -> Vec<(bool, String)> {
        let mut got = Vec::new();
        loop {
            let batch = q.wait(Some(Duration::from_millis(300)));
            if batch.is_empty() {
                return got;
            }
            for e in batch {
                if let Event::FsChange { rename, name, .. } = e {
                    got.push((rename, String::from_utf8(name).expect("utf-8")));
                }
            }
        }
    }

    #[test]
    fn a_directory_reports_its_entries_and_a_dropped_watch_nothing() {
        let dir = std::env::temp_dir().join(format!("moat-fswatch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let outside = dir.with_extension("outside");
        let _ = std::fs::remove_dir_all(&outside);
        std::fs::create_dir_all(dir.join("sub")).expect("creates");
        std::fs::create_dir_all(&outside).expect("creates");
        std::os::unix::fs::symlink(&outside, dir.join("link")).expect("links");
        let q = EventQueue::default();
        let refused = watch(&q, &dir.join("link"), b"link".to_vec(), false, 2);
        assert_eq!(
            refused.map(|_| ()).map_err(|e| e.raw_os_error()),
            Err(Some(libc::ELOOP))
        );
        let w = watch(&q, &dir, b"top".to_vec(), true, 3).expect("watches");
        std::fs::write(dir.join("a.txt"), b"x").expect("writes");
        std::fs::write(dir.join("sub/b.txt"), b"y").expect("writes");
        // What a new directory holds before its watch starts is reported too.
        std::fs::create_dir(dir.join("new")).expect("creates");
        std::fs::write(dir.join("new/c.txt"), b"z").expect("writes");
        std::fs::write(outside.join("e.txt"), b"v").expect("writes");
        let got = drain(&q);
        assert!(!got.iter().any(|(_, n)| n.contains("e.txt")), "{got:?}");
        for want in [
            (true, "a.txt"),
            (false, "a.txt"),
            (true, "sub/b.txt"),
            (true, "new"),
            (true, "new/c.txt"),
        ] {
            assert!(
                got.contains(&(want.0, want.1.to_string())),
                "{want:?} in {got:?}"
            );
        }
        drop(w);
        std::fs::write(dir.join("d.txt"), b"w").expect("writes");
        assert_eq!(drain(&q), vec![]);
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_dir_all(&outside);
    }

    #[test]
    fn a_file_reports_itself_under_its_own_name() {
        let file = std::env::temp_dir().join(format!("moat-fswatch-f-{}", std::process::id()));
        std::fs::write(&file, b"1").expect("writes");
        let q = EventQueue::default();
        let _w = watch(&q, &file, b"f".to_vec(), false, 4).expect("watches");
        std::fs::write(&file, b"22").expect("writes");
        std::fs::remove_file(&file).expect("removes");
        let got = drain(&q);
        assert!(got.contains(&(false, "f".to_string())), "{got:?}");
        assert!(got.contains(&(true, "f".to_string())), "{got:?}");
    }
}
