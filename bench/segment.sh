#!/usr/bin/env bash
# Sentence segmentation benchmark: builds the release preset and runs segment_bench on
# ../shared/bench/seg. Usage: bench/segment.sh [--failures]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/bench/seg"
if [ ! -d "$data" ]; then
  echo "bench/segment.sh: $data is absent; skipping"
  exit 0
fi
build="${ALINEA_BENCH_BUILD:-$root/build/release}"
# Warnings are the dev preset's business; a benchmark only needs optimised code.
cmake --preset release -B "$build" -DALINEA_WARNINGS_AS_ERRORS=OFF >/dev/null
cmake --build "$build" -j2 --target segment_bench >/dev/null
"$build/bench/segment_bench" "$data" "$@"
