//! The `loader` binding: CommonJS resolution and compilation for `js/internal/modules/cjs.js`,
//! and the bridges between CommonJS and ES modules.

use std::path::{Path, PathBuf};

use rquickjs::promise::PromiseState;
use rquickjs::{Ctx, Function, Module, Object, Persistent, Result, Value};

use crate::js_errors::throw_code;
use crate::loader::CJS_WRAPPER_HEAD;
use crate::loader::resolve::{self, Format, Resolved};
use crate::loader::{StdFs, detect_module, is_esm_syntax, resolve_import, strip_shebang};
use crate::state::SharedState;

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>, state: &SharedState) -> Result<()> {
    let resolve_st = state.clone();
    o.set(
        "resolveRequire",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  request: String,
                  parent: Option<String>,
                  paths: Option<Vec<String>>,
                  extensions: Vec<String>,
                  global_paths: Vec<String>,
                  conditions: Option<Vec<String>>|
                  -> Result<String> {
                let parent_path = parent.as_deref().map(Path::new);
                let cwd = crate::sys::cwd().unwrap_or_else(|_| PathBuf::from("/"));
                let parent_dir = parent_path
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .unwrap_or(cwd);
                let paths: Option<Vec<PathBuf>> =
                    paths.map(|p| p.into_iter().map(PathBuf::from).collect());
                let resolver = resolve::Resolver::new(&StdFs)
                    .with_extensions(extensions)
                    .with_global_paths(global_paths.into_iter().map(PathBuf::from).collect());
                let result = resolve::with_conditions(conditions, || {
                    resolver.require(&request, &parent_dir, parent_path, paths.as_deref())
                });
                for (code, message) in resolver.take_deprecations() {
                    crate::loader::deprecate(&ctx, code, &message)?;
                }
                match result {
                    Ok(Resolved::Builtin(b)) => Ok(if b.starts_with("node:") {
                        b
                    } else {
                        format!("node:{b}")
                    }),
                    Ok(Resolved::File(p)) => {
                        // A module is known by its real path, as in Node, unless
                        // --preserve-symlinks (--preserve-symlinks-main for the entry point).
                        let flag = if parent.is_none() {
                            "--preserve-symlinks-main"
                        } else {
                            "--preserve-symlinks"
                        };
                        let p = if resolve_st.options().flags.iter().any(|f| f == flag) {
                            p
                        } else {
                            crate::loader::module_realpath(p)
                        };
                        Ok(p.to_string_lossy().into_owned())
                    }
                    Err(e) => Err(throw_code::<()>(&ctx, "Error", e.code, &e.message, None)),
                }
            },
        )?,
    )?;
    o.set(
        "format",
        Function::new(ctx.clone(), |path: String| -> &'static str {
            match resolve::Resolver::new(&StdFs).format(Path::new(&path)) {
                Format::CommonJs => "commonjs",
                Format::Module => "module",
                Format::Json => "json",
                Format::Wasm => "wasm",
                Format::Ambiguous => "ambiguous",
            }
        })?,
    )?;
    o.set("wrapperHeadLength", CJS_WRAPPER_HEAD.len())?;
    o.set(
        "typelessPackageJson",
        Function::new(ctx.clone(), |path: String| -> Option<String> {
            resolve::Resolver::new(&StdFs)
                .typeless_package_json(Path::new(&path))
                .map(|p| p.to_string_lossy().into_owned())
        })?,
    )?;
    o.set(
        "moduleTypePackageJson",
        Function::new(ctx.clone(), |path: String| -> Option<String> {
            resolve::Resolver::new(&StdFs)
                .module_type_package_json(Path::new(&path))
                .map(|p| p.to_string_lossy().into_owned())
        })?,
    )?;
    let graph_state = state.clone();
    o.set(
        "importedAs",
        Function::new(
            ctx.clone(),
            move |shown_name: String| -> Option<Vec<String>> {
                let graph = graph_state.esm_graph.borrow();
                let (target, importer, spec) = graph.last_import_of(&shown_name)?;
                // A file that is neither an ES module nor JSON was loaded as CommonJS.
                let cjs = target.starts_with('/')
                    && !graph.knows(target)
                    && resolve::Resolver::new(&StdFs).format(Path::new(target)) != Format::Json;
                Some(vec![
                    spec.to_string(),
                    if cjs { "commonjs" } else { "module" }.to_string(),
                    importer.to_string(),
                ])
            },
        )?,
    )?;
    let graph_state = state.clone();
    o.set(
        "isEsModule",
        Function::new(ctx.clone(), move |name: String| {
            graph_state.esm_graph.borrow().knows(&name)
        })?,
    )?;
    o.set(
        "isEsmSyntax",
        Function::new(ctx.clone(), |ctx: Ctx<'js>, src: String| {
            is_esm_syntax(&ctx, &src)
        })?,
    )?;
    o.set(
        "checkModule",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, source: String, name: String| -> Result<()> {
                // A source that parses as a module passes; for one that does not, compiling it
                // here throws its SyntaxError (the parse fails before any import is loaded).
                if detect_module(&source) {
                    return Ok(());
                }
                Module::declare(ctx, name, strip_shebang(&source)).map(drop)
            },
        )?,
    )?;
    o.set(
        "detectModule",
        Function::new(ctx.clone(), |src: String| detect_module(&src))?,
    )?;
    o.set(
        "nodeModulePaths",
        Function::new(ctx.clone(), |dir: String| -> Vec<String> {
            resolve::node_modules_paths(Path::new(&dir))
                .into_iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect()
        })?,
    )?;
    o.set(
        "builtinModules",
        Function::new(ctx.clone(), || -> Vec<&'static str> {
            resolve::BUILTINS
                .iter()
                .chain(resolve::PREFIX_ONLY_BUILTINS)
                .copied()
                .collect()
        })?,
    )?;
    o.set(
        "compileFunction",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, source: String, filename: String| -> Result<Value<'js>> {
                // A built app's modules come compiled (`moat build`).
                use crate::sys::embedded::{CodeKind, code_for};
                if let Some(code) = code_for(&filename, &source, CodeKind::CommonJs) {
                    return crate::script::eval_bytecode(&ctx, code);
                }
                // The wrapper shares line 1 with the module's code; stack traces take its width
                // off line-1 columns (`js/internal/error_stack.js`).
                let wrapped = format!("{CJS_WRAPPER_HEAD}{}\n}})", strip_shebang(&source));
                crate::script::eval_script(&ctx, &wrapped, &filename)
            },
        )?,
    )?;
    o.set(
        "checkScript",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, source: String, filename: String| -> Result<()> {
                crate::script::check_script(&ctx, &source, &filename)
            },
        )?,
    )?;
    o.set(
        "evalScript",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, source: String, filename: String| -> Result<Value<'js>> {
                crate::script::eval_script(&ctx, &source, &filename)
            },
        )?,
    )?;
    o.set(
        "evalModule",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, source: String, name: String| -> Result<rquickjs::Promise<'js>> {
                let m = Module::declare(ctx.clone(), name, source)?;
                let (_, p) = m.eval()?;
                Ok(p)
            },
        )?,
    )?;
    let import_st = state.clone();
    o.set(
        "importModule",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  specifier: String,
                  base: String|
                  -> Result<rquickjs::Promise<'js>> {
                let resolved = crate::loader::resolve_import_hooked(
                    &ctx, &import_st, &base, &specifier, None,
                )?;
                Module::import(&ctx, resolved)
            },
        )?,
    )?;
    let req_state = state.clone();
    o.set(
        "requireModule",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>, path: String, parent: Option<String>| -> Result<Value<'js>> {
            let async_error = |ctx: &Ctx<'js>| {
                let from = parent.as_ref().map(|p| format!("\n  From {p} ")).unwrap_or_default();
                throw_code::<()>(
                    ctx,
                    "Error",
                    "ERR_REQUIRE_ASYNC_MODULE",
                    &format!(
                        "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.{from}\n  Requiring {path} "
                    ),
                    None,
                )
            };
            // Load the whole graph first: one with top-level await is refused before any of it
            // runs, and again on every later require, as Node does.
            crate::loader::declare_for_require(&ctx, &req_state, &path)?;
            if req_state.esm_graph.borrow().find_async(&path).is_some() {
                return Err(async_error(&ctx));
            }
            // SAFETY: the runtime pointer comes from a live context.
            let queue_was_empty =
                unsafe { !rquickjs::qjs::JS_IsJobPending(rquickjs::qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) };
            let promise = Module::import(&ctx, path.clone())?;
            // Its failure is thrown from here: the promise itself is handled.
            promise.catch()?.call::<_, ()>((rquickjs::function::This(promise.clone()), Function::new(ctx.clone(), || {})?))?;
            // QuickJS settles the import of a graph without top-level await after one job; one
            // with it takes more, even when its await finishes at once, and Node refuses both
            // alike. With other jobs already queued the count says nothing, so they all run.
            if queue_was_empty {
                ctx.execute_pending_job();
            } else {
                while promise.state() == PromiseState::Pending && ctx.execute_pending_job() {}
            }
            if promise.state() == PromiseState::Pending {
                return Err(async_error(&ctx));
            }
            if promise.state() == PromiseState::Rejected {
                // SAFETY: `promise` is a live promise of this context; the reason comes back owned.
                let reason = unsafe {
                    Value::from_raw(ctx.clone(), rquickjs::qjs::JS_PromiseResult(ctx.as_raw().as_ptr(), promise.as_raw()))
                };
                return Err(ctx.throw(reason));
            }
            promise.result::<Value>().unwrap_or_else(|| Ok(Value::new_undefined(ctx.clone())))
        })?,
    )?;
    let st = state.clone();
    o.set(
        "syncBuiltinESMExports",
        Function::new(ctx.clone(), move |ctx: Ctx<'js>| -> Result<()> {
            let syncs: Vec<_> = st.builtin_syncs.borrow().clone();
            for f in syncs {
                f.restore(&ctx)?.call::<_, ()>(())?;
            }
            Ok(())
        })?,
    )?;
    let st = state.clone();
    o.set(
        "setModuleHooks",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>, resolve: Option<Function<'js>>, load: Option<Function<'js>>| {
                // The ES loader calls module customization hooks only while they are set here
                // (after the five `setHooks` installs).
                let mut hooks = st.loader_hooks.borrow_mut();
                hooks.truncate(5);
                if let (Some(resolve), Some(load)) = (resolve, load) {
                    hooks.push(Persistent::save(&ctx, resolve));
                    hooks.push(Persistent::save(&ctx, load));
                }
            },
        )?,
    )?;
    o.set(
        "resolveImportDefault",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             base: String,
             specifier: String,
             conditions: Option<Vec<String>>|
             -> Result<String> {
                resolve::with_conditions(conditions, || resolve_import(&ctx, &base, &specifier))
            },
        )?,
    )?;
    o.set(
        "userConditions",
        Function::new(ctx.clone(), resolve::user_conditions)?,
    )?;
    let st = state.clone();
    o.set(
        "setHooks",
        Function::new(
            ctx.clone(),
            move |ctx: Ctx<'js>,
                  require_builtin: Function<'js>,
                  require_cjs: Function<'js>,
                  warn_typeless: Function<'js>,
                  compile_wasm: Function<'js>,
                  wasm_source: Function<'js>| {
                *st.loader_hooks.borrow_mut() = vec![
                    Persistent::save(&ctx, require_builtin),
                    Persistent::save(&ctx, require_cjs),
                    Persistent::save(&ctx, warn_typeless),
                    Persistent::save(&ctx, compile_wasm),
                    Persistent::save(&ctx, wasm_source),
                ];
            },
        )?,
    )?;
    Ok(())
}
