//! `moat`: run Node programs natively, or inside the WebAssembly sandbox with `--safe`.
//!
//! `main` owns the exit codes: the program's own, 9 for a bad option (as node), 1 for an error
//! of moat's, and the sandbox's limit codes.

mod build;
mod cli;
#[cfg(all(target_env = "musl", target_arch = "x86_64"))]
mod mem;
mod run_script;
mod serve;

/// mimalloc serves moat's own allocations and the JS heap's (`moat_runtime`), where libc's
/// allocator would be slower: musl's much slower, for the many small blocks an interpreter and
/// wasmtime's module loading ask for.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;

use anyhow::{Context, Result};
use cli::{BadOption, Command, Config};
use moat_permissions::{Grants, Scope};
use std::path::PathBuf;

const HELP: &str = "Usage: moat [options] [ script.js ] [arguments]
       moat --run <script-in-package.json> [arguments]
       moat build <app.js | package-dir> [-o app.wasm]   (moat build --help)
       moat [grants] app.wasm [arguments]                (a built app, in the sandbox)
       moat serve <app.js | app.wasm> [--port n]         (moat serve --help)

Options:
  -                          script read from stdin (default if no file name is given)
  --                         indicate the end of moat options
  -e, --eval <code>          evaluate script
  -p, --print <code>         evaluate script and print result
  -c, --check                syntax check script without executing
  -r, --require <module>     CommonJS module to preload (option can be repeated)
  --import <module>          ES module to preload (option can be repeated)
  --input-type=<type>        set module type for string input (commonjs or module)
  --env-file=<file>          set environment variables from supplied file
  --run <script>             run a script specified in package.json
  -v, --version              print the Node.js version moat is compatible with
  -h, --help                 print this help

Sandbox:
  --safe                     run inside the WebAssembly sandbox (deny by default)
  --permission               enable the permission model natively
  --allow-fs-read=<paths>    allow reading these paths
  --allow-fs-write=<paths>   allow writing these paths
  --allow-net[=<hosts>]      allow network access
  --allow-env[=<names>]      allow reading environment variables
  --allow-child-process      allow spawning processes
  --allow-worker             allow worker threads
  --max-memory=<MB>          memory limit for --safe
  --max-cpu-time=<ms>        CPU-time limit for --safe
  --timeout=<ms>             wall-clock limit for --safe
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match real_main(&args) {
        Ok(code) => code,
        Err(e) => {
            if let Some(BadOption(opt)) = e.downcast_ref::<BadOption>() {
                eprintln!("{}: {opt}", argv0());
                9
            } else if let Some(moat_sandbox::SandboxError::Limit(limit)) =
                e.downcast_ref::<moat_sandbox::SandboxError>()
            {
                end_for_limit_code(*limit)
            } else {
                eprintln!("moat: {e:#}");
                1
            }
        }
    };
    // The OS keeps the low 8 bits, as a `u8` exit code would.
    moat_runtime::sys::exit(code)
}

/// What `--safe` prints when the program runs into one of its limits; the exit code to end with.
fn end_for_limit_code(limit: moat_sandbox::Limit) -> i32 {
    eprintln!("moat: {limit}");
    limit.exit_code()
}

/// Ends the process for a limit seen by the sandbox's watchdog thread.
fn end_for_limit(limit: moat_sandbox::Limit) -> ! {
    moat_runtime::sys::exit(end_for_limit_code(limit))
}

impl std::fmt::Display for BadOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadOption {}

fn argv0() -> String {
    std::env::args()
        .next()
        .unwrap_or_else(|| "moat".to_string())
}

fn real_main(args: &[String]) -> Result<i32> {
    match args.first().map(String::as_str) {
        Some("build") => return build::run(&args[1..]),
        Some("serve") => return serve::run(&args[1..]),
        _ => {}
    }
    let mut node_options = std::env::var("NODE_OPTIONS").unwrap_or_default();
    // NODE_PRESERVE_SYMLINKS=1 stands for --preserve-symlinks, as in Node.
    if std::env::var_os("NODE_PRESERVE_SYMLINKS").is_some_and(|v| v == "1") {
        node_options.push_str(" --preserve-symlinks");
    }
    match cli::parse(args, &node_options)? {
        // A closed stdout is no error for these (`moat -v | head -c0`).
        Command::Version => {
            let _ = writeln!(std::io::stdout(), "{}", moat_runtime::NODE_VERSION);
            Ok(0)
        }
        Command::Help => {
            let _ = write!(std::io::stdout(), "{HELP}");
            Ok(0)
        }
        Command::RunScript(name, rest) => run_script::run(&name, &rest),
        Command::Run(cfg) => run(*cfg),
    }
}

fn exec_path() -> String {
    std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| argv0())
}

fn env_file_vars(cfg: &Config) -> Result<Vec<(String, String)>> {
    let mut vars = Vec::new();
    for (path, optional) in &cfg.env_files {
        match std::fs::read_to_string(path) {
            Ok(text) => vars.extend(cli::parse_env_file(&text)),
            Err(_) if *optional => {}
            Err(e) => {
                return Err(e).with_context(|| format!("failed to read `{}`", path.display()));
            }
        }
    }
    Ok(vars)
}

fn run(cfg: Config) -> Result<i32> {
    let mut args = Vec::new();
    let entry = match &cfg.entry {
        moat_runtime::Entry::File(p) => {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            args.push(abs.to_string_lossy().into_owned());
            moat_runtime::Entry::File(abs)
        }
        other => other.clone(),
    };
    args.extend(cfg.script_args.iter().cloned());
    let mut options = moat_runtime::Options {
        entry,
        args,
        argv0: argv0(),
        exec_argv: cfg.exec_argv.clone(),
        flags: cfg.flags.clone(),
        exec_path: exec_path(),
        input_type: cfg.input_type,
        requires: cfg.requires.clone(),
        imports: cfg.imports.clone(),
        loaders: cfg.loaders.clone(),
        env_file_vars: env_file_vars(&cfg)?,
        sandboxed: cfg.safe,
        grants: None,
    };
    // A module `moat build` wrote runs in the sandbox, with what the flags grant; another
    // `.wasm` file is a WebAssembly module the program itself is, imported as node does.
    if let moat_runtime::Entry::File(path) = &options.entry
        && path.extension().is_some_and(|e| e == "wasm")
        && moat_sandbox::app::map_file(path).is_ok_and(moat_sandbox::app::is_app)
    {
        let path = path.clone();
        options.sandboxed = true;
        // Processes the app starts with its `process.execPath` and `execArgv` run sandboxed too.
        if !options.exec_argv.iter().any(|a| a == "--safe") {
            options.exec_argv.insert(0, "--safe".to_string());
        }
        options.grants = Some(resolved_grants(&cfg, &moat_runtime::Entry::Stdin)?);
        return sandbox::run(&cfg, &options, Some(&path));
    }
    if !cfg.safe && cfg.permission_model && !cfg.permission {
        // Node refuses `--allow-*` without the permission model it belongs to.
        eprintln!("TypeError [ERR_MISSING_OPTION]: --permission is required");
        return Ok(1);
    }
    if cfg.safe || cfg.permission {
        options.grants = Some(resolved_grants(&cfg, &options.entry)?);
    }
    if cfg.safe {
        return sandbox::run(&cfg, &options, None);
    }
    Ok(moat_runtime::run(options))
}

/// Where a granted path really is: symbolic links resolved where it exists (a check compares
/// real paths), made absolute against the working directory where it does not.
fn real_path(path: &std::path::Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The grants a run checks: the flags' paths resolved, plus what running the entry script
/// needs — under `--safe` its directory tree (so its own modules load), natively the script
/// itself, as in Node's permission model.
fn resolved_grants(cfg: &Config, entry: &moat_runtime::Entry) -> Result<Grants> {
    let resolve = |s: &Scope<PathBuf>| match s {
        Scope::Only(paths) => Scope::Only(paths.iter().map(|p| real_path(p)).collect()),
        other => other.clone(),
    };
    let mut grants = cfg.grants.clone();
    grants.fs_read = resolve(&grants.fs_read);
    grants.fs_write = resolve(&grants.fs_write);
    // The script is readable (under --safe, its directory). One that is not there grants
    // nothing: the run reports it as Node does (MODULE_NOT_FOUND).
    if let moat_runtime::Entry::File(path) = entry
        && let Ok(script) = std::fs::canonicalize(path)
    {
        let granted = if cfg.safe {
            script.parent().map(PathBuf::from).unwrap_or(script)
        } else {
            script
        };
        grants.grant_read(granted);
    }
    Ok(grants)
}

mod sandbox {
    //! `--safe`: the same program inside the wasmtime host. The grants become the guest's
    //! preopened directories and environment; nothing else reaches it.

    use super::*;
    use moat_sandbox::{Preopen, SandboxConfig};
    use std::path::Path;
    use std::time::Duration;

    include!(concat!(env!("OUT_DIR"), "/guest.rs"));

    /// Memory the guest may use unless `--max-memory` says otherwise.
    const DEFAULT_MAX_MEMORY_MB: u64 = 1024;

    /// A granted directory as the guest will see it. WASI opens directories only, so a file
    /// cannot be granted alone, and granting its directory instead would open more than asked.
    fn preopen(path: &Path, writable: bool) -> Result<Preopen> {
        let host = std::fs::canonicalize(path)
            .with_context(|| format!("failed to resolve `{}`", path.display()))?;
        if !host.is_dir() {
            anyhow::bail!(
                "--safe grants directories, and `{}` is not one; grant the directory it is in",
                path.display()
            );
        }
        Ok(Preopen { host, writable })
    }

    fn preopens(scope: &Scope<PathBuf>, writable: bool) -> Result<Vec<Preopen>> {
        match scope {
            Scope::None => Ok(Vec::new()),
            Scope::All => Ok(vec![Preopen {
                host: PathBuf::from("/"),
                writable,
            }]),
            Scope::Only(paths) => paths.iter().map(|p| preopen(p, writable)).collect(),
        }
    }

    /// Runs `options` in the sandbox: the program they name, or with `app`, the app the
    /// module `moat build` wrote there carries.
    /// The directories `grants` open to the guest. One granted for writing is preopened once,
    /// writable (which reads too).
    pub fn granted_dirs(grants: &Grants) -> Result<Vec<Preopen>> {
        let mut dirs = preopens(&grants.fs_write, true)?;
        for p in preopens(&grants.fs_read, false)? {
            if !dirs.iter().any(|d| d.host == p.host) {
                dirs.push(p);
            }
        }
        Ok(dirs)
    }

    pub fn run(cfg: &Config, options: &moat_runtime::Options, app: Option<&Path>) -> Result<i32> {
        let Some((code, image)) = GUEST else {
            anyhow::bail!(
                "this moat was built without the sandbox guest; build it with `scripts/build.sh` to use --safe"
            );
        };

        let cwd = std::env::current_dir().context("failed to read the working directory")?;
        let grants = options
            .grants
            .as_ref()
            .context("a sandboxed run has grants")?;
        let dirs = granted_dirs(grants)?;

        // `--env-file` values apply where the environment does not set the name already.
        let mut env: Vec<(String, String)> = std::env::vars().collect();
        for (k, v) in &options.env_file_vars {
            if !env.iter().any(|(name, _)| name == k) {
                env.push((k.clone(), v.clone()));
            }
        }
        env.retain(|(k, _)| grants.env_allowed(k));
        let mut record = moat_runtime::guest_config::GuestConfig::new(&cwd, options);
        let mut overlays: &'static [(usize, &'static [u8])] = &[];
        if let Some(path) = app {
            overlays = app_overlays(path)?;
            record.entry = moat_runtime::guest_config::GuestEntry::App;
            record.args.remove(0);
        }
        env.push(("MOAT_GUEST_CONFIG".to_string(), record.to_json()));

        let limits = &cfg.limits;
        let sandbox = SandboxConfig {
            args: vec!["moat".to_string()],
            env,
            preopens: dirs,
            max_memory: Some(
                (limits.max_memory_mb.unwrap_or(DEFAULT_MAX_MEMORY_MB) * 1024 * 1024) as usize,
            ),
            timeout: limits.timeout_ms.map(Duration::from_millis),
            max_cpu_time: limits.max_cpu_ms.map(Duration::from_millis),
            grants: grants.clone(),
            on_limit: Some(end_for_limit),
        };
        Err(moat_sandbox::run_and_exit(
            moat_sandbox::Guest::Embedded {
                code,
                image,
                overlays,
            },
            &sandbox,
        )
        .into())
    }

    /// The app's own part of the memory of the module at `path` (see
    /// `moat_sandbox::app::open`), which must have been built for this moat's guest.
    fn app_overlays(path: &Path) -> Result<&'static [(usize, &'static [u8])]> {
        let wasm = moat_sandbox::app::map_file(path)
            .with_context(|| format!("failed to read `{}`", path.display()))?;
        let overlays = moat_sandbox::app::open(wasm, GUEST_ID)
            .with_context(|| format!("`{}` is not a module moat can run", path.display()))?
            .with_context(|| {
                format!(
                    "`{}` was not built by this version of moat; build it again with `moat build`",
                    path.display()
                )
            })?;
        Ok(Vec::leak(overlays))
    }
}
