cp -r "$SRC/tests/golden/show/." .
"$ALINEA" show alignments/letter.fr-es.yaml --format markdown
echo "=== --level sentence"
"$ALINEA" show alignments/letter.fr-es.yaml --format markdown --level sentence
