// date-fns formats, shifts, compares and parses 5,000 timestamps (UTC-based input; the output
// is in the process's time zone, which every runtime of one run shares).
'use strict';
const { format, addDays, addMonths, differenceInCalendarDays, parseISO, startOfWeek, isWeekend, formatISO } = require('date-fns');
const { bench, tools } = require('./lib/common');

const { int } = tools(23);
const base = Date.UTC(2020, 0, 1);
const stamps = Array.from({ length: 5000 }, () => base + int(0, 5 * 365 * 24 * 3600) * 1000);

bench(() => {
  const out = [];
  for (const t of stamps) {
    const d = new Date(t);
    const later = addMonths(addDays(d, 17), 2);
    out.push(`${format(d, "yyyy-MM-dd'T'HH:mm:ss EEE do MMM")}|${differenceInCalendarDays(later, d)}|` +
      `${format(startOfWeek(d, { weekStartsOn: 1 }), 'P')}|${isWeekend(d)}|${+parseISO(formatISO(later))}`);
  }
  return out.join('\n');
}, { reps: 10 });
