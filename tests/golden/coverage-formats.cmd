# Coverage of a repository with gaps, in every format.
. "$SRC/tests/golden/check_fixture.sh"
make_repository flawed
for format in text json markdown html; do
  echo "--- $format"
  "$ALINEA" coverage --format $format
done
