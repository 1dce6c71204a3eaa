cp -r "$SRC/tests/golden/show/." .
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv
echo "=== --level sentence"
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv --level sentence
echo "=== moses"
"$ALINEA" show alignments/letter.fr-es.yaml --format moses --level sentence -o train
wc -l train.fr train.es
paste -d '|' train.fr train.es
