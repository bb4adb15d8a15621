'use strict';
// Myers' O(ND) shortest edit script between two lists of lines (or characters), as assert's
// messages and util.diff show it.

// With `commaTolerant`, lines that differ only by a trailing comma count as equal: the last
// entry of an object prints without one.
function sameLine(a, b, commaTolerant) {
  if (a === b) return true;
  return commaTolerant && (`${a},` === b || a === `${b},`);
}

// [op, value] pairs in order: 0 for a line in both, 1 for one only in `actual`, -1 for one only
// in `expected`.
function myersDiff(actual, expected, commaTolerant = false) {
  const n = actual.length;
  const m = expected.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const offset = k + max;
      let x = k === -d || (k !== d && v[offset - 1] < v[offset + 1]) ? v[offset + 1] : v[offset - 1] + 1;
      let y = x - k;
      while (x < n && y < m && sameLine(actual[x], expected[y], commaTolerant)) { x++; y++; }
      v[offset] = x;
      if (x >= n && y >= m) return backtrack(trace, actual, expected, commaTolerant);
    }
  }
  return [];
}

function backtrack(trace, actual, expected, commaTolerant) {
  const max = actual.length + expected.length;
  let x = actual.length;
  let y = expected.length;
  const reversed = [];
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const offset = k + max;
    const prevK = k === -d || (k !== d && v[offset - 1] < v[offset + 1]) ? k + 1 : k - 1;
    const prevX = v[prevK + max];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      const line = actual[x - 1];
      // A line kept from both sides reads as in `actual` when that one has the comma.
      reversed.push([0, commaTolerant && !String(line).endsWith(',') ? expected[y - 1] : line]);
      x--;
      y--;
    }
    if (d > 0) {
      if (x > prevX) { reversed.push([1, actual[x - 1]]); x--; } else { reversed.push([-1, expected[y - 1]]); y--; }
    }
  }
  return reversed.reverse();
}

// Unchanged lines kept around each change; longer runs are cut to `...`.
const kContextLines = 5;

// The `+ actual - expected` body: [text, skipped].
function printDiff(diff) {
  let message = '';
  let skipped = false;
  let run = 0; // unchanged lines seen since the last change
  for (let i = 0; i < diff.length; i++) {
    const [op, value] = diff[i];
    const prevOp = i > 0 ? diff[i - 1][0] : null;
    if (prevOp === 0 && op !== 0) {
      // Closing a run of unchanged lines: show its last lines before this change.
      if (run === kContextLines + 1) {
        message += `  ${diff[i - 1][1]}\n`;
      } else if (run === kContextLines + 2) {
        message += `  ${diff[i - 2][1]}\n  ${diff[i - 1][1]}\n`;
      } else if (run >= kContextLines + 3) {
        message += `...\n  ${diff[i - 1][1]}\n`;
        skipped = true;
      }
      run = 0;
    }
    if (op === 1) {
      message += `+ ${value}\n`;
    } else if (op === -1) {
      message += `- ${value}\n`;
    } else if (run < kContextLines) {
      message += `  ${value}\n`;
      run++;
    } else {
      run++;
    }
  }
  return [`\n${message.trimEnd()}`, skipped];
}

module.exports = { myersDiff, printDiff };
