# Bad catalogues and bad references are findings with file, line and column.
cp -r "$SRC/tests/fixtures/edition/." .
mkdir -p editions
cat >editions/ecrits.yaml <<'YAML'
title: Écrits imaginaires
lang: fr
volumes:
  - volume: 3
    pages: 20
    texts:
      - {title: "Sur la grève des meuniers (1)", date: 1950-01-01, pages: 1-4}
      - {title: "Sur le congrès de Lyon (1)", date: 1950-01-03, pages: 3-8}
      - {title: Trop loin, pages: 19-24}
      - {title: Avant, pages: 2}
      - {titel: Sans titre, pages: 21}
  - volume: 3
    pages: 0
    texts: []
YAML
cat >editions/broken.yaml <<'YAML'
title: [unclosed
YAML
sed -i 's/volume: 3, pages: 17-20/volume: 4, pages: 17-20/' corpora/port/es.md
sed -i 's/pages: 30-31/pages: 31-30, volumen: 2/' corpora/cartas/es.md
"$ALINEA" check --format text || echo "exit $?"
echo "--- a translation that disagrees with its original"
rm editions/ecrits.yaml editions/broken.yaml
sed -i 's/title: "Sur la grève des meuniers (1)", volume: 3, pages: 1-4/title: "Sur la grève des boulangers", volume: 3, pages: 1-5/; s/^date: 1950-01-01/date: 1950-02/' corpora/greve/es.md
"$ALINEA" check --format text
