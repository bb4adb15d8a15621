const t = (f) => { try { f(); } catch (e) { console.log(e.name, e.code, e.message); } };
t(() => require('events').prototype.setMaxListeners.call(new (require('events'))(), -1));
t(() => Buffer.alloc(-1));
t(() => new TextDecoder('nope'));
t(() => require('util').promisify(1));
t(() => structuredClone());
t(() => process.chdir(5));
t(() => require('timers').setInterval(null));
