#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end on the bundled sample, checked the way a reader's tools see the
# outputs: pdfinfo/pdffonts/pdftotext on the PDFs, an HTML5 parser on the
# HTML, dossier's own brief reader on the JSON; then a second run must give
# the same bytes (SOURCE_DATE_EPOCH is set by CTest).
set -eu
DOSSIER=${1:?usage: sample.sh path/to/dossier}
SRC=${DSR_SRCDIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# html5lib is a Debian package: use the system python, not one on PATH.
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
fail() { echo "FAIL: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

cd "$work"
"$DOSSIER" build -o out1 2>stderr1 || fail "dossier build exited $? ($(cat stderr1))"
for slug in vn-ru vn-eu vn-cn vn; do
    for ext in pdf html json; do
        [ -s "out1/$slug.$ext" ] || fail "missing out1/$slug.$ext"
    done
done
[ -s out1/index.html ] || fail "missing index.html"
[ -s out1/run.json ] || fail "missing run.json"
"$PY" -c '
import json, sys
m = json.load(open("out1/run.json"))
assert m["dossier"], "no version"
used = [i for i in m["inputs"] if i["status"] == "used"]
assert len(used) == 5, "expected the 5 sample articles used, got %r" % m["inputs"]
names = {o["file"] for o in m["outputs"]}
for slug in ("vn-ru", "vn-eu", "vn-cn", "vn"):
    for ext in ("pdf", "html", "json"):
        assert slug + "." + ext in names, slug + "." + ext + " not in manifest"
for o in m["outputs"]:
    assert len(o["sha256"]) == 64 and o["bytes"] > 0, o
' || fail "run.json does not account for inputs and outputs"

if have pdfinfo; then
    for slug in vn-ru vn-eu vn-cn vn; do
        pdfinfo "out1/$slug.pdf" > info.txt || fail "pdfinfo cannot read $slug.pdf"
        grep -q '^Pages: *[1-9]' info.txt || fail "$slug.pdf has no page"
        grep -q '^Page size: *595.2' info.txt || fail "$slug.pdf is not A4"
        grep -q '^Title: .\+' info.txt || fail "$slug.pdf has no title"
        # Every font embedded and subset, and only the bundled ones.
        pdffonts "out1/$slug.pdf" | tail -n +3 > fonts.txt
        [ -s fonts.txt ] || fail "$slug.pdf has no font"
        awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad=1 } END { exit bad }' fonts.txt ||
            fail "$slug.pdf has a font not embedded or not subset: $(cat fonts.txt)"
        grep -v -q 'Noto' fonts.txt && fail "$slug.pdf uses a font that is not bundled"
        pdftotext -enc UTF-8 "out1/$slug.pdf" "$slug.txt"
    done
    # pdftotext gives NBSP and narrow NBSP back as spaces; compare on plain spaces.
    norm() { sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$1" | tr -s ' \n' '  '; }
    norm vn.txt | grep -q "Nguyen Manh Hung" || fail "vn.pdf lacks 'Nguyen Manh Hung'"
    norm vn-eu.txt | grep -q "Hô Chi Minh-Ville" || fail "vn-eu.pdf lacks 'Hô Chi Minh-Ville'"
    norm vn-ru.txt | grep -q "Économie" || fail "vn-ru.pdf lacks 'Économie'"
    norm vn-ru.txt | grep -q "16,5" || fail "vn-ru.pdf lacks the 16,5 % figure"
    grep -q "$(printf '\302\255')" vn-ru.txt vn-eu.txt vn-cn.txt vn.txt && fail "a soft hyphen leaked into the PDF text"
fi

"$PY" "$SRC/tests/e2e/check-html.py" out1/vn-ru.html out1/vn-eu.html out1/vn-cn.html out1/vn.html out1/index.html ||
    fail "HTML check"
grep -q 'Content-Security-Policy' out1/vn-ru.html || fail "no CSP in vn-ru.html"

# Golden briefs: the sample's brief JSON (what every renderer draws) is compared
# with tests/data/sample/; DOSSIER_UPDATE_GOLDEN=1 rewrites them (read the diff).
golden="$SRC/tests/data/sample"
for slug in vn-ru vn-eu vn-cn vn; do
    if [ "${DOSSIER_UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$golden" && cp "out1/$slug.json" "$golden/$slug.expected.json"
    elif ! cmp -s "out1/$slug.json" "$golden/$slug.expected.json"; then
        diff -u "$golden/$slug.expected.json" "out1/$slug.json" | head -n 40 >&2
        fail "out1/$slug.json differs from tests/data/sample/$slug.expected.json"
    fi
done

# The brief JSON is read back by dossier's own reader and renders again.
"$DOSSIER" render -o again out1/vn-ru.json 2>stderr2 || fail "render of vn-ru.json failed: $(cat stderr2)"
cmp -s out1/vn-ru.html again/vn-ru.html || fail "render from vn-ru.json does not reproduce the HTML"
cmp -s out1/vn-ru.pdf again/vn-ru.pdf || fail "render from vn-ru.json does not reproduce the PDF"

# Same inputs, same SOURCE_DATE_EPOCH: same bytes, every file.
# run.json records the options, output folder included: run again with the
# same relative folder name, from another working directory.
mkdir second
(cd second && "$DOSSIER" build -o out1 2>/dev/null) || fail "second build failed"
for f in out1/*; do
    cmp -s "$f" "second/$f" || fail "second run differs: ${f#out1/}"
done
# A run into a folder that already holds these briefs leaves them alone.
# On a failure, say which file changed and how (a rare difference here once
# failed CI without naming the file).
cp -R out1 before3
"$DOSSIER" build -o out1 2>/dev/null || fail "third build failed"
if ! "$PY" -c '
import json, sys
m = json.load(open("out1/run.json"))
bad = [(o["file"], o["status"]) for o in m["outputs"] if o["status"] != "unchanged"]
if bad:
    print("not unchanged: %r" % bad, file=sys.stderr)
    sys.exit(1)
'; then
    for f in before3/*; do
        cmp "$f" "out1/${f#before3/}" >&2 || diff -u "$f" "out1/${f#before3/}" 2>/dev/null | head -n 30 >&2
    done
    fail "unchanged briefs were not reported unchanged"
fi
echo "ok"
