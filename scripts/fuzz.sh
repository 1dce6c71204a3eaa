#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60), starting from
# the seed corpus in tests/fuzz/corpus. New finds go to build/fuzz/corpus, never the source tree.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
targets=$(sed -n 's/^set(fuzz_targets \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt)
# shellcheck disable=SC2046
cmake --build --preset fuzz --target $(printf 'fuzz_%s ' $targets)
for binary in build/fuzz/tests/fuzz/fuzz_*; do
  name=$(basename "$binary"); target=${name#fuzz_}
  mkdir -p "build/fuzz/corpus/$target" "build/fuzz/crashes"
  echo "-- $name"
  "$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build/fuzz/crashes/$target-" \
    "build/fuzz/corpus/$target" "tests/fuzz/corpus/$target" 2>&1 | tail -n 3
done
