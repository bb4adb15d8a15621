//! The graph of ES modules the loader has loaded, for `require()` of an ES module and for the
//! engine's messages about them. Plain data; no engine types.

/// What the loader has learnt of the ES modules it loaded: which use top-level `await`, and
/// where each of their specifiers led.
#[derive(Default)]
pub struct EsmGraph {
    pub(super) tla: std::collections::HashMap<String, bool>,
    pub(super) resolved: std::collections::HashMap<(String, String), String>,
    pub(super) deps: std::collections::HashMap<String, Vec<String>>,
    /// The latest import of each module: (importer, specifier), and when it was.
    pub(super) last_import: std::collections::HashMap<String, ((String, String), u64)>,
    pub(super) imports_seen: u64,
}

impl EsmGraph {
    /// The first module with top-level `await` in the graph under `root` (itself included).
    pub fn find_async(&self, root: &str) -> Option<String> {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![root.to_string()];
        while let Some(name) = stack.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            if self.tla.get(&name) == Some(&true) {
                return Some(name);
            }
            if let Some(deps) = self.deps.get(&name) {
                stack.extend(deps.iter().rev().cloned());
            }
        }
        None
    }

    /// The module the engine's messages name `shown` (they cut names short after 63 bytes),
    /// and the importer and specifier it was last imported by.
    pub fn last_import_of(&self, shown: &str) -> Option<(&str, &str, &str)> {
        // A name cut short may fit several modules: the one imported last is the one the
        // engine was linking.
        let found = self.last_import.get_key_value(shown).or_else(|| {
            (shown.len() >= 63)
                .then(|| {
                    self.last_import
                        .iter()
                        .filter(|(name, _)| name.starts_with(shown))
                        .max_by_key(|(_, (_, seq))| *seq)
                })
                .flatten()
        })?;
        let (name, ((importer, spec), _)) = found;
        Some((name.as_str(), importer.as_str(), spec.as_str()))
    }

    /// True once the loader has loaded `name` as an ES module.
    pub fn knows(&self, name: &str) -> bool {
        self.tla.contains_key(name)
    }
}
