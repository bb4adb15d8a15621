//! The read-only file system a built app (`moat build`) carries in its own memory: the app's
//! modules, the `package.json` files their resolution reads, and the files named with
//! `--include`, each at the path it had when the app was built, and beside each module its
//! QuickJS bytecode. The file calls of [`super::fs`] answer from here first, so `require`,
//! `import`, `__filename` and `fs.readFileSync` of a bundled file behave as they did before
//! the build; every other path goes to the real file system under the grants.
//!
//! The bundle lies in linear memory past what the runtime itself uses. `moat build` writes it
//! there and records where in [`Locator`], a static it finds in the guest's memory image by its
//! magic bytes; a run of any other module finds the locator empty and has no embedded files.

use std::collections::{BTreeMap, BTreeSet};

/// The bytes a [`Locator`] starts with, unique in the guest's memory image.
pub const LOCATOR_MAGIC: [u8; 16] = *b"\0moat:app-image\0";

/// Where the bundle lies: `moat build` fills `at` and `len` in the image it writes.
#[repr(C)]
pub struct Locator {
    pub magic: [u8; 16],
    pub at: u32,
    pub len: u32,
}

/// The guest's locator. Read with a volatile load: its fields change in the image, after
/// compilation, where the compiler cannot see them.
#[cfg(target_os = "wasi")]
#[used]
static LOCATOR: Locator = Locator {
    magic: LOCATOR_MAGIC,
    at: 0,
    len: 0,
};

/// The bundle's first bytes, and the version of its layout.
const BUNDLE_MAGIC: &[u8; 8] = b"MOATAPP\0";
const BUNDLE_VERSION: u32 = 1;

/// How a module's bytecode was compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A CommonJS module inside the loader's wrapper (`loader::CJS_WRAPPER_HEAD`), as a
    /// classic script.
    CommonJs,
    /// An ES module.
    Module,
}

impl CodeKind {
    fn tag(self) -> u8 {
        match self {
            CodeKind::CommonJs => 1,
            CodeKind::Module => 2,
        }
    }

    fn from_tag(tag: u8) -> Option<Option<Self>> {
        match tag {
            0 => Some(None),
            1 => Some(Some(CodeKind::CommonJs)),
            2 => Some(Some(CodeKind::Module)),
            _ => None,
        }
    }
}

/// One file of a bundle, as `moat build` hands it to [`encode`].
pub struct BundleFile {
    /// Absolute, normalised, UTF-8.
    pub path: String,
    pub data: Vec<u8>,
    pub code: Option<(CodeKind, Vec<u8>)>,
}

/// An embedded file.
#[derive(Clone, Copy, Debug)]
pub struct File {
    pub data: &'static [u8],
    pub code: Option<(CodeKind, &'static [u8])>,
}

/// A decoded bundle.
#[derive(Debug, Default)]
pub struct App {
    /// The module `moat app.wasm` runs.
    pub entry: &'static str,
    /// The app's own directory: paths under it that are not embedded do not exist for the app,
    /// rather than being outside its grants.
    pub root: &'static str,
    files: BTreeMap<&'static str, File>,
    dirs: BTreeSet<String>,
    /// Symbolic links on the way to the files (`node_modules/x` pointing elsewhere): link path
    /// to target path, both absolute.
    links: BTreeMap<&'static str, &'static str>,
}

/// Lays out a bundle: magic and version, the entry, the root, the number of files, then per file its
/// path, code kind (0 none, 1 CommonJS, 2 ES module), data and code; then the number of
/// symbolic links and each one's path and target. Lengths are little-endian `u32`s.
///
/// # Errors
/// A part longer than 4 GiB.
pub fn encode(
    entry: &str,
    root: &str,
    files: &[BundleFile],
    links: &[(String, String)],
) -> Result<Vec<u8>, String> {
    fn put(out: &mut Vec<u8>, bytes: &[u8]) -> Result<(), String> {
        let len = u32::try_from(bytes.len()).map_err(|_| "a bundled file exceeds 4 GiB")?;
        out.extend(len.to_le_bytes());
        out.extend(bytes);
        Ok(())
    }
    let mut out = Vec::new();
    out.extend(BUNDLE_MAGIC);
    out.extend(BUNDLE_VERSION.to_le_bytes());
    put(&mut out, entry.as_bytes())?;
    put(&mut out, root.as_bytes())?;
    let count = u32::try_from(files.len()).map_err(|_| "too many bundled files")?;
    out.extend(count.to_le_bytes());
    for f in files {
        put(&mut out, f.path.as_bytes())?;
        let (tag, code) = match &f.code {
            Some((kind, code)) => (kind.tag(), code.as_slice()),
            None => (0, &[][..]),
        };
        out.push(tag);
        put(&mut out, &f.data)?;
        put(&mut out, code)?;
    }
    let count = u32::try_from(links.len()).map_err(|_| "too many bundled links")?;
    out.extend(count.to_le_bytes());
    for (link, target) in links {
        put(&mut out, link.as_bytes())?;
        put(&mut out, target.as_bytes())?;
    }
    Ok(out)
}

/// Reads a bundle; `None` when it is not one this version wrote.
pub fn decode(bytes: &'static [u8]) -> Option<App> {
    struct Reader {
        bytes: &'static [u8],
        pos: usize,
    }
    impl Reader {
        fn take(&mut self, n: usize) -> Option<&'static [u8]> {
            let end = self.pos.checked_add(n)?;
            let out = self.bytes.get(self.pos..end)?;
            self.pos = end;
            Some(out)
        }
        fn u32(&mut self) -> Option<u32> {
            Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
        }
        fn part(&mut self) -> Option<&'static [u8]> {
            let n = self.u32()? as usize;
            self.take(n)
        }
        fn text(&mut self) -> Option<&'static str> {
            std::str::from_utf8(self.part()?).ok()
        }
    }
    let mut r = Reader { bytes, pos: 0 };
    if r.take(8)? != BUNDLE_MAGIC || r.u32()? != BUNDLE_VERSION {
        return None;
    }
    let entry = r.text()?;
    let root = r.text()?;
    let count = r.u32()?;
    let mut app = App {
        entry,
        root,
        ..App::default()
    };
    for _ in 0..count {
        let path = r.text()?;
        let kind = CodeKind::from_tag(r.take(1)?[0])?;
        let data = r.part()?;
        let code = r.part()?;
        add_parents(&mut app.dirs, path);
        app.files.insert(
            path,
            File {
                data,
                code: kind.map(|k| (k, code)),
            },
        );
    }
    for _ in 0..r.u32()? {
        let link = r.text()?;
        let target = r.text()?;
        add_parents(&mut app.dirs, link);
        app.links.insert(link, target);
    }
    (r.pos == bytes.len()).then_some(app)
}

/// Records every directory above `path`.
fn add_parents(dirs: &mut BTreeSet<String>, path: &str) {
    let mut dir = std::path::Path::new(path).parent();
    while let Some(d) = dir {
        if !dirs.insert(d.to_string_lossy().into_owned()) {
            break;
        }
        dir = d.parent();
    }
}

/// The app this guest carries, if it is a built one.
pub fn app() -> Option<&'static App> {
    #[cfg(target_os = "wasi")]
    {
        use std::sync::OnceLock;
        static APP: OnceLock<Option<App>> = OnceLock::new();
        APP.get_or_init(|| {
            // SAFETY: a plain read of a static; volatile because `moat build` rewrites it.
            let (at, len) = unsafe {
                (
                    std::ptr::read_volatile(&raw const LOCATOR.at),
                    std::ptr::read_volatile(&raw const LOCATOR.len),
                )
            };
            if len == 0 {
                return None;
            }
            // SAFETY: `moat build` placed `len` bytes at `at`, past everything the runtime
            // allocates, and nothing writes there; the memory lives as long as the instance.
            let bytes: &'static [u8] =
                unsafe { std::slice::from_raw_parts(at as usize as *const u8, len as usize) };
            decode(bytes)
        })
        .as_ref()
    }
    #[cfg(not(target_os = "wasi"))]
    None
}

/// What an embedded path is.
#[derive(Clone, Copy, Debug)]
pub enum Node {
    File(File),
    Dir,
}

impl App {
    /// The file or directory at `path` (absolute; `.` and `..` not folded), following
    /// embedded links.
    pub fn find(&self, path: &std::path::Path) -> Option<Node> {
        let real = self.real(path)?;
        if let Some(f) = self.files.get(real.as_str()) {
            return Some(Node::File(*f));
        }
        self.dirs.contains(&real).then_some(Node::Dir)
    }

    /// Where `path` leads once embedded links are followed, if it is embedded.
    pub fn real(&self, path: &std::path::Path) -> Option<String> {
        let p = path.to_str()?;
        let mut p = if p.len() > 1 {
            p.trim_end_matches('/').to_string()
        } else {
            p.to_string()
        };
        // As many links as Linux follows in one path.
        for _ in 0..40 {
            if self.files.contains_key(p.as_str()) || self.dirs.contains(&p) {
                return Some(p);
            }
            let link = p
                .match_indices('/')
                .map(|(i, _)| i)
                .chain([p.len()])
                .find_map(|i| self.links.get(&p[..i]).map(|t| (i, *t)));
            let (i, target) = link?;
            p = format!("{target}{}", &p[i..]);
        }
        None
    }

    /// The names in directory `dir`, with whether each is a directory.
    pub fn list(&self, dir: &std::path::Path) -> Vec<(String, bool)> {
        let Some(d) = self.real(dir) else {
            return Vec::new();
        };
        let prefix = if d.ends_with('/') {
            d.to_string()
        } else {
            format!("{d}/")
        };
        let mut out = BTreeMap::new();
        let names = self
            .files
            .keys()
            .chain(self.links.keys())
            .copied()
            .chain(self.dirs.iter().map(String::as_str));
        for p in names {
            if let Some(rest) = p.strip_prefix(&prefix)
                && !rest.is_empty()
            {
                let (name, deeper) = match rest.split_once('/') {
                    Some((name, _)) => (name, true),
                    None => (rest, matches!(self.find(p.as_ref()), Some(Node::Dir))),
                };
                let is_dir = out.get(name).copied().unwrap_or(false) || deeper;
                out.insert(name.to_string(), is_dir);
            }
        }
        out.into_iter().collect()
    }

    /// Every file, by path.
    pub fn files(&self) -> impl Iterator<Item = (&'static str, &File)> {
        self.files.iter().map(|(p, f)| (*p, f))
    }
}

/// The embedded file or directory at `path` (relative to the working directory, or
/// absolute), in a built app.
pub fn find(path: &std::path::Path) -> Option<Node> {
    let app = app()?;
    use std::path::Component;
    let plain = path.is_absolute()
        && path
            .components()
            .all(|c| matches!(c, Component::RootDir | Component::Normal(_)));
    if plain {
        app.find(path)
    } else {
        app.find(&folded(path))
    }
}

/// The real path of an embedded `path`: absolute, folded, its embedded links followed (what
/// `realpath` answers for it).
pub fn canonical(path: &std::path::Path) -> std::path::PathBuf {
    let folded = folded(path);
    match app().and_then(|a| a.real(&folded)) {
        Some(real) => std::path::PathBuf::from(real),
        None => folded,
    }
}

/// `path` made absolute against the working directory, with `.` and `..` folded by name.
fn folded(path: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let base = if path.is_absolute() {
        std::path::PathBuf::new()
    } else {
        super::cwd().unwrap_or_default()
    };
    let mut folded = std::path::PathBuf::from("/");
    for c in base.components().chain(path.components()) {
        match c {
            Component::Normal(n) => folded.push(n),
            Component::ParentDir => {
                folded.pop();
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    folded
}

/// What `stat` reports for an embedded file or directory: read-only, owned by nobody in
/// particular, with the epoch as every time (a build records no times, so that the same input
/// makes the same module).
pub fn stat(node: Node, path: &std::path::Path) -> super::fs::RawStat {
    let (mode, size) = match node {
        Node::File(f) => (0o100444, f.data.len() as u64),
        Node::Dir => (0o040555, 4096),
    };
    // A stable inode number per path, so that tools comparing inodes see one file once.
    let ino = path
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    super::fs::RawStat {
        dev: 0x6d6f6174,
        ino,
        mode,
        nlink: 1,
        uid: 0,
        gid: 0,
        rdev: 0,
        size,
        blksize: 4096,
        blocks: size.div_ceil(512),
        atime_ns: 0,
        mtime_ns: 0,
        ctime_ns: 0,
        birthtime_ns: 0,
    }
}

/// Whether `path` lies in a built app's own directory ([`App::root`]).
pub fn in_root(path: &std::path::Path) -> bool {
    app().is_some_and(|a| folded(path).starts_with(a.root))
}

/// The bytecode of the module at `path` when `source` is the text it was compiled from.
pub fn code_for(path: &str, source: &str, kind: CodeKind) -> Option<&'static [u8]> {
    let Node::File(f) = find(std::path::Path::new(path))? else {
        return None;
    };
    match f.code {
        Some((k, code)) if k == kind && f.data == source.as_bytes() => Some(code),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> App {
        let files = vec![
            BundleFile {
                path: "/srv/app/index.js".into(),
                data: b"require('./lib/a')".to_vec(),
                code: Some((CodeKind::CommonJs, vec![1, 2, 3])),
            },
            BundleFile {
                path: "/srv/app/lib/a.js".into(),
                data: b"module.exports = 1".to_vec(),
                code: None,
            },
            BundleFile {
                path: "/srv/app/package.json".into(),
                data: b"{}".to_vec(),
                code: None,
            },
        ];
        let links = vec![(
            "/srv/app/node_modules/x".to_string(),
            "/srv/app/lib".to_string(),
        )];
        let bytes = encode("/srv/app/index.js", "/srv/app", &files, &links).unwrap();
        decode(Box::leak(bytes.into_boxed_slice())).unwrap()
    }

    #[test]
    fn round_trips() {
        let app = bundle();
        assert_eq!(app.entry, "/srv/app/index.js");
        let Some(Node::File(f)) = app.find("/srv/app/index.js".as_ref()) else {
            panic!("the entry is a file");
        };
        assert_eq!(f.data, b"require('./lib/a')");
        assert_eq!(f.code, Some((CodeKind::CommonJs, &[1u8, 2, 3][..])));
        assert!(matches!(app.find("/srv/app/lib".as_ref()), Some(Node::Dir)));
        assert!(matches!(
            app.find("/srv/app/lib/".as_ref()),
            Some(Node::Dir)
        ));
        assert!(matches!(app.find("/srv".as_ref()), Some(Node::Dir)));
        assert!(matches!(app.find("/".as_ref()), Some(Node::Dir)));
        assert!(app.find("/srv/app/nope.js".as_ref()).is_none());
        assert!(app.find("/srv/ap".as_ref()).is_none());
    }

    #[test]
    fn follows_links() {
        let app = bundle();
        let Some(Node::File(f)) = app.find("/srv/app/node_modules/x/a.js".as_ref()) else {
            panic!("a file behind a link");
        };
        assert_eq!(f.data, b"module.exports = 1");
        assert!(matches!(
            app.find("/srv/app/node_modules/x".as_ref()),
            Some(Node::Dir)
        ));
        assert_eq!(
            app.real("/srv/app/node_modules/x/a.js".as_ref()).as_deref(),
            Some("/srv/app/lib/a.js")
        );
        assert!(app.find("/srv/app/node_modules/y".as_ref()).is_none());
    }

    #[test]
    fn lists_directories() {
        let app = bundle();
        assert_eq!(
            app.list("/srv/app".as_ref()),
            vec![
                ("index.js".to_string(), false),
                ("lib".to_string(), true),
                ("node_modules".to_string(), true),
                ("package.json".to_string(), false)
            ]
        );
        assert_eq!(app.list("/".as_ref()), vec![("srv".to_string(), true)]);
        assert_eq!(
            app.list("/srv/app/node_modules".as_ref()),
            vec![("x".to_string(), true)]
        );
        assert_eq!(
            app.list("/srv/app/node_modules/x".as_ref()),
            vec![("a.js".to_string(), false)]
        );
        assert!(app.list("/srv/app/index.js".as_ref()).is_empty());
    }

    #[test]
    fn damaged_bundles_are_refused() {
        let files = [BundleFile {
            path: "/a.js".into(),
            data: b"x".to_vec(),
            code: None,
        }];
        let bytes = encode("/a.js", "/", &files, &[]).unwrap();
        for cut in 0..bytes.len() {
            assert!(decode(Box::leak(bytes[..cut].to_vec().into_boxed_slice())).is_none());
        }
        let mut bad = bytes.clone();
        bad[8] = 9;
        assert!(decode(Box::leak(bad.into_boxed_slice())).is_none());
    }
}
