# The letter typeset in several layouts (tests/fixtures/import/layouts/make.sh: groff ms through
# pandoc, US letter with footnotes, A5 with first-line indents and a note running on to the next
# page, A4 with endnotes), extracted by pdftotext plain and -layout: each import is the letter,
# 12 paragraphs and 7 notes, with its title, author and date (import-layouts/letter.md).
# The plain extractions of the indented layouts lose what marks their paragraphs: pdftotext
# (plain) keeps no indent, and the lines before the breaks lost here end a sentence 1-7% short
# of the measure with a next word that would not have fitted (measured on the PDFs'
# -bbox-layout). The import says so in a warning, and the pinned diff shows the paragraphs it
# could not tell apart; their notes are exact (A4's endnotes came out as a column of numbers).
# With the source's paragraphs (--paragraphs-like) every one is the letter: import-layouts-guided.
# LibreOffice's PDF (make.sh) is set ragged right with a little space between paragraphs:
# neither extraction keeps the space, and two paragraph ends whose next word would have fitted
# by the positions do not by character counts. Its notes (one carried over to the next page
# above that page's first note, in their smaller type) are exact, "Brest-Litovsk" too, whose
# hyphen plain pdftotext dropped where the line broke at it.
layouts="$SRC/tests/fixtures/import/layouts"
for name in letter-ms.txt letter-ms.layout.txt a5-indented.txt a5-indented.layout.txt \
            a4-endnotes.txt a4-endnotes.layout.txt libreoffice.txt libreoffice.layout.txt; do
  # No --from: the form feeds between pages say these are PDF extractions.
  "$ALINEA" import --lang es "$layouts/$name" -o "$name.md" 2>&1 | sed "s|$SRC|<src>|"
  if cmp -s "$name.md" "$SRC/tests/golden/import-layouts/letter.md"; then
    echo "$name: the letter"
  else
    diff "$SRC/tests/golden/import-layouts/letter.md" "$name.md" | cut -c1-120
  fi
done
