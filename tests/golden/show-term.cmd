# The letter fixture side by side: paragraphs at the runner's $COLUMNS (100), sentences at 64,
# and a narrow terminal where ids move above each row.
cp -r "$SRC/tests/golden/show/." .
"$ALINEA" show alignments/letter.fr-es.yaml
echo "=== --level sentence --width 64"
"$ALINEA" show alignments/letter.fr-es.yaml --level sentence --width 64
echo "=== --width 20, from another folder"
mkdir -p elsewhere && cd elsewhere
"$ALINEA" show ../alignments/letter.fr-es.yaml --width 20 | head -24
