#!/usr/bin/env bash
# Builds annals and runs every test (the conformance suites too when ../shared exists).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
