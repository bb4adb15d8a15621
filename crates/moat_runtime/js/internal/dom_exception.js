'use strict';
// DOMException: name, message and code are prototype getters (an instance owns only its stack,
// and its cause when one is given); the legacy code constants sit on the class and its prototype.

// The names with a legacy code.
const legacyCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17,
  SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22,
  TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};
// The constants, codes 1 to 25 in order (some have no name of their own any more).
const constants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR', 'INVALID_CHARACTER_ERR',
  'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR',
  'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR',
  'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR',
  'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];

// Whether a value was made by the DOMException constructor (not merely inheriting from it).
let isDOMException;

class DOMException extends Error {
  #name;
  #message;
  static {
    isDOMException = (v) => v !== null && typeof v === 'object' && #name in v;
  }

  constructor(message = '', options = 'Error') {
    // The engine prepares the stack inside super(), before the private fields exist, and may
    // read name and message then.
    constructing++;
    try {
      super();
    } finally {
      constructing--;
    }
    // Error's constructor may leave an own `message`; the prototype getter is the one to see.
    if (Object.prototype.hasOwnProperty.call(this, 'message')) delete this.message;
    this.#message = `${message}`;
    let name = 'Error';
    if (options !== null && typeof options === 'object') {
      name = `${options.name}`;
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', { value: options.cause, writable: true, enumerable: false, configurable: true });
      }
    } else if (options !== undefined) {
      name = `${options}`;
    }
    this.#name = name;
  }
  get name() {
    if (constructing > 0 && !isDOMException(this)) return 'Error';
    return checkThis(this).#name;
  }
  get message() {
    if (constructing > 0 && !isDOMException(this)) return '';
    return checkThis(this).#message;
  }
  get code() { return legacyCodes[checkThis(this).#name] || 0; }
}
let constructing = 0;
function checkThis(v) {
  if (!isDOMException(v)) {
    const err = new TypeError('Value of "this" must be of DOMException');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return v;
}

for (const key of ['name', 'message', 'code']) {
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
  d.enumerable = true;
  Object.defineProperty(DOMException.prototype, key, d);
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
constants.forEach((constName, i) => {
  Object.defineProperty(DOMException, constName, { value: i + 1, enumerable: true });
  Object.defineProperty(DOMException.prototype, constName, { value: i + 1, enumerable: true });
});

module.exports = { DOMException, isDOMException };
