#!/usr/bin/env python3
"""`moat serve` against node 24 serving the same hello world: bench/serve/hello.mjs (a WinterTC
fetch handler, built with `moat build`, a fresh sandboxed instance per request, and again with
`--isolation=pool`, warm instances) against bench/http/hello.js run by node 24
(`http.createServer`). Prints:

  (a) time from process start to the first response;
  (b) wrk (2 threads, --connections connections, --seconds long): requests/s and p99;
  (c) the instance time of one request (instantiate, run the handler, discard), p50 and p99,
      from moat serve's access log, one connection at a time;
  (d) the server's peak RSS after the load; and for one server holding --apps apps (each its
      own hello world, `--app aN.test=aN.mjs`): the time to start them all, its RSS, the memory
      their snapshots take (in-memory files, shared memory), its peak RSS after one request to
      each, and after one request to each from as many connections at once.

    python3 bench/serve.py [--connections 64] [--seconds 5] [--apps 1000]
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


def shmem_kb():
    with open('/proc/meminfo') as f:
        for line in f:
            if line.startswith('Shmem:'):
                return int(line.split()[1])
    return 0


def status_kb(pid, field):
    with open(f'/proc/{pid}/status') as f:
        for line in f:
            if line.startswith(field + ':'):
                return int(line.split()[1])
    return 0


def get(port, host, sock=None):
    """One GET / with this Host over `sock` (kept alive) or a new connection; returns the body."""
    s = sock or socket.create_connection(('127.0.0.1', port), timeout=120)
    s.sendall(f'GET / HTTP/1.1\r\nhost: {host}\r\n\r\n'.encode())
    data = b''
    while b'\r\n\r\n' not in data:
        chunk = s.recv(4096)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b'\r\n\r\n')
    length = int(re.search(rb'content-length: (\d+)', head, re.I).group(1))
    while len(body) < length:
        body += s.recv(4096)
    if sock is None:
        s.close()
    return body


def many_apps(n):
    """(d) for n apps in one server: returns a dict of figures."""
    tmp = tempfile.mkdtemp()
    args = [MOAT, 'serve', '-q']
    for i in range(n):
        with open(os.path.join(tmp, f'a{i}.mjs'), 'w') as f:
            f.write(f"export default {{ fetch() {{ return new Response('app {i}\\n'); }} }};\n")
        args += ['--app', f'a{i}.test=a{i}.mjs']
    port = free_port()
    shmem_before = shmem_kb()
    start = time.perf_counter()
    proc = subprocess.Popen(args + ['--port', str(port)], cwd=tmp, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    proc.stderr.readline()  # the server says where it listens once every app has started
    started = time.perf_counter() - start
    out = {'apps': n, 'start s': started}
    try:
        out['RSS MB'] = status_kb(proc.pid, 'VmRSS') / 1024
        out['snapshots MB'] = (shmem_kb() - shmem_before) / 1024
        with socket.create_connection(('127.0.0.1', port), timeout=120) as s:
            for i in range(n):
                assert get(port, f'a{i}.test', s) == f'app {i}\n'.encode()
        out['peak RSS after one request each MB'] = status_kb(proc.pid, 'VmHWM') / 1024
        out['anonymous RSS after one request each MB'] = status_kb(proc.pid, 'RssAnon') / 1024
        socks = [socket.create_connection(('127.0.0.1', port), timeout=120) for _ in range(n)]
        for i, s in enumerate(socks):
            s.sendall(f'GET / HTTP/1.1\r\nhost: a{i}.test\r\n\r\n'.encode())
        for s in socks:
            s.recv(4096)
            s.close()
        out[f'peak RSS with {n} requests in flight MB'] = status_kb(proc.pid, 'VmHWM') / 1024
    finally:
        stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return out


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
    ap.add_argument('--apps', type=int, default=1000)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp()
    wasm = os.path.join(tmp, 'hello.wasm')
    subprocess.run([MOAT, 'build', '-q', os.path.join(HERE, 'serve', 'hello.mjs'), '-o', wasm], check=True)

    results = {}
    for name in ['node', 'moat serve', 'moat pool']:
        if name == 'node':
            proc, port, started, log = first_response([NODE, os.path.join(HERE, 'http', 'hello.js')])
        else:
            port = free_port()
            pool = ['--isolation=pool'] if name == 'moat pool' else []
            proc, port, started, log = first_response([MOAT, 'serve', wasm, '--port', str(port)] + pool, port)
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
            rss = status_kb(proc.pid, 'VmHWM')
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
    pool = results['moat pool']
    print(f'with --isolation=pool (warm instances, not a fresh one per request): req/s {pool[1] / node[1]:.3f}x, '
          f'p99 {pool[2] / node[2]:.1f}x')
    if moat[4]:
        print(f'instance per request (instantiate + handler + discard): p50 {moat[4][0]:.0f} us, '
              f'p99 {moat[4][1]:.0f} us')
    if pool[4]:
        print(f'request in a warm instance (--isolation=pool): p50 {pool[4][0]:.0f} us, p99 {pool[4][1]:.0f} us')
    shutil.rmtree(tmp, ignore_errors=True)
    if args.apps > 0:
        d = many_apps(args.apps)
        print(f'{d["apps"]} apps in one server: all started in {d["start s"]:.1f} s; RSS {d["RSS MB"]:.0f} MB, '
              f'snapshots {d["snapshots MB"]:.0f} MB in shared memory ({d["snapshots MB"] / d["apps"]:.1f} MB an app)')
        print('  (RSS counts the snapshot pages the server has mapped; the anonymous part is its own)')
        for k, v in d.items():
            if k.startswith('peak') or k.startswith('anonymous'):
                print(f'  {k[:-3]}: {v:.0f} MB')


if __name__ == '__main__':
    main()
