#!/usr/bin/env bash
# Compares the parsing speed of two builds by running their bench_parse at the same time,
# pinned to cores 0 and 1, so that both meet the same load: on a shared machine single runs
# vary by ±20%, more than most changes. Prints each pair's sentences/s, the ratio NEW/OLD and
# their geometric mean. Each build times the models of its own source tree.
#   scripts/bench-side-by-side.sh OLD/bench_parse NEW/bench_parse [RUNS=5] [FILTER=/en.model]
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,6p "$0" >&2; exit 2; }
old=$1 new=$2 runs=${3:-5} filter=${4:-/en.model}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pin() { if command -v taskset >/dev/null; then taskset -c "$1" "${@:2}"; else "${@:2}"; fi; }

# Sentences/s of one run of the Reuters benchmark into $3, its messages into $3.log.
rate() {
  pin "$1" "$2" --benchmark_filter="TokenizeTagParse.*$filter" >"$3.out" 2>"$3.log" || return 1
  sed -n 's/.*sentences_per_s=\([0-9.]*\)\([kM]\?\)\/s.*/\1 \2/p' "$3.out" |
    awk '{ print $1 * ($2 == "k" ? 1e3 : $2 == "M" ? 1e6 : 1) }' >"$3"
}
check() {  # a run must give exactly one rate
  if [ "$(wc -l <"$2")" -ne 1 ]; then
    echo "no rate from $1 (filter '$filter'):" >&2
    cat "$2.log" >&2
    exit 1
  fi
}

for ((i = 1; i <= runs; i++)); do
  rate 0 "$old" "$tmp/old" &
  pid=$!
  new_status=0
  rate 1 "$new" "$tmp/new" || new_status=$?
  old_status=0
  wait "$pid" || old_status=$?
  ((old_status == 0)) || { echo "$old failed:" >&2; cat "$tmp/old.log" >&2; exit 1; }
  ((new_status == 0)) || { echo "$new failed:" >&2; cat "$tmp/new.log" >&2; exit 1; }
  check "$old" "$tmp/old"
  check "$new" "$tmp/new"
  paste "$tmp/old" "$tmp/new"
done | awk '{ r = $2 / $1; s += log(r); printf "old %8.0f  new %8.0f  ratio %.3f\n", $1, $2, r }
            END { if (NR) printf "geometric mean of %d ratios: %.3f\n", NR, exp(s / NR) }'
