const { execPath } = process;
console.log(typeof execPath);
