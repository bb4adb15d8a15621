try { require('./fixtures/bad.json'); } catch (e) { console.log(e.name, e.message.startsWith(require('path').join(__dirname, 'fixtures/bad.json') + ':')); }
