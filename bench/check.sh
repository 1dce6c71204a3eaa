#!/usr/bin/env bash
# alinea check at scale: builds the release preset, generates a synthetic corpus repository of
# COUNT works (default 10000: 10,000 alignment files, 20,000 documents) once, then times
# `alinea check` over it RUNS times (default 3) with 1 thread and with the default (one per
# processor), printing each wall time and the medians.
# Usage: bench/check.sh [COUNT] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-10000}
runs=${2:-3}
build="${ALINEA_BENCH_BUILD:-$root/build/release}"
corpus="$build/check-bench-$count"
# Warnings are the dev preset's business; a benchmark only needs optimised code.
cmake --preset release -B "$build" -DALINEA_WARNINGS_AS_ERRORS=OFF >/dev/null
cmake --build "$build" -j2 --target alinea_cli check_generate >/dev/null
if [ ! -f "$corpus/alinea.yaml" ]; then
  echo "generating $count works in $corpus"
  "$build/bench/check_generate" "$corpus" "$count"
fi
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cd "$corpus"
for jobs in 1 0; do
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    status=0
    "$build/tools/alinea" check --jobs "$jobs" >/tmp/alinea-check-bench.out || status=$?
    end=$(date +%s.%N)
    [ "$status" -le 1 ] || { echo "alinea check failed ($status)"; exit 1; }
    times+=("$(echo "$end - $start" | bc)")
  done
  label=$([ "$jobs" = 0 ] && echo "default jobs ($(nproc))" || echo "--jobs 1")
  echo "$label: ${times[*]} s; median $(printf '%s\n' "${times[@]}" | median) s; $(tail -1 /tmp/alinea-check-bench.out)"
done
