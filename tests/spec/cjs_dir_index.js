console.log(require('./fixtures/pkg'), require('./fixtures/withindex'));
