//! `moat --run <script>`: runs a package.json script with `node_modules/.bin` on `PATH`, as
//! `node --run` does.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

fn find_package(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|d| d.join("package.json"))
        .find(|p| p.is_file())
}

pub fn run(name: &str, rest: &[String]) -> Result<i32> {
    let cwd = std::env::current_dir().context("failed to read the working directory")?;
    let Some(pkg_path) = find_package(&cwd) else {
        eprintln!("Can't find package.json for directory {}", cwd.display());
        return Ok(1);
    };
    let text = std::fs::read_to_string(&pkg_path)
        .with_context(|| format!("failed to read `{}`", pkg_path.display()))?;
    let pkg: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("failed to parse `{}`", pkg_path.display()))?;
    let Some(script) = pkg
        .get("scripts")
        .and_then(|s| s.get(name))
        .and_then(|s| s.as_str())
    else {
        eprintln!("Missing script: \"{name}\" for {}\n", pkg_path.display());
        if let Some(scripts) = pkg.get("scripts").and_then(|s| s.as_object()) {
            eprintln!("Available scripts are:");
            for (k, v) in scripts {
                eprintln!("  {k}: {}", v.as_str().unwrap_or_default());
            }
        }
        return Ok(1);
    };
    let mut command = script.to_string();
    for a in rest {
        command.push(' ');
        command.push_str(&shell_quote(a));
    }
    let pkg_dir = pkg_path.parent().unwrap_or(&cwd);
    let mut path = std::env::var_os("PATH").unwrap_or_default();
    let mut bins: Vec<PathBuf> = pkg_dir
        .ancestors()
        .map(|d| d.join("node_modules/.bin"))
        .collect();
    bins.extend(std::env::split_paths(&path));
    path = std::env::join_paths(bins).unwrap_or(path);
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(&command)
        .current_dir(pkg_dir)
        .env("PATH", path)
        .env("npm_lifecycle_event", name)
        .env("npm_package_json", &pkg_path)
        .status()
        .with_context(|| format!("failed to run script `{name}`"))?;
    Ok(status.code().unwrap_or(1))
}

fn shell_quote(s: &str) -> String {
    if s.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./=:,".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
