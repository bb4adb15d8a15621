const EventEmitter = require('events');
const e = new EventEmitter();
try { e.emit('error'); } catch (err) { console.log(err.code, err.message); }
try { e.emit('error', { custom: true }); } catch (err) { console.log(err.code, err.message, err.context); }
try { e.on('x', 'not a function'); } catch (err) { console.log(err.code, err.message); }
try { e.setMaxListeners('x'); } catch (err) { console.log(err.code); }
try { EventEmitter.defaultMaxListeners = -1; } catch (err) { console.log(err.code); }
console.log(EventEmitter.defaultMaxListeners, typeof EventEmitter.captureRejectionSymbol, EventEmitter.EventEmitter === EventEmitter);
