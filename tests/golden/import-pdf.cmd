# PDF files read through poppler: the letter typeset by groff in three layouts
# (tests/fixtures/import/layouts/make.sh) and made by LibreOffice from an .odt (same script) is
# the letter each time (import-layouts/letter.md);
# a two-page PDF of our own; then every kind of unreadable PDF (tests/fixtures/import/pdf/make.py)
# refused with its reason, exit 1, never a crash.
layouts="$SRC/tests/fixtures/import/layouts"
pdfs="$SRC/tests/fixtures/import/pdf"
for name in letter-ms a5-indented a4-endnotes libreoffice; do
  "$ALINEA" import --lang es --from pdf "$layouts/$name.pdf" -o "$name.md"
  if cmp -s "$name.md" "$SRC/tests/golden/import-layouts/letter.md"; then
    echo "$name.pdf: the letter"
  else
    diff "$SRC/tests/golden/import-layouts/letter.md" "$name.md" | cut -c1-120
  fi
done
# Structure from the type and the layout: the letter with a heading set larger than the text
# and a paragraph set in on both sides is the letter with that heading and that quotation.
"$ALINEA" import --lang es --from pdf "$layouts/structure.pdf" -o structure.md
diff "$SRC/tests/golden/import-layouts/letter.md" structure.md | cut -c1-120 || true
"$ALINEA" import --lang es --from pdf "$pdfs/two-pages.pdf"
set +e
cp "$pdfs/encrypted.pdf" "$pdfs/no-pages.pdf" "$pdfs/no-text.pdf" .
for name in encrypted no-pages no-text; do
  "$ALINEA" import --lang es --from pdf "$name.pdf"; echo "$name: status $?"
done
head -c 12000 "$layouts/letter-ms.pdf" > truncated.pdf
"$ALINEA" import --lang es --from pdf truncated.pdf; echo "truncated: status $?"
printf 'Querido amigo:\n\nUna carta en texto.\n' > letter.pdf
"$ALINEA" import --lang es --from pdf letter.pdf; echo "not a PDF: status $?"
