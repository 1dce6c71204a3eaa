# Writes that cannot lose work: a failed write is exit 1 with a message, a device is never read
# as the previous file, a rewrite keeps the file's mode and leaves no temporary file, an
# unchanged file is not rewritten, and reviewed links left on shifted text are named.
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
set +e
echo "--- a full disk"
"$ALINEA" align corpora/w/fr.md corpora/w/es.md -o - > /dev/full; echo "status $?"
"$ALINEA" align corpora/w/fr.md corpora/w/es.md -o /dev/full; echo "status $?"
"$ALINEA" align alignments/w.fr-es.yaml --summary > /dev/full; echo "status $?"
"$ALINEA" show alignments/w.fr-es.yaml > /dev/full; echo "status $?"
"$ALINEA" check > /dev/full; echo "status $?"
"$ALINEA" coverage -o /dev/full; echo "status $?"
echo "--- a device is written, not read"
"$ALINEA" align corpora/w/fr.md corpora/w/es.md -o /dev/null 2>/dev/null; echo "status $?"
echo "--- nothing changed: the file is not rewritten"
touch -d @1000000000 alignments/w.fr-es.yaml
"$ALINEA" align alignments/w.fr-es.yaml 2>/dev/null; echo "status $?"
stat -c %Y alignments/w.fr-es.yaml
echo "--- a sentence inserted before a reviewed link"
sed -i 's/{src: \[p2.s3\], tgt: \[p2.s3\], status: auto, confidence: [0-9.]*,/{src: [p2.s3], tgt: [p2.s3], status: reviewed,/' alignments/w.fr-es.yaml
sed -i 's/Blumkin fue fusilado. Butov/Blumkin fue fusilado. Nadie protestó. Butov/' corpora/w/es.md
chmod 600 alignments/w.fr-es.yaml
"$ALINEA" align alignments/w.fr-es.yaml 2>&1 >/dev/null | grep warning; echo "status ${PIPESTATUS[0]}"
echo "--- the mode is kept, no temporary file is left"
stat -c %a alignments/w.fr-es.yaml
ls -A alignments
