#!/usr/bin/env bash
# usage: tools/corpus-score.sh [UNRES_BINARY]        (default: build/release/unres, else build/dev/unres)
# Runs `unres convert --to json` on every text variant named in tests/corpus/TRUTH.tsv (tests/corpus/*.txt,
# *.md and samples/*.md) and compares the tree with its TRUTH row the way ../shared/tools/truthcheck.py and
# tests/unit/test_corpus.cpp do: preamble, operative and sub-paragraph counts, operative numbers in order,
# numbered footnotes, annexes; cells that are empty, "-" or contain "?" are not compared.
# Prints one "FAIL: FILE: ..." line per mismatch, then "corpus: N/M text variants structure-exact".
# Exit 0 once the score is printed, 2 when there is no binary or no TRUTH.tsv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-}
if [[ -z $bin ]]; then
  for b in "$root/build/release/unres" "$root/build/dev/unres"; do [[ -x $b ]] && { bin=$b; break; }; done
fi
[[ -n $bin && -x $bin ]] || { echo "corpus-score: no unres executable (build first, or pass its path)" >&2; exit 2; }
[[ -f $root/tests/corpus/TRUTH.tsv ]] || { echo "corpus-score: no tests/corpus/TRUTH.tsv" >&2; exit 2; }
exec python3 - "$root" "$bin" <<'PY'
import json, os, subprocess, sys

root, binary = sys.argv[1], sys.argv[2]
FIELDS = ["preamble", "operative", "operative_nums", "subparagraphs", "footnotes", "annexes"]

def expand(nums):
    out = []
    for part in nums.split(","):
        part = part.strip()
        a, _, b = part.partition("-")
        if part == "_": out.append(None)
        elif b and a.isdigit() and b.isdigit(): out += [str(i) for i in range(int(a), int(b) + 1)]
        else: out.append(part)
    return out

def descendants(items):
    return sum(1 + descendants(i.get("children") or []) for i in items)

def structure(t):
    op = t.get("operative") or []
    return {"preamble": len(t.get("preamble") or []), "operative": len(op),
            "operative_nums": [o.get("num") or None for o in op],
            "subparagraphs": descendants([c for o in op for c in o.get("children") or []]),
            "footnotes": len([f for f in t.get("footnotes") or [] if str(f.get("num") or "").isdigit()]),
            "annexes": len(t.get("annexes") or [])}

lines = [l.rstrip("\r\n") for l in open(os.path.join(root, "tests/corpus/TRUTH.tsv"), encoding="utf-8")]
rows = [l.split("\t") for l in lines if l.strip() and not l.startswith("#")]
head, rows = rows[0], [dict(zip(rows[0], r)) for r in rows[1:]]

n = exact = 0
for row in rows:
    for f in row["files"].split(","):
        if not f.endswith((".txt", ".md")): continue
        name = os.path.basename(f)
        path = os.path.join(root, "samples" if f.startswith("../samples/") else "tests/corpus", name)
        n += 1
        try:
            r = subprocess.run([binary, "convert", "--to", "json", path], capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            print(f"FAIL: {name}: convert timed out (20 s)"); continue
        if r.returncode != 0:
            print(f"FAIL: {name}: convert exit {r.returncode}: {r.stderr.decode('utf-8', 'replace')[:150]}"); continue
        try:
            got = structure(json.loads(r.stdout))
        except (ValueError, AttributeError, TypeError) as e:
            print(f"FAIL: {name}: convert --to json output is not the JSON tree: {e}"); continue
        bad = []
        for k in FIELDS:
            cell = row.get(k, "")
            if "?" in cell or cell in ("-", ""): continue
            want = expand(cell) if k == "operative_nums" else int(cell)
            if got[k] != want:
                g = ",".join(x or "_" for x in got[k])[:120] if k == "operative_nums" else got[k]
                bad.append(f"{k} {g} != {cell}")
        for b in bad: print(f"FAIL: {name}: {b}")
        exact += not bad
print(f"corpus: {exact}/{n} text variants structure-exact")
PY
