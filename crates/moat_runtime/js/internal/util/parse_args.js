'use strict';
// util.parseArgs: command-line arguments read against a table of options. The arguments are
// first cut into tokens (options with their values, positionals, the `--` terminator), then
// checked (in strict mode) and stored, then the defaults fill what is left.

const { codes } = require('internal/errors');
const { validateObject, validateString, validateBoolean } = require('internal/validators');

const own = (options, name, key) => (Object.hasOwn(options, name) ? options[name][key] : undefined);

function validateArray(value, name) {
  if (!Array.isArray(value)) throw new codes.ERR_INVALID_ARG_TYPE(name, 'Array', value);
}

function validateOptions(options) {
  for (const [name, option] of Object.entries(options)) {
    validateObject(option, `options.${name}`);
    const { type } = option;
    if (type !== 'string' && type !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE(`options.${name}.type`, "('string|boolean')", type);
    }
    if (Object.hasOwn(option, 'short')) {
      validateString(option.short, `options.${name}.short`);
      if (option.short.length !== 1) {
        throw new codes.ERR_INVALID_ARG_VALUE(`options.${name}.short`, option.short, 'must be a single character');
      }
    }
    if (Object.hasOwn(option, 'multiple')) validateBoolean(option.multiple, `options.${name}.multiple`);
    if (option.default !== undefined) {
      const check = type === 'string' ? validateString : validateBoolean;
      if (option.multiple) {
        validateArray(option.default, `options.${name}.default`);
        option.default.forEach((v, i) => check(v, `options.${name}.default[${i}]`));
      } else {
        check(option.default, `options.${name}.default`);
      }
    }
  }
}

// The long name a short option stands for (itself when no option has it).
function longFor(short, options) {
  for (const [name, option] of Object.entries(options)) if (option.short === short) return name;
  return short;
}

const isShortStart = (arg) => arg.length >= 2 && arg[0] === '-' && arg[1] !== '-';

function tokenize(args, options) {
  const tokens = [];
  const remaining = args.slice();
  let index = -1;
  // Arguments made by expanding a group (`-abc`) share the group's index.
  let expanded = 0;
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const next = remaining[0];
    if (expanded > 0) expanded--;
    else index++;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of remaining) tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }
    if (isShortStart(arg) && arg.length === 2) {
      const name = longFor(arg[1], options);
      const takesValue = own(options, name, 'type') === 'string' && next !== undefined;
      const value = takesValue ? remaining.shift() : undefined;
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue: takesValue ? false : undefined });
      if (takesValue) index++;
      continue;
    }
    if (isShortStart(arg)) {
      const firstName = longFor(arg[1], options);
      if (own(options, firstName, 'type') === 'string') {
        // `-fVALUE`
        tokens.push({ kind: 'option', name: firstName, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
        continue;
      }
      // `-abc`: one option each, the last string option taking the rest as its value.
      const parts = [];
      for (let i = 1; i < arg.length; i++) {
        if (own(options, longFor(arg[i], options), 'type') !== 'string' || i === arg.length - 1) {
          parts.push(`-${arg[i]}`);
        } else {
          parts.push(`-${arg.slice(i)}`);
          break;
        }
      }
      remaining.unshift(...parts);
      expanded = parts.length;
      continue;
    }
    if (arg.length > 2 && arg.startsWith('--')) {
      const eq = arg.indexOf('=', 3);
      if (eq !== -1) {
        const name = arg.slice(2, eq);
        tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
        continue;
      }
      const name = arg.slice(2);
      const takesValue = own(options, name, 'type') === 'string' && next !== undefined;
      const value = takesValue ? remaining.shift() : undefined;
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue: takesValue ? false : undefined });
      if (takesValue) index++;
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

// The option a `--no-name` token negates, when negation is allowed and `name` is not a string
// option (a boolean one, or in non-strict mode one not in the table).
function negated(token, options, allowNegative) {
  if (!allowNegative || !token.rawName.startsWith('--no-') || token.value !== undefined) return undefined;
  const name = token.name.slice(3);
  return own(options, name, 'type') === 'string' ? undefined : name;
}

function checkToken(token, options, allowPositionals) {
  const { name } = token;
  if (!Object.hasOwn(options, name)) {
    const hint = allowPositionals ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(token.rawName)}` : '';
    throw new codes.ERR_PARSE_ARGS_UNKNOWN_OPTION(`Unknown option '${token.rawName}'${hint}`);
  }
  const { short, type } = options[name];
  const shown = short ? `-${short}, --${name}` : `--${name}`;
  if (type === 'string' && typeof token.value !== 'string') {
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shown} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shown}' does not take an argument`);
  }
  if (!token.inlineValue && typeof token.value === 'string' && token.value.length > 1 && token.value[0] === '-') {
    const example = token.rawName.startsWith('--') ? `'${token.rawName}=-XYZ'` :
      `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function parseArgs(config = {}) {
  validateObject(config, 'config');
  let args = config.args;
  if (args === undefined) {
    // Past the runtime and the script; after -e/-p there is no script.
    const kind = internalBinding('process').entryKind;
    args = process.argv.slice(kind === 'eval' || kind === 'print' ? 1 : 2);
  }
  const strict = config.strict ?? true;
  const allowPositionals = config.allowPositionals ?? !strict;
  const returnTokens = config.tokens ?? false;
  const allowNegative = config.allowNegative ?? false;
  const options = config.options ?? { __proto__: null };
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  validateOptions(options);

  const tokens = tokenize(args, options);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw new codes.ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(
          `Unexpected argument '${token.value}'. This command does not take positional arguments`);
      }
      result.positionals.push(token.value);
    } else if (token.kind === 'option') {
      // `--no-name` is the option `name` (so its token says), set to false.
      const negatedName = negated(token, options, allowNegative);
      if (negatedName !== undefined) token.name = negatedName;
      if (strict) checkToken(token, options, allowPositionals);
      const { name } = token;
      if (name === '__proto__') continue;
      const value = negatedName !== undefined ? false : (token.value ?? true);
      if (own(options, name, 'multiple')) (result.values[name] ??= []).push(value);
      else result.values[name] = value;
    }
  }
  for (const [name, option] of Object.entries(options)) {
    if (name !== '__proto__' && option.default !== undefined && result.values[name] === undefined) {
      result.values[name] = option.default;
    }
  }
  return result;
}

module.exports = { parseArgs };
