// semver sorts 5,000 versions (prereleases included), checks each against a set of ranges and
// finds the best match per range, as a package manager's resolver does.
'use strict';
const semver = require('semver');
const { bench, tools } = require('./lib/common');

const { int, pick } = tools(19);
const versions = Array.from({ length: 5000 }, () => {
  let v = `${int(0, 12)}.${int(0, 30)}.${int(0, 40)}`;
  if (int(0, 7) === 0) v += `-${pick(['alpha', 'beta', 'rc'])}.${int(0, 5)}`;
  return v;
});
const ranges = ['^1.2.3', '~4.5.0', '>=2.0.0 <3.0.0-0', '1.x || 3.x', '>5.1.0 <=7.2.3', '*', '^0.3.0', '10.20 - 11.5.x', '~12.0.0-beta.2'];

bench(() => {
  const sorted = versions.slice().sort(semver.compare);
  const counts = ranges.map((r) => versions.filter((v) => semver.satisfies(v, r)).length);
  const best = ranges.map((r) => semver.maxSatisfying(versions, r));
  const bumped = sorted.slice(0, 1000).map((v) => semver.inc(v, 'minor'));
  return [sorted.join(','), counts.join(','), best.join(','), bumped.join(',')].join('\n');
}, { reps: 10 });
