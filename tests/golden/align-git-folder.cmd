# Nothing alinea writes lands under .git (a hook, the credential in .git/config): alignment files
# of the manifest there (in any case, through '..' or a link) are findings and are not written by
# align --all, and -o into .git is refused (exit 2).
. "$SRC/tests/golden/check_fixture.sh"
make_repository clean
mkdir -p .git/hooks
printf '[core]\n' > .git/config
ln -s .git/hooks hooks-link
cat >>alinea.yaml <<'YAML'
  - id: hook
    documents:
      fr: corpora/w/fr.md
      es: corpora/w/es.md
    alignments:
      - {source: fr, target: es, file: .git/hooks/post-checkout}
      - {source: fr, target: es, file: .GIT/hooks/pre-commit}
      - {source: fr, target: es, file: hooks-link/pre-push}
      - {source: fr, target: es, file: alignments/../.git/config}
YAML
set +e
"$ALINEA" align --all 2>&1 | grep -v "^  \|^realigned"; echo "status ${PIPESTATUS[0]}"
"$ALINEA" align corpora/w/fr.md corpora/w/es.md -o .git/hooks/post-merge; echo "status $?"
"$ALINEA" align corpora/w/fr.md corpora/w/es.md -o hooks-link/post-merge; echo "status $?"
"$ALINEA" check -o .Git/report.txt; echo "status $?"
echo "--- .git holds what it held"
find .git | sort
cat .git/config
