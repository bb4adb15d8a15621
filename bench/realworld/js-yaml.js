// js-yaml dumps a configuration-like tree (services with nested settings, lists, multi-line
// strings, numbers, booleans, dates as strings) to YAML and loads it back.
'use strict';
const yaml = require('js-yaml');
const { bench, tools } = require('./lib/common');

const { int, pick, word, words } = tools(7);
const services = {};
for (let i = 0; i < 600; i++) {
  services[`${word()}-${i}`] = {
    image: `registry.example.com/${word()}/${word()}:${int(1, 9)}.${int(0, 20)}.${int(0, 99)}`,
    replicas: int(1, 12),
    enabled: pick([true, false]),
    ratio: int(0, 1000) / 1000,
    ports: Array.from({ length: int(1, 4) }, () => ({ container: int(1000, 9999), protocol: pick(['tcp', 'udp']) })),
    env: Object.fromEntries(Array.from({ length: int(2, 8) }, () => [word().toUpperCase(), words(int(1, 3))])),
    description: `${words(int(8, 20))}\n${words(int(8, 20))}\n`,
    labels: Array.from({ length: int(0, 5) }, () => `${word()}: "${words(2)}"`),
    created: `2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
  };
}
const config = { version: '3.9', services };

bench(() => {
  const text = yaml.dump(config, { lineWidth: 100 });
  const back = yaml.load(text);
  return text + JSON.stringify(back);
}, { reps: 10 });
