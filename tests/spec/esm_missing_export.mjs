// A named import the module does not provide fails to link with V8's wording: the importer's
// specifier, and for a CommonJS module (whose names come from reading its source as Node's
// lexer does) how to import it whole.
import * as lib from './fixtures/esm/missing/lib.cjs';

console.log(Object.keys(lib).sort().join(','));
for (const f of ['from_esm', 'from_cjs', 'from_cjs_renamed', 'from_cjs_multiline', 'from_json']) {
  try {
    await import(`./fixtures/esm/missing/${f}.mjs`);
    console.log(f, 'loaded');
  } catch (e) {
    console.log(`${f}: ${e.name}\n${e.message}`);
  }
}
