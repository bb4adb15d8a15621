//! `moat`: run Node programs natively, or inside the WebAssembly sandbox with `--safe`.
//!
//! `main` owns the exit codes: the program's own, 9 for a bad option (as node), 1 for an error
//! of moat's, and the sandbox's limit codes.

mod cli;
mod run_script;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use cli::{BadOption, Command, Config};

const HELP: &str = "Usage: moat [options] [ script.js ] [arguments]
       moat --run <script-in-package.json> [arguments]

Options:
  -                          script read from stdin (default if no file name is given)
  --                         indicate the end of moat options
  -e, --eval <code>          evaluate script
  -p, --print <code>         evaluate script and print result
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match real_main(&args) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            if let Some(BadOption(opt)) = e.downcast_ref::<BadOption>() {
                eprintln!("{}: bad option: {opt}", argv0());
                return ExitCode::from(9);
            }
            eprintln!("moat: {e:#}");
            ExitCode::from(1)
        }
    }
}

impl std::fmt::Display for BadOption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad option: {}", self.0)
    }
}

impl std::error::Error for BadOption {}

fn argv0() -> String {
    std::env::args().next().unwrap_or_else(|| "moat".to_string())
}

fn real_main(args: &[String]) -> Result<i32> {
    match cli::parse(args)? {
        Command::Version => {
            println!("{}", moat_runtime::NODE_VERSION);
            Ok(0)
        }
        Command::Help => {
            print!("{HELP}");
            Ok(0)
        }
        Command::RunScript(name, rest) => run_script::run(&name, &rest),
        Command::Run(cfg) => run(cfg),
    }
}

fn exec_path() -> String {
    std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_else(|_| argv0())
}

fn env_file_vars(cfg: &Config) -> Result<Vec<(String, String)>> {
    let mut vars = Vec::new();
    for (path, optional) in &cfg.env_files {
        match std::fs::read_to_string(path) {
            Ok(text) => vars.extend(cli::parse_env_file(&text)),
            Err(_) if *optional => {}
            Err(e) => return Err(e).with_context(|| format!("failed to read `{}`", path.display())),
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
    let options = moat_runtime::Options {
        entry,
        args,
        argv0: argv0(),
        exec_argv: cfg.exec_argv.clone(),
        exec_path: exec_path(),
        input_type: cfg.input_type,
        requires: cfg.requires.clone(),
        imports: cfg.imports.clone(),
        env_file_vars: env_file_vars(&cfg)?,
        sandboxed: cfg.safe,
    };
    if cfg.safe {
        return sandbox::run(&cfg, &options);
    }
    Ok(moat_runtime::run(options))
}

mod sandbox {
    //! `--safe`: the same program inside the wasmtime host.

    use super::*;

    pub fn run(_cfg: &Config, _options: &moat_runtime::Options) -> Result<i32> {
        let _ = PathBuf::new();
        anyhow::bail!("--safe is not available in this build")
    }
}
