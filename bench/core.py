#!/usr/bin/env python3
"""Core modules' work, moat against Node 24: Buffer encodings, hashing, EventEmitter,
AsyncLocalStorage and util.inspect (the scripts in core/).

Usage: core.py [--moat PATH] [--node PATH] [--runs N] [--only NAME[,NAME]]

Each script times its workload inside the process, after one warm-up run, and prints the
milliseconds; start-up stays out of the figure. Runs alternate node, moat and `moat --safe`
(the machine's speed drifts), and the median of each is compared.
"""
import argparse
import os
import statistics
import subprocess
import sys

from bench import default_moat


def run(cmd, cwd):
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        errors = [l for l in lines if "Error" in l]
        return None, (errors or lines or ["exit %d" % proc.returncode])[0]
    return float(proc.stdout.split()[-1]), None


# Scripts in the suites' folders that are shared helpers, not workloads.
HELPERS = ("timer.js", "tmpdir.js", "data.js")


def compare(suite, description, safe_flags=(), runs=5):
    """Runs every workload script of the folder `suite` (beside this file) under node, moat and
    `moat --safe` (with `safe_flags`, plus reading this folder: the scripts share
    core/timer.js), and prints the medians and their ratios."""
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--moat", help="default: where scripts/build.sh leaves it")
    ap.add_argument("--node", default=os.environ.get("NODE24", "node"))
    ap.add_argument("--runs", type=int, default=runs)
    ap.add_argument("--only", help="comma-separated workload names (the scripts' base names)")
    ap.add_argument("--no-safe", action="store_true", help="leave out moat --safe")
    a = ap.parse_args()
    a.moat = a.moat or default_moat(here)
    if not os.path.exists(a.moat):
        sys.exit(f"no moat at {a.moat}: build it with scripts/build.sh, or name it with --moat")
    version = subprocess.run([a.node, "--version"], capture_output=True, text=True).stdout.strip()
    if not version.startswith("v24."):
        sys.exit(f"{a.node} is {version}, not Node 24: see bench/README.md")
    folder = os.path.join(here, suite)
    names = sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".js") and f not in HELPERS)
    if a.only:
        names = [n for n in names if n in a.only.split(",")]
    print(f"node {version}; moat {a.moat}; median of {a.runs} runs, in-process time after a warm-up run\n")
    print(f"{'workload':22} {'node ms':>9} {'moat ms':>9} {'safe ms':>9} {'moat/node':>10} {'safe/node':>10} {'safe/moat':>10}")
    for name in names:
        script = os.path.join(folder, name + ".js")
        cmds = [[a.node, script], [a.moat, script]]
        if not a.no_safe:
            cmds.append([a.moat, "--safe", f"--allow-fs-read={here}", *safe_flags, script])
        times = [[] for _ in cmds]
        errors = [None] * len(cmds)
        for _ in range(a.runs):
            for i, cmd in enumerate(cmds):
                if errors[i] is None:
                    t, err = run(cmd, folder)
                    if err is None:
                        times[i].append(t)
                    else:
                        errors[i] = err
        med = [statistics.median(t) if e is None else None for t, e in zip(times, errors)]
        med += [None] * (3 - len(med))

        def fmt(v, width=9, digits=1):
            return f"{v:{width}.{digits}f}" if v is not None else f"{'-':>{width}}"

        def ratio(x, y):
            return fmt(x / y if x is not None and y else None, 10, 3)
        print(f"{name:22} {fmt(med[0])} {fmt(med[1])} {fmt(med[2])} {ratio(med[1], med[0])} {ratio(med[2], med[0])} {ratio(med[2], med[1])}")
        for cmd, err in zip(cmds, errors):
            if err is not None:
                print(f"    {' '.join(os.path.basename(c) for c in cmd[:-1])}: {err}")


def main():
    compare("core", __doc__)


if __name__ == "__main__":
    main()
