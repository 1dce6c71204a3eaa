#!/usr/bin/env bash
# The main job, on a fresh machine: install, build (release), and run alinea on the bundled letter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
# The demo needs only the command: the tests (and Boost.Test, installed by `setup.sh test`) are
# built by scripts/test.sh.
cmake --preset release -DALINEA_BUILD_TESTS=OFF >/dev/null
cmake --build --preset release
exec bash scripts/main-job.sh build/release/tools/alinea
