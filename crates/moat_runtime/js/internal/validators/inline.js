'use strict';
// The commonest argument checks, for modules that load at start-up: the check itself is inline,
// and internal/validators (with the error codes) loads only to throw for a bad value.

const full = () => require('internal/validators');

function validateString(value, name) {
  if (typeof value !== 'string') full().validateString(value, name);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') full().validateFunction(value, name);
}

module.exports = { validateString, validateFunction };
