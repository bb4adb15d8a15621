#!/usr/bin/env node
console.log('shebang ok', typeof module);
