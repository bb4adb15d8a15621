'use strict';
// The canonical name of one of Buffer's encodings, as Buffer and StringDecoder accept them
// (any case, Node's aliases); undefined for anything else. An empty or missing name is utf8.

function normalizeEncoding(e) {
  if (e === undefined || e === null || e === '') return 'utf8';
  // The canonical names as they are, without lower-casing.
  switch (e) {
    case 'utf8': case 'latin1': case 'ascii': case 'hex': case 'base64': case 'base64url': case 'utf16le':
      return e;
    case 'utf-8': return 'utf8';
    case 'binary': return 'latin1';
  }
  switch (`${e}`.toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    case 'latin1': case 'binary': return 'latin1';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'hex': return 'hex';
    case 'ascii': return 'ascii';
    default: return undefined;
  }
}

module.exports = { normalizeEncoding };
