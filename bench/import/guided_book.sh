#!/usr/bin/env bash
# How well a source's paragraphs recover the paragraph ends a plain extraction loses, on a text
# that is not the letter (docs/IMPORT.md, "Following the source's paragraphs"): a made-up book
# (make_book.py PARAGRAPHS SEED, its notes left out) typeset by groff on A5 in Helvetica with
# first-line indents and no space between paragraphs, extracted by pdftotext plain and -layout.
# The reference is the book's own PDF import (--from pdf); the "source" is that document with
# each paragraph's length changed at random (normal, 8% standard deviation), as a translation's
# would be. Prints, per extraction, paragraph starts lost and false, alone and guided.
# Usage: bench/import/guided_book.sh [PARAGRAPHS [SEED]] (needs groff, poppler-utils, python3;
# ALINEA: the alinea binary, default build/dev/tools/alinea)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
alinea=${ALINEA:-$here/../../build/dev/tools/alinea}
paragraphs=${1:-300} seed=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 "$here/make_book.py" "$paragraphs" "$seed" | python3 -c '
import re, sys
text = re.sub(r"\\\*\*\n\.FS\n.*?\n\.FE\n", "\n", sys.stdin.read(), flags=re.S)
settings = ".nr PS 11p\n.nr VS 13p\n.nr LL 3.6i\n.nr PI 1.5m\n.nr PD 0\n.fam H\n"
sys.stdout.write(settings + text)' >book.ms
groff -ms -k -Tpdf -dpaper=a5 -P-pa5 book.ms >book.pdf 2>/dev/null
pdftotext -enc UTF-8 book.pdf book.txt
pdftotext -enc UTF-8 -layout book.pdf book.layout.txt
"$alinea" import --lang es --from pdf book.pdf -o reference.md 2>/dev/null
python3 - "$seed" <<'PY'
import random, sys
rng = random.Random(int(sys.argv[1]))
head, body = open("reference.md").read().split("\n---\n", 1)
blocks = []
for block in [b for b in body.split("\n\n") if b.strip()]:
    words = block.split(" ")
    count = max(1, round(len(words) * rng.gauss(1.0, 0.08)))
    if count < len(words):
        words = [words[i] for i in sorted(rng.sample(range(len(words)), count))]
    else:
        words += [rng.choice(words).strip(".?;") for _ in range(count - len(words))]
    blocks.append(" ".join(words))
open("source.md", "w").write(head + "\n---\n\n" + "\n\n".join(blocks) + "\n")
PY
starts() {  # paragraph starts (first six words) of $1 against the reference's
  python3 - "$1" <<'PY'
import re, sys
def starts(path):
    body = open(path).read().split("---\n", 2)[2]
    blocks = [b for b in body.split("\n\n") if b.strip() and not b.startswith("[^")]
    return {" ".join(re.sub(r"\W|\d", "", w) for w in b.split()[:6]) for b in blocks}, len(blocks)
found, count = starts(sys.argv[1])
expected, expected_count = starts("reference.md")
print(f"{count} paragraphs of {expected_count}, starts lost {len(expected - found)}, "
      f"false {len(found - expected)}")
PY
}
for extraction in book.txt book.layout.txt; do
  "$alinea" import --lang es "$extraction" -o alone.md --force 2>/dev/null
  echo "$extraction alone: $(starts alone.md)"
  "$alinea" import --lang es --paragraphs-like source.md "$extraction" -o guided.md --force \
    2>/dev/null
  echo "$extraction guided: $(starts guided.md)"
done
