#!/usr/bin/env bash
# alinea show beside the usual ways of putting two texts side by side, on the four French–Spanish
# WMT sets of ../shared/bench/align/esfr-dev (7,012 French sentences, their gold alignment with
# 2-1, 1-2, 3-1, 1-0 and 0-1 links). Each sentence becomes a paragraph of a corpus document and
# each gold link a paragraph link. Peers: coreutils `pr -m` (two columns, lines paired by
# number, cut at the column width) and `paste` (tab-separated lines paired by number); neither
# knows the alignment, so both mis-pair every line after the first n:m link — the timings are a
# floor, not a like-for-like output.
# Usage: bench/show.sh [RUNS]   (median of RUNS, default 5; single thread, warm cache)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="$root/../shared/bench/align/esfr-dev"
runs=${1:-5}
if [ ! -d "$data" ]; then
  echo "bench/show.sh: $data is absent; skipping"
  exit 0
fi
build="${ALINEA_BENCH_BUILD:-$root/build/release}"
if [ -z "${ALINEA_BENCH_BUILD:-}" ]; then
  cmake --preset release -B "$build" -DALINEA_WARNINGS_AS_ERRORS=OFF >/dev/null
  cmake --build "$build" -j2 --target alinea_cli >/dev/null
fi
alinea="$build/tools/alinea"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
: >alinea.yaml
mkdir -p corpora alignments
sets=(newssyscomb2009 newstest2008 newstest2009 newstest2010)
for set in "${sets[@]}"; do
  for lang in fr es; do
    awk '{ print; print "" }' "$data/$set.$lang" >"$set.$lang.txt"
    "$alinea" import --lang "$lang" --from text --id "$set" "$set.$lang.txt" -o "corpora/$set.$lang.md"
  done
  {
    echo "alinea: 1"
    echo "source: {path: corpora/$set.fr.md, lang: fr}"
    echo "target: {path: corpora/$set.es.md, lang: es}"
    echo "paragraphs:"
    # "[1, 2]:[1]" (0-based sentence numbers) → "{src: [p2, p3], tgt: [p2], status: reviewed}"
    awk -F: '{
      line = ""
      for (side = 1; side <= 2; ++side) {
        ids = $side; gsub(/[][ ]/, "", ids); n = split(ids, number, ",")
        list = ""
        for (i = 1; i <= n; ++i) list = list (i > 1 ? ", " : "") "p" (number[i] + 1)
        line = line (side == 1 ? "  - link: {src: [" : "], tgt: [") list
      }
      print line "], status: reviewed}"
    }' "$data/$set.gold"
  } >"alignments/$set.yaml"
done

# median_ms COMMAND...: the median CPU time (user + system, milliseconds) of RUNS runs. CPU time
# rather than wall time: the machine is shared, and waiting for a core is not the tool's cost.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S" -o cpu.txt "$@" >/dev/null
    times+=("$(awk '{ printf "%d", ($1 + $2) * 1000 }' cpu.txt)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}
export alinea data sets_list="${sets[*]}"
# The timed commands, as scripts so that /usr/bin/time covers the whole loop over the sets.
cat >all_sets.sh <<'EOF'
for set in $sets_list; do "$alinea" show "alignments/$set.yaml" "$@"; done
EOF
cat >pr_sets.sh <<'EOF'
for set in $sets_list; do pr -m -t -w 160 "$data/$set.fr" "$data/$set.es"; done
EOF
cat >paste_sets.sh <<'EOF'
for set in $sets_list; do paste "$data/$set.fr" "$data/$set.es"; done
EOF
fr_lines=$(for set in "${sets[@]}"; do cat "$data/$set.fr"; done | wc -l)
es_lines=$(for set in "${sets[@]}"; do cat "$data/$set.es"; done | wc -l)
echo "esfr-dev: $fr_lines French and $es_lines Spanish sentences," \
  "$(cat alignments/*.yaml | grep -c 'link:') links; median CPU time of $runs runs"
printf '%-44s %8s\n' "command" "ms"
term=$(median_ms bash all_sets.sh --format term --width 160)
pr=$(median_ms bash pr_sets.sh)
tsv=$(median_ms bash all_sets.sh --format tsv)
paste_ms=$(median_ms bash paste_sets.sh)
printf '%-44s %8s\n' "alinea show --format term --width 160" "$term" "pr -m -t -w 160" "$pr" \
  "alinea show --format tsv" "$tsv" "paste" "$paste_ms"
for format in html tmx markdown; do
  printf '%-44s %8s\n' "alinea show --format $format" "$(median_ms bash all_sets.sh --format "$format")"
done
printf '%-44s %8s\n' "alinea show --format term --level sentence" \
  "$(median_ms bash all_sets.sh --format term --width 160 --level sentence)"
awk -v a="$term" -v b="$pr" -v c="$tsv" -v d="$paste_ms" 'BEGIN {
  printf "ratios: term / pr = %.0f, tsv / paste = %.0f\n", a / (b > 0 ? b : 1), c / (d > 0 ? d : 1) }'
