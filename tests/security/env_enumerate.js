// attack: enumerate the host's environment for anything secret
// denied: hidden
// grant: --allow-env
// allowed: visible
console.log(Object.keys(process.env).includes('MOAT_TEST_SECRET') ? 'visible' : 'hidden');
