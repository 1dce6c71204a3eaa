# alinea align on bad input: a clear message and a non-zero status, never a crash; files a person
# wrote are left as they are.
exec 2>&1
set +e
cp "$SRC/tests/golden/align/fr.md" "$SRC/tests/golden/align/es.md" "$SRC/tests/golden/align/unrelated.md" .
: > empty.md
printf -- '---\nid: x\nlang: es\n---\n' > no-paragraphs.md
echo "--- usage"
"$ALINEA" align fr.md; echo "status $?"
"$ALINEA" align fr.md es.md; echo "status $?"
"$ALINEA" align --shard 3/2; echo "status $?"
"$ALINEA" align --shard x; echo "status $?"
echo "--- no manifest"
"$ALINEA" align; echo "status $?"
echo "--- missing, empty and paragraph-less documents"
"$ALINEA" align fr.md missing.md -o out.yaml; echo "status $?"
"$ALINEA" align empty.md es.md -o out.yaml; echo "status $?"
"$ALINEA" align fr.md no-paragraphs.md -o out.yaml; echo "status $?"
test -e out.yaml || echo "no out.yaml written"
echo "--- unrelated documents: low confidence is reported"
"$ALINEA" align fr.md unrelated.md -o unrelated.yaml; echo "status $?"
echo "--- a document aligned with itself"
"$ALINEA" align fr.md fr.md -o self.yaml; echo "status $?"
echo "--- alignment files edited by hand into inconsistency: error with the line, file untouched"
check_untouched() {
  cp bad.yaml before.yaml
  "$ALINEA" align fr.md es.md -o bad.yaml; echo "status $?"
  cmp -s bad.yaml before.yaml && echo "bad.yaml untouched"
}
header='alinea: 1\nsource: {path: fr.md, lang: fr}\ntarget: {path: es.md, lang: es}\nparagraphs:\n'
printf "$header"'  - link: {src: [p1], tgt: [p1], status: reviewed}\n  - link: {src: [p2], tgt: [p7], status: reviewed}\n' > bad.yaml
check_untouched
printf "$header"'  - link: {src: [p1], tgt: [p2], status: reviewed}\n  - link: {src: [p2], tgt: [p1], status: reviewed}\n' > bad.yaml
check_untouched
printf "$header"'  - link: {src: [p1], tgt: [p1], status: reviewed}\n  - link: {src: [p2], tgt: [p1, p2], status: reviewed}\n' > bad.yaml
check_untouched
printf "$header"'  - link: {src: [p1], tgt: [p1], status: atuo, confidence: 0.5}\n' > bad.yaml
check_untouched
printf "$header"'  - link: {src: [p1], tgt: [p1], status: reviewed}\n    sentences:\n      - {src: [p1.s9], tgt: [p1.s1], status: reviewed}\n' > bad.yaml
check_untouched
printf 'alinea: 1\nparagraphs: [\n' > bad.yaml
check_untouched
printf 'alinea: 1\nsource: {path: other.md, lang: fr}\ntarget: {path: es.md, lang: es}\nparagraphs: []\n' > bad.yaml
check_untouched
