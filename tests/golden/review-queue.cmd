# alinea review: the queue in its order (drift, no-fingerprint, low-confidence, unlinked), as text
# and JSON, with --below; from the repository root and from a subfolder.
exec 2>&1
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
# p1 was reviewed against another text (drift); p3 is less sure; fr:p5 and es:p4 lose their link.
sed -i 's|{src: \[p1\], tgt: \[p1\], status: reviewed}|{src: [p1], tgt: [p1], status: reviewed, fp: [00000000, 00000000]}|; s|{src: \[p3\], tgt: \[p3\], status: auto, confidence: 0.9}|{src: [p3], tgt: [p3], status: auto, confidence: 0.3}|; /p5/d' alignments/w.fr-es.yaml
"$ALINEA" review alignments/w.fr-es.yaml
echo "--- --below 0.95"
"$ALINEA" review alignments/w.fr-es.yaml --list --below 0.95
echo "--- json, from a subfolder"
(cd corpora/w && "$ALINEA" review ../../alignments/w.fr-es.yaml --format json --below 0.1)
