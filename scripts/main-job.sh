#!/usr/bin/env bash
# What alinea does with the bundled letter; run by scripts/demo.sh after the build.
set -euo pipefail
alinea=$1
work=corpora/trotsky-1936-04-24-bienvenue-a-victor-serge
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== Importing the Spanish letter from its PDF extraction"
"$alinea" import --lang es "$work/es.pdf.txt" -o "$scratch/es.md"
if cmp -s "$scratch/es.md" "$work/es.md"; then
  echo "   (identical to the committed $work/es.md)"
else
  echo "   differs from the committed $work/es.md:"; diff -u "$work/es.md" "$scratch/es.md" | head -20
fi
echo
echo "== Its structure"
"$alinea" inspect "$work/es.md"
