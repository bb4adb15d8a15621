'use strict';
// fs.watch, watchFile and unwatchFile: not implemented yet; each says so.

const { thrower } = require('internal/errors');

module.exports = {
  watch: thrower('fs.watch'),
  watchFile: thrower('fs.watchFile'),
  unwatchFile: thrower('fs.unwatchFile'),
  watchPromise: thrower('fs.promises.watch'),
};
