# alinea review refuses, changing nothing: unknown ids (the closest is named), ids of two
# paragraphs on one side, malformed options, a broken file.
exec 2>&1
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
cp alignments/w.fr-es.yaml before.yaml
run() { "$ALINEA" review "$@" || echo "exit $?"; }
run alignments/w.fr-es.yaml --accept p9
run alignments/w.fr-es.yaml --accept tgt:p2.s7
run alignments/w.fr-es.yaml --accept p2.x
run alignments/w.fr-es.yaml --link p1.s1,p2.s1 p1.s1
run alignments/w.fr-es.yaml --link p1,p3 p1
run alignments/w.fr-es.yaml --link "" ""
run alignments/w.fr-es.yaml --link p1
run alignments/w.fr-es.yaml --note p1
run alignments/w.fr-es.yaml --accept p1 --note p1 x
run alignments/w.fr-es.yaml --below 2
run alignments/w.fr-es.yaml --format xml
run alignments/w.fr-es.yaml --accept-above high
run missing.yaml
run
cmp before.yaml alignments/w.fr-es.yaml && echo "unchanged"
echo 'alinea: 1
paragraphs: [' > broken.yaml
run broken.yaml
echo "--- the review page: loopback only, its options only with --serve"
run alignments/w.fr-es.yaml --serve --bind 0.0.0.0
run alignments/w.fr-es.yaml --serve --bind localhost.example.org
run alignments/w.fr-es.yaml --port 8080
run alignments/w.fr-es.yaml --serve --accept p1
run alignments/w.fr-es.yaml --serve --port 70000
cmp before.yaml alignments/w.fr-es.yaml && echo "unchanged"
