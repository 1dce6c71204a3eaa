#!/usr/bin/env bash
# Precision of each translation QA rule of `alinea check`: runs it on the letter of this
# repository and on bench/qa (a pair written with planted errors and traps), and scores every
# qa/ finding against an answer key: bench/qa/expected.tsv (the planted errors) and
# bench/qa/letter.tsv (the letter's findings a person read and judged right). Also says which
# planted errors were missed. Usage: bench/qa_precision.sh [ALINEA] (default: the dev build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
alinea=$(realpath "${1:-$root/build/dev/tools/alinea}")

score() {  # corpus-name folder answer-key
  local name=$1 folder=$2 key=$3
  (cd "$folder" && "$alinea" check --format text --jobs 1 || true) |
    sed -nE 's/.*\(([^()]*)\) \[(qa\/[^]]*)\]$/\2\t\1/p' | sed 's/,//g' |
    awk -v corpus="$name" -F'\t' '
      FNR == NR { if ($0 !~ /^#/ && NF == 2) { right[$1 "|" $2] = 1; planted++ } next }
      {
        findings[$1]++
        if (($1 "|" $2) in right) { correct[$1]++; found[$1 "|" $2] = 1 }
      }
      END {
        for (rule in findings) {
          printf "| %s | `%s` | %d | %d | %.2f |\n", corpus, rule, findings[rule], correct[rule],
                 correct[rule] / findings[rule]
        }
        missed = ""; hits = 0
        for (k in right) { if (k in found) hits++; else missed = missed " " k }
        printf "%s: %d of %d errors of the key found;%s\n", corpus, hits, planted,
               (missed == "" ? " none missed" : " missed:" missed) > "/dev/stderr"
      }' "$key" - | sort
}

echo "| corpus | rule | findings | right | precision |"
echo "|---|---|---|---|---|"
score letter "$root" "$root/bench/qa/letter.tsv"
score planted "$root/bench/qa" "$root/bench/qa/expected.tsv"
