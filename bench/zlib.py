#!/usr/bin/env python3
"""node:zlib's work, moat against Node 24: gzip and gunzip of 64 MB of text, synchronously
(zlib.gzipSync / gunzipSync) and through streams (createGzip / createGunzip fed 64 KB chunks).
The scripts are in zlib/.

Usage: zlib.py [--moat PATH] [--node PATH] [--runs N] [--only NAME[,NAME]] [--no-safe]

As in core.py, each script times its workload inside the process after one warm-up run and
prints the milliseconds; runs alternate the runtimes and the medians are compared.
"""
import argparse
import os
import statistics
import subprocess
import sys

from bench import default_moat
from core import run


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--moat", help="default: where scripts/build.sh leaves it")
    ap.add_argument("--node", default=os.environ.get("NODE24", "node"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", help="comma-separated workload names (the scripts' base names)")
    ap.add_argument("--no-safe", action="store_true", help="leave out moat --safe")
    a = ap.parse_args()
    a.moat = a.moat or default_moat(here)
    if not os.path.exists(a.moat):
        sys.exit(f"no moat at {a.moat}: build it with scripts/build.sh, or name it with --moat")
    version = subprocess.run([a.node, "--version"], capture_output=True, text=True).stdout.strip()
    if not version.startswith("v24."):
        sys.exit(f"{a.node} is {version}, not Node 24: see bench/README.md")
    folder = os.path.join(here, "zlib")
    names = sorted(f[:-3] for f in os.listdir(folder) if f.endswith(".js") and f != "data.js")
    if a.only:
        names = [n for n in names if n in a.only.split(",")]
    labels = ["node", "moat"] + ([] if a.no_safe else ["safe"])
    print(f"node {version}; moat {a.moat}; median of {a.runs} runs, in-process time after a warm-up run\n")
    head = "".join(f"{l + ' ms':>10}" for l in labels) + "".join(f"{l + '/node':>11}" for l in labels[1:])
    print(f"{'workload':16}{head}")
    for name in names:
        script = os.path.join(folder, name + ".js")
        cmds = [[a.node, script], [a.moat, script]]
        if not a.no_safe:
            # The scripts share ../core/timer.js, outside the app's own folder.
            cmds.append([a.moat, "--safe", f"--allow-fs-read={here}", script])
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

        def fmt(v, width=10, digits=1):
            return f"{v:{width}.{digits}f}" if v is not None else f"{'fails':>{width}}"

        ratios = "".join(fmt(m / med[0] if m is not None and med[0] else None, 11, 3) for m in med[1:])
        print(f"{name:16}{''.join(fmt(m) for m in med)}{ratios}")
        for cmd, err in zip(cmds, errors):
            if err is not None:
                print(f"    {' '.join(os.path.basename(c) for c in cmd[:-1])}: {err}")


if __name__ == "__main__":
    main()
