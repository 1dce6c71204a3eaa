# TMX 1.4b at both levels, each checked against a DTD written from the specification.
cp -r "$SRC/tests/golden/show/." .  # tmx14-minimal.dtd included
"$ALINEA" show alignments/letter.fr-es.yaml --format tmx --level sentence -o letter.tmx
cat letter.tmx
validate() {  # xmllint's complaint that it cannot fetch the DOCTYPE's own DTD is not a finding
  xmllint --noout --nonet --dtdvalid tmx14-minimal.dtd "$1" 2>errors &&
    echo "$1: valid"
  grep -v -e 'failed to load external entity' -e '^<!DOCTYPE' -e '^ *\^$' errors || true
}
validate letter.tmx
"$ALINEA" show alignments/letter.fr-es.yaml --format tmx -o paragraphs.tmx
validate paragraphs.tmx
grep -c "<tu " paragraphs.tmx
echo "--- the check does catch a broken unit (a <tuv> without its language)"
sed '0,/ xml:lang="es"/s/ xml:lang="es"//' letter.tmx > broken.tmx
validate broken.tmx
