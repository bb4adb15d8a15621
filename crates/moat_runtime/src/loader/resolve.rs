//! Node's module resolution, as plain Rust: no engine, no JavaScript.
//!
//! Implements both of Node's algorithms over a [`ResolveFs`] so that tests can run against an
//! in-memory tree:
//!
//! - CommonJS `require()`: extension probing (`.js`, `.json`, `.node`), directory `index`, `main`,
//!   the `node_modules` walk-up, `exports`/`imports` with the `require` conditions, self-reference.
//! - ES modules: exact file names, `exports`/`imports` with the `import` conditions, legacy `main`.
//!
//! Errors carry Node's codes and messages; the binding layer turns them into JS errors.

use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};

/// The file-system questions resolution asks.
pub trait ResolveFs {
    fn is_file(&self, path: &Path) -> bool;
    fn is_dir(&self, path: &Path) -> bool;
    fn read_to_string(&self, path: &Path) -> Option<String>;
}

/// Which of Node's two resolvers is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Require,
    Import,
}

impl Mode {
    fn conditions(self) -> &'static [&'static str] {
        match self {
            Mode::Require => &["node", "require", "module-sync"],
            Mode::Import => &["node", "import", "module-sync"],
        }
    }

    /// Whether an `exports`/`imports` condition applies: `default`, the mode's own, or one the
    /// program was started with (`--conditions`).
    /// While a resolve hook's conditions are in force ([`with_conditions`]), those alone apply
    /// (with `default`).
    fn matches(self, condition: &str) -> bool {
        if let Some(matched) = CONDITIONS_OVERRIDE
            .with_borrow(|o| o.as_ref().map(|c| c.iter().any(|u| u == condition)))
        {
            return condition == "default" || matched;
        }
        condition == "default"
            || self.conditions().contains(&condition)
            || USER_CONDITIONS.with_borrow(|c| c.iter().any(|u| u == condition))
    }
}

thread_local! {
    /// The `--conditions` (`-C`) the program was started with (set at each start).
    static USER_CONDITIONS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    /// The conditions a module resolve hook passed on, while its resolution runs.
    static CONDITIONS_OVERRIDE: std::cell::RefCell<Option<Vec<String>>> = const { std::cell::RefCell::new(None) };
}

/// Sets the conditions `--conditions` added, for both resolvers.
pub fn set_user_conditions(conditions: Vec<String>) {
    USER_CONDITIONS.set(conditions);
}

/// The conditions `--conditions` added.
pub fn user_conditions() -> Vec<String> {
    USER_CONDITIONS.with_borrow(Clone::clone)
}

/// Runs `f` with `conditions` (when given) as the only ones `exports` and `imports` match, as a
/// module resolve hook that changed `context.conditions` asks; the previous set comes back after.
pub fn with_conditions<R>(conditions: Option<Vec<String>>, f: impl FnOnce() -> R) -> R {
    let Some(conditions) = conditions else {
        return f();
    };
    let before = CONDITIONS_OVERRIDE.replace(Some(conditions));
    let r = f();
    CONDITIONS_OVERRIDE.set(before);
    r
}

/// What a specifier resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A built-in module, by its canonical name without `node:` (`fs`, `node:test` keeps its prefix).
    Builtin(String),
    File(PathBuf),
}

/// The `code` of a specifier whose escapes do not decode: Node throws `decodeURIComponent`'s
/// `URIError`, which has no code of its own.
pub const URI_MALFORMED: &str = "URI_MALFORMED";

/// A resolution failure, with Node's error code.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ResolveError {
    pub code: &'static str,
    pub message: String,
    /// The file or directory an import named and could not use (Node's `url`), when it is
    /// known: not for a package that is not there.
    pub target: Option<PathBuf>,
}

impl ResolveError {
    fn new(code: &'static str, message: String) -> Self {
        Self {
            code,
            message,
            target: None,
        }
    }

    fn at(mut self, target: &Path) -> Self {
        self.target = Some(target.to_path_buf());
        self
    }

    /// Fills in where an invalid target was defined: ` for 'key'` and ` imported from …`.
    fn placed(mut self, key: &str, from: &str) -> Self {
        self.message = self
            .message
            .replacen(KEY_MARK, key, 1)
            .replacen(FROM_MARK, from, 1);
        self
    }

    /// As [`ResolveError::placed`], for the package's main export, which Node words apart.
    fn main_target(mut self, from: &str) -> Self {
        if self.message.contains(KEY_MARK) {
            self.message = self
                .message
                .replacen(" target ", " main target ", 1)
                .replacen(KEY_MARK, "", 1);
        }
        self.message = self.message.replacen(FROM_MARK, from, 1);
        self
    }

    /// Drops the marks of a message no caller placed.
    fn unmarked(mut self) -> Self {
        self.message = self.message.replace([KEY_MARK, FROM_MARK], "");
        self
    }
}

/// Whether a path segment is `.`, `..` or `node_modules`, in any case, percent-encoded or not.
fn invalid_segment(segment: &str) -> bool {
    let decoded = percent_decode(segment).unwrap_or_else(|| segment.to_string());
    let lower = decoded.to_ascii_lowercase();
    lower == "." || lower == ".." || lower == "node_modules"
}

/// Where an invalid-target message gets its key and its importer (see
/// [`ResolveError::placed`]).
const KEY_MARK: char = '\u{1}';
const FROM_MARK: char = '\u{2}';

/// The module format of a file, as Node decides it from its extension and package scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    CommonJs,
    Module,
    Json,
    /// `.wasm`: a WebAssembly module, imported as an ES module.
    Wasm,
    /// `.js` (or extensionless) with no `"type"` in scope: CommonJS unless it has ES syntax.
    Ambiguous,
}

/// Node 24's built-in module names (those that need no `node:` prefix).
pub const BUILTINS: &[&str] = &[
    "_http_agent",
    "_http_client",
    "_http_common",
    "_http_incoming",
    "_http_outgoing",
    "_http_server",
    "_stream_duplex",
    "_stream_passthrough",
    "_stream_readable",
    "_stream_transform",
    "_stream_wrap",
    "_stream_writable",
    "_tls_common",
    "_tls_wrap",
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "http2",
    "https",
    "inspector",
    "inspector/promises",
    "module",
    "net",
    "os",
    "path",
    "path/posix",
    "path/win32",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "readline/promises",
    "repl",
    "stream",
    "stream/consumers",
    "stream/promises",
    "stream/web",
    "string_decoder",
    "sys",
    "timers",
    "timers/promises",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "util/types",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// Built-ins that exist only with the `node:` prefix.
pub const PREFIX_ONLY_BUILTINS: &[&str] = &[
    "node:sea",
    "node:sqlite",
    "node:test",
    "node:test/reporters",
];

/// The canonical built-in name for `specifier`, if it names one.
pub fn builtin_name(specifier: &str) -> Option<String> {
    if PREFIX_ONLY_BUILTINS.contains(&specifier) {
        return Some(specifier.to_string());
    }
    let bare = specifier.strip_prefix("node:").unwrap_or(specifier);
    if BUILTINS.contains(&bare) {
        return Some(bare.to_string());
    }
    None
}

/// `path` with `.` and `..` folded, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The `node_modules` folders searched from `dir` upwards, nearest first (`module.paths`).
pub fn node_modules_paths(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut cur = Some(dir);
    while let Some(d) = cur {
        if d.file_name().is_some_and(|n| n != "node_modules") || d.parent().is_none() {
            out.push(d.join("node_modules"));
        }
        cur = d.parent();
    }
    out
}

/// A resolver over one file system.
pub struct Resolver<'a, F: ResolveFs> {
    fs: &'a F,
    /// What `require` tries after a name, in order (`require.extensions`).
    extensions: Vec<String>,
    /// Folders `require` searches after every `node_modules` (`Module.globalPaths`).
    global_paths: Vec<PathBuf>,
    /// Deprecation warnings the last resolutions call for: (code, message).
    deprecations: std::cell::RefCell<Vec<(&'static str, String)>>,
}

struct Package {
    dir: PathBuf,
    json_path: PathBuf,
    json: Map<String, Value>,
    /// Why the file is not valid JSON, when it is not (it then reads as empty).
    invalid: Option<String>,
}

impl<'a, F: ResolveFs> Resolver<'a, F> {
    pub fn new(fs: &'a F) -> Self {
        Self {
            fs,
            extensions: vec![".js".into(), ".json".into(), ".node".into()],
            global_paths: Vec::new(),
            deprecations: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Takes the deprecation warnings Node would print for what was resolved so far:
    /// (code, message).
    pub fn take_deprecations(&self) -> Vec<(&'static str, String)> {
        self.deprecations.take()
    }

    /// Uses `extensions` (`.js`, `.json`, … as `require.extensions` lists them) for probing.
    pub fn with_extensions(mut self, extensions: Vec<String>) -> Self {
        self.extensions = extensions;
        self
    }

    /// Searches `paths` for bare `require` names after the `node_modules` folders.
    pub fn with_global_paths(mut self, paths: Vec<PathBuf>) -> Self {
        self.global_paths = paths;
        self
    }

    fn read_package(&self, dir: &Path) -> Option<Package> {
        let json_path = dir.join("package.json");
        let text = self.fs.read_to_string(&json_path)?;
        let (json, invalid) = match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(map)) => (map, None),
            Ok(_) => (Map::new(), None),
            Err(e) => (Map::new(), Some(e.to_string())),
        };
        Some(Package {
            dir: dir.to_path_buf(),
            json_path,
            json,
            invalid,
        })
    }

    /// The nearest package.json at or above `dir`.
    fn package_scope(&self, dir: &Path) -> Option<Package> {
        let mut cur = Some(dir);
        while let Some(d) = cur {
            if d.file_name().is_some_and(|n| n == "node_modules") {
                return None;
            }
            if let Some(pkg) = self.read_package(d) {
                return Some(pkg);
            }
            cur = d.parent();
        }
        None
    }

    /// The package.json whose scope holds `file`, when it declares no `"type"`: Node warns
    /// about such a package when one of its `.js` files turns out to be an ES module.
    pub fn typeless_package_json(&self, file: &Path) -> Option<PathBuf> {
        let scope = file.parent().and_then(|d| self.package_scope(d))?;
        (!scope.json.contains_key("type")).then_some(scope.json_path)
    }

    /// The package.json that makes `file` an ES module by its `"type": "module"`, if any.
    pub fn module_type_package_json(&self, file: &Path) -> Option<PathBuf> {
        let scope = file.parent().and_then(|d| self.package_scope(d))?;
        (scope.json.get("type").and_then(Value::as_str) == Some("module"))
            .then_some(scope.json_path)
    }

    /// The format Node gives `file`.
    pub fn format(&self, file: &Path) -> Format {
        match file.extension().and_then(|e| e.to_str()) {
            Some("mjs") => Format::Module,
            Some("cjs") => Format::CommonJs,
            Some("json") => Format::Json,
            Some("wasm") => Format::Wasm,
            _ => {
                let scope = file.parent().and_then(|d| self.package_scope(d));
                match scope
                    .as_ref()
                    .and_then(|p| p.json.get("type"))
                    .and_then(Value::as_str)
                {
                    Some("module") => Format::Module,
                    Some("commonjs") => Format::CommonJs,
                    _ => Format::Ambiguous,
                }
            }
        }
    }

    /// `require(request)` from a module in `parent_dir`; `paths` overrides the lookup folders
    /// (`require.resolve(x, { paths })`). `parent` names the requiring file for messages.
    ///
    /// # Errors
    /// `MODULE_NOT_FOUND`, `ERR_PACKAGE_PATH_NOT_EXPORTED`, `ERR_PACKAGE_IMPORT_NOT_DEFINED`,
    /// `ERR_INVALID_PACKAGE_TARGET`, `ERR_INVALID_PACKAGE_CONFIG`.
    pub fn require(
        &self,
        request: &str,
        parent_dir: &Path,
        parent: Option<&Path>,
        paths: Option<&[PathBuf]>,
    ) -> Result<Resolved, ResolveError> {
        self.require_marked(request, parent_dir, parent, paths)
            .map_err(ResolveError::unmarked)
    }

    fn require_marked(
        &self,
        request: &str,
        parent_dir: &Path,
        parent: Option<&Path>,
        paths: Option<&[PathBuf]>,
    ) -> Result<Resolved, ResolveError> {
        if let Some(b) = builtin_name(request) {
            return Ok(Resolved::Builtin(b));
        }
        if request.starts_with("node:") {
            return Err(ResolveError::new(
                "ERR_UNKNOWN_BUILTIN_MODULE",
                format!("No such built-in module: {request}"),
            ));
        }
        let not_found = || {
            ResolveError::new(
                "MODULE_NOT_FOUND",
                format!("Cannot find module '{request}'"),
            )
        };
        let relative = request == "."
            || request == ".."
            || request.starts_with("./")
            || request.starts_with("../")
            || request.starts_with('/');
        if relative {
            let bases: Vec<PathBuf> = match paths {
                Some(p) if !request.starts_with('/') => p.to_vec(),
                _ => vec![parent_dir.to_path_buf()],
            };
            for base in bases {
                let target = normalize(&base.join(request));
                let target = if request.ends_with('/')
                    || request.ends_with("/.")
                    || request.ends_with("/..")
                    || request == "."
                    || request == ".."
                {
                    // A trailing slash (or a last `.`/`..` segment) means a directory only.
                    if let Some(f) = self.load_as_directory(&target)? {
                        return Ok(Resolved::File(f));
                    }
                    continue;
                } else {
                    target
                };
                if let Some(f) = self.load_as_file(&target) {
                    return Ok(Resolved::File(f));
                }
                if let Some(f) = self.load_as_directory(&target)? {
                    return Ok(Resolved::File(f));
                }
            }
            return Err(not_found());
        }
        // `#x` is a package import when the requiring package declares "imports"; otherwise
        // `require` still looks for a package of that name in node_modules, as it always has.
        if request.starts_with('#')
            && self
                .package_scope(parent_dir)
                .is_some_and(|p| p.json.contains_key("imports"))
        {
            return self.package_imports(request, parent_dir, Mode::Require, parent);
        }
        if let Some(r) = self.self_reference(request, parent_dir, Mode::Require, parent)? {
            return Ok(r);
        }
        let mut dirs: Vec<PathBuf> = match paths {
            Some(p) => p.iter().flat_map(|d| node_modules_paths(d)).collect(),
            None => node_modules_paths(parent_dir),
        };
        dirs.extend(self.global_paths.iter().cloned());
        let (name, subpath) = split_package_name(request).ok_or_else(not_found)?;
        for nm in dirs {
            let pkg_dir = nm.join(name);
            if let Some(pkg) = self.read_package(&pkg_dir)
                && let Some(exports) = pkg.json.get("exports")
            {
                let sub = format!(".{subpath}");
                let r = self.exports_resolve(&pkg, &sub, exports, Mode::Require, parent)?;
                return self.finish_require(r);
            }
            let target = nm.join(request);
            if let Some(f) = self.load_as_file(&target) {
                return Ok(Resolved::File(f));
            }
            if let Some(f) = self.load_as_directory(&target)? {
                return Ok(Resolved::File(f));
            }
        }
        Err(not_found())
    }

    fn finish_require(&self, r: PathBuf) -> Result<Resolved, ResolveError> {
        if self.fs.is_file(&r) {
            Ok(Resolved::File(r))
        } else {
            Err(ResolveError::new(
                "MODULE_NOT_FOUND",
                format!("Cannot find module '{}'", display(&r)),
            ))
        }
    }

    fn load_as_file(&self, target: &Path) -> Option<PathBuf> {
        if self.fs.is_file(target) {
            return Some(target.to_path_buf());
        }
        for ext in &self.extensions {
            let mut s = target.as_os_str().to_owned();
            s.push(ext);
            let p = PathBuf::from(s);
            if self.fs.is_file(&p) {
                return Some(p);
            }
        }
        None
    }

    fn load_index(&self, dir: &Path) -> Option<PathBuf> {
        self.extensions
            .iter()
            .map(|ext| dir.join(format!("index{ext}")))
            .find(|p| self.fs.is_file(p))
    }

    fn load_as_directory(&self, dir: &Path) -> Result<Option<PathBuf>, ResolveError> {
        if let Some(pkg) = self.read_package(dir)
            && let Some(main) = pkg.json.get("main").and_then(Value::as_str)
        {
            let m = normalize(&dir.join(main));
            if let Some(f) = self.load_as_file(&m) {
                return Ok(Some(f));
            }
            if let Some(f) = self.load_index(&m) {
                return Ok(Some(f));
            }
            if let Some(f) = self.load_index(dir) {
                // DEP0128: a "main" that names nothing, where the directory's index stands in.
                self.deprecations.borrow_mut().push((
                    "DEP0128",
                    format!(
                        "Invalid 'main' field in '{}' of '{main}'. Please either fix that or report it to the module author",
                        display(&dir.join("package.json"))
                    ),
                ));
                return Ok(Some(f));
            }
            return Err(ResolveError::new(
                "MODULE_NOT_FOUND",
                format!(
                    "Cannot find module '{}'. Please verify that the package.json has a valid \"main\" entry",
                    display(&m)
                ),
            ));
        }
        Ok(self.load_index(dir))
    }

    fn self_reference(
        &self,
        request: &str,
        parent_dir: &Path,
        mode: Mode,
        parent: Option<&Path>,
    ) -> Result<Option<Resolved>, ResolveError> {
        let Some(pkg) = self.package_scope(parent_dir) else {
            return Ok(None);
        };
        let (Some(exports), Some(name)) = (
            pkg.json.get("exports"),
            pkg.json.get("name").and_then(Value::as_str),
        ) else {
            return Ok(None);
        };
        let Some((req_name, subpath)) = split_package_name(request) else {
            return Ok(None);
        };
        if req_name != name {
            return Ok(None);
        }
        let sub = format!(".{subpath}");
        let r = self.exports_resolve(&pkg, &sub, exports, mode, parent)?;
        match mode {
            Mode::Require => self.finish_require(r).map(Some),
            Mode::Import => self.finish_import(r, parent).map(Some),
        }
    }

    fn package_imports(
        &self,
        request: &str,
        parent_dir: &Path,
        mode: Mode,
        parent: Option<&Path>,
    ) -> Result<Resolved, ResolveError> {
        let from = parent
            .map(|p| format!(" imported from {}", display(p)))
            .unwrap_or_default();
        // (Node 24 takes `#/name` as an import name; only `#` alone is none.)
        if request == "#" {
            return Err(ResolveError::new(
                "ERR_INVALID_MODULE_SPECIFIER",
                format!(
                    "Invalid module \"{request}\" is not a valid internal imports specifier name{from}"
                ),
            ));
        }
        if let Some(pkg) = self.package_scope(parent_dir)
            && let Some(Value::Object(imports)) = pkg.json.get("imports")
        {
            let found = self
                .imports_exports_match(&pkg, request, imports, true, mode)
                .map_err(|e| e.placed(&format!(" for '{request}'"), &from))?;
            match found {
                Some(Target::Path(p)) => {
                    return match mode {
                        Mode::Require => self.finish_require(p),
                        Mode::Import => self.finish_import(p, parent),
                    };
                }
                Some(Target::Bare(spec)) => {
                    return match mode {
                        Mode::Require => self.require(&spec, &pkg.dir, parent, None),
                        Mode::Import => self.import(&spec, parent.unwrap_or(&pkg.json_path)),
                    };
                }
                None => {}
            }
            return Err(ResolveError::new(
                "ERR_PACKAGE_IMPORT_NOT_DEFINED",
                format!(
                    "Package import specifier \"{request}\" is not defined in package {}{from}",
                    display(&pkg.json_path)
                ),
            ));
        }
        Err(ResolveError::new(
            "ERR_PACKAGE_IMPORT_NOT_DEFINED",
            format!("Package import specifier \"{request}\" is not defined{from}"),
        ))
    }

    fn exports_resolve(
        &self,
        pkg: &Package,
        subpath: &str,
        exports: &Value,
        mode: Mode,
        parent: Option<&Path>,
    ) -> Result<PathBuf, ResolveError> {
        let from = match (mode, parent) {
            (Mode::Import, Some(p)) => format!(" imported from {}", display(p)),
            _ => String::new(),
        };
        let not_exported = || {
            if subpath == "." {
                ResolveError::new(
                    "ERR_PACKAGE_PATH_NOT_EXPORTED",
                    format!(
                        "No \"exports\" main defined in {}{from}",
                        display(&pkg.json_path)
                    ),
                )
            } else {
                ResolveError::new(
                    "ERR_PACKAGE_PATH_NOT_EXPORTED",
                    format!(
                        "Package subpath '{subpath}' is not defined by \"exports\" in {}{from}",
                        display(&pkg.json_path)
                    ),
                )
            }
        };
        let dot_keys = match exports {
            Value::Object(m) => {
                let dots = m.keys().filter(|k| k.starts_with('.')).count();
                if dots != 0 && dots != m.len() {
                    return Err(ResolveError::new(
                        "ERR_INVALID_PACKAGE_CONFIG",
                        format!(
                            "Invalid package config {}. \"exports\" cannot contain some keys starting with '.' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.",
                            display(&pkg.json_path)
                        ),
                    ));
                }
                dots != 0
            }
            _ => false,
        };
        if subpath == "." {
            let main = if dot_keys {
                exports.as_object().and_then(|m| m.get("."))
            } else {
                Some(exports)
            };
            if let Some(main) = main
                && let Some(Target::Path(p)) = self
                    .target_resolve(pkg, main, None, false, mode)
                    .map_err(|e| e.main_target(&from))?
            {
                return Ok(p);
            }
            return Err(not_exported());
        }
        if dot_keys
            && let Value::Object(m) = exports
            && let Some(Target::Path(p)) = self
                .imports_exports_match(pkg, subpath, m, false, mode)
                .map_err(|e| e.placed(&format!(" for '{subpath}'"), &from))?
        {
            return Ok(p);
        }
        Err(not_exported())
    }

    fn imports_exports_match(
        &self,
        pkg: &Package,
        key: &str,
        map: &Map<String, Value>,
        is_imports: bool,
        mode: Mode,
    ) -> Result<Option<Target>, ResolveError> {
        if !key.contains('*')
            && let Some(t) = map.get(key)
        {
            return self.target_resolve(pkg, t, None, is_imports, mode);
        }
        let mut keys: Vec<&String> = map.keys().filter(|k| k.matches('*').count() == 1).collect();
        keys.sort_by(|a, b| pattern_key_compare(a, b));
        for k in keys {
            let star = k.find('*').unwrap_or(k.len());
            let (base, trailer) = (&k[..star], &k[star + 1..]);
            if key.starts_with(base)
                && key != base
                && (trailer.is_empty() || (key.ends_with(trailer) && key.len() >= k.len()))
            {
                let m = &key[base.len()..key.len() - trailer.len()];
                // What `*` stands for may not step out or into another package: no `.`, `..`
                // or `node_modules` segment, percent-encoded or not (a null target is simply
                // not exported).
                if !map[k.as_str()].is_null() && m.split(['/', '\\']).any(invalid_segment) {
                    return Err(ResolveError::new(
                        "ERR_INVALID_MODULE_SPECIFIER",
                        format!(
                            "Invalid module \"{key}\" request is not a valid match in pattern \"{k}\" for the \"{}\" resolution of {}{FROM_MARK}",
                            if is_imports { "imports" } else { "exports" },
                            display(&pkg.json_path)
                        ),
                    ));
                }
                return self.target_resolve(pkg, &map[k.as_str()], Some(m), is_imports, mode);
            }
        }
        Ok(None)
    }

    /// What an `exports`/`imports` target resolves to; `None` when nothing does (a `null`
    /// target, or no condition that applies).
    fn target_resolve(
        &self,
        pkg: &Package,
        target: &Value,
        pattern: Option<&str>,
        is_imports: bool,
        mode: Mode,
    ) -> Result<Option<Target>, ResolveError> {
        Ok(self
            .target_lookup(pkg, target, pattern, is_imports, mode)?
            .flatten())
    }

    /// As [`Resolver::target_resolve`], telling `null` (`Some(None)`: the search stops there)
    /// from nothing that applies (`None`: a conditions object goes on to its next condition).
    fn target_lookup(
        &self,
        pkg: &Package,
        target: &Value,
        pattern: Option<&str>,
        is_imports: bool,
        mode: Mode,
    ) -> Result<Option<Option<Target>>, ResolveError> {
        match target {
            Value::String(t) => {
                let invalid = || {
                    // Node adds: the key (`KEY_MARK`), the importer (`FROM_MARK`), and for an
                    // export that is not `./`-relative, what targets must be.
                    let must = if !is_imports && !t.starts_with("./") {
                        "; targets must start with \"./\""
                    } else {
                        ""
                    };
                    ResolveError::new(
                        "ERR_INVALID_PACKAGE_TARGET",
                        format!(
                            "Invalid \"{}\" target {} defined{KEY_MARK} in the package config {}{FROM_MARK}{must}",
                            if is_imports { "imports" } else { "exports" },
                            serde_json::to_string(t).unwrap_or_default(),
                            display(&pkg.json_path)
                        ),
                    )
                };
                if !t.starts_with("./") {
                    if is_imports
                        && !t.starts_with("../")
                        && !t.starts_with('/')
                        && !t.contains(':')
                    {
                        let spec = match pattern {
                            Some(m) => t.replace('*', m),
                            None => t.clone(),
                        };
                        return Ok(Some(Some(Target::Bare(spec))));
                    }
                    return Err(invalid());
                }
                let bad_segment = |s: &str| {
                    s.split(['/', '\\'])
                        .skip(1)
                        .any(|seg| seg == ".." || seg == "." || seg == "node_modules")
                };
                if bad_segment(t) {
                    return Err(invalid());
                }
                let resolved = match pattern {
                    Some(m) => {
                        if bad_segment(&format!("./{m}")) {
                            return Err(invalid());
                        }
                        t.replace('*', m)
                    }
                    None => t.clone(),
                };
                // The target is a URL relative to the package: escapes stand for what they encode,
                // except a `/` or `\\`, which may not be smuggled in.
                let lower = resolved.to_ascii_lowercase();
                if lower.contains("%2f") || lower.contains("%5c") {
                    let shown = pkg
                        .dir
                        .join(resolved.strip_prefix("./").unwrap_or(&resolved));
                    return Err(ResolveError::new(
                        "ERR_INVALID_MODULE_SPECIFIER",
                        format!(
                            "Invalid module \"{}\" must not include encoded \"/\" or \"\\\" characters{FROM_MARK}",
                            display(&shown)
                        ),
                    ));
                }
                let Some(decoded) = percent_decode(&resolved) else {
                    return Err(ResolveError::new(URI_MALFORMED, "URI malformed".into()));
                };
                Ok(Some(Some(Target::Path(normalize(&pkg.dir.join(decoded))))))
            }
            Value::Null => Ok(Some(None)),
            Value::Object(m) => {
                for (k, v) in m {
                    if mode.matches(k)
                        && let Some(r) = self.target_lookup(pkg, v, pattern, is_imports, mode)?
                    {
                        return Ok(Some(r));
                    }
                }
                Ok(None)
            }
            Value::Array(items) => {
                // The first that resolves; past that, the last invalid target's error, else
                // `null` if one was seen since.
                let mut last: Option<Result<(), ResolveError>> = None;
                for v in items {
                    match self.target_lookup(pkg, v, pattern, is_imports, mode) {
                        Ok(Some(Some(r))) => return Ok(Some(Some(r))),
                        Ok(Some(None)) => last = Some(Ok(())),
                        Ok(None) => {}
                        Err(e) if e.code == "ERR_INVALID_PACKAGE_TARGET" => last = Some(Err(e)),
                        Err(e) => return Err(e),
                    }
                }
                match last {
                    Some(Err(e)) => Err(e),
                    Some(Ok(())) => Ok(Some(None)),
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// `import(specifier)` from the module file `parent`.
    ///
    /// # Errors
    /// `ERR_MODULE_NOT_FOUND`, `ERR_UNSUPPORTED_DIR_IMPORT`, `ERR_PACKAGE_PATH_NOT_EXPORTED`,
    /// `ERR_UNKNOWN_BUILTIN_MODULE` and the package-config errors.
    pub fn import(&self, specifier: &str, parent: &Path) -> Result<Resolved, ResolveError> {
        self.import_marked(specifier, parent)
            .map_err(ResolveError::unmarked)
    }

    fn import_marked(&self, specifier: &str, parent: &Path) -> Result<Resolved, ResolveError> {
        if let Some(b) = builtin_name(specifier) {
            return Ok(Resolved::Builtin(b));
        }
        if specifier.starts_with("node:") {
            return Err(ResolveError::new(
                "ERR_UNKNOWN_BUILTIN_MODULE",
                format!("No such built-in module: {specifier}"),
            ));
        }
        let parent_dir = parent.parent().unwrap_or(Path::new("/"));
        // Paths and file: URLs are URLs to Node: a query or fragment is not part of the file
        // name, escapes are decoded, and an escaped `/` or `\` is refused.
        let url_path = if let Some(rest) = specifier.strip_prefix("file://") {
            Some(rest)
        } else if specifier.starts_with('/')
            || specifier.starts_with("./")
            || specifier.starts_with("../")
            || specifier == "."
            || specifier == ".."
        {
            Some(specifier)
        } else {
            None
        };
        let path_spec = match url_path {
            Some(raw) => {
                let raw = raw.split(['?', '#']).next().unwrap_or(raw);
                let lower = raw.to_ascii_lowercase();
                if lower.contains("%2f") || lower.contains("%5c") {
                    // Named by the path of the URL it resolves to, escapes as written.
                    let shown = url::Url::from_file_path(parent)
                        .ok()
                        .and_then(|base| base.join(specifier).ok())
                        .map_or_else(|| raw.to_string(), |u| u.path().to_string());
                    return Err(ResolveError::new(
                        "ERR_INVALID_MODULE_SPECIFIER",
                        format!(
                            "Invalid module \"{shown}\" must not include encoded \"/\" or \"\\\" characters imported from {}",
                            display(parent)
                        ),
                    ));
                }
                match percent_decode(raw) {
                    Some(p) => Some(p),
                    None => {
                        return Err(ResolveError::new(URI_MALFORMED, "URI malformed".into()));
                    }
                }
            }
            None => None,
        };
        if let Some(p) = path_spec {
            let target = normalize(&parent_dir.join(p));
            return self.finish_import(target, Some(parent));
        }
        if specifier.starts_with('#') {
            return self.package_imports(specifier, parent_dir, Mode::Import, Some(parent));
        }
        if specifier.contains(':') {
            let scheme = specifier.split(':').next().unwrap_or_default();
            return Err(ResolveError::new(
                "ERR_UNSUPPORTED_ESM_URL_SCHEME",
                format!(
                    "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '{scheme}:'"
                ),
            ));
        }
        if let Some(r) = self.self_reference(specifier, parent_dir, Mode::Import, Some(parent))? {
            return Ok(r);
        }
        let Some((name, subpath)) = split_package_name(specifier) else {
            return Err(ResolveError::new(
                "ERR_INVALID_MODULE_SPECIFIER",
                format!(
                    "Invalid module \"{specifier}\" is not a valid package name imported from {}",
                    display(parent)
                ),
            ));
        };
        for nm in node_modules_paths(parent_dir) {
            let pkg_dir = nm.join(name);
            if !self.fs.is_dir(&pkg_dir) {
                continue;
            }
            let pkg = self.read_package(&pkg_dir);
            if let Some(Package {
                json_path,
                invalid: Some(why),
                ..
            }) = &pkg
            {
                return Err(ResolveError::new(
                    "ERR_INVALID_PACKAGE_CONFIG",
                    format!(
                        "Invalid package config {} while importing \"{specifier}\" from {}. {why}",
                        display(json_path),
                        display(parent)
                    ),
                ));
            }
            if let Some(pkg) = &pkg
                && let Some(exports) = pkg.json.get("exports")
            {
                let r = self.exports_resolve(
                    pkg,
                    &format!(".{subpath}"),
                    exports,
                    Mode::Import,
                    Some(parent),
                )?;
                return self.finish_import(r, Some(parent));
            }
            if subpath.is_empty() {
                let r = self.legacy_main(&pkg_dir, pkg.as_ref(), parent)?;
                if let Resolved::File(f) = &r {
                    self.warn_legacy_main(&pkg_dir, pkg.as_ref(), f, parent);
                }
                return Ok(r);
            }
            return self.finish_import(normalize(&pkg_dir.join(&subpath[1..])), Some(parent));
        }
        Err(ResolveError::new(
            "ERR_MODULE_NOT_FOUND",
            format!(
                "Cannot find package '{name}' imported from {}",
                display(parent)
            ),
        ))
    }

    fn legacy_main(
        &self,
        dir: &Path,
        pkg: Option<&Package>,
        parent: &Path,
    ) -> Result<Resolved, ResolveError> {
        if let Some(main) = pkg.and_then(|p| p.json.get("main")).and_then(Value::as_str) {
            let m = normalize(&dir.join(main));
            let mut candidates = vec![m.clone()];
            for ext in [
                ".js",
                ".json",
                ".node",
                "/index.js",
                "/index.json",
                "/index.node",
            ] {
                let mut s = m.as_os_str().to_owned();
                s.push(ext);
                candidates.push(PathBuf::from(s));
            }
            if let Some(f) = candidates.into_iter().find(|p| self.fs.is_file(p)) {
                return Ok(Resolved::File(f));
            }
        }
        for f in ["index.js", "index.json", "index.node"] {
            let p = dir.join(f);
            if self.fs.is_file(&p) {
                return Ok(Resolved::File(p));
            }
        }
        Err(ResolveError::new(
            "ERR_MODULE_NOT_FOUND",
            format!(
                "Cannot find package '{}' imported from {}",
                display(dir),
                display(parent)
            ),
        ))
    }

    /// DEP0151: an `import` of a package whose main needed CommonJS's lookups (no main, or
    /// one without its extension) to be found.
    fn warn_legacy_main(&self, dir: &Path, pkg: Option<&Package>, found: &Path, parent: &Path) {
        // Only for an ES module: CommonJS found that way is CommonJS's own lookup.
        let is_module = match self.format(found) {
            Format::Module => true,
            // Without a declared type, a file is an ES module when it uses module syntax
            // (a line starting with `import` or `export`) and parses as one.
            Format::Ambiguous => self.fs.read_to_string(found).is_some_and(|source| {
                source.lines().any(|l| {
                    let l = l.trim_start();
                    l.starts_with("import") || l.starts_with("export")
                }) && super::detect_module(&source)
            }),
            _ => false,
        };
        if !is_module {
            return;
        }
        let main = pkg
            .and_then(|p| p.json.get("main"))
            .and_then(Value::as_str)
            .filter(|m| !m.is_empty());
        let rel = found.strip_prefix(dir).unwrap_or(found);
        let message = match main {
            Some(m) if normalize(&dir.join(m)) == found => return,
            Some(m) => format!(
                "Package {}/ has a \"main\" field set to \"{m}\", excluding the full filename and extension to the resolved file at \"{}\", imported from {}.\n Automatic extension resolution of the \"main\" field is deprecated for ES modules.",
                display(dir),
                display(rel),
                display(parent)
            ),
            None => format!(
                "No \"main\" or \"exports\" field defined in the package.json for {}/ resolving the main entry point \"{}\", imported from {}.\nDefault \"index\" lookups for the main are deprecated for ES modules.",
                display(dir),
                display(rel),
                display(parent)
            ),
        };
        self.deprecations.borrow_mut().push(("DEP0151", message));
    }

    fn finish_import(
        &self,
        target: PathBuf,
        parent: Option<&Path>,
    ) -> Result<Resolved, ResolveError> {
        let from = parent
            .map(|p| format!(" imported from {}", display(p)))
            .unwrap_or_default();
        if self.fs.is_file(&target) {
            return Ok(Resolved::File(target));
        }
        if self.fs.is_dir(&target) {
            // What `require` would have loaded from the directory, as a hint.
            let hint = parent
                .and_then(|p| {
                    self.legacy_main(&target, self.read_package(&target).as_ref(), p)
                        .ok()
                })
                .and_then(|r| match r {
                    Resolved::File(f) => {
                        Some(format!("\nDid you mean to import \"{}\"?", display(&f)))
                    }
                    Resolved::Builtin(_) => None,
                })
                .unwrap_or_default();
            return Err(ResolveError::new(
                "ERR_UNSUPPORTED_DIR_IMPORT",
                format!(
                    "Directory import '{}' is not supported resolving ES modules{from}{hint}",
                    display(&target)
                ),
            )
            .at(&target));
        }
        Err(ResolveError::new(
            "ERR_MODULE_NOT_FOUND",
            format!("Cannot find module '{}'{from}", display(&target)),
        )
        .at(&target))
    }
}

enum Target {
    Path(PathBuf),
    Bare(String),
}

/// Splits `@scope/name/sub` into (`@scope/name`, `/sub`).
fn split_package_name(spec: &str) -> Option<(&str, &str)> {
    if spec.is_empty() || spec.starts_with('.') {
        return None;
    }
    let end = if spec.starts_with('@') {
        let first = spec.find('/')?;
        spec[first + 1..]
            .find('/')
            .map(|i| first + 1 + i)
            .unwrap_or(spec.len())
    } else {
        spec.find('/').unwrap_or(spec.len())
    };
    // The name itself may hold neither; the subpath is checked where it resolves.
    let name = &spec[..end];
    if name.contains('\\') || name.contains('%') {
        return None;
    }
    Some((name, &spec[end..]))
}

/// Node's PATTERN_KEY_COMPARE: longer prefix before the `*` first, then longer key.
fn pattern_key_compare(a: &str, b: &str) -> std::cmp::Ordering {
    let ab = a.find('*').map_or(a.len(), |i| i + 1);
    let bb = b.find('*').map_or(b.len(), |i| i + 1);
    bb.cmp(&ab).then(b.len().cmp(&a.len()))
}

/// The path a file URL's escapes stand for, decoded as `decodeURIComponent` does: `None` when a
/// `%` does not start two hex digits or the bytes are not UTF-8 (Node's `URI malformed`).
fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let hex_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_hexdigit);
    let well_formed = b
        .iter()
        .enumerate()
        .all(|(i, &c)| c != b'%' || (hex_at(i + 1) && hex_at(i + 2)));
    if !well_formed {
        return None;
    }
    percent_encoding::percent_decode_str(s)
        .decode_utf8()
        .ok()
        .map(|d| d.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Default)]
    struct MemFs(BTreeMap<PathBuf, String>);

    impl MemFs {
        fn with(files: &[(&str, &str)]) -> Self {
            Self(
                files
                    .iter()
                    .map(|(p, c)| (PathBuf::from(p), c.to_string()))
                    .collect(),
            )
        }
    }

    impl ResolveFs for MemFs {
        fn is_file(&self, p: &Path) -> bool {
            self.0.contains_key(p)
        }
        fn is_dir(&self, p: &Path) -> bool {
            self.0.keys().any(|k| k.starts_with(p) && k != p)
        }
        fn read_to_string(&self, p: &Path) -> Option<String> {
            self.0.get(p).cloned()
        }
    }

    fn req(fs: &MemFs, spec: &str) -> Result<Resolved, ResolveError> {
        Resolver::new(fs).require(
            spec,
            Path::new("/app"),
            Some(Path::new("/app/main.js")),
            None,
        )
    }

    fn imp(fs: &MemFs, spec: &str) -> Result<Resolved, ResolveError> {
        Resolver::new(fs).import(spec, Path::new("/app/main.mjs"))
    }

    fn file(p: &str) -> Result<Resolved, ResolveError> {
        Ok(Resolved::File(PathBuf::from(p)))
    }

    #[test]
    fn builtins_with_and_without_prefix() {
        let fs = MemFs::default();
        assert_eq!(req(&fs, "fs"), Ok(Resolved::Builtin("fs".into())));
        assert_eq!(
            req(&fs, "node:fs/promises"),
            Ok(Resolved::Builtin("fs/promises".into()))
        );
        assert_eq!(
            req(&fs, "node:test"),
            Ok(Resolved::Builtin("node:test".into()))
        );
        assert_eq!(
            req(&fs, "node:nope").unwrap_err().code,
            "ERR_UNKNOWN_BUILTIN_MODULE"
        );
        assert_eq!(req(&fs, "test").unwrap_err().code, "MODULE_NOT_FOUND");
    }

    #[test]
    fn relative_with_extension_probing_and_index() {
        let fs = MemFs::with(&[
            ("/app/a.js", ""),
            ("/app/b.json", "{}"),
            ("/app/lib/index.js", ""),
            ("/app/pkg/package.json", r#"{"main":"./src/entry"}"#),
            ("/app/pkg/src/entry.js", ""),
        ]);
        assert_eq!(req(&fs, "./a"), file("/app/a.js"));
        assert_eq!(req(&fs, "./b"), file("/app/b.json"));
        assert_eq!(req(&fs, "./lib"), file("/app/lib/index.js"));
        assert_eq!(req(&fs, "./lib/"), file("/app/lib/index.js"));
        assert_eq!(req(&fs, "./pkg"), file("/app/pkg/src/entry.js"));
        assert_eq!(req(&fs, "/app/a.js"), file("/app/a.js"));
        let e = req(&fs, "./missing").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            ("MODULE_NOT_FOUND", "Cannot find module './missing'")
        );
    }

    #[test]
    fn node_modules_walk_up_and_main() {
        let fs = MemFs::with(&[
            ("/node_modules/top/index.js", ""),
            (
                "/app/node_modules/dep/package.json",
                r#"{"main":"lib/dep.js"}"#,
            ),
            ("/app/node_modules/dep/lib/dep.js", ""),
            ("/app/node_modules/@s/p/index.js", ""),
            ("/app/node_modules/@s/p/extra.js", ""),
        ]);
        assert_eq!(req(&fs, "dep"), file("/app/node_modules/dep/lib/dep.js"));
        assert_eq!(req(&fs, "top"), file("/node_modules/top/index.js"));
        assert_eq!(req(&fs, "@s/p"), file("/app/node_modules/@s/p/index.js"));
        assert_eq!(
            req(&fs, "@s/p/extra"),
            file("/app/node_modules/@s/p/extra.js")
        );
    }

    #[test]
    fn module_paths_skip_node_modules_folders() {
        assert_eq!(
            node_modules_paths(Path::new("/a/node_modules/b")),
            vec![
                PathBuf::from("/a/node_modules/b/node_modules"),
                PathBuf::from("/a/node_modules"),
                PathBuf::from("/node_modules"),
            ]
        );
    }

    const EXPORTS_PKG: &str = r#"{
        "name": "ex",
        "exports": {
            ".": { "import": "./esm.mjs", "require": "./cjs.js" },
            "./feature": { "node": { "require": "./feat-node.js", "default": "./feat.mjs" }, "default": "./feat.js" },
            "./utils/*": "./src/utils/*.js",
            "./utils/*.mjs": "./src/m/*.mjs",
            "./private/*": null,
            "./arr": ["./missing-first.js", "./arr.js"],
            "./bad": "../outside.js"
        }
    }"#;

    fn exports_fs() -> MemFs {
        MemFs::with(&[
            ("/app/node_modules/ex/package.json", EXPORTS_PKG),
            ("/app/node_modules/ex/esm.mjs", ""),
            ("/app/node_modules/ex/cjs.js", ""),
            ("/app/node_modules/ex/feat-node.js", ""),
            ("/app/node_modules/ex/feat.mjs", ""),
            ("/app/node_modules/ex/src/utils/a.js", ""),
            ("/app/node_modules/ex/src/m/b.mjs", ""),
            ("/app/node_modules/ex/missing-first.js", ""),
            ("/app/node_modules/ex/arr.js", ""),
        ])
    }

    #[test]
    fn exports_conditions_follow_the_mode() {
        let fs = exports_fs();
        assert_eq!(req(&fs, "ex"), file("/app/node_modules/ex/cjs.js"));
        assert_eq!(imp(&fs, "ex"), file("/app/node_modules/ex/esm.mjs"));
        assert_eq!(
            req(&fs, "ex/feature"),
            file("/app/node_modules/ex/feat-node.js")
        );
        assert_eq!(
            imp(&fs, "ex/feature"),
            file("/app/node_modules/ex/feat.mjs")
        );
    }

    #[test]
    fn exports_patterns_null_and_arrays() {
        let fs = exports_fs();
        assert_eq!(
            req(&fs, "ex/utils/a"),
            file("/app/node_modules/ex/src/utils/a.js")
        );
        assert_eq!(
            imp(&fs, "ex/utils/b.mjs"),
            file("/app/node_modules/ex/src/m/b.mjs")
        );
        assert_eq!(
            req(&fs, "ex/arr"),
            file("/app/node_modules/ex/missing-first.js")
        );
        let e = req(&fs, "ex/private/x").unwrap_err();
        assert_eq!(e.code, "ERR_PACKAGE_PATH_NOT_EXPORTED");
        assert_eq!(
            e.message,
            "Package subpath './private/x' is not defined by \"exports\" in /app/node_modules/ex/package.json"
        );
        let e = imp(&fs, "ex/nope").unwrap_err();
        assert_eq!(
            e.message,
            "Package subpath './nope' is not defined by \"exports\" in /app/node_modules/ex/package.json imported from /app/main.mjs"
        );
        let e = req(&fs, "ex/bad").unwrap_err();
        assert_eq!(e.code, "ERR_INVALID_PACKAGE_TARGET");
        assert!(
            e.message.starts_with("Invalid \"exports\" target ")
                && e.message.contains(
                    " defined for './bad' in the package config /app/node_modules/ex/package.json"
                )
                && !e.message.contains(['\u{1}', '\u{2}']),
            "{}",
            e.message
        );
    }

    #[test]
    fn imports_and_self_reference() {
        let fs = MemFs::with(&[
            (
                "/app/package.json",
                r##"{"name":"me","exports":{"./x":"./lib/x.js"},"imports":{"#dep":{"node":"./lib/dep.js"},"#ext":"ext-pkg","#p/*":"./lib/p/*.js"}}"##,
            ),
            ("/app/lib/x.js", ""),
            ("/app/lib/dep.js", ""),
            ("/app/lib/p/q.js", ""),
            ("/app/node_modules/ext-pkg/index.js", ""),
        ]);
        assert_eq!(req(&fs, "#dep"), file("/app/lib/dep.js"));
        assert_eq!(req(&fs, "#p/q"), file("/app/lib/p/q.js"));
        assert_eq!(req(&fs, "#ext"), file("/app/node_modules/ext-pkg/index.js"));
        assert_eq!(imp(&fs, "#dep"), file("/app/lib/dep.js"));
        assert_eq!(req(&fs, "me/x"), file("/app/lib/x.js"));
        assert_eq!(
            req(&fs, "#nope").unwrap_err().code,
            "ERR_PACKAGE_IMPORT_NOT_DEFINED"
        );
        let fs = MemFs::with(&[(
            "/app/package.json",
            r##"{"imports":{"#up":"../outside.js"}}"##,
        )]);
        assert_eq!(
            imp(&fs, "#up").unwrap_err().message,
            "Invalid \"imports\" target \"../outside.js\" defined for '#up' in the package config /app/package.json imported from /app/main.mjs"
        );
    }

    #[test]
    fn require_of_a_hash_name_without_imports_looks_in_node_modules() {
        let fs = MemFs::with(&[
            ("/app/package.json", r#"{"name":"me"}"#),
            ("/app/node_modules/#legacy/index.js", ""),
        ]);
        assert_eq!(
            req(&fs, "#legacy"),
            file("/app/node_modules/#legacy/index.js")
        );
        assert_eq!(
            imp(&fs, "#legacy").unwrap_err().code,
            "ERR_PACKAGE_IMPORT_NOT_DEFINED"
        );
    }

    #[test]
    fn importing_a_main_found_by_commonjs_lookups_is_deprecated() {
        let fs = MemFs::with(&[
            ("/app/node_modules/a/package.json", r#"{"type":"module"}"#),
            ("/app/node_modules/a/index.js", ""),
            (
                "/app/node_modules/b/package.json",
                r#"{"main":"./lib/main"}"#,
            ),
            ("/app/node_modules/b/lib/main.js", "export default 1;\n"),
            ("/app/node_modules/c/package.json", r#"{"main":"./c.js"}"#),
            ("/app/node_modules/c/c.js", ""),
            // CommonJS found by those lookups is CommonJS's own business.
            ("/app/node_modules/d/index.js", "module.exports = 1;\n"),
        ]);
        let codes = |name: &str| {
            let r = Resolver::new(&fs);
            r.import(name, Path::new("/app/main.mjs")).unwrap();
            r.take_deprecations()
        };
        let a = codes("a");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].0, "DEP0151");
        assert!(a[0].1.starts_with("No \"main\" or \"exports\" field defined in the package.json for /app/node_modules/a/ resolving the main entry point \"index.js\", imported from /app/main.mjs."));
        let b = codes("b");
        assert!(b[0].1.starts_with("Package /app/node_modules/b/ has a \"main\" field set to \"./lib/main\", excluding the full filename and extension to the resolved file at \"lib/main.js\""));
        assert!(codes("c").is_empty());
        assert!(codes("d").is_empty());
        // `require` has always done these lookups.
        let r = Resolver::new(&fs);
        r.require("a", Path::new("/app"), None, None).unwrap();
        assert!(r.take_deprecations().is_empty());
    }

    #[test]
    fn an_invalid_package_json_is_an_import_error() {
        let fs = MemFs::with(&[
            ("/app/node_modules/bad/package.json", "{ \"invalid\" }"),
            ("/app/node_modules/bad/index.js", ""),
        ]);
        let e = imp(&fs, "bad").unwrap_err();
        assert_eq!(e.code, "ERR_INVALID_PACKAGE_CONFIG");
        assert!(e.message.starts_with(
            "Invalid package config /app/node_modules/bad/package.json while importing \"bad\" from /app/main.mjs. "
        ));
    }

    #[test]
    fn bare_names_fall_back_to_global_paths() {
        let fs = MemFs::with(&[
            ("/opt/lib/node/g/index.js", ""),
            ("/app/node_modules/g/index.js", ""),
            ("/opt/lib/node/only-global.js", ""),
        ]);
        let r = Resolver::new(&fs).with_global_paths(vec![PathBuf::from("/opt/lib/node")]);
        let from_app = |spec: &str| r.require(spec, Path::new("/app"), None, None);
        assert_eq!(from_app("g"), file("/app/node_modules/g/index.js"));
        assert_eq!(
            from_app("only-global"),
            file("/opt/lib/node/only-global.js")
        );
        assert_eq!(
            Resolver::new(&fs)
                .require("only-global", Path::new("/app"), None, None)
                .unwrap_err()
                .code,
            "MODULE_NOT_FOUND"
        );
    }

    #[test]
    fn esm_needs_exact_names() {
        let fs = MemFs::with(&[("/app/a.js", ""), ("/app/dir/index.js", "")]);
        assert_eq!(imp(&fs, "./a.js"), file("/app/a.js"));
        let e = imp(&fs, "./a").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str()),
            (
                "ERR_MODULE_NOT_FOUND",
                "Cannot find module '/app/a' imported from /app/main.mjs"
            )
        );
        assert_eq!(e.target, Some(PathBuf::from("/app/a")));
        let e = imp(&fs, "./dir").unwrap_err();
        assert_eq!(
            (e.code, e.message.as_str(), e.target),
            (
                "ERR_UNSUPPORTED_DIR_IMPORT",
                "Directory import '/app/dir' is not supported resolving ES modules imported from \
                 /app/main.mjs\nDid you mean to import \"/app/dir/index.js\"?",
                Some(PathBuf::from("/app/dir"))
            )
        );
        assert_eq!(imp(&fs, "nopkg").unwrap_err().target, None);
        assert_eq!(imp(&fs, "file:///app/a.js"), file("/app/a.js"));
        assert_eq!(imp(&fs, "./%61.js?query#hash"), file("/app/a.js"));
        assert_eq!(
            imp(&fs, "./x%2Fy.js").unwrap_err().code,
            "ERR_INVALID_MODULE_SPECIFIER"
        );
        // Escapes next to multi-byte characters, and escapes that are not UTF-8.
        for spec in [
            "./%2你.js",
            "./%你.js",
            "../%e4%bd.js",
            "./%+1.js",
            "./%ZZ.js",
            "./%",
        ] {
            assert_eq!(imp(&fs, spec).unwrap_err().code, URI_MALFORMED, "{spec}");
        }
        assert_eq!(
            imp(&fs, "./%e4%bd%a0好.js").unwrap_err().target,
            Some(PathBuf::from("/app/你好.js"))
        );
        let e = imp(&fs, "nopkg").unwrap_err();
        assert_eq!(
            e.message,
            "Cannot find package 'nopkg' imported from /app/main.mjs"
        );
    }

    #[test]
    fn format_from_extension_and_type() {
        let fs = MemFs::with(&[
            ("/m/package.json", r#"{"type":"module"}"#),
            ("/m/a.js", ""),
            ("/c/a.js", ""),
        ]);
        let r = Resolver::new(&fs);
        assert_eq!(r.format(Path::new("/m/a.js")), Format::Module);
        assert_eq!(r.format(Path::new("/m/a.cjs")), Format::CommonJs);
        assert_eq!(r.format(Path::new("/c/a.js")), Format::Ambiguous);
        assert_eq!(r.format(Path::new("/c/a.mjs")), Format::Module);
    }
}
