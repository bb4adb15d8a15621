//! Embeds the JS halves of the built-in modules: every file under `js/` becomes an entry of
//! `JS_SOURCES`, keyed by its path without `.js` (`internal/errors`, `fs/promises`).

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

fn main() {
    let base = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("js");
    println!("cargo:rerun-if-changed={}", base.display());
    let mut files = Vec::new();
    walk(&base, &base, &mut files);
    let mut code = String::from("pub static JS_SOURCES: &[(&str, &str)] = &[\n");
    for (id, path) in &files {
        println!("cargo:rerun-if-changed={path}");
        code.push_str(&format!("    ({id:?}, include_str!({path:?})),\n"));
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets it")).join("js_sources.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
