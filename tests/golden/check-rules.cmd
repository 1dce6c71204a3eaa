# Findings of most rules in GNU style, sorted; exit 1 because there are errors.
. "$SRC/tests/golden/check_fixture.sh"
make_repository flawed
"$ALINEA" check
