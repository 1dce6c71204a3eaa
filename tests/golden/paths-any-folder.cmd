# Files written by one command are read by the others from any working folder: align writes the
# documents relative to the alignment file's repository (or, outside any, to its folder), and
# show, review and check find them from there wherever they run.
exec 2>&1
top=$PWD
hide() { sed "s|$top|<scratch>|g"; }
mkdir -p repo/corpora/w repo/alignments elsewhere loose/out
printf 'alinea: 1\nworks: []\n' > repo/alinea.yaml
cp "$SRC/tests/golden/align/fr.md" "$SRC/tests/golden/align/es.md" repo/corpora/w/
echo "=== align from another folder, absolute paths, into the repository"
(cd elsewhere && "$ALINEA" align "$top/repo/corpora/w/fr.md" "$top/repo/corpora/w/es.md" \
   -o "$top/repo/alignments/w.fr-es.yaml" 2>/dev/null)
grep -E '^(source|target):' repo/alignments/w.fr-es.yaml
echo "=== align from inside the repository, relative paths: the same file"
(cd repo/corpora && "$ALINEA" align w/fr.md w/es.md -o ../alignments/again.yaml 2>/dev/null)
grep -E '^(source|target):' repo/alignments/again.yaml
for here in / "$top/elsewhere" "$top/repo/corpora/w"; do
  echo "=== from $here" | hide
  cd "$here"
  "$ALINEA" show "$top/repo/alignments/w.fr-es.yaml" --format tsv | head -2
  "$ALINEA" review "$top/repo/alignments/w.fr-es.yaml" --list | tail -1
  "$ALINEA" check "$top/repo/alignments/w.fr-es.yaml"; echo "check: exit $?"
  "$ALINEA" align "$top/repo/alignments/w.fr-es.yaml" 2>&1 | tail -1
done
cd "$top"
echo "=== outside any repository: paths relative to the alignment file's folder"
cp repo/corpora/w/fr.md repo/corpora/w/es.md loose/
(cd elsewhere && "$ALINEA" align ../loose/fr.md ../loose/es.md -o ../loose/out/w.yaml 2>/dev/null)
grep -E '^(source|target):' loose/out/w.yaml
cd /
"$ALINEA" show "$top/loose/out/w.yaml" --format tsv | head -1
"$ALINEA" review "$top/loose/out/w.yaml" --list | tail -1
"$ALINEA" check "$top/loose/out/w.yaml"; echo "check: exit $?"
cd "$top"
echo "=== a repository's alignment cannot name a document outside it"
"$ALINEA" align loose/fr.md loose/es.md -o repo/alignments/outside.yaml 2>&1 | hide
test -e repo/alignments/outside.yaml || echo "nothing written"
