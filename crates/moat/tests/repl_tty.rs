//! The interactive REPL: `moat` with no script, its stdin a terminal (a pseudo-terminal made by
//! `script` from util-linux), natively and with `--safe`. Keystrokes are typed with pauses
//! between them, and what the terminal shows (escape sequences removed) must be what Node 24
//! shows for the same keys, its banner and live previews aside: results, a statement continued
//! on a second line, an uncaught error, history recalled with the up arrow, tab completion of
//! a property, `_error`, and Ctrl-D ending the session with exit code 0.

use std::process::Command;
use std::time::Duration;

mod common;
use common::run_with_deadline;

/// The keys typed, each after a pause that lets the REPL answer the one before.
const KEYS: &[&str] = &[
    "1 + 1\\r",
    "let x = [1,\\r",
    "2]\\r",
    "x.length\\r",
    "nope\\r",
    "\\033[A",
    "\\033[A",
    "\\r",
    "x.pu",
    "\\t",
    "(3)\\r",
    "_error.name\\r",
    "\\004",
];

const EXPECTED: &str = "Type \".help\" for more information.
> 1 + 1
2
> let x = [1,
| 2]
undefined
> x.length
2
> nope
Uncaught ReferenceError: nope is not defined
> > nope> x.length
2
> x.push(3)
3
> _error.name
'ReferenceError'
> 
exit=0
";

fn run_repl(flags: &str) -> String {
    let moat = env!("CARGO_BIN_EXE_moat");
    // The first pause covers start-up (the sandbox's included); the later ones one evaluation.
    let mut typing = String::from("sleep 2;");
    for key in KEYS {
        typing.push_str(&format!(" printf '{key}'; sleep 0.4;"));
    }
    let inner = format!(
        "stty cols 100 rows 30; env -i PATH=/usr/bin:/bin TERM=xterm-256color NODE_REPL_HISTORY= \
         '{moat}' {flags}; echo exit=$?"
    );
    let pipeline = format!("({typing} sleep 1) | script -qec \"{inner}\" /dev/null");
    let mut cmd = Command::new("sh");
    cmd.args(["-c", &pipeline]);
    let out = run_with_deadline(cmd, Duration::from_secs(90))
        .unwrap_or_else(|e| panic!("`script` (util-linux) runs the terminal: {e}"));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    // Escape sequences (cursor movement, colours) removed; line ends as "\n".
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if c != '\r' {
            plain.push(c);
        }
    }
    // The banner names moat's version; what follows it is compared.
    match plain.find('\n') {
        Some(i) if plain.starts_with("Welcome to moat ") => plain[i + 1..].to_string(),
        _ => plain,
    }
}

#[test]
fn the_repl_on_a_terminal_natively() {
    assert_eq!(run_repl(""), EXPECTED);
}

#[test]
fn the_repl_on_a_terminal_in_the_sandbox() {
    assert_eq!(run_repl("--safe"), EXPECTED);
}
