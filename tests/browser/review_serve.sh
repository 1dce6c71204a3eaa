#!/usr/bin/env bash
# `alinea review --serve` on a fresh alignment of the bundled letter, reviewed by keyboard in a
# real browser (Debian's chromium, headless, driven from node by review_serve.js over cdp.js):
# each change checked in the file on disk, a change made meanwhile refused, requests without the
# token or with another Host refused, screenshots at a desktop and a phone width; then the page on
# documents with headings, quotations and list items (review_kinds.js). Without
# chromium or node: skipped, or failed in CI (chromium.sh).
# Usage: review_serve.sh ALINEA SOURCE_DIR [KEEP_DIR] — KEEP_DIR keeps the screenshots, the
# alignment as left and the logs for a person.
set -euo pipefail
alinea=$1
source_dir=$2
keep=${3:-}
# shellcheck source=chromium.sh
source "${BASH_SOURCE[0]%/*}/chromium.sh"
have_node || { echo "node is not installed: skipped"; exit 77; }
scratch=$(mktemp -d)
server=
finish() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; fi
  if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$scratch"/*.png "$scratch"/*.txt "$scratch"/*.log "$scratch/alignments/letter.fr-es.yaml" \
      "$keep/" 2>/dev/null || true
  fi
  # A process that was still ending can add a file while rm walks the folder: try once more.
  rm -rf "$scratch" 2>/dev/null || { sleep 1; rm -rf "$scratch"; }
}
trap finish EXIT
cd "$scratch"
letter=corpora/trotsky-1936-04-24-bienvenue-a-victor-serge
mkdir -p "$letter" alignments profile
cp "$source_dir/alinea.yaml" .
cp "$source_dir/$letter/fr.md" "$source_dir/$letter/es.md" "$letter/"
"$alinea" align "$letter/fr.md" "$letter/es.md" -o alignments/letter.fr-es.yaml 2>align.log
# The letter's links are all right and nearly all sure: a paragraph link is confirmed first and
# the queue reaches 0.95, so that the walk has sentence links to review (p9.s2 first).
"$alinea" review alignments/letter.fr-es.yaml --accept p8 >>align.log 2>&1

"$alinea" review alignments/letter.fr-es.yaml --serve --below 0.95 >server.txt 2>server.log &
server=$!
for _ in $(seq 300); do grep -q 'token=' server.txt && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?token=[0-9a-f]*' server.txt || true)
expect "the server prints its address with a token" test -n "$url"
[ -n "$url" ] || exit 1

"$node" "$source_dir/tests/browser/review_serve.js" "$browser" "$url" \
  "$scratch/alignments/letter.fr-es.yaml" "$alinea" "$scratch" 2>>browser.log | tee walk.txt
expect "the keyboard review passed every check" bash -c '! grep -q "^FAILED" walk.txt && grep -q "^ok: refused requests changed nothing" walk.txt'
for shot in desktop phone; do
  size=$(stat -c %s "$shot.png" 2>/dev/null || echo 0)
  expect "a $shot screenshot ($size bytes)" test "$size" -gt 10000
done

# Documents with structure: the kind of each unit on the page, a kind mismatch in the queue.
mkdir structure
cp "$source_dir"/tests/fixtures/structure/fr.md "$source_dir"/tests/fixtures/structure/es.md structure/
"$alinea" align structure/fr.md structure/es.md -o structure/fr-es.yaml 2>>align.log
"$alinea" review structure/fr-es.yaml --serve >kinds-server.txt 2>kinds-server.log &
kinds_server=$!
for _ in $(seq 300); do grep -q 'token=' kinds-server.txt && break; sleep 0.1; done
kinds_url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?token=[0-9a-f]*' kinds-server.txt || true)
"$node" "$source_dir/tests/browser/review_kinds.js" "$browser" "$kinds_url" \
  "$scratch/structure/fr-es.yaml" "$scratch/kinds-profile" 2>>browser.log | tee kinds.txt
kill "$kinds_server" 2>/dev/null && wait "$kinds_server" 2>/dev/null || true
expect "the kinds on the page passed every check" bash -c '! grep -q "^FAILED" kinds.txt && grep -q "^ok: the file has the link reviewed" kinds.txt'

"$alinea" review alignments/letter.fr-es.yaml --serve --bind 0.0.0.0 >/dev/null 2>bind.txt && bound=yes || bound=no
expect "another address than 127.0.0.1 is refused" test "$bound" = no
expect "the server is still running" kill -0 "$server"
[ "$failures" -eq 0 ]
