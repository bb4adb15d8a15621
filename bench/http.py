#!/usr/bin/env python3
"""HTTP hello-world throughput: node 24, moat and `moat --safe` each serve bench/http/hello.js
(or, with --https, bench/tls/hello.js) while a load generator sends keep-alive GETs over many
connections: bench/http/load.js run by node 24, or with --wrk the `wrk` tool (Debian's package;
2 threads, --connections connections, --seconds long). Prints requests/s, p99 latency, the
server's CPU time per request (user + system, all its threads, from /proc: steadier than
requests/s when the load generator shares the cores) and the ratios to node. Rounds alternate the
three servers so that the machine's drift reaches them alike.

    python3 bench/http.py [--requests 10000] [--connections 50] [--rounds 3]
    python3 bench/http.py --wrk [--https] [--connections 64] [--seconds 5]
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


def cpu_seconds(pid):
    """User + system CPU time a process (all its threads) has used so far."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def wrk_once(port, connections, seconds, https):
    """requests/s, p99 (ms) and the number of requests, as wrk measures them."""
    url = f'{"https" if https else "http"}://127.0.0.1:{port}/'
    out = subprocess.run(['wrk', '-t2', f'-c{connections}', f'-d{seconds}s', '--latency', url],
                         check=True, capture_output=True, text=True, timeout=seconds + 60).stdout
    rps = p99 = count = None
    for line in out.splitlines():
        parts = line.split()
        if line.startswith('Requests/sec:'):
            rps = float(parts[1])
        elif parts[:1] == ['99%']:
            v = parts[1]
            scale = 1e-3 if v.endswith('us') else 1000.0 if v.endswith('s') and not v.endswith('ms') else 1.0
            p99 = float(v.rstrip('mus')) * scale
        elif parts[1:3] == ['requests', 'in']:
            count = int(parts[0])
    if rps is None or p99 is None or not count:
        raise RuntimeError(f'could not read wrk output: {out!r}')
    return rps, p99, count


def run_one(server_cmd, requests, connections, wrk=None):
    srv = subprocess.Popen(server_cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = srv.stdout.readline().strip()
        if not line.isdigit():
            err = srv.stderr.read() if srv.poll() is not None else ''
            raise RuntimeError(f'server did not start: {line!r} {err}')
        port = line
        if wrk is not None:
            wrk_once(port, connections, 1, wrk['https'])
            cpu = cpu_seconds(srv.pid)
            rps, p99, count = wrk_once(port, connections, wrk['seconds'], wrk['https'])
            return rps, p99, (cpu_seconds(srv.pid) - cpu) / count * 1e6
        # A short warm-up, then the measured run.
        subprocess.run([NODE, os.path.join(HERE, 'http', 'load.js'), port, '1000', str(connections)],
                       check=True, capture_output=True, timeout=120)
        cpu = cpu_seconds(srv.pid)
        out = subprocess.run([NODE, os.path.join(HERE, 'http', 'load.js'), port, str(requests), str(connections)],
                             check=True, capture_output=True, text=True, timeout=300).stdout.split()
        return float(out[0]), float(out[1]), (cpu_seconds(srv.pid) - cpu) / requests * 1e6
    finally:
        srv.kill()
        srv.wait()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--requests', type=int, default=10000)
    ap.add_argument('--connections', type=int, default=50)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--wrk', action='store_true', help='drive the load with wrk instead of http/load.js')
    ap.add_argument('--https', action='store_true', help='with --wrk: serve bench/tls/hello.js over TLS')
    ap.add_argument('--seconds', type=int, default=5, help='with --wrk: how long each run lasts')
    args = ap.parse_args()
    if args.wrk and shutil.which('wrk') is None:
        sys.exit('wrk not found: apt-get install wrk')
    wrk = {'https': args.https, 'seconds': args.seconds} if args.wrk else None
    if not os.path.exists(MOAT):
        sys.exit(f'moat not found at {MOAT}: build it first (/work/tools/mbuild or scripts/build.sh)')
    hello = os.path.join(HERE, 'tls' if args.https else 'http', 'hello.js')
    root = os.path.dirname(HERE)
    servers = {
        'node': [NODE, hello],
        'moat': [MOAT, hello],
        'moat --safe': [MOAT, '--safe', '--allow-net', f'--allow-fs-read={root}', hello],
    }
    results = {name: [] for name in servers}
    for _ in range(args.rounds):
        for name, cmd in servers.items():
            try:
                results[name].append(run_one(cmd, args.requests, args.connections, wrk))
            except Exception as e:  # noqa: BLE001 - reported, the others still run
                print(f'{name}: {e}', file=sys.stderr)
            time.sleep(0.2)
    what = 'HTTPS' if args.https else 'HTTP'
    if wrk is not None:
        print(f'{what} hello-world, wrk -t2 -c{args.connections} -d{args.seconds}s (best of {args.rounds}):')
    else:
        print(f'{what} hello-world, {args.requests} keep-alive requests over {args.connections} connections '
              f'(best of {args.rounds}):')
    best = {n: max(r, key=lambda x: x[0]) for n, r in results.items() if r}
    cheapest = {n: min(x[2] for x in r) for n, r in results.items() if r}
    base = best.get('node')
    for name, (rps, p99, _) in best.items():
        cpu = cheapest[name]
        ratio = f'{rps / base[0]:.2f}x node' if base else ''
        cpu_ratio = f'{cpu / cheapest["node"]:.2f}x node' if base else ''
        print(f'  {name:12} {rps:9.0f} req/s ({ratio})   p99 {p99:6.2f} ms   '
              f'CPU {cpu:6.1f} us/request ({cpu_ratio})')


if __name__ == '__main__':
    main()
