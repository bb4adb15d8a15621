//! Module loading: [`resolve`] (pure Node resolution) plus the rquickjs `Resolver` and `Loader`
//! that serve `import` and `import()` — ES modules from files, and synthetic ES modules that wrap
//! built-ins, CommonJS files and JSON.
//!
//! CommonJS `require` itself lives in JS (`js/internal/modules/cjs.js`) and reaches [`resolve`]
//! through the `loader` binding (`modules/loader.rs`).

pub mod cjs_exports;
pub mod esm_graph;
pub mod module_info;
pub mod requires;
pub mod resolve;

use std::path::{Path, PathBuf};

use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::{Ctx, Function, Module, Object, Runtime, module::Declared};

use moat_permissions::{CheckedPath, Permission};

use crate::js_errors::throw_code;
use crate::state::SharedState;
pub use esm_graph::EsmGraph;

/// The CommonJS wrapper's text before the module's first character.
pub const CJS_WRAPPER_HEAD: &str = "(function (exports, require, module, __filename, __dirname) { ";
use crate::sys;
use resolve::{Format, ResolveFs, Resolved};

/// The real file system, as resolution sees it. Like Node's resolver, it probes paths and reads
/// `package.json` files without a permission check; a module's own source is read through one
/// (`permissions::path`). In the sandbox the host's preopens bound what it can see.
pub struct StdFs;

impl ResolveFs for StdFs {
    fn is_file(&self, path: &Path) -> bool {
        sys::fs::is_file(&CheckedPath::unchecked(path))
    }
    fn is_dir(&self, path: &Path) -> bool {
        sys::fs::is_dir(&CheckedPath::unchecked(path))
    }
    /// Resolution reads only `package.json` files, and reads each once per run, found or not,
    /// as Node's package.json reader does.
    fn read_to_string(&self, path: &Path) -> Option<String> {
        let cached = PACKAGE_JSON.with(|c| c.borrow().get(path).cloned());
        cached.unwrap_or_else(|| {
            let text = sys::fs::read_to_string(&CheckedPath::unchecked(path)).ok();
            PACKAGE_JSON.with(|c| c.borrow_mut().insert(path.to_path_buf(), text.clone()));
            text
        })
    }
}

thread_local! {
    /// `package.json` contents by path (`None`: no such file), for [`StdFs`].
    static PACKAGE_JSON: std::cell::RefCell<std::collections::HashMap<std::path::PathBuf, Option<String>>> =
        std::cell::RefCell::default();
    /// Real paths of resolved modules, as Node keeps its `realpathCache` for the run.
    static REAL_PATHS: std::cell::RefCell<std::collections::HashMap<std::path::PathBuf, std::path::PathBuf>> =
        std::cell::RefCell::default();
}

/// The real path of a resolved module file (`p` itself when it has none).
pub fn module_realpath(p: std::path::PathBuf) -> std::path::PathBuf {
    if let Some(real) = REAL_PATHS.with(|c| c.borrow().get(&p).cloned()) {
        return real;
    }
    let real = sys::fs::realpath(&CheckedPath::unchecked(&p)).unwrap_or_else(|_| p.clone());
    REAL_PATHS.with(|c| c.borrow_mut().insert(p, real.clone()));
    real
}

pub fn install(rt: &Runtime, state: SharedState) {
    rt.set_loader(
        EsmResolver {
            state: state.clone(),
        },
        EsmLoader { state },
    );
}

/// Loads (declares) the ES module file `path` and, as QuickJS does on declaring, the graph
/// under it, without running any of it. For `require()`, which must refuse a graph with
/// top-level `await` before anything in it runs.
pub fn declare_for_require<'js>(
    ctx: &Ctx<'js>,
    state: &SharedState,
    path: &str,
) -> rquickjs::Result<()> {
    if state.esm_graph.borrow().knows(path) {
        return Ok(());
    }
    EsmLoader {
        state: state.clone(),
    }
    .load(ctx, path, None)
    .map(drop)
}

/// The file an importer stands for: a module's own path, or `cwd/[eval]` for code without one.
fn parent_path(base: &str) -> PathBuf {
    if base.starts_with('/') {
        return PathBuf::from(base);
    }
    let cwd = sys::cwd().unwrap_or_else(|_| PathBuf::from("/"));
    cwd.join(if base.is_empty() || base.starts_with("node:") {
        "[eval]"
    } else {
        base
    })
}

/// `file://` URL of an absolute path, percent-encoding what URLs must.
pub fn file_url(path: &str) -> String {
    url::Url::from_file_path(path)
        .map(|u| u.to_string())
        .unwrap_or_else(|_| format!("file://{path}"))
}

thread_local! {
    /// `--preserve-symlinks`: imports keep the path they were found at (set at each start).
    pub static PRESERVE_SYMLINKS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub use resolve::set_user_conditions;

/// Resolves an import specifier, throwing Node's error on failure.
pub fn resolve_import<'js>(ctx: &Ctx<'js>, base: &str, name: &str) -> rquickjs::Result<String> {
    if name.starts_with("data:") {
        return Ok(name.to_string());
    }
    let parent = parent_path(base);
    let resolver = resolve::Resolver::new(&StdFs);
    let result = resolver.import(name, &parent);
    for (code, message) in resolver.take_deprecations() {
        deprecate(ctx, code, &message)?;
    }
    match result {
        Ok(Resolved::Builtin(b)) => Ok(if b.starts_with("node:") {
            b
        } else {
            format!("node:{b}")
        }),
        // A module is known by its real path, as Node's (without --preserve-symlinks): two links
        // to one file are one module, and its format is the real file's.
        Ok(Resolved::File(p)) => Ok(if PRESERVE_SYMLINKS.get() {
            p
        } else {
            module_realpath(p)
        }
        .to_string_lossy()
        .into_owned()),
        Err(e) if e.code == resolve::URI_MALFORMED => Err(uri_malformed(ctx, &parent, name)),
        Err(e) => {
            // A path or file: URL is named as written (escapes, query and fragment kept),
            // resolved against the importing module; a package's file by its path.
            let written = (name.starts_with("file:")
                || name.starts_with('/')
                || name.starts_with("./")
                || name.starts_with("../"))
            .then(|| {
                url::Url::parse(&file_url(&parent.to_string_lossy())).and_then(|u| u.join(name))
            })
            .and_then(Result::ok);
            let extra = e.target.as_ref().map(|t| {
                let url = written
                    .as_ref()
                    .map_or_else(|| file_url(&t.to_string_lossy()), |u| u.to_string());
                ("url", url)
            });
            let ctor = match e.code {
                "ERR_INVALID_MODULE_SPECIFIER" | "ERR_PACKAGE_IMPORT_NOT_DEFINED" => "TypeError",
                _ => "Error",
            };
            Err(throw_code(ctx, ctor, e.code, &e.message, extra))
        }
    }
}

/// Where the module customization hooks sit in `loader_hooks`: present only while a hook is
/// registered (`module.registerHooks`), so that loading without hooks never calls into JS.
const HOOK_RESOLVE: usize = 5;
const HOOK_LOAD: usize = 6;

/// The JS function at `which` of `loader_hooks`, when it is there.
fn module_hook<'js>(
    ctx: &Ctx<'js>,
    state: &SharedState,
    which: usize,
) -> rquickjs::Result<Option<Function<'js>>> {
    let hook = state.loader_hooks.borrow().get(which).cloned();
    hook.map(|h| h.restore(ctx)).transpose()
}

/// Import attributes as a plain object, for hooks (without the engine's source phase mark).
fn attributes_object<'js>(
    ctx: &Ctx<'js>,
    attributes: Option<&ImportAttributes<'js>>,
) -> rquickjs::Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    if let Some(a) = attributes {
        for key in a.keys() {
            let key = key?;
            if key != SOURCE_PHASE_KEY {
                o.set(&key, a.get(&key)?)?;
            }
        }
    }
    Ok(o)
}

/// [`resolve_import`] through the resolve hooks while any is registered: the name of the
/// module (a file's path, `node:` and a built-in's id, or another URL a hook gave).
pub fn resolve_import_hooked<'js>(
    ctx: &Ctx<'js>,
    state: &SharedState,
    base: &str,
    name: &str,
    attributes: Option<&ImportAttributes<'js>>,
) -> rquickjs::Result<String> {
    resolve_hooked(ctx, state, base, name, attributes, false)
}

/// With `for_meta` (`import.meta.resolve`), a file that does not exist resolves to its URL.
fn resolve_hooked<'js>(
    ctx: &Ctx<'js>,
    state: &SharedState,
    base: &str,
    name: &str,
    attributes: Option<&ImportAttributes<'js>>,
    for_meta: bool,
) -> rquickjs::Result<String> {
    match module_hook(ctx, state, HOOK_RESOLVE)? {
        Some(hook) => hook.call((name, base, attributes_object(ctx, attributes)?, for_meta)),
        None => resolve_import(ctx, base, name),
    }
}

/// Node's `URIError` for a specifier whose escapes do not decode, with the URL it resolved to
/// (`input`) and the importing module's URL (`module`).
fn uri_malformed(ctx: &Ctx<'_>, parent: &Path, name: &str) -> rquickjs::Error {
    let module = file_url(&parent.to_string_lossy());
    let input = url::Url::parse(&module)
        .and_then(|u| u.join(name))
        .map_or_else(|_| name.to_string(), String::from);
    let build = || -> rquickjs::Result<rquickjs::Value<'_>> {
        let ctor: Function = ctx.globals().get("URIError")?;
        let e: Object = ctor.call(("URI malformed",))?;
        crate::js_errors::define(&e, "input", input.as_str())?;
        crate::js_errors::define(&e, "module", module.as_str())?;
        Ok(e.into_value())
    };
    match build() {
        Ok(v) => ctx.throw(v),
        Err(e) => e,
    }
}

/// Emits a `DeprecationWarning` through `process.emitWarning`, as Node does for each code once.
pub(crate) fn deprecate(ctx: &Ctx<'_>, code: &str, message: &str) -> rquickjs::Result<()> {
    let process: Object = ctx.globals().get("process")?;
    let emit: Function = process.get("emitWarning")?;
    emit.call::<_, ()>((
        rquickjs::function::This(process),
        message,
        "DeprecationWarning",
        code,
    ))
}

/// Resolution for `import`: a specifier that resolved once from a module resolves the same
/// way again, as Node caches it (an import of a file deleted since gives the loaded module).
struct EsmResolver {
    state: SharedState,
}

/// The import attribute the engine gives a source phase import's module request
/// (`import source x from 'm'`, `import.source(m)`; engine patch 0007).
const SOURCE_PHASE_KEY: &str = "\u{1}phase";
/// The start of the name a module's source phase is loaded under: its source object is a
/// module of its own, apart from the module's instance.
const SOURCE_PHASE_PREFIX: &str = "source-phase:";

fn is_source_phase(attributes: Option<&ImportAttributes<'_>>) -> bool {
    attributes.is_some_and(|a| {
        a.keys()
            .any(|k| k.is_ok_and(|k: String| k == SOURCE_PHASE_KEY))
    })
}

impl Resolver for EsmResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        attributes: Option<ImportAttributes<'js>>,
    ) -> rquickjs::Result<String> {
        if is_source_phase(attributes.as_ref()) {
            let r = self.resolve(ctx, base, name, None)?;
            return Ok(format!("{SOURCE_PHASE_PREFIX}{r}"));
        }
        let key = (base.to_string(), name.to_string());
        // Resolve hooks are asked each time, as they may answer differently; not for what
        // built-in modules import (a module `require()` loads, for one).
        let hooked =
            self.state.loader_hooks.borrow().len() > HOOK_RESOLVE && !base.starts_with("node:");
        let cached = if hooked {
            None
        } else {
            self.state.esm_graph.borrow().resolved.get(&key).cloned()
        };
        // What `require()` of an ES module imports by the name it was loaded under (one a load
        // hook made up, with no file) is that module.
        let cached = cached.or_else(|| {
            (base.starts_with("node:")
                && !name.starts_with('/')
                && self.state.esm_graph.borrow().knows(name))
            .then(|| name.to_string())
        });
        let r = match cached {
            Some(r) => r,
            None => {
                let r = if hooked {
                    resolve_import_hooked(ctx, &self.state, base, name, attributes.as_ref())?
                } else {
                    resolve_import(ctx, base, name)?
                };
                let mut graph = self.state.esm_graph.borrow_mut();
                let deps = graph.deps.entry(key.0.clone()).or_default();
                if !deps.contains(&r) {
                    deps.push(r.clone());
                }
                graph.resolved.insert(key.clone(), r.clone());
                r
            }
        };
        let mut graph = self.state.esm_graph.borrow_mut();
        graph.imports_seen += 1;
        let seq = graph.imports_seen;
        graph.last_import.insert(r.clone(), (key, seq));
        Ok(r)
    }
}

struct EsmLoader {
    state: SharedState,
}

/// Node's syntax detection for files and strings with no declared type: code is an ES module
/// when it does not compile as CommonJS but does compile as a module (it has `import`,
/// `export`, `import.meta` or top-level `await`).
pub fn is_esm_syntax(ctx: &Ctx<'_>, source: &str) -> bool {
    use rquickjs::qjs;
    let wrapped = format!("{}{}\n}})", CJS_WRAPPER_HEAD, strip_shebang(source));
    let Ok(src) = std::ffi::CString::new(wrapped.as_str()) else {
        return false;
    };
    let flags = (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
    // SAFETY: `src` is NUL-terminated and outlives the call; the result is freed below.
    let compiled = unsafe {
        qjs::JS_Eval(
            ctx.as_raw().as_ptr(),
            src.as_ptr(),
            wrapped.len() as _,
            c"<detect>".as_ptr(),
            flags,
        )
    };
    // SAFETY: `compiled` is an owned value of this context.
    let compiled = unsafe { rquickjs::Value::from_raw(ctx.clone(), compiled) };
    if !compiled.is_exception() {
        return false;
    }
    let _ = ctx.catch();
    detect_module(source)
}

/// True when `source` parses as an ES module (QuickJS-ng's own check).
pub fn detect_module(source: &str) -> bool {
    // The parser wants a NUL after the input.
    let Ok(src) = std::ffi::CString::new(source) else {
        return false;
    };
    // SAFETY: `src` is NUL-terminated and outlives the call, which needs no context.
    unsafe { rquickjs::qjs::JS_DetectModule(src.as_ptr(), source.len() as _) }
}

/// The source of a synthetic module exporting `import.meta.__moatValue()` as default plus the
/// given names (any string: ES2022 allows `export { x as "any name" }`).
/// The source of a module whose exports are `names` of the value `import.meta.__moatValue()`
/// gives. With `live`, they are variables that `module.syncBuiltinESMExports()` sets again from
/// the value's own properties (a built-in module's).
fn synthetic_source(names: &[String], live: bool) -> String {
    let mut src =
        String::from("const __moat_m = import.meta.__moatValue();\nexport default __moat_m;\n");
    let mut sync = String::new();
    let mut exported = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, n) in names
        .iter()
        .filter(|n| n.as_str() != "default" && seen.insert(n.as_str()))
        .enumerate()
    {
        let key = serde_json::to_string(n).unwrap_or_default();
        let kind = if live { "let" } else { "const" };
        if n == "module.exports" {
            src.push_str(&format!("{kind} __moat_e{i} = __moat_m;\n"));
        } else {
            src.push_str(&format!(
                "{kind} __moat_e{i} = __moat_m == null ? undefined : __moat_m[{key}];\n"
            ));
            sync.push_str(&format!(
                "__moat_e{i} = Object.prototype.hasOwnProperty.call(__moat_m, {key}) ? __moat_m[{key}] : undefined;\n"
            ));
        }
        exported.push(format!("__moat_e{i} as {key}"));
    }
    if !exported.is_empty() {
        src.push_str(&format!("export {{ {} }};\n", exported.join(", ")));
    }
    if live && !sync.is_empty() {
        src.push_str(&format!("import.meta.__moatSync(() => {{\n{sync}}});\n"));
    }
    src
}

impl EsmLoader {
    /// Records what `require()` needs to know of an ES module just declared: whether it
    /// awaits at top level (its imports the resolver records).
    fn learn(&self, name: &str, m: &Module<'_, Declared>, source: &str) {
        // Without the word there is no await, and nothing to ask the engine.
        let tla = source.contains("await") && module_info::of(m).is_some_and(|i| i.tla);
        self.state
            .esm_graph
            .borrow_mut()
            .tla
            .insert(name.to_string(), tla);
    }

    fn hook<'js>(&self, ctx: &Ctx<'js>, which: usize) -> rquickjs::Result<Function<'js>> {
        let hooks = self.state.loader_hooks.borrow();
        let Some(h) = hooks.get(which).cloned() else {
            return Err(rquickjs::Exception::throw_internal(
                ctx,
                "module loader used before bootstrap",
            ));
        };
        h.restore(ctx)
    }

    fn synthetic<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        names: &[String],
        value: Function<'js>,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        self.synthetic_with(ctx, name, names, value, false)
    }

    /// A module whose default export is what `value()` gives and whose other exports are
    /// `names` of it; with `live` (a built-in module's ES face), exports that
    /// `module.syncBuiltinESMExports()` updates.
    fn synthetic_with<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        names: &[String],
        value: Function<'js>,
        live: bool,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let m = Module::declare(ctx.clone(), name, synthetic_source(names, live))?;
        let meta: Object = m.meta()?;
        meta.set("__moatValue", value)?;
        if live {
            let state = self.state.clone();
            meta.set(
                "__moatSync",
                Function::new(ctx.clone(), move |ctx: Ctx<'js>, f: Function<'js>| {
                    state
                        .builtin_syncs
                        .borrow_mut()
                        .push(rquickjs::Persistent::save(&ctx, f));
                })?,
            )?;
        }
        Ok(m)
    }
}

impl EsmLoader {
    /// A built-in module's ES face: its export names are its keys once loaded.
    fn load_builtin<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        id: &str,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let require_builtin = self.hook(ctx, 0)?;
        let id = if resolve::PREFIX_ONLY_BUILTINS.contains(&name) {
            name
        } else {
            id
        };
        let exports: rquickjs::Value = require_builtin.call((id,))?;
        let names: Vec<String> = match exports.as_object() {
            Some(o) => o.keys::<String>().collect::<rquickjs::Result<_>>()?,
            None => Vec::new(),
        };
        let getter = Function::new(ctx.clone(), {
            let exports = rquickjs::Persistent::save(ctx, exports);
            move |ctx: Ctx<'js>| exports.clone().restore(&ctx)
        })?;
        self.synthetic_with(ctx, name, &names, getter, true)
    }

    /// A module from the `{ format, source }` load hooks gave for `name` (the source a string,
    /// or bytes for WebAssembly).
    fn load_given<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        attributes: Option<&ImportAttributes<'js>>,
        given: &Object<'js>,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let format: String = given.get("format")?;
        let url = shown_url(name);
        let attr_type = check_attributes(ctx, name, attributes)?;
        if format != "json"
            && let Some(t) = &attr_type
        {
            return Err(incompatible(ctx, &url, t));
        }
        match format.as_str() {
            "builtin" => {
                let Some(id) = name.strip_prefix("node:") else {
                    return Err(throw_code::<()>(
                        ctx,
                        "Error",
                        "ERR_UNKNOWN_BUILTIN_MODULE",
                        &format!("No such built-in module: {name}"),
                        None,
                    ));
                };
                self.load_builtin(ctx, name, id)
            }
            "wasm" => {
                let bytes = crate::value::bytes_of(&given.get("source")?)?;
                self.load_wasm(ctx, name, &url, bytes)
            }
            "json" => {
                if attr_type.as_deref() != Some("json") {
                    return Err(throw_code::<()>(
                        ctx,
                        "TypeError",
                        "ERR_IMPORT_ATTRIBUTE_MISSING",
                        &format!("Module \"{url}\" needs an import attribute of \"type: json\""),
                        None,
                    ));
                }
                let source: String = given.get("source")?;
                let value = ctx.json_parse(source.trim_start_matches('\u{feff}'))?;
                let getter = Function::new(ctx.clone(), {
                    let value = rquickjs::Persistent::save(ctx, value);
                    move |ctx: Ctx<'js>| value.clone().restore(&ctx)
                })?;
                self.synthetic(ctx, name, &[], getter)
            }
            "commonjs" | "commonjs-typescript" => {
                let source: String = given.get("source")?;
                let mut names = cjs_exports::detect(&source).names;
                names.push("module.exports".to_string());
                let require_cjs = self.hook(ctx, 1)?;
                let path = name.to_string();
                let getter = Function::new(ctx.clone(), {
                    let f = rquickjs::Persistent::save(ctx, require_cjs);
                    move |ctx: Ctx<'js>| -> rquickjs::Result<rquickjs::Value<'js>> {
                        f.clone()
                            .restore(&ctx)?
                            .call((path.clone(), source.clone()))
                    }
                })?;
                self.synthetic(ctx, name, &names, getter)
            }
            "module" | "module-typescript" => {
                let source: String = given.get("source")?;
                let m = Module::declare(ctx.clone(), name, strip_shebang(&source))?;
                self.learn(name, &m, &source);
                if name.starts_with('/') {
                    let is_main = matches!(&self.state.options().entry, crate::Entry::File(p) if p.as_os_str() == name);
                    set_meta(ctx, &self.state, &m, name, is_main)?;
                } else {
                    set_url_meta(ctx, &self.state, &m, name)?;
                }
                Ok(m)
            }
            _ => Err(throw_code::<()>(
                ctx,
                "RangeError",
                "ERR_UNKNOWN_MODULE_FORMAT",
                &format!("Unknown module format: {format} for URL {url}"),
                None,
            )),
        }
    }
}

impl Loader for EsmLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        attributes: Option<ImportAttributes<'js>>,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        if let Some(target) = name.strip_prefix(SOURCE_PHASE_PREFIX) {
            return self.load_source_phase(ctx, name, target);
        }
        if let Some(hook) = module_hook(ctx, &self.state, HOOK_LOAD)? {
            let given: Option<Object> =
                hook.call((name, attributes_object(ctx, attributes.as_ref())?))?;
            if let Some(given) = given {
                return self.load_given(ctx, name, attributes.as_ref(), &given);
            }
        }
        if name.starts_with("data:") {
            return self.load_data_url(ctx, name, attributes.as_ref());
        }
        if !name.starts_with('/') && !name.starts_with("node:") {
            // A URL a resolve hook gave, which no load hook (any longer) supplies.
            let scheme = name.split_once(':').map_or("", |(s, _)| s);
            return Err(throw_code::<()>(
                ctx,
                "Error",
                "ERR_UNSUPPORTED_ESM_URL_SCHEME",
                &format!(
                    "Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '{scheme}:'"
                ),
                None,
            ));
        }
        let attr_type = check_attributes(ctx, name, attributes.as_ref())?;
        if let Some(id) = name.strip_prefix("node:") {
            if let Some(t) = attr_type {
                return Err(incompatible(ctx, name, &t));
            }
            return self.load_builtin(ctx, name, id);
        }
        let path = Path::new(name);
        // `import` knows its formats by extension; a file without one is JavaScript.
        if let Some(ext) = path.extension().and_then(|e| e.to_str())
            && !matches!(ext, "js" | "mjs" | "cjs" | "json" | "wasm")
        {
            return Err(throw_code::<()>(
                ctx,
                "TypeError",
                "ERR_UNKNOWN_FILE_EXTENSION",
                &format!("Unknown file extension \".{ext}\" for {name}"),
                None,
            ));
        }
        let checked = crate::permissions::path(ctx, &self.state, Permission::FsRead, name)?;
        let format = resolve::Resolver::new(&StdFs).format(path);
        let url = file_url(name);
        // A `.wasm` file, or an extensionless one that starts as WebAssembly does.
        if format == Format::Wasm || path.extension().is_none() {
            let bytes = sys::fs::read(&checked)
                .map_err(|e| crate::js_errors::throw_uv(ctx, &e, "open", Some(name), None))?;
            if format == Format::Wasm || bytes.starts_with(b"\0asm") {
                if let Some(t) = &attr_type {
                    return Err(incompatible(ctx, &url, t));
                }
                return self.load_wasm(ctx, name, &url, bytes);
            }
        }
        let source = sys::fs::read_to_string(&checked)
            .map_err(|e| crate::js_errors::throw_uv(ctx, &e, "open", Some(name), None))?;
        if format != Format::Json
            && let Some(t) = &attr_type
        {
            return Err(incompatible(ctx, &url, t));
        }
        match format {
            Format::Json => {
                if attr_type.as_deref() != Some("json") {
                    return Err(throw_code::<()>(
                        ctx,
                        "TypeError",
                        "ERR_IMPORT_ATTRIBUTE_MISSING",
                        &format!("Module \"{url}\" needs an import attribute of \"type: json\""),
                        None,
                    ));
                }
                // The same object `require` gives: Node's JSON modules share the CommonJS cache.
                self.load_through_require(ctx, name, &[])
            }
            Format::CommonJs => self.load_cjs(ctx, name, &source),
            // Loaded above, from its bytes.
            Format::Wasm => Err(rquickjs::Exception::throw_internal(
                ctx,
                "unreachable: wasm",
            )),
            Format::Ambiguous if !is_esm_syntax(ctx, &source) => self.load_cjs(ctx, name, &source),
            Format::Module | Format::Ambiguous => {
                if format == Format::Ambiguous {
                    self.hook(ctx, 2)?.call::<_, ()>((name,))?;
                }
                use crate::sys::embedded::{CodeKind, code_for};
                let m = match code_for(name, &source, CodeKind::Module) {
                    // SAFETY: bytecode `moat build` wrote with this engine (see
                    // `script::eval_bytecode`), static for the run.
                    Some(code) => unsafe { Module::load(ctx.clone(), code)? },
                    None => Module::declare(ctx.clone(), name, strip_shebang(&source))?,
                };
                self.learn(name, &m, &source);
                let is_main = matches!(&self.state.options().entry, crate::Entry::File(p) if p.as_os_str() == name);
                set_meta(ctx, &self.state, &m, name, is_main)?;
                Ok(m)
            }
        }
    }
}

/// Node accepts one import attribute, `type`, with the value `json`; returns it.
/// A module's name as errors show it: a file as its URL.
fn shown_url(name: &str) -> String {
    if name.starts_with('/') {
        file_url(name)
    } else {
        name.to_string()
    }
}

/// Node knows one import attribute, `type`; any other is refused before the module's format
/// is looked at.
fn check_attribute_keys<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    attributes: Option<&ImportAttributes<'js>>,
) -> rquickjs::Result<()> {
    let Some(a) = attributes else { return Ok(()) };
    for key in a.keys() {
        let key = key?;
        if key != "type" && key != SOURCE_PHASE_KEY {
            let value: String = a.get(&key)?.unwrap_or_default();
            return Err(throw_code::<()>(
                ctx,
                "TypeError",
                "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
                &format!(
                    "Import attribute \"{key}\" with value \"{value}\" is not supported in {}",
                    shown_url(name)
                ),
                None,
            ));
        }
    }
    Ok(())
}

fn check_attributes<'js>(
    ctx: &Ctx<'js>,
    name: &str,
    attributes: Option<&ImportAttributes<'js>>,
) -> rquickjs::Result<Option<String>> {
    check_attribute_keys(ctx, name, attributes)?;
    let Some(a) = attributes else { return Ok(None) };
    let t = a.get_type()?;
    if let Some(t) = &t
        && t != "json"
    {
        let shown = shown_url(name);
        return Err(throw_code::<()>(
            ctx,
            "TypeError",
            "ERR_IMPORT_ATTRIBUTE_UNSUPPORTED",
            &format!("Import attribute \"type\" with value \"{t}\" is not supported in {shown}"),
            None,
        ));
    }
    Ok(t)
}

fn incompatible(ctx: &Ctx<'_>, url: &str, t: &str) -> rquickjs::Error {
    throw_code::<()>(
        ctx,
        "TypeError",
        "ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE",
        &format!("Module \"{url}\" is not of type \"{t}\""),
        None,
    )
}

/// A `data:` URL's MIME type and decoded body.
fn parse_data_url(url: &str) -> Option<(String, String)> {
    let rest = url.strip_prefix("data:")?;
    let (meta, body) = rest.split_once(',')?;
    let base64 = meta.ends_with(";base64");
    let mime = meta
        .trim_end_matches(";base64")
        .split(';')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let decoded: Vec<u8> = percent_encoding::percent_decode_str(body).collect();
    let bytes = if base64 {
        crate::base64::decode(&String::from_utf8_lossy(&decoded))
    } else {
        decoded
    };
    Some((mime, String::from_utf8_lossy(&bytes).into_owned()))
}

impl EsmLoader {
    /// `data:text/javascript,…` is a module; `data:application/json,…` JSON (with the `type`
    /// attribute); other types are an unknown format.
    fn load_data_url<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        attributes: Option<&ImportAttributes<'js>>,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let Some((mime, body)) = parse_data_url(name) else {
            return Err(throw_code::<()>(
                ctx,
                "TypeError",
                "ERR_INVALID_URL",
                "Invalid URL",
                None,
            ));
        };
        match mime.as_str() {
            "text/javascript" | "application/javascript" => {
                if let Some(t) = check_attributes(ctx, name, attributes)? {
                    return Err(incompatible(ctx, name, &t));
                }
                let m = Module::declare(ctx.clone(), name, body.as_str())?;
                self.learn(name, &m, &body);
                set_data_meta(ctx, &self.state, &m, name)?;
                Ok(m)
            }
            "application/json" => {
                if check_attributes(ctx, name, attributes)?.as_deref() != Some("json") {
                    return Err(throw_code::<()>(
                        ctx,
                        "TypeError",
                        "ERR_IMPORT_ATTRIBUTE_MISSING",
                        &format!("Module \"{name}\" needs an import attribute of \"type: json\""),
                        None,
                    ));
                }
                let literal = serde_json::to_string(&body).unwrap_or_default();
                Module::declare(
                    ctx.clone(),
                    name,
                    format!("export default JSON.parse({literal});"),
                )
            }
            _ => {
                check_attribute_keys(ctx, name, attributes)?;
                Err(throw_code::<()>(
                    ctx,
                    "RangeError",
                    "ERR_UNKNOWN_MODULE_FORMAT",
                    &format!("Unknown module format: {mime} for URL {name}"),
                    None,
                ))
            }
        }
    }

    /// A WebAssembly module as an ES module: the JS half (`internal/wasm`) compiles it; the
    /// module made here imports each of its import specifiers' namespaces, has the JS half
    /// instantiate it with them, and exports what the instance exports.
    fn load_wasm<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        url: &str,
        bytes: Vec<u8>,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let compile = self.hook(ctx, 3)?;
        let array = rquickjs::TypedArray::<u8>::new(ctx.clone(), bytes)?;
        let info: Object = compile.call((array, url))?;
        let specifiers: Vec<String> = info.get("specifiers")?;
        let exports: Vec<String> = info.get("exportNames")?;
        let instantiate: Function = info.get("instantiate")?;
        let m = Module::declare(
            ctx.clone(),
            name,
            wasm_module_source(name, &specifiers, &exports),
        )?;
        let meta: Object = m.meta()?;
        meta.set("instantiate", instantiate)?;
        self.state
            .esm_graph
            .borrow_mut()
            .tla
            .insert(name.to_string(), false);
        Ok(m)
    }

    /// The source phase of the module `target` (its name as loaded for evaluation): a module
    /// whose default export is its source object. Only WebAssembly modules have one (a
    /// `WebAssembly.Module`, compiled, not instantiated); for others it is node's SyntaxError.
    fn load_source_phase<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        target: &str,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let path = Path::new(target);
        let url = if target.starts_with('/') {
            file_url(target)
        } else {
            target.to_string()
        };
        let not_defined = || {
            rquickjs::Exception::throw_syntax(
                ctx,
                &format!("Source phase import object is not defined for module '{url}'"),
            )
        };
        if !target.starts_with('/') {
            return Err(not_defined());
        }
        let format = resolve::Resolver::new(&StdFs).format(path);
        if format != Format::Wasm && path.extension().is_some() {
            return Err(not_defined());
        }
        let checked = crate::permissions::path(ctx, &self.state, Permission::FsRead, target)?;
        let bytes = sys::fs::read(&checked)
            .map_err(|e| crate::js_errors::throw_uv(ctx, &e, "open", Some(target), None))?;
        if format != Format::Wasm && !bytes.starts_with(b"\0asm") {
            return Err(not_defined());
        }
        let compile = self.hook(ctx, 4)?;
        let array = rquickjs::TypedArray::<u8>::new(ctx.clone(), bytes)?;
        let source: rquickjs::Value = compile.call((array, url.as_str()))?;
        let getter = Function::new(ctx.clone(), {
            let source = rquickjs::Persistent::save(ctx, source);
            move |ctx: Ctx<'js>| source.clone().restore(&ctx)
        })?;
        self.synthetic(ctx, name, &[], getter)
    }

    fn load_cjs<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        source: &str,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let mut names = cjs_export_names(Path::new(name), source, 0);
        // Node 24 also exports the whole `module.exports` under that name.
        names.push("module.exports".to_string());
        self.load_through_require(ctx, name, &names)
    }

    /// A module whose default export is what CommonJS `require` gives for the file, and whose
    /// other exports are `names` of that.
    fn load_through_require<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        names: &[String],
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let require_cjs = self.hook(ctx, 1)?;
        let path = name.to_string();
        let getter = Function::new(ctx.clone(), {
            let f = rquickjs::Persistent::save(ctx, require_cjs);
            move |ctx: Ctx<'js>| -> rquickjs::Result<rquickjs::Value<'js>> {
                f.clone().restore(&ctx)?.call((path.clone(),))
            }
        })?;
        self.synthetic(ctx, name, names, getter)
    }
}

/// Export names of a CommonJS file, following `module.exports = require(…)` re-exports.
fn cjs_export_names(path: &Path, source: &str, depth: usize) -> Vec<String> {
    let found = cjs_exports::detect(source);
    let mut names = found.names;
    if depth >= 8 {
        return names;
    }
    let dir = path.parent().unwrap_or(Path::new("/"));
    for spec in found.reexports {
        let Ok(Resolved::File(file)) =
            resolve::Resolver::new(&StdFs).require(&spec, dir, Some(path), None)
        else {
            continue;
        };
        if file
            .extension()
            .is_some_and(|e| e == "json" || e == "mjs" || e == "node")
        {
            continue;
        }
        if let Some(src) = StdFs.read_to_string(&file) {
            for n in cjs_export_names(&file, &src, depth + 1) {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
    }
    names
}

/// A `#!` first line becomes a comment, keeping line numbers.
pub fn strip_shebang(source: &str) -> String {
    if let Some(rest) = source.strip_prefix("#!") {
        format!("//{rest}")
    } else {
        source.to_string()
    }
}

/// The source of the ES module that stands for a WebAssembly module (see
/// [`EsmLoader::load_wasm`]). Every name is a JSON string literal, so no name can be code.
fn wasm_module_source(name: &str, specifiers: &[String], exports: &[String]) -> String {
    let lit = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut src = String::new();
    // The module's own namespace identifies it to the wasm modules that import its globals.
    src.push_str(&format!("import * as __self from {};\n", lit(name)));
    for (i, spec) in specifiers.iter().enumerate() {
        src.push_str(&format!("import * as __ns{i} from {};\n", lit(spec)));
    }
    let namespaces: Vec<String> = (0..specifiers.len()).map(|i| format!("__ns{i}")).collect();
    src.push_str(&format!(
        "const __exports = import.meta.instantiate([{}], __self);\n",
        namespaces.join(", ")
    ));
    for (i, e) in exports.iter().enumerate() {
        src.push_str(&format!(
            "const __e{i} = __exports[{}];\nexport {{ __e{i} as {} }};\n",
            lit(e),
            lit(e)
        ));
    }
    src
}

fn set_meta<'js>(
    ctx: &Ctx<'js>,
    state: &SharedState,
    m: &Module<'js, Declared>,
    name: &str,
    is_main: bool,
) -> rquickjs::Result<()> {
    let meta: Object = m.meta()?;
    let path = Path::new(name);
    // Node's key order: dirname, filename, main, resolve, url.
    meta.set(
        "dirname",
        path.parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )?;
    meta.set("filename", name)?;
    // `import.meta.main`: true in the entry point only.
    meta.set("main", is_main)?;
    let base = name.to_string();
    let state = state.clone();
    meta.set(
        "resolve",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, spec: String| -> rquickjs::Result<String> {
                // Paths and URLs resolve against the module's URL without touching the disk, as
                // in Node; packages and `#imports` go through full resolution.
                let is_path = spec.starts_with("./")
                    || spec.starts_with("../")
                    || spec.starts_with('/')
                    || spec.contains(':');
                // Resolve hooks see every specifier.
                let hooked = state.loader_hooks.borrow().len() > HOOK_RESOLVE;
                if is_path
                    && !hooked
                    && !spec.starts_with("node:")
                    && let Some(u) = url::Url::from_file_path(&base)
                        .ok()
                        .and_then(|b| b.join(&spec).ok())
                {
                    return Ok(u.to_string());
                }
                resolve_to_url(&ctx, &state, &base, &spec)
            },
        )?,
    )?;
    meta.set("url", file_url(name))?;
    Ok(())
}

/// `import.meta.resolve`'s answer: what `spec` resolves to from `base`, a file as its URL.
fn resolve_to_url(
    ctx: &Ctx<'_>,
    state: &SharedState,
    base: &str,
    spec: &str,
) -> rquickjs::Result<String> {
    let r = resolve_hooked(ctx, state, base, spec, None, true)?;
    Ok(if r.starts_with('/') { file_url(&r) } else { r })
}

/// `import.meta` of a module a load hook made up under a URL that is no file: `main`,
/// `resolve` and `url`.
fn set_url_meta<'js>(
    ctx: &Ctx<'js>,
    state: &SharedState,
    m: &Module<'js, Declared>,
    name: &str,
) -> rquickjs::Result<()> {
    let meta: Object = m.meta()?;
    meta.set("main", false)?;
    let base = name.to_string();
    let state = state.clone();
    meta.set(
        "resolve",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, spec: String| -> rquickjs::Result<String> {
                resolve_to_url(&ctx, &state, &base, &spec)
            },
        )?,
    )?;
    meta.set("url", name)?;
    Ok(())
}

/// `import.meta` of a `data:` module: `main`, `resolve` and `url`, as Node gives it. Nothing
/// resolves relative to such a URL.
fn set_data_meta<'js>(
    ctx: &Ctx<'js>,
    state: &SharedState,
    m: &Module<'js, Declared>,
    name: &str,
) -> rquickjs::Result<()> {
    let meta: Object = m.meta()?;
    meta.set("main", false)?;
    let base = name.to_string();
    let state = state.clone();
    meta.set(
        "resolve",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, spec: String| -> rquickjs::Result<String> {
                if spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/') {
                    return Err(throw_code::<()>(
                        &ctx,
                        "TypeError",
                        "ERR_UNSUPPORTED_RESOLVE_REQUEST",
                        &format!(
                            "Failed to resolve module specifier \"{spec}\" from \"{base}\": Invalid relative URL or base scheme is not hierarchical."
                        ),
                        None,
                    ));
                }
                resolve_to_url(&ctx, &state, "", &spec)
            },
        )?,
    )?;
    meta.set("url", name)?;
    Ok(())
}
