// zod checks 20,000 user records against a schema (emails, enums, nested objects, arrays,
// ISO datetimes) with safeParse and collects the issues.
'use strict';
const { z } = require('zod');
const { bench } = require('./lib/common');
const users = require('./lib/users');

const User = z.object({
  id: z.number().int().min(1),
  name: z.string().min(1).max(80),
  email: z.email(),
  age: z.number().int().min(0).max(150),
  role: z.enum(['admin', 'editor', 'viewer', 'guest']),
  active: z.boolean(),
  tags: z.array(z.string().max(32)).max(10),
  address: z.object({ street: z.string(), city: z.string(), zip: z.string().regex(/^[0-9]{5}$/) }),
  createdAt: z.iso.datetime(),
}).strict();

bench(() => {
  const out = [];
  for (const user of users) {
    const r = User.safeParse(user);
    if (!r.success) out.push(`${user.id}:${r.error.issues.map((i) => `${i.path.join('.')} ${i.code}`).join(';')}`);
  }
  return out.join('\n');
}, { reps: 20 });
