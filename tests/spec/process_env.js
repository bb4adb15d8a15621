process.env.A_NUMBER = 42; process.env.A_BOOL = true; process.env.A_UNDEF = undefined;
console.log(typeof process.env.A_NUMBER, process.env.A_NUMBER, process.env.A_BOOL, process.env.A_UNDEF);
delete process.env.A_NUMBER; console.log('A_NUMBER' in process.env);
console.log(process.env.DEFINITELY_NOT_SET_123);
