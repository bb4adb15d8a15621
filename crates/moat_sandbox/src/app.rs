//! Built apps (`moat build`): the guest's code with a memory image of its own, in which the
//! runtime is booted and the app's files lie past everything the runtime uses.
//!
//! [`assemble`] writes one core module that any WASI host can instantiate: the guest's code
//! as the running `moat` embeds it (without data segments), data segments that make its
//! memory image, and one more for the app's bundle, with the memory's minimum raised to hold
//! it. The guest finds the bundle through a locator, a static in its image marked by magic
//! bytes, which [`assemble`] fills in.
//!
//! A custom section, `moat.app`, names the guest the module was written for (its
//! [`guest_id`]) and how many of the last data segments are the app's own: the page with the
//! locator and the bundle. Every segment before them is the guest's image unchanged. So a
//! host that has that same guest precompiled ([`open`]) runs the module with its own code and
//! image, and takes from the file only the app's segments: start-up costs what `--safe`'s
//! does, plus copying the app's files.

use crate::SandboxError;
use crate::image::IMAGE_PAGE;

/// The custom section that marks a built app.
const APP_SECTION: &str = "moat.app";
/// The app's own data segments at the end of the data section: the locator's page, the bundle.
const APP_SEGMENTS: u32 = 2;

/// A guest's identity: a hash of its code (without data segments), which `moat build`
/// records in the modules it writes.
pub fn guest_id(dataless: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    dataless.hash(&mut h);
    h.finish()
}

/// The module `dataless` (a guest split by [`crate::split_image`]) with memory starting as
/// `image` (as `split_image` encodes it) plus `bundle`, placed past the image and the
/// memory's declared minimum and recorded in the 8 bytes after `locator` (address and length,
/// little-endian `u32`s). The locator must occur in the image exactly once.
///
/// # Errors
/// A module or image that does not parse, a locator missing or found twice, or a bundle that
/// does not fit a 32-bit memory.
pub fn assemble(
    dataless: &[u8],
    image: &[u8],
    bundle: &[u8],
    locator: &[u8; 16],
) -> Result<Vec<u8>, SandboxError> {
    let guest = guest_id(dataless);
    use wasmparser::{Parser, Payload};
    let bad = |what: &str| SandboxError::Load(format!("cannot assemble the app module: {what}"));
    let mut memory = crate::image::flatten(image).ok_or_else(|| bad("the image is damaged"))?;
    let min_pages = declared_minimum(dataless)?;
    let start = (memory.len() as u64)
        .max(min_pages * IMAGE_PAGE as u64)
        .next_multiple_of(IMAGE_PAGE as u64);
    let end = start + bundle.len() as u64;
    if end > u64::from(u32::MAX) - IMAGE_PAGE as u64 {
        return Err(bad("the app does not fit in 4 GiB of memory"));
    }
    let mut found = memory
        .windows(locator.len())
        .enumerate()
        .filter(|(_, w)| w == locator)
        .map(|(i, _)| i);
    let (Some(at), None) = (found.next(), found.next()) else {
        return Err(bad("the guest has no single app locator"));
    };
    let fields = at + locator.len();
    if memory.len() < fields + 8 {
        return Err(bad("the app locator is cut off"));
    }
    memory[fields..fields + 4].copy_from_slice(&(start as u32).to_le_bytes());
    memory[fields + 4..fields + 8].copy_from_slice(&(bundle.len() as u32).to_le_bytes());

    let parse = |e: wasmparser::BinaryReaderError| bad(&e.to_string());
    // The page with the locator becomes a segment of its own, so that the guest's image
    // segments stay as they are.
    let locator_page = at / IMAGE_PAGE * IMAGE_PAGE;
    let mut segments: Vec<(usize, &[u8])> = Vec::new();
    for (offset, bytes) in page_runs(&memory) {
        let end = offset + bytes.len();
        if (offset..end).contains(&locator_page) {
            let page_end = (locator_page + IMAGE_PAGE).min(end);
            segments.push((offset, &bytes[..locator_page - offset]));
            segments.push((page_end, &bytes[page_end - offset..]));
        } else {
            segments.push((offset, bytes));
        }
    }
    segments.retain(|(_, b)| !b.is_empty());
    let page = &memory[locator_page..(locator_page + IMAGE_PAGE).min(memory.len())];
    segments.push((locator_page, page));
    segments.push((start as usize, bundle));

    let mut out = wasm_encoder::Module::new();
    let mut info = Vec::new();
    info.extend(guest.to_le_bytes());
    info.extend(APP_SEGMENTS.to_le_bytes());
    out.section(&wasm_encoder::CustomSection {
        name: APP_SECTION.into(),
        data: info.into(),
    });
    let mut passive: Vec<Vec<u8>> = Vec::new();
    let mut had_data_count = false;
    // Sections in their order; the data section (and its count) comes last but for custom
    // sections, which a guest built by moat does not have after it.
    for payload in Parser::new(0).parse_all(dataless) {
        let payload = payload.map_err(parse)?;
        match payload {
            Payload::MemorySection(reader) => {
                let mut section = wasm_encoder::MemorySection::new();
                for m in reader {
                    let m = m.map_err(parse)?;
                    let pages = end.div_ceil(IMAGE_PAGE as u64).max(m.initial);
                    section.memory(wasm_encoder::MemoryType {
                        minimum: pages,
                        maximum: m.maximum,
                        memory64: m.memory64,
                        shared: m.shared,
                        page_size_log2: m.page_size_log2,
                    });
                }
                out.section(&section);
            }
            Payload::DataCountSection { .. } => had_data_count = true,
            Payload::DataSection(reader) => {
                for d in reader {
                    passive.push(d.map_err(parse)?.data.to_vec());
                }
            }
            Payload::CodeSectionStart { .. } if had_data_count => {
                // Written here with the new number of segments, before the code.
                out.section(&wasm_encoder::DataCountSection {
                    count: (passive_count(dataless)? + segments.len()) as u32,
                });
                copy_section(&mut out, dataless, &payload);
            }
            other => copy_section(&mut out, dataless, &other),
        }
    }
    let mut data = wasm_encoder::DataSection::new();
    // Passive segments keep their indices, which code names; the image follows.
    for p in &passive {
        data.passive(p.iter().copied());
    }
    for (offset, bytes) in segments {
        data.active(
            0,
            &wasm_encoder::ConstExpr::i32_const(offset as u32 as i32),
            bytes.iter().copied(),
        );
    }
    out.section(&data);
    Ok(out.finish())
}

/// Copies one section as it stands.
fn copy_section(out: &mut wasm_encoder::Module, wasm: &[u8], payload: &wasmparser::Payload<'_>) {
    if let Some((id, range)) = payload.as_section() {
        out.section(&wasm_encoder::RawSection {
            id,
            data: &wasm[range],
        });
    }
}

/// The number of data segments `wasm` has.
fn passive_count(wasm: &[u8]) -> Result<usize, SandboxError> {
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let wasmparser::Payload::DataSection(r) =
            payload.map_err(|e| SandboxError::Load(e.to_string()))?
        {
            return Ok(r.count() as usize);
        }
    }
    Ok(0)
}

/// The stretches of `memory` that are not all zero, in whole pages: (offset, bytes).
fn page_runs(memory: &[u8]) -> Vec<(usize, &[u8])> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, page) in memory.chunks(IMAGE_PAGE).enumerate() {
        if page.iter().all(|&b| b == 0) {
            continue;
        }
        let start = i * IMAGE_PAGE;
        let end = (start + IMAGE_PAGE).min(memory.len());
        match runs.last_mut() {
            Some(last) if last.1 == start => last.1 = end,
            _ => runs.push((start, end)),
        }
    }
    runs.into_iter()
        .map(|(s, e)| {
            // Trailing zeros of a run need no bytes in the module.
            let bytes = &memory[s..e];
            let len = bytes.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
            (s, &bytes[..len])
        })
        .collect()
}

/// The declared minimum, in pages, of the module's memory.
fn declared_minimum(wasm: &[u8]) -> Result<u64, SandboxError> {
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let wasmparser::Payload::MemorySection(r) =
            payload.map_err(|e| SandboxError::Load(e.to_string()))?
            && let Some(m) = r.into_iter().next()
        {
            let m = m.map_err(|e| SandboxError::Load(e.to_string()))?;
            return Ok(m.initial);
        }
    }
    Err(SandboxError::Load("the guest has no memory".to_string()))
}

/// A data segment: its memory offset and bytes.
pub type Segment<'a> = (usize, &'a [u8]);

/// Whether `wasm` is a module `moat build` wrote, of this version or another: it carries the
/// `moat.app` section. Any other WebAssembly module is an app's own, for the loader to import.
pub fn is_app(wasm: &[u8]) -> bool {
    let mut r = Bytes { buf: wasm, pos: 0 };
    if r.take(8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return false;
    }
    while r.pos < wasm.len() {
        let (Some(id), Some(len)) = (r.byte(), r.leb()) else {
            return false;
        };
        let Some(body) = r.take(len as usize) else {
            return false;
        };
        if id == 0 {
            let mut body = Bytes { buf: body, pos: 0 };
            if let Some(n) = body.leb()
                && body.take(n as usize) == Some(APP_SECTION.as_bytes())
            {
                return true;
            }
        }
    }
    false
}

/// The app's own data segments of the built module `wasm`, as (memory offset, bytes), when
/// it was written for the guest `guest` ([`guest_id`]); `None` when it was written for
/// another (by a different moat). Reads only section and segment headers, not the code.
///
/// # Errors
/// A module that is not one [`assemble`] writes.
pub fn open(wasm: &[u8], guest: u64) -> Result<Option<Vec<Segment<'_>>>, SandboxError> {
    let bad = |what: &str| SandboxError::Load(format!("not a built app: {what}"));
    let mut r = Bytes { buf: wasm, pos: 0 };
    if r.take(8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err(bad("not a WebAssembly module"));
    }
    let mut app_segments = None;
    let mut segments = Vec::new();
    while r.pos < wasm.len() {
        let id = r.byte().ok_or_else(|| bad("cut off"))?;
        let len = r.leb().ok_or_else(|| bad("cut off"))? as usize;
        let mut body = Bytes {
            buf: r.take(len).ok_or_else(|| bad("cut off"))?,
            pos: 0,
        };
        match id {
            0 => {
                let name_len = body.leb().ok_or_else(|| bad("a damaged custom section"))?;
                if body.take(name_len as usize) != Some(APP_SECTION.as_bytes()) {
                    continue;
                }
                let id = body
                    .take(8)
                    .ok_or_else(|| bad("a damaged moat.app section"))?;
                if u64::from_le_bytes(id.try_into().expect("8 bytes")) != guest {
                    return Ok(None);
                }
                let count = body
                    .take(4)
                    .ok_or_else(|| bad("a damaged moat.app section"))?;
                app_segments = Some(u32::from_le_bytes(count.try_into().expect("4 bytes")));
            }
            11 => {
                let count = body.leb().ok_or_else(|| bad("a damaged data section"))?;
                for _ in 0..count {
                    // Active segments of memory 0 at an `i32.const` offset: 0x00, 0x41, the
                    // offset, 0x0b, then the bytes.
                    let (Some(0), Some(0x41)) = (body.byte(), body.byte()) else {
                        return Err(bad("a data segment that moat build does not write"));
                    };
                    let offset = body.sleb().ok_or_else(|| bad("a damaged data segment"))?;
                    let (Some(0x0b), Some(n)) = (body.byte(), body.leb()) else {
                        return Err(bad("a damaged data segment"));
                    };
                    let bytes = body.take(n as usize).ok_or_else(|| bad("cut off"))?;
                    segments.push((offset as u32 as usize, bytes));
                }
            }
            _ => {}
        }
    }
    let Some(n) = app_segments else {
        return Ok(None);
    };
    let n = n as usize;
    if segments.len() < n {
        return Err(bad("fewer data segments than its app has"));
    }
    Ok(Some(segments.split_off(segments.len() - n)))
}

/// The file at `path`, mapped read-only for as long as the process runs (a built app's
/// module, whose segments [`open`] hands out as slices of it).
///
/// # Errors
/// The file cannot be opened or mapped.
pub fn map_file(path: &std::path::Path) -> std::io::Result<&'static [u8]> {
    use rustix::mm::{MapFlags, ProtFlags, mmap};
    let file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len())
        .map_err(|_| std::io::Error::other("the file is too large to map"))?;
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: a fresh private read-only mapping of the whole file, never unmapped; a file
    // changed under it while the process runs changes only what the guest's memory starts as.
    unsafe {
        let p = mmap(
            std::ptr::null_mut(),
            len,
            ProtFlags::READ,
            MapFlags::PRIVATE,
            &file,
            0,
        )?;
        Ok(std::slice::from_raw_parts(p.cast::<u8>(), len))
    }
}

/// A reader of a module's bytes.
struct Bytes<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn leb(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn sleb(&mut self) -> Option<i32> {
        let mut v = 0i64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            v |= i64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                if shift < 64 && b & 0x40 != 0 {
                    v |= -1i64 << shift;
                }
                return i32::try_from(v).ok();
            }
            if shift >= 35 {
                return None;
            }
        }
    }
}
