# Documents edited after alignment: the changed links are shown, marked; a unit the alignment
# names that the document no longer has is shown as missing. Exit status stays 0.
cp -r "$SRC/tests/golden/show/." .
sed -i 's/Le courrier arrive mal./Le courrier arrive très mal./' corpora/letter/fr.md
sed -i '/^Escríbame pronto/,+1d' corpora/letter/es.md
"$ALINEA" show alignments/letter.fr-es.yaml --width 72 --level sentence
"$ALINEA" show alignments/letter.fr-es.yaml --format html | grep -E 'class="(warning|drift)"|missing'
