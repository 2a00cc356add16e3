#!/usr/bin/env bash
# The second example: ingests the Reuters-21578 corpus from ../shared (when present) on
# every core into reuters.db, then shows the most frequent dyads and a yearly series.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpora/reuters21578
[ -d "$corpus" ] || { echo "no $corpus here: nothing to ingest" >&2; exit 0; }
bash scripts/setup.sh >/dev/null
build/annals ingest --db reuters.db "$corpus"
build/annals query --db reuters.db --top dyads --format table
build/annals query --db reuters.db --source 'USA*' --by month --format table
