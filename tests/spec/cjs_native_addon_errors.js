// A .node file that is no shared object fails as dlopen(3) says, with ERR_DLOPEN_FAILED; a
// missing one is MODULE_NOT_FOUND.
const path = require('path');
for (const name of ['empty.node', 'not-elf.node', 'missing.node']) {
  try {
    require(`./fixtures/${name}`);
  } catch (e) {
    console.log(e.code, e.message.split('\n')[0].replace(path.join(__dirname, 'fixtures'), 'FIXTURES'));
  }
}
