# Headings, a block quotation and a numbered list (tests/fixtures/structure, texts written for
# the test): read with their kinds, segmented, aligned heading to heading, checked (the Spanish
# sets the second heading as a plain paragraph: a finding), counted, shown and reviewed; the
# Markdown written back reads as the same document.
cp "$SRC"/tests/fixtures/structure/fr.md "$SRC"/tests/fixtures/structure/es.md .
echo '--- inspect'
"$ALINEA" inspect --format text fr.md
"$ALINEA" inspect --format json es.md | grep -E '"(kind|level|marker)"'
echo '--- align'
"$ALINEA" align fr.md es.md -o fr-es.yaml
grep -E '^  - link:' fr-es.yaml
echo '--- check'
"$ALINEA" check fr-es.yaml
echo '--- coverage'
"$ALINEA" coverage fr-es.yaml
"$ALINEA" coverage fr-es.yaml --format markdown | sed -n '/by kind/,$p'
"$ALINEA" coverage fr-es.yaml --format html | sed -n '/by kind/,/<\/table>/p'
echo '--- show'
"$ALINEA" show fr-es.yaml --width 100
"$ALINEA" show fr-es.yaml --level sentence --width 100 | sed -n '1,12p'
"$ALINEA" show fr-es.yaml --format markdown
"$ALINEA" show fr-es.yaml --format html | grep -oE '<(p|blockquote)><(strong|p)>|<p>[0-9]\. ' | sort | uniq -c
echo '--- review'
"$ALINEA" review fr-es.yaml --list
echo '--- written back'
"$ALINEA" import --from markdown --lang fr fr.md -o again.md
sed -n '/^# /,/^\[/p' again.md
"$ALINEA" inspect --format json fr.md > before.json
"$ALINEA" inspect --format json again.md > after.json
cmp before.json after.json && echo 'the same document'
