const a = setTimeout(() => console.log('a'), 1);
const b = setTimeout(() => { console.log('b clears c'); clearTimeout(c); }, 1);
const c = setTimeout(() => console.log('c never'), 1);
void a; void b;
