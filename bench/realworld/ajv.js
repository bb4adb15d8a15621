// ajv compiles a JSON schema (formats, enums, nested objects, arrays, patterns) and validates
// 20,000 user records, collecting every error.
'use strict';
const Ajv = require('ajv');
const { bench } = require('./lib/common');
const users = require('./lib/users');

const schema = {
  type: 'object',
  required: ['id', 'name', 'email', 'age', 'role', 'active', 'tags', 'address', 'createdAt'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string', minLength: 1, maxLength: 80 },
    email: { type: 'string', pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$' },
    age: { type: 'integer', minimum: 0, maximum: 150 },
    role: { enum: ['admin', 'editor', 'viewer', 'guest'] },
    active: { type: 'boolean' },
    tags: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 32 } },
    address: {
      type: 'object',
      required: ['street', 'city', 'zip'],
      properties: {
        street: { type: 'string' },
        city: { type: 'string' },
        zip: { type: 'string', pattern: '^[0-9]{5}$' },
      },
    },
    createdAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$' },
  },
};

bench(() => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  const out = [];
  for (const user of users) {
    if (!validate(user)) out.push(`${user.id}:${validate.errors.map((e) => `${e.instancePath} ${e.message}`).join(';')}`);
  }
  return out.join('\n');
}, { reps: 20 });
