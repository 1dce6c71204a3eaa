# alinea align on two documents: the file it writes, then a hand review that a rerun keeps.
exec 2>&1
mkdir -p corpora alignments
printf 'alinea: 1\nworks: []\n' > alinea.yaml  # a repository: paths are written from its root
cp "$SRC/tests/golden/align/fr.md" "$SRC/tests/golden/align/es.md" corpora/
"$ALINEA" align corpora/fr.md corpora/es.md -o alignments/visite.fr-es.yaml
cat alignments/visite.fr-es.yaml
echo "--- after review"
# A reviewer confirms a sentence link, confirms and annotates the third paragraph link, and adds
# a key of their own.
sed -i 's/{src: \[p2.s1\], tgt: \[p2.s1\], status: auto, confidence: [0-9.]*/{src: [p2.s1], tgt: [p2.s1], status: reviewed/' alignments/visite.fr-es.yaml
sed -i -e 's/^  - link: {src: \[p3\], tgt: \[p3\], status: auto, confidence: [0-9.]*/  - link: {src: [p3], tgt: [p3], status: reviewed, note: two sentences for one/' \
       -e 's/^target: .*/&\nreviewer: Ana/' alignments/visite.fr-es.yaml
cp alignments/visite.fr-es.yaml reviewed.yaml
"$ALINEA" align corpora/fr.md corpora/es.md -o alignments/visite.fr-es.yaml --summary
# Links, statuses and notes stay; confidences of automatic links may change, because a reviewed
# link is certain and makes its neighbours surer (the rows below show them).
without_confidence() { sed 's/, confidence: [0-9.]*//' "$1"; }
diff <(without_confidence reviewed.yaml) <(without_confidence alignments/visite.fr-es.yaml) &&
  echo "rerun: no link, status or note changed"
diff reviewed.yaml alignments/visite.fr-es.yaml | grep '^[<>]' | sed 's/fp: .*//' || true
echo "--- after an edit of the Spanish text"
sed -i 's/Al día siguiente, escribió a Marie./Al día siguiente escribió a Marie. Y a su madre./' corpora/es.md
"$ALINEA" align corpora/fr.md corpora/es.md -o alignments/visite.fr-es.yaml
diff reviewed.yaml alignments/visite.fr-es.yaml || true
echo "--- a file started by hand: a reviewed link with a note and a deliberate gap"
cat > alignments/by-hand.yaml <<'YAML'
alinea: 1
source: {path: corpora/fr.md, lang: fr}
target: {path: corpora/es.md, lang: es}
paragraphs:
  - link: {src: [p1], tgt: [p1], status: reviewed, note: "date checked against the original"}
  - link: {src: [p4], tgt: [], status: reviewed, omitted: "left out by the translator"}
YAML
"$ALINEA" align corpora/fr.md corpora/es.md -o alignments/by-hand.yaml 2>/dev/null
grep -n 'status: reviewed' alignments/by-hand.yaml
