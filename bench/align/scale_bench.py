#!/usr/bin/env python3
"""Scale test: a synthetic pair of 100,000 sentences per side (made-up words, numbers, about 4%
merges and 2% omissions), aligned with `alinea align --lines`; reports wall time and peak memory
from /usr/bin/time -v, and strict F1 against the planted links.

usage: scale_bench.py ALINEA [--sentences N] [--seed S]
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_links import read_links, score  # noqa: E402


def make_word(rng):
    return "".join(rng.choice("bcdfglmnprstv") + rng.choice("aeiou") for _ in range(rng.randint(1, 4)))


def synthetic_pair(count, rng):
    vocabulary = [make_word(rng) for _ in range(20000)]
    # A "translation" keeps the first letters of most words (cognates) and changes the rest.
    translation = {w: (w[:4] + make_word(rng)) if rng.random() < 0.4 else make_word(rng)
                   for w in vocabulary}

    def sentence():
        words = [rng.choice(vocabulary) for _ in range(rng.randint(4, 30))]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), str(rng.randint(1, 99999)))
        return words

    source, target, gold = [], [], []
    while len(source) < count:
        roll = rng.random()
        if roll < 0.02:  # omitted in the translation
            source.append(" ".join(sentence()) + ".")
            gold.append(([len(source) - 1], []))
        elif roll < 0.06:  # two source sentences rendered as one
            first, second = sentence(), sentence()
            source += [" ".join(first) + ".", " ".join(second) + "."]
            target.append(" ".join(translation.get(w, w) for w in first + second) + ".")
            gold.append(([len(source) - 2, len(source) - 1], [len(target) - 1]))
        else:
            words = sentence()
            source.append(" ".join(words) + ".")
            target.append(" ".join(translation.get(w, w) for w in words) + ".")
            gold.append(([len(source) - 1], [len(target) - 1]))
    return source, target, gold


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("alinea")
    parser.add_argument("--sentences", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    source, target, gold = synthetic_pair(args.sentences, rng)
    with tempfile.TemporaryDirectory(prefix="align-scale-") as workdir:
        paths = {name: os.path.join(workdir, name) for name in ("src.txt", "tgt.txt", "gold", "out")}
        with open(paths["src.txt"], "w") as handle:
            handle.write("\n".join(source) + "\n")
        with open(paths["tgt.txt"], "w") as handle:
            handle.write("\n".join(target) + "\n")
        with open(paths["gold"], "w") as handle:
            for s, t in gold:
                handle.write(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n")
        result = subprocess.run(["/usr/bin/time", "-v", os.path.abspath(args.alinea), "align",
                                 "--lines", paths["src.txt"], paths["tgt.txt"], "--src-lang", "fr",
                                 "--tgt-lang", "es", "-o", paths["out"]],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(result.stderr)
        elapsed = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", result.stderr).group(1)
        user = re.search(r"User time \(seconds\): (\S+)", result.stderr).group(1)
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
        strict = score([(read_links(paths["gold"]), read_links(paths["out"]))])["strict"][2]
        print(f"{len(source)} × {len(target)} sentences: wall {elapsed}, user {user} s, "
              f"peak RSS {rss / 1024:.0f} MiB, strict F1 {strict:.3f}")


if __name__ == "__main__":
    main()
