'use strict';
// DOMException, with the legacy code numbers Node gives each name.

const legacyCodes = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17,
  SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22,
  TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};

// Whether a value was made by the DOMException constructor (not merely inheriting from it).
let isDOMException;

class DOMException extends Error {
  #name;
  static {
    isDOMException = (v) => v !== null && typeof v === 'object' && #name in v;
  }

  constructor(message = '', options = 'Error') {
    super(String(message));
    let name = 'Error';
    if (options !== null && typeof options === 'object') {
      name = 'name' in options ? String(options.name) : 'Error';
      if ('cause' in options) Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
    } else {
      name = String(options);
    }
    this.#name = name;
  }
  get name() { return checkThis(this).#name; }
  get code() { return legacyCodes[checkThis(this).#name] || 0; }
}
function checkThis(v) {
  if (!isDOMException(v)) throw new TypeError('Value of "this" must be of DOMException');
  return v;
}

Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
for (const [name, code] of Object.entries(legacyCodes)) {
  const constName = name.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() + '_ERR';
  Object.defineProperty(DOMException, constName, { value: code, enumerable: true });
  Object.defineProperty(DOMException.prototype, constName, { value: code, enumerable: true });
}

module.exports = { DOMException, isDOMException };
