#!/usr/bin/env python3
"""What fix's caution costs: simulated drafting edits on the devset texts, and whether fix repairs them.

For each devset text (pdftotext.txt, layout.txt, draft.*) with at least 4 numbered operative paragraphs:
  1. renumber:  the middle paragraph k is numbered k+1 (a duplicate); repaired when `unres fix` gives
                back the original bytes exactly;
  2. delete:    the middle paragraph is deleted (from its label); repaired when, after `unres fix`, check reports no more
                numbering errors (UNR101, UNR102) than on the original.
    tools/fix-simulate.py [UNRES] [DEVSET_DIR]      defaults: build/release/unres ../shared/devset
"""
import glob, json, os, re, subprocess, sys, tempfile

B = sys.argv[1] if len(sys.argv) > 1 else "build/release/unres"
D = sys.argv[2] if len(sys.argv) > 2 else "../shared/devset"
files = sorted(sum((glob.glob(f"{D}/*/{n}") for n in ("pdftotext.txt", "layout.txt", "draft.pdftotext.txt", "draft.layout.txt")), []))
tmp = tempfile.mkdtemp()
out = os.path.join(tmp, "draft.txt")


def numbering_errors(path):
    r = subprocess.run([B, "check", "--select", "UNR101,UNR102", "-q", path], capture_output=True, text=True)
    return sum("[UNR10" in l for l in r.stderr.splitlines())


stats = {"renumber": [0, 0], "delete": [0, 0]}
missed = []
for f in files:
    try:
        text = open(f, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        continue
    j = subprocess.run([B, "convert", "--to", "json", f], capture_output=True, text=True)
    if j.returncode:
        continue
    ops = [p for p in json.loads(j.stdout)["operative"] if p["num"] and p["num"].isdigit()]
    if len(ops) < 4:
        continue
    i = len(ops) // 2
    p, q = ops[i], ops[i + 1]
    lines = text.split("\n")
    m = re.match(r"^(\s*)%s\." % p["num"], lines[p["line"] - 1])
    if m:
        edited = lines[:]
        k = p["num"]
        edited[p["line"] - 1] = edited[p["line"] - 1][: m.end(1)] + str(int(k) + 1) + edited[p["line"] - 1][m.end(1) + len(k):]
        open(out, "w", encoding="utf-8").write("\n".join(edited))
        subprocess.run([B, "fix", "-q", out], capture_output=True)
        stats["renumber"][0] += 1
        ok = open(out, encoding="utf-8").read() == text
        stats["renumber"][1] += ok
        if not ok:
            missed.append(("renumber", f))
    # A paragraph's line is its text's; in pdftotext output the label may stand alone on the line before.
    def start(par):
        at = par["line"] - 1
        return at - 1 if at > 0 and re.match(r"^\s*%s\.\s*$" % par["num"], lines[at - 1]) else at
    edited = lines[: start(p)] + lines[start(q):]
    open(out, "w", encoding="utf-8").write("\n".join(edited))
    subprocess.run([B, "fix", "-q", out], capture_output=True)
    stats["delete"][0] += 1
    ok = numbering_errors(out) <= numbering_errors(f)
    stats["delete"][1] += ok
    if not ok:
        missed.append(("delete", f))
for kind, f in missed:
    print(f"not repaired ({kind}): {f}")
for kind, (n, ok) in stats.items():
    print(f"{kind}: {ok}/{n} repaired")
