#!/bin/sh
# SPDX-License-Identifier: MIT
# smoke.sh HARNESS TARGET: replays the target's seed corpus and regressions
# through a harness built with the standalone driver (fuzz-main.c).
set -eu
harness=${1:?usage: smoke.sh HARNESS TARGET}
target=${2:?usage: smoke.sh HARNESS TARGET}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh "$(dirname "$0")/seed.sh" "$target" "$work"
"$harness" "$work" 2>"$work.log" || { tail -n 40 "$work.log" >&2; rm -f "$work.log"; exit 1; }
tail -n 1 "$work.log"
rm -f "$work.log"
