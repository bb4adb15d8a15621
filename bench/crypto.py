#!/usr/bin/env python3
"""node:crypto's work, moat against Node 24 (the scripts in crypto/): AES-256-GCM encryption and
decryption of 256 MB and sha256 of 256 MB, fed 64 KB chunks; RSA-2048 (RS256), ECDSA P-256
(ES256) and Ed25519 signing and verification, and X25519 key agreement (crypto.diffieHellman),
each a fixed number of one-shot calls with keys generated before timing.

Usage: crypto.py [--moat PATH] [--node PATH] [--runs N] [--only NAME[,NAME]] [--no-safe]

As in core.py, each script times its workload inside the process after a warm-up (here a
sixteenth of the work) and prints the milliseconds; runs alternate the runtimes and the medians
are compared. Every workload checks its result (tags and digest against node's, signatures
verified, both sides of the key agreement equal). A copy of the moat binary, taken at the
start, is what runs, so that a build replacing it meanwhile does not mix two builds in one
table. After the table of times comes one of rates: MB/s for the 256 MB workloads, operations
per second for the others.
"""
import argparse
import contextlib
import datetime
import os
import re
import shutil
import sys
import tempfile

from bench import default_moat
from core import compare

HERE = os.path.dirname(os.path.abspath(__file__))
SUITE = os.path.join(HERE, "crypto")


class Tee:
    """Passes what is written on to `out` and keeps a copy."""

    def __init__(self, out):
        self.out = out
        self.kept = []

    def write(self, text):
        self.kept.append(text)
        return self.out.write(text)

    def flush(self):
        self.out.flush()


def work(name):
    """The unit and amount of a workload's timed run, read from its script: ("ops", OPS) for the
    signature and agreement workloads, ("MB", size) for those that feed data.js's chunks."""
    with open(os.path.join(SUITE, name + ".js")) as f:
        script = f.read()
    ops = re.search(r"^const OPS = (\d+);", script, re.M)
    if ops:
        return "ops", int(ops.group(1))
    with open(os.path.join(SUITE, "data.js")) as f:
        chunks = int(re.search(r"^const CHUNKS = (\d+);", f.read(), re.M).group(1))
    return "MB", chunks * 64 / 1024


def rates(table):
    """Prints, for each row of compare()'s table, the workload's rate under each runtime; FAILED
    where compare() reported an error under the row (the first line of it is printed there)."""
    rows = []
    for line in table.splitlines():
        cells = line.split()
        if len(cells) == 7 and os.path.exists(os.path.join(SUITE, cells[0] + ".js")):
            rows.append([cells[0], cells[1:4], [False] * 3])
        elif rows and line.startswith("    "):
            # compare() names the command before the error: node's, "moat", "moat --safe ...".
            who = line.split(":", 1)[0].split()
            failed = rows[-1][2]
            failed[2 if "--safe" in who else 1 if who[0] == "moat" else 0] = True
    print(f"\n{'workload':22} {'unit':>6} {'node':>10} {'moat':>10} {'safe':>10}")
    for name, times, failed in rows:
        unit, amount = work(name)
        shown = []
        for ms, bad in zip(times, failed):
            if ms != "-":
                shown.append(f"{amount / (float(ms) / 1000):10.0f}")
            else:
                shown.append(f"{'FAILED' if bad else '-':>10}")
        print(f"{name:22} {unit + '/s':>6} {' '.join(shown)}")


def main():
    ap = argparse.ArgumentParser(add_help=False)
    ap.add_argument("--moat")
    a, _ = ap.parse_known_args()
    moat = a.moat or default_moat(HERE)
    args = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="moat-crypto-") as tmp:
        if os.path.exists(moat) and "-h" not in args and "--help" not in args:
            built = datetime.datetime.fromtimestamp(os.path.getmtime(moat), datetime.timezone.utc)
            print(f"moat {moat}, as built {built:%Y-%m-%d %H:%M} UTC, run from a copy:")
            copy = os.path.join(tmp, "moat")
            shutil.copy2(moat, copy)
            # compare() reads the command line; the copy replaces any --moat given.
            rest, skip = [], False
            for arg in args:
                if skip:
                    skip = False
                elif arg == "--moat":
                    skip = True
                elif not arg.startswith("--moat="):
                    rest.append(arg)
            sys.argv[1:] = ["--moat", copy, *rest]
        tee = Tee(sys.stdout)
        with contextlib.redirect_stdout(tee):
            compare("crypto", __doc__, runs=3)
        rates("".join(tee.kept))


if __name__ == "__main__":
    main()
