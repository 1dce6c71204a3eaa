# The same findings as JSON, GitHub workflow commands and SARIF 2.1.0.
. "$SRC/tests/golden/check_fixture.sh"
make_repository flawed
sed -i '/^  - link: {src: \[p3, p9\]/d' alignments/w.fr-es.yaml
echo '--- json'
"$ALINEA" check --format json || echo "exit $?"
echo '--- github'
"$ALINEA" check --format github || echo "exit $?"
echo '--- sarif'
"$ALINEA" check --format sarif -o report.sarif || echo "exit $?"
cat report.sarif
