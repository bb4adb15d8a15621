//! `moat serve`: fetch-handler and Node-style (`http.createServer`, Express) apps answer over
//! HTTP, each request in a fresh instance (state one request leaves is gone for the next) or
//! in warm pooled ones (`--isolation=pool`, state kept), bodies stream both ways, a request
//! that runs into its limits gets a 5xx while the others are answered, several apps share a
//! server by Host header, and SIGINT stops the server after the requests in flight.

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
import { randomInt, randomUUID } from 'node:crypto';
let count = 0;
// Random values drawn and the clock read while the app loads: the generators' caches and the
// time origin are in the snapshot, and must not hand every request the same values or an old
// origin.
const loaded = [randomUUID(), crypto.randomUUID(), randomInt(2 ** 40), performance.now()];
// An interval set while the app loads does not keep each request's instance alive for ever.
setInterval(() => {}, 1000);
// A request does not end the process, as a Node server's does not: no 'exit' per request.
process.on('exit', () => console.error('exit event'));
export default {
  async fetch(request, env, ctx) {
    count++;
    const url = new URL(request.url);
    if (request.method === 'POST') return Response.json({ got: await request.json(), count });
    if (url.pathname === '/spin') for (;;) {}
    if (url.pathname === '/sleep') await new Promise((resolve) => setTimeout(resolve, 60000));
    if (url.pathname === '/grow') { const a = []; for (;;) a.push('x'.repeat(1 << 20) + a.length); }
    if (url.pathname === '/throw') throw new Error('boom');
    if (url.pathname === '/random') {
      const skew = Math.abs(performance.timeOrigin + performance.now() - Date.now());
      return new Response(`${randomUUID()} ${crypto.randomUUID()} ${randomInt(2 ** 40)} clock=${skew < 50}`);
    }
    if (url.pathname === '/inspect') {
      return Response.json({
        url: request.url, again: new Request(request).url, method: request.method,
        type: request.headers.get('Content-Type'), names: [...request.headers.keys()],
      });
    }
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
    // The request as the handler sees it: its URL as the URL parser gives it, its headers.
    let (status, _, body) = server.request("GET", "/a/../inspect?q=%41", "");
    assert_eq!(status, 200);
    assert_eq!(
        body,
        r#"{"url":"http://example.test/inspect?q=%41","again":"http://example.test/inspect?q=%41","method":"GET","type":"application/json","names":["connection","content-length","content-type","host"]}"#
    );
    // Each request draws random values of its own, and its clock's origin is its own start.
    let (_, _, one) = server.request("GET", "/random", "");
    let (_, _, two) = server.request("GET", "/random", "");
    assert!(
        one.ends_with(" clock=true") && two.ends_with(" clock=true"),
        "{one} / {two}"
    );
    for (a, b) in one.split(' ').zip(two.split(' ')).take(3) {
        assert_ne!(a, b, "{one} / {two}");
    }
    // A Host that makes no URL is a bad request, answered by the server.
    assert_eq!(server.request_to("exa mple", "GET", "/", "").0, 400);
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
    // An instance's own output comes before its request's log line.
    assert!(!log.contains("exit event"), "{log}");
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
                     // A logger that writes once the response has finished, as morgan does.\n\
                     app.use((req, res, next) => {{\n\
                       res.on('finish', () => setImmediate(() => console.error(`logged ${{req.url}} ${{res.statusCode}}`)));\n\
                       next();\n\
                     }});\n\
                     app.get('/users/:id', (req, res) => res.json({{ id: req.params.id }}));\n\
                     app.post('/echo', (req, res) => res.status(201).json(req.body));\n\
                     // It listens after a delay and keeps an interval: loading waits for the\n\
                     // one and not for the other, and so does each request.\n\
                     setInterval(() => {{}}, 1000);\n\
                     setTimeout(() => app.listen(3000), 20);\n",
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
    let log = server.log_with(&["logged /nope 404"]);
    for needle in [
        "logged /users/5 200",
        "logged /echo 201",
        "logged /nope 404",
    ] {
        assert!(log.contains(needle), "{needle} in {log}");
    }
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

const POOL_APP: &str = r#"
let count = 0;
let ticks = 0;
let timer = null;
export default {
  async fetch(request) {
    count++;
    const url = new URL(request.url);
    if (url.pathname === '/spin') for (;;) {}
    if (url.pathname === '/exit') process.exit(0);
    if (url.pathname === '/throw') throw new Error('boom');
    // A body stream kept from one request reads nothing of a later one's body.
    if (url.pathname === '/stash') {
      globalThis.stashed = request.body.getReader();
      return new Response('stashed');
    }
    if (url.pathname === '/peek') {
      const stale = await globalThis.stashed.read().then(() => 'read', (e) => e.message);
      return new Response(`stale=${stale} own=${await request.text()}`);
    }
    // A timer the app keeps: the request is answered all the same, and it fires while
    // later requests run.
    if (url.pathname === '/tick') {
      timer ??= setInterval(() => { ticks++; }, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return new Response(`count=${count} ticking=${ticks > 0}`);
  },
};
"#;

#[test]
fn pooled_instances_keep_state_and_are_replaced_after_a_failure() {
    let dir = app_dir("pool", &[("app.mjs", POOL_APP)]);
    let server = Server::start(
        &dir,
        &[
            "app.mjs",
            "--isolation=pool",
            "--instances",
            "1",
            "--max-cpu-time=1000",
        ],
    );
    let body = |path: &str| server.request("GET", path, "").2;
    assert_eq!(body("/"), "count=1 ticking=false");
    assert_eq!(body("/"), "count=2 ticking=false");
    // A handler's exception is its request's 500; the instance serves on.
    assert_eq!(server.request("GET", "/throw", "").0, 500);
    assert_eq!(body("/tick"), "count=4 ticking=true");
    assert_eq!(body("/"), "count=5 ticking=true");
    // An instance that ran into a limit, or ended its run, is replaced by a fresh one.
    assert_eq!(server.request("GET", "/spin", "").0, 500);
    assert_eq!(body("/"), "count=1 ticking=false");
    assert_eq!(body("/"), "count=2 ticking=false");
    assert_eq!(server.request("GET", "/exit", "").0, 500);
    assert_eq!(body("/"), "count=1 ticking=false");
    let chunked = |path: &str, text: &str| {
        let head = format!(
            "POST {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{text}\r\n0\r\n\r\n",
            text.len()
        );
        raw_request(server.port, &[head.as_bytes()])
    };
    assert!(chunked("/stash", "first").ends_with("stashed"));
    let out = chunked("/peek", "secret");
    assert!(
        out.ends_with("stale=The request this body belongs to has ended own=secret"),
        "{out}"
    );
    let needles = ["exceeded its CPU-time limit", "without answering"];
    let log = server.log_with(&needles);
    for needle in needles {
        assert!(log.contains(needle), "{needle} in {log}");
    }
    drop(server);

    // A Node-style server keeps its state too.
    let node = "const http = require('http');\nlet n = 0;\n\
                http.createServer((req, res) => res.end(`n=${++n}`)).listen(3000);\n";
    std::fs::write(dir.join("node.js"), node).unwrap();
    let server = Server::start(
        &dir,
        &["node.js", "--isolation=pool", "--instances=1", "-q"],
    );
    for n in 1..=3 {
        assert_eq!(server.request("GET", "/", "").2, format!("n={n}"));
    }
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn isolation_options_are_checked() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_moat"))
            .arg("serve")
            .args(args)
            .output()
            .unwrap()
    };
    for (args, message) in [
        (
            &["app.mjs", "--isolation=sometimes"][..],
            "--isolation is `request` or `pool`, not `sometimes`",
        ),
        (
            &["app.mjs", "--instances", "2"][..],
            "--instances goes with --isolation=pool",
        ),
        (
            &[
                "app.mjs",
                "--isolation=pool",
                "--instances=2",
                "--workers=3",
            ][..],
            "--instances and --workers differ",
        ),
    ] {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(9), "{args:?}");
    }
}

/// A one-connection server for an app to call: it answers its first request only once
/// `go` receives, so that an app waiting on it holds its response in the middle.
fn gate() -> (
    u16,
    std::sync::mpsc::Sender<()>,
    std::thread::JoinHandle<()>,
) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (go, wait) = std::sync::mpsc::channel::<()>();
    let t = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let mut seen = Vec::new();
        while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = s.read(&mut buf).unwrap();
            if n == 0 {
                return;
            }
            seen.extend_from_slice(&buf[..n]);
        }
        let _ = wait.recv_timeout(Duration::from_secs(60));
        let _ = s.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\ngo");
    });
    (port, go, t)
}

/// Sends `request` and reads the response until `first` appears in it (then sends on `go`),
/// then to its end.
fn read_in_two(port: u16, request: &[u8], first: &str, go: &std::sync::mpsc::Sender<()>) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    s.write_all(request).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let mut released = false;
    loop {
        let n = s.read(&mut buf).expect("the response comes in parts");
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
        if !released && String::from_utf8_lossy(&out).contains(first) {
            released = true;
            go.send(()).unwrap();
        }
    }
    assert!(released, "{first} arrived before the end");
    String::from_utf8_lossy(&out).into_owned()
}

/// Sends a raw request and returns the whole raw response.
fn raw_request(port: u16, parts: &[&[u8]]) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    for part in parts {
        s.write_all(part).unwrap();
        s.flush().unwrap();
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

const STREAM_APP: &str = r#"
export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === '/upload') {
      // Read as a stream: the parts and their total.
      let bytes = 0;
      let sum = 0;
      for await (const part of request.body) {
        bytes += part.byteLength;
        for (const b of part) sum = (sum + b) % 65521;
      }
      return new Response(`bytes=${bytes} sum=${sum}`);
    }
    if (url.pathname === '/text') return new Response(`text=${await request.text()}`);
    const gate = url.searchParams.get('gate');
    if (url.pathname === '/events') {
      const encoder = new TextEncoder();
      return new Response(new ReadableStream({
        async start(controller) {
          controller.enqueue(encoder.encode('first;'));
          await (await fetch(`http://127.0.0.1:${gate}/`)).text();
          controller.enqueue(encoder.encode('second'));
          controller.close();
        },
      }), { headers: { 'content-type': 'text/event-stream' } });
    }
    if (url.pathname === '/forever') {
      const encoder = new TextEncoder();
      return new Response(new ReadableStream({
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(encoder.encode('tick;'));
        },
      }));
    }
    if (url.pathname === '/cut') {
      return new Response(new ReadableStream({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('part;'));
          controller.enqueue('not bytes');
        },
      }));
    }
    return new Response('?', { status: 404 });
  },
};
"#;

const STREAM_NODE_APP: &str = r#"
const http = require('http');
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/upload') {
    let bytes = 0;
    req.on('data', (c) => { bytes += c.length; });
    req.on('end', () => res.end(`bytes=${bytes}`));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('first;');
  fetch(`http://127.0.0.1:${url.searchParams.get('gate')}/`).then((r) => r.text()).then(() => {
    res.end('second');
  });
}).listen(3000);
"#;

#[test]
fn bodies_stream_both_ways() {
    let dir = app_dir(
        "stream",
        &[("app.mjs", STREAM_APP), ("node.js", STREAM_NODE_APP)],
    );
    let big: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let sum = big.iter().fold(0u32, |s, &b| (s + u32::from(b)) % 65521);
    for app in ["app.mjs", "node.js"] {
        let server = Server::start(&dir, &[app, "-q", "--allow-net"]);
        // A response streams: its first part arrives while the app still waits.
        let (gate_port, go, gate_thread) = gate();
        let request = format!(
            "GET /events?gate={gate_port} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"
        );
        let out = read_in_two(server.port, request.as_bytes(), "first;", &go);
        gate_thread.join().unwrap();
        assert!(out.starts_with("HTTP/1.1 200"), "{app}: {out}");
        assert!(out.contains("transfer-encoding: chunked"), "{app}: {out}");
        assert!(
            out.contains("first;") && out.contains("second"),
            "{app}: {out}"
        );
        assert!(out.ends_with("0\r\n\r\n"), "{app}: {out}");

        // Request bodies: a long one with its length, and a chunked one in parts.
        let mut long = format!(
            "POST /upload HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: {}\r\n\r\n",
            big.len()
        )
        .into_bytes();
        long.extend_from_slice(&big);
        let out = raw_request(server.port, &[&long]);
        let expected = if app == "app.mjs" {
            format!("bytes=300000 sum={sum}")
        } else {
            "bytes=300000".to_string()
        };
        assert!(out.ends_with(&expected), "{app}: {out}");
        let out = raw_request(
            server.port,
            &[
                b"POST /upload HTTP/1.1\r\nhost: x\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n",
                b"5\r\nhello\r\n",
                b"6\r\n world\r\n",
                b"0\r\n\r\n",
            ],
        );
        assert!(out.contains("bytes=11"), "{app}: {out}");
        drop(server);
    }

    let server = Server::start(&dir, &["app.mjs", "--allow-net"]);
    let out = raw_request(
        server.port,
        &[
            b"POST /text HTTP/1.1\r\nhost: x\r\nconnection: close\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n",
            b"2\r\nde\r\n0\r\n\r\n",
        ],
    );
    assert!(out.ends_with("text=abcde"), "{out}");
    // A stream that fails after its head is cut off, not ended.
    let out = raw_request(
        server.port,
        &[b"GET /cut HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"],
    );
    assert!(out.starts_with("HTTP/1.1 200"), "{out}");
    assert!(out.contains("part;"), "{out}");
    assert!(!out.ends_with("0\r\n\r\n"), "{out}");
    let log = server.log_with(&["GET /cut: "]);
    assert!(log.contains("GET /cut: "), "{log}");
    // A client that leaves a response that never ends: the app stops sending, and the server
    // goes on.
    {
        let mut s = TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        s.write_all(b"GET /forever HTTP/1.1\r\nhost: x\r\n\r\n")
            .unwrap();
        let mut seen = Vec::new();
        let mut buf = [0u8; 1024];
        while String::from_utf8_lossy(&seen).matches("tick;").count() < 2 {
            let n = s.read(&mut buf).expect("ticks");
            assert!(n > 0, "the stream goes on");
            seen.extend_from_slice(&buf[..n]);
        }
    }
    let out = raw_request(
        server.port,
        &[b"POST /text HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok"],
    );
    assert!(out.ends_with("text=ok"), "{out}");
    drop(server);
    let _ = std::fs::remove_dir_all(dir);
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
