//! `zlib`'s Rust half: one handle per compression stream (deflate, inflate, gzip, gunzip, raw
//! deflate/inflate, unzip, brotli, zstd). The JS half hands a handle a slice of input, a flush
//! mode and a slice of a buffer to write into; the handle runs the codec as far as it can and
//! reports how much input is left and how much room is left in the output (`state[0]` is the
//! output room left, `state[1]` the input left), so the JS half can loop as Node's does.
//! A codec error is kept on the handle (message, errno, code) for the JS half to throw or emit.
//! Every offset and length from JS is checked here.

use brotli::enc::StandardAlloc as StdAlloc;
use brotli::enc::encode::BrotliEncoderParameter;
use brotli::enc::encode::{BrotliEncoderOperation, BrotliEncoderStateStruct};
use brotli::enc::{Allocator, SliceWrapperMut};
use brotli::{BrotliDecompressStream, BrotliResult, BrotliState};
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{
    ArrayBuffer, Class, Constructor, Ctx, Exception, Function, IntoJs, JsLifetime, Object, Result,
    Value,
};
use zstd::zstd_safe::{self, CCtx, CParameter, DCtx, DParameter, InBuffer, OutBuffer};

// The modes, as Node numbers them in `zlib.constants`.
const DEFLATE: u32 = 1;
const INFLATE: u32 = 2;
const GZIP: u32 = 3;
const GUNZIP: u32 = 4;
const DEFLATERAW: u32 = 5;
const INFLATERAW: u32 = 6;
const UNZIP: u32 = 7;
const BROTLI_DECODE: u32 = 8;
const BROTLI_ENCODE: u32 = 9;
const ZSTD_COMPRESS: u32 = 10;
const ZSTD_DECOMPRESS: u32 = 11;

const Z_FINISH: i32 = 4;
const Z_NEED_DICT: i32 = 2;
const Z_DATA_ERROR: i32 = -3;
const Z_BUF_ERROR: i32 = -5;
const Z_STREAM_ERROR: i32 = -2;

/// What a stream was made with, kept so `reset` can make it again.
struct Config {
    mode: u32,
    level: i32,
    window_bits: u8,
    dictionary: Option<Vec<u8>>,
    /// Brotli or zstd parameters: (key, value) pairs as Node numbers them.
    params: Vec<(u32, u32)>,
    pledged_src_size: Option<u64>,
}

/// Which framing an inflating stream reads.
#[derive(Clone, Copy, PartialEq)]
enum Framing {
    Zlib,
    Gzip,
    Raw,
}

enum Engine {
    Deflate(Compress),
    Inflate {
        d: Decompress,
        framing: Framing,
        ended: bool,
    },
    /// Unzip before its first two bytes have told gzip from zlib.
    Sniff(Vec<u8>),
    BrotliEnc(Box<BrotliEncoderStateStruct<StdAlloc>>),
    BrotliDec {
        s: Box<BrotliState<StdAlloc, StdAlloc, StdAlloc>>,
        ended: bool,
    },
    ZstdEnc {
        c: CCtx<'static>,
        /// The frame was ended and nothing was written since: another end must not start a new one.
        frame_done: bool,
    },
    ZstdDec(DCtx<'static>),
}

/// A codec error, as Node reports it.
struct ZError {
    message: String,
    errno: i32,
    code: String,
}

fn zlib_code(errno: i32) -> &'static str {
    match errno {
        2 => "Z_NEED_DICT",
        1 => "Z_STREAM_END",
        -1 => "Z_ERRNO",
        -2 => "Z_STREAM_ERROR",
        -3 => "Z_DATA_ERROR",
        -4 => "Z_MEM_ERROR",
        -5 => "Z_BUF_ERROR",
        -6 => "Z_VERSION_ERROR",
        _ => "Z_OK",
    }
}

fn zerr(message: &str, errno: i32) -> ZError {
    ZError {
        message: message.to_string(),
        errno,
        code: zlib_code(errno).to_string(),
    }
}

fn zstd_error_name(n: usize) -> &'static str {
    match n {
        0 => "no_error",
        1 => "GENERIC",
        10 => "prefix_unknown",
        12 => "version_unsupported",
        14 => "frameParameter_unsupported",
        16 => "frameParameter_windowTooLarge",
        20 => "corruption_detected",
        22 => "checksum_wrong",
        24 => "literals_headerWrong",
        30 => "dictionary_corrupted",
        32 => "dictionary_wrong",
        34 => "dictionaryCreation_failed",
        40 => "parameter_unsupported",
        41 => "parameter_combination_unsupported",
        42 => "parameter_outOfBound",
        44 => "tableLog_tooLarge",
        46 => "maxSymbolValue_tooLarge",
        48 => "maxSymbolValue_tooSmall",
        50 => "stabilityCondition_notRespected",
        60 => "stage_wrong",
        62 => "init_missing",
        64 => "memory_allocation",
        66 => "workSpace_tooSmall",
        70 => "dstSize_tooSmall",
        72 => "srcSize_wrong",
        74 => "dstBuffer_null",
        80 => "noForwardProgress_destFull",
        82 => "noForwardProgress_inputEmpty",
        _ => "GENERIC",
    }
}

/// A zstd error result as Node reports it: the library's message, its error number, and the
/// error's name.
fn zstd_err(code: usize) -> ZError {
    let n = code.wrapping_neg();
    ZError {
        message: zstd_safe::get_error_name(code).to_string(),
        errno: i32::try_from(n).unwrap_or(1),
        code: format!("ZSTD_error_{}", zstd_error_name(n)),
    }
}

fn brotli_code_name(code: i32) -> &'static str {
    match code {
        -1 => "_ERROR_FORMAT_EXUBERANT_NIBBLE",
        -2 => "_ERROR_FORMAT_RESERVED",
        -3 => "_ERROR_FORMAT_EXUBERANT_META_NIBBLE",
        -4 => "_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET",
        -5 => "_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME",
        -6 => "_ERROR_FORMAT_CL_SPACE",
        -7 => "_ERROR_FORMAT_HUFFMAN_SPACE",
        -8 => "_ERROR_FORMAT_CONTEXT_MAP_REPEAT",
        -9 => "_ERROR_FORMAT_BLOCK_LENGTH_1",
        -10 => "_ERROR_FORMAT_BLOCK_LENGTH_2",
        -11 => "_ERROR_FORMAT_TRANSFORM",
        -12 => "_ERROR_FORMAT_DICTIONARY",
        -13 => "_ERROR_FORMAT_WINDOW_BITS",
        -14 => "_ERROR_FORMAT_PADDING_1",
        -15 => "_ERROR_FORMAT_PADDING_2",
        -16 => "_ERROR_FORMAT_DISTANCE",
        -19 => "_ERROR_DICTIONARY_NOT_SET",
        -20 => "_ERROR_INVALID_ARGUMENTS",
        -21 => "_ERROR_ALLOC_CONTEXT_MODES",
        -22 => "_ERROR_ALLOC_TREE_GROUPS",
        -25 => "_ERROR_ALLOC_CONTEXT_MAP",
        -26 => "_ERROR_ALLOC_RING_BUFFER_1",
        -27 => "_ERROR_ALLOC_RING_BUFFER_2",
        -30 => "_ERROR_ALLOC_BLOCK_TYPE_TREES",
        _ => "_ERROR_UNREACHABLE",
    }
}

fn brotli_param(key: u32) -> Option<BrotliEncoderParameter> {
    use BrotliEncoderParameter::*;
    Some(match key {
        0 => BROTLI_PARAM_MODE,
        1 => BROTLI_PARAM_QUALITY,
        2 => BROTLI_PARAM_LGWIN,
        3 => BROTLI_PARAM_LGBLOCK,
        4 => BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING,
        5 => BROTLI_PARAM_SIZE_HINT,
        6 => BROTLI_PARAM_LARGE_WINDOW,
        _ => return None,
    })
}

fn zstd_strategy(v: u32) -> Option<zstd_safe::Strategy> {
    use zstd_safe::Strategy::*;
    Some(match v {
        1 => ZSTD_fast,
        2 => ZSTD_dfast,
        3 => ZSTD_greedy,
        4 => ZSTD_lazy,
        5 => ZSTD_lazy2,
        6 => ZSTD_btlazy2,
        7 => ZSTD_btopt,
        8 => ZSTD_btultra,
        9 => ZSTD_btultra2,
        _ => return None,
    })
}

/// Node's numbered zstd compression parameter as the library's; `None` for an unknown key.
fn zstd_cparam(key: u32, v: u32) -> Option<CParameter> {
    use CParameter::*;
    Some(match key {
        100 => CompressionLevel(v as i32),
        101 => WindowLog(v),
        102 => HashLog(v),
        103 => ChainLog(v),
        104 => SearchLog(v),
        105 => MinMatch(v),
        106 => TargetLength(v),
        107 => Strategy(zstd_strategy(v)?),
        160 => EnableLongDistanceMatching(v != 0),
        161 => LdmHashLog(v),
        162 => LdmMinMatch(v),
        163 => LdmBucketSizeLog(v),
        164 => LdmHashRateLog(v),
        200 => ContentSizeFlag(v != 0),
        201 => ChecksumFlag(v != 0),
        202 => DictIdFlag(v != 0),
        400 => NbWorkers(v),
        401 => JobSize(v),
        402 => OverlapSizeLog(v),
        _ => return None,
    })
}

fn deflate_level(level: i32) -> Compression {
    if (0..=9).contains(&level) {
        Compression::new(level as u32)
    } else {
        Compression::default()
    }
}

/// Makes the codec `cfg` describes, or the message of why it cannot be made.
fn build(cfg: &Config) -> std::result::Result<Engine, &'static str> {
    let wb = cfg.window_bits.clamp(9, 15);
    Ok(match cfg.mode {
        DEFLATE | GZIP | DEFLATERAW => {
            let level = deflate_level(cfg.level);
            let mut c = match cfg.mode {
                DEFLATE => Compress::new_with_window_bits(level, true, wb),
                GZIP => Compress::new_gzip(level, wb),
                _ => Compress::new_with_window_bits(level, false, wb),
            };
            if let Some(d) = &cfg.dictionary
                && cfg.mode != GZIP
            {
                c.set_dictionary(d)
                    .map_err(|_| "Failed to set dictionary")?;
            }
            Engine::Deflate(c)
        }
        INFLATE | GUNZIP | INFLATERAW => {
            let framing = match cfg.mode {
                INFLATE => Framing::Zlib,
                GUNZIP => Framing::Gzip,
                _ => Framing::Raw,
            };
            let mut d = new_inflate(framing, wb);
            if framing == Framing::Raw
                && let Some(dict) = &cfg.dictionary
            {
                d.set_dictionary(dict)
                    .map_err(|_| "Failed to set dictionary")?;
            }
            Engine::Inflate {
                d,
                framing,
                ended: false,
            }
        }
        UNZIP => Engine::Sniff(Vec::with_capacity(2)),
        BROTLI_ENCODE => {
            let mut s = Box::new(BrotliEncoderStateStruct::new(StdAlloc::default()));
            for &(k, v) in &cfg.params {
                // The flags take 0 or 1 only.
                if (k == 4 || k == 6) && v > 1 {
                    return Err("Initialization failed");
                }
                match brotli_param(k) {
                    Some(p) => {
                        if !s.set_parameter(p, v) {
                            return Err("Initialization failed");
                        }
                    }
                    // Node's postfix and direct-distance parameters; this encoder picks its own.
                    None if k == 7 || k == 8 => {}
                    None => return Err("Initialization failed"),
                }
            }
            if let Some(d) = &cfg.dictionary
                && !d.is_empty()
            {
                s.set_custom_dictionary(d.len(), d);
            }
            Engine::BrotliEnc(s)
        }
        BROTLI_DECODE => {
            for &(k, _) in &cfg.params {
                if k > 1 {
                    return Err("Initialization failed");
                }
            }
            let s = match &cfg.dictionary {
                Some(d) if !d.is_empty() => {
                    let mut a = StdAlloc::default();
                    let mut mem = <StdAlloc as Allocator<u8>>::alloc_cell(&mut a, d.len());
                    mem.slice_mut().copy_from_slice(d);
                    Box::new(BrotliState::new_with_custom_dictionary(
                        a,
                        StdAlloc::default(),
                        StdAlloc::default(),
                        mem,
                    ))
                }
                _ => Box::new(BrotliState::new(
                    StdAlloc::default(),
                    StdAlloc::default(),
                    StdAlloc::default(),
                )),
            };
            Engine::BrotliDec { s, ended: false }
        }
        ZSTD_COMPRESS => {
            let mut c = CCtx::try_create().ok_or("Could not initialize zstd instance")?;
            for &(k, v) in &cfg.params {
                let p = zstd_cparam(k, v).ok_or("Setting parameter failed")?;
                c.set_parameter(p).map_err(|_| "Setting parameter failed")?;
            }
            if let Some(n) = cfg.pledged_src_size {
                c.set_pledged_src_size(Some(n))
                    .map_err(|_| "Could not set pledged src size")?;
            }
            if let Some(d) = &cfg.dictionary {
                c.load_dictionary(d)
                    .map_err(|_| "Failed to set dictionary")?;
            }
            Engine::ZstdEnc {
                c,
                frame_done: false,
            }
        }
        ZSTD_DECOMPRESS => {
            let mut d = DCtx::try_create().ok_or("Could not initialize zstd instance")?;
            for &(k, v) in &cfg.params {
                if k != 100 {
                    return Err("Setting parameter failed");
                }
                d.set_parameter(DParameter::WindowLogMax(v))
                    .map_err(|_| "Setting parameter failed")?;
            }
            if let Some(dict) = &cfg.dictionary {
                d.load_dictionary(dict)
                    .map_err(|_| "Failed to set dictionary")?;
            }
            Engine::ZstdDec(d)
        }
        _ => return Err("Bad argument"),
    })
}

fn new_inflate(framing: Framing, wb: u8) -> Decompress {
    match framing {
        Framing::Zlib => Decompress::new_with_window_bits(true, wb),
        Framing::Gzip => Decompress::new_gzip(wb),
        Framing::Raw => Decompress::new_with_window_bits(false, wb),
    }
}

/// A stream's handle: its configuration, its codec (`None` once closed) and its last error.
pub struct ZlibHandle {
    cfg: Config,
    engine: Option<Engine>,
    error: Option<ZError>,
}

// SAFETY: `ZlibHandle` holds no JS values, so it is the same type at every lifetime.
unsafe impl<'js> JsLifetime<'js> for ZlibHandle {
    type Changed<'to> = ZlibHandle;
}

impl<'js> Trace<'js> for ZlibHandle {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

impl<'js> JsClass<'js> for ZlibHandle {
    const NAME: &'static str = "Zlib";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

/// The result of one step: input consumed and output produced.
struct Step {
    read: usize,
    written: usize,
}

impl ZlibHandle {
    fn cfg_wb(&self) -> u8 {
        self.cfg.window_bits.clamp(9, 15)
    }

    /// Runs the codec over `input` into `out` with Node's flush mode `flush`.
    fn step(
        &mut self,
        flush: i32,
        input: &[u8],
        out: &mut [u8],
    ) -> std::result::Result<Step, ZError> {
        let wb = self.cfg_wb();
        let dictionary = self.cfg.dictionary.clone();
        let Some(engine) = self.engine.as_mut() else {
            return Err(zerr("zlib binding closed", Z_STREAM_ERROR));
        };
        // Unzip waits for two bytes to choose its framing, then becomes an inflater.
        if let Engine::Sniff(head) = engine {
            let held = head.len();
            let take = (2 - held.min(2)).min(input.len());
            if held + take < 2 && flush != Z_FINISH {
                head.extend_from_slice(&input[..take]);
                return Ok(Step {
                    read: take,
                    written: 0,
                });
            }
            // The bytes held from earlier calls go first, joined to this call's input.
            let mut joined = std::mem::take(head);
            joined.extend_from_slice(input);
            let framing = if joined.starts_with(&[0x1f, 0x8b]) {
                Framing::Gzip
            } else {
                Framing::Zlib
            };
            let mut d = new_inflate(framing, wb);
            let mut st = Step {
                read: 0,
                written: 0,
            };
            let mut ended = false;
            let r = inflate_run(
                &mut d,
                framing,
                &mut ended,
                dictionary.as_deref(),
                flush,
                &joined,
                out,
                &mut st,
            );
            *engine = Engine::Inflate { d, framing, ended };
            r?;
            // A zlib or gzip header is always taken whole, so the held bytes were consumed.
            return Ok(Step {
                read: st.read.saturating_sub(held),
                written: st.written,
            });
        }
        let mut st = Step {
            read: 0,
            written: 0,
        };
        match engine {
            Engine::Sniff(_) => {}
            Engine::Deflate(c) => {
                let mode = match flush {
                    0 => FlushCompress::None,
                    1 => FlushCompress::Partial,
                    2 => FlushCompress::Sync,
                    3 => FlushCompress::Full,
                    4 => FlushCompress::Finish,
                    _ => FlushCompress::Partial,
                };
                let (i0, o0) = (c.total_in(), c.total_out());
                let r = c.compress(input, out, mode);
                st.read = (c.total_in() - i0) as usize;
                st.written = (c.total_out() - o0) as usize;
                if let Err(e) = r {
                    return Err(zerr(e.message().unwrap_or("stream error"), Z_STREAM_ERROR));
                }
            }
            Engine::Inflate { d, framing, ended } => {
                inflate_run(
                    d,
                    *framing,
                    ended,
                    dictionary.as_deref(),
                    flush,
                    input,
                    out,
                    &mut st,
                )?;
            }
            Engine::BrotliEnc(s) => {
                let op = match flush {
                    1 => BrotliEncoderOperation::BROTLI_OPERATION_FLUSH,
                    2 => BrotliEncoderOperation::BROTLI_OPERATION_FINISH,
                    3 => BrotliEncoderOperation::BROTLI_OPERATION_EMIT_METADATA,
                    _ => BrotliEncoderOperation::BROTLI_OPERATION_PROCESS,
                };
                let mut avail_in = input.len();
                let mut in_off = 0;
                let mut avail_out = out.len();
                let mut out_off = 0;
                let mut total = None;
                let mut nop = |_: &mut brotli::interface::PredictionModeContextMap<
                    brotli::InputReferenceMut,
                >,
                               _: &mut [brotli::interface::StaticCommand],
                               _: brotli::InputPair,
                               _: &mut StdAlloc| ();
                let ok = s.compress_stream(
                    op,
                    &mut avail_in,
                    input,
                    &mut in_off,
                    &mut avail_out,
                    out,
                    &mut out_off,
                    &mut total,
                    &mut nop,
                );
                st.read = in_off;
                st.written = out_off;
                if !ok {
                    return Err(ZError {
                        message: "Compression failed".into(),
                        errno: -1,
                        code: "ERR_BROTLI_COMPRESSION_FAILED".into(),
                    });
                }
            }
            Engine::BrotliDec { s, ended } => {
                if *ended {
                    return Ok(st);
                }
                let mut avail_in = input.len();
                let mut in_off = 0;
                let mut avail_out = out.len();
                let mut out_off = 0;
                let mut total = 0;
                let r = BrotliDecompressStream(
                    &mut avail_in,
                    &mut in_off,
                    input,
                    &mut avail_out,
                    &mut out_off,
                    out,
                    &mut total,
                    s.as_mut(),
                );
                st.read = in_off;
                st.written = out_off;
                match r {
                    BrotliResult::ResultFailure => {
                        let code = s.error_code as i32;
                        return Err(ZError {
                            message: "Decompression failed".into(),
                            errno: code,
                            code: format!("ERR_{}", brotli_code_name(code)),
                        });
                    }
                    BrotliResult::NeedsMoreInput if flush == 2 => {
                        return Err(zerr("unexpected end of file", Z_BUF_ERROR));
                    }
                    BrotliResult::ResultSuccess => *ended = true,
                    _ => {}
                }
            }
            Engine::ZstdEnc { c, frame_done } => {
                let dir = match flush {
                    1 => zstd_sys::ZSTD_EndDirective::ZSTD_e_flush,
                    2 => zstd_sys::ZSTD_EndDirective::ZSTD_e_end,
                    _ => zstd_sys::ZSTD_EndDirective::ZSTD_e_continue,
                };
                if input.is_empty() && *frame_done {
                    return Ok(st);
                }
                let mut ib = InBuffer::around(input);
                let mut ob = OutBuffer::around(out);
                let r = c.compress_stream2(&mut ob, &mut ib, dir);
                st.read = ib.pos();
                st.written = ob.pos();
                match r {
                    Ok(0) if flush == 2 => *frame_done = true,
                    Ok(_) => *frame_done = false,
                    Err(code) => return Err(zstd_err(code)),
                }
            }
            Engine::ZstdDec(d) => {
                let mut ib = InBuffer::around(input);
                let mut ob = OutBuffer::around(out);
                let r = d.decompress_stream(&mut ob, &mut ib);
                st.read = ib.pos();
                st.written = ob.pos();
                if let Err(code) = r {
                    return Err(zstd_err(code));
                }
            }
        }
        Ok(Step {
            read: st.read,
            written: st.written,
        })
    }
}

/// Inflates as Node's zlib does: a needed dictionary is supplied when there is one, a gzip
/// stream followed by more (non-zero) input starts another member, and input that ends before
/// the stream does is an error when the caller said it was the end (`Z_FINISH`).
#[allow(clippy::too_many_arguments)]
fn inflate_run(
    d: &mut Decompress,
    framing: Framing,
    ended: &mut bool,
    dictionary: Option<&[u8]>,
    flush: i32,
    input: &[u8],
    out: &mut [u8],
    st: &mut Step,
) -> std::result::Result<(), ZError> {
    let mode = match flush {
        0 => FlushDecompress::None,
        4 => FlushDecompress::Finish,
        _ => FlushDecompress::Sync,
    };
    let mut dict_tried = false;
    loop {
        if *ended {
            // A gzip member was complete: more input that is not zero padding starts the next.
            if framing == Framing::Gzip && st.read < input.len() && input[st.read] != 0 {
                *d = Decompress::new_gzip(15);
                *ended = false;
            } else {
                return Ok(());
            }
        }
        let (i0, o0) = (d.total_in(), d.total_out());
        let r = d.decompress(&input[st.read..], &mut out[st.written..], mode);
        st.read += (d.total_in() - i0) as usize;
        st.written += (d.total_out() - o0) as usize;
        match r {
            Ok(Status::StreamEnd) => {
                *ended = true;
                if framing != Framing::Gzip {
                    return Ok(());
                }
            }
            Ok(Status::Ok) => return Ok(()),
            Ok(Status::BufError) => {
                if flush == Z_FINISH && st.written < out.len() {
                    return Err(zerr("unexpected end of file", Z_BUF_ERROR));
                }
                return Ok(());
            }
            Err(e) => {
                if e.needs_dictionary().is_some() {
                    let Some(dict) = dictionary else {
                        return Err(zerr("Missing dictionary", Z_NEED_DICT));
                    };
                    if dict_tried || d.set_dictionary(dict).is_err() {
                        return Err(zerr("Bad dictionary", Z_NEED_DICT));
                    }
                    dict_tried = true;
                    continue;
                }
                return Err(zerr(e.message().unwrap_or("invalid data"), Z_DATA_ERROR));
            }
        }
        if st.written >= out.len() {
            return Ok(());
        }
    }
}

/// The likely size of the whole output of decompressing `input` at once, when its format says
/// it: a single gzip member's trailer holds its length, a zstd frame's header may. Zero when
/// unknown or implausible (deflate expands at most about 1032:1).
fn size_hint(mode: u32, input: &[u8]) -> usize {
    let limit = input.len().saturating_mul(1032).min(256 << 20);
    let n = match mode {
        GUNZIP | UNZIP if input.len() >= 18 && input.starts_with(&[0x1f, 0x8b]) => {
            let t = &input[input.len() - 4..];
            u32::from_le_bytes([t[0], t[1], t[2], t[3]]) as usize
        }
        ZSTD_DECOMPRESS => match zstd_safe::get_frame_content_size(input) {
            Ok(Some(n)) => usize::try_from(n).unwrap_or(0),
            _ => 0,
        },
        _ => 0,
    };
    if n <= limit { n + 1 } else { 0 }
}

/// A typed array's bytes: `(pointer, length)`, or `None` when `v` is not a byte view.
fn view_of(v: &Value<'_>) -> Option<(*mut u8, usize)> {
    let obj = v.as_object()?;
    let ta = obj.as_typed_array::<u8>()?;
    match ta.as_raw() {
        Some(raw) => Some((raw.as_ptr() as *mut u8, raw.len())),
        None => Some((std::ptr::null_mut(), 0)),
    }
}

/// Checks that `off..off+len` lies within `total` bytes.
fn range(ctx: &Ctx<'_>, off: f64, len: f64, total: usize) -> Result<(usize, usize)> {
    let ok = |x: f64| x.fract() == 0.0 && x >= 0.0 && x <= total as f64;
    if !ok(off) || !ok(len) || off + len > total as f64 {
        return Err(Exception::throw_range(ctx, "offset or length out of range"));
    }
    Ok((off as usize, len as usize))
}

fn u32_arg(v: &Value<'_>) -> Option<u32> {
    let n = v.as_number()?;
    (n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n)).then_some(n as u32)
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    // create(mode, level, windowBits, dictionary, params, pledgedSrcSize): a handle, or the
    // message of why the codec could not be made.
    o.set(
        "create",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             mode: u32,
             level: i32,
             window_bits: i32,
             dictionary: Value<'js>,
             params: Value<'js>,
             pledged: Value<'js>|
             -> Result<Value<'js>> {
                let dictionary = if dictionary.is_undefined() || dictionary.is_null() {
                    None
                } else {
                    let (p, n) = view_of(&dictionary).ok_or_else(|| {
                        Exception::throw_type(&ctx, "dictionary must be a byte array")
                    })?;
                    // SAFETY: the pointer and length describe the live array's bytes, and no JS
                    // runs while they are copied.
                    Some(if n == 0 {
                        Vec::new()
                    } else {
                        unsafe { std::slice::from_raw_parts(p, n) }.to_vec()
                    })
                };
                let mut list = Vec::new();
                if let Some(arr) = params.as_array() {
                    for i in 0..arr.len() / 2 {
                        let k: Value = arr.get(i * 2)?;
                        let v: Value = arr.get(i * 2 + 1)?;
                        match (u32_arg(&k), u32_arg(&v)) {
                            (Some(k), Some(v)) => list.push((k, v)),
                            _ => {
                                return Err(Exception::throw_range(&ctx, "invalid parameter"));
                            }
                        }
                    }
                }
                let pledged_src_size = pledged
                    .as_number()
                    .filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= 9007199254740991.0)
                    .map(|n| n as u64);
                let cfg = Config {
                    mode,
                    level,
                    window_bits: window_bits.clamp(0, 15) as u8,
                    dictionary,
                    params: list,
                    pledged_src_size,
                };
                match build(&cfg) {
                    Ok(engine) => Ok(Class::instance(
                        ctx.clone(),
                        ZlibHandle {
                            cfg,
                            engine: Some(engine),
                            error: None,
                        },
                    )?
                    .into_value()),
                    Err(msg) => Ok(rquickjs::String::from_str(ctx, msg)?.into_value()),
                }
            },
        )?,
    )?;

    // write(handle, flush, in, out, state): runs the codec over
    // `in[state[0]..state[0]+state[1]]` into `out[state[2]..state[2]+state[3]]` and leaves the
    // output room left in `state[4]` and the input left in `state[5]`. True when it ran, false
    // when it failed (`error(handle)` then describes the failure).
    o.set(
        "write",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, ZlibHandle>,
             flush: i32,
             input: Value<'js>,
             output: Value<'js>,
             state: Value<'js>|
             -> Result<bool> {
                let bad = || Exception::throw_type(&ctx, "expected a byte array");
                let (ip, itotal) = view_of(&input).ok_or_else(bad)?;
                let (op, ototal) = view_of(&output).ok_or_else(bad)?;
                let st = state
                    .as_object()
                    .and_then(|o| o.as_typed_array::<u32>())
                    .ok_or_else(|| Exception::throw_type(&ctx, "expected a Uint32Array"))?;
                let sp = match st.as_raw() {
                    Some(raw) if raw.len() >= 6 * 4 => raw.as_ptr() as *mut u32,
                    _ => return Err(Exception::throw_range(&ctx, "state array too short")),
                };
                // SAFETY: the array holds at least six aligned u32s (checked above).
                let [in_off, in_len, out_off, out_len] =
                    unsafe { [0, 1, 2, 3].map(|i| *sp.add(i) as f64) };
                let (in_off, in_len) = range(&ctx, in_off, in_len, itotal)?;
                let (out_off, out_len) = range(&ctx, out_off, out_len, ototal)?;
                let mut h = h.try_borrow_mut()?;
                // SAFETY: the ranges were checked against the arrays' live lengths, no JS runs
                // until the slices are dropped, and an input that overlaps the output is
                // copied first so the two slices never alias.
                let (copy, out) = unsafe {
                    let out: &mut [u8] = if out_len == 0 {
                        &mut []
                    } else {
                        std::slice::from_raw_parts_mut(op.add(out_off), out_len)
                    };
                    let input: &[u8] = if in_len == 0 {
                        &[]
                    } else {
                        std::slice::from_raw_parts(ip.add(in_off), in_len)
                    };
                    let (a, b) = (input.as_ptr() as usize, out.as_ptr() as usize);
                    let overlap = in_len > 0 && out_len > 0 && a < b + out_len && b < a + in_len;
                    (
                        if overlap {
                            Err(input.to_vec())
                        } else {
                            Ok(input)
                        },
                        out,
                    )
                };
                let r = match &copy {
                    Ok(input) => h.step(flush, input, out),
                    Err(v) => h.step(flush, v, out),
                };
                match r {
                    Ok(done) => {
                        // SAFETY: as above; the lengths fit in u32 because they came from it.
                        unsafe {
                            *sp.add(4) = (out_len - done.written.min(out_len)) as u32;
                            *sp.add(5) = (in_len - done.read.min(in_len)) as u32;
                        }
                        Ok(true)
                    }
                    Err(e) => {
                        h.error = Some(e);
                        Ok(false)
                    }
                }
            },
        )?,
    )?;

    // runSync(handle, flush, in, chunkSize, maxOutputLength, state): runs the codec over all of
    // `in` at once and returns its whole output as an ArrayBuffer; `false` when the codec failed
    // (`error(handle)` then describes it), `null` when the output grew past maxOutputLength.
    // The input taken is left in `state[4]` (low 32 bits) and `state[5]` (high bits). Output
    // room grows geometrically, so a large result costs a few steps and no joining of chunks.
    o.set(
        "runSync",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, ZlibHandle>,
             flush: i32,
             input: Value<'js>,
             chunk: f64,
             max: f64,
             state: Value<'js>|
             -> Result<Value<'js>> {
                let (ip, itotal) = view_of(&input)
                    .ok_or_else(|| Exception::throw_type(&ctx, "expected a byte array"))?;
                let st = state
                    .as_object()
                    .and_then(|o| o.as_typed_array::<u32>())
                    .ok_or_else(|| Exception::throw_type(&ctx, "expected a Uint32Array"))?;
                let sp = match st.as_raw() {
                    Some(raw) if raw.len() >= 6 * 4 => raw.as_ptr() as *mut u32,
                    _ => return Err(Exception::throw_range(&ctx, "state array too short")),
                };
                let step_min = if chunk.is_finite() && chunk >= 64.0 {
                    chunk.min((1u64 << 30) as f64) as usize
                } else {
                    16 * 1024
                };
                let mut h = h.try_borrow_mut()?;
                let mut out: Vec<u8> = Vec::new();
                // SAFETY: as below; the bytes are only read to size the output.
                let hint = size_hint(h.cfg.mode, unsafe {
                    if itotal == 0 {
                        &[]
                    } else {
                        std::slice::from_raw_parts(ip, itotal)
                    }
                });
                if hint > 0 && hint as f64 <= max {
                    // Only a hint: when memory for it cannot be had, the output grows as it goes.
                    let _ = out.try_reserve_exact(hint);
                }
                let mut off = 0usize;
                let result = {
                    // SAFETY: the pointer and length describe the live array's bytes; no JS runs
                    // while the codec reads them, and the output is a Vec of our own.
                    let input: &[u8] = if itotal == 0 {
                        &[]
                    } else {
                        unsafe { std::slice::from_raw_parts(ip, itotal) }
                    };
                    loop {
                        // Capacity grows geometrically; each step zeroes and fills a slice
                        // small enough to stay in cache between the two.
                        if out.capacity() - out.len() < step_min {
                            let grow = step_min.max(out.len().min(64 << 20));
                            if out.try_reserve(grow).is_err() {
                                return Err(Exception::throw_range(
                                    &ctx,
                                    "Array buffer allocation failed",
                                ));
                            }
                        }
                        let room = (out.capacity() - out.len()).min(step_min.max(256 * 1024));
                        let start = out.len();
                        out.resize(start + room, 0);
                        match h.step(flush, &input[off..], &mut out[start..]) {
                            Ok(done) => {
                                off += done.read.min(input.len() - off);
                                out.truncate(start + done.written.min(room));
                                if out.len() as f64 > max {
                                    break Some(false);
                                }
                                if done.written < room {
                                    break None;
                                }
                            }
                            Err(e) => {
                                h.error = Some(e);
                                break Some(true);
                            }
                        }
                    }
                };
                // SAFETY: the state array holds at least six aligned u32s (checked above).
                unsafe {
                    *sp.add(4) = off as u32;
                    *sp.add(5) = ((off as u64) >> 32) as u32;
                }
                match result {
                    Some(true) => false.into_js(&ctx),
                    Some(false) => Ok(Value::new_null(ctx)),
                    None => {
                        if out.capacity() - out.len() > out.len() / 8 {
                            out.shrink_to_fit();
                        }
                        Ok(ArrayBuffer::new(ctx, out)?.into_value())
                    }
                }
            },
        )?,
    )?;

    // error(handle): `{ message, errno, code }` of the last failure.
    o.set(
        "error",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, ZlibHandle>| -> Result<Object<'js>> {
                let h = h.try_borrow()?;
                let o = Object::new(ctx)?;
                match &h.error {
                    Some(e) => {
                        o.set("message", e.message.as_str())?;
                        o.set("errno", e.errno)?;
                        o.set("code", e.code.as_str())?;
                    }
                    None => {
                        o.set("message", "Zlib error")?;
                        o.set("errno", Z_DATA_ERROR)?;
                        o.set("code", "Z_DATA_ERROR")?;
                    }
                }
                Ok(o)
            },
        )?,
    )?;

    // reset(handle): the stream starts again with its original settings; false when closed.
    o.set(
        "reset",
        Function::new(ctx.clone(), |h: Class<'js, ZlibHandle>| -> Result<bool> {
            let mut h = h.try_borrow_mut()?;
            if h.engine.is_none() {
                return Ok(false);
            }
            h.error = None;
            h.engine = build(&h.cfg).ok();
            Ok(h.engine.is_some())
        })?,
    )?;

    // params(handle, level): a deflate stream's new level, after the JS half flushed it.
    o.set(
        "params",
        Function::new(
            ctx.clone(),
            |h: Class<'js, ZlibHandle>, level: i32| -> Result<bool> {
                let mut h = h.try_borrow_mut()?;
                h.cfg.level = level;
                match h.engine.as_mut() {
                    Some(Engine::Deflate(c)) => Ok(c.set_level(deflate_level(level)).is_ok()),
                    _ => Ok(true),
                }
            },
        )?,
    )?;

    // close(handle): frees the codec's memory now.
    o.set(
        "close",
        Function::new(ctx.clone(), |h: Class<'js, ZlibHandle>| -> Result<()> {
            h.try_borrow_mut()?.engine = None;
            Ok(())
        })?,
    )?;

    // crc32(data, value): CRC-32 of a string's UTF-8 or a byte array's bytes, continuing `value`.
    o.set(
        "crc32",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, data: Value<'js>, value: f64| -> Result<f64> {
                let init = if value.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&value) {
                    value as u32
                } else {
                    0
                };
                let mut h = crc32fast::Hasher::new_with_initial(init);
                if let Some(s) = data.as_string() {
                    h.update(s.to_string()?.as_bytes());
                } else {
                    let (p, n) = view_of(&data)
                        .ok_or_else(|| Exception::throw_type(&ctx, "expected a byte array"))?;
                    if n > 0 {
                        // SAFETY: the pointer and length describe the live array's bytes, and
                        // no JS runs while they are read.
                        h.update(unsafe { std::slice::from_raw_parts(p, n) });
                    }
                }
                Ok(h.finalize() as f64)
            },
        )?,
    )?;
    Ok(())
}
