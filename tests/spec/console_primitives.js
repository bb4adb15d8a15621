console.log('str', 42, -0, 1.5, 10n, true, null, undefined, Symbol('s'), NaN, Infinity);
console.log(['a', "it's", 'say "hi"', 'both \' and "', 'line\nbreak']);
console.log('%s is %d years and %i, %f', 'Bob', 42.5, 42.5, '3.25', 'extra');
console.log('%j %o %%', { a: 1 }, [1]);
console.log('%c styled', 'color: red');
console.info('info'); console.debug('debug');
