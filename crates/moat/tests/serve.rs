//! `moat serve`: fetch-handler and Node-style (`http.createServer`, Express) apps answer over
//! HTTP, each request in a fresh instance (state one request leaves is gone for the next), a
//! request that runs into its limits gets a 5xx while the others are answered, several apps
//! share a server by Host header, and SIGINT stops the server after the requests in flight.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `moat serve`, stopped (SIGINT) when dropped.
struct Server {
    child: Child,
    port: u16,
    log: std::sync::Mutex<std::sync::mpsc::Receiver<String>>,
}

impl Server {
    fn start(dir: &Path, args: &[&str]) -> Server {
        Server::start_with_env(dir, args, &[])
    }

    fn start_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_moat"))
            .arg("serve")
            .args(args)
            .args(["--port", "0"])
            .envs(env.iter().copied())
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("moat serve starts");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, log) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        // Build warnings may come first.
        let first = loop {
            let line = log
                .recv_timeout(Duration::from_secs(60))
                .expect("moat serve says where it listens");
            if line.starts_with("moat serve: ") {
                break line;
            }
        };
        let port = first
            .rsplit_once("http://127.0.0.1:")
            .and_then(|(_, rest)| rest.split(' ').next()?.parse().ok())
            .unwrap_or_else(|| panic!("no address in `{first}`"));
        Server {
            child,
            port,
            log: std::sync::Mutex::new(log),
        }
    }

    /// Sends one request and returns the status, the response head and the body.
    fn request(&self, method: &str, path: &str, body: &str) -> (u16, String, String) {
        self.request_to("example.test", method, path, body)
    }

    /// [`Server::request`] with this Host header.
    fn request_to(
        &self,
        host: &str,
        method: &str,
        path: &str,
        body: &str,
    ) -> (u16, String, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nhost: {host}\r\nconnection: close\r\n\
             content-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).expect("a response");
        let (head, body) = out.split_once("\r\n\r\n").expect("a head and a body");
        let status = head[9..12].parse().expect("a status");
        (status, head.to_ascii_lowercase(), body.to_string())
    }

    /// The log lines so far.
    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().try_iter().collect()
    }

    /// The log once it holds every one of `needles` (a line is written after
    /// its response is sent), or what it holds after half a minute.
    fn log_with(&self, needles: &[&str]) -> String {
        let log = self.log.lock().unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let mut text = String::new();
        while !needles.iter().all(|n| text.contains(n)) {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match log.recv_timeout(left) {
                Ok(line) => {
                    text.push_str(&line);
                    text.push('\n');
                }
                Err(_) => break,
            }
        }
        text
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SAFETY: a signal to our own child.
        unsafe { libc_kill(self.child.id() as i32, 2) };
        let _ = self.child.wait();
    }
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

fn app_dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let d = std::env::temp_dir().join(format!("moat-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    for (rel, content) in files {
        let p = d.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    d
}

const FETCH_APP: &str = r#"
let count = 0;
export default {
  async fetch(request, env, ctx) {
    count++;
    const url = new URL(request.url);
    if (request.method === 'POST') return Response.json({ got: await request.json(), count });
    if (url.pathname === '/spin') for (;;) {}
    if (url.pathname === '/sleep') await new Promise((resolve) => setTimeout(resolve, 60000));
    if (url.pathname === '/grow') { const a = []; for (;;) a.push('x'.repeat(1 << 20) + a.length); }
    if (url.pathname === '/throw') throw new Error('boom');
    return new Response(`${request.method} ${url.host}${url.pathname} count=${count}`, {
      status: 201,
      headers: { 'x-app': 'fetch' },
    });
  },
};
"#;

#[test]
fn a_fetch_handler_answers_each_request_in_a_fresh_instance() {
    let dir = app_dir("fetch", &[("app.mjs", FETCH_APP)]);
    let server = Server::start(
        &dir,
        &["app.mjs", "--max-cpu-time=2000", "--max-memory=128"],
    );
    for _ in 0..3 {
        let (status, head, body) = server.request("GET", "/hello?x=1", "");
        assert_eq!(status, 201);
        assert!(head.contains("x-app: fetch"), "{head}");
        // A fresh instance each time: the count never passes 1.
        assert_eq!(body, "GET example.test/hello count=1");
    }
    let (status, _, body) = server.request("POST", "/echo", r#"{"a":[1,2]}"#);
    assert_eq!(status, 200);
    assert_eq!(body, r#"{"got":{"a":[1,2]},"count":1}"#);

    // Limits: the spinning and the growing requests get a 500, one beside them is answered.
    let spin = std::thread::scope(|s| {
        let spin = s.spawn(|| server.request("GET", "/spin", ""));
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(server.request("GET", "/ok", "").0, 201);
        spin.join().unwrap()
    });
    assert_eq!(spin.0, 500);
    assert_eq!(server.request("GET", "/grow", "").0, 500);
    let (status, _, _) = server.request("GET", "/throw", "");
    assert_eq!(status, 500);
    assert_eq!(server.request("GET", "/after", "").0, 201);

    let needles = [
        "GET /hello?x=1 201 ",
        "exceeded its CPU-time limit",
        "exceeded its memory limit",
        "Error: boom",
    ];
    let log = server.log_with(&needles);
    for needle in needles {
        assert!(log.contains(needle), "{needle} in {log}");
    }
    drop(server);

    // A request waiting past its wall-clock limit is stopped too.
    let server = Server::start(&dir, &["app.mjs", "--timeout=1000"]);
    let asked = std::time::Instant::now();
    assert_eq!(server.request("GET", "/sleep", "").0, 500);
    assert!(asked.elapsed() < Duration::from_secs(20));
    assert_eq!(server.request("GET", "/after", "").0, 201);
    let log = server.log_with(&["exceeded its time limit"]);
    assert!(log.contains("exceeded its time limit"), "{log}");
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn service_worker_style_and_built_modules_serve_too() {
    let dir = app_dir(
        "listener",
        &[(
            "sw.js",
            "addEventListener('fetch', (event) => {\n\
               event.respondWith(new Response('from a listener ' + event.request.method));\n\
             });\n",
        )],
    );
    let built = Command::new(env!("CARGO_BIN_EXE_moat"))
        .args(["build", "-q", "sw.js", "-o", "sw.wasm"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    for app in ["sw.js", "sw.wasm"] {
        let server = Server::start(&dir, &[app, "--quiet"]);
        let (status, _, body) = server.request("GET", "/", "");
        assert_eq!(
            (status, body.as_str()),
            (200, "from a listener GET"),
            "{app}"
        );
        assert!(server.log().is_empty(), "--quiet logs no requests");
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_hono_app_serves() {
    let hono = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/npm/node_modules/hono/dist/index.js")
        .canonicalize()
        .expect("tests/npm has hono (scripts/npm-deps.sh installs it)");
    let app = format!(
        "import {{ Hono }} from '{}';\n\
         const app = new Hono();\n\
         app.get('/users/:id', (c) => c.json({{ id: c.req.param('id') }}));\n\
         app.post('/echo', async (c) => c.json(await c.req.json()));\n\
         export default app;\n",
        hono.display()
    );
    let dir = app_dir("hono", &[("app.mjs", &app)]);
    let server = Server::start(&dir, &["app.mjs", "-q"]);
    let (status, head, body) = server.request("GET", "/users/7", "");
    assert_eq!((status, body.as_str()), (200, r#"{"id":"7"}"#));
    assert!(head.contains("content-type: application/json"), "{head}");
    let (status, _, body) = server.request("POST", "/echo", r#"{"ok":true}"#);
    assert_eq!((status, body.as_str()), (200, r#"{"ok":true}"#));
    assert_eq!(server.request("GET", "/nope", "").0, 404);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn node_style_servers_serve() {
    let express = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/npm/node_modules/express")
        .canonicalize()
        .expect("tests/npm has express (scripts/npm-deps.sh installs it)");
    let dir = app_dir(
        "node",
        &[
            (
                "plain.js",
                "const http = require('http');\nlet n = 0;\n\
                 const server = http.createServer((req, res) => {\n\
                   n++;\n\
                   let body = '';\n\
                   req.on('data', (c) => { body += c; });\n\
                   req.on('end', () => {\n\
                     res.writeHead(200, { 'x-app': 'node' });\n\
                     res.write(`${req.method} ${req.url} `);\n\
                     res.end(`n=${n} body=${body} port=${server.address().port === 0 ? 0 : 'set'}`);\n\
                   });\n\
                 });\n\
                 server.listen(3000);\n",
            ),
            (
                "express.js",
                &format!(
                    "const express = require('{}');\n\
                     const app = express();\n\
                     app.use(express.json());\n\
                     app.get('/users/:id', (req, res) => res.json({{ id: req.params.id }}));\n\
                     app.post('/echo', (req, res) => res.status(201).json(req.body));\n\
                     app.listen(3000);\n",
                    express.display()
                ),
            ),
        ],
    );
    let server = Server::start(&dir, &["plain.js", "-q"]);
    for _ in 0..2 {
        let (status, head, body) = server.request("POST", "/p?q=1", "abc");
        assert_eq!(status, 200);
        assert!(head.contains("x-app: node"), "{head}");
        assert_eq!(body, "POST /p?q=1 n=1 body=abc port=set");
    }
    drop(server);
    let server = Server::start(&dir, &["express.js", "-q"]);
    let (status, head, body) = server.request("GET", "/users/5", "");
    assert_eq!((status, body.as_str()), (200, r#"{"id":"5"}"#));
    assert!(head.contains("x-powered-by: express"), "{head}");
    let (status, _, body) = server.request("POST", "/echo", r#"{"x":2}"#);
    assert_eq!((status, body.as_str()), (201, r#"{"x":2}"#));
    assert_eq!(server.request("GET", "/nope", "").0, 404);
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn isolation_is_per_request() {
    let run = |arg: &str| {
        Command::new(env!("CARGO_BIN_EXE_moat"))
            .args(["serve", "app.mjs", arg])
            .output()
            .unwrap()
    };
    let out = run("--isolation=pool");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--isolation=pool"));
    let out = run("--isolation=sometimes");
    assert_eq!(out.status.code(), Some(9));
}

const NAMED_APP: &str = r#"
let count = 0;
export default {
  fetch(request) {
    count++;
    const secret = process.env.MOAT_SERVE_TEST_SECRET ?? 'none';
    return new Response(`${globalThis.APP_NAME} ${new URL(request.url).pathname} count=${count} secret=${secret}`);
  },
};
"#;

/// Asserts the body each GET (Host, path) is answered with.
fn answers(server: &Server, cases: &[(&str, &str, &str)]) {
    for &(host, path, body) in cases {
        assert_eq!(
            server.request_to(host, "GET", path, "").2,
            body,
            "{host}{path}"
        );
    }
}

#[test]
fn several_apps_are_routed_by_host_each_with_its_grants() {
    let named = |name: &str| format!("globalThis.APP_NAME = '{name}';\n{NAMED_APP}");
    let (a, b, other) = (named("a"), named("b"), named("other"));
    let dir = app_dir(
        "hosts",
        &[("a.mjs", &a), ("b.mjs", &b), ("other.mjs", &other)],
    );
    let env = [("MOAT_SERVE_TEST_SECRET", "s3")];
    // Grants after an app are its own.
    let server = Server::start_with_env(
        &dir,
        &[
            "--app",
            "a.test=a.mjs",
            "--allow-env=MOAT_SERVE_TEST_SECRET",
            "--app",
            "B.Test=b.mjs",
        ],
        &env,
    );
    // Host names match whatever their case, with a port or a final dot.
    answers(
        &server,
        &[
            ("a.test", "/x", "a /x count=1 secret=s3"),
            ("b.test:8080", "/y", "b /y count=1 secret=none"),
            ("B.TEST.", "/", "b / count=1 secret=none"),
        ],
    );
    let (status, _, _) = server.request_to("c.test", "GET", "/", "");
    assert_eq!(status, 404);
    let log = server.log_with(&["GET / 404 (no app for this host)\n"]);
    assert!(log.contains("GET / 404 (no app for this host)\n"), "{log}");
    drop(server);

    // An app without a host answers the others; grants before any app are everyone's.
    let server = Server::start_with_env(
        &dir,
        &[
            "--allow-env=MOAT_SERVE_TEST_SECRET",
            "--app",
            "a.test=a.mjs",
            "other.mjs",
        ],
        &env,
    );
    answers(
        &server,
        &[
            ("a.test", "/", "a / count=1 secret=s3"),
            ("c.test", "/", "other / count=1 secret=s3"),
        ],
    );
    drop(server);

    // Mistakes say what to fix.
    for (args, message) in [
        (
            &["--app", "a.mjs"][..],
            "--app takes <host>=<app>, not `a.mjs`",
        ),
        (
            &["--app", "a.test=a.mjs", "--app", "A.test=b.mjs"][..],
            "two apps for the host `a.test`",
        ),
        (
            &["a.mjs", "--workers", "0"][..],
            "--workers takes 1 to 1024, not 0",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_moat"))
            .arg("serve")
            .args(args)
            .current_dir(&dir)
            .output()
            .expect("moat runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_ne!(out.status.code(), Some(0));
    }
    let _ = std::fs::remove_dir_all(dir);
}
