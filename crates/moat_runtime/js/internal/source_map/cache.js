'use strict';
// Source map support (--enable-source-maps, module.setSourceMapsSupport): while it is on, each
// CommonJS module compiled and each ES module asked about has its `//# sourceMappingURL=`
// read, and stack traces name the original sources' positions.

const { validateBoolean, validateObject } = require('internal/validators');

let support;
function state() {
  if (support === undefined) {
    const on = require('internal/options').hasFlag('--enable-source-maps');
    support = { enabled: on, nodeModules: on, generatedCode: on };
  }
  return support;
}

function getSourceMapsSupport() {
  const s = state();
  return { __proto__: null, enabled: s.enabled, nodeModules: s.nodeModules, generatedCode: s.generatedCode };
}

function setSourceMapsSupport(enabled, options = undefined) {
  validateBoolean(enabled, 'enabled');
  let nodeModules = false;
  let generatedCode = false;
  if (options !== undefined) {
    validateObject(options, 'options');
    if (options.nodeModules !== undefined) {
      validateBoolean(options.nodeModules, 'options.nodeModules');
      nodeModules = options.nodeModules;
    }
    if (options.generatedCode !== undefined) {
      validateBoolean(options.generatedCode, 'options.generatedCode');
      generatedCode = options.generatedCode;
    }
  }
  support = { enabled, nodeModules, generatedCode };
}

// file URL -> { payload, sourceMap (made on first use), lineLengths }.
const cache = new Map();
const pathToURL = (p) => require('internal/url').pathToFileURL(p).href;

// The last `sourceMappingURL` comment of a source, or undefined.
function sourceMappingURL(content) {
  const re = /\/[*/]#\s+sourceMappingURL=(?<url>[^\s]+)/g;
  let url;
  for (let m = re.exec(content); m !== null; m = re.exec(content)) url = m.groups.url;
  return url;
}

function readPayload(url, baseURL) {
  if (url.startsWith('data:')) {
    const comma = url.indexOf(',');
    if (comma === -1) return undefined;
    const meta = url.slice(5, comma);
    if (!/^application\/json\b/.test(meta)) return undefined;
    const data = url.slice(comma + 1);
    const { Buffer } = require('buffer');
    const text = meta.endsWith(';base64') ? Buffer.from(data, 'base64').toString('utf8') : decodeURIComponent(data);
    return { payload: JSON.parse(text), mapURL: baseURL };
  }
  const mapURL = new URL(url, baseURL).href;
  if (!mapURL.startsWith('file:')) return undefined;
  const text = internalBinding('fs').readFileUtf8(require('internal/url').fileURLToPath(mapURL));
  return { payload: JSON.parse(text), mapURL };
}

// Sources named relative to the map (and its sourceRoot) become absolute URLs.
function absoluteSources(payload, mapURL) {
  const fix = (map) => {
    if (!Array.isArray(map.sources)) return;
    const root = typeof map.sourceRoot === 'string' && map.sourceRoot !== '' ?
      (map.sourceRoot.endsWith('/') ? map.sourceRoot : `${map.sourceRoot}/`) : '';
    map.sources = map.sources.map((s) => {
      try {
        return new URL(`${root}${s}`, mapURL).href;
      } catch {
        return s;
      }
    });
  };
  if (Array.isArray(payload.sections)) {
    for (const section of payload.sections) if (section && section.map) fix(section.map);
  } else {
    fix(payload);
  }
  return payload;
}

// Called for each module compiled (`filename` a path or URL, `content` its source text).
function maybeCacheSourceMap(filename, content) {
  const s = state();
  if (!s.enabled || typeof content !== 'string') return;
  if (!s.nodeModules && /[\\/]node_modules[\\/]/.test(filename)) return;
  const url = sourceMappingURL(content);
  if (url === undefined) return;
  const fileURL = filename.startsWith('file:') ? filename : pathToURL(filename);
  try {
    const found = readPayload(url, fileURL);
    if (found === undefined) return;
    const lineLengths = content.split(/\n|\r\n?/).map((line) => line.length);
    cache.set(fileURL, { payload: absoluteSources(found.payload, found.mapURL), sourceMap: undefined, lineLengths });
  } catch {
    // An unreadable or malformed map is ignored, as Node does.
  }
}

// module.findSourceMap(pathOrURL).
function findSourceMap(sourceURL) {
  if (typeof sourceURL !== 'string' || sourceURL === '') return undefined;
  let url = sourceURL;
  if (!url.startsWith('file:') && url.startsWith('/')) url = pathToURL(url);
  let entry = cache.get(url);
  // An ES module is read when first asked about.
  if (entry === undefined && state().enabled && url.startsWith('file:') && /\.m?[jt]sx?$/.test(url)) {
    try {
      maybeCacheSourceMap(url, internalBinding('fs').readFileUtf8(require('internal/url').fileURLToPath(url)));
    } catch {
      // No such file.
    }
    entry = cache.get(url);
    if (entry === undefined) cache.set(url, null);
  }
  if (!entry) return undefined;
  if (entry.sourceMap === undefined) {
    const { SourceMap } = require('internal/source_map/source_map');
    entry.sourceMap = new SourceMap(entry.payload, { lineLengths: entry.lineLengths });
  }
  return entry.sourceMap;
}

// The original source text of a mapped file, from the map's sourcesContent.
function originalSourceText(sourceMap, originalSource) {
  const { payload } = sourceMap;
  const i = Array.isArray(payload.sources) ? payload.sources.indexOf(originalSource) : -1;
  return i !== -1 && Array.isArray(payload.sourcesContent) ? payload.sourcesContent[i] : undefined;
}

module.exports = {
  getSourceMapsSupport, setSourceMapsSupport, maybeCacheSourceMap, findSourceMap, originalSourceText,
  isEnabled: () => state().enabled,
};
