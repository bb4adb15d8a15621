// dayjs formats, shifts, compares and parses 5,000 timestamps (UTC plugin; the local-time
// output follows the process's time zone, which every runtime of one run shares).
'use strict';
const dayjs = require('dayjs');
const utc = require('dayjs/plugin/utc');
const advancedFormat = require('dayjs/plugin/advancedFormat');
const { bench, tools } = require('./lib/common');

dayjs.extend(utc);
dayjs.extend(advancedFormat);
const { int } = tools(29);
const base = Date.UTC(2020, 0, 1);
const stamps = Array.from({ length: 5000 }, () => base + int(0, 5 * 365 * 24 * 3600) * 1000);

bench(() => {
  const out = [];
  for (const t of stamps) {
    const d = dayjs.utc(t);
    const later = d.add(17, 'day').add(2, 'month');
    out.push(`${d.format('YYYY-MM-DDTHH:mm:ss ddd Do MMM')}|${later.diff(d, 'day')}|${d.startOf('week').format('L')}|` +
      `${d.local().format('YYYY-MM-DD HH:mm Z')}|${dayjs(later.toISOString()).valueOf()}`);
  }
  return out.join('\n');
}, { reps: 10 });
