#!/usr/bin/env bash
# The page `alinea coverage --by-edition --format html` writes, for the imaginary edition of
# tests/fixtures/edition, opened in a real browser (Debian's chromium, headless): it renders one
# bar per volume with its translated, aligned and reviewed segments, markup in titles stays
# text, nothing runs, each translated text links to its `alinea show --format html` page, the
# links are reached with the Tab key (keyboard_links.js over cdp.js), and screenshots at a desktop and a phone
# width come out. Without chromium: skipped, or failed in CI (chromium.sh).
# Usage: coverage_edition_html.sh ALINEA SOURCE_DIR [KEEP_DIR]
set -euo pipefail
alinea=$1
source_dir=$2
keep=${3:-}
# shellcheck source=chromium.sh
source "${BASH_SOURCE[0]%/*}/chromium.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
cp -r "$source_dir/tests/fixtures/edition/." .
mkdir -p editions show profile
"$alinea" catalogue --from-toc toc.txt --title "Écrits imaginaires" --lang fr -o editions/ecrits.yaml
sed -i 's|work: Cartas de ninguna parte|work: "Cartas <i>de</i> ninguna parte"|' corpora/cartas/es.md
for alignment in alignments/*.yaml; do
  "$alinea" show "$alignment" --format html -o "show/$(basename "$alignment" .yaml).html"
done
"$alinea" coverage --by-edition --format html -o page.html

render_page page.html
bars=$(grep -o '<div class="bar"' dom.html | wc -l)
expect "one bar per volume (found $bars)" test "$bars" -eq 2
for state in reviewed aligned translated; do
  count=$(grep -o "class=\"seg $state\"" dom.html | wc -l)
  expect "the bars show $state texts ($count)" test "$count" -ge 1
done
expect "the legend names each state in words" grep -q '</span>not translated</li>' dom.html
expect "a content security policy" grep -q "Content-Security-Policy" page.html
expect "no script element in the document" bash -c '! grep -qi "<script" dom.html'
expect "markup in an edition's name is text" grep -q "Cartas &lt;i&gt;de&lt;/i&gt; ninguna parte" dom.html
expect "markup in a document title is text" grep -q "Carta a &lt;b&gt;nadie&lt;/b&gt; &amp; co" dom.html
expect "the reviewed text links to its side-by-side page" \
  grep -q '<a href="show/greve.fr-es.html">Sur la grève des meuniers (1)' dom.html
for link in $(grep -o 'href="[^"]*"' dom.html | sed 's/href="//; s/"$//'); do
  expect "the link $link leads to a page" test -s "$link"
done
if have_node; then
  "$node" "$source_dir/tests/browser/keyboard_links.js" "$browser" \
    "file://$scratch/page.html" "$scratch/profile-keys" >keys.txt 2>>browser.log || true
  expect "Tab reaches the first text link" grep -q '^1 .*show/greve.fr-es.html$' keys.txt
  expect "Tab reaches the second text link" grep -q '^2 .*show/congres.fr-es.html$' keys.txt
  expect "the focused link is outlined" grep -q '^outline 3px' keys.txt
else
  echo "node is not installed: the keyboard part is skipped"
fi
for shot in desktop phone; do
  size=$(stat -c %s "$shot.png" 2>/dev/null || echo 0)
  expect "a $shot screenshot ($size bytes)" test "$size" -gt 10000
done
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp page.html dom.html desktop.png phone.png "$keep/"
  cp keys.txt "$keep/" 2>/dev/null || true
fi
[ "$failures" -eq 0 ]
