#!/usr/bin/env bash
# What alinea does with the bundled letter; run by scripts/demo.sh after the build.
set -euo pipefail
# Absolute, since one step runs it from another folder.
alinea=$(realpath "$1")
work=corpora/trotsky-1936-04-24-bienvenue-a-victor-serge
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== Importing the Spanish letter from its PDF extraction"
"$alinea" import --lang es "$work/es.pdf.txt" -o "$scratch/es.md"
if cmp -s "$scratch/es.md" "$work/es.md"; then
  echo "   (identical to the committed $work/es.md)"
else
  echo "   differs from the committed $work/es.md:"; { diff -u "$work/es.md" "$scratch/es.md" || true; } | head -20
fi
echo
echo "== Its structure"
"$alinea" inspect "$work/es.md"
echo
echo "== Aligning the French stand-in (source) with the Spanish letter, from scratch"
"$alinea" align "$work/fr.md" "$work/es.md" -o "$scratch/letter.fr-es.yaml" --summary
echo
echo "== Realigning the committed, hand-reviewed alignment: every reviewed link is kept"
reviewed=alignments/trotsky-1936-04-24-bienvenue-a-victor-serge.fr-es.yaml
# In a copy of the repository: the file names its documents relative to the repository's root.
copy="$scratch/repository"
mkdir -p "$copy/$work" "$copy/alignments"
cp alinea.yaml "$copy/"
cp "$work/fr.md" "$work/es.md" "$copy/$work/"
cp "$reviewed" "$copy/$reviewed"
"$alinea" align "$copy/$reviewed" --summary
if cmp -s "$reviewed" "$copy/$reviewed"; then
  echo "   (identical to the committed $reviewed)"
else
  echo "   differs from the committed $reviewed:"; { diff -u "$reviewed" "$copy/$reviewed" || true; } | head -20
fi
links_of() { grep -o '{src: \[[^]]*\], tgt: \[[^]]*\]' "$1" | sort; }
agreed=$(comm -12 <(links_of "$reviewed") <(links_of "$scratch/letter.fr-es.yaml") | wc -l)
echo "   the automatic alignment agrees with the review on $agreed of $(links_of "$reviewed" | wc -l) links"
echo
echo "== What a person should look at in the alignment made from scratch (alinea review --list),"
echo "   read from another folder: its document paths are relative to the file, not to where align ran"
(cd / && "$alinea" review "$scratch/letter.fr-es.yaml" --list) | sed "s|$scratch/||"
echo
echo "== The letter side by side: French stand-in left, Spanish right (alinea show)"
letter_alignment=alignments/trotsky-1936-04-24-bienvenue-a-victor-serge.fr-es.yaml
if [ -f "$letter_alignment" ]; then
  "$alinea" show "$letter_alignment"
else
  echo "   ($letter_alignment does not exist yet: nothing to show)"
fi
