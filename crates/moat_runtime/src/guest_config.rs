//! The record a sandbox host hands the `--safe` guest: the run's [`Options`] as one JSON object
//! (in the `MOAT_GUEST_CONFIG` environment variable), written by the host with
//! [`GuestConfig::new`] and read back by the guest with [`GuestConfig::from_json`].

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Entry, InputType, Options};

/// What to run, as the record names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "source", rename_all = "camelCase")]
pub enum GuestEntry {
    File(PathBuf),
    Eval(String),
    Print(String),
    Stdin,
    /// The app a built module carries (`moat build`, `sys::embedded`); `args` are the
    /// arguments after it.
    App,
}

/// `--input-type`, as the record names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GuestInputType {
    Commonjs,
    Module,
}

/// The run as the guest needs it; field by field the [`Options`] it came from, plus the
/// working directory, with the grants as the flags that make them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GuestConfig {
    pub cwd: PathBuf,
    pub entry: GuestEntry,
    pub input_type: Option<GuestInputType>,
    pub args: Vec<String>,
    pub argv0: String,
    pub exec_argv: Vec<String>,
    pub flags: Vec<String>,
    pub exec_path: String,
    pub requires: Vec<String>,
    pub imports: Vec<String>,
    pub loaders: Vec<String>,
    /// The grants as permission flags (`Grants::to_flags`); none means no permission model.
    pub permissions: Option<Vec<String>>,
}

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GuestConfigError {
    #[error("malformed guest record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("guest record grants: {0}")]
    Grants(#[from] moat_permissions::GrantError),
    #[error("this module carries no app; build one with `moat build`")]
    NoApp,
}

impl GuestConfig {
    /// The record of `options`, run in `cwd`.
    pub fn new(cwd: &Path, options: &Options) -> Self {
        let entry = match &options.entry {
            Entry::File(p) => GuestEntry::File(p.clone()),
            Entry::Eval { code, print: false } => GuestEntry::Eval(code.clone()),
            Entry::Eval { code, print: true } => GuestEntry::Print(code.clone()),
            Entry::Stdin => GuestEntry::Stdin,
        };
        GuestConfig {
            cwd: cwd.to_path_buf(),
            entry,
            input_type: options.input_type.map(|t| match t {
                InputType::CommonJs => GuestInputType::Commonjs,
                InputType::Module => GuestInputType::Module,
            }),
            args: options.args.clone(),
            argv0: options.argv0.clone(),
            exec_argv: options.exec_argv.clone(),
            flags: options.flags.clone(),
            exec_path: options.exec_path.clone(),
            requires: options.requires.clone(),
            imports: options.imports.clone(),
            loaders: options.loaders.clone(),
            permissions: options
                .grants
                .as_ref()
                .map(moat_permissions::Grants::to_flags),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a record of strings and lists always serialises")
    }

    /// # Errors
    /// The text is not a record this version writes.
    pub fn from_json(text: &str) -> Result<Self, GuestConfigError> {
        Ok(serde_json::from_str(text)?)
    }

    /// The options the guest runs with (`sandboxed`, no `--env-file` variables: the host
    /// applied those to the guest's environment).
    ///
    /// # Errors
    /// The permission flags do not parse.
    pub fn into_options(self) -> Result<Options, GuestConfigError> {
        let grants = match self.permissions {
            Some(flags) => Some(moat_permissions::Grants::parse(&flags)?),
            None => None,
        };
        let mut args = self.args;
        if self.entry == GuestEntry::App {
            let app = crate::sys::embedded::app().ok_or(GuestConfigError::NoApp)?;
            args.insert(0, app.entry.to_string());
        }
        Ok(Options {
            entry: match self.entry {
                GuestEntry::App => {
                    let app = crate::sys::embedded::app().ok_or(GuestConfigError::NoApp)?;
                    Entry::File(PathBuf::from(app.entry))
                }
                GuestEntry::File(p) => Entry::File(p),
                GuestEntry::Eval(code) => Entry::Eval { code, print: false },
                GuestEntry::Print(code) => Entry::Eval { code, print: true },
                GuestEntry::Stdin => Entry::Stdin,
            },
            args,
            argv0: self.argv0,
            exec_argv: self.exec_argv,
            flags: self.flags,
            exec_path: self.exec_path,
            input_type: self.input_type.map(|t| match t {
                GuestInputType::Commonjs => InputType::CommonJs,
                GuestInputType::Module => InputType::Module,
            }),
            requires: self.requires,
            imports: self.imports,
            loaders: self.loaders,
            env_file_vars: Vec::new(),
            sandboxed: true,
            grants,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(entry: Entry) -> Options {
        Options {
            entry,
            args: vec!["app.js".into(), "a b".into(), "\u{1F680}\"\\".into()],
            argv0: "moat".into(),
            exec_argv: vec!["--safe".into()],
            flags: vec!["--no-deprecation".into()],
            exec_path: "/usr/bin/moat".into(),
            input_type: Some(InputType::Module),
            requires: vec!["./r.js".into()],
            imports: vec![],
            loaders: vec![],
            env_file_vars: vec![],
            sandboxed: false,
            grants: Some(moat_permissions::Grants::parse(&["--allow-env=HOME"]).unwrap()),
        }
    }

    #[test]
    fn every_entry_kind_round_trips() {
        for entry in [
            Entry::File("/srv/app.js".into()),
            Entry::Eval {
                code: "1+1".into(),
                print: false,
            },
            Entry::Eval {
                code: "'\\n'".into(),
                print: true,
            },
            Entry::Stdin,
        ] {
            let record = GuestConfig::new(Path::new("/srv"), &options(entry.clone()));
            let back = GuestConfig::from_json(&record.to_json()).unwrap();
            assert_eq!(back, record);
            let opts = back.into_options().unwrap();
            assert_eq!(format!("{:?}", opts.entry), format!("{entry:?}"));
            assert!(opts.sandboxed);
            assert_eq!(opts.args, options(Entry::Stdin).args);
            assert_eq!(opts.input_type, Some(InputType::Module));
            assert!(
                opts.grants
                    .unwrap()
                    .to_flags()
                    .contains(&"--allow-env=HOME".to_string())
            );
        }
    }

    #[test]
    fn an_app_entry_needs_a_built_app() {
        let mut record = GuestConfig::new(Path::new("/"), &options(Entry::Stdin));
        record.entry = GuestEntry::App;
        let back = GuestConfig::from_json(&record.to_json()).unwrap();
        assert_eq!(back.entry, GuestEntry::App);
        // Natively no module carries an app.
        assert!(matches!(back.into_options(), Err(GuestConfigError::NoApp)));
    }

    #[test]
    fn malformed_records_are_errors() {
        assert!(GuestConfig::from_json("").is_err());
        assert!(GuestConfig::from_json("{\"cwd\": 1}").is_err());
        let mut v: serde_json::Value = serde_json::from_str(
            &GuestConfig::new(Path::new("/"), &options(Entry::Stdin)).to_json(),
        )
        .unwrap();
        v["surprise"] = true.into();
        assert!(GuestConfig::from_json(&v.to_string()).is_err());
        v.as_object_mut().unwrap().remove("surprise");
        v["permissions"] = serde_json::json!(["--allow-fs-read"]);
        assert!(matches!(
            GuestConfig::from_json(&v.to_string())
                .unwrap()
                .into_options(),
            Err(GuestConfigError::Grants(_))
        ));
    }
}
