#!/usr/bin/env bash
# Builds annals and codes the bundled example with the bundled dictionaries.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
build/annals code data/examples/seed-sentences.conllu
