# The user's letter, imported from its PDF extraction: pins the whole document, and checks that
# it is the committed corpora/…/es.md (the work id comes from the corpora/<id>/ folder).
work="$SRC/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge"
"$ALINEA" import --lang es "$work/es.pdf.txt" -o letter.md
cat letter.md
cmp letter.md "$work/es.md" && echo "== identical to the committed es.md"
