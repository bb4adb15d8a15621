'use strict';
// module.SourceMap: a Source Map v3 payload (or an index map with `sections`) decoded into a
// sorted table of mappings, looked up by generated position.

const { codes } = require('internal/errors');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

// Decodes the `mappings` string of one map into `out` as flat rows of
// [generatedLine, generatedColumn, sourceIndex, originalLine, originalColumn, nameIndex],
// with positions shifted by the section's offset. A field absent from a segment is -1.
function decodeMappings(mappings, lineOffset, columnOffset, sourceBase, nameBase, out) {
  let line = 0;
  let column = 0;
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let name = 0;
  // A mapping without a name keeps the last one given (as Node reports it).
  let lastName = -1;
  const fields = [0, 0, 0, 0, 0];
  let i = 0;
  const n = mappings.length;
  while (i < n) {
    const c = mappings.charCodeAt(i);
    if (c === 59 /* ; */) { line++; column = 0; i++; continue; }
    if (c === 44 /* , */) { i++; continue; }
    let count = 0;
    while (i < n) {
      const d = mappings.charCodeAt(i);
      if (d === 44 || d === 59) break;
      // One base64 VLQ value: 5 bits per digit, continuation in the 6th, sign in the lowest.
      let value = 0;
      let shift = 0;
      let digit;
      do {
        const ch = mappings.charCodeAt(i++);
        digit = ch < 128 ? DIGIT[ch] : -1;
        if (digit === -1) return;
        value += (digit & 31) * 2 ** shift;
        shift += 5;
      } while (digit & 32 && i < n);
      const negative = value % 2 === 1;
      value = Math.floor(value / 2);
      // A negative zero stands for -2^31.
      if (negative && value === 0) value = 2147483648;
      if (count < 5) fields[count] = negative ? -value : value;
      count++;
    }
    if (count === 0) continue;
    column += fields[0];
    const generatedLine = line + lineOffset;
    const generatedColumn = line === 0 ? column + columnOffset : column;
    if (count >= 4) {
      source += fields[1];
      originalLine += fields[2];
      originalColumn += fields[3];
      if (count >= 5) {
        name += fields[4];
        lastName = name + nameBase;
      }
      out.push(generatedLine, generatedColumn, source + sourceBase, originalLine, originalColumn, lastName);
    } else {
      out.push(generatedLine, generatedColumn, -1, -1, -1, -1);
    }
  }
}

const kMappings = Symbol('kMappings');
const kSources = Symbol('kSources');
const kNames = Symbol('kNames');
const kPayload = Symbol('kPayload');
const kLineLengths = Symbol('kLineLengths');
const ROW = 6;

class SourceMap {
  constructor(payload, { lineLengths } = {}) {
    if (payload === null || typeof payload !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('payload', 'Object', payload);
    }
    this[kPayload] = clonePayload(payload);
    this[kLineLengths] = lineLengths;
    const rows = [];
    const sources = [];
    const names = [];
    const add = (map, lineOffset, columnOffset) => {
      const base = sources.length;
      const nameBase = names.length;
      for (const s of Array.isArray(map.sources) ? map.sources : []) sources.push(s);
      for (const nm of Array.isArray(map.names) ? map.names : []) names.push(nm);
      if (typeof map.mappings === 'string') decodeMappings(map.mappings, lineOffset, columnOffset, base, nameBase, rows);
    };
    if (Array.isArray(payload.sections)) {
      for (const section of payload.sections) {
        if (section === null || typeof section !== 'object' || section.map === null || typeof section.map !== 'object') continue;
        const offset = section.offset || {};
        add(section.map, offset.line | 0, offset.column | 0);
      }
    } else {
      add(payload, 0, 0);
    }
    this[kMappings] = sortRows(rows);
    this[kSources] = sources;
    this[kNames] = names;
  }

  get payload() {
    return this[kPayload];
  }

  get lineLengths() {
    return this[kLineLengths] ? [...this[kLineLengths]] : undefined;
  }

  // The mapping at or before a zero-based generated position, or {} when there is none.
  findEntry(lineOffset, columnOffset) {
    const rows = this[kMappings];
    let lo = 0;
    let hi = rows.length / ROW - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = mid * ROW;
      const cmp = rows[at] - lineOffset || rows[at + 1] - columnOffset;
      if (cmp <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found === -1) return {};
    const at = found * ROW;
    const sourced = rows[at + 2] !== -1;
    return {
      generatedLine: rows[at],
      generatedColumn: rows[at + 1],
      originalSource: sourced ? this[kSources][rows[at + 2]] : undefined,
      originalLine: sourced ? rows[at + 3] : undefined,
      originalColumn: sourced ? rows[at + 4] : undefined,
      name: rows[at + 5] === -1 ? undefined : this[kNames][rows[at + 5]],
    };
  }

  // The original position of a one-based generated position, or {} when it maps nowhere.
  findOrigin(lineNumber, columnNumber) {
    const entry = this.findEntry(lineNumber - 1, columnNumber - 1);
    if (entry.originalSource === undefined) return {};
    return {
      name: entry.name,
      fileName: entry.originalSource,
      lineNumber: entry.originalLine + (lineNumber - entry.generatedLine),
      columnNumber: entry.originalColumn + (columnNumber - entry.generatedColumn),
    };
  }
}

function clonePayload(payload) {
  const out = { ...payload };
  for (const key of ['sources', 'sourcesContent', 'names']) if (Array.isArray(out[key])) out[key] = [...out[key]];
  if (Array.isArray(out.sections)) out.sections = out.sections.map((s) => (s && typeof s === 'object' ? { ...s } : s));
  return out;
}

// Rows sorted by generated position, keeping the order of equal positions.
function sortRows(rows) {
  const count = rows.length / ROW;
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) {
    const a = (i - 1) * ROW;
    const b = i * ROW;
    if (rows[a] > rows[b] || (rows[a] === rows[b] && rows[a + 1] > rows[b + 1])) sorted = false;
  }
  if (sorted) return rows;
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((x, y) => rows[x * ROW] - rows[y * ROW] || rows[x * ROW + 1] - rows[y * ROW + 1] || x - y);
  const out = new Array(rows.length);
  order.forEach((from, to) => {
    for (let k = 0; k < ROW; k++) out[to * ROW + k] = rows[from * ROW + k];
  });
  return out;
}

module.exports = { SourceMap };
