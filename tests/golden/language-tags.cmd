# One language module reads every tag: any spelling of a tag gets its language's rules ("Sr." is
# a Spanish abbreviation), a language without rules of its own is named, anything else is refused
# with the tag named (on the command line exit 2, in a file at its line).
text='Lo dijo el Sr. García. Después se fue.'
for tag in es ES es_ES es-es; do
  echo "$text" | "$ALINEA" segment --lang "$tag"
done
echo "$text" | "$ALINEA" segment --lang de
echo "$text" | "$ALINEA" segment --lang xx || echo "status $?"
echo "$text" | "$ALINEA" segment --lang 'es@ss=standard' || echo "status $?"
echo "$text" | "$ALINEA" segment --lang ../../proc/self/cwd/d/x || echo "status $?"
printf -- '---\nid: w\nlang: ES_es\n---\n\nHola.\n' > es.md
"$ALINEA" inspect es.md --format text | head -3
printf -- '---\nid: w\nlang: xx\n---\n\nHola.\n' > xx.md
"$ALINEA" inspect xx.md || echo "status $?"
