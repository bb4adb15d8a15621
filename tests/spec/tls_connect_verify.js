// TLS client and server on loopback: the handshake's facts on both sides, certificate checks
// (trusted CA, self-signed, wrong host name, rejectUnauthorized: false), client certificates,
// SNI and ALPN, and the errors each side reports.
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const F = (n) => fs.readFileSync(path.join(__dirname, 'fixtures/tls', n));

const cases = [
  ['trusted CA, SNI and ALPN', {}, { servername: 'localhost', ALPNProtocols: ['x', 'y'] }, { ALPNProtocols: ['y', 'x'] }],
  ['no CA given', { ca: undefined }, {}],
  ['self-signed, rejected', { ca: undefined }, {}, { key: F('self-key.pem'), cert: F('self.pem') }],
  ['self-signed, allowed', { ca: undefined, rejectUnauthorized: false }, {}, { key: F('self-key.pem'), cert: F('self.pem') }],
  ['self-signed, trusted as its own CA', { ca: F('self.pem') }, {}, { key: F('self-key.pem'), cert: F('self.pem') }],
  ['wrong host name', { servername: 'example.com' }, {}],
  ['ECDSA server certificate', {}, {}, { key: F('ec-server-key.pem'), cert: F('ec-server.pem') }],
  ['client certificate requested and given', { key: F('client-key.pem'), cert: F('client.pem') }, {},
    { requestCert: true, ca: F('ca.pem') }],
  ['client certificate requested, none given', {}, {}, { requestCert: true, rejectUnauthorized: false, ca: F('ca.pem') }],
  ['client certificate required, none given', {}, {}, { requestCert: true, ca: F('ca.pem') }],
  ['no common ALPN protocol', { ALPNProtocols: ['a'] }, {}, { ALPNProtocols: ['b'] }],
  ['TLS 1.2 only', { maxVersion: 'TLSv1.2' }, {}],
];

function run([name, clientOpts, extra, serverOpts], next) {
  const log = [];
  const server = tls.createServer({ key: F('server-key.pem'), cert: F('server.pem'), ...serverOpts }, (s) => {
    const peer = s.getPeerCertificate();
    log.push(`server: secure ${s.getProtocol()} alpn=${s.alpnProtocol} servername=${s.servername} ` +
      `authorized=${s.authorized} error=${s.authorizationError} peer=${peer.subject ? peer.subject.CN : '-'}`);
    s.on('data', (d) => s.end(`echo:${d}`));
  });
  server.on('tlsClientError', (err) => {
    // A client that rejects the server may hang up before or after the server's side of the
    // handshake ends, by timing; the server's ECONNRESET is left out.
    if (err.code !== 'ECONNRESET') log.push(`server: tlsClientError ${err.code}`);
  });
  server.listen(0, '127.0.0.1', () => {
    const c = tls.connect({ port: server.address().port, host: '127.0.0.1', servername: 'localhost',
      ca: F('ca.pem'), ...clientOpts, ...extra }, () => {
      const cert = c.getPeerCertificate();
      const cipher = c.getCipher();
      log.push(`client: secure ${c.getProtocol()} ${cipher.name} ${cipher.version} alpn=${c.alpnProtocol} ` +
        `authorized=${c.authorized} error=${c.authorizationError} peer=${cert.subject.CN} ` +
        `issuer=${cert.issuer.CN} san=${cert.subjectaltname}`);
      c.write('hi');
    });
    let got = '';
    c.on('data', (d) => { got += d; });
    c.on('end', () => { if (got) log.push(`client: got ${got}`); });
    // OpenSSL's own errors carry its source locations in Node; their codes are what is compared.
    c.on('error', (err) => log.push(`client: error ${err.code}${err.code.startsWith('ERR_SSL') ? '' : ` ${err.message}`}`));
    c.on('close', () => {
      server.close(() => {
        console.log(`${name}:`);
        // The two sides' lines interleave by timing; each side's order is what is checked.
        for (const side of ['server', 'client']) {
          for (const line of log) if (line.startsWith(side)) console.log(`  ${line}`);
        }
        next();
      });
    });
  });
}

let i = 0;
(function next() {
  if (i < cases.length) run(cases[i++], next);
})();
