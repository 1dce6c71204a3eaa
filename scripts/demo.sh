#!/usr/bin/env bash
# The main job, on a fresh machine: install, build (release), and run alinea on the bundled letter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
cmake --preset release >/dev/null
cmake --build --preset release
exec bash scripts/main-job.sh build/release/tools/alinea
