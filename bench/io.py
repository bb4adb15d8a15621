#!/usr/bin/env python3
"""Files and streams, moat against Node 24: reading and writing a 256 MB file (readFile/writeFile
and streams), readdir of 10,000 entries, a Transform pipeline of 1M small chunks and pipeline()
of 1 GB through a PassThrough (the scripts in io/). Files go to a folder under /tmp, which
`--safe` is granted.

Usage: io.py [--moat PATH] [--node PATH] [--runs N] [--only NAME[,NAME]] [--no-safe]
"""
from core import compare

if __name__ == "__main__":
    compare("io", __doc__, ("--allow-fs-read=/tmp", "--allow-fs-write=/tmp", "--max-memory=2048"), runs=3)
