#!/bin/sh
# SPDX-License-Identifier: MIT
# seed.sh TARGET FOLDER: fills FOLDER with the seed corpus of one fuzz target,
# made from tests/data (and the sample articles), plus the target's kept
# regressions (tests/fuzz/regressions/TARGET/). Used by the fuzz-smoke-*
# tests and before a libFuzzer run (tests/fuzz/README.md).
set -eu
target=${1:?usage: seed.sh TARGET FOLDER}
out=${2:?usage: seed.sh TARGET FOLDER}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
mkdir -p "$out"

# Regular files only, without the READMEs: symlinks and FIFOs of a hostile
# folder are for the CLI tests.
copy_files() {
    prefix=$1; shift
    for f in "$@"; do
        [ -f "$f" ] && [ ! -h "$f" ] || continue
        case $f in *README.md) continue ;; esac
        cp "$f" "$out/$prefix-$(basename "$f")"
    done
}
# One seed per line of a file (tab-separated cases keep column @2).
split_lines() {
    prefix=$1 file=$2 col=$3
    n=0
    grep -v '^#\|^\[\|^$' "$file" | cut -f"$col" | while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" > "$out/$prefix-$n"
    done
}

articles() {
    copy_files ingest "$src"/tests/data/ingest/*
    copy_files sample "$src"/examples/articles/*
    copy_files extract "$src"/tests/data/extract/*.txt
    copy_files hostile "$src"/tests/data/hostile/*
}

case $target in
ingest-text | ingest-html | ingest-json | pipeline)
    articles
    ;;
figures)
    # The harness reads the first byte as the language: '0' French, '1' English.
    grep -v '^#\|^\[\|^$' "$src/tests/data/figures/cases.tsv" | cut -f1,2 |
        awk -F'\t' -v out="$out" '{ f = out "/case-" NR; printf "%s%s", ($1 == "en" ? "1" : "0"), $2 > f; close(f) }'
    grep -v '^#' "$src/tests/data/extract/corpus-figures.tsv" | cut -f2 |
        awk -v out="$out" 'NF { f = out "/quote-" NR; printf "0%s", $0 > f; close(f) }'
    ;;
dates)
    n=0
    for d in 2025 2025-02 2025-02-28 2024-02-29 2025-02-30 1899-12-31 2199-12-31 99999-01-01 \
             2025-11-20T10:05:00+07:00 2025-11-20T10:05:00Z "date 2025-03" \
             "Hanoï, 30 mai (VNA) -" "Mercredi 26 février 2025 - 10:05" "12/03/2025 à 14:30" \
             "information fournie par Reuters 12/03/2025 à 09:15" "1er janvier 2024" \
             "Source : https://example.vn/2025/03/04/a.html" "-20240315093012345.htm"; do
        n=$((n + 1))
        printf '%s' "$d" > "$out/date-$n"
    done
    for f in "$src"/tests/data/ingest/*.txt; do
        head -n 4 "$f" > "$out/lead-$(basename "$f")"
    done
    ;;
brief-json)
    copy_files brief "$src"/tests/data/brief/*.json "$src"/tests/data/summarize/*.json
    copy_files hostile "$src"/tests/data/hostile/*.json
    ;;
*)
    echo "seed.sh: unknown target $target" >&2
    exit 2
    ;;
esac
if [ -d "$here/regressions/$target" ]; then
    copy_files regression "$here/regressions/$target"/*
fi
