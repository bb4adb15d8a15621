// PKCS#12 in tls.createSecureContext: servers from a PFX with its passphrase (OpenSSL 3's
// default PBES2 file and an older Triple-DES one), several PFX files as an array of
// { buf, passphrase }, a PFX's extra certificate trusted as a CA, and the errors a wrong
// passphrase, a file without a key, an RC2 file, bad bytes and bad arguments give.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const F = (n) => fs.readFileSync(path.join(__dirname, 'fixtures/tls', n));

function attempt(name, options) {
  try {
    const ctx = tls.createSecureContext(options);
    console.log(`${name}: ok, certificate of ${ctx.context.getCertificate() ? 'some' : 'no'} bytes`);
  } catch (err) {
    console.log(`${name}: ${err.name} code=${err.code} ${JSON.stringify(err.message)}`);
  }
}

attempt('right passphrase', { pfx: F('server.pfx'), passphrase: 'secret' });
attempt('wrong passphrase', { pfx: F('server.pfx'), passphrase: 'wrong' });
attempt('no passphrase', { pfx: F('server.pfx') });
attempt('passphrase-less file', { pfx: F('ec-server-nopass.pfx') });
attempt('Triple-DES file', { pfx: F('ec-server-3des.pfx'), passphrase: 'older' });
attempt('certificates only', { pfx: F('certs-only.pfx'), passphrase: 'secret' });
attempt('RC2 (legacy) file', { pfx: F('rc2.pfx'), passphrase: 'secret' });
attempt('truncated', { pfx: F('server.pfx').subarray(0, 100), passphrase: 'secret' });
attempt('not DER', { pfx: Buffer.from([4, 1, 0]), passphrase: 'secret' });
attempt('a number', { pfx: 5 });
attempt('passphrase not a buffer', { pfx: [{ buf: F('server.pfx'), passphrase: 5 }] });
attempt('null', { pfx: null });

// One server, two PFX files: it serves the ECDSA certificate to a client that only takes an
// ECDSA suite, the RSA one to a client that only takes an RSA suite.
const server = tls.createServer({
  pfx: [{ buf: F('server.pfx'), passphrase: 'secret' }, { buf: F('ec-server-3des.pfx') }],
  passphrase: 'older',
}, (s) => s.end('hi'));

const clients = [
  ['ECDSA suite', { ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }],
  ['RSA suite', { ciphers: 'ECDHE-RSA-AES128-GCM-SHA256', maxVersion: 'TLSv1.2' }],
  ['TLS 1.3', {}],
  // A client whose PFX carries the CA: Node trusts a PFX's extra certificates.
  ['client PFX holding the CA', { pfx: F('server.pfx'), passphrase: 'secret', ca: undefined }],
];

server.listen(0, '127.0.0.1', () => {
  const next = (i) => {
    if (i === clients.length) return server.close();
    const [name, opts] = clients[i];
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost',
      ca: F('ca.pem'), ...opts }, () => {
      const cert = c.getPeerCertificate();
      console.log(`${name}: ${c.getProtocol()} ${c.getCipher().name} authorized=${c.authorized} ` +
        `key=${cert.pubkey ? cert.asn1Curve ?? 'RSA' : '?'}`);
    });
    c.setEncoding('utf8');
    c.on('data', () => {});
    c.on('end', () => next(i + 1));
    c.on('error', (err) => {
      console.log(`${name}: error ${err.code}`);
      next(i + 1);
    });
  };
  next(0);
});
