#!/usr/bin/env bash
# Installs the Debian packages annals needs (only those missing) and builds it in build/.
# Idempotent: a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config libutf8proc-dev libpugixml-dev nlohmann-json3-dev
          libcli11-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
          libsqlite3-dev zlib1g-dev libzstd-dev libeigen3-dev)
bash scripts/install-packages.sh "${packages[@]}"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
