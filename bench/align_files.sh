#!/usr/bin/env bash
# Alignment files and `alinea align` at the command level: the file format at scale
# (alignment_io_bench), one pair (the letter, fresh and fully reviewed), and a corpus of many pairs
# with --jobs 1 beside --jobs 2. Needs nothing outside the repository.
# Usage: bench/align_files.sh [PAIRS=24] [RUNS=5]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pairs=${1:-24}
runs=${2:-5}
build="${ALINEA_BENCH_BUILD:-$root/build/release}"
cmake --preset release -B "$build" -DALINEA_WARNINGS_AS_ERRORS=OFF >/dev/null
cmake --build "$build" -j2 --target alignment_io_bench alinea_cli >/dev/null
alinea="$build/tools/alinea"
work=trotsky-1936-04-24-bienvenue-a-victor-serge
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# median_time RUNS COMMAND...: median wall time in seconds of RUNS runs of COMMAND.
median_time() {
  local n=$1; shift
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | sort -g | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] }'
}

echo "== alignment files at scale"
"$build/bench/alignment_io_bench" 25000 "$runs"

echo
echo "== one pair: the letter (13 + 12 paragraphs, 7 notes each side)"
cd "$root"
fresh=$(median_time "$runs" "$alinea" align "corpora/$work/fr.md" "corpora/$work/es.md" -o "$scratch/fresh.yaml")
reviewed_copy() {
  cp "alignments/$work.fr-es.yaml" "$scratch/reviewed.yaml"
  "$alinea" align "corpora/$work/fr.md" "corpora/$work/es.md" -o "$scratch/reviewed.yaml"
}
reviewed=$(median_time "$runs" reviewed_copy)
echo "fresh alignment: ${fresh} s; realigning the fully reviewed file: ${reviewed} s (median of $runs)"

echo
echo "== a corpus of $pairs pairs (copies of the letter), every pair realigned (--all)"
corpus="$scratch/corpus"
mkdir -p "$corpus/alignments"
{
  echo "alinea: 1"
  echo "works:"
  for k in $(seq "$pairs"); do
    mkdir -p "$corpus/corpora/w$k"
    cp "corpora/$work/fr.md" "corpora/$work/es.md" "$corpus/corpora/w$k/"
    echo "  - id: w$k"
    echo "    documents: {fr: corpora/w$k/fr.md, es: corpora/w$k/es.md}"
    echo "    alignments: [{source: fr, target: es, file: alignments/w$k.fr-es.yaml}]"
  done
} >"$corpus/alinea.yaml"
cd "$corpus"
"$alinea" align >/dev/null 2>&1
one=$(median_time "$runs" "$alinea" align --all --jobs 1)
two=$(median_time "$runs" "$alinea" align --all --jobs 2)
check=$(median_time "$runs" "$alinea" align)
echo "--jobs 1: ${one} s; --jobs 2: ${two} s; speed-up $(echo "scale=2; $one / $two" | bc)" \
     "(median of $runs; $(nproc) cores)"
echo "nothing to do (all $pairs up to date): ${check} s"
