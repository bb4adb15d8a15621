'use strict';
// The default locale comes from LC_ALL, LC_MESSAGES or LANG, as ICU reads them.
const { execFileSync } = require('child_process');
const script = 'console.log(new Intl.Segmenter().resolvedOptions().locale, navigator.language, ' +
  'new Intl.Segmenter("zz").resolvedOptions().locale)';
for (const env of [{}, { LANG: 'C' }, { LANG: 'POSIX' }, { LANG: 'de_DE.UTF-8' }, { LANG: 'fr_CA' },
  { LANG: 'zh_Hant_TW.UTF-8' }, { LANG: 'en_US@euro' }, { LANG: 'xx_YY' },
  { LANG: 'de_DE', LC_MESSAGES: 'fr_FR' }, { LANG: 'de_DE', LC_ALL: 'ja_JP' }]) {
  const out = execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
  console.log(JSON.stringify(env), out.trim());
}
