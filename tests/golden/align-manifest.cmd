# alinea align with no documents named: every pair of alinea.yaml that is missing or out of date.
exec 2>&1
mkdir -p corpora/visite corpora/otra alignments sub/dir
cp "$SRC/tests/golden/align/fr.md" "$SRC/tests/golden/align/es.md" corpora/visite/
sed 's/^id: visite/id: otra/; s/Pierre/Paul/g' corpora/visite/fr.md > corpora/otra/fr.md
sed 's/^id: visite/id: otra/; s/Pierre/Paul/g' corpora/visite/es.md > corpora/otra/es.md
cat > alinea.yaml <<'YAML'
alinea: 1
works:
  - id: visite
    documents: {fr: corpora/visite/fr.md, es: corpora/visite/es.md}
    alignments:
      - {source: fr, target: es, file: alignments/visite.fr-es.yaml}
  - id: otra
    documents: {fr: corpora/otra/fr.md, es: corpora/otra/es.md}
    alignments:
      - {source: fr, target: es, file: alignments/otra.fr-es.yaml}
YAML
echo "--- first run, two threads, from a subfolder"
(cd sub/dir && "$ALINEA" align --jobs 2)
ls alignments
head -4 alignments/otra.fr-es.yaml
echo "--- second run: nothing to do"
"$ALINEA" align
echo "--- an edited document is realigned"
sed -i 's/El 12 de marzo/El doce de marzo/' corpora/otra/es.md
"$ALINEA" align
echo "--- --all realigns everything; shards split the pairs"
for shard in 1/3 2/3 3/3; do
  echo "shard $shard: $("$ALINEA" align --all --shard $shard 2>&1 | grep -c '^realigned' || true)"
done
"$ALINEA" align --all --shard 1/1 2>&1 | tail -1
echo "--- a broken pair does not stop the others"
rm alignments/visite.fr-es.yaml
printf 'alinea: 1\nsource: {path: corpora/otra/fr.md, lang: fr}\n' > alignments/otra.fr-es.yaml
set +e
"$ALINEA" align; echo "status $?"
ls alignments
echo "--- one file listed twice is aligned once"
cat >> alinea.yaml <<'YAML'
  - id: otra-bis
    documents: {fr: corpora/otra/fr.md, es: corpora/otra/es.md}
    alignments:
      - {source: fr, target: es, file: ./alignments/visite.fr-es.yaml}
YAML
"$ALINEA" align --all --jobs 4 >log 2>&1; echo "status $?"; grep -v "^ " log
