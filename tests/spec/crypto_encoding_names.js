// Encoding names as digest(), crypto.hash(), update() and createHmac's options.encoding read them:
// case, aliases, 'buffer', the empty name, and values that are not strings.
const c = require('crypto');
function t(label, f) { try { const r = f(); console.log(label, 'ok', Buffer.isBuffer(r) ? 'Buffer ' + r.toString('hex') : r); } catch (e) { console.log(label, 'ERR', e && e.name, e && e.code, e && e.message); } }
const h = () => c.createHash('sha256').update('abc');
for (const enc of ['', 'utf8', 'UTF8', 'ascii', 'binary', 'hex', 'base64', 'ucs-2', 'utf-16le', 'latin1', 'buffer', 'BUFFER', 'Buffer', 'base64URL', null, 0, false]) {
  t(`digest ${JSON.stringify(enc)}`, () => JSON.stringify(h().digest(enc)));
  t(`hash ${JSON.stringify(enc)}`, () => JSON.stringify(c.hash('sha256', 'abc', enc)));
  t(`update ${JSON.stringify(enc)}`, () => c.createHash('sha256').update('616263', enc).digest('hex'));
  t(`hmacenc ${JSON.stringify(enc)}`, () => c.createHmac('sha256', '6b6579', { encoding: enc }).update('x').digest('hex'));
  t(`hmacdigest ${JSON.stringify(enc)}`, () => JSON.stringify(c.createHmac('sha256', 'k').digest(enc)));
}
