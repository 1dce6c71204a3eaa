#!/usr/bin/env bash
# The page `alinea show --format html` writes, opened in a real browser (Debian's chromium,
# headless): it renders, markup in the texts stays text, nothing in it runs, and screenshots at a
# desktop and a phone width come out. Without chromium: skipped, or failed in CI (chromium.sh).
# Usage: show_html.sh ALINEA [KEEP_DIR] — KEEP_DIR keeps the page and screenshots for a person.
set -euo pipefail
alinea=$1
keep=${2:-}
# shellcheck source=chromium.sh
source "${BASH_SOURCE[0]%/*}/chromium.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"

mkdir -p corpora alignments profile
: >alinea.yaml
cat >corpora/fr.md <<'EOF'
---
id: w
lang: fr
title: Une page <script>document.title='pwned'</script>
---

Texte avec <script>document.body.setAttribute('data-pwned', 'script')</script> dedans[^1]. Une image <img src=x onerror="document.body.setAttribute('data-pwned', 'img')"> aussi.

Un paragraphe ordinaire, assez long pour passer à la ligne sur un téléphone, avec des accents.

[^1]: Une note <b onmouseover="alert(1)">grasse</b> &amp; une entité.
EOF
cat >corpora/es.md <<'EOF'
---
id: w
lang: es
---

Texto con </div></section><script>document.body.setAttribute('data-pwned', 'closing')</script> dentro[^1]. Una imagen también.

Un párrafo normal, bastante largo para pasar de línea en un teléfono, con acentos y eñes.

[^1]: Una nota.
EOF
cat >alignments/w.fr-es.yaml <<'EOF'
alinea: 1
source: {path: corpora/fr.md, lang: fr}
target: {path: corpora/es.md, lang: es}
notes:
  - link: {src: [n1], tgt: [n1], status: reviewed}
paragraphs:
  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.8, note: "<script>alert('note')</script>"}
    sentences:
      - {src: [p1.s1], tgt: [p1.s1], status: reviewed}
      - {src: [p1.s2], tgt: [p1.s2], status: auto, confidence: 0.7}
  - link: {src: [p2], tgt: [p2], status: reviewed, fp: [00000000, ""]}
EOF
"$alinea" show alignments/w.fr-es.yaml --format html -o page.html

render_page page.html
rows=$(grep -o '<section class="row' dom.html | wc -l)
expect "the page rendered its rows (found $rows)" test "$rows" -eq 3
expect "no script element in the document" bash -c '! grep -qi "<script" dom.html'
expect "no script ran (no data-pwned on the body)" bash -c '! grep -q "data-pwned=" dom.html'
expect "the title is the document's, as text" grep -q "<title>Une page &lt;script&gt;" dom.html
expect "injected markup shows as text" grep -q "Texte avec &lt;script&gt;document.body" dom.html
expect "closing tags in a text stay text" grep -q "Texto con &lt;/div&gt;&lt;/section&gt;" dom.html
expect "the reviewer's note shows as text" grep -q "✎ &lt;script&gt;alert(" dom.html
expect "the changed link is marked" grep -q 'class="drift"' dom.html
for shot in desktop phone; do
  size=$(stat -c %s "$shot.png" 2>/dev/null || echo 0)
  expect "a $shot screenshot ($size bytes)" test "$size" -gt 10000
done
if [ -n "$keep" ]; then
  mkdir -p "$keep"
  cp page.html dom.html desktop.png phone.png "$keep/"
fi
[ "$failures" -eq 0 ]
