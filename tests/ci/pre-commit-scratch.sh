#!/bin/sh
# The pre-commit hooks of unres, run as README.md documents them, in a scratch drafting repository.
#   tests/ci/pre-commit-scratch.sh [PATH/TO/unres]     (default: build/release/unres)
# Input: .pre-commit-hooks.yaml of this tree and the unres binary.  It builds, in a temporary
# directory, a hooks repository holding this tree's .pre-commit-hooks.yaml (pre-commit clones it
# from its path: offline) and a drafting repository with a README.md and drafts/, whose
# .pre-commit-config.yaml is the README's snippet with that path and commit.  Then:
#   1. a draft whose numbering is stale: unres-fix fixes it (the hook fails, "files were modified"),
#      unres-check passes on the fixed file, the README.md is given to neither hook;
#   2. the second run passes, and `git commit` with the hooks installed succeeds;
#   3. a draft with an error fix cannot repair is refused by `git commit`.
# Needs git and Debian's pre-commit (scripts/install-deps.sh).  Exit 0 when all of it holds.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
unres=$(cd "$(dirname "${1:-$src/build/release/unres}")" && pwd)/$(basename "${1:-unres}")
[ -x "$unres" ] || { echo "no unres binary at $unres" >&2; exit 2; }
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (scripts/install-deps.sh)" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/home"
ln -s "$unres" "$tmp/bin/unres"
export PATH="$tmp/bin:$PATH" HOME="$tmp/home" PRE_COMMIT_HOME="$tmp/cache"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.org GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.org
export GIT_CONFIG_NOSYSTEM=1 PRE_COMMIT_COLOR=never
fail() { echo "FAIL: $*" >&2; exit 1; }

# The hooks repository: this tree's hook definitions at a commit of their own.
hooks="$tmp/unres"
mkdir -p "$hooks"
cp "$src/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -qm hooks
rev=$(git -C "$hooks" rev-parse HEAD)

# The drafting repository.
repo="$tmp/drafting"
mkdir -p "$repo/drafts"
cd "$repo"
git init -q
# A README with two numbered lists: as a resolution it has duplicate paragraphs 1 and 2 (errors),
# and fix would renumber it 1..4.
cat > README.md <<'MD'
# Drafts of the Third Committee

Working drafts live in `drafts/`.

To propose a change:

1. Edit the draft.
2. Run `pre-commit run`.

To release:

1. Tag the commit.
2. Send the PDF.
MD
cp README.md "$tmp/README.orig"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: unres-fix
      - id: unres-check
YAML
"$unres" check README.md >/dev/null 2>&1 && fail "unres check README.md passes: the test would prove nothing"
"$unres" fix --check README.md >/dev/null 2>&1 && fail "unres fix leaves README.md alone: the test would prove nothing"

# A paragraph inserted before paragraph 8 with the number it is meant to take: 8 twice.
awk '/^- 8\. Urges States parties/ { print "- 8. Decides to review the implementation of the present resolution;" } { print }' \
    "$src/samples/A_C.3_78_L.52_Rev.1.md" > drafts/A_C.3_78_L.52_Rev.1.md
grep -q '^- 8\. Decides to review' drafts/A_C.3_78_L.52_Rev.1.md || fail "the draft was not edited"
git add -A

out=$(pre-commit run --all-files --verbose 2>&1) && fail "the first run passed; unres-fix should have fixed the draft:
$out"
echo "$out" | grep -q '^unres fix\.*Failed' || fail "unres-fix did not fix the draft:
$out"
echo "$out" | grep -q 'files were modified by this hook' || fail "no 'files were modified' from unres-fix:
$out"
echo "$out" | grep -q '^unres check\.*Passed' || fail "unres-check did not pass on the fixed draft:
$out"
echo "$out" | grep -q 'README' && fail "a hook was given README.md:
$out"
grep -q '^- 9\. Urges States parties' drafts/A_C.3_78_L.52_Rev.1.md || fail "the draft was not renumbered"
cmp -s README.md "$tmp/README.orig" || fail "README.md was changed"

pre-commit install -q >/dev/null 2>&1 || pre-commit install >/dev/null
git add -A
out=$(git commit -qm "draft" 2>&1) || fail "git commit with the fixed draft failed:
$out"
out=$(pre-commit run --all-files 2>&1) || fail "the second run failed:
$out"

# An error fix cannot repair (a draft without an operative part): the commit is refused.
printf 'The General Assembly,\n\nRecalling its resolution 77/1,\n' > drafts/broken.md
git add drafts/broken.md
out=$(git commit -qm "broken" 2>&1) && fail "git commit accepted a draft with errors:
$out"
echo "$out" | grep -q 'UNR004' || fail "the refused commit does not show the error:
$out"
echo "pre-commit scratch repository: ok"
