# Text from a pull request cannot drive a terminal or a CI log: escape sequences, a bell and a
# right-to-left override (U+202E) in a document, a newline and "::error" in a manifest path, a
# file name with spaces, '#' and 'ñ'. Every output shows them escaped; SARIF URIs are
# percent-encoded; HTML pages carry a Content-Security-Policy.
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
mv corpora/w/es.md "corpora/w/es #1 ñ.md"
sed -i 's|corpora/w/es.md|"corpora/w/es #1 ñ.md"|' alinea.yaml alignments/w.fr-es.yaml
sed -i 's|^Blumkin fue fusilado.|Blumkin \x1b]0;owned\x07fue \x1b[2Jfusilado \xe2\x80\xae'"'"'dnuof'"'"'.|' "corpora/w/es #1 ñ.md"
cat >>alinea.yaml <<'YAML'
  - id: x
    documents:
      fr: "corpora/x/fr\e[31m.md"
      es: "corpora/x/es\n::error file=a::forged.md"
    alignments:
      - {source: fr, target: es, file: "alignments/x #2.yaml"}
YAML
set +e
# Lines holding a raw escape, bell or U+202E: there must be none.
raw() { LC_ALL=C grep -c $'\e\|\a\|\xe2\x80\xae'; }
echo "--- check, text"
"$ALINEA" check > out.txt; echo "status $?"; raw < out.txt; grep -v "is here" out.txt
echo "--- check, github"
"$ALINEA" check --format github > out.txt; raw < out.txt; cat out.txt
echo "--- check, sarif: URIs"
"$ALINEA" check --format sarif > out.txt; raw < out.txt; grep '"uri"' out.txt | sort -u
echo "--- show, terminal"
"$ALINEA" show alignments/w.fr-es.yaml --width 100 > out.txt 2>&1; raw < out.txt; grep -A1 "Blumkin" out.txt
echo "--- show, html"
"$ALINEA" show alignments/w.fr-es.yaml --format html > out.html; raw < out.html
grep -c 'http-equiv="Content-Security-Policy" content="default-src' out.html
grep -o "Blumkin [^<]*" out.html
echo "--- show, markdown"
"$ALINEA" show alignments/w.fr-es.yaml --format markdown > out.md; raw < out.md; grep -o "Blumkin [^|]*" out.md
echo "--- coverage, html and text"
"$ALINEA" coverage --format html -o coverage.html 2>/dev/null
grep -c 'http-equiv="Content-Security-Policy"' coverage.html
"$ALINEA" coverage > out.txt 2>&1; raw < out.txt
echo "--- an error message naming a hostile path"
"$ALINEA" show $'alignments/\e[2Jgone\u202E.yaml' 2>&1 | raw
"$ALINEA" show $'alignments/\e[2Jgone\u202E.yaml'; echo "status $?"
echo "--- review queue"
cp alignments/w.fr-es.yaml $'alignments/w\e[2J\u202E.yaml'
"$ALINEA" review $'alignments/w\e[2J\u202E.yaml' > out.txt 2>&1; echo "status $?"; raw < out.txt
head -n 2 out.txt
