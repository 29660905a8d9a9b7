#!/bin/sh
# SPDX-License-Identifier: MIT
# The command-line contract: help, version, usage errors (exit 2), a bad input
# among good ones (warned, listed in run.json, exit 0; exit 3 with --strict),
# a folder that cannot be written (exit 1), partner selection, and the
# limits (--max-*): each cut is a warning line and a run.json entry, never a
# failure; a bad limit is a usage error.
set -eu
DOSSIER=${1:?usage: cli.sh path/to/dossier}
SRC=${DSR_SRCDIR:?}
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
# html5lib is a Debian package: use the system python, not one on PATH.
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
fail() { echo "FAIL: $*" >&2; exit 1; }
status() { set +e; "$@" >out.txt 2>err.txt; s=$?; set -e; echo $s; }
cd "$work"

[ "$(status "$DOSSIER" --version)" = 0 ] || fail "--version"
grep -q '^dossier [0-9]' out.txt || fail "--version prints 'dossier X.Y.Z'"
[ "$(status "$DOSSIER" --help)" = 0 ] || fail "--help"
grep -q 'Exit status' out.txt || fail "--help documents exit statuses"
[ "$(status "$DOSSIER" build --help)" = 0 ] || fail "build --help"
grep -q -- '--partner' out.txt || fail "build --help lists --partner"
[ "$(status "$DOSSIER")" = 2 ] || fail "no command is a usage error"
[ "$(status "$DOSSIER" frobnicate)" = 2 ] || fail "unknown command is a usage error"
[ "$(status "$DOSSIER" build --no-such-option)" = 2 ] || fail "unknown option is a usage error"
[ "$(status "$DOSSIER" build --since 2025-13-01)" = 2 ] || fail "bad --since is a usage error"
[ "$(status "$DOSSIER" build -f pdf,docx)" = 2 ] || fail "unknown format is a usage error"
[ "$(status "$DOSSIER" inspect)" = 2 ] || fail "inspect without input is a usage error"
grep -q "try 'dossier inspect --help'" err.txt || fail "usage errors point to --help"
"$DOSSIER" --help > help.txt; grep -q '^  extract' help.txt || fail "--help lists extract"
[ "$(status "$DOSSIER" extract)" = 2 ] || fail "extract without input is a usage error"
[ "$(status "$DOSSIER" extract --help)" = 0 ] || fail "extract --help"
grep -q -- '--output' out.txt || fail "extract --help lists --output"
[ "$(status "$DOSSIER" extract -o no/such/dir/x.facts.jsonl "$SRC/examples/articles")" = 1 ] ||
    fail "extract into a missing folder must fail (exit 1)"

# A mixed folder: the sample plus an empty file and a binary one.
mkdir in
cp "$SRC"/examples/articles/*.txt in/
: > in/empty.txt
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > in/image.txt
[ "$(status "$DOSSIER" build -o out in)" = 0 ] || fail "bad inputs must not fail the run: $(cat err.txt)"
grep -q 'in/empty.txt: .*(skipped)' err.txt || fail "empty file not reported on stderr"
grep -q 'in/image.txt: .*(skipped)' err.txt || fail "binary file not reported on stderr"
"$PY" -c '
import json
m = json.load(open("out/run.json"))
st = {i["file"]: i["status"] for i in m["inputs"]}
assert st["in/empty.txt"] == "skipped" and st["in/image.txt"] == "skipped", st
assert all(i.get("reason") for i in m["inputs"] if i["status"] == "skipped")
assert sum(1 for s in st.values() if s == "used") == 5, st
' || fail "run.json does not list the skipped files with a reason"
[ "$(status "$DOSSIER" build --strict -o out in)" = 3 ] || fail "--strict with a skipped input exits 3"

# The same article twice is read once.
cp in/seed-000-vietnam-russie-table-ronde.txt in/zz-copy.txt
[ "$(status "$DOSSIER" build -o out in)" = 0 ] || fail "duplicate input run"
"$PY" -c '
import json
m = json.load(open("out/run.json"))
d = [i for i in m["inputs"] if i["status"] == "duplicate"]
assert len(d) == 1 and d[0]["duplicate_of"].endswith("seed-000-vietnam-russie-table-ronde.txt"), d
' || fail "duplicate not recorded"

# One partner only.
[ "$(status "$DOSSIER" build -o one -p ru)" = 0 ] || fail "--partner ru"
[ -s one/vn-ru.pdf ] && [ ! -e one/vn-eu.pdf ] || fail "--partner ru must build only vn-ru"

# E-mail is a format like the others; --config and its errors exit 2.
[ "$(status "$DOSSIER" build -o mail -f eml -p ru)" = 0 ] || fail "-f eml: $(cat err.txt)"
[ -s mail/vn-ru.eml ] && [ ! -e mail/vn-ru.pdf ] || fail "-f eml writes only vn-ru.eml"
echo '{"format": 3}' > bad.json
[ "$(status "$DOSSIER" build --config bad.json)" = 2 ] || fail "bad --config is a usage error"
grep -qF '$.format' err.txt || fail "bad --config names the key"
[ "$(status "$DOSSIER" build --quiet --verbose)" = 2 ] || fail "--quiet --verbose is a usage error"
[ "$(status "$DOSSIER" build --log-format xml)" = 2 ] || fail "--log-format xml is a usage error"

# An output folder that cannot be written fails with the reason.
if [ "$(id -u)" != 0 ]; then
    mkdir ro && chmod a-w ro
    [ "$(status "$DOSSIER" build -o ro)" = 1 ] || fail "read-only output folder exits 1"
fi
[ "$(status "$DOSSIER" build -o /proc/dossier-cannot-write)" = 1 ] || fail "unwritable output exits 1"
grep -q 'dossier: ' err.txt || fail "unwritable output says why"

# Limits: bad values are usage errors; a hit never fails the run.
for bad in "--max-file-size 0" "--max-file-size 12X" "--max-articles 0" "--max-articles -3" \
    "--max-pages many" "--max-events 1000001"; do
    # shellcheck disable=SC2086
    [ "$(status "$DOSSIER" build -o lim-bad $bad)" = 2 ] || fail "build $bad must be a usage error"
done
"$DOSSIER" build --help > bh.txt
grep -q -- '--max-articles' bh.txt || fail "build --help lists --max-articles"
grep -q -- '--max-file-size' bh.txt || fail "build --help lists --max-file-size"
grep -q -- '--max-pages' bh.txt || fail "build --help lists --max-pages"
[ "$(status "$DOSSIER" build -o lim --max-articles 1 --max-actors 1 --max-file-size 5K \
    "$SRC"/examples/articles)" = 0 ] || fail "a run that hits limits exits 0"
grep -q '^dossier: vn-ru: 2 articles: built from the 1 most recent.*(--max-articles)$' err.txt ||
    fail "--max-articles hit is one warning line naming the brief and the limit"
grep -q '(--max-actors)$' err.txt || fail "--max-actors hit is reported"
"$PY" - <<'PYEOF' || fail "run.json does not record the limits hit"
import json
m = json.load(open("lim/run.json"))
o = m["options"]
assert o["max-articles"] == 1 and o["max-file-size"] == 5120 and o["max-pages"] == 300, o
w = m["warnings"]
arts = [x for x in w if x["limit"] == "max-articles"]
assert arts and all(x["value"] == 1 and x["omitted"] >= 1 for x in arts), w
big = [x for x in w if x["limit"] == "max-file-size"]
skipped = [i for i in m["inputs"] if i["status"] == "skipped"]
assert big and len(big) == len(skipped), (big, skipped)
assert all("file" in x for x in big), big
for r in m["relationships"]:
    assert r["articles"] <= 1, r
    assert r["omitted"]["articles"] == sum(x["omitted"] for x in arts if x["brief"] == r["slug"]), r
b = json.load(open("lim/vn-ru.json"))
assert len(b["sources"]) == 1, b["sources"]
PYEOF
[ "$(status "$DOSSIER" build -o lim --strict --max-file-size 5K "$SRC"/examples/articles)" = 3 ] ||
    fail "--strict with a file over --max-file-size exits 3"
# A PDF cut at --max-pages is still written, and said so.
[ "$(status "$DOSSIER" build -o lim-p --max-pages 1 -f pdf,json "$SRC"/examples/articles)" = 0 ] ||
    fail "a run that cuts a PDF exits 0"
grep -q '^dossier: vn-ru: PDF cut at 1 page .*(--max-pages)$' err.txt || fail "--max-pages hit is reported"
"$PY" -c '
import json
w = [x for x in json.load(open("lim-p/run.json"))["warnings"] if x["limit"] == "max-pages"]
assert any(x["brief"] == "vn-ru" and x["value"] == 1 for x in w), w
' || fail "run.json lists the cut PDF"
if command -v pdfinfo >/dev/null 2>&1; then
    [ "$(pdfinfo lim-p/vn-ru.pdf | awk '/^Pages:/ { print $2 }')" = 1 ] || fail "--max-pages 1 gives one page"
fi
# The file's keys, and the command line over them.
printf '{"max-articles": 1, "max-file-size": "1M", "max-pages": 50}\n' > lim.json
[ "$(status "$DOSSIER" build -o lim2 --config lim.json --max-articles 5 "$SRC"/examples/articles)" = 0 ] ||
    fail "limits from --config"
"$PY" -c '
import json
o = json.load(open("lim2/run.json"))["options"]
assert o["max-articles"] == 5 and o["max-file-size"] == 1048576 and o["max-pages"] == 50, o
' || fail "--config limits, overridden by flags"
printf '{"max-articles": "many"}\n' > lim-bad.json
[ "$(status "$DOSSIER" build -o lim3 --config lim-bad.json)" = 2 ] || fail "a bad limit in --config is a usage error"
grep -q 'max-articles' err.txt || fail "the config error names the key"

# list and inspect
[ "$(status "$DOSSIER" list "$SRC"/examples/articles)" = 0 ] || fail "list"
grep -q '^vn-ru	' out.txt || fail "list shows vn-ru"
[ "$(status "$DOSSIER" inspect "$SRC"/examples/articles/seed-000-vietnam-russie-table-ronde.txt)" = 0 ] || fail "inspect"
"$PY" -c '
import json
lines = open("out.txt").read().splitlines()
assert len(lines) == 1
a = json.loads(lines[0])
for k in ("file", "title", "date", "lang", "url", "outlet", "partners", "primary_partner", "figures", "events", "actors", "themes"):
    assert k in a, k
assert a["primary_partner"] == "RU" and a["date"] == "2024-04", a
' || fail "inspect output does not follow the contract"
echo ok
