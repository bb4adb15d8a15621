//! A symbolic or hard link made inside a granted directory cannot lead a read or a write
//! outside it: with `--safe` (the host is the wall) and natively with `--permission`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

mod common;
use common::run_with_deadline;

const SCRIPT: &str = r#"
const fs = require('fs');
const [g, o] = process.argv.slice(2);
const attempt = (name, f) => {
  try { f(); console.log(name, 'ok'); } catch (e) { console.log(name, e.code); }
};
attempt('symlink to a file', () => fs.symlinkSync(o + '/secret.txt', g + '/file-link'));
attempt('symlink to a dir', () => fs.symlinkSync(o, g + '/dir-link'));
attempt('relative symlink', () => fs.symlinkSync('../outside/secret.txt', g + '/rel-link'));
attempt('read file link', () => fs.readFileSync(g + '/file-link'));
attempt('read relative link', () => fs.readFileSync(g + '/rel-link'));
attempt('write file link', () => fs.writeFileSync(g + '/file-link', 'changed'));
attempt('append file link', () => fs.appendFileSync(g + '/rel-link', 'changed'));
attempt('open file link', () => fs.openSync(g + '/file-link', 'r+'));
attempt('read through dir link', () => fs.readFileSync(g + '/dir-link/secret.txt'));
attempt('write through dir link', () => fs.writeFileSync(g + '/dir-link/new.txt', 'x'));
attempt('list through dir link', () => fs.readdirSync(g + '/dir-link'));
attempt('chmod through link', () => fs.chmodSync(g + '/file-link', 0o777));
attempt('copy from link', () => fs.copyFileSync(g + '/file-link', g + '/copy.txt'));
attempt('hard link to outside', () => fs.linkSync(o + '/secret.txt', g + '/hard'));
attempt('hard link through dir link', () => fs.linkSync(g + '/dir-link/secret.txt', g + '/hard2'));
attempt('remove the link', () => fs.unlinkSync(g + '/file-link'));
"#;

const EXPECTED: &str = "symlink to a file ok
symlink to a dir ok
relative symlink ok
read file link ERR_ACCESS_DENIED
read relative link ERR_ACCESS_DENIED
write file link ERR_ACCESS_DENIED
append file link ERR_ACCESS_DENIED
open file link ERR_ACCESS_DENIED
read through dir link ERR_ACCESS_DENIED
write through dir link ERR_ACCESS_DENIED
list through dir link ERR_ACCESS_DENIED
chmod through link ERR_ACCESS_DENIED
copy from link ERR_ACCESS_DENIED
hard link to outside ERR_ACCESS_DENIED
hard link through dir link ERR_ACCESS_DENIED
remove the link ok
";

/// A fresh `granted` and `outside` directory side by side, with a secret file outside.
fn fixture(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("moat-fs-links-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let granted = root.join("granted");
    let outside = root.join("outside");
    std::fs::create_dir_all(&granted).expect("make the granted directory");
    std::fs::create_dir_all(&outside).expect("make the outside directory");
    std::fs::write(outside.join("secret.txt"), "secret").expect("write the secret");
    std::fs::write(granted.join("main.js"), SCRIPT).expect("write the script");
    (root, granted, outside)
}

fn check(mode_flags: &[&str], name: &str) {
    let (root, granted, outside) = fixture(name);
    let g = granted.to_string_lossy().into_owned();
    let o = outside.to_string_lossy().into_owned();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_moat"));
    cmd.args(mode_flags)
        .arg(format!("--allow-fs-read={g}"))
        .arg(format!("--allow-fs-write={g}"))
        .arg(granted.join("main.js"))
        .arg(&g)
        .arg(&o);
    let out = run_with_deadline(cmd, Duration::from_secs(60)).expect("moat runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout, EXPECTED, "stderr: {stderr}");
    assert_eq!(
        std::fs::read_to_string(outside.join("secret.txt")).expect("the secret is there"),
        "secret"
    );
    assert!(!outside.join("new.txt").exists());
    assert!(!Path::new(&granted).join("hard").exists());
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn links_in_a_granted_directory_stay_inside_it_in_the_sandbox() {
    check(&["--safe"], "safe");
}

#[test]
fn links_in_a_granted_directory_stay_inside_it_with_permission() {
    check(&["--permission"], "native");
}
