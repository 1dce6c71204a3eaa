# -o onto a file the command reads is refused (exit 2) before anything is written, whatever
# the spelling of the path (./, a symbolic link); a new file or standard output is fine.
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
set +e
sha() { sha256sum alinea.yaml alignments/w.fr-es.yaml corpora/w/fr.md corpora/w/es.md | cut -c1-16; }
before=$(sha)
echo "--- check"
"$ALINEA" check -o alinea.yaml; echo "status $?"
"$ALINEA" check alignments/w.fr-es.yaml -o ./corpora/w/../w/es.md; echo "status $?"
ln -s corpora/w/fr.md link-to-fr.md
"$ALINEA" check --format sarif -o link-to-fr.md; echo "status $?"
echo "--- coverage"
"$ALINEA" coverage -o alignments/w.fr-es.yaml; echo "status $?"
"$ALINEA" coverage --format markdown -o corpora/w/names.yaml; echo "status $?"
"$ALINEA" coverage --by-edition -o alinea.yaml; echo "status $?"
echo "--- show"
"$ALINEA" show alignments/w.fr-es.yaml --format html -o corpora/w/es.md; echo "status $?"
echo "--- align"
"$ALINEA" align corpora/w/fr.md corpora/w/es.md -o corpora/w/fr.md; echo "status $?"
"$ALINEA" align corpora/w/fr.md corpora/w/es.md -o link-to-fr.md; echo "status $?"
echo "--- import"
"$ALINEA" import --lang es --from markdown corpora/w/es.md -o corpora/w/es.md --force; echo "status $?"
echo "--- nothing was changed"
[ "$before" = "$(sha)" ] && echo "inputs unchanged"
ls
echo "--- other files are written"
"$ALINEA" check -o report.txt; echo "status $?"
"$ALINEA" coverage --format markdown -o coverage.md; echo "status $?"
ls report.txt coverage.md
