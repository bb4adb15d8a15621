//! Ahead-of-time compilation for `moat build`: an app's modules to QuickJS bytecode, exactly
//! as the loader would compile them at run time (the CommonJS wrapper, the module's path as
//! its name, the source kept for `Function.prototype.toString`), so that a built app reads
//! functions instead of parsing source (`sys::embedded`).

use rquickjs::{Context, Ctx, Runtime};

use crate::loader::resolve::Format;
use crate::loader::{CJS_WRAPPER_HEAD, is_esm_syntax, module_info, strip_shebang};
use crate::sys::embedded::CodeKind;

/// A compiled module.
pub struct Compiled {
    pub kind: CodeKind,
    pub code: Vec<u8>,
    /// An ES module's static import specifiers, in source order.
    pub imports: Vec<String>,
}

/// An engine kept for compiling one module after another.
pub struct Compiler {
    // Dropped after the context.
    context: Context,
    _runtime: Runtime,
}

impl Compiler {
    /// # Errors
    /// The engine does not start.
    pub fn new() -> Result<Self, String> {
        let runtime = Runtime::new().map_err(|e| format!("failed to start the engine: {e}"))?;
        // Compiling a module has the engine load what it imports; the requests are what the
        // bytecode keeps, so each may load as an empty stand-in.
        runtime.set_loader(StandIn, StandIn);
        let context =
            Context::full(&runtime).map_err(|e| format!("failed to create a context: {e}"))?;
        Ok(Compiler {
            context,
            _runtime: runtime,
        })
    }

    /// Compiles the module at `path` (its source and format as the loader sees them):
    /// `None` for JSON, which has no code.
    ///
    /// # Errors
    /// The syntax error, as the engine reports it (message and line).
    pub fn compile(
        &self,
        path: &str,
        source: &str,
        format: Format,
    ) -> Result<Option<Compiled>, String> {
        self.context.with(|ctx| {
            let kind = match format {
                Format::Json | Format::Wasm => return Ok(None),
                Format::CommonJs => CodeKind::CommonJs,
                Format::Module => CodeKind::Module,
                Format::Ambiguous if is_esm_syntax(&ctx, source) => CodeKind::Module,
                Format::Ambiguous => CodeKind::CommonJs,
            };
            let text = match kind {
                CodeKind::CommonJs => format!("{CJS_WRAPPER_HEAD}{}\n}})", strip_shebang(source)),
                CodeKind::Module => strip_shebang(source),
            };
            let code = compile_text(&ctx, path, &text, kind)?;
            let imports = match kind {
                CodeKind::Module => module_info::read(&code, rquickjs::qjs::JS_ATOM_END)
                    .map(|info| info.requests)
                    .unwrap_or_default(),
                CodeKind::CommonJs => Vec::new(),
            };
            Ok(Some(Compiled {
                kind,
                code,
                imports,
            }))
        })
    }
}

/// Resolves every import to itself and loads it as an empty module.
struct StandIn;

impl rquickjs::loader::Resolver for StandIn {
    fn resolve<'js>(
        &mut self,
        _: &Ctx<'js>,
        _: &str,
        name: &str,
        _: Option<rquickjs::loader::ImportAttributes<'js>>,
    ) -> rquickjs::Result<String> {
        Ok(name.to_string())
    }
}

impl rquickjs::loader::Loader for StandIn {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        _: Option<rquickjs::loader::ImportAttributes<'js>>,
    ) -> rquickjs::Result<rquickjs::Module<'js>> {
        rquickjs::Module::declare(ctx.clone(), name, "")
    }
}

fn compile_text(ctx: &Ctx<'_>, path: &str, text: &str, kind: CodeKind) -> Result<Vec<u8>, String> {
    use rquickjs::qjs;
    let src = std::ffi::CString::new(text).map_err(|_| format!("{path}: a NUL in the source"))?;
    let name = std::ffi::CString::new(path).map_err(|_| format!("{path}: a NUL in the path"))?;
    let flags = match kind {
        CodeKind::CommonJs => qjs::JS_EVAL_TYPE_GLOBAL,
        CodeKind::Module => qjs::JS_EVAL_TYPE_MODULE | qjs::JS_EVAL_FLAG_STRICT,
    } | qjs::JS_EVAL_FLAG_COMPILE_ONLY;
    // SAFETY: `src` and `name` are NUL-terminated and outlive the calls; the compiled function
    // or module is written out and freed, never run, and the buffer is copied and freed.
    unsafe {
        let c = ctx.as_raw().as_ptr();
        let f = qjs::JS_Eval(
            c,
            src.as_ptr(),
            text.len() as _,
            name.as_ptr(),
            flags as i32,
        );
        if qjs::JS_IsException(f) {
            let e = rquickjs::Value::from_raw(ctx.clone(), qjs::JS_GetException(c));
            let what = e
                .as_exception()
                .map(|x| {
                    // The stack's first frame is where the parser stopped (`at path:line:col`).
                    let at = x
                        .stack()
                        .and_then(|s| s.lines().next().map(|l| l.trim().to_string()))
                        .map(|l| format!(" ({l})"))
                        .unwrap_or_default();
                    format!("{}{at}", x.message().unwrap_or_default())
                })
                .unwrap_or_else(|| "does not compile".to_string());
            return Err(format!("{path}: {what}"));
        }
        let mut len = 0;
        let buf = qjs::JS_WriteObject(c, &mut len, f, qjs::JS_WRITE_OBJ_BYTECODE as i32);
        // A module stays registered with its runtime; a script function is freed here.
        qjs::JS_FreeValue(c, f);
        if buf.is_null() {
            return Err(format!("{path}: failed to write its bytecode"));
        }
        let out = std::slice::from_raw_parts(buf, len as usize).to_vec();
        qjs::js_free(c, buf.cast());
        Ok(out)
    }
}

/// The module names a WebAssembly module imports from, each once, in order: the specifiers it
/// imports as an ES module.
///
/// # Errors
/// The module does not parse.
pub fn wasm_imports(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        if let wasmparser::Payload::ImportSection(reader) = payload.map_err(|e| e.to_string())? {
            for import in reader {
                let import = import.map_err(|e| e.to_string())?;
                if !out.iter().any(|m| m == import.module) {
                    out.push(import.module.to_string());
                }
            }
        }
    }
    Ok(out)
}
