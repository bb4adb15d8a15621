const s = 'Grüße, 世界';
for (const enc of ['utf8', 'utf16le', 'latin1', 'base64', 'base64url', 'hex', 'ascii']) {
  const b = Buffer.from(s, enc === 'base64' || enc === 'base64url' || enc === 'hex' ? 'utf8' : enc);
  console.log(enc, b.length, b.toString(enc));
}
console.log(Buffer.from('_-8', 'base64url'), Buffer.from('/+8=', 'base64'), Buffer.from('zz11', 'hex'));
console.log(Buffer.from('abc').toString('utf8', 1, 2), Buffer.from('abc').fill('x', 1).toString());
