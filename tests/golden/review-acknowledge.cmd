# alinea review --acknowledge: a finding a translator intends is acknowledged on its link, with a
# reason; check then reports it as acknowledged. Bad uses change nothing.
exec 2>&1
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
run() { "$ALINEA" review "$@" || echo "exit $?"; }
run alignments/w.fr-es.yaml --acknowledge p2 qa/length-ratio qa/number-mismatch --reason "translator's note, intended"
grep -n 'accept:' alignments/w.fr-es.yaml
cp alignments/w.fr-es.yaml before.yaml
run alignments/w.fr-es.yaml --acknowledge p2 qa/no-such-rule --reason x
run alignments/w.fr-es.yaml --acknowledge p9 qa/length-ratio --reason x
run alignments/w.fr-es.yaml --acknowledge tgt:p2.s9 qa/length-ratio --reason x
run alignments/w.fr-es.yaml --acknowledge p1+p3 qa/length-ratio --reason x
run alignments/w.fr-es.yaml --acknowledge p2 qa/length-ratio
run alignments/w.fr-es.yaml --acknowledge p2 --reason x
run alignments/w.fr-es.yaml --reason x
cmp before.yaml alignments/w.fr-es.yaml && echo "unchanged"
"$ALINEA" check alignments/w.fr-es.yaml --format json | grep -c acknowledged || true
