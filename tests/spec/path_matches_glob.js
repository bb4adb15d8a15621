// path.matchesGlob as Node 24 answers it: wildcards, classes, globstar, braces, extglobs, dot
// segments, separators (a backslash is one, never an escape) and the folding of empty, `.` and
// `..` segments, for posix and win32; and its argument errors.
const path = require('path');
const cases = [
  ['a/.b', 'a/*'], ['a/.b', 'a/.*'], ['.a/b', '**/b'], ['a/.b/c', 'a/**/c'], ['a/b/c', 'a/**/c'], ['a/c', 'a/**/c'], ['a', 'a/**'], ['a/', 'a/**'],
  ['a/b', 'a/{b,c}'], ['a/d', 'a/{b,c}'], ['a3', 'a{1..4}'], ['a5', 'a{1..4}'], ['ab', '+(a|b)'], ['abc', '@(ab|abc)'], ['x', '!(a|b)'], ['a', '!(a|b)'],
  ['abc', 'a?c'], ['a/c', 'a?c'], ['A', 'a'], ['a.js', '*.js'], ['a/b.js', '*.js'], ['a/b.js', '**/*.js'], ['b.js', '**/*.js'], ['[x]', '\\[x\\]'], ['a*', 'a\\*'], ['ab', 'a\\*'],
  ['x', '[[:alpha:]]'], ['1', '[[:alpha:]]'], ['-', '[a-]'], [']', '[]]'], ['a', '[^a]'], ['b', '[^a]'], ['a/b', 'a//b'], ['/a', '/a'], ['/a', '/*'], ['', ''], ['a', ''], ['#a', '#a'], ['!a', '!a'],
  ['a/./b', 'a/*/b'], ['a/../b', 'a/*/b'], ['a/b', './a/b'], ['./a/b', 'a/b'], ['ab', '*(a|b)'], ['', '*(a|b)'], ['abab', '+(ab)'], ['a.b', '?(a).b'], ['.b', '?(a).b'], ['foo', 'f*o'], ['fo', 'f*o'],
  ['a//b', 'a/b'], ['a/./b', 'a/./b'], ['a/b/', 'a/b'], ['a/b', 'a/b/'], ['a/./b', 'a/b'], ['a/b', 'a/./b'], ['.x', '*(.x)'], ['.x', '+(.x|y)'], ['.x', '@(.x)'], ['.x', '!(y)'], ['.x', '[.]x'], ['.x', '?x'],
  ['.', '*'], ['..', '*'], ['..', '.*'], ['.', '.*'], ['a/..', 'a/*'], ['a', '**'], ['.a', '**'], ['a/b', '**'], ['', '**'], ['a/b', 'a/**/**/b'], ['a/x/y/b', 'a/**/b'], ['a/b/c', '**/c'], ['x/a/b', '**/a/**'],
  ['a{b', 'a{b'], ['a,b', '{a,b}'], ['ab', '{a,b}{b,c}'], ['ac', 'a{,c}'], ['a', 'a{,c}'], ['a2', 'a{0..10..2}'], ['ab', 'a{a..c}'], ['a', '[a-c]'], ['B', '[a-c]'], ['a', '[!a-c]'], ['d', '[!a-c]'],
  ['ab', 'a[b'], ['a[b', 'a[b'], ['ax', 'a[[:digit:]x]'], ['a', '*(a)'], ['aa', '+(a)'], ['', '+(a)'], ['abc', 'a!(b)c'], ['axc', 'a!(b)c'], ['ac', 'a!(b)c'], ['abbc', 'a!(b)c'], ['a.js', '!(*.js)'], ['a.ts', '!(*.js)'],
  ['é', '?'], ['😀', '?'], ['a b', 'a b'], ['a+b', 'a+b'], ['a(b)', 'a(b)'], ['a|b', 'a|b'], ['a^b', 'a^b'], ['a$b', 'a$b'], ['a.b', 'a.b'], ['axb', 'a.b'],
  ['a/b/../c', 'a/c'], ['a/c', 'a/b/../c'], ['a/b/', 'a/*'], ['a/b/', 'a/b/'], ['a/', 'a'], ['a/', 'a/'], ['/', '/'], ['/', '*'], ['a/b//', 'a/b'], ['//a', '/a'], ['/a', '//a'], ['a/b', 'a/b//'], ['a', 'a/'], ['./a', './a'], ['./a', './*'], ['a/b', '**/'], ['a/b/', '**/'], ['../a', '../*'], ['../a', '*/a'],
];
for (const plat of ['posix', 'win32']) {
  for (const [p, g] of cases) console.log(plat, JSON.stringify(p), JSON.stringify(g), path[plat].matchesGlob(p, g));
}
for (const [p, g] of [['a\\b', 'a/b'], ['a\\b', 'a\\b'], ['A\\B', 'a/b'], ['a\\b\\c', 'a/**'], ['a/b', 'a\\*']]) {
  console.log('win32', JSON.stringify(p), JSON.stringify(g), path.win32.matchesGlob(p, g));
}
for (const args of [[1, 'a'], ['a', null], []]) {
  try {
    path.matchesGlob(...args);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
