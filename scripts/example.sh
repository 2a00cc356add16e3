#!/usr/bin/env bash
# Builds annals, codes the bundled example story from its raw text into the default event
# store (annals.db) and shows its events. Rerunning skips the story already stored.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
build/annals ingest --quiet data/examples/seed.jsonl
build/annals query --events --format table
