import data from './fixtures/data.json' with { type: 'json' };
console.log(data);
const dyn = await import('./fixtures/data.json', { with: { type: 'json' } });
console.log(dyn.default === data);
try { await import('./fixtures/data.json'); } catch (e) { console.log(e.code); }
try { await import('./fixtures/esm/lib.mjs', { with: { type: 'json' } }); } catch (e) { console.log(e.code); }
