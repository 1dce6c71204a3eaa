# The letter's sentences as a careful reader splits them, both languages: 63 in the Spanish
# (39 in the body, 24 in the notes), each with its id.
set -o pipefail
for lang in es fr; do
  "$ALINEA" inspect --format text "$SRC/corpora/trotsky-1936-04-24-bienvenue-a-victor-serge/$lang.md" |
    grep -E '^  (p|n)[0-9]+\.s[0-9]+ '
done
