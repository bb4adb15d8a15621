#!/usr/bin/env python3
"""node:zlib's work, moat against Node 24: gzip and gunzip of 64 MB of text, synchronously
(zlib.gzipSync / gunzipSync) and through streams (createGzip / createGunzip fed 64 KB chunks).
The scripts are in zlib/.

Usage: zlib.py [--moat PATH] [--node PATH] [--runs N] [--only NAME[,NAME]] [--no-safe]

As in core.py, each script times its workload inside the process after one warm-up run and
prints the milliseconds; runs alternate the runtimes and the medians are compared.
"""
from core import compare

if __name__ == "__main__":
    compare("zlib", __doc__, runs=3)
