# The page for the letter fixture, written to a file.
cp -r "$SRC/tests/golden/show/." .
"$ALINEA" show alignments/letter.fr-es.yaml --format html --level sentence -o letter.html
cat letter.html
