#!/usr/bin/env python3
"""TLS: HTTPS hello-world throughput and bulk transfer through local sockets, for node 24, moat
and `moat --safe`, with the ratios to node.

- HTTPS: tls/hello.js (https.createServer with the test certificates) is driven by http/load.js
  run by node 24 over keep-alive TLS connections; requests/s and p99.
- Bulk: tls/bulk.js sends MEGABYTES through a local TCP socket and through TLS, server and
  client in the same runtime process; MiB/s.

    python3 bench/tls.py [--requests 5000] [--connections 50] [--megabytes 256] [--rounds 3]
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MOAT = os.environ.get('MOAT', '/root/.cache/moat/target/x86_64-unknown-linux-musl/release/moat')
NODE = os.environ.get('NODE24', shutil.which('node24') or 'node24')
ROOT = os.path.dirname(HERE)


def runtimes():
    return {
        'node': [NODE],
        'moat': [MOAT],
        'moat --safe': [MOAT, '--safe', '--allow-net', f'--allow-fs-read={ROOT}'],
    }


def https_once(cmd, requests, connections):
    srv = subprocess.Popen(cmd + [os.path.join(HERE, 'tls', 'hello.js')],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = srv.stdout.readline().strip()
        if not port.isdigit():
            raise RuntimeError(f'server did not start: {port!r}')
        load = [NODE, os.path.join(HERE, 'http', 'load.js'), port]
        subprocess.run(load + ['500', str(connections), 'tls'], check=True, capture_output=True, timeout=300)
        out = subprocess.run(load + [str(requests), str(connections), 'tls'], check=True,
                             capture_output=True, text=True, timeout=600).stdout.split()
        return float(out[0]), float(out[1])
    finally:
        srv.kill()
        srv.wait()


def bulk_once(cmd, kind, megabytes):
    out = subprocess.run(cmd + [os.path.join(HERE, 'tls', 'bulk.js'), kind, str(megabytes)],
                         check=True, capture_output=True, text=True, timeout=900)
    return float(out.stdout.strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--requests', type=int, default=5000)
    ap.add_argument('--connections', type=int, default=50)
    ap.add_argument('--megabytes', type=int, default=256)
    ap.add_argument('--rounds', type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(MOAT):
        sys.exit(f'moat not found at {MOAT}: build it first (scripts/build.sh)')
    rts = runtimes()
    hello = {n: [] for n in rts}
    bulk = {(n, k): [] for n in rts for k in ('tcp', 'tls')}
    for _ in range(args.rounds):
        for name, cmd in rts.items():
            try:
                hello[name].append(https_once(cmd, args.requests, args.connections))
            except Exception as e:  # noqa: BLE001 - reported, the others still run
                print(f'https {name}: {e}', file=sys.stderr)
            for kind in ('tcp', 'tls'):
                try:
                    bulk[(name, kind)].append(bulk_once(cmd, kind, args.megabytes))
                except Exception as e:  # noqa: BLE001
                    print(f'bulk {kind} {name}: {e}', file=sys.stderr)
            time.sleep(0.2)
    print(f'HTTPS hello-world, {args.requests} keep-alive requests over {args.connections} TLS connections '
          f'(best of {args.rounds}):')
    best = {n: max(r, key=lambda x: x[0]) for n, r in hello.items() if r}
    base = best.get('node')
    for name, (rps, p99) in best.items():
        ratio = f'{rps / base[0]:.2f}x node' if base else ''
        print(f'  {name:12} {rps:9.0f} req/s   p99 {p99:7.2f} ms   {ratio}')
    for kind in ('tcp', 'tls'):
        print(f'{args.megabytes} MiB through a local {kind.upper()} socket (best of {args.rounds}):')
        base = max(bulk[('node', kind)], default=None)
        for name in rts:
            r = bulk[(name, kind)]
            if not r:
                continue
            ratio = f'{max(r) / base:.2f}x node' if base else ''
            print(f'  {name:12} {max(r):9.1f} MiB/s   {ratio}')


if __name__ == '__main__':
    main()
