# The user's letter, imported from its PDF extraction: pins the whole document, and checks that
# it is the committed corpora/…/es.md (the work id comes from the corpora/<id>/ folder).
work="$SRC/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge"
# No --from: the name (.pdf.txt) says it is a PDF extraction, and the command says so.
"$ALINEA" import --lang es "$work/es.pdf.txt" -o letter.md 2>&1 | sed "s|$SRC|<src>|"
cat letter.md
cmp letter.md "$work/es.md" && echo "== identical to the committed es.md"
