#!/usr/bin/env python3
"""Compares moat with Node 24 on the same workloads in one run and prints moat/node ratios.

Usage: bench.py [--moat PATH] [--node PATH] [--runs N] [--rounds R]

Workloads: an empty script, console.log('hello'), requiring a 200-file CommonJS tree, and a
compute mix (recursion, JSON, strings). For each: median wall time over N runs, taken in R
rounds that alternate node, moat and `moat --safe`, and peak RSS (GNU time's maximum resident
set size), natively and under `moat --safe`.
"""
import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


# Peak RSS comes from GNU time: a child of this Python process would report Python's own
# high-water mark, which Linux carries across exec.
GNU_TIME = "/usr/bin/time"


def wall_times(cmd, cwd, runs):
    """Wall times of `runs` runs of `cmd`, in ms. hyperfine spawns them when it is installed:
    a Python parent adds 0.2-0.4 ms of its own to each run, which is noise for node and a fifth
    of a fast starter's time."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            proc = subprocess.run(
                ["hyperfine", "-N", "--style", "none", "--warmup", "3", "--runs", str(runs),
                 "--export-json", out.name, shlex.join(cmd)],
                cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if proc.returncode != 0:
                sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr.decode(errors='replace')}")
            return [t * 1000 for t in json.load(open(out.name))["results"][0]["times"]]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr.decode(errors='replace')}")
        times.append(elapsed * 1000)
    return times


def peak_rss(cmd, cwd):
    """Peak RSS of `cmd` in MB, the largest of three runs through GNU time (kept out of the
    timing: its own fork and exec would count against the fast starter)."""
    rss = []
    for _ in range(3):
        proc = subprocess.run([GNU_TIME, "-f", "%M", *cmd], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.decode(errors="replace").strip().splitlines()
        if proc.returncode != 0 or not err:
            sys.exit(f"{' '.join(cmd)} failed:\n{chr(10).join(err)}")
        rss.append(int(err[-1]) / 1024)
    return max(rss)


def measure(cmds, cwd, runs, rounds):
    """Median wall time and peak RSS of each of `cmds`. The runs of each command are split into
    `rounds` batches, taken in turn with the other commands' batches: the machine's speed
    drifts (by up to 30% within minutes in a VM), and a ratio of two medians taken minutes
    apart would carry that drift."""
    times = [[] for _ in cmds]
    # `runs` in all: the first `runs % rounds` batches take one run more.
    batches = [runs // rounds + (r < runs % rounds) for r in range(rounds)]
    for batch in filter(None, batches):
        for i, cmd in enumerate(cmds):
            times[i] += wall_times(cmd, cwd, batch)
    return [(statistics.median(t), peak_rss(cmd, cwd)) for t, cmd in zip(times, cmds)]


def make_workloads(root):
    w = {}
    def script(name, text):
        p = os.path.join(root, name)
        with open(p, "w") as f:
            f.write(text)
        return p
    w["empty script"] = script("empty.js", "")
    w["console.log hello"] = script("hello.js", "console.log('hello');\n")
    tree = os.path.join(root, "tree")
    os.makedirs(tree)
    for i in range(200):
        nxt = f"require('./m{i + 1}.js');" if i < 199 else ""
        with open(os.path.join(tree, f"m{i}.js"), "w") as f:
            f.write(f"{nxt}\nexports.v{i} = {i};\nmodule.exports.sum = (x) => x + {i};\n")
    w["require 200 files"] = script("tree.js", "require('./tree/m0.js');\n")
    w["compute mix"] = script("compute.js", """
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let acc = fib(24);
const data = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: 'item' + i, tags: ['a', 'b', String(i)] }));
for (let i = 0; i < 10; i++) acc += JSON.parse(JSON.stringify(data)).length;
let s = '';
for (let i = 0; i < 20000; i++) s += String.fromCharCode(97 + (i % 26));
acc += s.split('a').join('-').toUpperCase().length;
if (acc === 0) console.log(acc);
""")
    return w


def default_moat(here):
    """Where scripts/build.sh leaves moat: the last line it prints names the binary, and
    scripts/native.sh says where: <target dir>/<triple>/release/moat."""
    script = f'source {shlex.quote(os.path.join(here, "..", "scripts", "native.sh"))}; echo "$native_dir"'
    native_dir = subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout.strip()
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(here, "..", "target")
    return os.path.join(target, native_dir, "moat")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--moat", help="default: where scripts/build.sh leaves it")
    ap.add_argument("--node", default=os.environ.get("NODE24", "node"))
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--rounds", type=int, default=3,
                    help="batches each command's runs are split into, taken in turn")
    a = ap.parse_args()
    a.moat = a.moat or default_moat(here)
    if not os.path.exists(GNU_TIME):
        sys.exit("GNU time is needed for peak RSS: apt-get install time")
    version = subprocess.run([a.node, "--version"], capture_output=True, text=True).stdout.strip()
    if not version.startswith("v24."):
        sys.exit(f"{a.node} is {version}, not Node 24: see bench/README.md")
    with tempfile.TemporaryDirectory() as root:
        workloads = make_workloads(root)
        print(f"node {version}; moat {a.moat}; median of {a.runs} runs in {a.rounds} rounds; RSS = peak resident set\n")
        print(f"{'workload':22} {'node ms':>9} {'moat ms':>9} {'safe ms':>9} {'moat/node':>10} {'safe/node':>10} {'safe/moat':>10} | {'node MB':>8} {'moat MB':>8} {'safe MB':>8} {'moat/node':>10} {'safe/node':>10}")
        for name, path in workloads.items():
            (n_t, n_m), (m_t, m_m), (s_t, s_m) = measure(
                [[a.node, path], [a.moat, path], [a.moat, "--safe", path]], root, a.runs, a.rounds)
            print(f"{name:22} {n_t:9.2f} {m_t:9.2f} {s_t:9.2f} {m_t / n_t:10.3f} {s_t / n_t:10.3f} {s_t / m_t:10.3f} | {n_m:8.1f} {m_m:8.1f} {s_m:8.1f} {m_m / n_m:10.3f} {s_m / n_m:10.3f}")


if __name__ == "__main__":
    main()
