// --max-http-header-size sets http's default limit (read as node reads the number), and
// --insecure-http-parser makes servers and requests that do not choose accept what the
// specification forbids, with a warning at first use; an explicit option wins over the flag.
const { spawnSync } = require('child_process');

function run(flags, code) {
  const r = spawnSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8' });
  const warning = r.stderr.split('\n').find((l) => l.includes('Warning')) ?? '';
  return `${r.status} ${r.stdout.trim()} ${warning.replace(/^\(node:\d+\) /, '')}`.trim();
}

const size = "console.log(require('http').maxHeaderSize)";
for (const flags of [[], ['--max-http-header-size=100'], ['--max-http-header-size', '200'], ['--max-http-header-size=-5'], ['--max-http-header-size=abc']]) {
  console.log(JSON.stringify(flags), run(flags, size));
}

// A request whose header value holds a control character, to a server on loopback.
const serve = (option) => `
const http = require('http'), net = require('net');
const s = http.createServer(${option}, (req, res) => res.end('ok ' + JSON.stringify(req.headers.foo)));
s.listen(0, '127.0.0.1', () => {
  const c = net.connect(s.address().port, '127.0.0.1', () => c.write('GET / HTTP/1.1\\r\\nHost: x\\r\\nFoo: a\\x01b\\r\\nConnection: close\\r\\n\\r\\n'));
  let d = ''; c.on('data', (x) => d += x);
  c.on('end', () => { console.log(d.split('\\r\\n')[0], d.split('\\r\\n\\r\\n')[1]); s.close(); });
});`;
console.log('strict', run([], serve('{}')));
console.log('flag', run(['--insecure-http-parser'], serve('{}')));
console.log('flag, option false', run(['--insecure-http-parser'], serve('{ insecureHTTPParser: false }')));
console.log('option true', run([], serve('{ insecureHTTPParser: true }')));
