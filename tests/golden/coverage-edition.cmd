# Coverage of an imaginary edition (40 texts in one volume, tests/fixtures/edition) in every
# format, with the catalogue made from its table of contents; then the same corpus without it.
cp -r "$SRC/tests/fixtures/edition/." .
mkdir -p editions
"$ALINEA" catalogue --from-toc toc.txt --title "Écrits imaginaires" --lang fr -o editions/ecrits.yaml
for format in text json markdown html svg; do
  echo "--- $format"
  "$ALINEA" coverage --by-edition --format $format
done
echo "--- check"
"$ALINEA" check --format text
echo "--- without a catalogue"
rm editions/ecrits.yaml
"$ALINEA" coverage --by-edition
"$ALINEA" coverage --format svg
