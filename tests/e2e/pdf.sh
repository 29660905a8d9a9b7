#!/bin/sh
# SPDX-License-Identifier: MIT
# End to end on the PDF: `dossier build -f pdf` on the bundled sample, each
# PDF checked with poppler and qpdf as a reader's tools see it (A4, metadata,
# embedded subset Noto fonts only, text with no soft hyphen, an outline and
# links), then `dossier render` of the brief JSON must give the same bytes.
set -eu
DOSSIER=${1:?usage: pdf.sh path/to/dossier}
: "${SOURCE_DATE_EPOCH:=1700000000}"
export SOURCE_DATE_EPOCH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

cd "$work"
"$DOSSIER" build -o out -f pdf,json 2>stderr || fail "dossier build exited $? ($(cat stderr))"
set -- out/*.pdf
[ -s "$1" ] || fail "no PDF written"
for pdf in "$@"; do
    head -c 5 "$pdf" | grep -q '^%PDF-' || fail "$pdf is not a PDF"
    if have pdfinfo; then
        info=$(pdfinfo -isodates "$pdf")
        echo "$info" | grep -q '^Page size: *595.28 x 841.89 pts (A4)' || fail "$pdf: not A4"
        echo "$info" | grep -q '^Creator: *dossier ' || fail "$pdf: creator"
        echo "$info" | grep -q '^Tagged: *yes' || fail "$pdf: not tagged"
        echo "$info" | grep -q '^Title: *.' || fail "$pdf: no title"
        echo "$info" | grep -q '^CreationDate: *2023-11-14T22:13:20' || fail "$pdf: date not from SOURCE_DATE_EPOCH"
    fi
    if have pdffonts; then
        pdffonts "$pdf" | tail -n +3 | while read -r name rest; do
            echo "$name" | grep -Eq '^[A-Z]{6}\+Noto(Sans|Serif|SansMath)-' || fail "$pdf: font $name"
            echo "$rest" | grep -Eq ' yes +yes +yes ' || fail "$pdf: $name not embedded as a subset"
        done
    fi
    if have pdftotext; then
        pdftotext -enc UTF-8 "$pdf" text.txt
        grep -q "$(printf '\302\255')" text.txt && fail "$pdf: soft hyphen in the text"
        grep -q 'Points clés' text.txt || fail "$pdf: no key points heading"
        grep -q 'page 1 / ' text.txt || fail "$pdf: no page footer"
    fi
    if have qpdf; then
        qpdf --check "$pdf" >check.txt 2>&1 || fail "$pdf: qpdf --check ($(cat check.txt))"
        qpdf --json "$pdf" >pdf.json
        grep -q '"outlines": \[$' pdf.json || grep -q '"outlines": \[ *{' pdf.json || fail "$pdf: no outline"
        grep -q '"/Subtype": "/Link"' pdf.json || fail "$pdf: no link annotation"
        # The document language (set by the libqpdf finishing step; cairo 1.16
        # cannot) is the labels' language: screen readers pick their voice by it.
        grep -q '"/Lang": "u:fr"' pdf.json || grep -q '"/Lang": "fr"' pdf.json ||
            fail "$pdf: no /Lang fr on the catalog"
    fi
done
# The brief JSON renders to the same PDF.
"$DOSSIER" render -o again -f pdf out/vn-ru.json 2>stderr || fail "dossier render exited $? ($(cat stderr))"
cmp again/vn-ru.pdf out/vn-ru.pdf || fail "render of vn-ru.json differs from build"
echo "ok: $# PDFs"
