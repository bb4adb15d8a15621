#!/usr/bin/env python3
"""HTTP hello-world throughput: node 24, moat and `moat --safe` each serve bench/http/hello.js
while bench/http/load.js (run by node 24) sends keep-alive GETs over many connections. Prints
requests/s, p99 latency and the ratios to node. Rounds alternate the three servers so that the
machine's drift reaches them alike.

    python3 bench/http.py [--requests 10000] [--connections 50] [--rounds 3]
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


def run_one(server_cmd, requests, connections):
    srv = subprocess.Popen(server_cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = srv.stdout.readline().strip()
        if not line.isdigit():
            err = srv.stderr.read() if srv.poll() is not None else ''
            raise RuntimeError(f'server did not start: {line!r} {err}')
        port = line
        # A short warm-up, then the measured run.
        subprocess.run([NODE, os.path.join(HERE, 'http', 'load.js'), port, '1000', str(connections)],
                       check=True, capture_output=True, timeout=120)
        out = subprocess.run([NODE, os.path.join(HERE, 'http', 'load.js'), port, str(requests), str(connections)],
                             check=True, capture_output=True, text=True, timeout=300).stdout.split()
        return float(out[0]), float(out[1])
    finally:
        srv.kill()
        srv.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--requests', type=int, default=10000)
    ap.add_argument('--connections', type=int, default=50)
    ap.add_argument('--rounds', type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(MOAT):
        sys.exit(f'moat not found at {MOAT}: build it first (/work/tools/mbuild or scripts/build.sh)')
    hello = os.path.join(HERE, 'http', 'hello.js')
    servers = {
        'node': [NODE, hello],
        'moat': [MOAT, hello],
        'moat --safe': [MOAT, '--safe', '--allow-net', hello],
    }
    results = {name: [] for name in servers}
    for _ in range(args.rounds):
        for name, cmd in servers.items():
            try:
                results[name].append(run_one(cmd, args.requests, args.connections))
            except Exception as e:  # noqa: BLE001 - reported, the others still run
                print(f'{name}: {e}', file=sys.stderr)
            time.sleep(0.2)
    print(f'hello-world, {args.requests} keep-alive requests over {args.connections} connections '
          f'(best of {args.rounds}):')
    best = {n: max(r, key=lambda x: x[0]) for n, r in results.items() if r}
    base = best.get('node')
    for name, (rps, p99) in best.items():
        ratio = f'{rps / base[0]:.2f}x node' if base else ''
        print(f'  {name:12} {rps:9.0f} req/s   p99 {p99:6.2f} ms   {ratio}')


if __name__ == '__main__':
    main()
