#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end on the HTML: `dossier build` of the bundled sample and of hostile
# articles (markup, <script>, <img onerror>, javascript: links, a "Source :
# javascript:" line), then every page, and the unit test's rich and hostile
# goldens, checked by an HTML5 parser for safety (check-html.py), by the W3C
# Nu HTML checker for validity and by axe-core in Chromium for accessibility
# at 390 and 1280 px, also after a second run over a grown inbox ("Nouveau"
# marks, the index's changes column). The HTML brief must show what its PDF
# shows: sections, labels and formatted values in the same order. A tool that is missing skips
# its check with a message; scripts/deps-web installs them all.
set -eu
DOSSIER=${1:?usage: html.sh path/to/dossier}
SRC=${DSR_SRCDIR:?}
TOOLS=${DOSSIER_TOOLS:-$SRC/.tools}
NODE_MODULES=$TOOLS/web/node_modules
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
cd "$work"

# ---- the sample
"$DOSSIER" build -o sample -f pdf,html,json 2>stderr || fail "dossier build exited $? ($(cat stderr))"
set -- sample/*.html
[ "$#" -ge 2 ] || fail "no HTML brief in the sample build"

# ---- a second run over a grown inbox: "Nouveau" marks and the index's
# "what changed" column, checked below like every page
mkdir grow
cp "$SRC"/examples/articles/seed-000-*.txt "$SRC"/examples/articles/seed-002-*.txt grow/
"$DOSSIER" build -o grown -f pdf,html grow 2>stderr || fail "first grown build exited $? ($(cat stderr))"
cp "$SRC"/examples/articles/*.txt grow/
"$DOSSIER" build -o grown -f pdf,html grow 2>stderr || fail "second grown build exited $? ($(cat stderr))"
"$PY" - <<'PYEOF' || fail "grown run: no Nouveau mark or no change column"
import html5lib
def parse(p):
    return html5lib.parse(open(p, "rb"), namespaceHTMLElements=False)
ru = parse("grown/vn-ru.html")
tags = [e for e in ru.iter() if e.get("class") == "new-tag"]
assert tags and all("".join(t.itertext()) == "Nouveau" for t in tags), len(tags)
idx = parse("grown/index.html")
assert any(e.get("class") == "changes" for e in idx.iter("td")), "no changes column"
PYEOF

# ---- hostile articles: what an article says is text, never markup or a link
mkdir in
cat > in/hostile.txt <<'EOF'
date 2025-03-14 Le Vietnam et la Russie <script>alert('titre')</script> signent un accord

Le Vietnam et la Russie ont signé <b onmouseover="alert(1)">un accord</b> à Hanoï le 14 mars 2025, portant les échanges commerciaux à 15 milliards de dollars en 2024.

Selon le ministère <img src=x onerror="alert(2)">, la coopération <a href="javascript:alert(3)">économique</a> entre le Vietnam et la Russie a progressé de 12% en 2024.

Source : javascript:alert(4)
EOF
cat > in/hostile.html <<'EOF'
<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>La Russie et le Vietnam &lt;script&gt; renforcent leur coopération</title>
<meta property="og:url" content="javascript:alert(5)">
<meta property="article:published_time" content="2025-02-10">
<script>alert(6)</script>
</head><body><article>
<h1>La Russie et le Vietnam renforcent leur coopération énergétique</h1>
<p>Le 10 février 2025, le vice-Premier ministre russe a rencontré à Moscou le ministre vietnamien de l'Industrie&nbsp;; les deux pays visent 20 milliards de dollars d'échanges en 2030.<script>alert(7)</script></p>
<p onclick="alert(8)">Le Vietnam et la Russie ont convenu d'élargir la coopération dans l'énergie et le pétrole, selon <a href="javascript:alert(9)">l'agence</a> <iframe src="https://example.invalid/x"></iframe>.</p>
<p>Les investissements russes au Vietnam ont atteint environ 1 milliard de dollars <img src="https://example.invalid/p.png" onerror="alert(10)">.</p>
</article></body></html>
EOF
"$DOSSIER" build -o hostile -f pdf,html,json in 2>stderr || fail "hostile build exited $? ($(cat stderr))"
[ -s hostile/vn-ru.html ] || fail "the hostile articles gave no vn-ru brief ($(ls hostile))"
# Nothing of the articles' markup survives as markup: what is left of it is
# text. Read by an HTML5 parser, as a browser would (a grep would also match
# the escaped text, which is what must be there).
"$PY" "$SRC/tests/e2e/check-html.py" --hostile hostile/*.html ||
    fail "hostile articles: markup or a script URL in the page"
"$PY" "$SRC/tests/e2e/check-html.py" --hostile --shows '<img src=x onerror=' hostile/vn-ru.html ||
    fail "the article's <img> is not shown as text"
# The check itself must see what it looks for.
printf '%s\n' '<!DOCTYPE html><html lang="fr"><body><a href=" java&#9;script:alert(1)">x</a></body></html>' >bad.html
"$PY" "$SRC/tests/e2e/check-html.py" --hostile bad.html >/dev/null && fail "check-html.py --hostile missed a javascript: link"
printf '%s\n' '<!DOCTYPE html><html lang="fr"><body><p>&lt;a href="javascript:x"&gt;</p></body></html>' >text.html
"$PY" "$SRC/tests/e2e/check-html.py" --hostile text.html || fail "check-html.py --hostile flags escaped text"

# The unit tests' golden pages hold the markup with the stylesheet and charts
# left out (placeholders), so they are checked for structure and validity, not
# laid out by axe in a browser: the built pages above are.
goldens="$SRC/tests/data/render-html/rich.expected.html $SRC/tests/data/render-html/hostile.expected.html"
pages="sample/*.html hostile/*.html grown/*.html"
# shellcheck disable=SC2086
"$PY" "$SRC/tests/e2e/check-html.py" $pages $goldens || fail "check-html.py"

# ---- sizes: a typical brief is well under 200 KB
for f in sample/*.html; do
    bytes=$(wc -c < "$f")
    [ "$bytes" -lt 204800 ] || fail "$f is $bytes bytes (over 200 KB)"
done

# ---- same sections, labels and numbers as the PDF
if have pdftotext; then
    for slug in vn-ru vn-eu; do
        pdftotext -layout -enc UTF-8 "sample/$slug.pdf" "$slug.txt"
        "$PY" "$SRC/tests/e2e/check-html.py" --same-as-pdf "$slug.txt" "sample/$slug.html" ||
            fail "$slug.html and $slug.pdf differ"
    done
else
    skip "pdftotext not installed: HTML and PDF not compared (scripts/deps installs poppler-utils)"
fi

# ---- W3C Nu HTML checker
VNU=$NODE_MODULES/vnu-jar/build/dist/vnu.jar
if [ -f "$VNU" ] && have java; then
    # shellcheck disable=SC2086
    java -jar "$VNU" --errors-only $pages $goldens >vnu.txt 2>&1 || fail "Nu HTML checker: $(cat vnu.txt)"
    [ -s vnu.txt ] && fail "Nu HTML checker: $(cat vnu.txt)"
    echo "ok: Nu HTML checker, no error"
else
    skip "Nu HTML checker not installed ($VNU, java): run scripts/deps-web"
fi

# ---- axe-core in Chromium, at a phone and a desktop width
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ -d "$NODE_MODULES/axe-core" ] && [ -d "$NODE_MODULES/playwright-core" ] && [ -x "$CHROMIUM" ] && have node; then
    # shellcheck disable=SC2086
    NODE_PATH=$NODE_MODULES CHROMIUM=$CHROMIUM node "$SRC/tests/e2e/web/axe-check.js" \
        sample/vn-ru.html sample/vn-eu.html sample/vn.html sample/index.html hostile/vn-ru.html \
        grown/vn-ru.html grown/index.html >axe.txt 2>&1 || fail "accessibility: $(cat axe.txt)"
    tail -n 1 axe.txt
else
    skip "axe-core, playwright-core or Chromium not installed: run scripts/deps-web"
fi
echo "ok: html"
