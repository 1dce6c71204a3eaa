# The French stand-in of the letter: its structure is what docs/letter-rendering.md and the
# reviewed alignment rely on (13 paragraphs, 7 notes, each paragraph's opening words).
set -o pipefail
"$ALINEA" inspect --format text "$SRC/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge/fr.md" |
  grep -E '^(p|n)[0-9]+ |paragraphs,|stand_in:' | awk '{ if (NF > 5) NF = 5; print }'
