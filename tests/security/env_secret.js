// attack: read a secret from the host's environment
// denied: absent
// grant: --allow-env=MOAT_TEST_SECRET
// allowed: value hunter2
const v = process.env.MOAT_TEST_SECRET;
console.log(v === undefined ? 'absent' : `value ${v}`);
