'use strict';
// WriteStream#getColorDepth and #hasColors read the environment they are given by Node's rules.
const tty = require('tty');

const { getColorDepth, hasColors } = tty.WriteStream.prototype;
const envs = [
  {},
  { TERM: 'dumb' },
  { TERM: 'xterm' },
  { TERM: 'xterm-256color' },
  { TERM: 'screen' },
  { TERM: 'linux' },
  { TERM: 'vt100' },
  { TERM: 'rxvt-unicode-24bit' },
  { TERM: 'xterm-kitty' },
  { TERM: 'mosh' },
  { TERM: 'konsole' },
  { TERM: 'KONSOLE' },
  { TERM: 'something-truecolor' },
  { TERM: 'unknown' },
  { TERM: 'xterm-direct' },
  { COLORTERM: 'truecolor' },
  { COLORTERM: '24bit' },
  { COLORTERM: 'yes' },
  { TMUX: '1' },
  { NO_COLOR: '' },
  { NO_COLOR: '1', TERM: 'xterm-256color' },
  { NODE_DISABLE_COLORS: '1', TERM: 'xterm' },
  { FORCE_COLOR: '0', TERM: 'xterm-256color' },
  { FORCE_COLOR: 'false' },
  { FORCE_COLOR: '' },
  { FORCE_COLOR: '1' },
  { FORCE_COLOR: 'true' },
  { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' },
  { FORCE_COLOR: '4' },
  { CI: '1' },
  { CI: '1', GITHUB_ACTIONS: 'true' },
  { CI: '1', TRAVIS: '1' },
  { CI: '1', CI_NAME: 'codeship' },
  { CI: '1', CIRCLECI: '1' },
  { CI: '1', GITEA_ACTIONS: '1' },
  { CI: '1', DRONE: '1' },
  { CI: '1', JENKINS_URL: 'x' },
  { CI: '', TERM: 'xterm' },
  { CI: '0', TERM: 'xterm-256color' },
  { GITHUB_ACTIONS: 'true', TERM: 'xterm' },
  { TMUX: '' },
  { TEAMCITY_VERSION: '9.1.0' },
  { TEAMCITY_VERSION: '8.0.0' },
  { TEAMCITY_VERSION: '2024.1' },
  { TERM_PROGRAM: 'iTerm.app' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.0' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9' },
  { TERM_PROGRAM: 'Apple_Terminal' },
  { TERM_PROGRAM: 'HyperTerm' },
  { TERM_PROGRAM: 'MacTerm' },
];
for (const env of envs) {
  console.log(JSON.stringify(env), getColorDepth.call(null, env),
    hasColors.call(null, env), hasColors.call(null, 256, env), hasColors.call(null, 2 ** 24, env));
}

for (const count of [undefined, null, 1, 0, 1.5, '16', {}, 2 ** 53]) {
  try {
    console.log('hasColors', String(count), hasColors.call(null, count, {}));
  } catch (e) {
    console.log('hasColors', String(count), e.name, e.code, e.message);
  }
}
