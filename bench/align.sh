#!/usr/bin/env bash
# Sentence alignment benchmarks: accuracy and time on ../shared/bench/align (alinea with each
# signal added in turn, beside a length-only Gale–Church baseline and hunalign when installed),
# then the synthetic 100,000-sentence scale test (time and peak memory via /usr/bin/time -v).
# usage: bench/align.sh [RUNS]   (ALINEA=path/to/alinea to skip the release build;
#        HUNALIGN=path/to/hunalign, built from danielvarga/hunalign in /tmp, for the peer rows)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
if [ ! -d "$root/../shared/bench/align" ]; then
  echo "bench/align.sh: $root/../shared/bench/align is absent; skipping"
  exit 0
fi
if [ -z "${ALINEA:-}" ]; then
  build="${ALINEA_BENCH_BUILD:-$root/build/release}"
  # Warnings are the dev preset's business; a benchmark only needs optimised code.
  cmake --preset release -B "$build" -DALINEA_WARNINGS_AS_ERRORS=OFF >/dev/null
  cmake --build "$build" -j2 --target alinea_cli >/dev/null
  ALINEA="$build/tools/alinea"
fi
data="$root/../shared/bench/align"
python3 "$root/bench/align/align_bench.py" "$ALINEA" --runs "$runs" --data "$data"
echo
python3 "$root/bench/align/confidence_bench.py" "$ALINEA" --data "$data"
echo
python3 "$root/bench/align/scale_bench.py" "$ALINEA" --sentences 100000 --runs "$runs" \
  --data "$data" ${HUNALIGN:+--hunalign "$HUNALIGN"}
