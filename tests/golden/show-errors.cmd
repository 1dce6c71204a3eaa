# Bad input: clear messages and a non-zero status, never a crash.
cp -r "$SRC/tests/golden/show/." .
set +e
"$ALINEA" show; echo "status $?"
"$ALINEA" show missing.yaml; echo "status $?"
"$ALINEA" show corpora; echo "status $?"
"$ALINEA" show alignments/letter.fr-es.yaml --width 19; echo "status $?"
"$ALINEA" show alignments/letter.fr-es.yaml --width wide; echo "status $?"
COLUMNS=12 "$ALINEA" show alignments/letter.fr-es.yaml; echo "status $?"
"$ALINEA" show alignments/letter.fr-es.yaml --format pdf; echo "status $?"
"$ALINEA" show alignments/letter.fr-es.yaml --level word; echo "status $?"
"$ALINEA" show alignments/letter.fr-es.yaml --format moses; echo "status $?"
"$ALINEA" show alignments/letter.fr-es.yaml --format html -o alignments/letter.fr-es.yaml; echo "status $?"
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv -o corpora/letter/es.md; echo "status $?"
head -c 60 alignments/letter.fr-es.yaml | head -2
echo "--- not YAML"
printf 'alinea: [1\n' > broken.yaml
"$ALINEA" show broken.yaml; echo "status $?"
echo "--- a document that is missing, then one that is not a document"
sed 's|corpora/letter/es.md|corpora/letter/pt.md|' alignments/letter.fr-es.yaml > alignments/missing-doc.yaml
"$ALINEA" show alignments/missing-doc.yaml; echo "status $?"
sed 's|corpora/letter/es.md|../../etc/passwd|' alignments/letter.fr-es.yaml > alignments/outside.yaml
"$ALINEA" show alignments/outside.yaml; echo "status $?"
printf '\xff\xfe not utf-8\n' > corpora/letter/bad.md
sed 's|corpora/letter/es.md|corpora/letter/bad.md|' alignments/letter.fr-es.yaml > alignments/bad-doc.yaml
"$ALINEA" show alignments/bad-doc.yaml; echo "status $?"
echo "--- no alinea.yaml: paths are relative to the alignment's folder"
rm alinea.yaml
"$ALINEA" show alignments/letter.fr-es.yaml --format tsv; echo "status $?"
