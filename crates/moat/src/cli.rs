//! Command-line flags, parsed once into a [`Config`] the way node parses its own: options first,
//! then the script and its arguments untouched.

use std::path::PathBuf;

use moat_runtime::{Entry, InputType};

/// What the user asked for.
#[derive(Debug)]
pub enum Command {
    Run(Box<Config>),
    Version,
    Help,
    RunScript(String, Vec<String>),
}

/// A resolved run.
#[derive(Debug, Clone)]
pub struct Config {
    pub entry: Entry,
    pub script_args: Vec<String>,
    pub exec_argv: Vec<String>,
    /// Every option given, from NODE_OPTIONS and the command line, by name (`--no-deprecation`).
    pub flags: Vec<String>,
    pub input_type: Option<InputType>,
    pub requires: Vec<String>,
    pub imports: Vec<String>,
    /// `--experimental-loader`/`--loader` modules, in order.
    pub loaders: Vec<String>,
    pub env_files: Vec<(PathBuf, bool)>,
    pub safe: bool,
    pub grants: moat_permissions::Grants,
    /// Whether any permission flag was given (`--permission` or an `--allow-*`).
    pub permission_model: bool,
    /// Whether `--permission` itself was given (natively, the `--allow-*` flags need it).
    pub permission: bool,
    pub limits: Limits,
}

/// `--safe` limits.
#[derive(Debug, Clone, Default)]
pub struct Limits {
    pub max_memory_mb: Option<u64>,
    pub max_cpu_ms: Option<u64>,
    pub timeout_ms: Option<u64>,
}

/// A flag node would reject, or one missing its value: node prints the message after its name
/// and exits 9.
#[derive(Debug)]
pub struct BadOption(pub String);

impl BadOption {
    fn unknown(flag: &str) -> Self {
        Self(format!("bad option: {flag}"))
    }
}

/// Flags without a value that node accepts. The runtime acts on the ones it implements through
/// `Options::flags` (`--no-warnings`, `--no-deprecation`, `--preserve-symlinks`, …); the rest
/// change nothing moat does. All are kept in `process.execArgv`.
const PLAIN_FLAGS: &[&str] = &[
    "--no-warnings",
    "--trace-warnings",
    "--trace-uncaught",
    "--pending-deprecation",
    "--no-deprecation",
    "--throw-deprecation",
    "--trace-deprecation",
    "--expose-gc",
    "--expose_gc",
    "--enable-source-maps",
    "--preserve-symlinks",
    "--preserve-symlinks-main",
    "--no-experimental-require-module",
    "--experimental-require-module",
    "--experimental-vm-modules",
    "--experimental-detect-module",
    "--no-experimental-detect-module",
    "--experimental-default-type=commonjs",
    "--abort-on-uncaught-exception",
    "--no-node-snapshot",
    "--experimental-global-navigator",
    "--no-experimental-global-navigator",
    "--stack-size",
    "--frozen-intrinsics",
    "--no-global-search-paths",
    // Buffers are always zero-filled in moat.
    "--zero-fill-buffers",
    // Node 24's default; moat's AsyncLocalStorage has one implementation either way.
    "--async-context-frame",
    "--no-async-context-frame",
    // The REPL even when standard input is not a terminal.
    "-i",
    "--interactive",
    // TLS: the default protocol range and which certificate authorities are trusted.
    "--tls-min-v1.0",
    "--tls-min-v1.1",
    "--tls-min-v1.2",
    "--tls-min-v1.3",
    "--tls-max-v1.2",
    "--tls-max-v1.3",
    "--use-system-ca",
    "--no-use-system-ca",
    "--use-bundled-ca",
    "--use-openssl-ca",
    "--no-use-openssl-ca",
    // The WebSocket and CloseEvent globals (on by default, as in Node 24).
    "--experimental-websocket",
    "--no-experimental-websocket",
    // net's default for `autoSelectFamily` (the last of the two given wins).
    "--network-family-autoselection",
    "--no-network-family-autoselection",
    // http's parser accepts what the specification forbids (a warning says so at first use).
    "--insecure-http-parser",
];

/// Flags node refuses together, with its message.
const CONFLICTS: &[(&str, &str)] = &[
    ("--check", "--eval"),
    ("--tls-min-v1.3", "--tls-max-v1.2"),
    ("--use-openssl-ca", "--use-bundled-ca"),
];

/// `--unhandled-rejections` modes.
const UNHANDLED_REJECTIONS: &[&str] = &["throw", "strict", "warn", "none", "warn-with-error-code"];

/// Options that may not come from `NODE_OPTIONS`: they name what to run, or end the options.
const NOT_IN_NODE_OPTIONS: &[&str] = &[
    "-e",
    "--eval",
    "-p",
    "--print",
    "-pe",
    "--run",
    "-v",
    "--version",
    "-h",
    "--help",
    "-i",
    "--interactive",
    "-",
    "--",
];

/// Splits `NODE_OPTIONS` as Node does: on spaces, with double quotes grouping.
fn node_options_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(cur);
    }
    out
}

/// Parses `args` (without the program name), after the options in `node_options` (the
/// `NODE_OPTIONS` environment variable), which count as given but not in `process.execArgv`.
///
/// # Errors
/// [`BadOption`] for an unknown flag, a flag without its value, or one `NODE_OPTIONS` may not
/// hold.
pub fn parse(args: &[String], node_options: &str) -> Result<Command, BadOption> {
    let from_env = node_options_tokens(node_options);
    let n_env = from_env.len();
    let all: Vec<String> = from_env.into_iter().chain(args.iter().cloned()).collect();
    let args = &all;
    let mut cfg = Config {
        entry: Entry::Stdin,
        script_args: Vec::new(),
        exec_argv: Vec::new(),
        flags: Vec::new(),
        input_type: None,
        requires: Vec::new(),
        imports: Vec::new(),
        loaders: Vec::new(),
        env_files: Vec::new(),
        safe: false,
        grants: moat_permissions::Grants::default(),
        permission_model: false,
        permission: false,
        limits: Limits::default(),
    };
    let mut permission_flags: Vec<String> = Vec::new();
    let mut eval: Option<(String, bool)> = None;
    let mut print = false;
    let mut check = false;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if i < n_env && (!arg.starts_with('-') || NOT_IN_NODE_OPTIONS.contains(&flag.as_str())) {
            return Err(BadOption(format!("{arg} is not allowed in NODE_OPTIONS")));
        }
        if arg == "--" {
            i += 1;
            break;
        }
        if arg == "-" || !arg.starts_with('-') {
            break;
        }
        let start = i;
        match flag.as_str() {
            "-v" | "--version" => return Ok(Command::Version),
            "-h" | "--help" => return Ok(Command::Help),
            "-e" | "--eval" => eval = Some((take(args, &mut i, &inline, &flag)?, print)),
            "-p" | "--print" => {
                print = true;
                // `-p -e CODE` prints the `-e` code that follows, `-e CODE -p` the code before.
                let followed_by_eval = args
                    .get(i + 1)
                    .is_some_and(|n| n == "-e" || n == "--eval" || n.starts_with("--eval="));
                if inline.is_none()
                    && let Some((code, _)) = eval.take()
                {
                    eval = Some((code, true));
                } else if inline.is_some() || !followed_by_eval {
                    eval = Some((take(args, &mut i, &inline, &flag)?, true));
                }
            }
            "-pe" => {
                print = true;
                eval = Some((take(args, &mut i, &inline, &flag)?, true));
            }
            // Syntax check only (the runtime reads it from `Options::flags`).
            "-c" | "--check" => check = true,
            "-r" | "--require" => cfg.requires.push(take(args, &mut i, &inline, &flag)?),
            "--import" => cfg.imports.push(take(args, &mut i, &inline, &flag)?),
            "--experimental-loader" | "--loader" => {
                cfg.loaders.push(take(args, &mut i, &inline, &flag)?);
            }
            "--input-type" => {
                cfg.input_type = Some(match take(args, &mut i, &inline, &flag)?.as_str() {
                    "module" => InputType::Module,
                    "commonjs" => InputType::CommonJs,
                    other => {
                        return Err(BadOption(format!(
                            "--input-type must be \"module\" or \"commonjs\", got \"{other}\""
                        )));
                    }
                })
            }
            "--env-file" => cfg
                .env_files
                .push((PathBuf::from(take(args, &mut i, &inline, &flag)?), false)),
            "--env-file-if-exists" => cfg
                .env_files
                .push((PathBuf::from(take(args, &mut i, &inline, &flag)?), true)),
            "--run" => {
                let script = take(args, &mut i, &inline, &flag)?;
                return Ok(Command::RunScript(script, args[i + 1..].to_vec()));
            }
            "--safe" => cfg.safe = true,
            "--permission"
            | "--allow-child-process"
            | "--allow-worker"
            | "--allow-wasi"
            | "--allow-addons"
            | "--allow-fs-read"
            | "--allow-fs-write"
            | "--allow-net"
            | "--allow-env" => permission_flags.push(arg.clone()),
            "--max-memory" => {
                cfg.limits.max_memory_mb =
                    Some(number(&flag, &take(args, &mut i, &inline, &flag)?)?)
            }
            "--max-cpu-time" => {
                cfg.limits.max_cpu_ms = Some(number(&flag, &take(args, &mut i, &inline, &flag)?)?)
            }
            "--timeout" => {
                cfg.limits.timeout_ms = Some(number(&flag, &take(args, &mut i, &inline, &flag)?)?)
            }
            "--stack-trace-limit" => {
                take(args, &mut i, &inline, &flag)?;
            }
            // The process title (the runtime reads it from `process.execArgv`).
            "--title" => {
                take(args, &mut i, &inline, &flag)?;
            }
            // Kept as `--disable-warning=CODE_OR_TYPE` (`--redirect-warnings=FILE`,
            // `--tls-keylog=FILE`) in `Options::flags` for the runtime.
            "--disable-warning" | "--redirect-warnings" | "--tls-keylog" => {
                let which = take(args, &mut i, &inline, &flag)?;
                cfg.flags.push(format!("{flag}={which}"));
            }
            // Kept as `--conditions=NAME` in `Options::flags`: one more condition `exports` and
            // `imports` of packages match, for `require` and `import` alike.
            "--conditions" | "-C" => {
                let name = take(args, &mut i, &inline, &flag)?;
                cfg.flags.push(format!("--conditions={name}"));
            }
            // V8's heap sizes: QuickJS has no generational heap to size, so they change nothing
            // (the memory limit is `--max-memory`, under `--safe`). A value is a number, as
            // node requires.
            "--max-old-space-size" | "--max-semi-space-size"
                if inline
                    .as_deref()
                    .is_some_and(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())) => {}
            // Kept as `--network-family-autoselection-attempt-timeout=MS` in `Options::flags`:
            // net's default `autoSelectFamilyAttemptTimeout` (read as node reads it, digits only).
            "--network-family-autoselection-attempt-timeout" => {
                let ms = take(args, &mut i, &inline, &flag)?;
                cfg.flags.push(format!("{flag}={ms}"));
            }
            // Kept as `--max-http-header-size=N` in `Options::flags`: http's default limit (the
            // runtime reads the number as node does).
            "--max-http-header-size" => {
                let size = take(args, &mut i, &inline, &flag)?;
                cfg.flags.push(format!("{flag}={size}"));
            }
            // Kept as `--unhandled-rejections=MODE` in `Options::flags` for the runtime.
            "--unhandled-rejections" => {
                let mode = take(args, &mut i, &inline, &flag)?;
                if !UNHANDLED_REJECTIONS.contains(&mode.as_str()) {
                    return Err(BadOption(
                        "invalid value for --unhandled-rejections".to_string(),
                    ));
                }
                cfg.flags.push(format!("{flag}={mode}"));
            }
            // Kept as `--trace-require-module=WHICH` in `Options::flags` for the runtime.
            "--trace-require-module" => {
                let which = take(args, &mut i, &inline, &flag)?;
                if which != "all" && which != "no-node-modules" {
                    return Err(BadOption(
                        "invalid value for --trace-require-module".to_string(),
                    ));
                }
                cfg.flags.push(format!("{flag}={which}"));
            }
            f if PLAIN_FLAGS.contains(&f) || PLAIN_FLAGS.contains(&arg.as_str()) => {}
            f if f.starts_with("--experimental-") || f.starts_with("--no-experimental-") => {}
            _ if start < n_env => {
                return Err(BadOption(format!("{arg} is not allowed in NODE_OPTIONS")));
            }
            _ => return Err(BadOption::unknown(arg)),
        }
        cfg.flags.push(flag.clone());
        if start >= n_env
            && !matches!(
                flag.as_str(),
                "--safe" | "--max-memory" | "--max-cpu-time" | "--timeout"
            )
        {
            cfg.exec_argv.extend(args[start..=i].iter().cloned());
        }
        i += 1;
    }
    cfg.permission_model = !permission_flags.is_empty();
    cfg.permission = permission_flags.iter().any(|f| f == "--permission");
    cfg.grants =
        moat_permissions::Grants::parse(&permission_flags).map_err(|e| BadOption(e.to_string()))?;
    let rest = &args[i.min(args.len())..];
    for (a, b) in CONFLICTS {
        let given = |f: &str| match f {
            "--check" => check,
            "--eval" => eval.is_some(),
            _ => cfg.flags.iter().any(|g| g == f),
        };
        if given(a) && given(b) {
            return Err(BadOption(format!(
                "either {a} or {b} can be used, not both"
            )));
        }
    }
    if let Some((code, p)) = eval {
        cfg.entry = Entry::Eval {
            code,
            print: p || print,
        };
        cfg.script_args = rest.to_vec();
    } else if let Some(first) = rest.first() {
        if first == "-" {
            // `process.argv[1]` is `-`, as in node.
            cfg.entry = Entry::Stdin;
            cfg.script_args = rest.to_vec();
        } else {
            cfg.entry = Entry::File(PathBuf::from(first));
            cfg.script_args = rest[1..].to_vec();
        }
    } else {
        cfg.entry = Entry::Stdin;
    }
    Ok(Command::Run(Box::new(cfg)))
}

fn take(
    args: &[String],
    i: &mut usize,
    inline: &Option<String>,
    flag: &str,
) -> Result<String, BadOption> {
    if let Some(v) = inline {
        return Ok(v.clone());
    }
    *i += 1;
    args.get(*i)
        .cloned()
        .ok_or_else(|| BadOption(format!("{flag} requires an argument")))
}

fn number(flag: &str, v: &str) -> Result<u64, BadOption> {
    v.parse()
        .map_err(|_| BadOption(format!("{flag} needs a number, got `{v}`")))
}

/// Reads a dotenv file: `KEY=value` lines, `#` comments, optional quotes, `export ` prefixes.
pub fn parse_env_file(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").unwrap_or(line);
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let v = v.trim();
        let v = if (v.starts_with('"') && v.ends_with('"') && v.len() >= 2)
            || (v.starts_with('\'') && v.ends_with('\'') && v.len() >= 2)
        {
            let inner = &v[1..v.len() - 1];
            if v.starts_with('"') {
                inner.replace("\\n", "\n")
            } else {
                inner.to_string()
            }
        } else {
            v.split(" #").next().unwrap_or("").trim().to_string()
        };
        out.push((k.trim().to_string(), v));
    }
    out
}

/// A subcommand's option at `args[*i]`, split as `--name=value` or not, and a way to take its
/// value: the inline one, else the next argument (moving `*i` on).
pub struct SubOption<'a> {
    pub flag: &'a str,
    inline: Option<&'a str>,
}

impl<'a> SubOption<'a> {
    pub fn at(arg: &'a str) -> Self {
        match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => SubOption {
                flag: f,
                inline: Some(v),
            },
            _ => SubOption {
                flag: arg,
                inline: None,
            },
        }
    }

    /// # Errors
    /// `BadOption` when the value is missing.
    pub fn value(&self, args: &[String], i: &mut usize) -> Result<String, BadOption> {
        if let Some(v) = self.inline {
            return Ok(v.to_string());
        }
        *i += 1;
        args.get(*i)
            .cloned()
            .ok_or_else(|| BadOption(format!("{} requires an argument", self.flag)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn script_args_stop_option_parsing() {
        let Ok(Command::Run(c)) = parse(&s(&["--no-warnings", "app.js", "--foo", "-e"]), "") else {
            panic!()
        };
        assert!(matches!(c.entry, Entry::File(ref p) if p == &PathBuf::from("app.js")));
        assert_eq!(c.script_args, s(&["--foo", "-e"]));
        assert_eq!(c.exec_argv, s(&["--no-warnings"]));
    }

    #[test]
    fn eval_and_print() {
        let Ok(Command::Run(c)) = parse(&s(&["-p", "1+1", "x"]), "") else {
            panic!()
        };
        assert!(matches!(c.entry, Entry::Eval { ref code, print: true } if code == "1+1"));
        assert_eq!(c.script_args, s(&["x"]));
    }

    #[test]
    fn print_applies_to_the_eval_before_or_after_it() {
        for args in [
            &["-e", "1+1", "-p"][..],
            &["--print", "--eval=1+1"],
            &["-p", "--eval", "1+1"],
        ] {
            let Ok(Command::Run(c)) = parse(&s(args), "") else {
                panic!("{args:?}")
            };
            assert!(
                matches!(c.entry, Entry::Eval { ref code, print: true } if code == "1+1"),
                "{args:?}"
            );
        }
    }

    #[test]
    fn unknown_option_is_bad() {
        assert!(
            matches!(parse(&s(&["--nope"]), ""), Err(BadOption(o)) if o == "bad option: --nope")
        );
    }

    #[test]
    fn http_parser_flags_reach_the_runtime() {
        let Ok(Command::Run(c)) = parse(
            &s(&[
                "--max-http-header-size",
                "200",
                "--insecure-http-parser",
                "app.js",
            ]),
            "--max-http-header-size=300",
        ) else {
            panic!()
        };
        // The sizes in order (the last wins), each with its value.
        let sizes: Vec<&String> = c.flags.iter().filter(|f| f.contains('=')).collect();
        assert_eq!(
            sizes,
            ["--max-http-header-size=300", "--max-http-header-size=200"]
        );
        assert!(c.flags.iter().any(|f| f == "--insecure-http-parser"));
        assert!(matches!(
            parse(&s(&["--max-http-header-size"]), ""),
            Err(BadOption(o)) if o == "--max-http-header-size requires an argument"
        ));
    }

    #[test]
    fn node_options_come_first_and_stay_out_of_exec_argv() {
        let Ok(Command::Run(c)) = parse(
            &s(&["--no-deprecation", "app.js"]),
            "--no-warnings  -r \"./pre load.js\"",
        ) else {
            panic!()
        };
        assert_eq!(c.requires, s(&["./pre load.js"]));
        assert_eq!(c.exec_argv, s(&["--no-deprecation"]));
        let Ok(Command::Run(l)) = parse(
            &s(&["--experimental-loader", "./a.mjs", "--loader=b", "app.js"]),
            "",
        ) else {
            panic!()
        };
        assert_eq!(l.loaders, s(&["./a.mjs", "b"]));
        assert!(matches!(l.entry, Entry::File(p) if p.as_os_str() == "app.js"));
        assert!(matches!(
            parse(&s(&["--check", "-e", "1"]), ""),
            Err(BadOption(o)) if o == "either --check or --eval can be used, not both"
        ));
        // Both sources count for what the runtime does.
        assert_eq!(c.flags, s(&["--no-warnings", "-r", "--no-deprecation"]));
        for bad in ["-e 1", "app.js", "--version", "--nope"] {
            assert!(
                matches!(parse(&s(&["x.js"]), bad), Err(BadOption(o)) if o.ends_with("is not allowed in NODE_OPTIONS")),
                "{bad}"
            );
        }
    }

    #[test]
    fn env_file_lines() {
        let v = parse_env_file("# c\nA=1\nexport B=\"two\\nlines\"\nC='x y' \nD=v # note\n");
        assert_eq!(
            v,
            vec![
                ("A".into(), "1".into()),
                ("B".into(), "two\nlines".into()),
                ("C".into(), "x y".into()),
                ("D".into(), "v".into())
            ]
        );
    }
}
