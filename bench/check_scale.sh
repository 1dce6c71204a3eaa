#!/usr/bin/env bash
# alinea check on one work of N paragraph pairs (default 1000 10000 100000): time and peak memory,
# median of RUNS runs (default 3), to show that check is linear in the size of what it reads.
# Each work: two documents of N one-sentence paragraphs and an alignment file of N links.
# Usage: bench/check_scale.sh ALINEA [RUNS] [N...]
set -euo pipefail
alinea=$(realpath "$1")
runs=${2:-3}
shift $(($# > 1 ? 2 : 1))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for n in "${sizes[@]}"; do
  work="$scratch/$n"
  mkdir -p "$work/c" "$work/a"
  for lang in fr es; do
    { printf -- '---\nid: w\nlang: %s\n---\n\n' "$lang"
      seq "$n" | awk -v l="$lang" '{ print (l == "fr" ? "Le chat dort sur la table " : "El gato duerme en la mesa ") $1 ".\n" }'
    } >"$work/c/$lang.md"
  done
  { printf 'alinea: 1\nsource: {path: c/fr.md, lang: fr}\ntarget: {path: c/es.md, lang: es}\nparagraphs:\n'
    seq "$n" | awk '{ print "  - link: {src: [p" $1 "], tgt: [p" $1 "], status: auto, confidence: 0.9}" }'
  } >"$work/a/w.yaml"
  printf 'alinea: 1\nworks:\n  - id: w\n    documents: {fr: c/fr.md, es: c/es.md}\n    alignments:\n      - {source: fr, target: es, file: a/w.yaml}\n' >"$work/alinea.yaml"
  users=(); walls=(); rss=()
  for _ in $(seq "$runs"); do
    (cd "$work" && /usr/bin/time -f "%e %U %M" -o "$scratch/time" "$alinea" check >/dev/null) || [ $? -le 1 ]
    read -r wall user kb <"$scratch/time"
    walls+=("$wall"); users+=("$user"); rss+=("$kb")
  done
  echo "$n links: median user $(printf '%s\n' "${users[@]}" | median) s, wall $(printf '%s\n' "${walls[@]}" | median) s, peak RSS $(($(printf '%s\n' "${rss[@]}" | median) / 1024)) MB (user: ${users[*]})"
done
