//! `moat serve app.js|app.wasm`: an HTTP/1.1 server in the host (hyper) that hands every
//! request to a fresh sandboxed instance of the app and discards the instance after.
//!
//! The app is built first when it is a script (as `moat build` would), then each worker thread
//! loads the guest's code once and makes an instance per request from the app's memory image:
//! nothing one request leaves in memory is there for the next. The instance loads the app and
//! calls its WinterTC `fetch` handler (`js/internal/serve.js`); the request and response cross
//! whole (`moat_abi::serve`). A request that runs into a limit (`--max-cpu-time`,
//! `--max-memory`) gets a 5xx and a log line, and the server goes on.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Request, Response, StatusCode};
use moat_sandbox::{
    Allocation, AppImage, Entry, Exchange, Guest, Interrupts, Sandbox, SandboxConfig,
};

/// The guest's exports for serving: load the app (once, before the snapshot every request's
/// instance starts from), and serve one request.
const INIT: &str = "moat-serve-init";
const REQUEST: &str = "moat-serve-request";

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
  --isolation=request      a fresh instance for every request (the default and, for now, the
                           only choice: `pool` is not implemented yet)
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
                "request" => {}
                "pool" => bail!("--isolation=pool (warm instances reused) is not implemented yet"),
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
            "--workers" => {
                let n = number(flag, opt.value(args, &mut i)?)?;
                if n == 0 || n > 1024 {
                    return Err(BadOption(format!("--workers takes 1 to 1024, not {n}")).into());
                }
                out.workers = Some(n as usize);
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
    for app in &mut out.apps {
        app.grant_flags.splice(0..0, for_all.iter().cloned());
    }
    Ok(Some(out))
}

/// A request for a worker: the app's index, the encoded request, and where the answer goes.
struct Job {
    app: usize,
    request: Vec<u8>,
    reply: tokio::sync::oneshot::Sender<Answer>,
}

/// What an instance made of a request.
struct Answer {
    result: Result<Reply, String>,
    instance: Duration,
}

/// A response as an instance gives it.
enum Reply {
    /// A fetch handler's: status, headers, body.
    Parts(StatusCode, Vec<(String, String)>, Vec<u8>),
    /// A Node-style server's: the HTTP/1.1 response it wrote.
    Raw(Vec<u8>),
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
    eprintln!(
        "moat serve: {what} on http://{local} ({workers} workers, a fresh instance per request)"
    );
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
}

impl Worker {
    fn run(self) -> Result<()> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("failed to start a worker's runtime")?;
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
        loop {
            // The connections make progress until one of them has a request for an instance,
            // or the server stops and the requests in flight are answered.
            let next = rt.block_on(async {
                tokio::select! {
                    job = queue.recv() => job,
                    () = drained(&mut stopping, &in_flight) => None,
                }
            });
            let Some(job) = next else { return Ok(()) };
            let Some(app) = self.apps.apps.get(job.app) else {
                continue;
            };
            let answer = serve_one(&self.apps.sandbox, app, job.request);
            let _ = job.reply.send(answer);
        }
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

/// Serves one request in a fresh instance of `app`.
fn serve_one(sandbox: &Sandbox, app: &App, request: Vec<u8>) -> Answer {
    let started = Instant::now();
    let mut exchange = Some(Exchange {
        request,
        response: None,
    });
    let outcome = sandbox.serve_here(Some(&app.image), &app.config, &mut exchange, Entry(REQUEST));
    let response = exchange.and_then(|x| x.response);
    let result = match (outcome, response) {
        (_, Some((head, body))) => parse_head(&head).map(|head| match head {
            Some((s, h)) => Reply::Parts(s, h, body),
            None => Reply::Raw(body),
        }),
        (Ok(code), None) => Err(format!(
            "the app ended (exit code {code}) without answering"
        )),
        (Err(e), None) => Err(e.to_string()),
    };
    Answer {
        result,
        instance: started.elapsed(),
    }
}

/// A response's status and headers.
type Head = (StatusCode, Vec<(String, String)>);

/// A response head as the guest writes it: `{"status":200,"headers":[["name","value"],…]}`,
/// or `{"raw":true}` (None) when the body is the whole HTTP response.
fn parse_head(head: &[u8]) -> Result<Option<Head>, String> {
    let v: serde_json::Value =
        serde_json::from_slice(head).map_err(|e| format!("a damaged response head: {e}"))?;
    if v["raw"] == serde_json::Value::Bool(true) {
        return Ok(None);
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
    Ok(Some((status, headers)))
}

/// Reads a whole HTTP/1.1 response, as a Node-style server wrote it, with hyper's client: over an
/// in-memory connection whose other end takes hyper's request and answers with `raw`.
async fn parse_raw(raw: Vec<u8>) -> Result<Response<Full<Bytes>>, String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (client, mut server) = tokio::io::duplex(64 * 1024);
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(client))
            .await
            .map_err(|e| e.to_string())?;
    tokio::spawn(conn);
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
        let _ = server.write_all(&raw).await;
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
    let body = body
        .collect()
        .await
        .map_err(|e| format!("the app's response body is damaged: {e}"))?
        .to_bytes();
    let mut r = Response::new(Full::new(body));
    *r.status_mut() = parts.status;
    *r.headers_mut() = parts.headers;
    // The length is the body's now, whatever framing the app chose.
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

/// The largest request body an instance is handed.
const MAX_BODY: usize = 64 << 20;

async fn handle(
    req: Request<hyper::body::Incoming>,
    local: std::net::SocketAddr,
    apps: &Apps,
    jobs: &tokio::sync::mpsc::UnboundedSender<Job>,
    quiet: bool,
) -> Result<Response<Full<Bytes>>, std::convert::Infallible> {
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
    let body = match http_body_util::Limited::new(req.into_body(), MAX_BODY)
        .collect()
        .await
    {
        Ok(b) => b.to_bytes(),
        Err(_) => {
            return Ok(plain(
                StatusCode::PAYLOAD_TOO_LARGE,
                "request body too large",
            ));
        }
    };
    let head = serde_json::json!({
        "method": method,
        "url": format!("http://{host}{path}"),
        "headers": headers,
    })
    .to_string();
    let (reply, answer) = tokio::sync::oneshot::channel();
    let job = Job {
        app,
        request: moat_abi::serve::encode_request(head.as_bytes(), &body),
        reply,
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
            let mut r = Response::new(Full::new(Bytes::from(body)));
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

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *r.status_mut() = status;
    r.headers_mut().insert(
        hyper::header::CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    r
}
