//! What `require()` of an ES module must know before anything in its graph runs: whether a
//! module uses top-level `await`, and which specifiers it imports.
//!
//! QuickJS-ng keeps both in its module record but has no API for them; its bytecode writer
//! puts them at the front of a serialized module, before the code, so they are read back from
//! `JS_WriteObject`'s output. The layout is that of the pinned engine (`BC_VERSION` below);
//! a buffer of any other version reads as `None`, and the caller falls back to watching the
//! evaluation.

/// Bytecode format version of the QuickJS-ng that rquickjs-sys 0.14 builds.
const BC_VERSION: u8 = 28;
/// Tags of that version: `BC_TAG_MODULE`, and the values import attributes are written as.
const BC_TAG_MODULE: u8 = 13;
const BC_TAG_UNDEFINED: u8 = 2;
const BC_TAG_STRING: u8 = 7;
const BC_TAG_OBJECT: u8 = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleInfo {
    /// The module's own code awaits at top level.
    pub tla: bool,
    /// Its import specifiers, in source order (those the engine names by a predefined atom,
    /// which no path or package name in practice is, are left out).
    pub requests: Vec<String>,
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn leb128(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn skip(&mut self, n: usize) -> Option<()> {
        self.pos = self.pos.checked_add(n).filter(|&p| p <= self.buf.len())?;
        Some(())
    }

    /// `JS_WriteString`: length and width, then Latin-1 bytes or UTF-16 units.
    fn string(&mut self) -> Option<String> {
        let header = self.leb128()? as usize;
        let len = header >> 1;
        let start = self.pos;
        if header & 1 == 1 {
            self.skip(len * 2)?;
            let units: Vec<u16> = self.buf[start..self.pos]
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            Some(String::from_utf16_lossy(&units))
        } else {
            self.skip(len)?;
            Some(
                self.buf[start..self.pos]
                    .iter()
                    .map(|&b| b as char)
                    .collect(),
            )
        }
    }
}

/// Reads a serialized module (`JS_WriteObject` with `JS_WRITE_OBJ_BYTECODE`, native
/// little-endian byte order). `first_atom` is the engine's `JS_ATOM_END`: references below it
/// name predefined atoms, the rest index the buffer's own atom table.
pub fn read(buf: &[u8], first_atom: u32) -> Option<ModuleInfo> {
    let mut r = Reader { buf, pos: 0 };
    if r.u8()? != BC_VERSION {
        return None;
    }
    r.skip(4)?; // checksum
    let count = r.leb128()?;
    let mut atoms: Vec<Option<String>> = Vec::new();
    for _ in 0..count {
        let kind = r.u8()?;
        if kind & 0x80 != 0 {
            // A predefined atom, stored by number.
            if kind & 0xc0 == 0xc0 {
                r.leb128()?;
            }
            atoms.push(None);
        } else {
            atoms.push(Some(r.string()?));
        }
    }
    let atom = |r: &mut Reader<'_>| -> Option<Option<String>> {
        let v = r.leb128()?;
        if v & 1 == 1 {
            return Some(Some((v >> 1).to_string()));
        }
        let idx = v >> 1;
        Some(match idx.checked_sub(first_atom) {
            Some(i) => atoms.get(i as usize)?.clone(),
            None => None,
        })
    };
    if r.u8()? != BC_TAG_MODULE {
        return None;
    }
    atom(&mut r)?; // the module's name
    let mut requests = Vec::new();
    for _ in 0..r.leb128()? {
        if let Some(name) = atom(&mut r)? {
            requests.push(name);
        }
        // Its import attributes (vendor patch 0004): undefined, or an object of strings.
        match r.u8()? {
            BC_TAG_UNDEFINED => {}
            BC_TAG_OBJECT => {
                for _ in 0..r.leb128()? {
                    atom(&mut r)?;
                    if r.u8()? != BC_TAG_STRING {
                        return None;
                    }
                    r.string()?;
                }
            }
            _ => return None,
        }
    }
    for _ in 0..r.leb128()? {
        // export entries: kind, then a local variable or a re-exported (module, name), then
        // the exported name
        if r.u8()? == 0 {
            r.leb128()?;
        } else {
            r.leb128()?;
            atom(&mut r)?;
        }
        atom(&mut r)?;
    }
    for _ in 0..r.leb128()? {
        r.leb128()?; // `export *` entries
    }
    for _ in 0..r.leb128()? {
        // import entries: variable, imported name, module
        r.leb128()?;
        atom(&mut r)?;
        r.leb128()?;
    }
    let tla = match r.u8()? {
        0 => false,
        1 => true,
        _ => return None,
    };
    Some(ModuleInfo { tla, requests })
}

/// The [`ModuleInfo`] of a module QuickJS has compiled but not yet run.
pub fn of<T>(module: &rquickjs::Module<'_, T>) -> Option<ModuleInfo> {
    let bytes = module.write(rquickjs::WriteOptions::default()).ok()?;
    if cfg!(target_endian = "big") {
        return None;
    }
    read(&bytes, rquickjs::qjs::JS_ATOM_END)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::CatchResultExt;

    /// Every import resolves to itself and loads as an empty module.
    struct Anything;
    impl rquickjs::loader::Resolver for Anything {
        fn resolve<'js>(
            &mut self,
            _: &rquickjs::Ctx<'js>,
            _: &str,
            name: &str,
            _: Option<rquickjs::loader::ImportAttributes<'js>>,
        ) -> rquickjs::Result<String> {
            Ok(name.to_string())
        }
    }
    impl rquickjs::loader::Loader for Anything {
        fn load<'js>(
            &mut self,
            ctx: &rquickjs::Ctx<'js>,
            name: &str,
            _: Option<rquickjs::loader::ImportAttributes<'js>>,
        ) -> rquickjs::Result<rquickjs::Module<'js>> {
            rquickjs::Module::declare(
                ctx.clone(),
                name,
                "export default 1; export const b = 2, x = 3;",
            )
        }
    }

    fn info(source: &str) -> Option<ModuleInfo> {
        let rt = rquickjs::Runtime::new().unwrap();
        rt.set_loader(Anything, Anything);
        let ctx = rquickjs::Context::full(&rt).unwrap();
        ctx.with(|ctx| {
            let m = rquickjs::Module::declare(ctx.clone(), "/app/main.mjs", source)
                .catch(&ctx)
                .unwrap();
            of(&m)
        })
    }

    #[test]
    fn reads_top_level_await_and_requests() {
        let i = info(
            "import a from './a.mjs';\nimport { b as c } from \"./dir/b.js\";\n\
             export * from 'pkg-é';\nexport { x } from './x.mjs';\nexport const y = 1;\n\
             await a;\n",
        )
        .expect("the pinned engine's layout");
        assert!(i.tla);
        assert_eq!(i.requests, ["./a.mjs", "./dir/b.js", "pkg-é", "./x.mjs"]);
    }

    #[test]
    fn await_inside_functions_is_not_top_level() {
        let i = info(
            "import fs from 'node:fs';\nexport async function f() { await 1; }\n\
             export default async () => { for await (const x of []) {} };\n",
        )
        .unwrap();
        assert!(!i.tla);
        assert_eq!(i.requests, ["node:fs"]);
        let i = info("for await (const x of []) {}\n").unwrap();
        assert!(i.tla);
        assert!(i.requests.is_empty());
    }

    #[test]
    fn import_attributes_are_skipped() {
        let i = info(
            "import j from './a.json' with { type: 'json' };\nimport b from './b.mjs';\n\
             await j;\n",
        )
        .unwrap();
        assert!(i.tla);
        assert_eq!(i.requests, ["./a.json", "./b.mjs"]);
    }

    #[test]
    fn wide_strings_and_other_versions() {
        let i = info("import '/tmp/\u{1F600}.mjs';\nexport default 1;\n").unwrap();
        assert_eq!(i.requests, ["/tmp/\u{1F600}.mjs"]);
        assert_eq!(read(&[27, 0, 0, 0, 0, 0], rquickjs::qjs::JS_ATOM_END), None);
    }
}
