#!/bin/sh
# SPDX-License-Identifier: MIT
# Scheduled runs: a --config file, e-mails read back by Python's email package,
# unchanged briefs keeping their bytes and mtime, new articles marked in
# run.json, the lock (a second run exits 1 at once), SIGTERM in the middle of
# a run, a read-only folder and a full disk: each leaves the last good briefs.
set -eu
DOSSIER=${1:?usage: schedule.sh path/to/dossier}
SRC=${DSR_SRCDIR:?}
work=$(mktemp -d)
cleanup() {
    [ -n "${holder:-}" ] && kill "$holder" 2>/dev/null || true
    mountpoint -q "$work/full" 2>/dev/null && umount "$work/full" || true
    chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"
}
trap cleanup EXIT
PY=/usr/bin/python3; [ -x "$PY" ] || PY=python3
fail() { echo "FAIL: $*" >&2; exit 1; }
status() { set +e; "$@" >out.txt 2>err.txt; s=$?; set -e; echo $s; }
no_temporaries() { ! ls -a "$1" | grep -q '\.tmp-' || fail "temporary left in $1: $(ls -a "$1")"; }
cd "$work"

mkdir inbox
cp "$SRC"/examples/articles/seed-000-*.txt "$SRC"/examples/articles/seed-001-*.txt inbox/
cat > dossier.json <<'EOF'
{
  "inputs": ["inbox"],
  "output": "out",
  "format": ["pdf", "html", "json", "eml"],
  "email": {"from": "Cellule de veille <veille@example.org>",
            "to": ["Cabinet <cabinet@example.org>"],
            "cc": ["archives@example.org"],
            "subject": "Note {partner} – {date}"},
  "relationships": {"RU": {"title": "Note Vietnam – Russie",
                           "to": ["Bureau Russie <russie@example.org>"]}}
}
EOF

# 1. Config errors name the key's JSON path and exit 2.
echo '{"email": {"to": ["a@example.org", 3]}}' > bad1.json
[ "$(status "$DOSSIER" build --config bad1.json)" = 2 ] || fail "wrong type in config exits 2"
grep -qF '$.email.to[1]' err.txt || fail "wrong type names its path: $(cat err.txt)"
echo '{"outptu": "x"}' > bad2.json
[ "$(status "$DOSSIER" build --config bad2.json)" = 2 ] || fail "unknown key exits 2"
grep -qF "\$.outptu: unknown key" err.txt || fail "unknown key named: $(cat err.txt)"
printf '{"output": "x",\n "format": [pdf]}' > bad3.json
[ "$(status "$DOSSIER" build --config bad3.json)" = 2 ] || fail "bad JSON exits 2"
grep -q 'bad3.json:2:' err.txt || fail "bad JSON gives the line: $(cat err.txt)"
[ "$(status "$DOSSIER" build --config missing.json)" = 2 ] || fail "missing config exits 2"

# 2. A run from the config file; flags override it.
[ "$(status "$DOSSIER" build --config dossier.json)" = 0 ] || fail "config run: $(cat err.txt)"
for f in vn-ru.pdf vn-ru.html vn-ru.json vn-ru.eml index.html run.json; do
    [ -s out/$f ] || fail "config run did not write out/$f"
done
[ "$(status "$DOSSIER" build --config dossier.json -o other -f json)" = 0 ] || fail "override run"
[ -s other/vn-ru.json ] && [ ! -e other/vn-ru.pdf ] || fail "-o and -f must override the config"
"$PY" -c '
import json
m = json.load(open("out/run.json"))
assert m["options"]["config"] == "dossier.json", m["options"]
assert m["previous_run"] is False
assert all(i["status"] == "used" and "id" in i and "new" not in i for i in m["inputs"]), m["inputs"]
assert all(o["status"] == "new" and len(o["sha256"]) == 64 and o["bytes"] > 0 for o in m["outputs"])
assert "timings" in m and m["timings"] == {}, "timings are left out under SOURCE_DATE_EPOCH"
' || fail "first run.json"

# 3. The e-mail, read back by Python: headers, parts, cid images, the PDF.
"$PY" - <<'EOF' || fail "vn-ru.eml does not read back"
import email, re
from email import policy
raw = open("out/vn-ru.eml", "rb").read()
assert all(b < 128 for b in raw), "not 7-bit"
assert max(len(l) for l in raw.split(b"\n")) <= 998, "line longer than SMTP allows"
m = email.message_from_binary_file(open("out/vn-ru.eml", "rb"), policy=policy.default)
assert m["subject"] == "Note Russie – 14 novembre 2023", m["subject"]
assert m["from"].addresses[0].addr_spec == "veille@example.org"
assert [a.addr_spec for a in m["to"].addresses] == ["russie@example.org"], m["to"]
assert [a.addr_spec for a in m["cc"].addresses] == ["archives@example.org"], m["cc"]
assert m["date"].datetime.timestamp() == 1700000000
assert m["message-id"].endswith("@example.org>"), m["message-id"]
assert m.get_content_type() == "multipart/mixed"
alt = m.get_payload()[0]
assert alt.get_content_type() == "multipart/alternative", alt.get_content_type()
plain = m.get_body(("plain",)).get_content()
html = m.get_body(("html",)).get_content()
assert "Note Vietnam – Russie" in plain and "Note Vietnam – Russie" in html
assert "<style" not in html and "<svg" not in html and "<script" not in html
cids = re.findall(r'src="cid:([^"]+)"', html)
assert cids, "no chart image in the HTML"
parts = {p["content-id"].strip("<>"): p for p in m.walk() if p["content-id"]}
for c in cids:
    assert c in parts and parts[c].get_content_type() == "image/png", c
    assert parts[c].get_content()[:8] == b"\x89PNG\r\n\x1a\n"
for p in m.walk():
    if not p.is_multipart():
        assert p["content-transfer-encoding"] in ("quoted-printable", "base64"), p.get_content_type()
att = list(m.iter_attachments())
assert [a.get_filename() for a in att] == ["vn-ru.pdf"], att
assert att[0].get_content() == open("out/vn-ru.pdf", "rb").read(), "PDF attachment differs"
n = email.message_from_binary_file(open("out/vn.eml", "rb"), policy=policy.default)
assert [a.addr_spec for a in n["to"].addresses] == ["cabinet@example.org"], "default recipients"
EOF

# 3b. A second, independent parser (Perl's MIME-tools, not GMime nor Python)
# must see the same tree of parts and the same PDF.
if perl -MMIME::Parser -e 1 2>/dev/null; then
    mkdir mime
    perl -MMIME::Parser -e '
        my $p = MIME::Parser->new; $p->output_under("mime"); $p->decode_headers(1);
        my $e = $p->parse_open("out/vn-ru.eml") or die "cannot parse";
        sub tree { my ($x, $d) = @_; my @k = $x->parts;
            print "  " x $d, $x->effective_type, "\n"; tree($_, $d + 1) for @k; }
        tree($e, 0);
        for my $part ($e->parts_DFS) {
            next unless $part->effective_type eq "application/pdf";
            my $io = $part->bodyhandle->open("r"); local $/; my $pdf = $io->getline;
            open my $f, "<", "out/vn-ru.pdf" or die; binmode $f; my $want = <$f>;
            die "PDF differs in MIME-tools" unless $pdf eq $want;
            print "pdf ok\n";
        }' > mime-tree.txt || fail "MIME-tools cannot read vn-ru.eml"
    grep -q '^multipart/mixed$' mime-tree.txt && grep -q '^  multipart/alternative$' mime-tree.txt &&
        grep -q '^    text/plain$' mime-tree.txt && grep -q 'text/html$' mime-tree.txt &&
        grep -q 'image/png$' mime-tree.txt && grep -q '^  application/pdf$' mime-tree.txt &&
        grep -q '^pdf ok$' mime-tree.txt || fail "MIME-tools sees another message: $(cat mime-tree.txt)"
else
    echo "SKIP: Perl MIME-tools (libmime-tools-perl) not installed: second e-mail parser not run"
fi

# 4. Same inputs again: nothing is rewritten (bytes and mtime kept).
mkdir keep && cp -p out/* keep/
sleep 1
[ "$(status "$DOSSIER" build --config dossier.json)" = 0 ] || fail "second run"
for f in keep/*; do
    n=$(basename "$f")
    [ "$n" = run.json ] && continue
    cmp -s "$f" "out/$n" || fail "out/$n changed on an unchanged run"
    [ "$(stat -c %Y "$f")" = "$(stat -c %Y "out/$n")" ] || fail "out/$n rewritten (mtime changed)"
done
"$PY" -c '
import json
m = json.load(open("out/run.json"))
assert m["previous_run"] is True
assert all(o["status"] == "unchanged" for o in m["outputs"]), m["outputs"]
assert all(i["new"] is False for i in m["inputs"] if i["status"] == "used")
assert all(r["status"] == "unchanged" and r["new_sources"] == [] for r in m["relationships"])
' || fail "second run.json"
cp -p out/run.json keep/run.json

# 5. A new article arrives: it is new in run.json, its briefs changed.
cp "$SRC"/examples/articles/seed-002-*.txt inbox/
[ "$(status "$DOSSIER" build --config dossier.json)" = 0 ] || fail "third run"
"$PY" -c '
import json
m = json.load(open("out/run.json"))
new = [i["file"] for i in m["inputs"] if i.get("new")]
assert len(new) == 1 and "seed-002" in new[0], new
assert any(r["new_sources"] for r in m["relationships"]), m["relationships"]
assert any(o["status"] == "changed" for o in m["outputs"])
' || fail "new article not accounted for"
rm -rf keep && mkdir keep && cp -p out/* keep/

# 6. The lock: while one run holds it, a second one exits 1 at once.
# One process holds the lock (flock(1) would leave it held by its child).
"$PY" -c 'import fcntl, sys, time; f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); time.sleep(30)' out/.lock &
holder=$!
sleep 0.3
[ "$(status "$DOSSIER" build --config dossier.json)" = 1 ] || fail "second run while locked must exit 1"
grep -q 'another dossier run is writing to' err.txt || fail "lock message: $(cat err.txt)"
kill "$holder"; wait "$holder" 2>/dev/null || true; holder=
for f in keep/*; do cmp -s "$f" "out/$(basename "$f")" || fail "locked-out run touched $f"; done
# Two real runs at once: each either finishes or is turned away; nothing is broken.
set +e
"$DOSSIER" build --config dossier.json -q 2>c1.txt & p1=$!
"$DOSSIER" build --config dossier.json -q 2>c2.txt & p2=$!
wait $p1; s1=$?; wait $p2; s2=$?
set -e
case "$s1$s2" in 00|01|10) ;; *) fail "concurrent runs: $s1 $s2 $(cat c1.txt c2.txt)" ;; esac
# run.json changes once (seed-002 is no longer new), and so does the brief
# that cited it as new (vn-eu loses its "Nouveau" marks), and the index that
# shows each brief's status since the previous run; the others must not.
for f in keep/*; do
    case "$f" in keep/run.json | keep/index.html | keep/vn-eu.*) continue ;; esac
    cmp -s "$f" "out/$(basename "$f")" || fail "concurrent runs changed $f"
done
grep -q '"new"' out/vn-eu.json && fail "seed-002 is still marked new after a second run"
"$PY" -c 'import json; json.load(open("out/run.json"))' || fail "run.json broken by concurrent runs"
no_temporaries out
cp -p out/run.json out/index.html out/vn-eu.* keep/

# 7. SIGTERM in the middle of a long run: exit 1, no temporary, briefs intact.
mkdir big
i=0
while [ $i -lt 60 ]; do
    for f in "$SRC"/examples/articles/*.txt; do
        { cat "$f"; echo; echo "Paragraphe ajouté numéro $i pour rendre l'article différent."; } > "big/$i-$(basename "$f")"
    done
    i=$((i + 1))
done
cp inbox/* big/
set +e
"$DOSSIER" build --config dossier.json --jobs 1 big 2>term.txt & pid=$!
sleep 0.5
kill -TERM $pid
wait $pid; s=$?
set -e
[ "$s" = 1 ] || fail "SIGTERM run exits 1 (got $s): $(cat term.txt)"
grep -q 'stopped by a signal' term.txt || fail "SIGTERM message: $(cat term.txt)"
no_temporaries out
for f in keep/*; do cmp -s "$f" "out/$(basename "$f")" || fail "interrupted run changed $f"; done

# 8. A folder that cannot be written (read-only for the user running dossier).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    mkdir ro && cp -p keep/* ro/ && chmod 755 "$work" && chmod -R a+rX "$work" && chmod 555 ro
    set +e
    setpriv --reuid=65534 --regid=65534 --clear-groups \
        "$DOSSIER" build -o ro inbox >out.txt 2>err.txt; s=$?
    set -e
    [ "$s" = 1 ] || fail "read-only output folder exits 1 (got $s): $(cat err.txt)"
    grep -q 'Permission denied' err.txt || fail "read-only folder gives the reason: $(cat err.txt)"
    for f in keep/*; do cmp -s "$f" "ro/$(basename "$f")" || fail "read-only run changed $f"; done
fi

# 9. A full disk: a tmpfs when we may mount one, else a file-size limit
# (ulimit -f, with SIGXFSZ ignored so the write fails with EFBIG instead).
full_disk_run() { # dir, then extra dossier arguments
    dir=$1; shift
    "$DOSSIER" build --config dossier.json -o "$dir" -q "$@"
}
mkdir full
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=2m tmpfs full 2>/dev/null; then
    [ "$(status full_disk_run full)" = 0 ] || fail "run into the tmpfs: $(cat err.txt)"
    mkdir keep2 && cp -p full/* keep2/
    avail=$(df -k --output=avail full | tail -1)
    dd if=/dev/zero of=full/filler bs=1k count=$((avail - 40)) 2>/dev/null || true
    [ "$(status full_disk_run full big)" = 1 ] || fail "full disk exits 1"
    grep -q 'No space left on device' err.txt || fail "full disk gives the reason: $(cat err.txt)"
    no_temporaries full
    for f in keep2/*; do cmp -s "$f" "full/$(basename "$f")" || fail "full disk changed $f"; done
    umount full
fi
set +e
(trap '' XFSZ; ulimit -f 100; exec "$DOSSIER" build --config dossier.json -o out -q big) >out.txt 2>err.txt
s=$?
set -e
[ "$s" = 1 ] || fail "file-size limit exits 1 (got $s): $(cat err.txt)"
grep -q 'File too large' err.txt || fail "file-size limit gives the reason: $(cat err.txt)"
no_temporaries out
for f in keep/*; do cmp -s "$f" "out/$(basename "$f")" || fail "failed write changed $f"; done

# 10. JSON logs for log collectors: one object per line.
[ "$(status "$DOSSIER" build --config dossier.json --log-format json)" = 0 ] || fail "json log run"
"$PY" -c '
import json
# LeakSanitizer (sanitizer builds) appends its own report after the log.
lines = [json.loads(l) for l in open("err.txt") if l.startswith("{")]
assert any(l["event"] == "stage" and l["stage"] == "read" for l in lines), lines
assert lines[-1]["event"] == "done" and lines[-1]["unchanged"] > 0, lines[-1]
' || fail "--log-format json"
[ "$(status "$DOSSIER" build --config dossier.json --quiet)" = 0 ] || fail "--quiet run"
! grep -q '^dossier' err.txt || fail "--quiet prints nothing: $(cat err.txt)"
echo ok
