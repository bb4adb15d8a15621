//! `moat serve app.js|app.wasm`: an HTTP/1.1 server in the host (hyper) that hands every
//! request to a sandboxed instance of the app: a fresh one per request, discarded after
//! (`--isolation=request`), or one of a pool of warm instances that serve request after request
//! (`--isolation=pool`).
//!
//! The app is built first when it is a script (as `moat build` would), then each worker thread
//! loads the guest's code once and makes instances from the app's memory image. The instance
//! calls the app's WinterTC `fetch` handler or its Node-style `http.Server`
//! (`js/internal/serve.js`); the request and response cross through `moat_abi::serve`, whole
//! or streaming. A request that runs into a limit (`--max-cpu-time`, `--max-memory`) gets a
//! 5xx and a log line, and the server goes on.

use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context as TaskContext, Poll};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::{Frame, Incoming};
use hyper::{Request, Response, StatusCode};
use moat_abi::errno;
use moat_sandbox::{
    Allocation, AppImage, Entry, Exchange, Guest, Interrupts, Sandbox, SandboxConfig, Warm,
};

/// The guest's exports for serving: load the app (once, before the snapshot every request's
/// instance starts from), serve one request in a fresh instance, or the next in a warm one.
const INIT: &str = "moat-serve-init";
const REQUEST: &str = "moat-serve-request";
const NEXT: &str = "moat-serve-next";

use crate::cli::BadOption;

const HELP: &str = "Usage: moat serve <app.js | app.wasm> [options]
       moat serve --app <host>=<app.js | app.wasm> [--app ...] [app] [options]

Serves HTTP with the app's fetch handler (export default { fetch(request, env, ctx) }, or
addEventListener('fetch', ...), or a Node-style http.Server), each request in a fresh
sandboxed instance. With --app, requests go to the app named for their Host header; the app
given without a host (if any) answers the other hosts.

Options:
  --app <host>=<app>       an app for requests to <host> (its name, without the port)
  --host <addr>            address to listen on (default 127.0.0.1)
  --port <n>               port to listen on (default 8080; 0 picks a free one)
  --include <glob>         embed these files too, when building a script (see moat build)
  --workers <n>            threads serving requests, each running one instance at a time
                           (default: 4 per core, so that instances waiting on I/O leave
                           others to run)
  --isolation=request      a fresh instance for every request (the default)
  --isolation=pool         warm instances, each serving request after request, for apps that
                           keep state on purpose: what one request leaves in an instance is
                           there for the later requests it serves
  --instances <n>          with --isolation=pool: warm instances per app, one per worker
                           (default: 4 per core)
  --max-cpu-time=<ms>      CPU time one request may use (default 10000)
  --timeout=<ms>           wall-clock time one request may take (default: none)
  --max-memory=<MB>        memory one instance may use (default 256)
  --allow-net[=<hosts>], --allow-fs-read=<dirs>, --allow-fs-write=<dirs>, --allow-env[=<names>]
                           grants, as with --safe: for the app named before them, or for
                           every app when they come before any
  -q, --quiet              no access log
";

struct Args {
    apps: Vec<AppArgs>,
    host: String,
    port: u16,
    includes: Vec<String>,
    max_cpu_ms: u64,
    max_memory_mb: u64,
    timeout_ms: Option<u64>,
    workers: Option<usize>,
    pool: bool,
    instances: Option<usize>,
    quiet: bool,
}

/// An app on the command line: the Host it answers (None: every other), where it is, and
/// its grants.
struct AppArgs {
    host: Option<String>,
    path: PathBuf,
    grant_flags: Vec<String>,
}

fn parse(args: &[String]) -> Result<Option<Args>> {
    let mut out = Args {
        apps: Vec::new(),
        host: "127.0.0.1".to_string(),
        port: 8080,
        includes: Vec::new(),
        max_cpu_ms: 10_000,
        max_memory_mb: 256,
        timeout_ms: None,
        workers: None,
        pool: false,
        instances: None,
        quiet: false,
    };
    // Grants given before any app, for every app.
    let mut for_all: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        let opt = crate::cli::SubOption::at(a);
        let flag = opt.flag;
        let number = |name: &str, v: String| -> Result<u64> {
            v.parse()
                .map_err(|_| BadOption(format!("{name} takes a number, not `{v}`")).into())
        };
        match flag {
            "-h" | "--help" => return Ok(None),
            "--host" => out.host = opt.value(args, &mut i)?,
            "--port" => {
                let v = opt.value(args, &mut i)?;
                out.port = v
                    .parse()
                    .map_err(|_| BadOption(format!("--port takes a port number, not `{v}`")))?;
            }
            "--include" => out.includes.push(opt.value(args, &mut i)?),
            "--isolation" => match opt.value(args, &mut i)?.as_str() {
                "request" => out.pool = false,
                "pool" => out.pool = true,
                other => {
                    return Err(BadOption(format!(
                        "--isolation is `request` or `pool`, not `{other}`"
                    ))
                    .into());
                }
            },
            "--max-cpu-time" => out.max_cpu_ms = number(flag, opt.value(args, &mut i)?)?,
            "--max-memory" => out.max_memory_mb = number(flag, opt.value(args, &mut i)?)?,
            "--timeout" => out.timeout_ms = Some(number(flag, opt.value(args, &mut i)?)?),
            "--workers" | "--instances" => {
                let n = number(flag, opt.value(args, &mut i)?)?;
                if n == 0 || n > 1024 {
                    return Err(BadOption(format!("{flag} takes 1 to 1024, not {n}")).into());
                }
                if flag == "--workers" {
                    out.workers = Some(n as usize);
                } else {
                    out.instances = Some(n as usize);
                }
            }
            "-q" | "--quiet" => out.quiet = true,
            "--allow-net" | "--allow-fs-read" | "--allow-fs-write" | "--allow-env" => {
                match out.apps.last_mut() {
                    Some(app) => app.grant_flags.push(a.clone()),
                    None => for_all.push(a.clone()),
                }
            }
            "--app" => {
                let v = opt.value(args, &mut i)?;
                let Some((host, path)) = v
                    .split_once('=')
                    .filter(|(h, p)| !h.is_empty() && !p.is_empty())
                else {
                    return Err(BadOption(format!("--app takes <host>=<app>, not `{v}`")).into());
                };
                let host = host.to_ascii_lowercase();
                if out.apps.iter().any(|a| a.host.as_deref() == Some(&host)) {
                    return Err(BadOption(format!("two apps for the host `{host}`")).into());
                }
                out.apps.push(AppArgs {
                    host: Some(host),
                    path: PathBuf::from(path),
                    grant_flags: Vec::new(),
                });
            }
            f if f.starts_with('-') && f.len() > 1 => {
                return Err(BadOption(format!("bad option: {a}")).into());
            }
            _ if !out.apps.iter().any(|a| a.host.is_none()) => out.apps.push(AppArgs {
                host: None,
                path: PathBuf::from(a),
                grant_flags: Vec::new(),
            }),
            _ => return Err(BadOption(format!("unexpected argument: {a}")).into()),
        }
        i += 1;
    }
    if out.apps.is_empty() {
        return Err(BadOption("moat serve needs an app: moat serve app.js".into()).into());
    }
    if let Some(n) = out.instances {
        if !out.pool {
            return Err(BadOption("--instances goes with --isolation=pool".into()).into());
        }
        // A worker keeps one warm instance of each app.
        if out.workers.is_some_and(|w| w != n) {
            return Err(BadOption(
                "--instances and --workers differ: under --isolation=pool each worker keeps one \
                 warm instance of each app"
                    .into(),
            )
            .into());
        }
        out.workers = Some(n);
    }
    for app in &mut out.apps {
        app.grant_flags.splice(0..0, for_all.iter().cloned());
    }
    Ok(Some(out))
}

/// A request for a worker: the app's index, the encoded request, its body when that streams,
/// where the answer goes, and what the log calls it.
struct Job {
    app: usize,
    request: Vec<u8>,
    body: Option<Incoming>,
    reply: tokio::sync::oneshot::Sender<Answer>,
    label: String,
}

/// What an instance made of a request.
struct Answer {
    result: Result<Reply, String>,
    instance: Duration,
}

/// An error in a streamed body.
type BoxError = Box<dyn std::error::Error + Send + Sync>;
/// A response body, whole or streaming.
type Body = http_body_util::combinators::UnsyncBoxBody<Bytes, BoxError>;

/// A response as an instance gives it.
enum Reply {
    /// A fetch handler's: status, headers, body.
    Parts(StatusCode, Vec<(String, String)>, Body),
    /// A Node-style server's: the HTTP/1.1 response it wrote, whole or as it writes it.
    Raw(Raw),
}

enum Raw {
    Whole(Vec<u8>),
    Streaming(Parts),
}

/// The parts of a body an instance streams, as it writes them; when it stops before the end,
/// the last is an error, so that the client sees the response cut off rather than complete.
struct Parts {
    rx: tokio::sync::mpsc::Receiver<Bytes>,
    cut: Arc<AtomicBool>,
}

impl Parts {
    fn poll_next(&mut self, cx: &mut TaskContext<'_>) -> Poll<Option<Result<Bytes, BoxError>>> {
        self.rx.poll_recv(cx).map(|part| match part {
            Some(bytes) => Some(Ok(bytes)),
            None if self.cut.swap(false, Ordering::SeqCst) => {
                Some(Err("the app stopped before its response ended".into()))
            }
            None => None,
        })
    }

    async fn next(&mut self) -> Option<Result<Bytes, BoxError>> {
        std::future::poll_fn(|cx| self.poll_next(cx)).await
    }
}

impl hyper::body::Body for Parts {
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        self.get_mut()
            .poll_next(cx)
            .map(|part| part.map(|r| r.map(Frame::data)))
    }
}

/// How many parts of a streamed response may wait for the client before the instance waits.
const STREAM_DEPTH: usize = 8;

thread_local! {
    /// The worker thread's runtime (hyper's connections), which an instance's waits on the
    /// network (a streamed body) drive.
    static RUNTIME: std::cell::OnceCell<tokio::runtime::Runtime> =
        const { std::cell::OnceCell::new() };
}

/// Runs `f` to its end on this worker's runtime, the connections making progress meanwhile,
/// for at most `limit`.
fn drive<F: std::future::Future>(f: F, limit: Option<Duration>) -> Option<F::Output> {
    RUNTIME.with(|rt| {
        let rt = rt.get()?;
        match limit {
            Some(limit) => rt.block_on(tokio::time::timeout(limit, f)).ok(),
            None => Some(rt.block_on(f)),
        }
    })
}

/// Lets the connections run a little while the instance has parts of its response on their
/// way: enough turns for a part to pass the tasks between the instance and the client (a
/// Node-style response crosses hyper's client and server both).
fn pass_on() {
    drive(
        async {
            for _ in 0..16 {
                tokio::task::yield_now().await;
            }
        },
        None,
    );
}

/// One request's exchange with its instance ([`Exchange`]), shared with the worker, which
/// finishes it when the instance is done ([`finish`]).
#[derive(Clone)]
struct Served(Arc<Mutex<Exchanging>>);

struct Exchanging {
    request: Option<Vec<u8>>,
    /// The request body, when it streams, and what of its last frame is not read yet.
    body: Option<Incoming>,
    unread: Bytes,
    /// Where the answer goes, until it is sent.
    reply: Option<tokio::sync::oneshot::Sender<Answer>>,
    /// A whole response, sent once the instance is done.
    whole: Option<Result<Reply, String>>,
    /// A streamed response body, until its end.
    stream: Option<(tokio::sync::mpsc::Sender<Bytes>, Arc<AtomicBool>)>,
    started: Instant,
    deadline: Option<Instant>,
}

impl Served {
    fn new(job: Job, timeout: Option<Duration>) -> (Served, String) {
        let started = Instant::now();
        let served = Served(Arc::new(Mutex::new(Exchanging {
            request: Some(job.request),
            body: job.body,
            unread: Bytes::new(),
            reply: Some(job.reply),
            whole: None,
            stream: None,
            started,
            deadline: timeout.map(|t| started + t),
        })));
        (served, job.label)
    }

    fn with<R>(&self, f: impl FnOnce(&mut Exchanging) -> R) -> R {
        let mut x = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut x)
    }
}

impl Exchanging {
    /// The time left before the request's wall-clock limit.
    fn left(&self) -> Option<Duration> {
        self.deadline
            .map(|d| d.saturating_duration_since(Instant::now()))
    }
}

impl Exchange for Served {
    fn take_request(&mut self) -> Option<Vec<u8>> {
        self.with(|x| x.request.take())
    }

    fn put_back(&mut self, request: Vec<u8>) {
        self.with(|x| x.request = Some(request));
    }

    fn read_body(&mut self, max: usize) -> Result<Vec<u8>, i32> {
        self.with(|x| {
            loop {
                if !x.unread.is_empty() {
                    let n = x.unread.len().min(max);
                    return Ok(x.unread.split_to(n).to_vec());
                }
                let left = x.left();
                let Some(body) = x.body.as_mut() else {
                    return Err(errno::INVAL);
                };
                match drive(body.frame(), left) {
                    None => return Err(errno::TIMEDOUT),
                    Some(None) => {
                        x.body = None;
                        return Ok(Vec::new());
                    }
                    Some(Some(Err(_))) => {
                        x.body = None;
                        return Err(errno::IO);
                    }
                    Some(Some(Ok(frame))) => {
                        // Trailers are not handed over.
                        if let Ok(data) = frame.into_data() {
                            x.unread = data;
                        }
                    }
                }
            }
        })
    }

    fn respond(&mut self, head: &[u8], body: &[u8]) -> Result<(), i32> {
        self.with(|x| {
            if x.reply.is_none() || x.whole.is_some() {
                return Err(errno::INVAL);
            }
            let (head, more) = match parse_head(head) {
                Ok(h) => h,
                Err(why) => {
                    x.whole = Some(Err(why));
                    return Err(errno::INVAL);
                }
            };
            if !more {
                x.whole = Some(Ok(match head {
                    Some((status, headers)) => {
                        let body = Full::new(Bytes::copy_from_slice(body))
                            .map_err(|never| match never {})
                            .boxed_unsync();
                        Reply::Parts(status, headers, body)
                    }
                    None => Reply::Raw(Raw::Whole(body.to_vec())),
                }));
                return Ok(());
            }
            let (tx, rx) = tokio::sync::mpsc::channel(STREAM_DEPTH);
            let cut = Arc::new(AtomicBool::new(false));
            if !body.is_empty() {
                let _ = tx.try_send(Bytes::copy_from_slice(body));
            }
            let parts = Parts {
                rx,
                cut: cut.clone(),
            };
            let reply = match head {
                Some((status, headers)) => Reply::Parts(status, headers, parts.boxed_unsync()),
                None => Reply::Raw(Raw::Streaming(parts)),
            };
            x.stream = Some((tx, cut));
            if let Some(to) = x.reply.take() {
                let _ = to.send(Answer {
                    result: Ok(reply),
                    instance: x.started.elapsed(),
                });
            }
            // The head goes out now.
            pass_on();
            Ok(())
        })
    }

    fn write(&mut self, body: &[u8]) -> Result<(), i32> {
        self.with(|x| {
            let left = x.left();
            let Some((tx, _)) = x.stream.as_ref() else {
                return Err(errno::INVAL);
            };
            let part = Bytes::copy_from_slice(body);
            let sent = drive(tx.send(part), left);
            match sent {
                None => Err(errno::TIMEDOUT),
                Some(Ok(())) => {
                    pass_on();
                    Ok(())
                }
                Some(Err(_)) => {
                    x.stream = None;
                    Err(errno::PIPE)
                }
            }
        })
    }

    fn end(&mut self) -> Result<(), i32> {
        self.with(|x| {
            if x.stream.take().is_none() {
                return Err(errno::INVAL);
            }
            pass_on();
            Ok(())
        })
    }
}

/// Sends what an instance made of its request, now that it is done with `outcome`: its whole
/// response, or an error in its place; a streamed body it did not end is cut off.
fn finish(served: &Served, label: &str, outcome: Result<i32, String>) {
    served.with(|x| {
        if let Some((_, cut)) = x.stream.take() {
            cut.store(true, Ordering::SeqCst);
            let why = match &outcome {
                Ok(code) => format!("the app ended (exit code {code}) before its response did"),
                Err(e) => e.clone(),
            };
            eprintln!("moat serve: {label}: {why}");
        }
        let Some(to) = x.reply.take() else { return };
        let result = x.whole.take().unwrap_or_else(|| {
            Err(match outcome {
                Ok(code) => format!("the app ended (exit code {code}) without answering"),
                Err(e) => e,
            })
        });
        let _ = to.send(Answer {
            result,
            instance: x.started.elapsed(),
        });
    });
}

/// Runs `moat serve` with the arguments after `serve`; returns the exit code.
pub fn run(args: &[String]) -> Result<i32> {
    let Some(args) = parse(args)? else {
        print!("{HELP}");
        return Ok(0);
    };
    // Listening first: a Node-style app's `server.address()` is this address.
    let addr = format!("{}:{}", args.host, args.port);
    let listener = std::net::TcpListener::bind(&addr)
        .with_context(|| format!("failed to listen on {addr}"))?;
    listener
        .set_nonblocking(true)
        .context("failed to set up the listener")?;
    let local = listener
        .local_addr()
        .context("failed to read the address")?;
    let apps = Arc::new(Apps::load(&args, local)?);
    let workers = args
        .workers
        .unwrap_or_else(|| 4 * std::thread::available_parallelism().map_or(2, usize::from));
    let what = match &args.apps[..] {
        [one] if one.host.is_none() => one.path.display().to_string(),
        apps => format!("{} apps", apps.len()),
    };
    let isolation = if args.pool {
        "warm instances, one per worker and app"
    } else {
        "a fresh instance per request"
    };
    eprintln!("moat serve: {what} on http://{local} ({workers} workers, {isolation})");
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let mut threads = Vec::with_capacity(workers);
    for n in 0..workers {
        let worker = Worker {
            apps: apps.clone(),
            listener: listener
                .try_clone()
                .context("failed to share the listener")?,
            stopping: stopping.clone(),
            quiet: args.quiet,
            pool: args.pool,
            timeout: args.timeout_ms.map(Duration::from_millis),
        };
        threads.push(
            std::thread::Builder::new()
                .name(format!("moat-serve-{n}"))
                .stack_size(moat_sandbox::GUEST_THREAD_STACK)
                .spawn(move || worker.run())
                .context("failed to start a worker thread")?,
        );
    }
    drop(listener);

    let signals = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
        .context("failed to start the server's runtime")?;
    signals.block_on(async {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .context("failed to watch SIGTERM")?;
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
        anyhow::Ok(())
    })?;
    let _ = stop.send(true);
    for t in threads {
        match t.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => eprintln!("moat serve: {e:#}"),
            Err(_) => eprintln!("moat serve: a worker thread panicked"),
        }
    }
    eprintln!("moat serve: stopped");
    Ok(0)
}

/// The apps a server serves, all from one loaded guest.
struct Apps {
    sandbox: Sandbox,
    apps: Vec<App>,
    /// The app for hosts no other names.
    fallback: Option<usize>,
}

/// An app, started: its memory as every instance of it starts, and the sandbox its requests
/// run in.
struct App {
    host: Option<String>,
    image: AppImage,
    config: SandboxConfig,
}

impl Apps {
    /// Builds (a script), loads and starts each app, several at a time.
    fn load(args: &Args, local: std::net::SocketAddr) -> Result<Apps> {
        let (Some(code), Some((_, image))) = (crate::sandbox::GUEST_SERVE, crate::sandbox::GUEST)
        else {
            bail!(
                "this moat was built without the sandbox guest; build it with `scripts/build.sh`"
            );
        };
        let guest = Guest::Embedded {
            code,
            image,
            overlays: &[],
        };
        let sandbox = Sandbox::load(guest, Allocation::OnDemand, Interrupts::Epoch)
            .context("failed to load the guest")?;
        let threads = std::thread::available_parallelism()
            .map_or(2, usize::from)
            .min(args.apps.len());
        let next = AtomicUsize::new(0);
        let loaded: Vec<std::sync::Mutex<Option<Result<App>>>> = args
            .apps
            .iter()
            .map(|_| std::sync::Mutex::new(None))
            .collect();
        std::thread::scope(|s| -> Result<()> {
            for _ in 0..threads {
                std::thread::Builder::new()
                    .stack_size(moat_sandbox::GUEST_THREAD_STACK)
                    .spawn_scoped(s, || {
                        loop {
                            let i = next.fetch_add(1, Ordering::SeqCst);
                            let Some(app) = args.apps.get(i) else { return };
                            let result = load_app(&sandbox, args, app, local);
                            if let Ok(mut slot) = loaded[i].lock() {
                                *slot = Some(result);
                            }
                        }
                    })
                    .context("failed to start a thread")?;
            }
            Ok(())
        })?;
        let mut apps = Vec::with_capacity(loaded.len());
        for slot in loaded {
            let app = slot
                .into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err(anyhow::anyhow!("an app's start-up panicked")))?;
            apps.push(app);
        }
        let fallback = apps.iter().position(|a| a.host.is_none());
        Ok(Apps {
            sandbox,
            apps,
            fallback,
        })
    }

    /// The app for a request's Host header (its name; the port and a final dot left out).
    fn route(&self, host: Option<&str>) -> Option<usize> {
        let name = host.map(|h| {
            let name = match h.rsplit_once(':') {
                Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
                _ => h,
            };
            name.trim_end_matches('.').to_ascii_lowercase()
        });
        name.and_then(|n| self.apps.iter().position(|a| a.host.as_deref() == Some(&n)))
            .or(self.fallback)
    }
}

/// Builds (a script) and loads one app, and runs its start-up: the memory it leaves is where
/// every request's instance starts.
fn load_app(
    sandbox: &Sandbox,
    args: &Args,
    app: &AppArgs,
    local: std::net::SocketAddr,
) -> Result<App> {
    let path = &app.path;
    fn segments<'a>(path: &Path, wasm: &'a [u8]) -> Result<Vec<(usize, &'a [u8])>> {
        moat_sandbox::app::open(wasm, crate::sandbox::GUEST_ID)
            .with_context(|| format!("`{}` is not a module moat can run", path.display()))?
            .with_context(|| {
                format!(
                    "`{}` was not built by this version of moat; build it again with `moat build`",
                    path.display()
                )
            })
    }
    // The app's own segments are all a server keeps of it: the rest is the guest, loaded once.
    let overlays = if path.extension().is_some_and(|e| e == "wasm") {
        let wasm = moat_sandbox::app::map_file(path)
            .with_context(|| format!("failed to read `{}`", path.display()))?;
        segments(path, wasm)?
    } else {
        let built = crate::build::build_app(path, &args.includes, true)?;
        segments(path, &built)?
            .into_iter()
            .map(|(at, bytes)| (at, &*Vec::leak(bytes.to_vec())))
            .collect()
    };
    let overlays: &'static [(usize, &'static [u8])] = Vec::leak(overlays);
    let config = sandbox_config(args, app, local)?;
    let built = sandbox
        .app_image(overlays)
        .context("failed to load the app")?;
    let image = sandbox
        .capture(Some(&built), &config, Entry(INIT))
        .with_context(|| format!("`{}` did not start", path.display()))?;
    Ok(App {
        host: app.host.clone(),
        image,
        config,
    })
}

/// The sandbox every request runs in: the grants of `--safe`, the limits, and the record that
/// has the guest serve a request.
fn sandbox_config(
    args: &Args,
    app: &AppArgs,
    local: std::net::SocketAddr,
) -> Result<SandboxConfig> {
    let grants =
        moat_permissions::Grants::parse(&app.grant_flags).map_err(|e| BadOption(e.to_string()))?;
    let preopens = crate::sandbox::granted_dirs(&grants)?;
    let cwd = std::env::current_dir().context("failed to read the working directory")?;
    let record = moat_runtime::guest_config::GuestConfig {
        cwd,
        entry: moat_runtime::guest_config::GuestEntry::App,
        input_type: None,
        args: Vec::new(),
        argv0: "moat".to_string(),
        exec_argv: Vec::new(),
        flags: vec![format!("--serve-address={local}")],
        exec_path: std::env::current_exe()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "moat".to_string()),
        requires: Vec::new(),
        imports: Vec::new(),
        loaders: Vec::new(),
        permissions: Some(grants.to_flags()),
    };
    let mut env: Vec<(String, String)> = std::env::vars()
        .filter(|(k, _)| grants.env_allowed(k))
        .collect();
    env.push(("MOAT_GUEST_CONFIG".to_string(), record.to_json()));
    Ok(SandboxConfig {
        args: vec!["moat".to_string()],
        env,
        preopens,
        max_memory: Some((args.max_memory_mb * 1024 * 1024) as usize),
        timeout: args.timeout_ms.map(Duration::from_millis),
        max_cpu_time: Some(Duration::from_millis(args.max_cpu_ms)),
        grants,
        on_limit: None,
    })
}

/// A worker thread: it accepts connections and reads their requests (hyper, on a tokio runtime
/// of its own), and between turns of that runtime serves the requests in fresh instances, one
/// at a time. A request never crosses threads, and an instance runs where its connection is
/// served.
struct Worker {
    apps: Arc<Apps>,
    listener: std::net::TcpListener,
    /// Becomes true on SIGINT or SIGTERM.
    stopping: tokio::sync::watch::Receiver<bool>,
    quiet: bool,
    /// `--isolation=pool`: each app's requests go to a warm instance this worker keeps.
    pool: bool,
    timeout: Option<Duration>,
}

impl Worker {
    fn run(self) -> Result<()> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("failed to start a worker's runtime")?;
        let rt = RUNTIME.with(|cell| {
            let _ = cell.set(rt);
            cell.get().map(|rt| rt.handle().clone())
        });
        let Some(rt) = rt else {
            bail!("a worker's runtime is missing");
        };
        let (jobs, mut queue) = tokio::sync::mpsc::unbounded_channel::<Job>();
        let in_flight = Arc::new(AtomicUsize::new(0));
        let listener = {
            let _in = rt.enter();
            tokio::net::TcpListener::from_std(self.listener)
                .context("failed to set up the listener")?
        };
        let local = listener
            .local_addr()
            .context("failed to read the address")?;
        let mut stopping = self.stopping.clone();
        rt.spawn(accept(
            listener,
            local,
            self.apps.clone(),
            jobs,
            in_flight.clone(),
            stopping.clone(),
            self.quiet,
        ));
        // Under `--isolation=pool`, this worker's warm instance of each app, made on its first
        // request and made again after one ended its run.
        let mut warm: Vec<Option<Warm>> = self.apps.apps.iter().map(|_| None).collect();
        loop {
            // The connections make progress until one of them has a request for an instance,
            // or the server stops and the requests in flight are answered.
            let next = drive(
                async {
                    tokio::select! {
                        job = queue.recv() => job,
                        () = drained(&mut stopping, &in_flight) => None,
                    }
                },
                None,
            )
            .flatten();
            let Some(job) = next else { return Ok(()) };
            let Some(app) = self.apps.apps.get(job.app) else {
                continue;
            };
            let sandbox = &self.apps.sandbox;
            let slot = warm.get_mut(job.app).filter(|_| self.pool);
            let (served, label) = Served::new(job, self.timeout);
            let outcome = match slot {
                None => sandbox
                    .serve_here(
                        Some(&app.image),
                        &app.config,
                        Box::new(served.clone()),
                        Entry(REQUEST),
                    )
                    .map_err(|e| e.to_string()),
                Some(slot) => serve_warm(sandbox, app, slot, Box::new(served.clone())),
            };
            finish(&served, &label, outcome);
        }
    }
}

/// Serves a request in the warm instance `slot` holds (made now when it holds none); an
/// instance that ended its run, or failed, is let go, and the next request gets a new one.
fn serve_warm(
    sandbox: &Sandbox,
    app: &App,
    slot: &mut Option<Warm>,
    exchange: Box<dyn Exchange>,
) -> Result<i32, String> {
    let mut warm = match slot.take() {
        Some(w) => w,
        None => sandbox
            .warm(Some(&app.image), &app.config, Entry(NEXT))
            .map_err(|e| e.to_string())?,
    };
    match sandbox.serve_warm(&mut warm, &app.config, exchange) {
        Ok(None) => {
            *slot = Some(warm);
            Ok(0)
        }
        Ok(Some(code)) => Ok(code),
        Err(e) => Err(e.to_string()),
    }
}

/// Returns once the server is stopping and this worker has no request in flight (or has
/// waited 30 s for them).
async fn drained(stopping: &mut tokio::sync::watch::Receiver<bool>, in_flight: &AtomicUsize) {
    if stopping.wait_for(|&s| s).await.is_err() {
        std::future::pending::<()>().await;
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// A response's status and headers.
type Head = (StatusCode, Vec<(String, String)>);

/// A response head as the guest writes it: `{"status":200,"headers":[["name","value"],…]}`,
/// or `{"raw":true}` (None) when the body is the whole HTTP response; with whether the body
/// streams (`"more":true`).
fn parse_head(head: &[u8]) -> Result<(Option<Head>, bool), String> {
    let v: serde_json::Value =
        serde_json::from_slice(head).map_err(|e| format!("a damaged response head: {e}"))?;
    let more = v["more"] == serde_json::Value::Bool(true);
    if v["raw"] == serde_json::Value::Bool(true) {
        return Ok((None, more));
    }
    let status = v["status"]
        .as_u64()
        .and_then(|s| u16::try_from(s).ok())
        .and_then(|s| StatusCode::from_u16(s).ok())
        .ok_or("a response without a valid status")?;
    let headers = v["headers"]
        .as_array()
        .map(|hs| {
            hs.iter()
                .filter_map(|h| Some((h[0].as_str()?.to_string(), h[1].as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    Ok((Some((status, headers)), more))
}

/// Reads an HTTP/1.1 response as a Node-style server wrote it, whole or as it writes it, with
/// hyper's client: over an in-memory connection whose other end takes hyper's request and
/// answers with `raw`.
async fn parse_raw(raw: Raw) -> Result<Response<Body>, String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (client, mut server) = tokio::io::duplex(64 * 1024);
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(client))
            .await
            .map_err(|e| e.to_string())?;
    tokio::spawn(conn);
    let streams = matches!(raw, Raw::Streaming(_));
    tokio::spawn(async move {
        // hyper's request, read and dropped, then the app's response and the end.
        let mut seen = Vec::new();
        let mut buf = [0u8; 1024];
        while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
            match server.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => seen.extend_from_slice(&buf[..n]),
            }
        }
        match raw {
            Raw::Whole(bytes) => {
                let _ = server.write_all(&bytes).await;
            }
            Raw::Streaming(mut parts) => {
                while let Some(part) = parts.next().await {
                    // Cut off: the client reads a response that ends too soon.
                    let Ok(bytes) = part else { return };
                    if server.write_all(&bytes).await.is_err() {
                        return;
                    }
                }
            }
        }
        let _ = server.shutdown().await;
    });
    let request = Request::get("/")
        .body(http_body_util::Empty::<Bytes>::new())
        .map_err(|e| e.to_string())?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("the app's server wrote no valid HTTP response: {e}"))?;
    let (parts, body) = response.into_parts();
    let body = if streams {
        body.map_err(BoxError::from).boxed_unsync()
    } else {
        let bytes = body
            .collect()
            .await
            .map_err(|e| format!("the app's response body is damaged: {e}"))?
            .to_bytes();
        Full::new(bytes)
            .map_err(|never| match never {})
            .boxed_unsync()
    };
    let mut r = Response::new(body);
    *r.status_mut() = parts.status;
    *r.headers_mut() = parts.headers;
    // hyper frames the body again: a whole one with its length, a streamed one as the app did
    // or in chunks.
    r.headers_mut().remove(hyper::header::TRANSFER_ENCODING);
    r.headers_mut().remove(hyper::header::CONNECTION);
    Ok(r)
}

/// Accepts connections until the server stops, and serves HTTP/1.1 on each; the requests go
/// to `jobs`.
async fn accept(
    listener: tokio::net::TcpListener,
    local: std::net::SocketAddr,
    apps: Arc<Apps>,
    jobs: tokio::sync::mpsc::UnboundedSender<Job>,
    in_flight: Arc<AtomicUsize>,
    mut stopping: tokio::sync::watch::Receiver<bool>,
    quiet: bool,
) {
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            _ = stopping.wait_for(|&s| s) => return,
        };
        let Ok((stream, _)) = accepted else { continue };
        let _ = stream.set_nodelay(true);
        let jobs = jobs.clone();
        let in_flight = in_flight.clone();
        let apps = apps.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let jobs = jobs.clone();
                let in_flight = in_flight.clone();
                let apps = apps.clone();
                async move {
                    in_flight.fetch_add(1, Ordering::SeqCst);
                    let r = handle(req, local, &apps, &jobs, quiet).await;
                    in_flight.fetch_sub(1, Ordering::SeqCst);
                    r
                }
            });
            let io = hyper_util::rt::TokioIo::new(stream);
            let _ = hyper::server::conn::http1::Builder::new()
                .keep_alive(true)
                .serve_connection(io, service)
                .await;
        });
    }
}

/// The longest request body that comes with its head: one whose length the client gave and is
/// at most this is read before the instance starts; a longer or open-ended one streams.
const WHOLE_BODY: u64 = 64 << 10;

async fn handle(
    req: Request<hyper::body::Incoming>,
    local: std::net::SocketAddr,
    apps: &Apps,
    jobs: &tokio::sync::mpsc::UnboundedSender<Job>,
    quiet: bool,
) -> Result<Response<Body>, std::convert::Infallible> {
    let started = Instant::now();
    let method = req.method().to_string();
    let path = req
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_string(), |p| p.to_string());
    let given_host = req
        .headers()
        .get(hyper::header::HOST)
        .and_then(|h| h.to_str().ok());
    let Some(app) = apps.route(given_host) else {
        if !quiet {
            eprintln!("{method} {path} 404 (no app for this host)");
        }
        return Ok(plain(StatusCode::NOT_FOUND, "Not Found"));
    };
    let host = given_host.map_or_else(|| local.to_string(), str::to_string);
    // The URL as the guest's URL parser would serialise it (the same `url` crate), so that the
    // guest need not parse it unless the app asks for its parts.
    let Ok(url) = url::Url::parse(&format!("http://{host}{path}")) else {
        if !quiet {
            eprintln!("{method} {path} 400 (not a valid URL with host {host:?})");
        }
        return Ok(plain(StatusCode::BAD_REQUEST, "Bad Request"));
    };
    let headers: Vec<(String, String)> = req
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut body = req.into_body();
    let streams = !hyper::body::Body::is_end_stream(&body)
        && hyper::body::Body::size_hint(&body)
            .exact()
            .is_none_or(|n| n > WHOLE_BODY);
    let (whole, body) = if streams {
        (Bytes::new(), Some(body))
    } else {
        let mut whole = Vec::new();
        while let Some(frame) = body.frame().await {
            match frame.map(Frame::into_data) {
                Ok(Ok(data)) => whole.extend_from_slice(&data),
                Ok(Err(_trailers)) => {}
                Err(_) => return Ok(plain(StatusCode::BAD_REQUEST, "Bad Request")),
            }
        }
        (Bytes::from(whole), None)
    };
    let mut head = serde_json::json!({
        "method": method,
        "url": url.as_str(),
        "headers": headers,
    });
    if streams {
        head["more"] = serde_json::Value::Bool(true);
    }
    let head = head.to_string();
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job = Job {
        app,
        request: moat_abi::serve::encode_request(head.as_bytes(), &whole),
        body,
        reply,
        label: format!("{method} {path}"),
    };
    let answer = if jobs.send(job).is_ok() {
        answer.await.ok()
    } else {
        None
    };
    let (response, instance) = match answer {
        Some(Answer {
            result: Ok(Reply::Raw(raw)),
            instance,
        }) => match parse_raw(raw).await {
            Ok(r) => (r, instance),
            Err(why) => {
                eprintln!("moat serve: {method} {path}: {why}");
                (
                    plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
                    instance,
                )
            }
        },
        Some(Answer {
            result: Ok(Reply::Parts(status, headers, body)),
            instance,
        }) => {
            let mut r = Response::new(body);
            *r.status_mut() = status;
            for (k, v) in headers {
                if let (Ok(k), Ok(v)) = (
                    hyper::header::HeaderName::from_bytes(k.as_bytes()),
                    hyper::header::HeaderValue::from_str(&v),
                ) {
                    r.headers_mut().append(k, v);
                }
            }
            (r, instance)
        }
        Some(Answer {
            result: Err(why),
            instance,
        }) => {
            eprintln!("moat serve: {method} {path}: {why}");
            (
                plain(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error"),
                instance,
            )
        }
        None => (
            plain(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable"),
            Duration::ZERO,
        ),
    };
    if !quiet {
        eprintln!(
            "{method} {path} {} {}us (instance {}us)",
            response.status().as_u16(),
            started.elapsed().as_micros(),
            instance.as_micros()
        );
    }
    Ok(response)
}

fn plain(status: StatusCode, text: &'static str) -> Response<Body> {
    let body = Full::new(Bytes::from_static(text.as_bytes()));
    let mut r = Response::new(body.map_err(|never| match never {}).boxed_unsync());
    *r.status_mut() = status;
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}
