//! Embeds the JS halves of the built-in modules. Every file under `js/` becomes an entry of
//! `JS_SOURCES`, keyed by its path without `.js` (`internal/errors`, `fs/promises`), and is also
//! compiled here to QuickJS bytecode (`JS_BYTECODE`), so start-up reads functions instead of
//! parsing source. Bytecode is the same for the host and for wasm32-wasip1 (both little-endian,
//! one QuickJS version).
//!
//! The bytecode leaves out the functions' source text, a quarter of its size, which start-up
//! would otherwise read and keep. Without it `Function.prototype.toString` cannot tell a class,
//! so each module's top-level classes are registered with `internal/util/classes` for
//! `util.inspect`.

use std::path::Path;

fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("js/ is readable")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            walk(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "js") {
            let rel = p.strip_prefix(base).expect("under js/").with_extension("");
            out.push((
                rel.to_string_lossy().replace('\\', "/"),
                p.canonicalize().expect("path").display().to_string(),
            ));
        }
    }
}

/// The text each built-in is compiled as: the bootstrap as it stands, every other module
/// inside the built-in module wrapper (`modules::natives`).
fn wrapped(id: &str, source: &str) -> String {
    if id == "internal/bootstrap" {
        return source.to_string();
    }
    let classes: Vec<&str> = source
        .lines()
        .filter_map(|l| l.strip_prefix("class "))
        .map(|rest| {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|name| !name.is_empty())
        .collect();
    let register = if classes.is_empty() {
        String::new()
    } else {
        format!(
            "\n;require('internal/util/classes').register([{}]);",
            classes.join(", ")
        )
    };
    format!("(function (exports, require, module, internalBinding) {{{source}{register}\n}})")
}

fn compile(ctx: &rquickjs::Ctx<'_>, id: &str, text: &str) -> Vec<u8> {
    use rquickjs::qjs;
    let src = std::ffi::CString::new(text).expect("no NUL in JS sources");
    let name = std::ffi::CString::new(format!("node:{id}")).expect("no NUL in ids");
    let flags = (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
    // SAFETY: `src` and `name` are NUL-terminated and outlive the calls; the compiled function
    // is freed after it is written, and the buffer after it is copied.
    unsafe {
        let c = ctx.as_raw().as_ptr();
        let f = qjs::JS_Eval(c, src.as_ptr(), text.len() as _, name.as_ptr(), flags);
        if qjs::JS_IsException(f) {
            let e = rquickjs::Value::from_raw(ctx.clone(), qjs::JS_GetException(c));
            panic!(
                "js/{id}.js does not compile: {:?}",
                e.as_exception().map(|x| x.message())
            );
        }
        let mut len = 0;
        let flags = qjs::JS_WRITE_OBJ_BYTECODE | qjs::JS_WRITE_OBJ_STRIP_SOURCE;
        let buf = qjs::JS_WriteObject(c, &mut len, f, flags as i32);
        qjs::JS_FreeValue(c, f);
        assert!(!buf.is_null(), "js/{id}.js: bytecode could not be written");
        let bytes = std::slice::from_raw_parts(buf, len as usize).to_vec();
        qjs::js_free(c, buf.cast());
        bytes
    }
}

fn main() {
    let base = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("js");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    println!("cargo:rerun-if-changed={}", base.display());
    let mut files = Vec::new();
    walk(&base, &base, &mut files);
    let rt = rquickjs::Runtime::new().expect("a QuickJS runtime for the build");
    let context = rquickjs::Context::full(&rt).expect("a QuickJS context for the build");
    let mut sources = String::from("pub static JS_SOURCES: &[(&str, &str)] = &[\n");
    let mut bytecode = String::from("pub static JS_BYTECODE: &[(&str, &[u8])] = &[\n");
    context.with(|ctx| {
        for (id, path) in &files {
            println!("cargo:rerun-if-changed={path}");
            sources.push_str(&format!("    ({id:?}, include_str!({path:?})),\n"));
            let text = std::fs::read_to_string(path).expect("readable JS source");
            let bc = compile(&ctx, id, &wrapped(id, &text));
            let file = out_dir.join(format!("{}.qbc", id.replace('/', "__")));
            std::fs::write(&file, bc).expect("OUT_DIR is writable");
            bytecode.push_str(&format!(
                "    ({id:?}, include_bytes!({:?})),\n",
                file.display().to_string()
            ));
        }
    });
    sources.push_str("];\n");
    bytecode.push_str("];\n");
    std::fs::write(out_dir.join("js_sources.rs"), sources + &bytecode)
        .expect("OUT_DIR is writable");
}
