console.log(require('dep'), require('dep/sub'));
try { require('dep/hidden'); } catch (e) { console.log(e.code, e.message.replace(__dirname, 'DIR')); }
try { require('dep/package.json'); } catch (e) { console.log(e.code); }
