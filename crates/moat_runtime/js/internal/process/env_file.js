'use strict';
// process.loadEnvFile: a dotenv file's variables into process.env, keeping those already set
// (as --env-file does).

function loadEnvFile(process, path) {
  const fs = require('fs');
  const file = path === undefined ? '.env' : path;
  if (typeof file !== 'string' && !(file instanceof Uint8Array) && !(file instanceof URL)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], file);
  }
  const parsed = require('internal/util/parse_env').parseEnv(fs.readFileSync(file, 'utf8'));
  for (const key of Object.keys(parsed)) {
    if (!Object.hasOwn(process.env, key)) process.env[key] = parsed[key];
  }
}

module.exports = { loadEnvFile };
