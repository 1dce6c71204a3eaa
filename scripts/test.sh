#!/usr/bin/env bash
# Everything the tests need, on a fresh machine: install, build (dev: warnings are errors), run
# every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
cmake --preset dev >/dev/null
cmake --build --preset dev
ctest --preset dev -j2
