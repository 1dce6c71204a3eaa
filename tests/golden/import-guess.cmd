# No --from: the format is guessed from the input's first bytes, then its name, and the command
# says what it guessed and why; --from overrides; what alinea cannot read names the choices.
pdfs="$SRC/tests/fixtures/import/pdf"
cp "$pdfs/two-pages.pdf" molino.bin
"$ALINEA" import --lang es molino.bin
printf '<!DOCTYPE html>\n<title>Prueba</title><p>Un párrafo de una página.</p>\n' > page.txt
"$ALINEA" import --lang es page.txt
printf -- '---\nlang: es\n---\n\nUn texto con una nota[^1].\n\n[^1]: La nota.\n' > doc.txt
"$ALINEA" import --lang es doc.txt
printf 'Un párrafo.\n\nOtro párrafo.\n' > notes.md
"$ALINEA" import --lang es notes.md
printf 'Un párrafo copiado de la web.\n\nOtro párrafo.\n' > copied.txt
"$ALINEA" import --lang es copied.txt
printf 'Una página.\n\fOtra página.\n' | "$ALINEA" import --lang es -
# --from wins over the guess: the page read as plain text keeps its tags as text.
"$ALINEA" import --lang es --from text page.txt
set +e
printf 'Querido amigo:\n\nNo es un PDF.\n' > letter.pdf
"$ALINEA" import --lang es letter.pdf; echo "status $?"
printf 'PK\003\004\024\000\000\000' > letter.docx
"$ALINEA" import --lang es letter.docx; echo "status $?"
printf 'abc\000def' > data.bin
"$ALINEA" import --lang es data.bin; echo "status $?"
