# Bad input to alinea import: a clear message and a non-zero exit, and a hand-written file
# never replaced without --force.
set +e
printf 'uno\n\ndos \303\050 tres\n' > bad-utf8.txt
"$ALINEA" import --lang es bad-utf8.txt; echo "status $?"
: > empty.txt
"$ALINEA" import --lang es empty.txt; echo "status $?"
printf '12\n\n_______________\n\n13\n' > furniture.txt
"$ALINEA" import --lang es furniture.txt; echo "status $?"
"$ALINEA" import --lang es missing.txt; echo "status $?"
mkdir folder
"$ALINEA" import --lang es folder; echo "status $?"
printf 'Un texto de prueba.\n' > plain.txt
printf 'escrito a mano\n' > out.md
"$ALINEA" import --lang es --from text plain.txt -o out.md; echo "status $?"
cat out.md
"$ALINEA" import --lang es --from text --force --id prueba plain.txt -o out.md; echo "status $?"
cat out.md
ls -A | grep -v "^std" | tr "\n" " "; echo "(no temporary file left)"
"$ALINEA" import --lang es --from word plain.txt; echo "status $?"
"$ALINEA" import plain.txt; echo "status $?"
