//! `moat build` and running what it writes: the examples give the same output built as run
//! directly; a build is reproducible; the app sees its own files read-only at their paths and
//! everything else only as its grants allow; and the build's messages name what to fix.
//! (The module-system spec cases also run built: `tests/spec.rs`.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn moat() -> Command {
    Command::new(env!("CARGO_BIN_EXE_moat"))
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("moat runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh directory for one test's app, removed when the test ends.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let d = std::env::temp_dir().join(format!("moat-built-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("temp dir");
        Dir(d.canonicalize().expect("temp dir resolves"))
    }

    fn write(&self, rel: &str, content: &str) -> PathBuf {
        let p = self.0.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dirs");
        std::fs::write(&p, content).expect("write");
        p
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds `entry` (in `dir`) to `dir/app.wasm` and returns the build's output.
fn build(dir: &Path, args: &[&str]) -> Output {
    run(moat()
        .arg("build")
        .args(args)
        .args(["-o", "app.wasm"])
        .current_dir(dir))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

#[test]
fn examples_run_the_same_built() {
    let out_dir = Dir::new("examples");
    for (entry, args) in [("hello.js", vec!["built"]), ("app/main.mjs", vec![])] {
        let direct = run(moat()
            .arg(examples().join(entry))
            .args(&args)
            .current_dir(examples()));
        assert!(direct.status.success(), "{}", text(&direct.stderr));
        let wasm = out_dir.0.join("example.wasm");
        let b = run(moat()
            .args(["build", "-q", entry, "-o"])
            .arg(&wasm)
            .current_dir(examples()));
        assert!(b.status.success(), "{}", text(&b.stderr));
        assert!(
            b.stderr.is_empty(),
            "-q prints nothing: {}",
            text(&b.stderr)
        );
        let built = run(moat().arg(&wasm).args(&args).current_dir(examples()));
        assert_eq!(text(&built.stdout), text(&direct.stdout), "{entry}");
        assert_eq!(text(&built.stderr), text(&direct.stderr), "{entry}");
        assert_eq!(built.status.code(), direct.status.code(), "{entry}");
    }
}

#[test]
fn the_same_app_builds_to_the_same_bytes() {
    let d = Dir::new("repro");
    d.write("main.js", "console.log(require('./lib').answer);\n");
    d.write("lib.js", "exports.answer = 42;\n");
    let b = build(&d.0, &["main.js"]);
    assert!(b.status.success(), "{}", text(&b.stderr));
    let first = std::fs::read(d.0.join("app.wasm")).unwrap();
    let b = build(&d.0, &["-q", "main.js"]);
    assert!(b.status.success());
    assert_eq!(first, std::fs::read(d.0.join("app.wasm")).unwrap());
    // The build says what it did, step by step.
    let b = build(&d.0, &["main.js"]);
    let err = text(&b.stderr);
    for step in ["modules", "bytecode", "module", "app.wasm"] {
        assert!(err.contains(step), "{err}");
    }
}

#[test]
fn an_app_reads_its_files_and_only_its_grants() {
    let d = Dir::new("files");
    d.write(
        "main.js",
        r#"const fs = require('fs');
const path = require('path');
console.log(fs.readFileSync(path.join(__dirname, 'assets/greeting.txt'), 'utf8').trim());
console.log(fs.readdirSync(path.join(__dirname, 'assets')));
console.log(fs.statSync(__filename).isFile(), fs.existsSync(__dirname + '/nope'));
try { fs.writeFileSync(__filename, 'x'); } catch (e) { console.log('write', e.code); }
try { fs.readFileSync('/etc/hostname'); } catch (e) { console.log('outside', e.code); }
const other = process.argv[2];
if (other) console.log('granted', fs.readFileSync(other, 'utf8').trim());
"#,
    );
    d.write("assets/greeting.txt", "hello from inside\n");
    d.write("assets/other.txt", "b\n");
    let b = build(&d.0, &["-q", "main.js", "--include", "assets/*.txt"]);
    assert!(b.status.success(), "{}", text(&b.stderr));
    let out = run(moat().arg(d.0.join("app.wasm")));
    assert_eq!(
        text(&out.stdout),
        "hello from inside\n[ 'greeting.txt', 'other.txt' ]\ntrue false\n\
         write ERR_ACCESS_DENIED\noutside ERR_ACCESS_DENIED\n",
        "{}",
        text(&out.stderr)
    );
    // Granted the directory, writes still find the app's own files read-only.
    let out = run(moat()
        .arg(format!("--allow-fs-write={}", d.0.display()))
        .arg(d.0.join("app.wasm")));
    assert!(
        text(&out.stdout).contains("write EROFS\n"),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // A grant reaches the host's files as under --safe.
    let outside = Dir::new("files-outside");
    let file = outside.write("data.txt", "from the host\n");
    let granted = format!("--allow-fs-read={}", outside.0.display());
    let out = run(moat().arg(&granted).arg(d.0.join("app.wasm")).arg(&file));
    assert!(
        text(&out.stdout).ends_with("granted from the host\n"),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let out = run(moat().arg(d.0.join("app.wasm")).arg(&file));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("ERR_ACCESS_DENIED"));
}

#[test]
fn packages_behind_links_resolve_as_here() {
    let d = Dir::new("links");
    let store = Dir::new("links-store");
    store.write(
        "pkg/package.json",
        r#"{"name":"pkg","main":"lib/index.js"}"#,
    );
    store.write("pkg/lib/index.js", "module.exports = __filename;\n");
    std::fs::create_dir_all(d.0.join("node_modules")).unwrap();
    std::os::unix::fs::symlink(store.0.join("pkg"), d.0.join("node_modules/pkg")).unwrap();
    d.write(
        "main.js",
        "console.log(require('pkg'), require.resolve('pkg'));\n",
    );
    let direct = run(moat().arg("main.js").current_dir(&d.0));
    let b = build(&d.0, &["-q", "main.js"]);
    assert!(b.status.success(), "{}", text(&b.stderr));
    let built = run(moat().arg("app.wasm").current_dir(&d.0));
    assert_eq!(
        text(&built.stdout),
        text(&direct.stdout),
        "{}",
        text(&built.stderr)
    );
    assert!(text(&built.stdout).contains("links-store/pkg/lib/index.js"));
}

#[test]
fn the_build_names_what_to_fix() {
    let d = Dir::new("errors");
    d.write(
        "static.mjs",
        "import x from './missing.mjs';\nconsole.log(x);\n",
    );
    let b = build(&d.0, &["static.mjs"]);
    assert_eq!(b.status.code(), Some(1));
    let err = text(&b.stderr);
    assert!(
        err.contains("static.mjs imports `./missing.mjs`, which cannot be resolved"),
        "{err}"
    );

    d.write(
        "dynamic.js",
        "const name = './x';\ntry { require('optional-dep'); } catch {}\nrequire(name);\n",
    );
    let b = build(&d.0, &["dynamic.js"]);
    assert!(b.status.success(), "{}", text(&b.stderr));
    let err = text(&b.stderr);
    assert!(
        err.contains("dynamic.js:2: require('optional-dep') cannot be resolved"),
        "{err}"
    );
    assert!(
        err.contains("dynamic.js:3: require() of a computed name") && err.contains("--include"),
        "{err}"
    );

    let b = build(&d.0, &["nothing-here.js"]);
    assert_eq!(b.status.code(), Some(1));
    assert!(text(&b.stderr).contains("cannot find the app `nothing-here.js`"));

    d.write("bad.js", "let = ;\n");
    let b = build(&d.0, &["bad.js"]);
    assert_eq!(b.status.code(), Some(1));
    assert!(
        text(&b.stderr).contains("bad.js does not compile"),
        "{}",
        text(&b.stderr)
    );
}

#[test]
fn only_modules_for_this_moat_run() {
    let d = Dir::new("foreign");
    // A module another moat built: its `moat.app` section names another guest.
    let mut foreign = b"\0asm\x01\0\0\0\0\x15\x08moat.app".to_vec();
    foreign.extend_from_slice(&[0xff; 8]);
    foreign.extend_from_slice(&[0; 4]);
    std::fs::write(d.0.join("foreign.wasm"), foreign).unwrap();
    let out = run(moat().arg(d.0.join("foreign.wasm")));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("was not built by this version of moat"),
        "{}",
        text(&out.stderr)
    );
    // A module no moat built is a WebAssembly module, run as node runs one (an ES module).
    std::fs::write(d.0.join("plain.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let out = run(moat().args(["--no-warnings"]).arg(d.0.join("plain.wasm")));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::write(d.0.join("junk.wasm"), b"not wasm").unwrap();
    let out = run(moat().arg(d.0.join("junk.wasm")));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("CompileError: ")
            && text(&out.stderr).contains("junk.wasm: WebAssembly.Module(): "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_package_directory_builds_through_its_main() {
    let d = Dir::new("package");
    d.write(
        "app/package.json",
        r#"{"name":"app","main":"src/start.js","type":"commonjs"}"#,
    );
    d.write(
        "app/src/start.js",
        "console.log('started', require('../package.json').name, process.argv.length);\n",
    );
    let b = build(&d.0, &["-q", "app"]);
    assert!(b.status.success(), "{}", text(&b.stderr));
    let out = run(moat().arg(d.0.join("app.wasm")).args(["a", "b"]));
    assert_eq!(
        text(&out.stdout),
        "started app 4\n",
        "{}",
        text(&out.stderr)
    );
}

/// The stock wasmtime CLI that `scripts/wasmtime-cli.sh` installs (`scripts/test.sh` sets it).
fn wasmtime() -> Command {
    let path = std::env::var_os("MOAT_WASMTIME")
        .expect("MOAT_WASMTIME names a wasmtime CLI (scripts/wasmtime-cli.sh installs one)");
    Command::new(path)
}

#[test]
fn a_built_app_runs_under_the_wasmtime_cli() {
    let d = Dir::new("wasmtime");
    d.write(
        "main.mjs",
        r#"import fs from 'node:fs';
import { greet } from './lib.mjs';
import data from './data.json' with { type: 'json' };
console.log(greet(process.argv[2] ?? 'nobody'), data.n, process.argv.length);
console.log(fs.readFileSync(new URL('./notes.txt', import.meta.url), 'utf8').trim());
console.log(fs.readFileSync('input.txt', 'utf8').trim());
fs.writeFileSync('output.txt', 'written by the app\n');
console.log(process.env.GREETING, typeof process.env.HOME);
await new Promise((resolve) => setTimeout(resolve, 20));
console.log('after a timer', [..."héllo"].length, Buffer.from('hi').toString('hex'));
try { fs.symlinkSync('a', 'b'); } catch (e) { console.log('symlink', e.code); }
process.exitCode = 3;
"#,
    );
    d.write("lib.mjs", "export const greet = (n) => `hello, ${n}`;\n");
    d.write("data.json", "{ \"n\": 42 }\n");
    d.write("notes.txt", "bundled notes\n");
    d.write("input.txt", "a file of the host's\n");
    let b = build(&d.0, &["-q", "main.mjs", "--include", "notes.txt"]);
    assert!(b.status.success(), "{}", text(&b.stderr));
    let out = run(wasmtime()
        .args([
            "run",
            "-W",
            "unknown-imports-trap=y",
            "--dir=.",
            "--env",
            "GREETING=hi",
        ])
        .args(["app.wasm", "world"])
        .current_dir(&d.0));
    assert_eq!(
        text(&out.stdout),
        "hello, world 42 3\nbundled notes\na file of the host's\nhi undefined\n\
         after a timer 5 6869\nsymlink ENOSYS\n",
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(d.0.join("output.txt")).unwrap(),
        "written by the app\n"
    );
    // Without a directory the host's files are out of reach; the app's own are not.
    let out = run(wasmtime()
        .args(["run", "-W", "unknown-imports-trap=y", "app.wasm"])
        .current_dir(&d.0));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("hello, nobody 42 2\nbundled notes\n"));
    assert!(
        text(&out.stderr).contains("ENOENT"),
        "{}",
        text(&out.stderr)
    );
}
