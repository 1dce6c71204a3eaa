#!/usr/bin/env python3
"""Sentence links of documents, as a user's documents are aligned: each gold-aligned text of the
dev sets (and, with --textberg-test, the Text+Berg test documents) is made into two Markdown
documents whose paragraphs end where no gold link crosses, every K gold links (K drawn between 3
and 8, seeded), then aligned with `alinea align SRC.md TGT.md -o FILE` — paragraphs, then the
sentences inside each paragraph link. alinea segments the paragraphs itself; each of its sentence
links is mapped back to the gold lines its sentences cover (`alinea inspect --format json` gives
the sentences), gold and alinea's links are both brought to the grain at which both
segmentations can be told (on_common_grain), and alinea's are judged as confidence_bench.py judges
`--lines` links: strict / lax F1 and how
well confidence finds the wrong links. A paragraph left out on one side counts as its sentences
left out, with the paragraph link's confidence. Paragraph links are judged too (exactly the gold
paragraph link: the paragraphs were cut together on both sides). Whole texts, no halves: only
--fit tunes, on textberg-dev and esfr-dev, and shows the other sets beside them.

usage: document_bench.py ALINEA [--data DIR] [--textberg-test DIR] [--seed N] [--fit]
                         [-- EXTRA ALIGN ARGS]
--fit fits a map of the sentence links' confidences on textberg-dev and esfr-dev (see
fit_document_map) and shows it beside the others.
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calibration import (auroc, expected_calibration_error, fit_logistic,  # noqa: E402
                         predict_logistic, share_read_for_errors)
from confidence_bench import dev_sets, judge, textberg_test_set  # noqa: E402
from score_links import read_links  # noqa: E402

LINK = re.compile(r"src: \[([^\]]*)\], tgt: \[([^\]]*)\](?:.*?confidence: ([0-9.]+))?")
# Characters that open a Markdown block at the start of a paragraph, or mark up inline text.
BLOCK_START = re.compile(r"^(#|>|[-+*] |\d+[.)] |\||<|\[\^)")
INLINE = re.compile(r"([\\`*_\[\]<>])")


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read().split("\n")[:-1] if path else []


def paragraph_ends(links, rng):
    """Indices of the gold links after which a paragraph may end (every link up to it covers
    source lines [0, a) and target lines [0, b) exactly), every K links or at the next such
    place."""
    ends = []
    sources, targets = set(), set()
    wanted = rng.randint(3, 8)
    since = 0
    for k, (source, target) in enumerate(links):
        sources.update(source)
        targets.update(target)
        since += 1
        closed = (not sources or max(sources) + 1 == len(sources)) and \
                 (not targets or max(targets) + 1 == len(targets))
        if closed and since >= wanted:
            ends.append(k)
            since = 0
            wanted = rng.randint(3, 8)
    if not ends or ends[-1] != len(links) - 1:
        ends.append(len(links) - 1)
    return ends


def escaped(line):
    text = INLINE.sub(r"\\\1", line)
    return "\\" + text if BLOCK_START.match(text) else text


class Side:
    """One document being written: its paragraphs, and the character span of every gold line in
    its paragraph's text."""

    def __init__(self, lines):
        self.lines = lines
        self.paragraphs = []  # [(text, [(line, begin, end)])]

    def add(self, line_range):
        pieces, spans, at = [], [], 0
        for line in line_range:
            text = escaped(self.lines[line].strip())
            if not text:
                continue
            if pieces:
                at += 1
            spans.append((line, at, at + len(text)))
            pieces.append(text)
            at += len(text)
        if not pieces:
            return None
        self.paragraphs.append((" ".join(pieces), spans))
        return f"p{len(self.paragraphs)}"

    def write(self, path, lang):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f"---\nid: doc\nlang: {lang}\n---\n\n")
            handle.write("\n\n".join(text for text, _ in self.paragraphs) + "\n")


def gold_lines_of_sentences(alinea, path, side):
    """{sentence id: (gold lines it covers)} from alinea's own segmentation of the document."""
    shown = subprocess.run([alinea, "inspect", "--format", "json", path], check=True,
                           capture_output=True, text=True).stdout
    document = json.loads(shown)
    mapping = {}
    paragraphs = document.get("paragraphs", [])
    if len(paragraphs) != len(side.paragraphs):
        raise SystemExit(f"{path}: alinea reads {len(paragraphs)} paragraphs, "
                         f"{len(side.paragraphs)} were written")
    for block, (text, spans) in zip(paragraphs, side.paragraphs):
        at = 0
        # A paragraph never segmented is one sentence, as the aligner counts it.
        sentences = block.get("sentences") or [block["text"]]
        ids = [f"{block['id']}.s{n + 1}" for n in range(len(sentences))]
        for sentence_id, sentence in zip(ids, sentences):
            found = text.find(sentence, at)
            if found < 0:
                raise SystemExit(f"{path}: sentence {sentence_id} not found in its paragraph")
            end = found + len(sentence)
            mapping[sentence_id] = tuple(line for line, begin, stop in spans
                                         if begin < end and found < stop)
            at = end
        mapping[block["id"] + "/sentences"] = ids
    return mapping


def predicted_links(alignment_path, source_map, target_map):
    """[(source lines, target lines, confidence)] of the sentence links of an alignment file; a
    paragraph link with one empty side stands for its sentences, each left out."""
    links = []
    with open(alignment_path, encoding="utf-8") as handle:
        for line in handle:
            found = LINK.search(line)
            if not found:
                continue
            ids = [[x.strip() for x in side.split(",") if x.strip()] for side in found.groups()[:2]]
            confidence = float(found.group(3)) if found.group(3) else 1.0
            is_block = line.lstrip().startswith("- link:")
            if is_block and ids[0] and ids[1]:
                continue  # its sentence links follow
            if is_block:
                mapping, side = (source_map, 0) if ids[0] else (target_map, 1)
                for block in ids[side]:
                    for sentence in mapping.get(block + "/sentences", []):
                        lines = mapping[sentence]
                        links.append((lines, (), confidence, False) if side == 0 else
                                     ((), lines, confidence, False))
                continue
            source = tuple(sorted({n for s in ids[0] for n in source_map.get(s, ())}))
            target = tuple(sorted({n for t in ids[1] for n in target_map.get(t, ())}))
            links.append((source, target, confidence, True))
    return links


def atoms(sentence_lines):
    """{gold line: its atom}: lines that one of alinea's sentences spans together are one atom
    (a title without a full stop that joins the next line); an atom is named by its first line."""
    parent = {}

    def root(line):
        parent.setdefault(line, line)
        while parent[line] != line:
            parent[line] = parent[parent[line]]
            line = parent[line]
        return line

    for lines in sentence_lines:
        for line in lines:
            root(line)
        for line in lines[1:]:
            a, b = root(lines[0]), root(line)
            parent[max(a, b)] = min(a, b)
    return {line: root(line) for line in list(parent)}


def on_common_grain(links, source_atoms, target_atoms):
    """The links over atoms, merged where they share one: the finest grain at which both alinea's
    sentences and the gold's lines can be told (a gold line holding two sentences links each of
    them; a title joined to the next line joins their links). A merged link is as sure as its
    least sure part."""
    def atom_set(lines, atoms_of_side):
        return {atoms_of_side.get(line, line) for line in lines}

    nodes = [(atom_set(s, source_atoms), atom_set(t, target_atoms), c, sentence)
             for s, t, c, sentence in links]
    parent = list(range(len(nodes)))

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for side in (0, 1):
        owner = {}
        for k, node in enumerate(nodes):
            for atom in node[side]:
                if atom in owner:
                    parent[root(k)] = root(owner[atom])
                else:
                    owner[atom] = k
    merged = {}
    for k, (source, target, confidence, sentence) in enumerate(nodes):
        group = merged.setdefault(root(k), [set(), set(), confidence, k, sentence])
        group[0].update(source)
        group[1].update(target)
        group[2] = min(group[2], confidence)
        group[4] = group[4] and sentence
    return [(tuple(sorted(source)), tuple(sorted(target)), confidence, sentence)
            for source, target, confidence, _, sentence in sorted(merged.values(),
                                                                  key=lambda g: g[3])]


def predicted_blocks(alignment_path):
    """[(source ids, target ids, confidence)] of the paragraph links of an alignment file."""
    links = []
    with open(alignment_path, encoding="utf-8") as handle:
        for line in handle:
            found = LINK.search(line)
            if found and line.lstrip().startswith("- link:"):
                ids = [tuple(x.strip() for x in side.split(",") if x.strip())
                       for side in found.groups()[:2]]
                links.append((ids[0], ids[1], float(found.group(3)) if found.group(3) else 1.0))
    return links


class Tally:
    def __init__(self):
        self.precision = [0, 0, 0]
        self.recall = [0, 0, 0]
        self.scored = []
        self.sentence_scored = []  # those of sentence links (not of paragraphs left out)
        self.block_scored = []  # paragraph links: (confidence, exactly a gold paragraph link)

    def add_blocks(self, gold, predicted):
        exact = set(gold)
        for source, target, confidence in predicted:
            self.block_scored.append((confidence, (source, target) in exact))

    def add(self, gold, predicted):
        pairs = [(s, t) for s, t, _, _ in predicted]
        for verdict, (_, _, confidence, sentence) in zip(judge(gold, pairs), predicted):
            if verdict is None:
                continue
            strict, lax = verdict
            self.precision[0] += strict
            self.precision[1] += lax
            self.precision[2] += 1
            self.scored.append((confidence, strict))
            if sentence:
                self.sentence_scored.append((confidence, strict))
        full_gold = [(s, t) for s, t in gold if s and t]
        full_predicted = [(s, t) for s, t in pairs if s and t]
        for verdict in judge(full_predicted, full_gold):
            if verdict is None:
                continue
            self.recall[0] += verdict[0]
            self.recall[1] += verdict[1]
            self.recall[2] += 1

    def block_row(self):
        area = auroc(self.block_scored)
        wrong = sum(1 for _, right in self.block_scored if not right)
        under = sum(1 for confidence, _ in self.block_scored if confidence < 0.9)
        return (f"{len(self.block_scored)} | {wrong} | "
                f"{area if area is not None else float('nan'):.3f} | "
                f"{expected_calibration_error(self.block_scored) or 0.0:.3f} | {under}")

    def row(self):
        def f1(index):
            p = self.precision[index] / self.precision[2] if self.precision[2] else 0.0
            r = self.recall[index] / self.recall[2] if self.recall[2] else 0.0
            return 2 * p * r / (p + r) if p + r else 0.0
        area = auroc(self.scored)
        wrong = sum(1 for _, right in self.scored if not right)
        under = sum(1 for confidence, _ in self.scored if confidence < 0.9)
        return (f"{f1(0):.3f} | {f1(1):.3f} | {len(self.scored)} | {wrong} | "
                f"{area if area is not None else float('nan'):.3f} | "
                f"{expected_calibration_error(self.scored) or 0.0:.3f} | "
                f"{share_read_for_errors(self.scored):.3f} | {under}")


TUNING_SETS = ("textberg-dev", "esfr-dev")


def logit(confidence):
    bounded = min(1 - 1e-4, max(1e-4, confidence))
    return math.log(bounded / (1 - bounded))


def fit_document_map(tallies):
    """p = σ(intercept + slope · logit(confidence)) of sentence links, fitted on the tuning sets
    (each weighing the same), shown on every set."""
    rows, weights = [], []
    for name in TUNING_SETS:
        scored = tallies[name].sentence_scored
        rows += [([logit(c)], right) for c, right in scored]
        weights += [1.0 / len(scored)] * len(scored)
    coefficients = fit_logistic(rows, weights)
    print(f"\ndocument sentence map: intercept {coefficients[0]:.4f}, slope {coefficients[1]:.4f}")
    print("| set | half | before: AUROC | ECE | read for 90% | under 0.9 | "
          "after: ECE | under 0.9 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, tally in tallies.items():
        before = tally.sentence_scored
        after = [(predict_logistic(coefficients, [logit(c)]), right) for c, right in before]
        half = "tune" if name in TUNING_SETS else "held-out"
        area = auroc(before)
        print(f"| {name} | {half} | {area if area is not None else float('nan'):.3f} | "
              f"{expected_calibration_error(before):.3f} | {share_read_for_errors(before):.3f} | "
              f"{sum(1 for c, _ in before if c < 0.9)} | {expected_calibration_error(after):.3f} | "
              f"{sum(1 for c, _ in after if c < 0.9)} |")


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("alinea")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "..",
                                                       "shared", "bench", "align"))
    parser.add_argument("--textberg-test", metavar="DIR")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fit", action="store_true",
                        help="fit the map of sentence links' confidences in documents on the "
                             "tuning sets (textberg-dev, esfr-dev) and show it on the others")
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    if not os.path.isdir(args.data):
        print(f"document bench skipped: {args.data} is absent")
        return
    alinea = os.path.abspath(args.alinea)
    sets = dev_sets(args.data)
    if args.textberg_test:
        sets.append(textberg_test_set(args.textberg_test))
    rng = random.Random(args.seed)
    print("| set | strict F1 | lax F1 | sentence links | wrong | AUROC | ECE | read for 90% | "
          "under 0.9 |")
    print("|---|---|---|---|---|---|---|---|---|")
    everything = Tally()
    tallies = {}
    with tempfile.TemporaryDirectory(prefix="align-documents-") as workdir:
        for name, documents in sets:
            tally = Tally()
            for k, (source_path, target_path, gold_path, source_lang, target_lang) in \
                    enumerate(documents):
                gold = read_links(gold_path)
                source, target = Side(read_lines(source_path)), Side(read_lines(target_path))
                begin = (0, 0)
                gold_blocks = []  # (source paragraph ids, target paragraph ids)

                def cut(source_lines, target_lines):
                    ids = (source.add(source_lines), target.add(target_lines))
                    if ids != (None, None):
                        gold_blocks.append(tuple(() if i is None else (i,) for i in ids))

                for end in paragraph_ends(gold, rng):
                    covered = gold[:end + 1]
                    last_source = max((max(s) for s, _ in covered if s), default=-1) + 1
                    last_target = max((max(t) for _, t in covered if t), default=-1) + 1
                    cut(range(begin[0], max(begin[0], last_source)),
                        range(begin[1], max(begin[1], last_target)))
                    begin = (max(begin[0], last_source), max(begin[1], last_target))
                cut(range(begin[0], len(source.lines)), range(begin[1], len(target.lines)))
                stem = os.path.join(workdir, f"{name}{k}")
                source.write(stem + f".{source_lang}.md", source_lang)
                target.write(stem + f".{target_lang}.md", target_lang)
                subprocess.run([alinea, "align", stem + f".{source_lang}.md",
                                stem + f".{target_lang}.md", "-o", stem + ".yaml"] + extra,
                               check=True, capture_output=True)
                source_map = gold_lines_of_sentences(alinea, stem + f".{source_lang}.md", source)
                target_map = gold_lines_of_sentences(alinea, stem + f".{target_lang}.md", target)
                source_atoms = atoms(v for key, v in source_map.items() if "/" not in key)
                target_atoms = atoms(v for key, v in target_map.items() if "/" not in key)
                predicted = on_common_grain(predicted_links(stem + ".yaml", source_map, target_map),
                                            source_atoms, target_atoms)
                reference = [(s, t) for s, t, _, _ in on_common_grain(
                    [(s, t, 1.0, True) for s, t in gold], source_atoms, target_atoms)]
                tally.add(reference, predicted)
                everything.add(reference, predicted)
                blocks = predicted_blocks(stem + ".yaml")
                tally.add_blocks(gold_blocks, blocks)
                everything.add_blocks(gold_blocks, blocks)
            print(f"| {name} | {tally.row()} |")
            tallies[name] = tally
    print(f"| all sets pooled | {everything.row()} |")
    print("\nParagraph links (right: exactly a gold paragraph link):\n")
    print("| set | paragraph links | wrong | AUROC | ECE | under 0.9 |")
    print("|---|---|---|---|---|---|")
    for name, tally in tallies.items():
        print(f"| {name} | {tally.block_row()} |")
    print(f"| all sets pooled | {everything.block_row()} |")
    if args.fit:
        fit_document_map(tallies)


if __name__ == "__main__":
    main()
