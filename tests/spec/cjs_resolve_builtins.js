// require.resolve of a built-in gives back the name as asked; an unknown `node:` name is no
// module to require.resolve and no built-in to require.
console.log(require.resolve('node:fs'), require.resolve('fs'), require.resolve('node:test'));
console.log(require('node:fs') === require('fs'));
try { require.resolve('node:unknown'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
try { require('node:unknown'); } catch (e) { console.log(e.code, e.message); }
