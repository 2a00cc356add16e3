#!/usr/bin/env bash
# Compares the parsing speed of two builds by running their bench_parse side by side, one per
# core, so that both meet the same load: on a shared machine single runs vary by ±20%, far
# more than most changes. Prints each pair's sentences/s, the ratio NEW/OLD and their
# geometric mean.
#   scripts/bench-side-by-side.sh OLD/bench_parse NEW/bench_parse [RUNS=5] [FILTER=/en.model]
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,7p "$0" >&2; exit 2; }
old=$1 new=$2 runs=${3:-5} filter=${4:-/en.model}
rate() {  # sentences/s of one run of the Reuters benchmark
  "$1" --benchmark_filter="TokenizeTagParse.*$filter" 2>/dev/null |
    sed -n 's/.*sentences_per_s=\([0-9.]*\)\([kM]\?\)\/s.*/\1 \2/p' |
    awk '{ print $1 * ($2 == "k" ? 1e3 : $2 == "M" ? 1e6 : 1) }'
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ((i = 1; i <= runs; i++)); do
  rate "$old" >"$tmp/old" &
  rate "$new" >"$tmp/new"
  wait
  paste "$tmp/old" "$tmp/new"
done | awk '{ r = $2 / $1; s += log(r); printf "old %8.0f  new %8.0f  ratio %.3f\n", $1, $2, r }
            END { if (NR) printf "geometric mean of %d ratios: %.3f\n", NR, exp(s / NR) }'
