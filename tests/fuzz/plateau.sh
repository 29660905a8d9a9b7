#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs one libFuzzer target until it stops finding coverage: no new `cov:`
# for QUIET seconds (default 180), or MAX seconds in all (default 3600).
# Prints one line for the README's "Last runs" table.
#   tests/fuzz/plateau.sh TARGET [MAX [QUIET]]     e.g. plateau.sh figures 1800
# Needs the libFuzzer build of tests/fuzz/README.md in build-fuzz (or $BUILD).
# The grown corpus is kept in $BUILD/corpus/TARGET, crashers in
# $BUILD/artifacts/TARGET/; a crasher belongs in regressions/TARGET/.
set -eu
cd "$(dirname "$0")/../.."
target=$1
max=${2:-3600}
quiet=${3:-180}
BUILD=${BUILD:-build-fuzz}
bin=$BUILD/tests/fuzz-$target
[ -x "$bin" ] || { echo "plateau.sh: $bin not built (see tests/fuzz/README.md)" >&2; exit 2; }

case $target in
    ingest-*|brief-json) len=16384 ;;
    pipeline) len=12288 ;;
    figures) len=4096 ;;
    dates) len=2048 ;;
    *) len=8192 ;;
esac
# The pipeline's leak scan makes it crawl (README: "What a pipeline run
# costs"); its leaks are found by replaying the corpus through build-asan.
leaks=1
[ "$target" = pipeline ] && leaks=0

seeds=$BUILD/seeds/$target
corpus=$BUILD/corpus/$target
art=$BUILD/artifacts/$target
log=$BUILD/plateau-$target.log
rm -rf "$seeds"
sh tests/fuzz/seed.sh "$target" "$seeds" >/dev/null
mkdir -p "$corpus" "$art"

DOSSIER_DATADIR=$PWD LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000 \
ASAN_OPTIONS=detect_leaks=$leaks:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp \
    nice "$bin" -max_total_time="$max" -timeout=20 -rss_limit_mb=2048 \
        -max_len="$len" -print_final_stats=1 -artifact_prefix="$art/" \
        "$corpus" "$seeds" >"$log" 2>&1 &
pid=$!

start=$(date +%s)
last_cov=0
last_new=$start
plateau=no
while kill -0 "$pid" 2>/dev/null; do
    sleep 10
    now=$(date +%s)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    cov=${cov:-0}
    if [ "$cov" -gt "$last_cov" ]; then
        last_cov=$cov
        last_new=$now
    elif [ $((now - last_new)) -ge "$quiet" ] && grep -q 'INITED\|DONE' "$log"; then
        plateau=yes
        kill -INT "$pid" 2>/dev/null || true
        break
    fi
done
wait "$pid" 2>/dev/null || true
end=$(date +%s)

execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
[ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
secs=$((end - start))
found=$(find "$art" -type f | wc -l)
crash=$(grep -c 'ERROR: \(AddressSanitizer\|LeakSanitizer\|libFuzzer\)\|runtime error:' "$log" || true)
echo "| fuzz-$target | ${secs} s | ${execs:-0} | $(( ${execs:-0} / (secs > 0 ? secs : 1) )) | $last_cov / ${ft:-0} | $plateau (quiet ${quiet} s) | $found artifacts, $crash reports |"
