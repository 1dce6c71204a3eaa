# Exports keep only the links asked for: reviewed ones, or those of a minimum confidence.
cp -r "$SRC/tests/golden/show/." .  # tmx14-minimal.dtd included
echo "=== tsv --reviewed-only, sentence level"
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv --level sentence --reviewed-only
echo "=== tsv --min-confidence 0.92, sentence level"
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv --level sentence --min-confidence 0.92
echo "=== moses --min-confidence 0.92"
"$ALINEA" show alignments/letter.fr-es.yaml --format moses --level sentence --min-confidence 0.92 -o train
wc -l train.fr train.es
echo "=== tmx --min-confidence 0.9: status and confidence in props, valid TMX"
"$ALINEA" show alignments/letter.fr-es.yaml --format tmx --min-confidence 0.9 -o kept.tmx
cat kept.tmx
xmllint --noout --nonet --dtdvalid tmx14-minimal.dtd kept.tmx 2>errors && echo "kept.tmx: valid"
grep -v -e 'failed to load external entity' -e '^<!DOCTYPE' -e '^ *\^$' errors || true
echo "=== refused: a filter on a view, a confidence out of range"
"$ALINEA" show alignments/letter.fr-es.yaml --format html --reviewed-only || echo "exit $?"
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv --min-confidence 1.5 || echo "exit $?"
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv --min-confidence nan || echo "exit $?"
