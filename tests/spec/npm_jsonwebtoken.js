// JSON Web Tokens through the jsonwebtoken package (tests/npm): HS256, RS256, PS256 and ES256
// signed and verified here, tokens node signed verified, and the package's errors.
'use strict';
const jwt = require('../npm/node_modules/jsonwebtoken');
const keys = require('./fixtures/keys/node.json');
const payload = { sub: 'moat', iat: 1700000000 };

const hs = jwt.sign(payload, 'shared secret', { algorithm: 'HS256' });
console.log(hs);
console.log(jwt.verify(hs, 'shared secret'));

const rs = jwt.sign(payload, keys.rsa.pkcs8, { algorithm: 'RS256' });
console.log(rs);
console.log(jwt.verify(rs, keys.rsa.spki, { algorithms: ['RS256'] }));

// PS256 and ES256 signatures are randomized: only their checks are printed.
for (const algorithm of ['PS256', 'ES256']) {
  const key = algorithm === 'ES256' ? keys.ec : keys.rsa;
  const token = jwt.sign(payload, key.pkcs8, { algorithm });
  console.log(algorithm, token.split('.').length, jwt.verify(token, key.spki).sub);
}

// Made by node 24 with the same keys.
const nodeEs256 = 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJub2RlIiwiaWF0IjoxNzAwMDAwMDAwfQ.' +
  'fmUkbsk4IztTEvDjEmpb0mdrtc6ae2kRtwOD90ARpc5gKF36VIfXYnqgIpvzsVXZPZoulIbR-9hPE8wT9QXSAQ';
console.log(jwt.verify(nodeEs256, keys.ec.spki));

for (const [token, key, options] of [
  [hs, 'wrong secret', {}],
  [rs, keys.ec.spki, {}],
  [rs, keys.rsa.spki, { algorithms: ['HS256'] }],
  [nodeEs256.slice(0, -4) + 'AAAA', keys.ec.spki, {}],
  [jwt.sign({ sub: 'old', exp: 1 }, 'k'), 'k', {}],
]) {
  try {
    jwt.verify(token, key, options);
    console.log('verified?');
  } catch (err) {
    console.log(err.name, err.message);
  }
}
