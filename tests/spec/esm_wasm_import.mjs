// Importing WebAssembly modules as ES modules (fixtures/wasm/main.mjs): a wasm module's imports
// are ES imports (a JS module's functions, another wasm module's global), its exports are the
// namespace's (globals as their values), its start function runs on import, and an export name
// need not be an identifier. The first such import warns that the feature is experimental.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning:', w.name, w.message));
await import('./fixtures/wasm/main.mjs');
