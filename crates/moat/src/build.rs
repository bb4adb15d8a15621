//! `moat build app.js -o app.wasm`: an app compiled into one self-contained WebAssembly module.
//!
//! The module graph is collected with the loader's own resolution (static `import`s as the
//! engine parses them, `require('x')` and `import('x')` with literal names, and files named
//! with `--include`), every module is compiled to bytecode as the loader would compile it,
//! and the files go into a read-only file system inside the module's memory, at the paths
//! they have here (`moat_runtime::sys::embedded`). The module is the sandbox guest with that
//! memory: `moat app.wasm` runs it under `--safe`'s grants.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use moat_runtime::loader::requires;
use moat_runtime::loader::resolve::{ResolveFs, Resolved, Resolver};
use moat_runtime::sys::embedded::{BundleFile, LOCATOR_MAGIC};

use crate::cli::BadOption;

const HELP: &str = "Usage: moat build <app.js | package-dir> [-o app.wasm] [--include GLOB]...

Compiles an app into one WebAssembly module: the moat runtime with the app's modules as
bytecode and its files in a read-only file system. Run it with `moat app.wasm [args]`.

Options:
  -o, --output <file>      where to write the module (default: the entry's name with .wasm)
  --include <glob>         also embed these files (for require() of computed names, assets);
                           relative to the working directory; can be repeated
  -q, --quiet              print nothing but warnings and errors
";

struct Args {
    entry: PathBuf,
    output: Option<PathBuf>,
    includes: Vec<String>,
    quiet: bool,
}

fn parse(args: &[String]) -> Result<Option<Args>> {
    let mut entry = None;
    let mut output = None;
    let mut includes = Vec::new();
    let mut quiet = false;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let opt = crate::cli::SubOption::at(a);
        let flag = opt.flag;
        match flag {
            "-h" | "--help" => return Ok(None),
            "-o" | "--output" => output = Some(PathBuf::from(opt.value(args, &mut i)?)),
            "--include" => includes.push(opt.value(args, &mut i)?),
            "-q" | "--quiet" => quiet = true,
            f if f.starts_with('-') && f.len() > 1 => {
                return Err(BadOption(format!("bad option: {a}")).into());
            }
            _ if entry.is_none() => entry = Some(PathBuf::from(a)),
            _ => return Err(BadOption(format!("unexpected argument: {a}")).into()),
        }
        i += 1;
    }
    let Some(entry) = entry else {
        return Err(BadOption("moat build needs an app: moat build app.js".into()).into());
    };
    Ok(Some(Args {
        entry,
        output,
        includes,
        quiet,
    }))
}

/// The file system as resolution sees it, remembering every `package.json` it reads: the
/// built app needs them to resolve the same way.
#[derive(Default)]
struct RecordingFs {
    read: std::cell::RefCell<BTreeSet<PathBuf>>,
}

impl ResolveFs for RecordingFs {
    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }
    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }
    fn read_to_string(&self, path: &Path) -> Option<String> {
        let text = std::fs::read_to_string(path).ok()?;
        self.read.borrow_mut().insert(path.to_path_buf());
        Some(text)
    }
}

/// Runs `moat build` with the arguments after `build`; returns the exit code.
pub fn run(args: &[String]) -> Result<i32> {
    let Some(args) = parse(args)? else {
        print!("{HELP}");
        return Ok(0);
    };
    let started = Instant::now();
    let wasm = build_app(&args.entry, &args.includes, args.quiet)?;
    let output = match &args.output {
        Some(p) => p.clone(),
        None => args.entry.with_extension("wasm"),
    };
    std::fs::write(&output, &wasm)
        .with_context(|| format!("failed to write `{}`", output.display()))?;
    if !args.quiet {
        eprintln!(
            "wrote {} in {}; run it with: moat {}",
            output.display(),
            ms(started.elapsed()),
            output.display()
        );
    }
    Ok(0)
}

/// The module of the app at `entry` (a file, or a package directory), with the files that
/// `includes` (globs) name; says what it does on stderr unless `quiet`.
///
/// # Errors
/// An app that cannot be found, read, resolved or compiled.
pub fn build_app(entry: &Path, includes: &[String], quiet: bool) -> Result<Vec<u8>> {
    let Some(guest) = crate::sandbox::GUEST_WASM else {
        bail!("this moat was built without the sandbox guest; build it with `scripts/build.sh`");
    };
    let Some((_, image)) = crate::sandbox::GUEST else {
        bail!("this moat was built without the sandbox guest; build it with `scripts/build.sh`");
    };
    let say = |line: String| {
        if !quiet {
            eprintln!("{line}");
        }
    };
    let cwd = std::env::current_dir().context("failed to read the working directory")?;
    let fs = RecordingFs::default();
    let resolver = Resolver::new(&fs);

    // The entry: a file, or a package directory through its package.json.
    let asked = cwd.join(entry);
    let entry = match resolver.require(&asked.to_string_lossy(), &cwd, None, None) {
        Ok(Resolved::File(p)) => canonical(&p)?,
        Ok(Resolved::Builtin(_)) | Err(_) => {
            bail!("cannot find the app `{}`", entry.display())
        }
    };
    say(format!("moat build {}", display(&entry, &cwd)));

    // The module graph.
    let step = Instant::now();
    let mut modules: BTreeSet<PathBuf> = BTreeSet::new();
    let mut queue: VecDeque<PathBuf> = VecDeque::from([entry.clone()]);
    let mut extra: BTreeSet<PathBuf> = BTreeSet::new();
    let mut links: BTreeMap<String, String> = BTreeMap::new();
    for pattern in includes {
        let full = if Path::new(pattern).is_absolute() {
            pattern.clone()
        } else {
            cwd.join(pattern).to_string_lossy().into_owned()
        };
        let paths = glob::glob(&full).with_context(|| format!("bad --include `{pattern}`"))?;
        let mut any = false;
        for p in paths.flatten().filter(|p| p.is_file()) {
            any = true;
            let p = canonical(&p)?;
            if is_module_file(&p) {
                queue.push_back(p);
            } else {
                extra.insert(p);
            }
        }
        if !any {
            eprintln!("moat build: warning: --include `{pattern}` matches no files");
        }
    }
    let compiler = moat_runtime::compile::Compiler::new().map_err(anyhow::Error::msg)?;
    let mut compiled: BTreeMap<PathBuf, BundleFile> = BTreeMap::new();
    let (mut source_bytes, mut code_bytes) = (0usize, 0usize);
    let mut compile_time = std::time::Duration::ZERO;
    while let Some(file) = queue.pop_front() {
        if modules.contains(&file) {
            continue;
        }
        if file.extension().is_some_and(|e| e == "node") {
            bail!(
                "{} is a native addon, which a built app cannot load",
                display(&file, &cwd)
            );
        }
        let format = resolver.format(&file);
        modules.insert(file.clone());
        let data =
            std::fs::read(&file).with_context(|| format!("failed to read `{}`", file.display()))?;
        let name = file
            .to_str()
            .with_context(|| format!("`{}` is not a UTF-8 path", file.display()))?
            .to_string();
        // A WebAssembly module: kept as it is; its imports are the app's too.
        if format == moat_runtime::loader::resolve::Format::Wasm
            || (file.extension().is_none() && data.starts_with(b"\0asm"))
        {
            let imports = moat_runtime::compile::wasm_imports(&data)
                .map_err(|e| anyhow::anyhow!("{e}"))
                .with_context(|| format!("{} does not compile", display(&file, &cwd)))?;
            for spec in &imports {
                follow_static(&resolver, spec, &file, &cwd, &mut queue, &mut links)?;
            }
            source_bytes += data.len();
            compiled.insert(
                file.clone(),
                BundleFile {
                    path: name,
                    data,
                    code: None,
                },
            );
            continue;
        }
        let Ok(source) = std::str::from_utf8(&data) else {
            bail!("{} is not UTF-8 text", display(&file, &cwd));
        };
        let t = Instant::now();
        let module = compiler
            .compile(&name, source, format)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .with_context(|| format!("{} does not compile", display(&file, &cwd)))?;
        compile_time += t.elapsed();
        source_bytes += data.len();
        let dir = file.parent().unwrap_or(Path::new("/"));
        if let Some(m) = &module {
            code_bytes += m.code.len();
            // Static imports: the app cannot link without them.
            for spec in &m.imports {
                follow_static(&resolver, spec, &file, &cwd, &mut queue, &mut links)?;
            }
            let found = requires::scan(source);
            let esm = m.kind == moat_runtime::sys::embedded::CodeKind::Module;
            for (spec, line) in found.requires {
                match resolver.require(&spec, dir, Some(&file), None) {
                    Ok(Resolved::File(p)) => queue.push_back(followed(&p, &mut links)?),
                    Ok(Resolved::Builtin(_)) => {}
                    // Often inside a try (an optional dependency): the app decides at run time.
                    Err(_) if !esm => eprintln!(
                        "moat build: warning: {}:{line}: require('{spec}') cannot be resolved; it will throw MODULE_NOT_FOUND if it runs",
                        display(&file, &cwd)
                    ),
                    Err(_) => {}
                }
            }
            for (spec, line) in found.imports {
                match resolver.import(&spec, &file) {
                    Ok(Resolved::File(p)) => queue.push_back(followed(&p, &mut links)?),
                    Ok(Resolved::Builtin(_)) => {}
                    Err(_) => eprintln!(
                        "moat build: warning: {}:{line}: import('{spec}') cannot be resolved; it will reject if it runs",
                        display(&file, &cwd)
                    ),
                }
            }
            for line in found.dynamic {
                eprintln!(
                    "moat build: warning: {}:{line}: require() of a computed name; embed the files it may load with --include GLOB",
                    display(&file, &cwd)
                );
            }
        }
        compiled.insert(
            file.clone(),
            BundleFile {
                path: name,
                data,
                code: module.map(|m| (m.kind, m.code)),
            },
        );
    }
    // The package.json files resolution read (their `type`, `main`, `exports` and
    // `imports` decide how the app resolves), and the other included files.
    for p in fs.read.borrow().iter().chain(&extra) {
        let p = followed(p, &mut links)?;
        if compiled.contains_key(&p) {
            continue;
        }
        let data =
            std::fs::read(&p).with_context(|| format!("failed to read `{}`", p.display()))?;
        let path = p
            .to_str()
            .with_context(|| format!("`{}` is not a UTF-8 path", p.display()))?
            .to_string();
        compiled.insert(
            p,
            BundleFile {
                path,
                data,
                code: None,
            },
        );
    }
    use moat_runtime::sys::embedded::CodeKind;
    let count = |k: Option<CodeKind>| {
        compiled
            .values()
            .filter(|f| modules.contains(Path::new(&f.path)))
            .filter(|f| f.code.as_ref().map(|c| c.0) == k)
            .count()
    };
    say(format!(
        "  modules   {} ({} CommonJS, {} ES, {} JSON), {} other files   {}",
        modules.len(),
        count(Some(CodeKind::CommonJs)),
        count(Some(CodeKind::Module)),
        count(None),
        compiled.len() - modules.len(),
        ms(step.elapsed())
    ));
    say(format!(
        "  bytecode  {} of source -> {} of bytecode   {}",
        size(source_bytes),
        size(code_bytes),
        ms(compile_time)
    ));

    // The module.
    let step = Instant::now();
    let entry_name = entry.to_string_lossy();
    let files: Vec<BundleFile> = compiled.into_values().collect();
    let links: Vec<(String, String)> = links.into_iter().collect();
    let root = entry.parent().unwrap_or(Path::new("/")).to_string_lossy();
    let bundle = moat_runtime::sys::embedded::encode(&entry_name, &root, &files, &links)
        .map_err(anyhow::Error::msg)?;
    let wasm = moat_sandbox::app::assemble(guest, image, &bundle, &LOCATOR_MAGIC)
        .context("failed to write the module")?;
    say(format!(
        "  module    {} ({} embedded, runtime {})   {}",
        size(wasm.len()),
        size(bundle.len()),
        size(wasm.len() - bundle.len()),
        ms(step.elapsed())
    ));
    Ok(wasm)
}

/// Queues what the static import `spec` of `file` resolves to: the app cannot link without it.
fn follow_static(
    resolver: &Resolver<RecordingFs>,
    spec: &str,
    file: &Path,
    cwd: &Path,
    queue: &mut VecDeque<PathBuf>,
    links: &mut BTreeMap<String, String>,
) -> Result<()> {
    match resolver.import(spec, file) {
        Ok(Resolved::File(p)) => queue.push_back(followed(&p, links)?),
        Ok(Resolved::Builtin(_)) => {}
        Err(e) => bail!(
            "{} imports `{spec}`, which cannot be resolved: {}",
            display(file, cwd),
            e.message
        ),
    }
    Ok(())
}

fn is_module_file(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("js" | "mjs" | "cjs" | "json" | "wasm")
    )
}

/// The real path of `p`, recording each symbolic link on the way to it (`node_modules/x`
/// linked elsewhere), so that the app finds the file by the same path it does here.
fn followed(p: &Path, links: &mut BTreeMap<String, String>) -> Result<PathBuf> {
    let mut dirs: Vec<&Path> = p.ancestors().collect();
    dirs.reverse();
    for d in dirs {
        if std::fs::symlink_metadata(d).is_ok_and(|m| m.file_type().is_symlink()) {
            let (Some(link), Some(target)) =
                (d.to_str(), canonical(d)?.to_str().map(str::to_string))
            else {
                bail!("`{}` is not a UTF-8 path", d.display());
            };
            links.insert(link.to_string(), target);
        }
    }
    canonical(p)
}

fn canonical(p: &Path) -> Result<PathBuf> {
    std::fs::canonicalize(p).with_context(|| format!("failed to resolve `{}`", p.display()))
}

/// A path as the user would write it from here.
fn display(p: &Path, cwd: &Path) -> String {
    p.strip_prefix(cwd)
        .map(|r| r.display().to_string())
        .unwrap_or_else(|_| p.display().to_string())
}

fn size(n: usize) -> String {
    match n {
        n if n >= 1 << 20 => format!("{:.1} MB", n as f64 / (1 << 20) as f64),
        n if n >= 1 << 10 => format!("{:.1} KB", n as f64 / (1 << 10) as f64),
        n => format!("{n} B"),
    }
}

fn ms(d: std::time::Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
