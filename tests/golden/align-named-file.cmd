# alinea align FILE.yaml: realigns the pair the file names, from any folder, keeping what a
# person wrote (reviewed links, notes, accepted findings); the file must name documents inside its
# repository.
exec 2>&1
mkdir -p corpora/visite alignments sub/dir
cp "$SRC/tests/golden/align/fr.md" "$SRC/tests/golden/align/es.md" corpora/visite/
printf 'alinea: 1\nworks: []\n' > alinea.yaml
cat > alignments/visite.fr-es.yaml <<'YAML'
alinea: 1
source: {path: corpora/visite/fr.md, lang: fr}
target: {path: corpora/visite/es.md, lang: es}
paragraphs:
  - link: {src: [p1], tgt: [p1], status: reviewed, note: "date checked against the original"}
  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.5, accept: [qa/length-ratio], reason: "the translator condenses"}
YAML
(cd sub/dir && "$ALINEA" align ../../alignments/visite.fr-es.yaml)
grep -c 'link:' alignments/visite.fr-es.yaml
grep -n 'status: reviewed\|accept:' alignments/visite.fr-es.yaml
echo "--- -o is refused with a file"
"$ALINEA" align alignments/visite.fr-es.yaml -o other.yaml || echo "exit $?"
echo "--- a document outside the repository"
sed 's|corpora/visite/fr.md|../fr.md|' alignments/visite.fr-es.yaml > alignments/outside.yaml
"$ALINEA" align alignments/outside.yaml || echo "exit $?"
echo "--- one document given, not an alignment"
"$ALINEA" align corpora/visite/fr.md || echo "exit $?"
