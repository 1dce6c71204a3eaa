# Web pages (tests/fixtures/import/html/make.py): an archive page in windows-1252 with a header
# table and a Notes section, a Wikisource-like page, a blog post with <aside> notes; each is the
# letter. Then pages that must be refused with a clear message.
pages="$SRC/tests/fixtures/import/html"
for name in archive wikisource blog; do
  "$ALINEA" import --lang es --from html "$pages/$name.html" -o "$name.md"
  if cmp -s "$name.md" "$SRC/tests/golden/import-layouts/letter.md"; then
    echo "$name.html: the letter"
  else
    diff "$SRC/tests/golden/import-layouts/letter.md" "$name.md" | cut -c1-120
  fi
done
# Headings, quotations and list items become blocks of their kind (docs/FORMAT.md), an ordered
# item with its number as its marker; entities and a no-break space are read.
printf '<h2>Primera parte</h2><p>Uno &amp; dos&nbsp;tres &eacute;.</p><blockquote><p>Una cita.</p></blockquote><ol><li>Punto uno</li><li>Punto dos</li></ol><ul><li>Otro</li></ul>' > structure.html
"$ALINEA" import --lang es --from html structure.html
# Ordered lists in the text (a start number, an item's text in a <p>, an empty item that takes
# a number) are list items, and the ordered list of notes after them is still the notes.
"$ALINEA" import --lang es --from html "$pages/lists.html"
set +e
printf '<html><head><title>T</title></head><body><nav><a href="/">Inicio</a></nav></body></html>' > no-body.html
"$ALINEA" import --lang es --from html no-body.html; echo "status $?"
printf '<p>caf\xe9</p>' > undeclared.html
"$ALINEA" import --lang es --from html undeclared.html; echo "status $?"
printf '<meta charset="x-klingon"><p>hola</p>' > unknown-charset.html
"$ALINEA" import --lang es --from html unknown-charset.html; echo "status $?"
printf '<meta charset="utf-8"><p>hola \xff</p>' > declared-bad.html
"$ALINEA" import --lang es --from html declared-bad.html; echo "status $?"
head -c 52428800 /dev/zero | tr '\0' 'x' > big.html
"$ALINEA" import --lang es --from html big.html; echo "status $?"
for i in $(seq 1000); do printf '<div>'; done > deep.html
"$ALINEA" import --lang es --from html deep.html; echo "status $?"
