#!/usr/bin/env python3
"""bench/workload.py UNRES [--files N] [--big-mb M] [--work DIR] [--pdfs DIR]

Throughput of the whole `unres` command on a deterministic workload, against `grep -c` over the same
bytes (the floor: reading the bytes and finding the lines), in one run:

  workload   N resolution files (default 2,000) cycled from the project's real texts (tests/corpus,
             samples; plus ../shared/devset's texts when that folder is there), each under a new name;
             one big document of M MB (default 50) made of numbered operative paragraphs whose
             sentences come from those texts; PDFs: every *.pdf below --pdfs (default samples/ and
             tests/corpus/), if this unres reads PDF
  measures   MB/s of `grep -c` (floor), `check -j 1`, `check` (all cores), `convert DIR --to akn`
             and `--to json` in one process (-j 1 and all cores), PDF pages per second (-j 1),
             per-file process overhead (`unres --version`, and one `convert` process per file),
             peak RSS of `check` on the big document over its size, and the time of `check` and
             `convert --to akn` on N and 10N paragraphs (about 10x when no step is quadratic), and
             of `check` on the same paragraphs glued on one line
Prints a markdown table; asserts nothing.  `make bench` runs it on the release build.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sources():
    found = []
    for d in ("tests/corpus", "samples"):
        p = os.path.join(ROOT, d)
        for f in sorted(os.listdir(p)):
            if (f.endswith(".txt") or f.endswith(".md")) and f != "README.md":
                found.append(os.path.join(p, f))
    devset = os.path.join(ROOT, "..", "shared", "devset")
    if os.path.isdir(devset):
        for sym in sorted(os.listdir(devset)):
            for v in ("pdftotext.txt", "layout.txt", "draft.pdftotext.txt"):
                p = os.path.join(devset, sym, v)
                if os.path.exists(p):
                    found.append(p)
    return found


def make_workload(work, n_files, big_mb):
    files_dir = os.path.join(work, "files")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(files_dir)
    src = sources()
    total = 0
    for i in range(n_files):
        s = src[i % len(src)]
        dst = os.path.join(files_dir, "w%05d_%s" % (i, os.path.basename(s)))
        shutil.copyfile(s, dst)
        total += os.path.getsize(dst)
    big = os.path.join(work, "big.txt")
    write_big(big, src, limit=big_mb * 1024 * 1024)
    return files_dir, total, big


def write_big(path, src, limit=None, paragraphs=None, glued=False):
    """A document of numbered operative paragraphs made of the texts' sentences, in a fixed
    order: `limit` bytes of them, or `paragraphs` of them; `glued`: all on one line, as a
    converter that lost the line breaks leaves them."""
    sentences = []
    for s in src[:40]:
        text = open(s, encoding="utf-8", errors="replace").read()
        sentences += [x.strip() for x in re.split(r"(?<=[;.])\s+", " ".join(text.split())) if 40 < len(x) < 400]
    sentences = [re.sub(r"^\S*\d\S*\s*", "", x) for x in sentences]
    with open(path, "w", encoding="utf-8") as f:
        f.write("United Nations A/80/L.999\nGeneral Assembly Distr.: Limited\n1 December 2025\n\n"
                "Eightieth session\nAgenda item 1\n\nBenchmark: draft resolution\n\nA benchmark\n\n"
                "The General Assembly,\n\nRecalling its resolution 79/1,\n\n")
        k, size = 0, 0
        while (size < limit) if limit is not None else (k < paragraphs):
            line = "%d. Decides %s%s" % (k + 1, sentences[k % len(sentences)].rstrip(".;") + ";", " " if glued else "\n\n")
            f.write(line)
            size += len(line.encode("utf-8"))
            k += 1
        f.write("%d. Decides to remain seized of the matter.\n" % (k + 1))


def timed(cmd, repeat=1):
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        if p.returncode not in (0, 1):
            raise SystemExit("bench: %s exited %d" % (" ".join(cmd), p.returncode))
        best = dt if best is None else min(best, dt)
    return best


def peak_rss_kb(cmd):
    """Peak resident set of one child process, in KiB (its own ru_maxrss, from wait4: the
    children's maximum would be that of the largest earlier child)."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    p.returncode = 0  # reaped here
    return usage.ru_maxrss


def pdf_pages(path):
    data = open(path, "rb").read()
    return max(1, len(re.findall(rb"/Type\s*/Page(?!s)", data)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("unres")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--big-mb", type=int, default=50)
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench-work"))
    ap.add_argument("--pdfs", action="append")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--scale-paragraphs", type=int, default=2000,
                    help="paragraphs of the smaller scaling document (the larger has 10x)")
    a = ap.parse_args()
    unres = os.path.abspath(a.unres)
    files_dir, total, big = make_workload(a.work, a.files, a.big_mb)
    names = sorted(os.listdir(files_dir))
    mb = total / 1e6
    rows = []

    def rate(label, secs, size_mb=mb, unit="MB/s"):
        rows.append((label, "%.1f %s" % (size_mb / secs, unit), "%.2f s" % secs))
        return size_mb / secs

    grep = rate("`grep -c ''` (floor)", timed(["sh", "-c", "cd '%s' && grep -c '' * > /dev/null" % files_dir], a.repeat))
    c1 = rate("`check -j 1`", timed([unres, "check", "-q", "-j", "1", files_dir], a.repeat))
    rows.append(("check -j 1 / grep", "%.3fx" % (c1 / grep), ""))
    rate("`check` (all %d cores)" % os.cpu_count(), timed([unres, "check", "-q", files_dir], a.repeat))
    out = os.path.join(a.work, "out")
    for to in ("akn", "json"):
        for jobs in ("1", "0"):
            shutil.rmtree(out, ignore_errors=True)
            label = "`convert DIR --to %s -j %s`" % (to, jobs if jobs != "0" else "all")
            rate(label, timed([unres, "convert", files_dir, "--to", to, "-o", out, "-q", "-j", jobs]))
    # Per-file process overhead.
    t = timed(["sh", "-c", "for i in $(seq 100); do '%s' --version > /dev/null; done" % unres])
    rows.append(("`unres --version` (process start to exit)", "%.2f ms" % (t * 10), ""))
    few = names[:200]
    t0 = time.perf_counter()
    size = 0
    for n in few:
        p = os.path.join(files_dir, n)
        size += os.path.getsize(p)
        subprocess.run([unres, "convert", p, "--to", "akn", "-o", os.path.join(a.work, "one.xml")],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rate("`convert FILE --to akn`, one process per file (200 files)", time.perf_counter() - t0, size / 1e6)
    # Memory and the big document.
    big_mb = os.path.getsize(big) / 1e6
    rate("`check` on one %.0f MB document" % big_mb, timed([unres, "check", "-q", big]), big_mb)
    rss = peak_rss_kb([unres, "check", "-q", big]) / 1024
    rows.append(("peak RSS of `check` on it", "%.0f MB = %.2fx its size" % (rss, rss / big_mb), ""))
    # Scaling: the same kind of document with 10x the paragraphs should take about 10x the time
    # (no quadratic step).  Start-up (`--version`) is taken off both times.
    start = timed([unres, "--version"], 5)
    scale = []
    for n in (a.scale_paragraphs, 10 * a.scale_paragraphs):
        for glued in (False, True):
            p = os.path.join(a.work, "scale-%d%s.txt" % (n, "-glued" if glued else ""))
            write_big(p, sources(), paragraphs=n, glued=glued)
            for to in ("check", "akn") if not glued else ("glued",):
                cmd = [unres, "check", "-q", p] if to != "akn" else [unres, "convert", p, "--to", "akn", "-o", p + ".xml"]
                scale.append((n, to, max(1e-6, timed(cmd, a.repeat) - start), os.path.getsize(p) / 1e6))
    for to in ("check", "akn", "glued"):
        (n1, _, t1, m1), (n10, _, t10, m10) = [x for x in scale if x[1] == to]
        label = {"check": "`check`", "akn": "`convert --to akn`", "glued": "`check` (all on one line)"}[to]
        rows.append(("%s on %d paragraphs (%.1f MB)" % (label, n1, m1), "%.1f MB/s" % (m1 / t1), "%.3f s" % t1))
        rows.append(("%s on %d paragraphs (%.1f MB)" % (label, n10, m10), "%.1f MB/s" % (m10 / t10), "%.3f s" % t10))
        rows.append(("%s: time for 10x the paragraphs" % label, "%.1fx" % (t10 / t1), ""))
    # PDF, when this unres reads it.
    pdf_dirs = a.pdfs or [os.path.join(ROOT, "samples"), os.path.join(ROOT, "tests", "corpus")]
    pdfs = sorted(os.path.join(d, f) for d in pdf_dirs if os.path.isdir(d) for f in os.listdir(d) if f.endswith(".pdf"))
    if pdfs:
        probe = subprocess.run([unres, "check", "-q", pdfs[0]], capture_output=True)
        if probe.returncode in (0, 1):
            pages = sum(pdf_pages(p) for p in pdfs)
            t = timed([unres, "check", "-q", "-j", "1"] + pdfs, a.repeat)
            rows.append(("PDF: `check -j 1` on %d PDFs (%d pages)" % (len(pdfs), pages), "%.0f pages/s" % (pages / t), "%.2f s" % t))
        else:
            rows.append(("PDF", "not measured: this unres does not read PDF", ""))
    print("workload: %d files, %.1f MB (%s); big document %.1f MB" % (len(names), mb, a.work, big_mb))
    print()
    print("| measure | rate | time |")
    print("|---|---|---|")
    for r in rows:
        print("| %s | %s | %s |" % r)


if __name__ == "__main__":
    main()
