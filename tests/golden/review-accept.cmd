# alinea review --accept re-confirms a drifted link: alinea check then reports no drift for it;
# --accept-above, --link (a sentence link, an omission) and --note; the file stays one truth.
exec 2>&1
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
"$ALINEA" align alignments/w.fr-es.yaml >/dev/null 2>&1
# The translator edits the Spanish p1 after its link was reviewed.
sed -i 's|llegó a Bruxelles|llegó por fin a Bruxelles|' corpora/w/es.md
"$ALINEA" check alignments/w.fr-es.yaml | grep drift || true
"$ALINEA" review alignments/w.fr-es.yaml | head -1
"$ALINEA" review alignments/w.fr-es.yaml --accept tgt:p1
echo "--- check after --accept"
"$ALINEA" check alignments/w.fr-es.yaml | grep drift || true
echo "--- check after alinea align (the automatic sentence link is realigned)"
"$ALINEA" align alignments/w.fr-es.yaml >/dev/null 2>&1
"$ALINEA" check alignments/w.fr-es.yaml | grep -c drift || true
echo "--- --accept-above 0.5, --link, --note"
"$ALINEA" review alignments/w.fr-es.yaml --accept-above 0.5
"$ALINEA" review alignments/w.fr-es.yaml --link p2.s1,p2.s2 p2.s1
"$ALINEA" review alignments/w.fr-es.yaml --link p2.s3 ""
"$ALINEA" review alignments/w.fr-es.yaml --note tgt:p2.s1 "checked with the editor"
grep -n 'p2' alignments/w.fr-es.yaml
echo "--- realigning keeps all of it (es:p2.s2 gets an automatic link), twice byte for byte"
"$ALINEA" align alignments/w.fr-es.yaml >/dev/null 2>&1
grep -n 'p2' alignments/w.fr-es.yaml
cp alignments/w.fr-es.yaml before.yaml
"$ALINEA" align alignments/w.fr-es.yaml >/dev/null 2>&1
cmp before.yaml alignments/w.fr-es.yaml && echo identical
