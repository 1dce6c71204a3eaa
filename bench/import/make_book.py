#!/usr/bin/env python3
"""Writes a made-up book as groff ms source (no third-party text: words are random syllables),
for timing `alinea import --from pdf` on something the size of a volume. Paragraphs of 2–7
sentences, a footnote on every third paragraph (groff's own numbering, \\**), a title block.
Usage: make_book.py PARAGRAPHS SEED > book.ms; then groff -ms -k -Tpdf book.ms > book.pdf"""
import random
import sys

paragraphs = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
SYLLABLES = ["ca", "lo", "mi", "ra", "te", "sa", "de", "vi", "no", "pa",
             "ri", "lu", "ta", "me", "so", "ga", "fe", "ni", "bo", "re"]


def word():
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))


def sentence():
    words = [word() for _ in range(rng.randint(6, 22))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", ";"])


lines = [".TL", "Libro de prueba", ".AU", "Autor Inventado"]
for number in range(paragraphs):
    lines.append(".PP")
    text = " ".join(sentence() for _ in range(rng.randint(2, 7)))
    if number % 3 == 0:
        lines += [text + "\\**", ".FS", " ".join(sentence() for _ in range(rng.randint(1, 3))),
                  ".FE"]
    else:
        lines.append(text)
sys.stdout.write("\n".join(lines) + "\n")
