#!/usr/bin/env bash
# Sentence segmentation benchmark: builds the release preset and runs segment_bench (alinea,
# ICU, ICU with CLDR suppressions) on ../shared/bench/seg, then the peers that are not C++
# libraries (bench/segment_peers.mjs: sentencex), installed from the npm registry into the build
# tree when Node.js is there. Usage: [ALINEA_BENCH_DATA=DIR] bench/segment.sh [--failures]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${ALINEA_BENCH_DATA:-$root/../shared/bench}/seg"  # ALINEA_BENCH_DATA: /work/shared/bench from a worktree
if [ ! -d "$data" ]; then
  echo "bench/segment.sh: $data is absent; skipping"
  exit 0
fi
build="${ALINEA_BENCH_BUILD:-$root/build/release}"
# Warnings are the dev preset's business; a benchmark only needs optimised code.
cmake --preset release -B "$build" -DALINEA_WARNINGS_AS_ERRORS=OFF >/dev/null
cmake --build "$build" -j2 --target segment_bench >/dev/null
"$build/bench/segment_bench" "$data" "$@"

peers="$build/bench-peers"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "bench/segment.sh: node and npm are absent; sentencex not run"
  exit 0
fi
mkdir -p "$peers"
if ! cmp -s "$root/bench/peers/package-lock.json" "$peers/package-lock.json"; then
  cp "$root/bench/peers/package.json" "$root/bench/peers/package-lock.json" "$peers/"
  (cd "$peers" && npm install --no-audit --no-fund --silent) ||
    { echo "bench/segment.sh: npm could not install the peers; sentencex not run"; exit 0; }
fi
echo
echo "peers outside this process (same data, same metrics; timed just after the table above):"
node "$root/bench/segment_peers.mjs" "$data" "$peers" "$@"
