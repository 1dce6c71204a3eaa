# The kind of each unit (heading, quotation, list item) in the review queue and in coverage
# (tests/fixtures/structure: the Spanish sets the second heading as a plain paragraph). The
# automatic link of that heading to a paragraph is a queue item of its own (kind-mismatch),
# until a person acknowledges the difference on the link; coverage counts paragraphs by kind.
cp "$SRC"/tests/fixtures/structure/fr.md "$SRC"/tests/fixtures/structure/es.md .
"$ALINEA" align fr.md es.md -o fr-es.yaml
echo '--- the queue as JSON: kinds of both sides'
"$ALINEA" review fr-es.yaml --format json | grep -E '"(reason|src_kind|tgt_kind)"'
echo '--- the heading set as a paragraph, acknowledged: no longer a kind-mismatch item'
"$ALINEA" review fr-es.yaml --acknowledge p9 structure/kind-mismatch --reason "a run-in heading in the translation" 2>&1
"$ALINEA" review fr-es.yaml --list
"$ALINEA" check fr-es.yaml | tail -1
echo '--- a list item left unlinked: its kind in the queue and in coverage'
"$ALINEA" review fr-es.yaml --link p6 "" 2>&1
"$ALINEA" review fr-es.yaml --list | grep unlinked
"$ALINEA" coverage fr-es.yaml | sed -n '1,8p'
"$ALINEA" coverage fr-es.yaml --format json | grep -A3 '"list-item"' | head -4
