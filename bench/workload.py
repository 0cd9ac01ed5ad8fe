#!/usr/bin/env python3
"""bench/workload.py UNRES [--files N] [--big-mb M] [--work DIR] [--pdfs DIR] [--pdf-files P] [--devset DIR]

Throughput of the whole `unres` command on a deterministic workload, against `grep -c` over the same
bytes (the floor: reading the bytes and finding the lines), in one run:

  workload   N resolution files (default 2,000) cycled from the project's real texts (tests/corpus,
             samples; plus the devset's texts when that folder is there: --devset, default
             ../shared/devset beside the checkout), each under a new name;
             one big document of M MB (default 50) whose sentences come from those texts: a
             compilation (annexes of parts of 500 numbered paragraphs, the numbering restarting),
             and a stress document as large (numbered paragraphs, but labels stop at 999: past
             paragraph 999 one huge paragraph); PDFs, if this unres reads PDF: P files (default 40)
             cycled from the *.pdf of --pdfs (default samples/ and tests/corpus/) and the first 40
             devset doc.pdf, each under a new name
  measures   MB/s of `grep -c` (floor), `check -j 1`, `check` (all cores), `convert DIR --to akn`
             and `--to json` in one process (-j 1 and all cores), PDF pages per second and per
             CPU-second of `check -j 1` on the P PDFs in one process (start-up amortised) and on
             the first alone,
             per-file process overhead (`unres --version`, and one `convert` process per file),
             peak RSS of `check` and of `convert --to akn` and `--to json` on each big document
             over its size, and the time of `check` and `convert --to akn` on N and 10N
             paragraphs (about 10x when no step is quadratic) in each of the SHAPES: one per
             line, glued on one line, two to a line, with footnotes, with notes whose marks
             are lost, lettered items, sections, tables, annexes, Akoma Ntoso read back
  method     every timed command is one child process, timed by the wall clock and by its CPU time
             (user + system, from os.wait4's rusage, its own children included), so that the rate per
             CPU-second means something on a loaded machine; with --repeat R the best of R runs of
             each.  Each `convert DIR` run writes into a directory of its own, never deleted and
             re-created within the run, and the workload's files are kept from the last run when
             they are the same: ext4 without a journal (this machine's) skips, at every inode it
             allocates, each free inode deleted less than a minute ago (five while not written back),
             so a `convert` run just after thousands of deletions spends most of its time in the
             kernel.  The outputs are all deleted at the end; the system time is shown apart.
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


DEVSET = os.path.join(ROOT, "..", "shared", "devset")


def sources():
    found = []
    for d in ("tests/corpus", "samples"):
        p = os.path.join(ROOT, d)
        for f in sorted(os.listdir(p)):
            if (f.endswith(".txt") or f.endswith(".md")) and f != "README.md":
                found.append(os.path.join(p, f))
    devset = DEVSET
    if os.path.isdir(devset):
        for sym in sorted(os.listdir(devset)):
            for v in ("pdftotext.txt", "layout.txt", "draft.pdftotext.txt"):
                p = os.path.join(devset, sym, v)
                if os.path.exists(p):
                    found.append(p)
    return found


def keep_copies(files_dir, want):
    """Makes `files_dir` hold exactly `want` (name: source path), kept from an earlier run when it
    is the same (names and bytes): deleting thousands of files just before the timed runs would
    slow the outputs' inode allocation (see "method" above)."""
    same = os.path.isdir(files_dir) and sorted(os.listdir(files_dir)) == sorted(want)
    same = same and all(open(os.path.join(files_dir, n), "rb").read() == open(s, "rb").read() for n, s in want.items())
    if not same:
        shutil.rmtree(files_dir, ignore_errors=True)
        os.makedirs(files_dir)
        for name, s in want.items():
            shutil.copyfile(s, os.path.join(files_dir, name))
    return sum(os.path.getsize(os.path.join(files_dir, n)) for n in want)


def make_workload(work, n_files, big_mb):
    files_dir = os.path.join(work, "files")
    src = sources()
    total = keep_copies(files_dir, {"w%05d_%s" % (i, os.path.basename(src[i % len(src)])): src[i % len(src)]
                                    for i in range(n_files)})
    big = os.path.join(work, "big.txt")
    annexes = write_compilation(big, src, limit=big_mb * 1024 * 1024)
    stress = os.path.join(work, "big-one-paragraph.txt")
    write_big(stress, src, limit=big_mb * 1024 * 1024)
    return files_dir, total, (big, annexes), stress


def pdf_sources(pdf_dirs):
    """The PDFs to cycle: every *.pdf below `pdf_dirs` (sorted), then the first 40 devset doc.pdf."""
    found = sorted(os.path.join(r, f) for d in pdf_dirs if os.path.isdir(d) for r, _, fs in os.walk(d)
                   for f in fs if f.endswith(".pdf"))
    if os.path.isdir(DEVSET):
        docs = [os.path.join(DEVSET, sym, "doc.pdf") for sym in sorted(os.listdir(DEVSET))]
        found += [p for p in docs if os.path.exists(p)][:40]
    return found


OPENING = ("United Nations A/80/L.999\nGeneral Assembly Distr.: Limited\n1 December 2025\n\n"
           "Eightieth session\nAgenda item 1\n\nBenchmark: draft resolution\n\nA benchmark\n\n"
           "The General Assembly,\n\nRecalling its resolution 79/1,\n\n")


def text_sentences(src):
    """The sentences of the first 40 texts, without their numbers, in a fixed order."""
    sentences = []
    for s in src[:40]:
        text = open(s, encoding="utf-8", errors="replace").read()
        sentences += [x.strip() for x in re.split(r"(?<=[;.])\s+", " ".join(text.split())) if 40 < len(x) < 400]
    return [re.sub(r"^\S*\d\S*\s*", "", x) for x in sentences]


def write_big(path, src, limit=None, paragraphs=None, glued=False):
    """A document of numbered operative paragraphs made of the texts' sentences, in a fixed
    order: `limit` bytes of them, or `paragraphs` of them; `glued`: all on one line, as a
    converter that lost the line breaks leaves them.  A label has at most three digits, so from
    paragraph 1000 on the rest is the text of paragraph 999: past about 200 KB, one huge paragraph
    (the stress document; write_compilation writes a realistic big one)."""
    sentences = text_sentences(src)
    with open(path, "w", encoding="utf-8") as f:
        f.write(OPENING)
        k, size = 0, 0
        while (size < limit) if limit is not None else (k < paragraphs):
            line = "%d. Decides %s%s" % (k + 1, sentences[k % len(sentences)].rstrip(".;") + ";", " " if glued else "\n\n")
            f.write(line)
            size += len(line.encode("utf-8"))
            k += 1
        f.write("%d. Decides to remain seized of the matter.\n" % (k + 1))


def write_pairs(path, src, paragraphs, per_annex=500):
    """`paragraphs` numbered paragraphs two to a line, the second glued onto the first ("1. Decides
    ...; 2. Requests ..."), as a converter that lost every other line break leaves them; the
    numbering restarts in each annex of `per_annex` (labels have at most three digits), so
    every line is cut in two however long the document."""
    sentences = text_sentences(src)
    with open(path, "w", encoding="utf-8") as f:
        f.write(OPENING)
        f.write("1. Decides to adopt the texts annexed to the present resolution.\n\n")
        for k in range(0, paragraphs, 2):
            annex, num = k // per_annex, k % per_annex
            if num == 0:
                f.write("Annex %s\n\nText number %d\n\n" % (upper_roman(annex + 1), annex + 1))
            a, b = (sentences[(k + i) % len(sentences)].rstrip(".;") + ";" for i in (0, 1))
            f.write("%d. Decides %s %d. Requests %s\n\n" % (num + 1, a, num + 2, b))


# The shapes the scaling rows time at N and 10N paragraphs: (name, what it is, commands).
SHAPES = [
    ("lines", "numbered paragraphs", ("check", "akn")),
    ("glued", "all on one line", ("check",)),
    ("pairs", "two to a line, in annexes", ("check",)),
    ("notes", "a footnote each, at the foot of its page", ("check", "json", "fix", "html")),
    ("unmarked", "notes whose marks are lost", ("check", "fix")),
    ("marked", "notes marked in markup, one number never", ("check",)),
    ("sublists", "lettered items of one paragraph", ("check", "json")),
    ("listprose", "unnumbered paragraphs after a colon", ("check",)),
    ("sections", "a section every 5 paragraphs", ("akn",)),
    ("tables", "a table every 10 paragraphs", ("check", "akn")),
    ("annexes", "an annex every 4 paragraphs", ("akn",)),
    ("akn-in", "Akoma Ntoso read back, its notes on one line", ("check", "json")),
]


def write_shape(work, shape, n, src, unres):
    """Writes the `shape` document of `n` paragraphs (SHAPES) into `work`; returns its path.  The
    text is the corpus sentences; numbers stay within three digits (annexes, parts or cycles)."""
    path = os.path.join(work, "scale-%d-%s.txt" % (n, shape))
    if shape in ("lines", "glued"):
        write_big(path, src, paragraphs=n, glued=shape == "glued")
        return path
    if shape == "pairs":
        write_pairs(path, src, paragraphs=n)
        return path
    if shape == "akn-in":  # the AKN unres writes for "unmarked": the notes no mark placed in one block
        text = write_shape(work, "unmarked", n, src, unres)
        subprocess.run([unres, "convert", text, "--to", "akn", "-o", path + ".akn.xml"], check=True)
        return path + ".akn.xml"
    sentences = text_sentences(src)
    said = lambda k: sentences[k % len(sentences)].rstrip(".;")
    with open(path, "w", encoding="utf-8") as f:
        f.write(OPENING)
        if shape == "sublists":
            f.write("1. Decides:\n\n")
            for k in range(n):  # (a) ... (z), (aa) ... (zz), then again; (i), (ii) under every third
                f.write("(%s) %s;\n\n" % (chr(97 + k % 26) * (1 + k // 26 % 2), said(k)))
                if k % 3 == 0:
                    f.write("(i) %s;\n\n(ii) %s;\n\n" % (said(k + 1), said(k + 2)))
            f.write("2. Decides to remain seized of the matter.\n")
            return path
        if shape == "listprose":  # a text adopted inline: each paragraph asks whether a number follows
            f.write("1. Adopts the following text:\n\n")
            for k in range(n):
                f.write("%s.\n\n" % said(k))
            f.write("2. Decides to remain seized of the matter.\n")
            return path
        if shape == "annexes":
            f.write("1. Decides to adopt the texts annexed to the present resolution.\n\n")
        pending = []
        for k in range(n):
            num = k % 4 + 1 if shape == "annexes" else k % 500 + 1
            if shape == "annexes" and k % 4 == 0:
                f.write("Annex %s\n\nText number %d\n\n" % (upper_roman(k // 4 % 3999 + 1), k // 4 + 1))
            if shape == "sections" and k % 5 == 0:
                f.write("%s. %s\n\n" % (upper_roman(k // 5 % 80 + 1), " ".join(said(k).split()[:3])))
            mark = ""
            if shape in ("notes", "unmarked", "marked"):
                note = k % 500 + 1
                pending.append(note)
                if shape == "notes":
                    mark = "%d" % note
                elif shape == "marked":  # every mark explicit but note 7's: the marks' chain is searched
                    mark = "<sup>%d</sup>" % note if note != 7 else ""
            f.write("%d. Decides %s;%s\n\n" % (num, said(k), mark))
            if shape == "tables" and k % 10 == 0:
                f.write("".join("     Item %d        %d        %d\n" % (j + 1, j * 2, j * 3) for j in range(6)) + "\n")
            if len(pending) == 20:
                f.write("__________________\n" + "".join("%d %s.\n" % (m, said(m)) for m in pending) + "\f")
                pending = []
        f.write("%d. Decides to remain seized of the matter.\n" % (n % 500 + 1))
    return path


def upper_roman(n):
    out = ""
    for v, r in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


def write_compilation(path, src, limit, per_part=500, parts=10):
    """A realistic big document of `limit` bytes: a resolution adopting the texts annexed to it,
    "Annex I", "Annex II" ..., each in `parts` parts ("I. Part 1" ...) of `per_part` numbered
    paragraphs, the numbering restarting in each part (unres reads them as the annexes'
    paragraphs, each part a section: `convert --to json`, "annexes").  50 MiB is 49 annexes."""
    sentences = text_sentences(src)
    with open(path, "w", encoding="utf-8") as f:
        f.write(OPENING)
        f.write("1. Decides to adopt the texts annexed to the present resolution;\n\n"
                "2. Decides to remain seized of the matter.\n\n")
        k, size = 0, 0
        while size < limit:
            annex, part, num = k // (per_part * parts), k // per_part % parts, k % per_part
            head = ""
            if num == 0 and part == 0:
                head += "Annex %s\n\nText number %d\n\n" % (upper_roman(annex + 1), annex + 1)
            if num == 0:
                head += "%s. Part %d\n\n" % (upper_roman(part + 1), part + 1)
            line = head + "%d. Decides %s\n\n" % (num + 1, sentences[k % len(sentences)].rstrip(".;") + ";")
            f.write(line)
            size += len(line.encode("utf-8"))
            k += 1
    return (k - 1) // (per_part * parts) + 1


class Timing:
    """Wall-clock seconds and CPU seconds (user + system; `sys` the system part) of a command:
    the best of its runs."""

    def __init__(self, wall, cpu, sys=0.0):
        self.wall, self.cpu, self.sys = wall, cpu, sys

    def minus(self, other):
        return Timing(max(1e-6, self.wall - other.wall), max(1e-6, self.cpu - other.cpu), max(0.0, self.sys - other.sys))

    def cpu_text(self, digits=2):
        return "%.*f s (sys %.*f)" % (digits, self.cpu, digits, self.sys)


def run_child(cmd):
    """Runs `cmd` once: (wall seconds, CPU seconds, system seconds, peak RSS in KiB, exit code).
    The rusage is that of this child as os.wait4 reports it, its own reaped children included."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)  # reaped here
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_stime, usage.ru_maxrss, p.returncode


def timed(cmd, repeat=1):
    """The best wall time and the best CPU time of `repeat` runs; `cmd` is a list, or a function
    of the run's index giving the list (a convert run that needs a fresh output directory)."""
    runs = []
    for i in range(repeat):
        c = cmd(i) if callable(cmd) else cmd
        wall, cpu, sys, _, rc = run_child(c)
        if rc not in (0, 1):
            raise SystemExit("bench: %s exited %d" % (" ".join(c), rc))
        runs.append((wall, cpu, sys))
    cpu, sys = min((c, s) for _, c, s in runs)
    return Timing(min(w for w, _, _ in runs), cpu, sys)


def peak_rss_kb(cmd):
    """Peak resident set of one child process, in KiB (its own ru_maxrss, from wait4: the
    children's maximum would be that of the largest earlier child)."""
    return run_child(cmd)[3]


def pdf_pages(path):
    data = open(path, "rb").read()
    return max(1, len(re.findall(rb"/Type\s*/Page(?!s)", data)))


def main():
    global DEVSET
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("unres")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--big-mb", type=int, default=50)
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench-work"))
    ap.add_argument("--pdfs", action="append")
    ap.add_argument("--pdf-files", type=int, default=40, help="PDFs checked in one process (cycled)")
    ap.add_argument("--devset", default=DEVSET, help="the devset folder (default ../shared/devset)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--scale-paragraphs", type=int, default=2000,
                    help="paragraphs of the smaller scaling document (the larger has 10x)")
    a = ap.parse_args()
    DEVSET = a.devset
    unres = os.path.abspath(a.unres)
    files_dir, total, (big, annexes), stress = make_workload(a.work, a.files, a.big_mb)
    names = sorted(os.listdir(files_dir))
    mb = total / 1e6
    rows = []

    def rate(label, t, size_mb=mb):
        """A row: MB/s by the wall clock, its time, the CPU time and the MB per CPU-second."""
        rows.append((label, "%.1f MB/s" % (size_mb / t.wall), "%.2f s" % t.wall, t.cpu_text(),
                     "%.1f MB/s" % (size_mb / t.cpu)))
        return t

    def note(label, value):
        rows.append((label, value, "", "", ""))

    def speedup(one, all_cores):
        """All cores against -j 1: how much faster, for how much CPU, and how many cores the run
        had on average (CPU time over wall time: below the core count when others used them)."""
        return "%.2fx faster, %.2fx the CPU, %.1f cores busy" % (
            one.wall / all_cores.wall, all_cores.cpu / one.cpu, all_cores.cpu / all_cores.wall)

    grep = rate("`grep -c ''` (floor)", timed(["sh", "-c", "cd '%s' && grep -c '' * > /dev/null" % files_dir], a.repeat))
    c1 = rate("`check -j 1`", timed([unres, "check", "-q", "-j", "1", files_dir], a.repeat))
    note("check -j 1 / grep", "%.3fx" % (grep.wall / c1.wall))
    cn = rate("`check` (all %d cores)" % os.cpu_count(), timed([unres, "check", "-q", files_dir], a.repeat))
    note("`check`: all cores / -j 1", speedup(c1, cn))
    # Each convert run writes into a directory of its own (see "method" above); all removed at the end.
    outs = []

    def fresh_out(to, jobs):
        def cmd(i):
            out = os.path.join(a.work, "out-%s-j%s-%d" % (to, jobs, i))
            outs.append(out)
            return [unres, "convert", files_dir, "--to", to, "-o", out, "-q", "-j", jobs]
        return cmd

    for to in ("akn", "json"):
        t = {}
        for jobs in ("1", "0"):
            label = "`convert DIR --to %s -j %s`" % (to, jobs if jobs != "0" else "all")
            t[jobs] = rate(label, timed(fresh_out(to, jobs), a.repeat))
        note("`convert --to %s`: all cores / -j 1" % to, speedup(t["1"], t["0"]))
    # Per-file process overhead.
    t = timed(["sh", "-c", "for i in $(seq 100); do '%s' --version > /dev/null; done" % unres])
    rows.append(("`unres --version` (process start to exit)", "%.2f ms" % (t.wall * 10), "",
                 "%.2f ms (sys %.2f)" % (t.cpu * 10, t.sys * 10), ""))
    few = names[:200]
    wall, cpu, sys, size = 0.0, 0.0, 0.0, 0
    for n in few:
        p = os.path.join(files_dir, n)
        size += os.path.getsize(p)
        w, c, sy, _, _ = run_child([unres, "convert", p, "--to", "akn", "-o", os.path.join(a.work, "one.xml")])
        wall, cpu, sys = wall + w, cpu + c, sys + sy
    rate("`convert FILE --to akn`, one process per file (200 files)", Timing(wall, cpu, sys), size / 1e6)
    # Memory and the big documents: a realistic one, and one huge paragraph (the stress document).
    big_mb = os.path.getsize(big) / 1e6
    for path, what in ((big, "document (%d annexes of 5,000 numbered paragraphs)" % annexes),
                       (stress, "stress document (one paragraph of all but 0.2 MB)")):
        size = os.path.getsize(path) / 1e6
        rate("`check` on one %.0f MB %s" % (size, what), timed([unres, "check", "-q", path]), size)
        rss = peak_rss_kb([unres, "check", "-q", path]) / 1024
        note("peak RSS of `check` on it", "%.0f MB = %.2fx its size" % (rss, rss / size))
        for to in ("akn", "json"):
            out = os.path.join(a.work, "big-out." + to)
            rss = peak_rss_kb([unres, "convert", path, "--to", to, "-o", out]) / 1024
            note("peak RSS of `convert --to %s` on it" % to,
                 "%.0f MB = %.2fx its size (the output, %.0f MB, is held whole: it is written atomically)" %
                 (rss, rss / size, os.path.getsize(out) / 1e6))
            os.remove(out)
    # Scaling: the same kind of document with 10x the paragraphs should take about 10x the time
    # (no quadratic step), shape by shape (SHAPES).  Start-up (`--version`) is taken off both times.
    start = timed([unres, "--version"], 5)
    src = sources()
    for shape, what, cmds in SHAPES:
        times = []
        for n in (a.scale_paragraphs, 10 * a.scale_paragraphs):
            p = write_shape(a.work, shape, n, src, unres)
            for to in cmds:
                out = os.path.join(a.work, "scale-out." + to)
                cmd = ([unres, "check", "-q", p] if to == "check" else [unres, "fix", "--diff", "-q", p] if to == "fix"
                       else [unres, "check", "--format", "html", p] if to == "html"  # its numbers repeat: findings
                       else [unres, "convert", p, "--to", to, "-o", out])
                times.append((n, to, timed(cmd, a.repeat).minus(start), os.path.getsize(p) / 1e6))
        for to in cmds:
            (n1, _, t1, m1), (n10, _, t10, m10) = [x for x in times if x[1] == to]
            label = {"check": "`check`", "fix": "`fix --diff`", "html": "`check --format html`"}.get(to, "`convert --to %s`" % to)
            for n, t, m in ((n1, t1, m1), (n10, t10, m10)):
                rows.append(("%s, %s: %d paragraphs (%.1f MB)" % (label, what, n, m), "%.1f MB/s" % (m / t.wall),
                             "%.3f s" % t.wall, t.cpu_text(3), "%.1f MB/s" % (m / t.cpu)))
            rows.append(("%s, %s: time for 10x the paragraphs" % (label, what), "%.1fx" % (t10.wall / t1.wall), "",
                         "%.1fx" % (t10.cpu / t1.cpu), ""))
    # PDF, when this unres reads it: P files in one process (start-up amortised), and one alone.
    pdf_dirs = a.pdfs or [os.path.join(ROOT, "samples"), os.path.join(ROOT, "tests", "corpus")]
    found = pdf_sources(pdf_dirs)
    if found:
        probe = subprocess.run([unres, "check", "-q", found[0]], capture_output=True)
        if probe.returncode in (0, 1):
            pdf_dir = os.path.join(a.work, "pdfs")
            want = {"p%03d_%s" % (i, os.path.basename(os.path.dirname(found[i % len(found)])) + "_" +
                                  os.path.basename(found[i % len(found)])): found[i % len(found)] for i in range(a.pdf_files)}
            keep_copies(pdf_dir, want)
            pdfs = sorted(os.path.join(pdf_dir, n) for n in want)
            distinct = len(set(want.values()))
            for label, files in (("%d PDFs (%d distinct)" % (len(pdfs), distinct), pdfs),
                                 ("one PDF, %s" % os.path.basename(found[0]), [found[0]])):
                pages = sum(pdf_pages(p) for p in files)
                t = timed([unres, "check", "-q", "-j", "1"] + files, a.repeat)
                rows.append(("PDF: `check -j 1` on %s: %d pages" % (label, pages), "%.0f pages/s" % (pages / t.wall),
                             "%.2f s" % t.wall, t.cpu_text(), "%.0f pages/s" % (pages / t.cpu)))
        else:
            note("PDF", "not measured: this unres does not read PDF")
    for out in outs:
        shutil.rmtree(out, ignore_errors=True)
    print("workload: %d files, %.1f MB (%s); big documents %.1f MB" % (len(names), mb, a.work, big_mb))
    print()
    print("| measure | rate | time | CPU time (user + sys) | rate per CPU-second |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| %s | %s | %s | %s | %s |" % r)


if __name__ == "__main__":
    main()
