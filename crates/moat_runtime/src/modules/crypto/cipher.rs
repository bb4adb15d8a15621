//! Symmetric ciphers for `createCipheriv`/`createDecipheriv`, `getCiphers` and `getCipherInfo`.
//!
//! One table names every cipher (OpenSSL's names, numbers and sizes, as Node reports them). A
//! cipher's state lives in a `CipherBase` object; the JS half checks arguments and turns the
//! codes returned here into Node's errors. Block and stream modes come from RustCrypto's mode
//! crates. GCM, CCM and OCB take their nonce and tag lengths at run time, which the AEAD crates
//! fix at compile time, so those three are built here from the AES block cipher (GHASH by its
//! definition in SP 800-38D, CCM by SP 800-38C, OCB by RFC 7253); they stream as OpenSSL does.
//! ChaCha20-Poly1305's output streams too, and its tag is the crate's, taken over the kept
//! plaintext at the end.

use aes::{Aes128, Aes192, Aes256};
use chacha20::ChaCha20;
use chacha20poly1305::ChaCha20Poly1305;
use cipher::array::Array;
use cipher::consts::U16;
use cipher::{
    BlockCipherDecrypt, BlockCipherEncrypt, BlockModeDecrypt, BlockModeEncrypt, KeyInit, KeyIvInit,
    StreamCipher, StreamCipherSeek,
};
use des::{TdesEde2, TdesEde3};
use rquickjs::class::{JsClass, Trace, Tracer, Writable};
use rquickjs::{
    ArrayBuffer, Class, Constructor, Ctx, Exception, Function, IntoJs, JsLifetime, Object, Result,
    Value,
};

use super::with_bytes;

// ---- the table ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Cbc,
    Ecb,
    Cfb,
    Cfb8,
    Cfb1,
    Ofb,
    Ctr,
    Gcm,
    Ccm,
    Ocb,
    Xts,
    Wrap,
    WrapPad,
    Des3Wrap,
    ChaCha20,
    ChaChaPoly,
}

impl Mode {
    /// The mode as `getCipherInfo` names it.
    fn label(self) -> &'static str {
        match self {
            Mode::Cbc => "cbc",
            Mode::Ecb => "ecb",
            Mode::Cfb | Mode::Cfb8 | Mode::Cfb1 => "cfb",
            Mode::Ofb => "ofb",
            Mode::Ctr => "ctr",
            Mode::Gcm => "gcm",
            Mode::Ccm => "ccm",
            Mode::Ocb => "ocb",
            Mode::Xts => "xts",
            Mode::Wrap | Mode::WrapPad | Mode::Des3Wrap => "wrap",
            Mode::ChaCha20 | Mode::ChaChaPoly => "stream",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Algo {
    Aes,
    Des,
    Tdes2,
    Tdes3,
    ChaCha,
}

struct Def {
    /// The name `getCipherInfo` reports.
    name: &'static str,
    nid: u32,
    algo: Algo,
    mode: Mode,
    key_len: usize,
    iv_len: usize,
    block_size: usize,
    /// Other spellings that name it; those `getCiphers` lists come first, up to `listed`.
    aliases: &'static [&'static str],
    /// Which of the names `getCiphers` lists: bit 0 the own name, bit `i` alias `i - 1`.
    listed: u8,
}

#[allow(clippy::too_many_arguments)]
const fn def(
    name: &'static str,
    nid: u32,
    algo: Algo,
    mode: Mode,
    key_len: usize,
    iv_len: usize,
    block_size: usize,
    aliases: &'static [&'static str],
    listed: u8,
) -> Def {
    Def {
        name,
        nid,
        algo,
        mode,
        key_len,
        iv_len,
        block_size,
        aliases,
        listed,
    }
}

use Algo::{Aes, ChaCha, Des, Tdes2, Tdes3};

#[rustfmt::skip]
static TABLE: &[Def] = &[
    def("aes-128-cbc", 419, Aes, Mode::Cbc, 16, 16, 16, &["aes128"], 3),
    def("aes-192-cbc", 423, Aes, Mode::Cbc, 24, 16, 16, &["aes192"], 3),
    def("aes-256-cbc", 427, Aes, Mode::Cbc, 32, 16, 16, &["aes256"], 3),
    def("aes-128-ecb", 418, Aes, Mode::Ecb, 16, 0, 16, &[], 1),
    def("aes-192-ecb", 422, Aes, Mode::Ecb, 24, 0, 16, &[], 1),
    def("aes-256-ecb", 426, Aes, Mode::Ecb, 32, 0, 16, &[], 1),
    def("aes-128-cfb", 421, Aes, Mode::Cfb, 16, 16, 1, &[], 1),
    def("aes-192-cfb", 425, Aes, Mode::Cfb, 24, 16, 1, &[], 1),
    def("aes-256-cfb", 429, Aes, Mode::Cfb, 32, 16, 1, &[], 1),
    def("aes-128-cfb8", 653, Aes, Mode::Cfb8, 16, 16, 1, &[], 1),
    def("aes-192-cfb8", 654, Aes, Mode::Cfb8, 24, 16, 1, &[], 1),
    def("aes-256-cfb8", 655, Aes, Mode::Cfb8, 32, 16, 1, &[], 1),
    def("aes-128-cfb1", 650, Aes, Mode::Cfb1, 16, 16, 1, &[], 1),
    def("aes-192-cfb1", 651, Aes, Mode::Cfb1, 24, 16, 1, &[], 1),
    def("aes-256-cfb1", 652, Aes, Mode::Cfb1, 32, 16, 1, &[], 1),
    def("aes-128-ofb", 420, Aes, Mode::Ofb, 16, 16, 1, &[], 1),
    def("aes-192-ofb", 424, Aes, Mode::Ofb, 24, 16, 1, &[], 1),
    def("aes-256-ofb", 428, Aes, Mode::Ofb, 32, 16, 1, &[], 1),
    def("aes-128-ctr", 904, Aes, Mode::Ctr, 16, 16, 1, &[], 1),
    def("aes-192-ctr", 905, Aes, Mode::Ctr, 24, 16, 1, &[], 1),
    def("aes-256-ctr", 906, Aes, Mode::Ctr, 32, 16, 1, &[], 1),
    def("id-aes128-gcm", 895, Aes, Mode::Gcm, 16, 12, 1, &["aes-128-gcm", "id-aes128-GCM"], 6),
    def("id-aes192-gcm", 898, Aes, Mode::Gcm, 24, 12, 1, &["aes-192-gcm", "id-aes192-GCM"], 6),
    def("id-aes256-gcm", 901, Aes, Mode::Gcm, 32, 12, 1, &["aes-256-gcm", "id-aes256-GCM"], 6),
    def("id-aes128-ccm", 896, Aes, Mode::Ccm, 16, 12, 1, &["aes-128-ccm", "id-aes128-CCM"], 6),
    def("id-aes192-ccm", 899, Aes, Mode::Ccm, 24, 12, 1, &["aes-192-ccm", "id-aes192-CCM"], 6),
    def("id-aes256-ccm", 902, Aes, Mode::Ccm, 32, 12, 1, &["aes-256-ccm", "id-aes256-CCM"], 6),
    def("aes-128-ocb", 958, Aes, Mode::Ocb, 16, 12, 16, &[], 1),
    def("aes-192-ocb", 959, Aes, Mode::Ocb, 24, 12, 16, &[], 1),
    def("aes-256-ocb", 960, Aes, Mode::Ocb, 32, 12, 16, &[], 1),
    def("aes-128-xts", 913, Aes, Mode::Xts, 32, 16, 1, &[], 1),
    def("aes-256-xts", 914, Aes, Mode::Xts, 64, 16, 1, &[], 1),
    def("id-aes128-wrap", 788, Aes, Mode::Wrap, 16, 8, 8, &["aes128-wrap"], 3),
    def("id-aes192-wrap", 789, Aes, Mode::Wrap, 24, 8, 8, &["aes192-wrap"], 3),
    def("id-aes256-wrap", 790, Aes, Mode::Wrap, 32, 8, 8, &["aes256-wrap"], 3),
    def("id-aes128-wrap-pad", 897, Aes, Mode::WrapPad, 16, 4, 8, &["aes128-wrap-pad"], 3),
    def("id-aes192-wrap-pad", 900, Aes, Mode::WrapPad, 24, 4, 8, &["aes192-wrap-pad"], 3),
    def("id-aes256-wrap-pad", 903, Aes, Mode::WrapPad, 32, 4, 8, &["aes256-wrap-pad"], 3),
    def("chacha20", 1019, ChaCha, Mode::ChaCha20, 32, 16, 1, &[], 1),
    def("chacha20-poly1305", 1018, ChaCha, Mode::ChaChaPoly, 32, 12, 1, &[], 1),
    def("des-ede3-cbc", 44, Tdes3, Mode::Cbc, 24, 8, 8, &["des3"], 3),
    def("des-ede3", 33, Tdes3, Mode::Ecb, 24, 0, 8, &["des-ede3-ecb"], 3),
    def("des-ede3-cfb", 61, Tdes3, Mode::Cfb, 24, 8, 1, &[], 1),
    def("des-ede3-cfb8", 659, Tdes3, Mode::Cfb8, 24, 8, 1, &[], 1),
    def("des-ede3-cfb1", 658, Tdes3, Mode::Cfb1, 24, 8, 1, &[], 1),
    def("des-ede3-ofb", 63, Tdes3, Mode::Ofb, 24, 8, 1, &[], 1),
    def("des-ede-cbc", 43, Tdes2, Mode::Cbc, 16, 8, 8, &[], 1),
    def("des-ede", 32, Tdes2, Mode::Ecb, 16, 0, 8, &["des-ede-ecb"], 3),
    def("des-ede-cfb", 60, Tdes2, Mode::Cfb, 16, 8, 1, &[], 1),
    def("des-ede-ofb", 62, Tdes2, Mode::Ofb, 16, 8, 1, &[], 1),
    def("id-smime-alg-cms3deswrap", 246, Tdes3, Mode::Des3Wrap, 24, 0, 8, &["des3-wrap", "id-smime-alg-CMS3DESwrap"], 6),
    // Single DES is only in OpenSSL's legacy provider: known by name, refused when used.
    def("des-cbc", 31, Des, Mode::Cbc, 8, 8, 8, &["des"], 0),
    def("des-ecb", 29, Des, Mode::Ecb, 8, 0, 8, &[], 0),
    def("des-cfb", 30, Des, Mode::Cfb, 8, 8, 1, &[], 0),
    def("des-cfb8", 657, Des, Mode::Cfb8, 8, 8, 1, &[], 0),
    def("des-cfb1", 656, Des, Mode::Cfb1, 8, 8, 1, &[], 0),
    def("des-ofb", 45, Des, Mode::Ofb, 8, 8, 1, &[], 0),
];

fn find(name: &str) -> Option<&'static Def> {
    TABLE.iter().find(|d| {
        d.name.eq_ignore_ascii_case(name) || d.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    })
}

fn find_nid(nid: f64) -> Option<&'static Def> {
    TABLE.iter().find(|d| d.nid as f64 == nid)
}

/// The names `getCiphers` lists, sorted as OpenSSL's (byte order).
fn names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = TABLE
        .iter()
        .flat_map(|d| {
            std::iter::once(d.name)
                .chain(d.aliases.iter().copied())
                .enumerate()
                .filter(|(i, _)| d.listed & (1 << i) != 0)
                .map(|(_, n)| n)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The IV lengths a mode takes.
fn iv_ok(d: &Def, len: usize) -> bool {
    match d.mode {
        Mode::Gcm => len >= 1,
        Mode::Ccm => (7..=13).contains(&len),
        Mode::Ocb => (1..=15).contains(&len),
        _ => len == d.iv_len,
    }
}

// ---- block ciphers ------------------------------------------------------------------------

type B16 = Array<u8, U16>;

/// AES of any key size, for the modes built here.
#[derive(Clone)]
enum AesKey {
    A128(Aes128),
    A192(Aes192),
    A256(Aes256),
}

impl AesKey {
    fn new(key: &[u8]) -> Option<Self> {
        Some(match key.len() {
            16 => AesKey::A128(Aes128::new_from_slice(key).ok()?),
            24 => AesKey::A192(Aes192::new_from_slice(key).ok()?),
            32 => AesKey::A256(Aes256::new_from_slice(key).ok()?),
            _ => return None,
        })
    }
    fn encrypt_blocks(&self, b: &mut [B16]) {
        match self {
            AesKey::A128(c) => c.encrypt_blocks(b),
            AesKey::A192(c) => c.encrypt_blocks(b),
            AesKey::A256(c) => c.encrypt_blocks(b),
        }
    }
    fn decrypt_blocks(&self, b: &mut [B16]) {
        match self {
            AesKey::A128(c) => c.decrypt_blocks(b),
            AesKey::A192(c) => c.decrypt_blocks(b),
            AesKey::A256(c) => c.decrypt_blocks(b),
        }
    }
    fn encrypt(&self, x: u128) -> u128 {
        let mut b = [B16::from(x.to_be_bytes())];
        self.encrypt_blocks(&mut b);
        u128::from_be_bytes(b[0].0)
    }
    fn decrypt(&self, x: u128) -> u128 {
        let mut b = [B16::from(x.to_be_bytes())];
        self.decrypt_blocks(&mut b);
        u128::from_be_bytes(b[0].0)
    }
}

/// A 16-byte block (or a shorter tail, zero-filled) as a big-endian number.
fn block_of(bytes: &[u8]) -> u128 {
    let mut b = [0u8; 16];
    let n = bytes.len().min(16);
    b[..n].copy_from_slice(&bytes[..n]);
    u128::from_be_bytes(b)
}

/// Equality of two byte strings in time that depends only on their lengths.
fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

// ---- what a cipher does to its data --------------------------------------------------------

/// A transformation of data in place: whole blocks for CBC and ECB, any length for the rest.
trait Run {
    /// False when the mode cannot take this much more data.
    fn run(&mut self, data: &mut [u8]) -> bool;
}

struct EncBlocks<M>(M);
impl<M: BlockModeEncrypt> Run for EncBlocks<M> {
    fn run(&mut self, data: &mut [u8]) -> bool {
        let (blocks, _) = Array::slice_as_chunks_mut(data);
        self.0.encrypt_blocks(blocks);
        true
    }
}

struct DecBlocks<M>(M);
impl<M: BlockModeDecrypt> Run for DecBlocks<M> {
    fn run(&mut self, data: &mut [u8]) -> bool {
        let (blocks, _) = Array::slice_as_chunks_mut(data);
        self.0.decrypt_blocks(blocks);
        true
    }
}

struct Keystream<S>(S);
impl<S: StreamCipher> Run for Keystream<S> {
    fn run(&mut self, data: &mut [u8]) -> bool {
        // A counter that would run out refuses the data (and changes none of it).
        self.0.try_apply_keystream(data).is_ok()
    }
}

struct CfbEnc<C: BlockCipherEncrypt>(cfb_mode::BufEncryptor<C>);
impl<C: BlockCipherEncrypt> Run for CfbEnc<C> {
    fn run(&mut self, data: &mut [u8]) -> bool {
        self.0.encrypt(data);
        true
    }
}

struct CfbDec<C: BlockCipherEncrypt>(cfb_mode::BufDecryptor<C>);
impl<C: BlockCipherEncrypt> Run for CfbDec<C> {
    fn run(&mut self, data: &mut [u8]) -> bool {
        self.0.decrypt(data);
        true
    }
}

/// CFB with one-bit feedback (CFB1): one block encryption per bit.
struct Cfb1<C> {
    cipher: C,
    reg: Vec<u8>,
    decrypt: bool,
}

impl<C: BlockCipherEncrypt> Run for Cfb1<C> {
    fn run(&mut self, data: &mut [u8]) -> bool {
        let mut block = cipher::Block::<C>::default();
        for byte in data.iter_mut() {
            let mut out = 0u8;
            for bit in (0..8).rev() {
                block.copy_from_slice(&self.reg);
                self.cipher.encrypt_block(&mut block);
                let inb = (*byte >> bit) & 1;
                let outb = inb ^ (block[0] >> 7);
                out |= outb << bit;
                let feed = if self.decrypt { inb } else { outb };
                // Shift the register left by one bit and bring in the ciphertext bit.
                let n = self.reg.len();
                for i in 0..n {
                    let next = if i + 1 < n {
                        self.reg[i + 1] >> 7
                    } else {
                        feed
                    };
                    self.reg[i] = (self.reg[i] << 1) | next;
                }
            }
            *byte = out;
        }
        true
    }
}

fn boxed<R: Run + 'static>(r: R) -> Box<dyn Run> {
    Box::new(r)
}

/// The block and stream modes over one block cipher.
fn generic_mode<C>(mode: Mode, decrypt: bool, key: &[u8], iv: &[u8]) -> Option<Box<dyn Run>>
where
    C: BlockCipherEncrypt + BlockCipherDecrypt + KeyInit + Clone + 'static,
{
    let cipher = C::new_from_slice(key).ok()?;
    Some(match (mode, decrypt) {
        (Mode::Cbc, false) => boxed(EncBlocks(
            cbc::Encryptor::<C>::inner_iv_slice_init(cipher, iv).ok()?,
        )),
        (Mode::Cbc, true) => boxed(DecBlocks(
            cbc::Decryptor::<C>::inner_iv_slice_init(cipher, iv).ok()?,
        )),
        (Mode::Ecb, false) => boxed(EncBlocks(ecb::Encryptor::<C>::inner_init(cipher))),
        (Mode::Ecb, true) => boxed(DecBlocks(ecb::Decryptor::<C>::inner_init(cipher))),
        (Mode::Cfb, false) => boxed(CfbEnc(
            cfb_mode::BufEncryptor::<C>::inner_iv_slice_init(cipher, iv).ok()?,
        )),
        (Mode::Cfb, true) => boxed(CfbDec(
            cfb_mode::BufDecryptor::<C>::inner_iv_slice_init(cipher, iv).ok()?,
        )),
        (Mode::Cfb8, false) => boxed(EncBlocks(
            cfb8::Encryptor::<C>::inner_iv_slice_init(cipher, iv).ok()?,
        )),
        (Mode::Cfb8, true) => boxed(DecBlocks(
            cfb8::Decryptor::<C>::inner_iv_slice_init(cipher, iv).ok()?,
        )),
        (Mode::Cfb1, _) => {
            if iv.len() != cipher::Block::<C>::default().len() {
                return None;
            }
            boxed(Cfb1 {
                cipher,
                reg: iv.to_vec(),
                decrypt,
            })
        }
        _ => return None,
    })
}

/// OFB, whose keystream type needs the concrete block cipher.
fn ofb_mode(algo: Algo, key: &[u8], iv: &[u8]) -> Option<Box<dyn Run>> {
    Some(match (algo, key.len()) {
        (Algo::Aes, 16) => boxed(Keystream(
            ofb::Ofb::<Aes128>::new_from_slices(key, iv).ok()?,
        )),
        (Algo::Aes, 24) => boxed(Keystream(
            ofb::Ofb::<Aes192>::new_from_slices(key, iv).ok()?,
        )),
        (Algo::Aes, 32) => boxed(Keystream(
            ofb::Ofb::<Aes256>::new_from_slices(key, iv).ok()?,
        )),
        (Algo::Tdes2, _) => boxed(Keystream(
            ofb::Ofb::<TdesEde2>::new_from_slices(key, iv).ok()?,
        )),
        (Algo::Tdes3, _) => boxed(Keystream(
            ofb::Ofb::<TdesEde3>::new_from_slices(key, iv).ok()?,
        )),
        _ => return None,
    })
}

use cipher::InnerIvInit;
use cipher::common::InnerInit;

/// CTR and the modes above, over AES of the key's size.
fn aes_mode(mode: Mode, decrypt: bool, key: &[u8], iv: &[u8]) -> Option<Box<dyn Run>> {
    if mode == Mode::Ctr {
        return Some(match key.len() {
            16 => boxed(Keystream(
                ctr::Ctr128BE::<Aes128>::new_from_slices(key, iv).ok()?,
            )),
            24 => boxed(Keystream(
                ctr::Ctr128BE::<Aes192>::new_from_slices(key, iv).ok()?,
            )),
            32 => boxed(Keystream(
                ctr::Ctr128BE::<Aes256>::new_from_slices(key, iv).ok()?,
            )),
            _ => return None,
        });
    }
    match key.len() {
        16 => generic_mode::<Aes128>(mode, decrypt, key, iv),
        24 => generic_mode::<Aes192>(mode, decrypt, key, iv),
        32 => generic_mode::<Aes256>(mode, decrypt, key, iv),
        _ => None,
    }
}

/// ChaCha20 as OpenSSL runs it: the IV is a 32-bit little-endian block counter and the 96-bit
/// nonce, and a counter that wraps carries into the nonce's first word. The crate's stream
/// wrapper stops short of the counter's last block, so its core is driven here.
type ChaChaIetf = chacha20::ChaChaCore<chacha20::R20, chacha20::variants::Ietf>;
type ChaChaBlock = Array<u8, cipher::consts::U64>;

struct ChaChaStream {
    key: [u8; 32],
    nonce: [u8; 12],
    core: ChaChaIetf,
    ks: [u8; 64],
    ks_used: usize,
}

impl ChaChaStream {
    fn new(key: &[u8], iv: &[u8]) -> Option<Self> {
        let key: [u8; 32] = key.try_into().ok()?;
        let counter = u32::from_le_bytes(iv.get(..4)?.try_into().ok()?);
        let nonce: [u8; 12] = iv.get(4..)?.try_into().ok()?;
        let mut core = ChaChaIetf::new_from_slices(&key, &nonce).ok()?;
        core.set_block_pos(counter);
        Some(ChaChaStream {
            key,
            nonce,
            core,
            ks: [0; 64],
            ks_used: 64,
        })
    }

    /// The next keystream block, moving into the next nonce after the counter's last block.
    fn next_block(&mut self) -> Option<ChaChaBlock> {
        use cipher::StreamCipherCore;
        let last = self.core.get_block_pos() == u32::MAX;
        let mut b = [ChaChaBlock::default()];
        self.core.write_keystream_blocks(&mut b);
        if last {
            let word = u32::from_le_bytes(self.nonce[..4].try_into().ok()?);
            self.nonce[..4].copy_from_slice(&word.wrapping_add(1).to_le_bytes());
            self.core = ChaChaIetf::new_from_slices(&self.key, &self.nonce).ok()?;
        }
        Some(b[0])
    }
}

impl Run for ChaChaStream {
    fn run(&mut self, data: &mut [u8]) -> bool {
        use cipher::StreamCipherCore;
        let mut i = 0;
        while self.ks_used < 64 && i < data.len() {
            data[i] ^= self.ks[self.ks_used];
            self.ks_used += 1;
            i += 1;
        }
        while data.len() - i >= 64 {
            // Whole blocks short of the counter's last one go through the core in bulk.
            let before_last = (u32::MAX - self.core.get_block_pos()) as usize;
            let n = ((data.len() - i) / 64).min(before_last);
            if n == 0 {
                let Some(ks) = self.next_block() else {
                    return false;
                };
                for (d, k) in data[i..i + 64].iter_mut().zip(ks.iter()) {
                    *d ^= k;
                }
                i += 64;
                continue;
            }
            let (blocks, _) = ChaChaBlock::slice_as_chunks_mut(&mut data[i..i + 64 * n]);
            self.core.apply_keystream_blocks(blocks);
            i += 64 * n;
        }
        if i < data.len() {
            let Some(ks) = self.next_block() else {
                return false;
            };
            self.ks.copy_from_slice(&ks);
            self.ks_used = 0;
            while i < data.len() {
                data[i] ^= self.ks[self.ks_used];
                self.ks_used += 1;
                i += 1;
            }
        }
        true
    }
}

// ---- GCM ------------------------------------------------------------------------------------

/// GHASH (the `ghash` crate: carry-less multiplication instructions where the CPU has them) over
/// a stream of bytes, zero-padding each part at its end.
#[derive(Clone)]
struct Ghash {
    g: ghash::GHash,
    pend: [u8; 16],
    pend_len: usize,
}

impl Ghash {
    fn new(h: u128) -> Self {
        Ghash {
            g: ghash::GHash::new(&h.to_be_bytes().into()),
            pend: [0; 16],
            pend_len: 0,
        }
    }
    fn absorb(&mut self, mut data: &[u8]) {
        use ghash::universal_hash::UniversalHash;
        if self.pend_len > 0 {
            let n = (16 - self.pend_len).min(data.len());
            self.pend[self.pend_len..self.pend_len + n].copy_from_slice(&data[..n]);
            self.pend_len += n;
            data = &data[n..];
            if self.pend_len < 16 {
                return;
            }
            self.g.update(&[self.pend.into()]);
            self.pend_len = 0;
        }
        let (blocks, rest) = ghash::universal_hash::array::Array::slice_as_chunks(data);
        self.g.update(blocks);
        self.pend[..rest.len()].copy_from_slice(rest);
        self.pend_len = rest.len();
    }
    /// The hash so far, in GCM's bit order.
    fn value(&self) -> u128 {
        use ghash::universal_hash::UniversalHash;
        u128::from_be_bytes(self.g.clone().finalize().into())
    }
    /// Ends a part: a partial block is padded with zeros.
    fn pad(&mut self) {
        use ghash::universal_hash::UniversalHash;
        if self.pend_len > 0 {
            self.g.update_padded(&self.pend[..self.pend_len]);
            self.pend_len = 0;
        }
    }
}

/// GCM's 32-bit counter mode from a counter block, carrying an unused keystream tail.
struct Ctr32 {
    counter: u128,
    ks: [u8; 16],
    ks_used: usize,
}

impl Ctr32 {
    fn new(counter: u128) -> Self {
        Ctr32 {
            counter,
            ks: [0; 16],
            ks_used: 16,
        }
    }
    fn next(&mut self) -> B16 {
        let b = B16::from(self.counter.to_be_bytes());
        let low = (self.counter as u32).wrapping_add(1);
        self.counter = (self.counter & !0xffff_ffffu128) | low as u128;
        b
    }
    fn apply(&mut self, aes: &AesKey, data: &mut [u8]) {
        let mut i = 0;
        while self.ks_used < 16 && i < data.len() {
            data[i] ^= self.ks[self.ks_used];
            self.ks_used += 1;
            i += 1;
        }
        let mut blocks = [B16::default(); 8];
        while data.len() - i >= 16 {
            let n = ((data.len() - i) / 16).min(8);
            for b in blocks.iter_mut().take(n) {
                *b = self.next();
            }
            aes.encrypt_blocks(&mut blocks[..n]);
            for b in blocks.iter().take(n) {
                for (d, k) in data[i..i + 16].iter_mut().zip(b.iter()) {
                    *d ^= k;
                }
                i += 16;
            }
        }
        if i < data.len() {
            let mut b = [self.next()];
            aes.encrypt_blocks(&mut b);
            self.ks.copy_from_slice(&b[0]);
            self.ks_used = 0;
            while i < data.len() {
                data[i] ^= self.ks[self.ks_used];
                self.ks_used += 1;
                i += 1;
            }
        }
    }
}

/// GCM's largest plaintext: 2^39 - 256 bits.
const GCM_MAX: u64 = (1 << 36) - 32;

struct Gcm {
    aes: AesKey,
    j0: u128,
    ctr: Ctr32,
    ghash: Ghash,
    aad_len: u64,
    text_len: u64,
    in_text: bool,
    decrypt: bool,
}

impl Gcm {
    fn new(aes: AesKey, iv: &[u8], decrypt: bool) -> Self {
        let h = aes.encrypt(0);
        let j0 = if iv.len() == 12 {
            (block_of(iv) & !0xffff_ffffu128) | 1
        } else {
            let mut g = Ghash::new(h);
            g.absorb(iv);
            g.pad();
            g.absorb(&[0; 8]);
            g.absorb(&((iv.len() as u64).wrapping_mul(8)).to_be_bytes());
            g.value()
        };
        let low = (j0 as u32).wrapping_add(1);
        let first = (j0 & !0xffff_ffffu128) | low as u128;
        Gcm {
            aes,
            j0,
            ctr: Ctr32::new(first),
            ghash: Ghash::new(h),
            aad_len: 0,
            text_len: 0,
            in_text: false,
            decrypt,
        }
    }
}

/// The authenticated modes' common steps.
trait Aead {
    /// More associated data; false once the text has begun.
    fn aad(&mut self, data: &[u8]) -> bool;
    /// More text: its output appended to `out`; false when over the mode's limit.
    fn update(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool;
    /// The rest of the output, and the full tag.
    fn finish(&mut self, out: &mut Vec<u8>) -> Option<[u8; 16]>;
    /// Decrypting: the tag the text must match, set before `finish` (for an engine that checks
    /// it itself; `finish` then answers with it when it matches).
    fn expect_tag(&mut self, _tag: &[u8]) {}
}

/// AES-GCM on AWS-LC, natively (`accel_native.rs`).
impl Aead for super::accel::AesGcm {
    fn aad(&mut self, data: &[u8]) -> bool {
        super::accel::AesGcm::aad(self, data)
    }
    fn update(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        super::accel::AesGcm::update(self, data, out)
    }
    fn finish(&mut self, _out: &mut Vec<u8>) -> Option<[u8; 16]> {
        super::accel::AesGcm::finish(self)
    }
    fn expect_tag(&mut self, tag: &[u8]) {
        super::accel::AesGcm::expect_tag(self, tag);
    }
}

impl Aead for Gcm {
    fn aad(&mut self, data: &[u8]) -> bool {
        if self.in_text {
            return false;
        }
        self.aad_len = self.aad_len.saturating_add(data.len() as u64);
        self.ghash.absorb(data);
        true
    }
    fn update(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        if !self.in_text {
            self.ghash.pad();
            self.in_text = true;
        }
        let total = self.text_len.saturating_add(data.len() as u64);
        if total > GCM_MAX {
            return false;
        }
        self.text_len = total;
        let start = out.len();
        out.extend_from_slice(data);
        if self.decrypt {
            self.ghash.absorb(data);
        }
        self.ctr.apply(&self.aes, &mut out[start..]);
        if !self.decrypt {
            self.ghash.absorb(&out[start..]);
        }
        true
    }
    fn finish(&mut self, _out: &mut Vec<u8>) -> Option<[u8; 16]> {
        self.ghash.pad();
        let mut lens = [0u8; 16];
        lens[..8].copy_from_slice(&self.aad_len.wrapping_mul(8).to_be_bytes());
        lens[8..].copy_from_slice(&self.text_len.wrapping_mul(8).to_be_bytes());
        self.ghash.absorb(&lens);
        Some((self.ghash.value() ^ self.aes.encrypt(self.j0)).to_be_bytes())
    }
}

// ---- OCB (RFC 7253) ----------------------------------------------------------------------

fn dbl(x: u128) -> u128 {
    (x << 1) ^ (0x87 & (x >> 127).wrapping_neg())
}

struct Ocb {
    aes: AesKey,
    decrypt: bool,
    l_star: u128,
    l_dollar: u128,
    l: [u128; 64],
    offset: u128,
    checksum: u128,
    blocks: u64,
    pend: [u8; 16],
    pend_len: usize,
    a_sum: u128,
    a_offset: u128,
    a_blocks: u64,
    a_pend: [u8; 16],
    a_pend_len: usize,
    aad_done: bool,
}

impl Ocb {
    fn new(aes: AesKey, iv: &[u8], tag_len: usize, decrypt: bool) -> Option<Self> {
        if !(1..=15).contains(&iv.len()) {
            return None;
        }
        let l_star = aes.encrypt(0);
        let l_dollar = dbl(l_star);
        let mut l = [0u128; 64];
        l[0] = dbl(l_dollar);
        for i in 1..64 {
            l[i] = dbl(l[i - 1]);
        }
        let bits = (tag_len * 8 % 128) as u128;
        let nonce =
            (bits << 121) | (1u128 << (8 * iv.len())) | (block_of(iv) >> (128 - 8 * iv.len()));
        let bottom = (nonce & 63) as u32;
        let ktop = aes.encrypt(nonce & !63);
        let top = ktop.to_be_bytes();
        let mut lo = [0u8; 8];
        for i in 0..8 {
            lo[i] = top[i] ^ top[i + 1];
        }
        let lo = u64::from_be_bytes(lo) as u128;
        let offset = if bottom == 0 {
            ktop
        } else {
            (ktop << bottom) | ((lo << 64) >> (128 - bottom))
        };
        Some(Ocb {
            aes,
            decrypt,
            l_star,
            l_dollar,
            l,
            offset,
            checksum: 0,
            blocks: 0,
            pend: [0; 16],
            pend_len: 0,
            a_sum: 0,
            a_offset: 0,
            a_blocks: 0,
            a_pend: [0; 16],
            a_pend_len: 0,
            aad_done: false,
        })
    }

    fn l_at(&self, i: u64) -> u128 {
        self.l[(i.trailing_zeros() as usize).min(63)]
    }

    fn aad_block(&mut self, b: u128) {
        self.a_blocks += 1;
        self.a_offset ^= self.l_at(self.a_blocks);
        self.a_sum ^= self.aes.encrypt(b ^ self.a_offset);
    }

    fn end_aad(&mut self) {
        if !self.aad_done {
            self.aad_done = true;
            if self.a_pend_len > 0 {
                let mut b = [0u8; 16];
                b[..self.a_pend_len].copy_from_slice(&self.a_pend[..self.a_pend_len]);
                b[self.a_pend_len] = 0x80;
                self.a_offset ^= self.l_star;
                self.a_sum ^= self.aes.encrypt(u128::from_be_bytes(b) ^ self.a_offset);
                self.a_pend_len = 0;
            }
        }
    }

    fn text_block(&mut self, b: u128) -> u128 {
        self.blocks += 1;
        self.offset ^= self.l_at(self.blocks);
        if self.decrypt {
            let p = self.offset ^ self.aes.decrypt(b ^ self.offset);
            self.checksum ^= p;
            p
        } else {
            self.checksum ^= b;
            self.offset ^ self.aes.encrypt(b ^ self.offset)
        }
    }
}

impl Aead for Ocb {
    // The associated data is one stream however its calls fall between the text's: its hash
    // is kept apart from the text's, and its last partial block waits for the end.
    fn aad(&mut self, mut data: &[u8]) -> bool {
        if self.aad_done {
            return false;
        }
        if self.a_pend_len > 0 {
            let n = (16 - self.a_pend_len).min(data.len());
            self.a_pend[self.a_pend_len..self.a_pend_len + n].copy_from_slice(&data[..n]);
            self.a_pend_len += n;
            data = &data[n..];
            if self.a_pend_len < 16 {
                return true;
            }
            self.a_pend_len = 0;
            self.aad_block(u128::from_be_bytes(self.a_pend));
        }
        // A last whole block is hashed as any other; only a partial one waits for the end.
        let mut chunks = data.chunks_exact(16);
        for c in &mut chunks {
            self.aad_block(block_of(c));
        }
        let rest = chunks.remainder();
        self.a_pend[..rest.len()].copy_from_slice(rest);
        self.a_pend_len = rest.len();
        true
    }
    fn update(&mut self, mut data: &[u8], out: &mut Vec<u8>) -> bool {
        if self.pend_len > 0 {
            let n = (16 - self.pend_len).min(data.len());
            self.pend[self.pend_len..self.pend_len + n].copy_from_slice(&data[..n]);
            self.pend_len += n;
            data = &data[n..];
            if self.pend_len < 16 {
                return true;
            }
            self.pend_len = 0;
            let o = self.text_block(u128::from_be_bytes(self.pend));
            out.extend_from_slice(&o.to_be_bytes());
        }
        let mut chunks = data.chunks_exact(16);
        for c in &mut chunks {
            let o = self.text_block(block_of(c));
            out.extend_from_slice(&o.to_be_bytes());
        }
        let rest = chunks.remainder();
        self.pend[..rest.len()].copy_from_slice(rest);
        self.pend_len = rest.len();
        true
    }
    fn finish(&mut self, out: &mut Vec<u8>) -> Option<[u8; 16]> {
        self.end_aad();
        if self.pend_len > 0 {
            let n = self.pend_len;
            self.offset ^= self.l_star;
            let pad = self.aes.encrypt(self.offset).to_be_bytes();
            let mut o = [0u8; 16];
            for i in 0..n {
                o[i] = self.pend[i] ^ pad[i];
            }
            let plain = if self.decrypt { &o } else { &self.pend };
            let mut p = [0u8; 16];
            p[..n].copy_from_slice(&plain[..n]);
            p[n] = 0x80;
            self.checksum ^= u128::from_be_bytes(p);
            out.extend_from_slice(&o[..n]);
            self.pend_len = 0;
        }
        let tag = self
            .aes
            .encrypt(self.checksum ^ self.offset ^ self.l_dollar)
            ^ self.a_sum;
        Some(tag.to_be_bytes())
    }
}

// ---- ChaCha20-Poly1305 -----------------------------------------------------------------

struct ChaChaPoly {
    key: [u8; 32],
    nonce: [u8; 12],
    stream: ChaCha20,
    aad: Vec<u8>,
    /// The plaintext so far, which the tag is taken over at the end.
    plain: Vec<u8>,
    in_text: bool,
    decrypt: bool,
}

impl ChaChaPoly {
    fn new(key: &[u8], iv: &[u8], decrypt: bool) -> Option<Self> {
        let key: [u8; 32] = key.try_into().ok()?;
        let nonce: [u8; 12] = iv.try_into().ok()?;
        let mut stream = ChaCha20::new_from_slices(&key, &nonce).ok()?;
        // Block 0 makes the Poly1305 key; the text starts at block 1.
        stream.try_seek(64u64).ok()?;
        Some(ChaChaPoly {
            key,
            nonce,
            stream,
            aad: Vec::new(),
            plain: Vec::new(),
            in_text: false,
            decrypt,
        })
    }
}

impl Aead for ChaChaPoly {
    fn aad(&mut self, data: &[u8]) -> bool {
        if self.in_text || self.aad.try_reserve(data.len()).is_err() {
            return false;
        }
        self.aad.extend_from_slice(data);
        true
    }
    fn update(&mut self, data: &[u8], out: &mut Vec<u8>) -> bool {
        self.in_text = true;
        if self.plain.try_reserve(data.len()).is_err() {
            return false;
        }
        let start = out.len();
        out.extend_from_slice(data);
        if self.stream.try_apply_keystream(&mut out[start..]).is_err() {
            out.truncate(start);
            return false;
        }
        self.plain
            .extend_from_slice(if self.decrypt { &out[start..] } else { data });
        true
    }
    fn finish(&mut self, _out: &mut Vec<u8>) -> Option<[u8; 16]> {
        use aead::AeadInOut;
        let aead = ChaCha20Poly1305::new_from_slice(&self.key).ok()?;
        let mut buf = std::mem::take(&mut self.plain);
        let tag = aead
            .encrypt_inout_detached(
                &self.nonce.into(),
                &self.aad,
                aead::inout::InOutBuf::from(&mut buf[..]),
            )
            .ok()?;
        Some(tag.0)
    }
}

// ---- CCM (SP 800-38C) ---------------------------------------------------------------------

struct Ccm {
    aes: AesKey,
    nonce: Vec<u8>,
    tag_len: usize,
    decrypt: bool,
    aad: Vec<u8>,
    text_len: Option<u64>,
    done: bool,
    tag: Option<[u8; 16]>,
    /// The tag a decryption expects.
    expected: Option<Vec<u8>>,
    failed: bool,
}

impl Ccm {
    fn max_len(&self) -> u64 {
        let l = 15 - self.nonce.len();
        if l >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * l)) - 1
        }
    }

    /// The counter block for counter `i`.
    fn counter(&self, i: u64) -> u128 {
        let l = 15 - self.nonce.len();
        let mut b = [0u8; 16];
        b[0] = (l - 1) as u8;
        b[1..1 + self.nonce.len()].copy_from_slice(&self.nonce);
        let ib = i.to_be_bytes();
        for k in 0..l.min(8) {
            b[15 - k] = ib[7 - k];
        }
        u128::from_be_bytes(b)
    }

    fn mac(&self, plain: &[u8]) -> u128 {
        let l = 15 - self.nonce.len();
        let mut b0 = [0u8; 16];
        b0[0] = (if self.aad.is_empty() { 0 } else { 64 })
            | ((((self.tag_len - 2) / 2) as u8) << 3)
            | (l - 1) as u8;
        b0[1..1 + self.nonce.len()].copy_from_slice(&self.nonce);
        let len = (plain.len() as u64).to_be_bytes();
        for k in 0..l.min(8) {
            b0[15 - k] = len[7 - k];
        }
        let mut x = self.aes.encrypt(u128::from_be_bytes(b0));
        if !self.aad.is_empty() {
            let a = self.aad.len() as u64;
            let mut head = Vec::with_capacity(10 + self.aad.len());
            if a < 0xff00 {
                head.extend_from_slice(&(a as u16).to_be_bytes());
            } else if a <= u32::MAX as u64 {
                head.extend_from_slice(&[0xff, 0xfe]);
                head.extend_from_slice(&(a as u32).to_be_bytes());
            } else {
                head.extend_from_slice(&[0xff, 0xff]);
                head.extend_from_slice(&a.to_be_bytes());
            }
            head.extend_from_slice(&self.aad);
            for c in head.chunks(16) {
                x = self.aes.encrypt(x ^ block_of(c));
            }
        }
        for c in plain.chunks(16) {
            x = self.aes.encrypt(x ^ block_of(c));
        }
        x
    }

    fn ctr(&self, data: &mut [u8]) {
        let mut ctr = Ctr32::new(self.counter(1));
        // Counters past 2^32 blocks are beyond any message length CCM accepts here.
        ctr.apply(&self.aes, data);
    }

    /// The whole message at once: its output, or `None` when a decryption fails to verify.
    fn process(&mut self, data: &[u8]) -> Vec<u8> {
        let mut out = data.to_vec();
        self.ctr(&mut out);
        let plain = if self.decrypt { &out[..] } else { data };
        let s0 = self.aes.encrypt(self.counter(0));
        let tag = (self.mac(plain) ^ s0).to_be_bytes();
        self.tag = Some(tag);
        self.done = true;
        if self.decrypt {
            let ok = self
                .expected
                .as_ref()
                .is_some_and(|t| ct_eq(t, &tag[..self.tag_len.min(16)]));
            if !ok {
                self.failed = true;
                out.iter_mut().for_each(|b| *b = 0);
                return Vec::new();
            }
        }
        out
    }
}

// ---- key wrap (RFC 3394, and RFC 5649 with padding) ----------------------------------

/// The key-wrap crate fixes the initial value to the RFCs' defaults; OpenSSL takes any, as
/// the cipher's IV, so the wrapping function W and its inverse are here.
struct Wrap {
    aes: AesKey,
    iv: Vec<u8>,
    pad: bool,
    decrypt: bool,
}

fn wrap_rounds(aes: &AesKey, mut a: u64, r: &mut [u64]) -> u64 {
    let n = r.len() as u64;
    for j in 0..6u64 {
        for (i, ri) in r.iter_mut().enumerate() {
            let b = aes.encrypt(((a as u128) << 64) | *ri as u128);
            a = ((b >> 64) as u64) ^ (n * j + i as u64 + 1);
            *ri = b as u64;
        }
    }
    a
}

fn unwrap_rounds(aes: &AesKey, mut a: u64, r: &mut [u64]) -> u64 {
    let n = r.len() as u64;
    for j in (0..6u64).rev() {
        for (i, ri) in r.iter_mut().enumerate().rev() {
            let t = n * j + i as u64 + 1;
            let b = aes.decrypt((((a ^ t) as u128) << 64) | *ri as u128);
            a = (b >> 64) as u64;
            *ri = b as u64;
        }
    }
    a
}

fn semiblocks(data: &[u8]) -> Vec<u64> {
    data.chunks(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            u64::from_be_bytes(b)
        })
        .collect()
}

fn join(a: Option<u64>, r: &[u64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 * (r.len() + 1));
    if let Some(a) = a {
        out.extend_from_slice(&a.to_be_bytes());
    }
    for x in r {
        out.extend_from_slice(&x.to_be_bytes());
    }
    out
}

impl Wrap {
    fn run(&self, data: &[u8]) -> Option<Vec<u8>> {
        if self.pad {
            self.run_padded(data)
        } else {
            let iv = u64::from_be_bytes(self.iv.as_slice().try_into().ok()?);
            let min = if self.decrypt { 24 } else { 16 };
            if data.len() < min || !data.len().is_multiple_of(8) {
                return None;
            }
            let mut r = semiblocks(data);
            if self.decrypt {
                let a = unwrap_rounds(&self.aes, r[0], &mut r[1..]);
                ct_eq(&a.to_be_bytes(), &iv.to_be_bytes()).then(|| join(None, &r[1..]))
            } else {
                let a = wrap_rounds(&self.aes, iv, &mut r);
                Some(join(Some(a), &r))
            }
        }
    }

    fn run_padded(&self, data: &[u8]) -> Option<Vec<u8>> {
        let iv = u32::from_be_bytes(self.iv.as_slice().try_into().ok()?);
        if !self.decrypt {
            let len = u32::try_from(data.len()).ok().filter(|&n| n > 0)?;
            let aiv = ((iv as u64) << 32) | len as u64;
            let mut r = semiblocks(data);
            if r.len() == 1 {
                let b = self.aes.encrypt(((aiv as u128) << 64) | r[0] as u128);
                return Some(b.to_be_bytes().to_vec());
            }
            let a = wrap_rounds(&self.aes, aiv, &mut r);
            return Some(join(Some(a), &r));
        }
        if data.len() < 16 || !data.len().is_multiple_of(8) {
            return None;
        }
        let mut r = semiblocks(data);
        let (a, plain) = if r.len() == 2 {
            let b = self.aes.decrypt(((r[0] as u128) << 64) | r[1] as u128);
            ((b >> 64) as u64, vec![b as u64])
        } else {
            let a = unwrap_rounds(&self.aes, r[0], &mut r[1..]);
            (a, r[1..].to_vec())
        };
        let out = join(None, &plain);
        let len = (a & 0xffff_ffff) as usize;
        let ok = ct_eq(&((a >> 32) as u32).to_be_bytes(), &iv.to_be_bytes())
            && len <= out.len()
            && len + 8 > out.len()
            && out[len..].iter().all(|&b| b == 0);
        ok.then(|| out[..len].to_vec())
    }
}

/// Triple-DES key wrap as in RFC 3217 (CMS): the key and the first 8 bytes of its SHA-1
/// encrypted under a random IV, then the IV and that, reversed, encrypted under a fixed IV.
struct Des3Wrap {
    kek: TdesEde3,
    decrypt: bool,
}

const DES3_WRAP_IV: [u8; 8] = [0x4a, 0xdd, 0xa2, 0x2c, 0x79, 0xe8, 0x21, 0x05];

fn sha1_icv(data: &[u8]) -> [u8; 8] {
    use sha1::Digest;
    let d = sha1::Sha1::digest(data);
    let mut icv = [0u8; 8];
    icv.copy_from_slice(&d[..8]);
    icv
}

impl Des3Wrap {
    fn cbc(&self, iv: &[u8], data: &mut [u8], decrypt: bool) -> Option<()> {
        if decrypt {
            DecBlocks(cbc::Decryptor::<TdesEde3>::inner_iv_slice_init(self.kek.clone(), iv).ok()?)
                .run(data);
        } else {
            EncBlocks(cbc::Encryptor::<TdesEde3>::inner_iv_slice_init(self.kek.clone(), iv).ok()?)
                .run(data);
        }
        Some(())
    }

    fn run(&self, data: &[u8]) -> Option<Vec<u8>> {
        if !data.len().is_multiple_of(8) {
            return None;
        }
        if !self.decrypt {
            if data.is_empty() {
                return None;
            }
            let mut iv = [0u8; 8];
            crate::sys::random::fill(&mut iv).ok()?;
            let mut inner = data.to_vec();
            inner.extend_from_slice(&sha1_icv(data));
            self.cbc(&iv, &mut inner, false)?;
            let mut out = iv.to_vec();
            out.extend_from_slice(&inner);
            out.reverse();
            self.cbc(&DES3_WRAP_IV, &mut out, false)?;
            return Some(out);
        }
        if data.len() < 24 {
            return None;
        }
        let mut all = data.to_vec();
        self.cbc(&DES3_WRAP_IV, &mut all, true)?;
        all.reverse();
        let (iv, rest) = all.split_at(8);
        let mut inner = rest.to_vec();
        self.cbc(iv, &mut inner, true)?;
        let (key, icv) = inner.split_at(inner.len() - 8);
        ct_eq(&sha1_icv(key), icv).then(|| key.to_vec())
    }
}

// ---- XTS ---------------------------------------------------------------------------------

enum Xts {
    A128(Box<xts_mode::Xts128<Aes128>>),
    A256(Box<xts_mode::Xts128<Aes256>>),
}

impl Xts {
    fn new(key: &[u8]) -> Option<Self> {
        let (k1, k2) = key.split_at(key.len() / 2);
        Some(match key.len() {
            32 => Xts::A128(Box::new(xts_mode::Xts128::new(
                Aes128::new_from_slice(k1).ok()?,
                Aes128::new_from_slice(k2).ok()?,
            ))),
            64 => Xts::A256(Box::new(xts_mode::Xts128::new(
                Aes256::new_from_slice(k1).ok()?,
                Aes256::new_from_slice(k2).ok()?,
            ))),
            _ => return None,
        })
    }
    /// One data unit, tweaked by the IV; at least one block long.
    fn run(&self, data: &mut [u8], tweak: B16, decrypt: bool) -> bool {
        if data.len() < 16 {
            return false;
        }
        match (self, decrypt) {
            (Xts::A128(x), false) => x.encrypt_sector(data, tweak),
            (Xts::A128(x), true) => x.decrypt_sector(data, tweak),
            (Xts::A256(x), false) => x.encrypt_sector(data, tweak),
            (Xts::A256(x), true) => x.decrypt_sector(data, tweak),
        }
        true
    }
}

// ---- the cipher object ------------------------------------------------------------------

enum Engine {
    /// CBC and ECB: whole blocks, with PKCS#7 padding unless turned off.
    Padded {
        run: Box<dyn Run>,
        bs: usize,
        buf: Vec<u8>,
    },
    /// Modes that take any length.
    Stream(Box<dyn Run>),
    Aead(Box<dyn Aead>),
    Ccm(Box<Ccm>),
    Xts(Xts, B16),
    Wrap(Box<Wrap>),
    Des3Wrap(Box<Des3Wrap>),
}

pub struct CipherBase {
    engine: Engine,
    decrypt: bool,
    padding: bool,
    tag_len: usize,
    /// A decryption's expected tag, or an encryption's tag once final.
    tag: Option<Vec<u8>>,
}

// SAFETY: `CipherBase` holds no JS values, so it is the same type at every lifetime.
unsafe impl<'js> JsLifetime<'js> for CipherBase {
    type Changed<'to> = CipherBase;
}

impl<'js> Trace<'js> for CipherBase {
    fn trace<'a>(&self, _tracer: Tracer<'a, 'js>) {}
}

impl<'js> JsClass<'js> for CipherBase {
    const NAME: &'static str = "CipherBase";
    type Mutable = Writable;
    fn constructor(_ctx: &Ctx<'js>) -> Result<Option<Constructor<'js>>> {
        Ok(None)
    }
}

// Results of update and final that are not data.
const UNSUPPORTED_STATE: i32 = 1;
const INVALID_MESSAGE_LENGTH: i32 = 2;
const AUTH_FAILED: i32 = 3;
const BAD_DECRYPT: i32 = 4;
const WRONG_FINAL_BLOCK_LENGTH: i32 = 5;
const TAG_NOT_SET: i32 = 6;

fn engine(d: &Def, decrypt: bool, key: &[u8], iv: &[u8], tag_len: usize) -> Option<Engine> {
    if key.len() != d.key_len || !iv_ok(d, iv.len()) {
        return None;
    }
    Some(match (d.algo, d.mode) {
        (Algo::Des, _) => return None,
        (_, Mode::Cbc | Mode::Ecb) => {
            let run = match d.algo {
                Algo::Aes => aes_mode(d.mode, decrypt, key, iv)?,
                Algo::Tdes2 => generic_mode::<TdesEde2>(d.mode, decrypt, key, iv)?,
                Algo::Tdes3 => generic_mode::<TdesEde3>(d.mode, decrypt, key, iv)?,
                _ => return None,
            };
            Engine::Padded {
                run,
                bs: d.block_size,
                buf: Vec::new(),
            }
        }
        (_, Mode::Ofb) => Engine::Stream(ofb_mode(d.algo, key, iv)?),
        (_, Mode::Cfb | Mode::Cfb8 | Mode::Cfb1 | Mode::Ctr) => Engine::Stream(match d.algo {
            Algo::Aes => aes_mode(d.mode, decrypt, key, iv)?,
            Algo::Tdes2 => generic_mode::<TdesEde2>(d.mode, decrypt, key, iv)?,
            Algo::Tdes3 => generic_mode::<TdesEde3>(d.mode, decrypt, key, iv)?,
            _ => return None,
        }),
        (_, Mode::ChaCha20) => Engine::Stream(boxed(ChaChaStream::new(key, iv)?)),
        (_, Mode::ChaChaPoly) => Engine::Aead(Box::new(ChaChaPoly::new(key, iv, decrypt)?)),
        (_, Mode::Gcm) => match super::accel::AesGcm::new(key, iv, decrypt) {
            Some(fast) => Engine::Aead(Box::new(fast)),
            None => Engine::Aead(Box::new(Gcm::new(AesKey::new(key)?, iv, decrypt))),
        },
        (_, Mode::Ocb) => {
            Engine::Aead(Box::new(Ocb::new(AesKey::new(key)?, iv, tag_len, decrypt)?))
        }
        (_, Mode::Ccm) => Engine::Ccm(Box::new(Ccm {
            aes: AesKey::new(key)?,
            nonce: iv.to_vec(),
            tag_len,
            decrypt,
            aad: Vec::new(),
            text_len: None,
            done: false,
            tag: None,
            expected: None,
            failed: false,
        })),
        (_, Mode::Xts) => Engine::Xts(Xts::new(key)?, B16::try_from(iv).ok()?),
        (_, Mode::Des3Wrap) => Engine::Des3Wrap(Box::new(Des3Wrap {
            kek: TdesEde3::new_from_slice(key).ok()?,
            decrypt,
        })),
        (_, Mode::Wrap | Mode::WrapPad) => Engine::Wrap(Box::new(Wrap {
            aes: AesKey::new(key)?,
            iv: iv.to_vec(),
            pad: d.mode == Mode::WrapPad,
            decrypt,
        })),
    })
}

/// A fresh vector with room for `len` bytes, or `None` when memory for it cannot be had.
fn room(len: usize) -> Option<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(len).ok()?;
    Some(v)
}

impl CipherBase {
    fn update(&mut self, data: &[u8]) -> std::result::Result<Vec<u8>, i32> {
        // OpenSSL counts lengths in a C int, with room for a block of output more.
        if data.len() > i32::MAX as usize - 16 {
            return Err(UNSUPPORTED_STATE);
        }
        let decrypt = self.decrypt;
        let padding = self.padding;
        match &mut self.engine {
            Engine::Padded { run, bs, buf } => {
                let bs = *bs;
                let total = buf.len() + data.len();
                let keep = if decrypt && padding && total.is_multiple_of(bs) {
                    total.min(bs)
                } else {
                    total % bs
                };
                let emit = total - keep;
                let mut out = room(emit).ok_or(UNSUPPORTED_STATE)?;
                let from_data = emit.saturating_sub(buf.len());
                let from_buf = emit - from_data;
                out.extend_from_slice(&buf[..from_buf]);
                out.extend_from_slice(&data[..from_data]);
                buf.drain(..from_buf);
                buf.extend_from_slice(&data[from_data..]);
                run.run(&mut out);
                Ok(out)
            }
            Engine::Stream(run) => {
                let mut out = room(data.len()).ok_or(UNSUPPORTED_STATE)?;
                out.extend_from_slice(data);
                if run.run(&mut out) {
                    Ok(out)
                } else {
                    Err(UNSUPPORTED_STATE)
                }
            }
            Engine::Aead(a) => {
                let mut out = room(data.len() + 16).ok_or(UNSUPPORTED_STATE)?;
                if a.update(data, &mut out) {
                    Ok(out)
                } else {
                    Err(UNSUPPORTED_STATE)
                }
            }
            Engine::Ccm(c) => {
                if c.done {
                    return Err(UNSUPPORTED_STATE);
                }
                if data.len() as u64 > c.max_len() {
                    return Err(INVALID_MESSAGE_LENGTH);
                }
                if c.text_len.is_some_and(|n| n != data.len() as u64) {
                    return Err(UNSUPPORTED_STATE);
                }
                if decrypt {
                    c.expected = self.tag.clone();
                }
                Ok(c.process(data))
            }
            Engine::Xts(x, tweak) => {
                let mut out = room(data.len()).ok_or(UNSUPPORTED_STATE)?;
                out.extend_from_slice(data);
                if x.run(&mut out, *tweak, decrypt) {
                    Ok(out)
                } else {
                    Err(UNSUPPORTED_STATE)
                }
            }
            Engine::Wrap(w) => w.run(data).ok_or(UNSUPPORTED_STATE),
            Engine::Des3Wrap(w) => w.run(data).ok_or(UNSUPPORTED_STATE),
        }
    }

    fn finish(&mut self) -> std::result::Result<Vec<u8>, i32> {
        let decrypt = self.decrypt;
        let padding = self.padding;
        match &mut self.engine {
            Engine::Padded { run, bs, buf } => {
                let bs = *bs;
                let mut out = std::mem::take(buf);
                if !decrypt {
                    if padding {
                        let n = bs - out.len() % bs;
                        out.extend(std::iter::repeat_n(n as u8, n));
                    } else if !out.is_empty() {
                        return Err(WRONG_FINAL_BLOCK_LENGTH);
                    }
                    run.run(&mut out);
                    return Ok(out);
                }
                if !padding {
                    return if out.is_empty() {
                        Ok(out)
                    } else {
                        Err(WRONG_FINAL_BLOCK_LENGTH)
                    };
                }
                if out.len() != bs {
                    return Err(WRONG_FINAL_BLOCK_LENGTH);
                }
                run.run(&mut out);
                let n = out[bs - 1] as usize;
                if n == 0 || n > bs || !out[bs - n..].iter().all(|&b| b as usize == n) {
                    return Err(BAD_DECRYPT);
                }
                out.truncate(bs - n);
                Ok(out)
            }
            Engine::Stream(_) | Engine::Xts(..) | Engine::Wrap(_) | Engine::Des3Wrap(_) => {
                Ok(Vec::new())
            }
            Engine::Aead(a) => {
                let mut out = Vec::new();
                if decrypt && let Some(t) = &self.tag {
                    a.expect_tag(t);
                }
                let full = a.finish(&mut out).ok_or(AUTH_FAILED)?;
                if decrypt {
                    match &self.tag {
                        Some(t) if t.len() <= 16 && ct_eq(t, &full[..t.len()]) => Ok(out),
                        _ => Err(AUTH_FAILED),
                    }
                } else {
                    self.tag = Some(full[..self.tag_len.min(16)].to_vec());
                    Ok(out)
                }
            }
            Engine::Ccm(c) => {
                // CCM works in its one update(): an encryption without one has no tag, and a
                // decryption without one has nothing to verify.
                if !c.done {
                    return if decrypt {
                        Ok(Vec::new())
                    } else {
                        Err(TAG_NOT_SET)
                    };
                }
                if c.failed {
                    return Err(AUTH_FAILED);
                }
                if !decrypt {
                    self.tag = c.tag.map(|t| t[..c.tag_len.min(16)].to_vec());
                }
                Ok(Vec::new())
            }
        }
    }
}

/// The facts `getCipherInfo` reports, and what `createCipheriv` checks against.
fn info<'js>(ctx: &Ctx<'js>, d: &Def) -> Result<Object<'js>> {
    let o = Object::new(ctx.clone())?;
    o.set("mode", d.mode.label())?;
    o.set("name", d.name)?;
    o.set("nid", d.nid)?;
    if !matches!(d.mode, Mode::ChaCha20 | Mode::ChaChaPoly) {
        o.set("blockSize", d.block_size)?;
    }
    if d.iv_len > 0 {
        o.set("ivLength", d.iv_len)?;
    }
    o.set("keyLength", d.key_len)?;
    Ok(o)
}

fn result<'js>(ctx: &Ctx<'js>, r: std::result::Result<Vec<u8>, i32>) -> Result<Value<'js>> {
    match r {
        Ok(v) => Ok(ArrayBuffer::new(ctx.clone(), v)?.into_value()),
        Err(code) => code.into_js(ctx),
    }
}

pub fn init<'js>(ctx: &Ctx<'js>, o: &Object<'js>) -> Result<()> {
    o.set("cipherNames", Function::new(ctx.clone(), names)?)?;
    o.set(
        "cipherInfo",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, name_or_nid: Value<'js>| -> Result<Option<Object<'js>>> {
                let d = if let Some(s) = name_or_nid.as_string() {
                    find(&s.to_string()?)
                } else if let Some(n) = name_or_nid.as_number() {
                    find_nid(n)
                } else {
                    None
                };
                d.map(|d| info(&ctx, d)).transpose()
            },
        )?,
    )?;
    o.set(
        "cipherIvOk",
        Function::new(ctx.clone(), |name: String, len: f64| -> bool {
            find(&name).is_some_and(|d| {
                len >= 0.0
                    && len.fract() == 0.0
                    && len <= usize::MAX as f64
                    && iv_ok(d, len as usize)
            })
        })?,
    )?;
    o.set(
        "cipherNew",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             name: String,
             decrypt: bool,
             key: Value<'js>,
             iv: Value<'js>,
             tag_len: f64|
             -> Result<Class<'js, CipherBase>> {
                let d = find(&name).ok_or_else(|| Exception::throw_type(&ctx, "Unknown cipher"))?;
                let tag_len = if (1.0..=16.0).contains(&tag_len) && tag_len.fract() == 0.0 {
                    tag_len as usize
                } else {
                    16
                };
                let key = super::to_vec(&ctx, &key)?;
                let iv = if iv.is_null() || iv.is_undefined() {
                    Vec::new()
                } else {
                    super::to_vec(&ctx, &iv)?
                };
                let engine = engine(d, decrypt, &key, &iv, tag_len).ok_or_else(|| {
                    Exception::throw_type(&ctx, "Invalid cipher key or initialization vector")
                })?;
                Class::instance(
                    ctx,
                    CipherBase {
                        engine,
                        decrypt,
                        padding: true,
                        tag_len,
                        tag: None,
                    },
                )
            },
        )?,
    )?;
    o.set(
        "cipherUpdate",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, CipherBase>, data: Value<'js>| -> Result<Value<'js>> {
                let mut h = h.try_borrow_mut()?;
                let r = with_bytes(&ctx, &data, |b| h.update(b))?;
                result(&ctx, r)
            },
        )?,
    )?;
    o.set(
        "cipherFinal",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, CipherBase>| -> Result<Value<'js>> {
                let r = h.try_borrow_mut()?.finish();
                result(&ctx, r)
            },
        )?,
    )?;
    o.set(
        "cipherSetAutoPadding",
        Function::new(
            ctx.clone(),
            |h: Class<'js, CipherBase>, on: bool| -> Result<bool> {
                let mut h = h.try_borrow_mut()?;
                h.padding = on;
                Ok(matches!(h.engine, Engine::Padded { .. }))
            },
        )?,
    )?;
    // Associated data: `0` taken, `1` not now (or not an authenticated mode), `2` a CCM
    // plaintext length beyond what its nonce leaves room for.
    o.set(
        "cipherSetAAD",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>,
             h: Class<'js, CipherBase>,
             data: Value<'js>,
             text_len: f64|
             -> Result<i32> {
                let mut h = h.try_borrow_mut()?;
                let r = with_bytes(&ctx, &data, |b| match &mut h.engine {
                    Engine::Aead(a) => i32::from(!a.aad(b)),
                    Engine::Ccm(c) => {
                        if c.done {
                            return 1;
                        }
                        if text_len >= 0.0 && text_len.fract() == 0.0 {
                            if text_len > c.max_len() as f64 {
                                return 2;
                            }
                            c.text_len = Some(text_len as u64);
                        }
                        if c.aad.try_reserve(b.len()).is_err() {
                            return 1;
                        }
                        c.aad.extend_from_slice(b);
                        0
                    }
                    _ => 1,
                })?;
                Ok(r)
            },
        )?,
    )?;
    o.set(
        "cipherGetAuthTag",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, CipherBase>| -> Result<Option<ArrayBuffer<'js>>> {
                let h = h.try_borrow()?;
                if h.decrypt {
                    return Ok(None);
                }
                h.tag
                    .as_ref()
                    .map(|t| ArrayBuffer::new(ctx, t.clone()))
                    .transpose()
            },
        )?,
    )?;
    o.set(
        "cipherSetAuthTag",
        Function::new(
            ctx.clone(),
            |ctx: Ctx<'js>, h: Class<'js, CipherBase>, tag: Value<'js>| -> Result<bool> {
                let mut h = h.try_borrow_mut()?;
                if !h.decrypt || !matches!(h.engine, Engine::Aead(_) | Engine::Ccm(_)) {
                    return Ok(false);
                }
                let t = super::to_vec(&ctx, &tag)?;
                if t.is_empty() || t.len() > 16 {
                    return Ok(false);
                }
                h.tag = Some(t);
                Ok(true)
            },
        )?,
    )?;
    o.set("cipherErrors", {
        let e = Object::new(ctx.clone())?;
        e.set("UNSUPPORTED_STATE", UNSUPPORTED_STATE)?;
        e.set("INVALID_MESSAGE_LENGTH", INVALID_MESSAGE_LENGTH)?;
        e.set("AUTH_FAILED", AUTH_FAILED)?;
        e.set("BAD_DECRYPT", BAD_DECRYPT)?;
        e.set("WRONG_FINAL_BLOCK_LENGTH", WRONG_FINAL_BLOCK_LENGTH)?;
        e.set("TAG_NOT_SET", TAG_NOT_SET)?;
        e
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn run(
        name: &str,
        decrypt: bool,
        key: &str,
        iv: &str,
        tag_len: usize,
        aad: &str,
        data: &str,
    ) -> (Vec<u8>, Option<Vec<u8>>) {
        let d = find(name).unwrap();
        let mut c = CipherBase {
            engine: engine(d, decrypt, &hex(key), &hex(iv), tag_len).unwrap(),
            decrypt,
            padding: true,
            tag_len,
            tag: None,
        };
        match &mut c.engine {
            Engine::Aead(a) => assert!(a.aad(&hex(aad))),
            Engine::Ccm(cc) => cc.aad = hex(aad),
            _ => {}
        }
        let mut out = c.update(&hex(data)).unwrap();
        out.extend(c.finish().unwrap());
        (out, c.tag)
    }

    #[test]
    fn gcm_nist_case_4_and_6() {
        let key = "feffe9928665731c6d6a8f9467308308";
        let pt = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39";
        let aad = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
        let (ct, tag) = run(
            "aes-128-gcm",
            false,
            key,
            "cafebabefacedbaddecaf888",
            16,
            aad,
            pt,
        );
        assert_eq!(
            ct,
            hex(
                "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
            )
        );
        assert_eq!(tag.unwrap(), hex("5bc94fbc3221a5db94fae95ae7121a47"));
        let iv6 = "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b";
        let (ct, tag) = run("aes-128-gcm", false, key, iv6, 16, aad, pt);
        assert_eq!(
            ct,
            hex(
                "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5"
            )
        );
        assert_eq!(tag.unwrap(), hex("619cc5aefffe0bfa462af43c1699d050"));
    }

    #[test]
    fn ocb_rfc7253() {
        let key = "000102030405060708090a0b0c0d0e0f";
        let (ct, tag) = run(
            "aes-128-ocb",
            false,
            key,
            "bbaa99887766554433221107",
            16,
            "000102030405060708090a0b0c0d0e0f1011121314151617",
            "000102030405060708090a0b0c0d0e0f1011121314151617",
        );
        assert_eq!(ct, hex("1ca2207308c87c010756104d8840ce1952f09673a448a122"));
        assert_eq!(tag.unwrap(), hex("c92c62241051f57356d7f3c90bb0e07f"));
    }

    #[test]
    fn ccm_sp800_38c_example_1() {
        let (ct, tag) = run(
            "aes-128-ccm",
            false,
            "404142434445464748494a4b4c4d4e4f",
            "10111213141516",
            4,
            "0001020304050607",
            "20212223",
        );
        assert_eq!(ct, hex("7162015b"));
        assert_eq!(tag.unwrap(), hex("4dac255d"));
    }

    #[test]
    fn padded_cbc_roundtrip() {
        let key = "000102030405060708090a0b0c0d0e0f";
        let iv = "0f0e0d0c0b0a09080706050403020100";
        let (ct, _) = run("aes-128-cbc", false, key, iv, 16, "", "0011223344");
        assert_eq!(ct.len(), 16);
        let hexct: String = ct.iter().map(|b| format!("{b:02x}")).collect();
        let (pt, _) = run("aes-128-cbc", true, key, iv, 16, "", &hexct);
        assert_eq!(pt, hex("0011223344"));
    }
}
