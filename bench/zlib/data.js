// 64 MB of text-like data, the same in every runtime: words drawn by a fixed linear congruential
// generator, so it compresses about as well as logs or JSON do (roughly 3:1 with gzip).
const words = ('lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut ' +
  'labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ' +
  'aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat ' +
  'nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit ' +
  '{"id": "name": "value": true, false, null, 0123456789 ; : , . \n').split(' ');

exports.text64 = () => {
  const size = 64 * 1024 * 1024;
  const out = Buffer.allocUnsafe(size);
  let seed = 12345;
  let pos = 0;
  const enc = words.map((w) => Buffer.from(w + ' '));
  while (pos < size) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const w = enc[seed % enc.length];
    pos += w.copy(out, pos);
  }
  return out;
};
