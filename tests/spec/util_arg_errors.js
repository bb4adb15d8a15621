'use strict';
// Argument errors of node:util: code, class and message.
const util = require('util');
const t = (label, f) => {
  try {
    const r = f();
    console.log(label, 'ok', typeof r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
t('deprecate code', () => util.deprecate(() => {}, 'm', 1));
t('deprecate code null', () => util.deprecate(() => {}, 'm', null));
t('promisify', () => util.promisify(1));
t('callbackify', () => util.callbackify(1));
t('callbackified last', () => util.callbackify(async () => {})(1));
t('inherits superCtor.prototype', () => util.inherits(function () {}, {}));
t('inherits ctor', () => util.inherits(null, function () {}));
t('inherits superCtor', () => util.inherits(function () {}, null));
t('styleText text', () => util.styleText('red', 1));
t('styleText stream', () => util.styleText('red', 'x', { stream: {} }));
t('styleText validateStream', () => util.styleText('red', 'x', { validateStream: 1 }));
t('getCallSites type', () => util.getCallSites('x'));
t('getCallSites integer', () => util.getCallSites(1.5));
t('getCallSites range', () => util.getCallSites(300));
t('getCallSites sourceMap', () => util.getCallSites({ sourceMap: 1 }));
t('defaultOptions', () => { util.inspect.defaultOptions = null; });
t('formatWithOptions', () => util.formatWithOptions(1, 'x'));
t('stripVTControlCharacters', () => util.stripVTControlCharacters(1));
t('getSystemErrorName type', () => util.getSystemErrorName('x'));
t('getSystemErrorName zero', () => util.getSystemErrorName(0));
t('getSystemErrorName positive', () => util.getSystemErrorName(1));
t('getSystemErrorMessage type', () => util.getSystemErrorMessage('x'));
t('getSystemErrorMessage zero', () => util.getSystemErrorMessage(0));
t('diff actual', () => util.diff(1, 'a'));
t('diff expected', () => util.diff('a', 1));
t('parseEnv', () => util.parseEnv(1));
t('convertProcessSignalToExitCode number', () => util.convertProcessSignalToExitCode(15));
t('MIMEType syntax', () => new util.MIMEType('text/pl ain'));
t('MIMEType no slash', () => new util.MIMEType('text'));
t('MIMEType empty subtype', () => new util.MIMEType('text/'));
t('MIMEType type setter', () => { new util.MIMEType('a/b').type = 'x y'; });
t('MIMEParams name', () => new util.MIMEType('a/b').params.set('a b', 'x'));
t('MIMEParams value', () => new util.MIMEType('a/b').params.set('ab', 'x\n'));
util.aborted({}, {}).catch((e) => console.log('aborted signal', e.name, e.code, e.message));
util.aborted(new AbortController().signal, 1).catch((e) => console.log('aborted resource', e.name, e.code, e.message));
