//! Module loading: [`resolve`] (pure Node resolution) plus the rquickjs `Resolver` and `Loader`
//! that serve `import` and `import()` — ES modules from files, and synthetic ES modules that wrap
//! built-ins, CommonJS files and JSON.
//!
//! CommonJS `require` itself lives in JS (`js/internal/modules/cjs.js`) and reaches [`resolve`]
//! through the `loader` binding (`modules/loader.rs`).

pub mod cjs_exports;
pub mod resolve;

use std::path::{Path, PathBuf};

use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::{Ctx, Function, Module, Object, Runtime, module::Declared};

use crate::engine::{SharedState, throw_code};
use crate::sys;
use resolve::{Format, ResolveFs, Resolved};

/// The real file system, as resolution sees it.
pub struct StdFs;

impl ResolveFs for StdFs {
    fn is_file(&self, path: &Path) -> bool {
        sys::fs::is_file(path)
    }
    fn is_dir(&self, path: &Path) -> bool {
        sys::fs::is_dir(path)
    }
    fn read_to_string(&self, path: &Path) -> Option<String> {
        sys::fs::read_to_string(path).ok()
    }
}

pub fn install(rt: &Runtime, state: SharedState) {
    rt.set_loader(EsmResolver, EsmLoader { state });
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

/// Resolves an import specifier, throwing Node's error on failure.
pub fn resolve_import<'js>(ctx: &Ctx<'js>, base: &str, name: &str) -> rquickjs::Result<String> {
    let parent = parent_path(base);
    match resolve::Resolver::new(&StdFs).import(name, &parent) {
        Ok(Resolved::Builtin(b)) => Ok(if b.starts_with("node:") {
            b
        } else {
            format!("node:{b}")
        }),
        Ok(Resolved::File(p)) => Ok(p.to_string_lossy().into_owned()),
        Err(e) => {
            let extra = (e.code == "ERR_MODULE_NOT_FOUND")
                .then(|| ("url", file_url(&parent.to_string_lossy())));
            let ctor = if e.code == "ERR_MODULE_NOT_FOUND" {
                "Error"
            } else {
                "TypeError"
            };
            Err(throw_code(ctx, ctor, e.code, &e.message, extra))
        }
    }
}

struct EsmResolver;

impl Resolver for EsmResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        _attributes: Option<ImportAttributes<'js>>,
    ) -> rquickjs::Result<String> {
        resolve_import(ctx, base, name)
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
    let wrapped = format!(
        "{}{}\n}})",
        crate::modules::CJS_WRAPPER_HEAD,
        strip_shebang(source)
    );
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

fn is_identifier(name: &str) -> bool {
    const RESERVED: &[&str] = &[
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "new",
        "null",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "let",
        "static",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
        "await",
        "arguments",
        "eval",
    ];
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        && !RESERVED.contains(&name)
}

/// The source of a synthetic module exporting `import.meta.__moatValue()` as default plus
/// the given names.
fn synthetic_source(names: &[String]) -> String {
    let mut src =
        String::from("const __moat_m = import.meta.__moatValue();\nexport default __moat_m;\n");
    let mut exported = Vec::new();
    for n in names.iter().filter(|n| is_identifier(n)) {
        src.push_str(&format!(
            "const __moat_e_{n} = __moat_m == null ? undefined : __moat_m.{n};\n"
        ));
        exported.push(format!("__moat_e_{n} as {n}"));
    }
    if !exported.is_empty() {
        src.push_str(&format!("export {{ {} }};\n", exported.join(", ")));
    }
    src
}

impl EsmLoader {
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
        let m = Module::declare(ctx.clone(), name, synthetic_source(names))?;
        let meta: Object = m.meta()?;
        meta.set("__moatValue", value)?;
        Ok(m)
    }
}

impl Loader for EsmLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        attributes: Option<ImportAttributes<'js>>,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        if let Some(id) = name.strip_prefix("node:") {
            // Built-in: its export names are its keys once loaded.
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
            return self.synthetic(ctx, name, &names, getter);
        }
        let path = Path::new(name);
        let source = sys::fs::read_to_string(path)
            .map_err(|e| crate::engine::throw_uv(ctx, &e, "open", Some(name), None))?;
        let format = resolve::Resolver::new(&StdFs).format(path);
        let attr_type = match &attributes {
            Some(a) => a.get_type()?,
            None => None,
        };
        let url = file_url(name);
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
                let literal = serde_json::to_string(&source).unwrap_or_default();
                Module::declare(
                    ctx.clone(),
                    name,
                    format!("export default JSON.parse({literal});"),
                )
            }
            Format::CommonJs => self.load_cjs(ctx, name, &source),
            Format::Ambiguous if !is_esm_syntax(ctx, &source) => self.load_cjs(ctx, name, &source),
            Format::Module | Format::Ambiguous => {
                if let Some(t) = attr_type {
                    return Err(throw_code::<()>(
                        ctx,
                        "TypeError",
                        "ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE",
                        &format!("Module \"{url}\" is not of type \"{t}\""),
                        None,
                    ));
                }
                let m = Module::declare(ctx.clone(), name, strip_shebang(&source))?;
                set_meta(ctx, &m, name)?;
                Ok(m)
            }
        }
    }
}

impl EsmLoader {
    fn load_cjs<'js>(
        &self,
        ctx: &Ctx<'js>,
        name: &str,
        source: &str,
    ) -> rquickjs::Result<Module<'js, Declared>> {
        let require_cjs = self.hook(ctx, 1)?;
        let names = cjs_exports::detect(source);
        let path = name.to_string();
        let getter = Function::new(ctx.clone(), {
            let f = rquickjs::Persistent::save(ctx, require_cjs);
            move |ctx: Ctx<'js>| -> rquickjs::Result<rquickjs::Value<'js>> {
                f.clone().restore(&ctx)?.call((path.clone(),))
            }
        })?;
        self.synthetic(ctx, name, &names, getter)
    }
}

/// A `#!` first line becomes a comment, keeping line numbers.
pub fn strip_shebang(source: &str) -> String {
    if let Some(rest) = source.strip_prefix("#!") {
        format!("//{rest}")
    } else {
        source.to_string()
    }
}

fn set_meta<'js>(ctx: &Ctx<'js>, m: &Module<'js, Declared>, name: &str) -> rquickjs::Result<()> {
    let meta: Object = m.meta()?;
    let path = Path::new(name);
    meta.set("url", file_url(name))?;
    meta.set("filename", name)?;
    meta.set(
        "dirname",
        path.parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )?;
    let base = name.to_string();
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
                if is_path
                    && !spec.starts_with("node:")
                    && let Some(u) = url::Url::from_file_path(&base)
                        .ok()
                        .and_then(|b| b.join(&spec).ok())
                {
                    return Ok(u.to_string());
                }
                let r = resolve_import(&ctx, &base, &spec)?;
                Ok(if r.starts_with('/') { file_url(&r) } else { r })
            },
        )?,
    )?;
    Ok(())
}
