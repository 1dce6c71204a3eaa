# alinea review refuses to overwrite an alignment file that changed on disk after it read it:
# a note typed on standard input (--note ID -) takes a while, and meanwhile another command
# changes the file. Nothing is written; the other change stays. An empty typed note is refused.
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
mkfifo typed
"$ALINEA" review alignments/w.fr-es.yaml --note p1 - <typed >review.out 2>&1 &
reviewer=$!
exec 3>typed
# Wait until the file was read (the prompt is out), then change it from elsewhere.
for _ in $(seq 100); do grep -q 'ended by Ctrl-D' review.out && break; sleep 0.1; done
"$ALINEA" review alignments/w.fr-es.yaml --note p2 "written meanwhile" 2>&1
cp alignments/w.fr-es.yaml meanwhile.yaml
echo "a long note, typed slowly" >&3
exec 3>&-
status=0
wait "$reviewer" || status=$?
cat review.out
echo "exit $status"
cmp meanwhile.yaml alignments/w.fr-es.yaml && echo "unchanged: the change made meanwhile is kept"
grep -c 'typed slowly' alignments/w.fr-es.yaml || true
echo "--- an empty note from standard input"
"$ALINEA" review alignments/w.fr-es.yaml --note p2 - </dev/null 2>&1 || echo "exit $?"
grep -c 'written meanwhile' alignments/w.fr-es.yaml
echo "--- without anything meanwhile, the typed note is saved"
echo "typed, then saved" | "$ALINEA" review alignments/w.fr-es.yaml --note p1 - 2>&1
grep -c 'typed, then saved' alignments/w.fr-es.yaml
