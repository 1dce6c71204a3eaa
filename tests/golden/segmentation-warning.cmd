# A language alinea has no sentence rules for is named wherever its sentences are split: by
# segment, by align (a warning) and by check (a note, which does not fail).
exec 2>&1
mkdir -p corpora/w alignments
printf 'alinea: 1\nworks: []\n' > alinea.yaml
printf -- '---\nid: w\nlang: fr\n---\n\nM. Dupont arrive. Il repart.\n' > corpora/w/fr.md
printf -- '---\nid: w\nlang: pt\n---\n\nO Sr. Dupont chega. Ele parte.\n' > corpora/w/pt.md
echo "=== segment"
echo 'O Sr. Dupont chega.' | "$ALINEA" segment --lang pt
echo "=== align"
"$ALINEA" align corpora/w/fr.md corpora/w/pt.md -o alignments/w.fr-pt.yaml
echo "=== check"
"$ALINEA" check alignments/w.fr-pt.yaml; echo "check: exit $?"
