# Issue 12: where a plain or -layout extraction cannot tell whether a line ends its paragraph
# (a full line that ends a sentence, or one a little short of the measure), the paragraphs of the
# source it translates decide (--paragraphs-like; docs/IMPORT.md, "Following the source's
# paragraphs"). The letter's extractions (import-layouts) follow its French stand-in, whose
# fifth and sixth paragraphs are the letter's fifth; the French letter typeset the same ways
# (layouts/fr, make.sh fr) follows the letter, alone first and then guided. Each is compared
# with the document its PDF gives (import-layouts/letter.md, import-layouts-guided/lettre.md,
# the French from fr/letter-ms.pdf). What is left are words the plain extraction changed:
# pdftotext drops a hyphen where a line broke at it, and before a lower-case letter it cannot
# be put back (donneznous).
set +e
layouts="$SRC/tests/fixtures/import/layouts"
work="$SRC/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge"
# The import against the expected document, word by word: the words that differ, one word of
# context, and an empty line where a paragraph ends in one and not in the other.
words() { sed -e 's/ /\n/g' "$1"; }
compare() {  # $1 name, $2 import, $3 expected document
  if cmp -s "$2" "$3"; then
    echo "$1: the letter"
  else
    echo "$1: $(grep -c '^\[^' "$2") notes, these words differ:"
    diff -U1 <(words "$3") <(words "$2") | tail -n +3 | grep -v '^@@' | tr '\n' ' ' | cut -c1-400
    echo
  fi
}
for name in letter-ms.txt letter-ms.layout.txt a5-indented.txt a5-indented.layout.txt \
            a4-endnotes.txt a4-endnotes.layout.txt libreoffice.txt libreoffice.layout.txt; do
  "$ALINEA" import --lang es --paragraphs-like "$work/fr.md" "$layouts/$name" -o "es-$name.md" \
    2>&1 | sed "s|$SRC|<src>|" | grep -v "read as --from"
  compare "es $name" "es-$name.md" "$SRC/tests/golden/import-layouts/letter.md"
done
for name in letter-ms.txt letter-ms.layout.txt a5-indented.txt a5-indented.layout.txt \
            a4-endnotes.txt a4-endnotes.layout.txt libreoffice.txt libreoffice.layout.txt; do
  for guide in "" "$work/es.md"; do
    "$ALINEA" import --lang fr ${guide:+--paragraphs-like "$guide"} "$layouts/fr/$name" \
      -o "fr-$name.md" --force 2>&1 | sed "s|$SRC|<src>|" | grep -v "read as --from"
    compare "fr $name${guide:+ (guided)}" "fr-$name.md" \
      "$SRC/tests/golden/import-layouts-guided/lettre.md"
  done
done
# The source's paragraphs are asked only where a PDF's layout may hide them.
printf 'Un texto.\n' > plain.txt
"$ALINEA" import --lang es --from text --paragraphs-like "$work/fr.md" plain.txt; echo "status $?"
"$ALINEA" import --lang es --paragraphs-like missing.md "$layouts/a5-indented.txt" 2>&1 \
  | sed "s|$SRC|<src>|"; echo "status ${PIPESTATUS[0]}"
