#!/bin/sh
# SPDX-License-Identifier: MIT
# Scale-out and input order: a run split into 4 shards (`dossier extract` on
# 4 subsets of the inputs, then `dossier build` from the 4 facts files, given
# in another order) makes byte-identical briefs to a single run; so does a run
# given the same articles in reverse order, with 1 or 2 threads; and when two
# inputs are duplicates, the one used does not depend on their order.
set -eu
DOSSIER=${1:?usage: shards.sh path/to/dossier}
SRC=${DSR_SRCDIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"

# Articles of several relationships: the sample, and copies with other years
# (some of them still duplicates by URL or content) so there are ten to split.
mkdir arts
i=0
for f in "$SRC"/examples/articles/*.txt; do
    cp "$f" "arts/a$i.txt"
    sed "s/2023/2019/g; s/2024/2020/g" "$f" > "arts/b$i.txt"
    i=$((i + 1))
done
ls arts/*.txt > all.txt
[ "$(wc -l < all.txt)" -eq 10 ] || fail "expected 10 articles"

# Only the briefs are compared: run.json lists the inputs as given.
same_briefs() {
    for f in "$1"/*; do
        case "$f" in */run.json) continue ;; esac
        cmp -s "$f" "$2/$(basename "$f")" || fail "$3: $(basename "$f") differs"
    done
    [ "$(ls "$1" | wc -l)" -eq "$(ls "$2" | wc -l)" ] || fail "$3: not the same files"
}

"$DOSSIER" build -q -o single $(cat all.txt) || fail "single build exited $?"

# 1. Four shards of unequal size, extracted separately, built in another order.
split -n l/4 -d all.txt shard.
n=0
for s in shard.*; do
    "$DOSSIER" extract -q -o "$s.facts.jsonl" $(cat "$s") || fail "extract $s exited $?"
    [ -s "$s.facts.jsonl" ] || fail "extract wrote nothing for $s"
    n=$((n + 1))
done
[ "$n" -eq 4 ] || fail "expected 4 shards, got $n"
"$PY" -c '
import json, sys
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        assert o["id"] and o["sentences"] and "file" in o, path
' shard.*.facts.jsonl || fail "a facts line lacks what build needs"
"$DOSSIER" build -q -o sharded shard.03.facts.jsonl shard.01.facts.jsonl shard.00.facts.jsonl \
    shard.02.facts.jsonl || fail "build from facts exited $?"
same_briefs single sharded "4 shards"
"$PY" -c '
import json
def status(d):
    return {i["file"]: (i["status"], i.get("duplicate_of")) for i in json.load(open(d + "/run.json"))["inputs"]}
single, sharded = status("single"), status("sharded")
assert len(sharded) == 10 and sharded == single, (single, sharded)
' || fail "the sharded run.json does not account for the 10 articles as the single run does"

# Facts and articles mixed, and a folder holding facts files.
"$DOSSIER" build -q -o mixed shard.00.facts.jsonl $(cat shard.01 shard.02 shard.03) ||
    fail "mixed build exited $?"
same_briefs single mixed "facts and articles mixed"

# 2. Reverse order, one and two threads.
"$DOSSIER" build -q --jobs 1 -o rev1 $(sort -r all.txt) || fail "reverse build exited $?"
"$DOSSIER" build -q --jobs 2 -o rev2 $(sort -r all.txt) || fail "reverse build exited $?"
same_briefs single rev1 "reverse order, --jobs 1"
same_briefs single rev2 "reverse order, --jobs 2"

# 3. Duplicates: the copy whose name sorts first is used, whatever the order.
cp arts/a0.txt arts/z-copy.txt
"$DOSSIER" build -q -o dup1 arts/z-copy.txt arts/a0.txt || fail "dup build exited $?"
"$DOSSIER" build -q --jobs 1 -o dup2 arts/a0.txt arts/z-copy.txt || fail "dup build exited $?"
same_briefs dup1 dup2 "duplicates in either order"
for d in dup1 dup2; do
    "$PY" -c '
import json, sys
m = json.load(open(sys.argv[1] + "/run.json"))
st = {i["file"]: i["status"] for i in m["inputs"]}
assert st == {"arts/a0.txt": "used", "arts/z-copy.txt": "duplicate"}, st
dup = [i for i in m["inputs"] if i["status"] == "duplicate"][0]
assert dup["duplicate_of"] == "arts/a0.txt", dup
' "$d" || fail "$d: the duplicate used depends on the order"
done

# 4. A broken facts line is skipped with a warning; a file of nothing but
# broken lines is a skipped input (exit 3 with --strict).
{ head -n 1 shard.00.facts.jsonl; echo '{"file": 3}'; } > broken.facts.jsonl
"$DOSSIER" build -o broken broken.facts.jsonl 2> err.txt || fail "broken line made the run fail"
grep -q 'line 2' err.txt || fail "no warning for the broken line: $(cat err.txt)"
echo 'not json' > bad.facts.jsonl
set +e
"$DOSSIER" build -q --strict -o bad bad.facts.jsonl 2> err.txt
st=$?
set -e
[ "$st" -eq 3 ] || fail "a facts file with no facts must be skipped (exit 3 with --strict), got $st"
echo "ok"
