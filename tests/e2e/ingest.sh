#!/bin/sh
# SPDX-License-Identifier: MIT
# Ingestion end to end, as issue 3 is checked: one folder mixing the forms
# people save articles in (pasted text, a saved HTML page, a JSON export, JSON
# Lines, a page saved under .txt) with every kind of bad file. The good inputs
# give their briefs; the same article saved three ways is read once and the
# manifest names what each copy duplicates; every bad file is named on stderr
# with its reason and recorded as skipped in run.json; hidden files are not
# inputs at all; --strict turns the skips into exit 3.
set -eu
DOSSIER=${1:?usage: ingest.sh path/to/dossier}
SRC=${DSR_SRCDIR:?}
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
# The checks below are Python; use the system one (Debian's modules).
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"

mkdir -p in/sub in/.hidden
cp "$SRC"/examples/articles/seed-000-vietnam-russie-table-ronde.txt in/ru-pasted.txt
cp "$SRC"/examples/articles/seed-002-vietnam-ue-forum-numerique.txt in/sub/eu-pasted.txt
cp "$SRC"/tests/data/ingest/lecourrier-like.html in/sub/saved-page.html
cp "$SRC"/examples/articles/seed-003-vietnam-chine-economie-numerique.txt in/.hidden/cn.txt
cp "$SRC"/examples/articles/seed-004-vietnam-russie-industrie-innovation.txt in/.dot-file.txt

# The seed article of the Russia round table as a saved page and as an export,
# made from the fields the ingest tests hold for it.
"$PY" - "$SRC/tests/data/ingest/forms.json" <<'EOF'
import html, json, sys
a = next(x for x in json.load(open(sys.argv[1])) if x["name"] == "seed-000")
paras = "".join("<p>%s</p>\n" % html.escape(p) for p in a["paragraphs"])
page = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>%(t)s | Le Courrier</title><meta property="og:title" content="%(t)s">
<meta property="article:published_time" content="%(d)s"></head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/eco">Économie</a></li></ul></nav>
<article><h1>%(t)s</h1>
%(p)s</article>
<aside><h2>Articles liés</h2><ul><li><a href="/x">Un autre sujet, sans rapport</a></li></ul></aside>
<footer>© Le Courrier</footer></body></html>""" % {"t": html.escape(a["title"]), "d": a["date"], "p": paras}
open("in/ru-saved.html", "w").write(page)
json.dump({"title": a["title"], "published": a["date"], "body": a["paragraphs"],
           "lang": "fr", "source": "lecourrier.vn", "extra": {"ignored": True}},
          open("in/sub/ru-export.json", "w"), ensure_ascii=False)
EOF

# Bad inputs, one of each kind.
: > in/empty.txt
printf '   \n\t\n  \n' > in/blank.txt
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000' > in/image.txt
printf '\177ELF\002\001\001\000\000\000' > in/program.html
printf 'Texte fran\303\247ais puis des octets \201\215\217\220\235 qui ne sont ni UTF-8 ni Windows-1252.\n' > in/bad-bytes.txt
head -c 21000000 /dev/zero | tr '\0' 'a' > in/huge.txt
printf '<!DOCTYPE html><html><head><title>Accueil</title></head><body><nav><a href="/">Accueil</a></nav></body></html>\n' > in/no-article.html
printf '{"title": "Sans texte", "date": "2025-01-01"}\n' > in/no-text.json
printf '{"title": "Tronqué", "text": "abc' > in/truncated.json
ln -s does-not-exist in/dangling.txt

status() { set +e; "$@" >out.txt 2>err.txt; s=$?; set -e; echo $s; }
[ "$(status "$DOSSIER" build -o out in)" = 0 ] || fail "bad inputs must not fail the run: $(cat err.txt)"

for f in empty.txt blank.txt image.txt program.html bad-bytes.txt huge.txt no-article.html \
         no-text.json truncated.json dangling.txt; do
    grep -q "^dossier: in/$f: .*(skipped)\$" err.txt || fail "in/$f not reported on stderr: $(cat err.txt)"
done
grep -q 'hidden\|dot-file' err.txt && fail "a hidden file was taken as an input"

"$PY" - <<'EOF' || fail "run.json does not account for every input"
import json
m = json.load(open("out/run.json"))
st = {i["file"]: i for i in m["inputs"]}
bad = ["empty.txt", "blank.txt", "image.txt", "program.html", "bad-bytes.txt", "huge.txt",
       "no-article.html", "no-text.json", "truncated.json", "dangling.txt"]
for f in bad:
    e = st.get("in/" + f)
    assert e and e["status"] == "skipped" and e.get("reason"), (f, e)
assert not any("hidden" in f or "dot-file" in f for f in st), "hidden inputs listed"
used = sorted(f for f, e in st.items() if e["status"] == "used")
dups = {f: e["duplicate_of"] for f, e in st.items() if e["status"] == "duplicate"}
# The round table saved three ways is one article: the first in input order is used.
forms = {"in/ru-pasted.txt", "in/ru-saved.html", "in/sub/ru-export.json"}
assert len(forms & set(used)) == 1, used
assert set(dups) == forms - set(used), dups
assert all(d in forms for d in dups.values()), dups
assert "in/sub/eu-pasted.txt" in used and "in/sub/saved-page.html" in used, used
slugs = {r["slug"] for r in m["relationships"]}
assert {"vn-ru", "vn-eu"} <= slugs, slugs
EOF
[ -s out/vn-ru.pdf ] && [ -s out/vn-eu.html ] || fail "good inputs did not produce their briefs"

# inspect gives the same article fields for the three forms.
"$DOSSIER" inspect in/ru-pasted.txt in/ru-saved.html in/sub/ru-export.json > facts.jsonl 2>/dev/null ||
    fail "inspect of the three forms"
"$PY" - <<'EOF' || fail "the three forms do not give the same article"
import json
rows = [json.loads(l) for l in open("facts.jsonl")]
assert len(rows) == 3, len(rows)
keys = ("title", "date", "lang", "partners", "primary_partner")
first = {k: rows[0][k] for k in keys}
for r in rows[1:]:
    assert {k: r[k] for k in keys} == first, ({k: r[k] for k in keys}, first)
assert first["date"] == "2024-04" and first["lang"] == "fr" and first["primary_partner"] == "RU", first
assert [f["quote"] for f in rows[0]["figures"]] == [f["quote"] for f in rows[2]["figures"]]
EOF

[ "$(status "$DOSSIER" build --strict -o strict in)" = 3 ] || fail "--strict with skipped inputs exits 3"
echo ok
