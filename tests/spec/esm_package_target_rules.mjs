// How a package's "exports" targets resolve: what `*` matches may hold no `.`, `..` or
// `node_modules` segment (in any case, percent-encoded or not); a target's escapes are decoded
// except an encoded `/` or `\`; a null condition ends the search; null in a list is passed over.
import { fileURLToPath } from 'node:url';
const here = fileURLToPath(new URL('.', import.meta.url));
for (const s of ['patterns/sub/a', 'patterns/sub/../../x', 'patterns/sub/NODE_MODULES/x', 'patterns/sub/%2e%2e/x',
  'patterns/enc', 'patterns/pct', 'patterns/nullcond', 'patterns/list']) {
  try {
    console.log(s, (await import(s)).default);
  } catch (e) {
    console.log(s, e.code, e.message.replaceAll(here, ''));
  }
}
