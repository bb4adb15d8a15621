'use strict';
// X509Certificate's fields, legacy object, name checks and issuer checks on certificates of
// several key types, read from PEM text and from DER.
const { X509Certificate } = require('crypto');
const util = require('util');
const data = require('./fixtures/x509/data.js');

const certs = {};
for (const name of ['ca', 'leaf', 'ec', 'ec384', 'ed25519', 'ed448', 'pss']) {
  certs[name] = new X509Certificate(data[name]);
}

function attempt(label, fn) {
  try {
    console.log(label, util.inspect(fn()));
  } catch (err) {
    console.log(label, 'threw', err.name, err.code, JSON.stringify(err.message),
                err.library, err.reason);
  }
}

for (const [name, c] of Object.entries(certs)) {
  console.log('==', name);
  console.log(util.inspect(c));
  console.log('ca', c.ca, 'issuerCertificate', c.issuerCertificate);
  console.log('raw', c.raw.length, c.raw.subarray(0, 8).toString('hex'), c.raw === c.raw);
  console.log('dates', c.validFromDate.toISOString(), c.validToDate.toISOString());
  console.log('pem same', c.toString() === data[name], c.toJSON() === c.toString());
  const legacy = c.toLegacyObject();
  console.log(Object.keys(legacy).join(','));
  console.log(util.inspect({ ...legacy, raw: legacy.raw.length, pubkey: legacy.pubkey && legacy.pubkey.toString('hex') },
                           { breakLength: 120 }));
  const again = new X509Certificate(c.raw);
  console.log('from DER', again.fingerprint256 === c.fingerprint256, again.subject === c.subject);
}

const { leaf, ca, ec, ec384, ed25519 } = certs;
console.log('JSON', JSON.stringify({ cert: ec384 }).length);
console.log('DataView', new X509Certificate(new DataView(leaf.raw.buffer, leaf.raw.byteOffset,
                                                         leaf.raw.byteLength)).serialNumber);
console.log('text around PEM', new X509Certificate('Bag Attributes\n' + data.ca + 'trailing\n').subject);

// Hosts.
for (const host of ['example.com', 'EXAMPLE.com', 'www.example.com', 'a.wild.example.com',
                    'A.B.wild.example.com', 'wild.example.com', 'api1.part.example.com',
                    'api.part.example.com', '.example.com', 'ec.example.net', 'x.ec.example.net',
                    '', 'other.test']) {
  attempt(`checkHost ${JSON.stringify(host)}`, () => [leaf.checkHost(host), ec.checkHost(host)]);
}
for (const options of [{ subject: 'always' }, { subject: 'never' }, { subject: 'default' },
                       { wildcards: false }, { partialWildcards: false },
                       { multiLabelWildcards: true }, { singleLabelSubdomains: true }]) {
  const key = JSON.stringify(options);
  attempt(`checkHost www ${key}`, () => leaf.checkHost('www.example.com', options));
  attempt(`checkHost a.b.wild ${key}`, () => leaf.checkHost('a.b.wild.example.com', options));
  attempt(`checkHost api7.part ${key}`, () => leaf.checkHost('api7.part.example.com', options));
  attempt(`checkHost ca ${key}`, () => ca.checkHost('Moat Root', options));
  attempt(`checkEmail ${key}`, () => leaf.checkEmail('Admin@example.COM', options));
}
attempt('checkHost NUL', () => leaf.checkHost('exa\0mple.com'));
attempt('checkHost number', () => leaf.checkHost(1));
attempt('checkHost options null', () => leaf.checkHost('a', null));
attempt('checkHost bad subject', () => leaf.checkHost('a', { subject: 'sometimes' }));
attempt('checkHost subject type', () => leaf.checkHost('a', { subject: 1 }));
attempt('checkHost wildcards type', () => leaf.checkHost('a', { wildcards: 'yes' }));

// Email addresses.
for (const email of ['ops@example.com', 'ops@EXAMPLE.COM', 'OPS@example.com', 'Admin@Example.com',
                     'admin@example.com', 'nobody@example.com']) {
  attempt(`checkEmail ${email}`, () => leaf.checkEmail(email));
}
attempt('checkEmail NUL', () => leaf.checkEmail('a\0b'));
attempt('checkEmail number', () => leaf.checkEmail(5));

// IP addresses.
for (const ip of ['10.1.2.3', '10.1.2.4', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', '::1', '1.2.3',
                  '[::1]', '010.1.2.3', 'example.com']) {
  attempt(`checkIP ${ip}`, () => leaf.checkIP(ip));
}
attempt('checkIP number', () => leaf.checkIP(10));

// Issuers.
const pairs = [['leaf', 'ca'], ['ca', 'ca'], ['leaf', 'leaf'], ['ca', 'leaf'], ['ec', 'ec'],
               ['ec384', 'ec'], ['ec384', 'ca'], ['ed25519', 'ed25519'], ['leaf', 'ec'],
               ['pss', 'ca'], ['ed448', 'ed448'], ['ed448', 'ed25519']];
for (const [a, b] of pairs) {
  console.log(`${a}.checkIssued(${b})`, certs[a].checkIssued(certs[b]));
}
attempt('checkIssued object', () => leaf.checkIssued({}));
attempt('checkIssued string', () => leaf.checkIssued('cert'));

// Construction errors.
for (const input of [1, {}, false, null, undefined, new ArrayBuffer(4), [1, 2]]) {
  attempt(`new ${util.inspect(input)}`, () => new X509Certificate(input));
}
attempt('new garbage', () => new X509Certificate('garbage'));
attempt('new empty', () => new X509Certificate(''));
attempt('new bad DER', () => new X509Certificate(Buffer.from([0x30, 3, 1, 2, 3])));
attempt('new bad PEM body',
        () => new X509Certificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'));
// String types in names (T61String as Latin-1, UniversalString, escapes), an empty name and
// wildcard rules.
for (const name of ['types', 'emptyName']) {
  const c = new X509Certificate(data[name]);
  console.log(name, JSON.stringify([c.subject, c.issuer, c.subjectAltName]));
  console.log(util.inspect(c.toLegacyObject().subject, { breakLength: Infinity }));
}
const wild = new X509Certificate(data.wild);
console.log(wild.subjectAltName);
for (const host of ['x.a.example.com', 'y.x.a.example.com', 'bxx.example.com', 'abc.example.com', 'xay.example.com',
                    'foo.com', 'q.xn--abc.example.com', 'xn--q.idn.example.com', 'trailing.example.com',
                    'upper.example.com', 'foo.bar', '.lead.example.com', 'z.cn.example.org', '*.a.example.com',
                    'x_y.a.example.com', '.a.example.com']) {
  for (const options of [undefined, { subject: 'always' }, { partialWildcards: false },
                         { multiLabelWildcards: true }, { singleLabelSubdomains: true }]) {
    console.log('wild', host, JSON.stringify(options), wild.checkHost(host, options));
  }
}

const body = data.ec.split('\n').slice(1, -2).join('\n');
attempt('new bad base64', () => new X509Certificate('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n'));
attempt('new no end line', () => new X509Certificate(`-----BEGIN CERTIFICATE-----\n${body}\n`));
attempt('new DER and more', () => new X509Certificate(Buffer.concat([ec.raw, Buffer.from([0])])).subject);
attempt('new truncated DER', () => new X509Certificate(ec.raw.subarray(0, 100)));
attempt('new two PEMs', () => new X509Certificate(data.ec + data.ca).subject);
attempt('new TRUSTED', () => new X509Certificate(data.ec.replace(/CERTIFICATE/g, 'TRUSTED CERTIFICATE')).subject);
attempt('new X509', () => new X509Certificate(data.ec.replace(/CERTIFICATE/g, 'X509 CERTIFICATE')).subject);
attempt('new CRLF', () => new X509Certificate(data.ec.replace(/\n/g, '\r\n')).subject);
attempt('new indented', () => new X509Certificate('  ' + data.ec));
console.log(util.inspect(ec, { depth: 0 }));
console.log(util.inspect([ec], { depth: 0 }));
console.log(util.inspect({ a: { b: ec } }, { depth: 1 }));
console.log(Object.keys(ec));
console.log(Object.getOwnPropertyNames(X509Certificate.prototype).join(','));
console.log(typeof leaf.ca, ed25519.keyUsage, leaf.keyUsage === leaf.keyUsage);
