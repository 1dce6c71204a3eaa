#!/usr/bin/env python3
"""Strict and lax precision, recall and F1 of sentence links (Sennrich & Volk 2011), as defined in
../shared/bench/README.md. Links are lines "[0, 1]:[2]", optionally followed by ":0.93" (the
link's confidence, as `alinea align --lines` and Vecalign write it); several documents accumulate.

usage: score_links.py GOLD PREDICTED [GOLD PREDICTED ...]
"""
import sys


def read_links(path):
    return [(source, target) for source, target, _ in read_scored_links(path)]


def read_scored_links(path):
    """[(source ids, target ids, confidence or None)] of a link file."""
    links = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            try:
                left, right = line.split("]:[")
                right, _, confidence = right.partition("]:")
                source = tuple(int(x) for x in left.strip("[").split(",") if x.strip())
                target = tuple(int(x) for x in right.strip("]").split(",") if x.strip())
                confidence = float(confidence) if confidence else None
            except ValueError:
                sys.exit(f"{path}:{number}: not a link: {line}")
            links.append((source, target, confidence))
    return links


def count_hits(reference, candidates):
    """(strict hits, lax hits, total) of `candidates` judged against `reference`."""
    exact = set(reference)
    strict = lax = total = 0
    for source, target in candidates:
        if not source and not target:
            continue
        total += 1
        if (source, target) in exact:
            strict += 1
            lax += 1
        elif source and target and any(
                set(source) & set(g_source) and set(target) & set(g_target)
                for g_source, g_target in reference):
            lax += 1
    return strict, lax, total


def score(pairs):
    """pairs: [(gold links, predicted links)] → dict of strict/lax P, R, F1."""
    p = [0, 0, 0]
    r = [0, 0, 0]
    for gold, predicted in pairs:
        for k, value in enumerate(count_hits(gold, predicted)):
            p[k] += value
        full = lambda links: [(s, t) for s, t in links if s and t]
        for k, value in enumerate(count_hits(full(predicted), full(gold))):
            r[k] += value
    result = {}
    for name, index in (("strict", 0), ("lax", 1)):
        precision = p[index] / p[2] if p[2] else 0.0
        recall = r[index] / r[2] if r[2] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[name] = (precision, recall, f1)
    return result


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.exit(__doc__)
    pairs = [(read_links(argv[k]), read_links(argv[k + 1])) for k in range(0, len(argv), 2)]
    for name, (precision, recall, f1) in score(pairs).items():
        print(f"{name}: P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
