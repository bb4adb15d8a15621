//! The moat JavaScript runtime: QuickJS-ng (through rquickjs), Node's module loader, an event
//! loop in Node's order, and the `node:*` built-in modules, each as a Rust half
//! (`src/modules/<name>.rs`) and a JS half (`js/<name>.js`).
//!
//! The same source builds for the host and for wasm32-wasip1 (the `--safe` guest). Everything
//! that touches the operating system goes through [`sys`]; engine types stay in the binding
//! layer (`engine`, `modules`, `loader/mod.rs`), never in `sys` or [`loader::resolve`].
//!
//! Dependencies point one way: `engine` → `modules` (the bindings) → `loader` → `permissions`
//! → the shared helpers (`state`: what the bindings share; `js_errors`: Node-shaped errors;
//! `value`, `script`, `base64`) → `sys`. Never depends on the sandbox host.

mod base64;
pub mod compile;
mod engine;
pub mod guest_config;
mod js_errors;
pub mod loader;
mod modules;
mod permissions;
mod script;
mod state;
pub mod sys;
mod value;

use std::path::PathBuf;

pub use moat_permissions::Grants;

/// What to run.
#[derive(Clone, Debug)]
pub enum Entry {
    /// A script file (`moat app.js`).
    File(PathBuf),
    /// Source from `-e` (`print` for `-p`).
    Eval { code: String, print: bool },
    /// Source read from standard input (`moat -` or piped input).
    Stdin,
}

/// `--input-type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputType {
    CommonJs,
    Module,
}

/// Everything the runtime needs to start, resolved by the CLI.
#[derive(Clone, Debug)]
pub struct Options {
    pub entry: Entry,
    /// `process.argv` from index 1 on: the script path (when there is one), then its arguments.
    pub args: Vec<String>,
    /// `process.argv0`.
    pub argv0: String,
    /// `process.execArgv`.
    pub exec_argv: Vec<String>,
    /// The options in force, from NODE_OPTIONS and the command line, by name
    /// (`--no-deprecation`); the runtime's behaviour follows these, not `exec_argv`.
    pub flags: Vec<String>,
    /// `process.execPath`.
    pub exec_path: String,
    pub input_type: Option<InputType>,
    /// `-r` modules, in order.
    pub requires: Vec<String>,
    /// `--import` modules, in order.
    pub imports: Vec<String>,
    /// `--experimental-loader` modules: loaded first; customization hooks are not supported.
    pub loaders: Vec<String>,
    /// Variables from `--env-file`, applied where the environment does not already set them.
    pub env_file_vars: Vec<(String, String)>,
    /// True inside the `--safe` sandbox.
    pub sandboxed: bool,
    /// The permission model's grants (`--permission`, and always under `--safe`), with their
    /// paths resolved; `None` runs without it, as node does by default.
    pub grants: Option<moat_permissions::Grants>,
}

/// Runs a program to completion and returns its exit code.
pub fn run(options: Options) -> i32 {
    sys::mark_start();
    engine::run(options)
}

/// Boots the engine ahead of [`run`]: the built-in module system and the built-ins that do
/// not depend on the program. The sandbox guest calls this when its snapshot is taken, so a
/// run starts from a booted engine; nothing it does reads the clock, the environment or files.
///
/// # Errors
/// A bootstrap failure, as text.
pub fn preboot() -> Result<(), String> {
    engine::preboot()
}

/// `moat serve`'s instance, in two halves with a snapshot between: [`serve_init`] loads the
/// app `options` name and returns; [`serve_request`], in a copy of that memory, serves one
/// request and returns the exit code.
///
/// # Errors
/// A bootstrap failure, or the app's own, as text.
pub fn serve_init(options: Options) -> Result<(), String> {
    sys::mark_start();
    engine::serve_init(options)
}

/// See [`serve_init`].
pub fn serve_request() -> i32 {
    engine::serve_request()
}

/// `moat serve --isolation=pool`: serves the next request in a warm instance (the app loaded
/// by [`serve_init`]); 0 when it was answered.
pub fn serve_next() -> i32 {
    engine::serve_next()
}

/// moat's own version (`process.versions.moat`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The Node release moat behaves as (`process.version`).
pub const NODE_VERSION: &str = "v24.19.0";
