process.removeAllListeners('warning');
process.on('warning', (w) => console.log(w.name, w.message, w.code, w.detail));
process.emitWarning('plain');
process.emitWarning('typed', 'MyWarning');
process.emitWarning('with code', 'MyWarning', 'MY_CODE');
process.emitWarning('opts', { type: 'OptWarning', code: 'OPT', detail: 'more detail' });
try { process.emitWarning(5); } catch (e) { console.log(e.code); }
