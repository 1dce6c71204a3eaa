# A table of contents of 40 texts becomes an edition catalogue; bad tables name their line.
mkdir editions
"$ALINEA" catalogue --from-toc "$SRC/tests/fixtures/edition/toc.txt" --title "Écrits imaginaires" --lang fr -o editions/ecrits.yaml
cat editions/ecrits.yaml
echo "--- one volume given on the command line"
printf 'Un ..... 1936 ..... 3\nDeux\t12 de mayo de 1936\t9\n' >one.txt
"$ALINEA" catalogue --from-toc one.txt --title Obras --lang es --volume 2 --pages 20
echo "--- errors"
printf 'Tome 1\nUn ..... 1936 ..... 5\nDeux ..... 1936 ..... 3\n' >bad.txt
"$ALINEA" catalogue --from-toc bad.txt --title T --lang fr || echo "exit $?"
"$ALINEA" catalogue --from-toc one.txt --title T --lang fr || echo "exit $?"
"$ALINEA" catalogue --from-toc one.txt --title T --lang fr --pages 3 || echo "exit $?"
"$ALINEA" import --from toc --lang fr one.txt || echo "exit $?"
