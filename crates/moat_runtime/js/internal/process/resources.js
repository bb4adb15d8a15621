'use strict';
// process.resourceUsage(): getrusage(2)'s fields under Node's names (times in microseconds,
// maxRSS in KiB).

const fields = [
  'userCPUTime', 'systemCPUTime', 'maxRSS', 'sharedMemorySize', 'unsharedDataSize', 'unsharedStackSize',
  'minorPageFault', 'majorPageFault', 'swappedOut', 'fsRead', 'fsWrite', 'ipcSent', 'ipcReceived',
  'signalsCount', 'voluntaryContextSwitches', 'involuntaryContextSwitches',
];

function resourceUsage(b) {
  const values = b.resourceUsage();
  const out = {};
  for (let i = 0; i < fields.length; i++) out[fields[i]] = values[i];
  return out;
}

module.exports = { resourceUsage };
