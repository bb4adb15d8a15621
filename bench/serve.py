#!/usr/bin/env python3
"""`moat serve` against node 24 serving the same hello world: bench/serve/hello.mjs (a WinterTC
fetch handler, built with `moat build`, a fresh sandboxed instance per request) against
bench/http/hello.js run by node 24 (`http.createServer`). Prints:

  (a) time from process start to the first response;
  (b) wrk (2 threads, --connections connections, --seconds long): requests/s and p99;
  (c) the instance time of one request (instantiate, run the handler, discard), p50 and p99,
      from moat serve's access log, one connection at a time;
  (d) the server's peak RSS after the load.

    python3 bench/serve.py [--connections 64] [--seconds 5]
"""
import argparse
import importlib.util
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# wrk as bench/http.py runs it (loaded by path: `http` is also the standard library's name).
_spec = importlib.util.spec_from_file_location('bench_http', os.path.join(HERE, 'http.py'))
_http = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_http)
wrk_once = _http.wrk_once

MOAT = os.environ.get('MOAT', '/root/.cache/moat/target/x86_64-unknown-linux-musl/release/moat')
NODE = os.environ.get('NODE24', shutil.which('node24') or 'node24')


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def first_response(cmd, port=None):
    """Starts `cmd` and polls until GET / answers. A server given no port prints the one it
    took on its first line. Returns (process, port, seconds to the first response, log lines)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if port is None:
        port = int(proc.stdout.readline())
    log = []
    # The access log is read as it comes, so that a full pipe never stalls the server.
    threading.Thread(target=lambda: log.extend(l.decode(errors='replace') for l in proc.stderr),
                     daemon=True).start()
    while True:
        try:
            with socket.create_connection(('127.0.0.1', port), timeout=1) as s:
                s.sendall(b'GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n')
                if s.recv(12).startswith(b'HTTP/1.1 200'):
                    return proc, port, time.perf_counter() - start, log
        except OSError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f'{cmd} ended: {"".join(log)}')
        time.sleep(0.0005)


def peak_rss_kb(pid):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return 0


def stop(proc):
    proc.send_signal(2)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--connections', type=int, default=64)
    ap.add_argument('--seconds', type=int, default=5)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    wasm = os.path.join(tmp, 'hello.wasm')
    subprocess.run([MOAT, 'build', '-q', os.path.join(HERE, 'serve', 'hello.mjs'), '-o', wasm], check=True)

    results = {}
    for name in ['node', 'moat serve']:
        if name == 'node':
            proc, port, started, log = first_response([NODE, os.path.join(HERE, 'http', 'hello.js')])
        else:
            port = free_port()
            proc, port, started, log = first_response([MOAT, 'serve', wasm, '--port', str(port)], port)
        instance = None
        try:
            wrk_once(port, args.connections, 1, False)
            rps, p99 = wrk_once(port, args.connections, args.seconds, False)
            if name != 'node':
                # One connection: the access log's instance times, request by request.
                seen = len(log)
                subprocess.run(['wrk', '-t1', '-c1', '-d2s', f'http://127.0.0.1:{port}/'],
                               check=True, capture_output=True, timeout=60)
                times = [int(m) for line in log[seen:] for m in re.findall(r'instance (\d+)us', line)]
                if times:
                    times.sort()
                    instance = (statistics.median(times), times[int(len(times) * 0.99) - 1])
            rss = peak_rss_kb(proc.pid)
        finally:
            stop(proc)
        results[name] = (started, rps, p99, rss, instance)

    node = results['node']
    print(f'{"":12} {"first response":>15} {"req/s":>10} {"p99 ms":>8} {"peak RSS":>10}')
    for name, (started, rps, p99, rss, _) in results.items():
        print(f'{name:12} {started * 1000:12.1f} ms {rps:10.0f} {p99:8.2f} {rss / 1024:7.1f} MB')
    moat = results['moat serve']
    print(f'ratios moat/node: first response {moat[0] / node[0]:.2f}x, req/s {moat[1] / node[1]:.3f}x, '
          f'p99 {moat[2] / node[2]:.1f}x')
    if moat[4]:
        print(f'instance per request (instantiate + handler + discard): p50 {moat[4][0]:.0f} us, '
              f'p99 {moat[4][1]:.0f} us')
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
