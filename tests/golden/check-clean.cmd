# A sound repository passes (exit 0), from its root, from a subfolder and with a named file.
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
"$ALINEA" check
cd corpora/w
"$ALINEA" check
cd ../..
"$ALINEA" check alignments/w.fr-es.yaml
echo '--- coverage'
"$ALINEA" coverage
