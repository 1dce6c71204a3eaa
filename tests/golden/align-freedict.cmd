# alinea align --lines --freedict: FreeDict's dictionary for the pair found in a folder (here the
# hand-made fixture of tests/fixtures/dictd), named on standard error; a pair without one named
# too, and aligned without it; how it is used changed for benchmarks; `alinea align` on documents
# with --freedict (the summary names the dictionary, a pair without one is warned of); a broken
# dictionary refused; a repository whose alinea.yaml asks for FreeDict (`align: {freedict: …}`).
exec 2>&1
set +e
cp -r "$SRC/tests/fixtures/dictd" dict
cat > de.txt <<'TEXT'
Am Abend gehen wir nach Haus.
Ab und zu singen wir a cappella.
Das Haus ist alt.
TEXT
cat > fr.txt <<'TEXT'
Le soir, nous rentrons à la maison.
De temps en temps, nous chantons a cappella.
La maison est vieille.
TEXT
echo "--- the pair's dictionary"
"$ALINEA" align --lines de.txt fr.txt --src-lang de --tgt-lang fr --freedict dict; echo "status $?"
echo "--- as a bonus per matched word, with phrases"
"$ALINEA" align --lines de.txt fr.txt --src-lang de --tgt-lang fr --freedict dict \
  --dictionary-use weight=2,prior=0,phrases,no-stems; echo "status $?"
echo "--- no dictionary for the pair, or no folder: named, aligned without"
"$ALINEA" align --lines de.txt fr.txt --src-lang de --tgt-lang es --freedict dict; echo "status $?"
"$ALINEA" align --lines de.txt fr.txt --src-lang de --tgt-lang fr --freedict nowhere; echo "status $?"
echo "--- bad choices"
"$ALINEA" align --lines de.txt fr.txt --src-lang de --tgt-lang fr --freedict dict --dictionary-use colour; echo "status $?"
"$ALINEA" align --lines de.txt fr.txt --src-lang de --tgt-lang fr --freedict dict --dictionary-use weight=-1; echo "status $?"
echo "--- documents: the summary names the dictionary; a pair without one is warned of"
printf -- '---\nlang: fr\n---\n\nLe soir, nous rentrons à la maison.\n\nLa maison est vieille.\n' > fr.md
printf -- '---\nlang: es\n---\n\nPor la tarde volvemos a casa.\n\nLa casa es vieja.\n' > es.md
printf -- '---\nlang: de\n---\n\nAm Abend gehen wir nach Haus.\n\nDas Haus ist alt.\n' > de.md
"$ALINEA" align fr.md es.md -o fr-es.yaml --freedict dict; echo "status $?"
"$ALINEA" align de.md es.md -o de-es.yaml --freedict dict; echo "status $?"
echo "--- a repository that asks for FreeDict in alinea.yaml: every pair, from any folder"
mkdir -p repo/corpora/w repo/alignments repo/sub
cp -r dict repo/dict
printf -- '---\nid: w\nlang: fr\n---\n\nLe soir, nous rentrons à la maison.\n\nLa maison est vieille.\n' > repo/corpora/w/fr.md
printf -- '---\nid: w\nlang: es\n---\n\nPor la tarde volvemos a casa.\n\nLa casa es vieja.\n' > repo/corpora/w/es.md
cat > repo/alinea.yaml <<'YAML'
alinea: 1
works:
  - id: w
    documents: {fr: corpora/w/fr.md, es: corpora/w/es.md}
    alignments:
      - {source: fr, target: es, file: alignments/w.fr-es.yaml}
align: {freedict: dict}
YAML
top=$PWD
(cd repo/sub && "$ALINEA" align >../../out.txt 2>&1); echo "status $?"
grep -E 'dictionary|created' out.txt | sed "s|$top/||"
(cd repo/sub && "$ALINEA" align ../alignments/w.fr-es.yaml >../../out.txt 2>&1); echo "status $?"
grep -E 'dictionary' out.txt | sed "s|$top/||"
echo "--- a setting alinea does not know stops alinea align"
sed -i 's/^align: {freedict: dict}/align: {freedic: dict}/' repo/alinea.yaml
(cd repo && "$ALINEA" align --all); echo "status $?"
(cd repo && "$ALINEA" align alignments/w.fr-es.yaml); echo "status $?"
echo "--- a broken index"
printf 'haus\tB!\tC\n' > dict/freedict-deu-fra.index
"$ALINEA" align --lines de.txt fr.txt --src-lang de --tgt-lang fr --freedict dict; echo "status $?"
