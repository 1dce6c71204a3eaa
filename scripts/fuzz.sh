#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60), starting from
# the seed corpus in tests/fuzz/corpus. Usage: scripts/fuzz.sh [SECONDS [TARGET...]] (targets:
# tests/fuzz/CMakeLists.txt; all by default). New finds go to build/fuzz/corpus, never the source tree.
# An input that crashes, hangs or runs out of memory is copied to tests/fuzz/corpus/<target>/
# (named after its kind and hash), where every build replays it (fuzz_replay_<target>): commit it
# with the fix. Its base64 is printed too, to recover it from a CI log. Exits 1 when any target
# found one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cmake --preset fuzz >/dev/null
targets=$(sed -n 's/^set(fuzz_targets \(.*\))$/\1/p' tests/fuzz/CMakeLists.txt)
[ $# -gt 1 ] && targets=${*:2}
# shellcheck disable=SC2046
cmake --build --preset fuzz --target $(printf 'fuzz_%s ' $targets)
# poppler's one-time fontconfig allocation is not a leak of ours (tests/lsan.supp says why).
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
found=0
for target in $targets; do
  binary=build/fuzz/tests/fuzz/fuzz_$target
  crashes=build/fuzz/crashes/$target
  rm -rf "$crashes"
  mkdir -p "build/fuzz/corpus/$target" "$crashes"
  echo "-- fuzz_$target"
  status=0
  "$binary" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" \
    "build/fuzz/corpus/$target" "tests/fuzz/corpus/$target" >"$crashes.log" 2>&1 || status=$?
  tail -n 3 "$crashes.log"
  for artifact in "$crashes"/*; do
    [ -f "$artifact" ] || continue
    kept="tests/fuzz/corpus/$target/$(basename "$artifact")"
    cp "$artifact" "$kept"
    echo "fuzz_$target found an input that fails ($status): saved as $kept"
    echo "  base64: $(base64 -w0 "$kept")"
    grep -m 5 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$crashes.log" | sed 's/^/  /' || true
    found=1
  done
  if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then
    echo "fuzz_$target stopped with status $status and left no input; see $crashes.log"
    found=1
  fi
done
exit "$found"
