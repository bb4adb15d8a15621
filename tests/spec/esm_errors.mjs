for (const spec of ['./missing.mjs', 'missing-pkg', './fixtures', 'dep/hidden', 'node:nope', 'https://example.com/x.js']) {
  try { await import(spec); } catch (e) { console.log(e.code); }
}
