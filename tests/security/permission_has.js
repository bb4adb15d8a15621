// attack: ask the permission model for more than was granted
// denied: fs.read false fs.write false child false
// grant: --allow-fs-read=* --allow-fs-write=* --allow-child-process
// allowed: fs.read true fs.write true child true
const root = process.argv[2];
const p = process.permission;
console.log(`fs.read ${p.has('fs.read', `${root}/outside/secret.txt`)} fs.write ${p.has('fs.write', `${root}/outside`)} child ${p.has('child')}`);
