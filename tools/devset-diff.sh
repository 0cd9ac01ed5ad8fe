#!/bin/sh
# Diffs each draft against the resolution adopted from it on the team's devset and counts the pairs
# whose paragraphs (and sub-paragraphs) show no change.
#   tools/devset-diff.sh build/release/unres [DEVSET]      (DEVSET default: ../shared/devset)
# Prints one line per pair with a change ("SYMBOL: N inserted, ..."), then the totals.  Every diff must
# exit 1 (the header always differs: symbol, document type); any other exit is counted as trouble.
set -eu
unres=${1:?usage: $0 UNRES [DEVSET]}
devset=${2:-../shared/devset}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for d in "$devset"/*/; do
    [ -f "$d/draft.pdftotext.txt" ] || continue
    n=$(basename "$d")
    rc=0
    "$unres" diff --format json "$d/draft.pdftotext.txt" "$d/pdftotext.txt" >"$tmp/$n.json" 2>"$tmp/$n.err" || rc=$?
    echo "$n $rc" >>"$tmp/rc"
done
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
kinds = ["inserted", "deleted", "moved", "part_changed", "reworded", "relabelled", "heading"]
same = some = trouble = 0
for line in open(os.path.join(tmp, "rc")):
    n, rc = line.split()
    if rc != "1":
        trouble += 1
        print(f"{n}: exit {rc}")
        continue
    s = json.load(open(os.path.join(tmp, n + ".json")))["summary"]
    if sum(s[k] for k in kinds) == 0:
        same += 1
    else:
        some += 1
        print(f"{n}: " + ", ".join(f"{s[k]} {k}" for k in kinds if s[k]))
print(f"pairs: {same + some + trouble}, no paragraph change: {same}, some paragraph change: {some}, trouble: {trouble}")
PY
