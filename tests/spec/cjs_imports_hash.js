console.log(require('#internal'), require('#feature/x'));
try { require('#missing'); } catch (e) { console.log(e.code); }
