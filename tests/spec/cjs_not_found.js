try { require('./fixtures/nope'); } catch (e) {
  console.log(e.code, e.message.split('\n')[0], e.requireStack.map((p) => require('path').basename(p)));
}
try { require('no-such-package-xyz'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
