# Bad input gives a finding (exit 1) or a clear error (exit 2), never a crash or a hang.
. "$SRC/tests/golden/check_fixture.sh"
run() { "$ALINEA" "$@" || echo "exit $?"; }
echo '--- no manifest'
mkdir empty && (cd empty && run check)
echo '--- unknown format'
run check --format xml
make_repository clean
f=alignments/w.fr-es.yaml
echo '--- malformed YAML'
printf 'alinea: 1\nsource: [oops\n' >$f && run check
echo '--- alias bomb'
printf 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n' >$f && run check
echo '--- deep nesting'
head -c 100000 /dev/zero | tr '\0' '[' >$f && run check
echo '--- binary'
printf '\x7fELF\x02\x01\x01\x00\x00\x00' >$f && run check
echo '--- invalid UTF-8'
printf 'alinea: 1\nsource: {path: "\xc3\x28", lang: fr}\n' >$f && run check
echo '--- huge file'
head -c 70000000 /dev/zero >$f && run check
echo '--- symbolic link loop'
rm $f && ln -s loop.yaml $f && ln -s w.fr-es.yaml alignments/loop.yaml && run check
echo '--- a path out of the repository'
run check --root . ../outside.yaml
echo '--- manifest that is not YAML'
printf 'works: [\n' >alinea.yaml && run check
echo '--- manifest with unknown keys and escaping paths'
printf 'alinea: 1\nwork: []\nworks:\n  - id: w\n    documents: {fr: ../../etc/passwd}\n' >alinea.yaml
run check --format github
