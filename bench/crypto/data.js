// Inputs shared by the crypto workloads, and what Node 24 computes from them, so that each
// workload checks its result. The bulk workloads feed 4,096 chunks of 64 KB (256 MB).
const CHUNKS = 4096;
const chunk = Buffer.alloc(64 * 1024);
for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) & 255;

module.exports = {
  CHUNKS,
  chunk,
  zeros: Buffer.alloc(64 * 1024),
  key: Buffer.alloc(32, 0x4b),
  iv: Buffer.alloc(12, 0x1f),
  // aes-256-gcm of `chunk` ×4096 under `key` and `iv`: its tag.
  encryptTag: '69f1f86c77b19924a2dd3e7fe3808998',
  // The tag under which 256 MB of zero bytes is a valid aes-256-gcm ciphertext for `key` and `iv`
  // (node encrypted the aes-256-ctr keystream that starts at counter 2 after the IV, which gives
  // zeros): decryption needs no encryption pass before it, nor 256 MB of memory.
  zerosTag: 'fed5ad96f323bcced95de8b970ea0e98',
  // sha256 of `chunk` ×4096.
  sha256: '7cc0c6a9b51ada24d3f02022f66593e535c78c43436bacdd983a832b0af54fac',
  // What the signature workloads sign: a JWT-sized message.
  message: Buffer.from('eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.' + 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6Ik1vYXQiLCJpYXQiOjE1MTYyMzkwMjJ9'.repeat(3)),
};
