#!/usr/bin/env python3
"""bench/ab.py OLD NEW [--work DIR] [--rounds R]

Two builds of unres side by side on the workload bench/workload.py made in DIR (default
build/bench-work: its files/ and big.txt), interleaved round by round so that a machine that
slows down or speeds up during the run weighs on both alike: `check -j 1`, `convert DIR --to akn`
(-j 1 and -j 2) and `--to json -j 1` on the files, and `check` and `convert --to akn|json` on the
big document with their peak RSS.  Prints, for each build, the best wall time of R rounds (default
3) with its rate, the best CPU time and the highest peak RSS.  Asserts nothing.
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd):
    """(wall seconds, CPU seconds, peak RSS in MB) of one child process."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench-work"))
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    files, big = os.path.join(a.work, "files"), os.path.join(a.work, "big.txt")
    if not os.path.isdir(files) or not os.path.isfile(big):
        raise SystemExit("bench/ab.py: no workload in %s: run bench/workload.py --work %s first" % (a.work, a.work))
    files_mb = sum(os.path.getsize(os.path.join(files, f)) for f in os.listdir(files)) / 1e6
    big_mb = os.path.getsize(big) / 1e6
    out = tempfile.mkdtemp(prefix="unres-ab-")
    measures = [
        ("`check -j 1`", files_mb, lambda u, o: [u, "check", "-q", "-j", "1", files]),
        ("`convert DIR --to akn -j 1`", files_mb, lambda u, o: [u, "convert", files, "--to", "akn", "-o", o, "-j", "1", "-q"]),
        ("`convert DIR --to akn -j 2`", files_mb, lambda u, o: [u, "convert", files, "--to", "akn", "-o", o, "-j", "2", "-q"]),
        ("`convert DIR --to json -j 1`", files_mb, lambda u, o: [u, "convert", files, "--to", "json", "-o", o, "-j", "1", "-q"]),
        ("`check` on big.txt", big_mb, lambda u, o: [u, "check", "-q", big]),
        ("`convert --to akn` on big.txt", big_mb, lambda u, o: [u, "convert", big, "--to", "akn", "-o", o + ".xml"]),
        ("`convert --to json` on big.txt", big_mb, lambda u, o: [u, "convert", big, "--to", "json", "-o", o + ".json"]),
    ]
    results = {}
    k = 0
    try:
        for _ in range(a.rounds):
            for name, exe in (("old", a.old), ("new", a.new)):
                for label, _mb, cmd in measures:
                    k += 1  # a fresh output directory for each run (see workload.py on ext4)
                    results.setdefault((label, name), []).append(run(cmd(exe, os.path.join(out, str(k)))))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print("| measure | old: %s | new: %s |" % (a.old, a.new))
    print("|---|---|---|")
    for label, mb, _ in measures:
        cells = []
        for name in ("old", "new"):
            r = results[(label, name)]
            wall, cpu, rss = min(x[0] for x in r), min(x[1] for x in r), max(x[2] for x in r)
            cells.append("%.2f s (%.1f MB/s), CPU %.2f s, peak %.0f MB" % (wall, mb / wall, cpu, rss))
        print("| %s | %s | %s |" % (label, cells[0], cells[1]))


if __name__ == "__main__":
    main()
