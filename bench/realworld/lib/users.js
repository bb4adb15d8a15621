// Shared input of the schema validators: 20,000 user records as an API would receive them,
// about one in eight wrong in one field (a bad email, a negative age, a missing name, an unknown
// role, a tag too long).
'use strict';
const { tools } = require('./common');

const { int, pick, word } = tools(17);
const roles = ['admin', 'editor', 'viewer', 'guest'];
module.exports = Array.from({ length: 20000 }, (_, i) => {
  const user = {
    id: i + 1,
    name: `${word()} ${word()}`,
    email: `${word()}.${word()}@${word()}.org`,
    age: int(16, 90),
    role: pick(roles),
    active: int(0, 1) === 1,
    tags: Array.from({ length: int(0, 5) }, () => word()),
    address: { street: `${int(1, 999)} ${word()} street`, city: word(), zip: String(int(10000, 99999)) },
    createdAt: `2023-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T10:00:00Z`,
  };
  switch (int(0, 39)) {
    case 0: user.email = `${word()}-at-${word()}`; break;
    case 1: user.age = -int(1, 5); break;
    case 2: delete user.name; break;
    case 3: user.role = 'owner'; break;
    case 4: user.tags.push('x'.repeat(40)); break;
    default: break;
  }
  return user;
});
