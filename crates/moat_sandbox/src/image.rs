//! The guest's memory image, apart from its code: a single-run host (`moat --safe`) maps the
//! snapshot's memory copy-on-write straight from its own executable, where wasmtime would
//! first copy it into a memfd on every start.
//!
//! At build time [`split`] turns the snapshot into a module without data segments and a flat
//! image of the memory they initialise. At run time [`ImageMemory`] creates the guest's linear
//! memory with the image mapped at its start: pages the guest never touches are never read,
//! and those it only reads stay shared with the page cache.
//!
//! A host that runs instance after instance (`moat serve`) gets each finished instance's memory
//! back as a spare: the pages the instance wrote are dropped, which returns them to the image's
//! contents, and the next instance starts in it without mapping anything. The pages instances
//! only read stay mapped from one to the next.

use std::ops::Range;
use std::sync::Arc;

use wasmtime::{LinearMemory, MemoryCreator, MemoryType};

use crate::SandboxError;

/// The page size images are padded to and mapped with (the largest host page size moat runs
/// on; the embedded image is aligned to [`crate::EMBED_ALIGN`]).
pub(crate) const IMAGE_PAGE: usize = 64 * 1024;

/// Splits a module into the same module with nothing for instantiation to write into memory
/// (and without its `name` section, which only labels functions in traps), and the image its
/// active data segments write into memory 0 from address 0, padded to whole pages.
///
/// When no code names a data segment (`memory.init`, `data.drop`), the module keeps none: a
/// snapshot has up to 10,000 segments, and wasmtime would load a record of each one at every
/// start. Otherwise the active segments stay as empty passive ones, so the indices keep naming
/// the same segments.
///
/// # Errors
/// A module that does not parse, or whose active data segments are not all at constant offsets
/// of memory 0 (what a snapshot writes).
pub fn split(wasm: &[u8]) -> Result<(Vec<u8>, Vec<u8>), SandboxError> {
    use wasmparser::{DataKind, Operator, Parser, Payload};
    let bad = |what: String| SandboxError::Load(format!("cannot split the memory image: {what}"));
    let parse = |e: wasmparser::BinaryReaderError| bad(e.to_string());
    let keep_segments = names_data_segments(wasm).map_err(parse)?;
    let mut module = wasm_encoder::Module::new();
    let mut image = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(parse)? {
            Payload::DataCountSection { .. } if !keep_segments => {}
            Payload::DataSection(reader) => {
                // Active segments become empty passive ones, so that the indices `memory.init`
                // and `data.drop` use still name the same passive segments.
                let mut section = wasm_encoder::DataSection::new();
                for data in reader {
                    let data = data.map_err(parse)?;
                    let offset_expr = match data.kind {
                        DataKind::Passive => {
                            section.passive(data.data.iter().copied());
                            continue;
                        }
                        DataKind::Active {
                            memory_index: 0,
                            offset_expr,
                        } => offset_expr,
                        DataKind::Active { .. } => {
                            return Err(bad("a data segment is for another memory".into()));
                        }
                    };
                    let Operator::I32Const { value } =
                        offset_expr.get_operators_reader().read().map_err(parse)?
                    else {
                        return Err(bad("a data segment's offset is not a constant".into()));
                    };
                    let start = value.cast_unsigned() as usize;
                    let end = start + data.data.len();
                    if image.len() < end {
                        image.resize(end, 0);
                    }
                    image[start..end].copy_from_slice(data.data);
                    section.passive([]);
                }
                if keep_segments {
                    module.section(&section);
                }
            }
            Payload::CustomSection(c) if c.name() == "name" => {}
            other => {
                if let Some((id, range)) = other.as_section() {
                    module.section(&wasm_encoder::RawSection {
                        id,
                        data: &wasm[range],
                    });
                }
            }
        }
    }
    Ok((module.finish(), encode(&image)))
}

/// Whether any function of `wasm` names a data segment.
fn names_data_segments(wasm: &[u8]) -> Result<bool, wasmparser::BinaryReaderError> {
    use wasmparser::{Operator, Parser, Payload};
    for payload in Parser::new(0).parse_all(wasm) {
        let Payload::CodeSectionEntry(body) = payload? else {
            continue;
        };
        let mut ops = body.get_operators_reader()?;
        while !ops.eof() {
            if matches!(
                ops.read()?,
                Operator::MemoryInit { .. } | Operator::DataDrop { .. }
            ) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// An image as stored: a header of little-endian `u64`s (the number of runs, then each run's
/// memory offset and length) padded to a page, then each run's bytes, each padded to a page.
/// A run is a stretch of pages with data; the all-zero pages between runs are left out.
pub(crate) fn encode(memory: &[u8]) -> Vec<u8> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (i, page) in memory.chunks(IMAGE_PAGE).enumerate() {
        if page.iter().all(|&b| b == 0) {
            continue;
        }
        let start = i * IMAGE_PAGE;
        let end = start + IMAGE_PAGE;
        match runs.last_mut() {
            Some(last) if last.end == start => last.end = end,
            _ => runs.push(start..end),
        }
    }
    let mut out = Vec::new();
    out.extend((runs.len() as u64).to_le_bytes());
    for r in &runs {
        out.extend((r.start as u64).to_le_bytes());
        out.extend((r.len() as u64).to_le_bytes());
    }
    for r in &runs {
        out.resize(out.len().next_multiple_of(IMAGE_PAGE), 0);
        let have = r.start.min(memory.len())..r.end.min(memory.len());
        out.extend(&memory[have]);
    }
    out.resize(out.len().next_multiple_of(IMAGE_PAGE), 0);
    out
}

/// The memory a stored image describes, as one buffer (up to its last run).
pub(crate) fn flatten(image: &[u8]) -> Option<Vec<u8>> {
    let runs = decode(image)?;
    let size = runs.iter().map(|r| r.at + r.len).max().unwrap_or(0);
    let mut memory = vec![0; size];
    for Run { at, pos, len, .. } in runs {
        memory[at..at + len].copy_from_slice(&image[pos..pos + len]);
    }
    Some(memory)
}

/// A run of an image: `len` bytes at memory offset `at`, at `pos` in the image's bytes (or in
/// the base image's, for a captured image's run that is the same as the base there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    at: usize,
    pos: usize,
    len: usize,
    src: Src,
}

/// Where a run's bytes are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Src {
    /// In the image's own bytes.
    Own,
    /// In the base image a captured image was made over ([`Start::base`]).
    Base,
}

/// The runs of a stored image, in ascending order of memory offset, not overlapping.
fn decode(image: &[u8]) -> Option<Vec<Run>> {
    let word = |i: usize| -> Option<usize> {
        let bytes = image.get(i * 8..i * 8 + 8)?;
        usize::try_from(u64::from_le_bytes(bytes.try_into().ok()?)).ok()
    };
    let count = word(0)?;
    let mut pos = (8 + count.checked_mul(16)?).next_multiple_of(IMAGE_PAGE);
    let mut runs = Vec::with_capacity(count);
    for i in 0..count {
        let (at, len) = (word(1 + 2 * i)?, word(2 + 2 * i)?);
        if pos.checked_add(len)? > image.len() {
            return None;
        }
        if runs.last().is_some_and(|r: &Run| r.at + r.len > at) {
            return None;
        }
        at.checked_add(len)?;
        runs.push(Run {
            at,
            pos,
            len,
            src: Src::Own,
        });
        pos = (pos + len).next_multiple_of(IMAGE_PAGE);
    }
    Some(runs)
}

/// Creates linear memories that start as an image: mapped copy-on-write from the file this
/// program runs from (or from a captured image's in-memory file), or copied when that file
/// cannot be mapped.
pub(crate) struct ImageMemory {
    /// The image memories start as, unless the thread making one named another
    /// ([`ImageMemory::using`]).
    start: Arc<Start>,
    /// Memories finished instances gave back, ready to start again.
    spares: Arc<Spares>,
}

/// An image, what is written over it at these offsets (see [`crate::Guest::Embedded`]), and
/// the file it is mapped from when it is not this program's own (a captured image's).
pub(crate) struct Start {
    image: &'static [u8],
    /// The image's runs; None for a damaged image.
    runs: Option<Arc<[Run]>>,
    /// The embedded image a captured one was made over, where its [`Src::Base`] runs lie.
    base: Option<&'static [u8]>,
    overlays: &'static [(usize, &'static [u8])],
    file: Option<Arc<std::fs::File>>,
    /// The least size memories start with (a captured memory's).
    size: usize,
    /// Tells images apart, so that a spare memory is only reused for its own.
    id: u64,
}

/// Ids of [`Start`]s.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl Start {
    fn new(
        image: &'static [u8],
        overlays: &'static [(usize, &'static [u8])],
        file: Option<Arc<std::fs::File>>,
        size: usize,
    ) -> Arc<Start> {
        Arc::new(Start {
            image,
            runs: decode(image).map(Arc::from),
            base: None,
            overlays,
            file,
            size,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }
}

/// An app's memory in a sandbox that serves several apps from one guest: instances made
/// for it start as it ([`crate::Sandbox::capture`], [`crate::Sandbox::serve_here`]).
#[derive(Clone)]
pub struct AppImage(pub(crate) Arc<Start>);

thread_local! {
    /// The image the memories this thread makes start as, when not the default.
    static USING: std::cell::RefCell<Option<Arc<Start>>> = const { std::cell::RefCell::new(None) };
}

impl ImageMemory {
    pub fn new(image: &'static [u8], overlays: &'static [(usize, &'static [u8])]) -> Self {
        ImageMemory {
            start: Start::new(image, overlays, None, 0),
            spares: Arc::default(),
        }
    }

    /// The default image with other overlays.
    pub fn with_overlays(&self, overlays: &'static [(usize, &'static [u8])]) -> AppImage {
        AppImage(Start::new(self.start.image, overlays, None, 0))
    }

    /// The image the memories this thread makes start as now.
    pub fn current(&self) -> Arc<Start> {
        USING
            .with(|u| u.borrow().clone())
            .unwrap_or_else(|| self.start.clone())
    }

    /// Runs `f` with the memories this thread makes starting as `image` (the default when
    /// None).
    pub fn using<R>(image: Option<&AppImage>, f: impl FnOnce() -> R) -> R {
        struct Reset(Option<Arc<Start>>);
        impl Drop for Reset {
            fn drop(&mut self) {
                let before = self.0.take();
                USING.with(|u| *u.borrow_mut() = before);
            }
        }
        let before = USING.with(|u| u.replace(image.map(|i| i.0.clone())));
        let _reset = Reset(before);
        f()
    }
}

impl Captured {
    /// An image of its own for instances to start from.
    pub(crate) fn into_app_image(self) -> AppImage {
        AppImage(Arc::new(Start {
            image: self.image,
            runs: Some(Arc::from(self.runs)),
            base: self.base,
            overlays: &[],
            file: Some(self.file),
            size: self.size,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }))
    }
}

/// The most spare memories kept: each holds an address-space reservation (4 GiB and its guard)
/// and the pages it has mapped, until it is used again.
const MAX_SPARES: usize = 64;

/// Finished instances' memories, returned to their image, for instances of the same image.
#[derive(Default)]
struct Spares {
    memories: std::sync::Mutex<Vec<Spare>>,
    /// `/proc/self/pagemap`, opened on first use to find the pages an instance wrote; None
    /// when it cannot be opened.
    pagemap: std::sync::OnceLock<Option<std::fs::File>>,
}

/// A memory as it starts: the image's contents up to `size`, no access past it.
struct Spare {
    memory: Mapping,
    size: usize,
    capacity: usize,
    id: u64,
}

impl Spares {
    /// A spare for an instance of image `id` whose memory starts `size` bytes long, with
    /// `capacity` bytes (and `len` in all with the guard) reserved.
    fn take(&self, id: u64, size: usize, capacity: usize, len: usize) -> Option<Spare> {
        let mut spares = self.memories.lock().ok()?;
        let at = spares.iter().rposition(|s| {
            s.id == id && s.size == size && s.capacity == capacity && s.memory.len == len
        })?;
        Some(spares.swap_remove(at))
    }

    /// Takes back a finished instance's memory (see [`ImageLinearMemory`]'s fields), returned
    /// to how it started, unless that fails: then it is unmapped. When enough spares are kept,
    /// the one kept longest goes.
    fn give_back(
        &self,
        memory: Mapping,
        initial: usize,
        size: usize,
        capacity: usize,
        back: &Back,
    ) {
        let pagemap = self
            .pagemap
            .get_or_init(|| std::fs::File::open("/proc/self/pagemap").ok());
        if reset(
            &memory,
            initial,
            size,
            back.start.image,
            back.start.base.unwrap_or_default(),
            &back.runs,
            pagemap.as_ref(),
        )
        .is_err()
        {
            return;
        }
        if let Ok(mut spares) = self.memories.lock() {
            if spares.len() >= MAX_SPARES {
                spares.remove(0);
            }
            spares.push(Spare {
                memory,
                size: initial,
                capacity,
                id: back.start.id,
            });
        }
    }
}

/// Where a memory goes when its instance is done, and what it started as.
struct Back {
    spares: Arc<Spares>,
    start: Arc<Start>,
    runs: Arc<[Run]>,
}

/// The most a spare memory keeps of pages of its own (written copies of the image's pages, and
/// written zero pages) to restore by copying; past it, they are dropped instead.
const MAX_KEPT: usize = 16 << 20;

/// Returns a memory that started `initial` bytes long as `image` (decoded as `runs`) and is
/// `size` bytes long now to how it started.
///
/// The pages an instance wrote are the memory's own copies, of the image's pages or of zero
/// pages; the kernel says which they are (`PAGEMAP_SCAN`, Linux 6.7). Copying the image's
/// contents back over them keeps them for the next instance, which then writes the same pages
/// without a fault each (about a fifth of the time of a hello world's request went to those
/// faults and to dropping the pages again). A memory with more of them than [`MAX_KEPT`], or
/// a kernel that cannot say, has them dropped, which maps the image's pages back copy-on-write.
fn reset(
    memory: &Mapping,
    initial: usize,
    size: usize,
    image: &[u8],
    base: &[u8],
    runs: &[Run],
    pagemap: Option<&std::fs::File>,
) -> std::io::Result<()> {
    use rustix::mm::{Advice, MprotectFlags, madvise, mprotect};
    let drop_pages = |range: Range<usize>| -> std::io::Result<()> {
        // SAFETY: `range` lies inside this mapping, which no instance uses any more.
        unsafe {
            madvise(
                memory.base.add(range.start).cast(),
                range.len(),
                Advice::LinuxDontNeed,
            )?;
        }
        Ok(())
    };
    match pagemap.map(|f| written_pages(f, memory.base, initial)) {
        Some(Ok(ranges)) if ranges.iter().map(Range::len).sum::<usize>() <= MAX_KEPT => {
            for range in ranges {
                restore(memory, range, image, base, runs)?;
            }
        }
        Some(Ok(ranges)) => ranges.into_iter().try_for_each(drop_pages)?,
        _ => drop_pages(0..initial)?,
    }
    if size > initial {
        drop_pages(initial..size)?;
        // SAFETY: the grown part of this mapping, which no instance uses any more.
        unsafe {
            mprotect(
                memory.base.add(initial).cast(),
                size - initial,
                MprotectFlags::empty(),
            )?;
        }
    }
    Ok(())
}

/// Writes the image's contents (zeros between and past its runs) over `range` of `memory`:
/// `image` holds the bytes of its own runs and `base` those of its base runs.
fn restore(
    memory: &Mapping,
    range: Range<usize>,
    image: &[u8],
    base: &[u8],
    runs: &[Run],
) -> std::io::Result<()> {
    if range.end > memory.len {
        return Err(std::io::Error::other("a range past the memory"));
    }
    let mut at = range.start;
    while at < range.end {
        // The run holding `at`, or else the first one after it.
        let i = runs.partition_point(|r| r.at + r.len <= at);
        let end = match runs.get(i) {
            Some(r) if r.at <= at => {
                let end = range.end.min(r.at + r.len);
                let bytes = match r.src {
                    Src::Own => image,
                    Src::Base => base,
                };
                let from = bytes
                    .get(r.pos + (at - r.at)..r.pos + (end - r.at))
                    .ok_or_else(|| std::io::Error::other("a run past the image"))?;
                // SAFETY: `at..end` lies inside this mapping (checked above), which no instance
                // uses any more and which does not overlap the image.
                unsafe {
                    std::ptr::copy_nonoverlapping(from.as_ptr(), memory.base.add(at), from.len())
                };
                end
            }
            next => {
                let end = range.end.min(next.map_or(usize::MAX, |r| r.at));
                // SAFETY: as above.
                unsafe { std::ptr::write_bytes(memory.base.add(at), 0, end - at) };
                end
            }
        };
        at = end;
    }
    Ok(())
}

/// The ranges (offsets from `base`) of the first `len` bytes at `base` that hold pages of this
/// process's own (written copies and fresh pages), rather than a file's pages or none.
fn written_pages(
    pagemap: &std::fs::File,
    base: *mut u8,
    len: usize,
) -> std::io::Result<Vec<Range<usize>>> {
    use linux_raw_sys::general::{
        PAGE_IS_FILE, PAGE_IS_PFNZERO, PAGE_IS_PRESENT, PAGE_IS_SWAPPED, page_region, pm_scan_arg,
    };
    use std::os::fd::AsRawFd;
    const PAGEMAP_SCAN: rustix::ioctl::Opcode =
        rustix::ioctl::opcode::read_write::<pm_scan_arg>(b'f', 16);
    let start = base as u64;
    let end = start + len as u64;
    let mut regions = [page_region {
        start: 0,
        end: 0,
        categories: 0,
    }; 256];
    let mut ranges = Vec::new();
    let mut at = start;
    while at < end {
        // Present or swapped pages that are neither a file's nor the shared zero page.
        let mut arg = pm_scan_arg {
            size: size_of::<pm_scan_arg>() as u64,
            flags: 0,
            start: at,
            end,
            walk_end: 0,
            vec: regions.as_mut_ptr() as u64,
            vec_len: regions.len() as u64,
            max_pages: 0,
            category_inverted: u64::from(PAGE_IS_FILE | PAGE_IS_PFNZERO),
            category_mask: u64::from(PAGE_IS_FILE | PAGE_IS_PFNZERO),
            category_anyof_mask: u64::from(PAGE_IS_PRESENT | PAGE_IS_SWAPPED),
            return_mask: u64::from(PAGE_IS_PRESENT | PAGE_IS_SWAPPED),
        };
        // SAFETY: the argument and the region buffer it points at are valid for the call,
        // which only reads this process's page tables and writes up to `vec_len` regions.
        let found = unsafe { libc::ioctl(pagemap.as_raw_fd(), PAGEMAP_SCAN as _, &mut arg) };
        if found < 0 {
            return Err(std::io::Error::last_os_error());
        }
        for r in &regions[..(found as usize).min(regions.len())] {
            if r.start < start || r.end > end || r.start >= r.end {
                return Err(std::io::Error::other(
                    "a page region outside the range asked",
                ));
            }
            ranges.push((r.start - start) as usize..(r.end - start) as usize);
        }
        if arg.walk_end <= at {
            return Err(std::io::Error::other("the page walk did not advance"));
        }
        at = arg.walk_end;
    }
    Ok(ranges)
}

/// An image made at run time (from an instance's memory, [`crate::Sandbox::capture`]): the
/// pages that differ from the image the instance started as are kept in an in-memory file for
/// the life of the process, and instances map them copy-on-write as they map the embedded
/// image, from which the pages that are still the same are mapped (after start-up, most of a
/// served app's memory is the guest's as it was embedded).
pub(crate) struct Captured {
    /// The pages of its own, each a host page long.
    image: &'static [u8],
    runs: Vec<Run>,
    base: Option<&'static [u8]>,
    file: Arc<std::fs::File>,
    /// The size the memory had, which its zero pages at the end (left out of the image) count in.
    size: usize,
}

impl Captured {
    /// An image of `memory`, made over `base` (what it started as) when that is an embedded
    /// image.
    ///
    /// # Errors
    /// The in-memory file cannot be made or mapped.
    pub(crate) fn new(memory: &[u8], base: Option<&Start>) -> std::io::Result<Captured> {
        use std::io::Write;
        use std::os::fd::FromRawFd;
        let page = rustix::param::page_size();
        // The base's bytes at a memory offset, a page long, when the base has them.
        let base = base.filter(|b| b.file.is_none() && b.base.is_none());
        let base_runs = base.and_then(|b| b.runs.clone());
        let base_page = |at: usize| -> Option<(usize, &'static [u8])> {
            let (b, runs) = (base?, base_runs.as_deref()?);
            let r = runs.get(runs.partition_point(|r| r.at + r.len <= at))?;
            if r.at > at || at + page > r.at + r.len {
                return None;
            }
            let pos = r.pos + (at - r.at);
            Some((pos, b.image.get(pos..pos + page)?))
        };
        let mut own = Vec::new();
        let mut runs: Vec<Run> = Vec::new();
        for (i, bytes) in memory.chunks(page).enumerate() {
            let at = i * page;
            let (src, pos) = match base_page(at) {
                Some((pos, same)) if same == bytes => (Src::Base, pos),
                _ if bytes.iter().all(|&b| b == 0) => continue,
                _ => {
                    own.extend_from_slice(bytes);
                    own.resize(own.len().next_multiple_of(page), 0);
                    (Src::Own, own.len() - page)
                }
            };
            match runs.last_mut() {
                Some(r) if r.src == src && r.at + r.len == at && r.pos + r.len == pos => {
                    r.len += page;
                }
                _ => runs.push(Run {
                    at,
                    pos,
                    len: page,
                    src,
                }),
            }
        }
        // SAFETY: a plain system call with a NUL-terminated name.
        let fd = unsafe { libc::memfd_create(c"moat-image".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: a descriptor just made and owned by nothing else.
        let mut file = unsafe { std::fs::File::from_raw_fd(fd) };
        file.write_all(&own)?;
        let image: &'static [u8] = if own.is_empty() {
            &[]
        } else {
            use rustix::mm::{MapFlags, ProtFlags, mmap};
            // SAFETY: a fresh private read-only mapping of the whole file, never unmapped.
            unsafe {
                let p = mmap(
                    std::ptr::null_mut(),
                    own.len(),
                    ProtFlags::READ,
                    MapFlags::PRIVATE,
                    &file,
                    0,
                )?;
                std::slice::from_raw_parts(p.cast::<u8>(), own.len())
            }
        };
        Ok(Captured {
            image,
            runs,
            base: base.map(|b| b.image),
            file: Arc::new(file),
            size: memory.len(),
        })
    }
}

unsafe impl MemoryCreator for ImageMemory {
    fn new_memory(
        &self,
        _ty: MemoryType,
        minimum: usize,
        maximum: Option<usize>,
        reserved_size_in_bytes: Option<usize>,
        guard_size_in_bytes: usize,
    ) -> Result<Box<dyn LinearMemory>, String> {
        let start = USING
            .with(|u| u.borrow().clone())
            .unwrap_or_else(|| self.start.clone());
        let Start {
            image,
            ref runs,
            base,
            overlays,
            ref file,
            size,
            id,
        } = *start;
        let runs = runs.clone().ok_or("the memory image is damaged")?;
        // A built app's image reaches past the guest's declared minimum (its files lie
        // there, `crate::app`): the memory starts as large as the image.
        let image_end = runs
            .iter()
            .map(|r| r.at + r.len)
            .chain(overlays.iter().map(|(at, b)| at.saturating_add(b.len())))
            .max()
            .unwrap_or(0);
        if image_end > 1 << 32 {
            return Err("the memory image is larger than a 32-bit memory".into());
        }
        let minimum = minimum
            .max(image_end.next_multiple_of(IMAGE_PAGE))
            .max(size);
        if maximum.is_some_and(|m| minimum > m) {
            return Err("the memory image is larger than the guest's memory".into());
        }
        let capacity = reserved_size_in_bytes
            .or(maximum)
            .unwrap_or(minimum)
            .max(minimum);
        // A memory with overlays is not kept: resetting it would have to write them again.
        let back = overlays.is_empty().then(|| Back {
            spares: self.spares.clone(),
            start: start.clone(),
            runs: runs.clone(),
        });
        let len = capacity + guard_size_in_bytes;
        if let Some(spare) = back
            .as_ref()
            .and_then(|b| b.spares.take(id, minimum, capacity, len))
        {
            return Ok(Box::new(ImageLinearMemory {
                memory: spare.memory,
                size: minimum,
                initial: minimum,
                capacity,
                back,
            }));
        }
        let failed = |e: std::io::Error| format!("failed to map the guest's memory: {e}");
        let memory = Mapping::reserve(len).map_err(failed)?;
        memory.read_write(0..minimum).map_err(failed)?;
        let exe = match file {
            Some(file) => Some(Executable {
                file: file.clone(),
                image: image.as_ptr() as usize,
                offset: 0,
            }),
            None => Executable::open(image),
        };
        let base_exe = base.and_then(Executable::open);
        for &Run { at, pos, len, src } in runs.iter() {
            let (bytes, exe) = match src {
                Src::Own => (image, &exe),
                Src::Base => (base.unwrap_or_default(), &base_exe),
            };
            let data = bytes
                .get(pos..pos + len)
                .ok_or("the memory image is damaged")?;
            if exe.as_ref().is_some_and(|exe| exe.map(&memory, at, data)) {
                continue;
            }
            // SAFETY: `at + len` is within the writable start of this fresh mapping, which
            // nothing else refers to.
            unsafe {
                std::ptr::copy_nonoverlapping(data.as_ptr(), memory.base.add(at), len);
            }
        }
        for &(at, data) in overlays {
            // SAFETY: `at + data.len()` is within the writable start of this fresh mapping
            // (`minimum` covers every overlay), which nothing else refers to yet.
            unsafe {
                std::ptr::copy_nonoverlapping(data.as_ptr(), memory.base.add(at), data.len());
            }
        }
        Ok(Box::new(ImageLinearMemory {
            memory,
            size: minimum,
            initial: minimum,
            capacity,
            back,
        }))
    }
}

/// An address range reserved with no access, unmapped when dropped.
struct Mapping {
    base: *mut u8,
    len: usize,
}

// SAFETY: the mapping is plain memory, owned by one linear memory at a time.
unsafe impl Send for Mapping {}
unsafe impl Sync for Mapping {}

impl Mapping {
    /// No mapping: what is left where one was moved out.
    const NONE: Mapping = Mapping {
        base: std::ptr::null_mut(),
        len: 0,
    };

    fn reserve(len: usize) -> std::io::Result<Mapping> {
        use rustix::mm::{MapFlags, ProtFlags, mmap_anonymous};
        // SAFETY: a fresh anonymous mapping at an address the kernel picks.
        let base = unsafe {
            mmap_anonymous(
                std::ptr::null_mut(),
                len,
                ProtFlags::empty(),
                MapFlags::PRIVATE | MapFlags::NORESERVE,
            )?
        };
        Ok(Mapping {
            base: base.cast(),
            len,
        })
    }

    fn read_write(&self, range: Range<usize>) -> std::io::Result<()> {
        use rustix::mm::{MprotectFlags, mprotect};
        if range.is_empty() {
            return Ok(());
        }
        // SAFETY: `range` lies inside this mapping (callers stay below its length).
        unsafe {
            mprotect(
                self.base.add(range.start).cast(),
                range.len(),
                MprotectFlags::READ | MprotectFlags::WRITE,
            )?;
        }
        Ok(())
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        if self.len == 0 {
            return;
        }
        // SAFETY: the whole mapping, made by `reserve`; no guest runs in it any more.
        unsafe {
            let _ = rustix::mm::munmap(self.base.cast(), self.len);
        }
    }
}

/// This program's executable file, opened to map parts of the embedded image from.
struct Executable {
    file: Arc<std::fs::File>,
    /// The image's address in memory and its offset in the file.
    image: usize,
    offset: u64,
}

impl Executable {
    /// None when the image cannot be mapped from the file (no `/proc`, the image not
    /// file-backed or not page-aligned there).
    fn open(image: &'static [u8]) -> Option<Executable> {
        let offset = file_offset(image.as_ptr() as usize, image.len())?;
        let file = Arc::new(std::fs::File::open("/proc/self/exe").ok()?);
        Some(Executable {
            file,
            image: image.as_ptr() as usize,
            offset,
        })
    }

    /// Maps `data`, a page-aligned part of the image, over `memory` at `at`, copy-on-write
    /// from the file. False when the mapping failed and nothing changed.
    fn map(&self, memory: &Mapping, at: usize, data: &'static [u8]) -> bool {
        use rustix::mm::{MapFlags, ProtFlags, mmap};
        let offset = self.offset + (data.as_ptr() as usize - self.image) as u64;
        // SAFETY: replaces `data.len()` bytes of the reservation at `at`, which no guest uses
        // yet; the file is the running executable, which does not change while it runs.
        unsafe {
            mmap(
                memory.base.add(at).cast(),
                data.len(),
                ProtFlags::READ | ProtFlags::WRITE,
                MapFlags::PRIVATE | MapFlags::FIXED,
                &*self.file,
                offset,
            )
            .is_ok()
        }
    }
}

/// Where the `len` bytes at `addr` of the main program's loaded image lie in its file, if they
/// are file-backed and page-aligned.
fn file_offset(addr: usize, len: usize) -> Option<u64> {
    struct Query {
        addr: usize,
        len: usize,
        found: Option<u64>,
    }
    unsafe extern "C" fn visit(
        info: *mut libc::dl_phdr_info,
        _size: libc::size_t,
        data: *mut libc::c_void,
    ) -> libc::c_int {
        // SAFETY: the loader passes a valid `dl_phdr_info`, and `data` is the `Query` below.
        let (info, query) = unsafe { (&*info, &mut *data.cast::<Query>()) };
        // SAFETY: `dlpi_phdr` points at `dlpi_phnum` program headers.
        let headers = unsafe { std::slice::from_raw_parts(info.dlpi_phdr, info.dlpi_phnum.into()) };
        for h in headers.iter().filter(|h| h.p_type == libc::PT_LOAD) {
            let start = info.dlpi_addr as usize + h.p_vaddr as usize;
            let file_end = start + h.p_filesz as usize;
            if query.addr >= start && query.addr + query.len <= file_end {
                query.found = Some(h.p_offset + (query.addr - start) as u64);
            }
        }
        // The main program comes first; stop there.
        1
    }
    let mut query = Query {
        addr,
        len,
        found: None,
    };
    // SAFETY: `visit` only reads the headers it is given and writes `query`.
    unsafe { libc::dl_iterate_phdr(Some(visit), (&raw mut query).cast()) };
    let page = rustix::param::page_size() as u64;
    query.found.filter(|off| off % page == 0)
}

struct ImageLinearMemory {
    memory: Mapping,
    size: usize,
    /// The size it started with.
    initial: usize,
    capacity: usize,
    /// Where it goes when dropped; None: unmapped.
    back: Option<Back>,
}

impl Drop for ImageLinearMemory {
    fn drop(&mut self) {
        if let Some(back) = &self.back {
            let memory = std::mem::replace(&mut self.memory, Mapping::NONE);
            back.spares
                .give_back(memory, self.initial, self.size, self.capacity, back);
        }
    }
}

unsafe impl LinearMemory for ImageLinearMemory {
    fn byte_size(&self) -> usize {
        self.size
    }

    fn byte_capacity(&self) -> usize {
        self.capacity
    }

    fn grow_to(&mut self, new_size: usize) -> wasmtime::Result<()> {
        if new_size > self.capacity {
            wasmtime::bail!("the guest's memory cannot grow past its reservation");
        }
        self.memory.read_write(self.size..new_size)?;
        self.size = new_size;
        Ok(())
    }

    fn as_ptr(&self) -> *mut u8 {
        self.memory.base
    }
}

#[cfg(all(test, feature = "compile"))]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, ConstExpr, DataSection, ExportKind, ExportSection, Function, FunctionSection,
        Instruction, MemorySection, MemoryType as Mem, Module, TypeSection,
    };

    /// One 2-page memory, an active segment at 70000 and a passive one after it, and when
    /// `drop_passive`, a function that drops the passive one.
    fn module(drop_passive: bool) -> Vec<u8> {
        let mut m = Module::new();
        if drop_passive {
            let mut types = TypeSection::new();
            types.ty().function([], []);
            m.section(&types);
            let mut functions = FunctionSection::new();
            functions.function(0);
            m.section(&functions);
        }
        let mut mem = MemorySection::new();
        mem.memory(Mem {
            minimum: 2,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        m.section(&mem);
        let mut exports = ExportSection::new();
        exports.export("memory", ExportKind::Memory, 0);
        m.section(&exports);
        m.section(&wasm_encoder::DataCountSection { count: 2 });
        if drop_passive {
            let mut body = Function::new([]);
            body.instruction(&Instruction::DataDrop(1))
                .instruction(&Instruction::End);
            let mut code = CodeSection::new();
            code.function(&body);
            m.section(&code);
        }
        let mut data = DataSection::new();
        data.active(0, &ConstExpr::i32_const(70000), b"abc".iter().copied());
        data.passive(b"xyz".iter().copied());
        m.section(&data);
        m.finish()
    }

    /// The data segments of `wasm`: whether each is passive, and its bytes.
    fn segments(wasm: &[u8]) -> Vec<(bool, Vec<u8>)> {
        wasmparser::Parser::new(0)
            .parse_all(wasm)
            .filter_map(|p| match p.unwrap() {
                wasmparser::Payload::DataSection(r) => Some(r),
                _ => None,
            })
            .flat_map(|r| r.into_iter().map(|d| d.unwrap()))
            .map(|d| {
                (
                    matches!(d.kind, wasmparser::DataKind::Passive),
                    d.data.to_vec(),
                )
            })
            .collect()
    }

    #[test]
    fn split_images_active_segments() {
        for drop_passive in [false, true] {
            let (dataless, image) = split(&module(drop_passive)).unwrap();
            wasmparser::validate(&dataless).unwrap();
            let runs = decode(&image).unwrap();
            assert_eq!(runs.len(), 1);
            let Run { at, pos, len, .. } = runs[0];
            assert_eq!((at, len), (IMAGE_PAGE, IMAGE_PAGE));
            assert_eq!(&image[pos + 70000 - IMAGE_PAGE..][..3], b"abc");
        }
    }

    #[test]
    fn split_leaves_out_segments_no_code_names() {
        let (dataless, _) = split(&module(false)).unwrap();
        assert_eq!(segments(&dataless), []);
        let data_count = wasmparser::Parser::new(0)
            .parse_all(&dataless)
            .any(|p| matches!(p.unwrap(), wasmparser::Payload::DataCountSection { .. }));
        assert!(!data_count);
    }

    #[test]
    fn split_keeps_the_indices_code_names() {
        let (dataless, _) = split(&module(true)).unwrap();
        assert_eq!(
            segments(&dataless),
            [(true, vec![]), (true, b"xyz".to_vec())]
        );
    }

    #[test]
    fn memory_starts_as_the_image_when_copied() {
        let (dataless, image) = split(&module(false)).unwrap();
        let image: &'static [u8] = Box::leak(image.into_boxed_slice());
        let mut config = wasmtime::Config::new();
        config.with_host_memory(std::sync::Arc::new(ImageMemory::new(image, &[])));
        let engine = wasmtime::Engine::new(&config).unwrap();
        let module = wasmtime::Module::new(&engine, &dataless).unwrap();
        let mut store = wasmtime::Store::new(&engine, ());
        let instance = wasmtime::Instance::new(&mut store, &module, &[]).unwrap();
        let memory = instance.get_memory(&mut store, "memory").unwrap();
        let bytes = memory.data(&store);
        assert_eq!(bytes.len(), 2 * IMAGE_PAGE);
        assert_eq!(&bytes[70000..70003], b"abc");
        assert!(bytes[..70000].iter().all(|&b| b == 0));
        memory.grow(&mut store, 1).unwrap();
        assert_eq!(memory.data(&store).len(), 3 * IMAGE_PAGE);
    }

    /// Instances made one after another from a captured image: each starts as the image, at
    /// the captured size, whatever the one before wrote or grew, and the memory is reused.
    #[test]
    fn a_reused_memory_starts_as_the_image() {
        let (dataless, _) = split(&module(false)).unwrap();
        // Captured: 3 pages, "xyz" at 70000 and the last page all zeros.
        let mut captured = vec![0u8; 3 * IMAGE_PAGE];
        captured[70000..70003].copy_from_slice(b"xyz");
        let creator = std::sync::Arc::new(ImageMemory::new(&[], &[]));
        let app = Captured::new(&captured, None).unwrap().into_app_image();
        let mut config = wasmtime::Config::new();
        config.with_host_memory(creator.clone());
        let engine = wasmtime::Engine::new(&config).unwrap();
        let module = wasmtime::Module::new(&engine, &dataless).unwrap();
        let mut base = None;
        for round in 0..4 {
            ImageMemory::using(Some(&app), || {
                let mut store = wasmtime::Store::new(&engine, ());
                let instance = wasmtime::Instance::new(&mut store, &module, &[]).unwrap();
                let memory = instance.get_memory(&mut store, "memory").unwrap();
                assert_eq!(memory.data(&store), &captured[..], "round {round}");
                // The same memory each time after the first.
                let at = memory.data_ptr(&store) as usize;
                assert_eq!(*base.get_or_insert(at), at, "round {round}");
                // Writes over the image's pages, between them, and in a grown page.
                let data = memory.data_mut(&mut store);
                data[70000..70003].copy_from_slice(b"abc");
                data[5] = 1;
                data[3 * IMAGE_PAGE - 1] = 2;
                memory.grow(&mut store, 1).unwrap();
                memory.data_mut(&mut store)[3 * IMAGE_PAGE + 7] = 3;
            });
        }
        assert_eq!(creator.spares.memories.lock().unwrap().len(), 1);
    }

    #[test]
    fn restore_writes_runs_and_zeros() {
        let memory = Mapping::reserve(4 * 4096).unwrap();
        memory.read_write(0..4 * 4096).unwrap();
        // SAFETY: the mapping is 4 pages long and readable and writable.
        let bytes = unsafe { std::slice::from_raw_parts_mut(memory.base, 4 * 4096) };
        bytes.fill(9);
        let image = vec![7u8; 8192];
        // One run: pages 1 and 2 of the memory, from position 0 of the image.
        let runs = [Run {
            at: 4096,
            pos: 0,
            len: 8192,
            src: Src::Own,
        }];
        restore(&memory, 2048..14336, &image, &[], &runs).unwrap();
        assert!(bytes[..2048].iter().all(|&b| b == 9));
        assert!(bytes[2048..4096].iter().all(|&b| b == 0));
        assert!(bytes[4096..12288].iter().all(|&b| b == 7));
        assert!(bytes[12288..14336].iter().all(|&b| b == 0));
        assert!(bytes[14336..].iter().all(|&b| b == 9));
        assert!(restore(&memory, 0..5 * 4096, &image, &[], &runs).is_err());
        let bad = [Run {
            at: 0,
            pos: 4096,
            len: 8192,
            src: Src::Own,
        }];
        // A run reaching past the image fails where it would read past it.
        assert!(restore(&memory, 0..4096, &image, &[], &bad).is_ok());
        assert!(restore(&memory, 0..8192, &image, &[], &bad).is_err());
    }

    /// A memory captured over an embedded image keeps only the pages that differ from it, and
    /// instances of it start as the memory was, whether its pages are the base's or its own.
    #[test]
    fn a_captured_image_keeps_only_what_differs_from_its_base() {
        let page = rustix::param::page_size();
        let mut before = vec![0u8; 4 * IMAGE_PAGE];
        before[..2 * IMAGE_PAGE].fill(5);
        let base: &'static [u8] = Vec::leak(encode(&before));
        let start = Start::new(base, &[], None, 0);
        let mut after = before.clone();
        after[page + 3] = 6; // a page of the base, changed
        after[2 * page..3 * page].fill(0); // a page of the base, now zeros
        after[3 * IMAGE_PAGE + 1] = 7; // a new page
        let captured = Captured::new(&after, Some(&start)).unwrap();
        assert_eq!(captured.image.len(), 2 * page);
        assert!(captured.runs.iter().any(|r| r.src == Src::Base));
        let app = captured.into_app_image();
        let mut memory = vec![0u8; after.len()];
        for r in app.0.runs.as_deref().unwrap() {
            let from = match r.src {
                Src::Own => app.0.image,
                Src::Base => base,
            };
            memory[r.at..r.at + r.len].copy_from_slice(&from[r.pos..r.pos + r.len]);
        }
        assert!(memory == after);

        // Instances of it start so (copied: the base is not in this program's file).
        let (dataless, _) = split(&module(false)).unwrap();
        let creator = std::sync::Arc::new(ImageMemory::new(base, &[]));
        let mut config = wasmtime::Config::new();
        config.with_host_memory(creator.clone());
        let engine = wasmtime::Engine::new(&config).unwrap();
        let module = wasmtime::Module::new(&engine, &dataless).unwrap();
        for _ in 0..2 {
            ImageMemory::using(Some(&app), || {
                let mut store = wasmtime::Store::new(&engine, ());
                let instance = wasmtime::Instance::new(&mut store, &module, &[]).unwrap();
                let memory = instance.get_memory(&mut store, "memory").unwrap();
                assert!(memory.data(&store) == &after[..]);
                let data = memory.data_mut(&mut store);
                data[10] = 1;
                data[3 * IMAGE_PAGE + 1] = 9;
            });
        }
    }
}
