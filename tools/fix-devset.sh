#!/bin/sh
# fix's safety on untouched real texts: `unres fix --check` over every text of the team's devset
# (each pdftotext.txt, layout.txt, draft.pdftotext.txt, draft.layout.txt), which nobody edited, so
# any change fix wants is a false one.  Prints the count of files fix wants to change (and which),
# then the notes fix printed where it declined to act (what it left alone and why).
#   tools/fix-devset.sh [UNRES] [DEVSET_DIR]     defaults: build/release/unres ../shared/devset
set -u
B=${1:-build/release/unres}
D=${2:-../shared/devset}
total=0; changed=0; failed=0; notes=$(mktemp); trap 'rm -f "$notes"' EXIT
for f in "$D"/*/pdftotext.txt "$D"/*/layout.txt "$D"/*/draft.pdftotext.txt "$D"/*/draft.layout.txt; do
    [ -f "$f" ] || continue
    total=$((total + 1))
    "$B" fix --check "$f" 2>>"$notes" >/dev/null
    case $? in
        0) ;;
        1) changed=$((changed + 1)); echo "would change: $f" ;;
        *) failed=$((failed + 1)); echo "error: $f" ;;
    esac
done
grep -E ': (note|warning): ' "$notes" || true
echo "fix --check over $total devset texts: $changed would change, $failed errors, $(grep -cE ': (note|warning): ' "$notes") notes"
