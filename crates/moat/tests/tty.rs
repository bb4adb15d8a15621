//! node:tty on a real terminal: `moat` runs under a pseudo-terminal made by `script` (util-linux),
//! natively and with `--safe`, and must see what Node sees there: stdio streams that are
//! terminals, the window size the terminal was given, the colour depth of its TERM, raw mode
//! switched on and off (as `stty` reports it), a `resize` event when the size changes, and the
//! terminal's mode put back when the program ends in raw mode.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

mod common;
use common::run_with_deadline;

const SCRIPT: &str = r#"
const tty = require('tty');
const { execSync } = require('child_process');
const out = process.stdout;
const stty = () => execSync('stty -a', { stdio: ['inherit', 'pipe', 'pipe'], encoding: 'utf8' });
const flags = (s) => ['icanon', 'echo', 'isig']
  .map((f) => (new RegExp(`(^|\\s)-${f}(\\s|$)`).test(s) ? '-' : '+') + f).join(' ');
console.log('isTTY', out.isTTY, process.stderr.isTTY, process.stdin.isTTY, tty.isatty(0), tty.isatty(1), tty.isatty(2));
console.log('size', out.columns, out.rows, out.getWindowSize().join('x'));
console.log('depth', out.getColorDepth(), out.hasColors(256), out.hasColors(2 ** 24),
  out instanceof tty.WriteStream, process.stdin instanceof tty.ReadStream);
console.log('raw before', process.stdin.isRaw, flags(stty()));
process.stdin.setRawMode(true);
console.log('raw on', process.stdin.isRaw, flags(stty()));
process.stdin.setRawMode(false);
console.log('raw off', process.stdin.isRaw, flags(stty()));
process.stdin.setRawMode(true);
const timer = setTimeout(() => { console.log('no resize'); process.exit(1); }, 10000);
out.once('resize', () => {
  console.log('resize', out.columns, out.rows);
  clearTimeout(timer);
});
execSync('stty cols 120 rows 40', { stdio: 'inherit' });
"#;

/// What the script prints, as Node 24 prints it under the same terminal (colours aside).
const EXPECTED: &str = "isTTY true true true true true true
size 100 30 100x30
depth 8 true false true true
raw before false +icanon +echo +isig
raw on true -icanon -echo -isig
raw off false +icanon +echo +isig
resize 120 40
exit=0
restored
";

fn fixture() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("moat-tty-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let file = dir.join("tty_check.js");
    std::fs::write(&file, SCRIPT).expect("the script");
    file
}

/// Runs `moat <flags> <script>` in a fresh pseudo-terminal of 100x30 with TERM=xterm-256color,
/// then reports from the same terminal whether raw mode is still on.
fn run_in_terminal(flags: &str) -> String {
    let file = fixture();
    let moat = env!("CARGO_BIN_EXE_moat");
    let inner = format!(
        "stty cols 100 rows 30; env -i PATH=/usr/bin:/bin TERM=xterm-256color '{moat}' {flags} '{}'; \
         echo exit=$?; stty -a | grep -q -- '-icanon' && echo still-raw || echo restored",
        file.display()
    );
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &inner, "/dev/null"]);
    let out = run_with_deadline(cmd, Duration::from_secs(60))
        .unwrap_or_else(|e| panic!("`script` (util-linux) runs the terminal: {e}"));
    let _ = std::fs::remove_dir_all(file.parent().expect("its directory"));
    let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    // console.log colours values on a terminal, as Node does; the check is on the text.
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            plain.push(c);
        }
    }
    plain
}

#[test]
fn a_terminal_natively() {
    assert_eq!(run_in_terminal(""), EXPECTED);
}

#[test]
fn a_terminal_in_the_sandbox() {
    assert_eq!(
        run_in_terminal("--safe --allow-env --allow-child-process"),
        EXPECTED
    );
}
