process.env.TZ = 'UTC';
console.log(String(new Date(0)));
console.log(new Date(0).toString().endsWith('(Coordinated Universal Time)'));
