#!/usr/bin/env python3
"""Sentence alignment on the three dev sets, each split in two halves (the first and the second
half of every text, by source line): strict/lax F1, how well confidence finds the wrong links
(AUROC of 1 - confidence, ECE over 10 equal-width bins, share of links read least confident first
to meet 90% of the errors) and how omissions come out (precision/recall of the sentences of 1-0
and 0-1 links). The first half tunes, the second is held out: report them side by side.

With --textberg-test DIR (the seven Text+Berg test documents distributed with Vecalign and
Bleualign: testK.de, testK.fr, testK.defr; fetched into a temporary folder, never into the
repository), a fourth set is split by document: test0-3 tune, test4-6 are held out. The last rows
pool every set's halves, as issue 11 measured its figures.

usage: confidence_bench.py ALINEA [--data DIR] [--textberg-test DIR] [--temperatures T1,T2,...]
                           [-- EXTRA ALIGN ARGS]
With several temperatures, the one of least log loss on the tuning halves (all sets together) is
chosen and its rows printed.
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calibration import (auroc, expected_calibration_error, log_loss,  # noqa: E402
                         share_read_for_errors)
from score_links import read_links, read_scored_links  # noqa: E402

ESFR = ["newssyscomb2009", "newstest2008", "newstest2009", "newstest2010"]
HALVES = ("tune", "held-out")
TEST_DOCUMENTS_TUNING = 4  # of the Text+Berg test set; the others are held out


def textberg_test_set(folder):
    """The Text+Berg test documents, each wholly held out (see the module's docstring)."""
    documents = []
    k = 0
    while os.path.exists(os.path.join(folder, f"test{k}.defr")):
        stem = os.path.join(folder, f"test{k}")
        documents.append((stem + ".de", stem + ".fr", stem + ".defr", "de", "fr"))
        k += 1
    if not documents:
        raise SystemExit(f"no test0.defr in {folder}")
    return ("textberg-test", documents)


def dev_sets(data):
    textberg = os.path.join(data, "textberg-dev")
    sets = [("textberg-dev", [(os.path.join(textberg, "dev.de"), os.path.join(textberg, "dev.fr"),
                               os.path.join(textberg, "dev.defr"), "de", "fr")])]
    for name in ("esfr-dev", "esfr-hard-dev"):
        folder = os.path.join(data, name)
        sets.append((name, [(os.path.join(folder, n + ".fr"), os.path.join(folder, n + ".es"),
                             os.path.join(folder, n + ".gold"), "fr", "es") for n in ESFR]))
    return sets


def line_count(path):
    with open(path, encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def halves_of(links, middle):
    """Half (0 or 1) of each link: by its first source line; a link without a source line goes
    with the link before it."""
    result = []
    position = 0
    for source, _target, *_ in links:
        if source:
            position = min(source)
        result.append(0 if position < middle else 1)
    return result


def judge(reference, candidates):
    """Per candidate link (skipping links empty on both sides): (strict hit, lax hit)."""
    exact = set(reference)
    verdicts = []
    for source, target in candidates:
        if not source and not target:
            verdicts.append(None)
            continue
        strict = (source, target) in exact
        lax = strict or bool(source and target and any(
            set(source) & set(g_source) and set(target) & set(g_target)
            for g_source, g_target in reference))
        verdicts.append((strict, lax))
    return verdicts


def null_sentences(links):
    """Sentences of 1-0 / 0-1 links, as ('s', i) / ('t', j)."""
    found = set()
    for source, target in links:
        if source and target:
            continue
        found.update(("s", i) for i in source)
        found.update(("t", j) for j in target)
    return found


class Tally:
    def __init__(self):
        self.precision = [0, 0, 0]  # strict, lax, total over predicted links
        self.recall = [0, 0, 0]
        self.scored = []  # (confidence, strictly right)
        self.null_gold = self.null_predicted = self.null_both = 0

    def f1(self, index):
        p = self.precision[index] / self.precision[2] if self.precision[2] else 0.0
        r = self.recall[index] / self.recall[2] if self.recall[2] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self):
        def ratio(a, b):
            return a / b if b else float("nan")
        null_p = ratio(self.null_both, self.null_predicted)
        null_r = ratio(self.null_both, self.null_gold)
        wrong = sum(1 for _, right in self.scored if not right)
        area = auroc(self.scored)
        return {
            "strict F1": self.f1(0), "lax F1": self.f1(1), "links": len(self.scored),
            "wrong": wrong, "AUROC": area if area is not None else float("nan"),
            "ECE": expected_calibration_error(self.scored) or 0.0,
            "read for 90%": share_read_for_errors(self.scored),
            "log loss": log_loss(self.scored) or 0.0,
            "1-0/0-1 P": null_p, "1-0/0-1 R": null_r,
        }


def document_half(set_name, k):
    """0 or 1 when document k of the set is wholly tuning or held-out data, None when it is
    split in two halves by its source lines."""
    if set_name != "textberg-test":
        return None
    return 0 if k < TEST_DOCUMENTS_TUNING else 1


def tally_document(gold_path, predicted_path, source_lines, tallies, whole_half=None):
    gold = read_links(gold_path)
    scored = read_scored_links(predicted_path)
    predicted = [(s, t) for s, t, _ in scored]
    # A document wholly in one half: every line before (held out) or after (tuning) the middle.
    middle = {None: source_lines // 2, 0: source_lines + 1, 1: 0}[whole_half]
    gold_half = halves_of(gold, middle)
    predicted_half = halves_of(predicted, middle)
    for (verdict, half, (_s, _t, confidence)) in zip(judge(gold, predicted), predicted_half, scored):
        if verdict is None:
            continue
        tally = tallies[half]
        tally.precision[0] += verdict[0]
        tally.precision[1] += verdict[1]
        tally.precision[2] += 1
        tally.scored.append((confidence if confidence is not None else 1.0, verdict[0]))
    full_predicted = [(s, t) for s, t in predicted if s and t]
    full_gold = [(link, half) for link, half in zip(gold, gold_half) if link[0] and link[1]]
    for verdict, (_link, half) in zip(judge(full_predicted, [l for l, _ in full_gold]), full_gold):
        tally = tallies[half]
        tally.recall[0] += verdict[0]
        tally.recall[1] += verdict[1]
        tally.recall[2] += 1
    # A sentence's half: a source line by its number, a target line by the gold link holding it.
    target_half = {}
    for (_source, target), half in zip(gold, gold_half):
        for line in target:
            target_half[line] = half

    def half_of(sentence):
        side, line = sentence
        return (0 if line < middle else 1) if side == "s" else target_half.get(line, 1)

    wanted = null_sentences(gold)
    got = null_sentences(predicted)
    for sentence in wanted:
        tallies[half_of(sentence)].null_gold += 1
    for sentence in got:
        tallies[half_of(sentence)].null_predicted += 1
    for sentence in wanted & got:
        tallies[half_of(sentence)].null_both += 1


def run(alinea, sets, temperature, extra):
    """{set name: [tune tally, held-out tally]}"""
    results = {}
    with tempfile.TemporaryDirectory(prefix="align-confidence-") as workdir:
        for set_name, documents in sets:
            tallies = [Tally(), Tally()]
            for k, (source, target, gold, source_lang, target_lang) in enumerate(documents):
                out = os.path.join(workdir, f"{set_name}{k}.txt")
                command = [alinea, "align", "--lines", source, target, "--src-lang", source_lang,
                           "--tgt-lang", target_lang, "-o", out] + extra
                if temperature is not None:
                    command += ["--temperature", str(temperature)]
                subprocess.run(command, check=True)
                tally_document(gold, out, line_count(source), tallies,
                               whole_half=document_half(set_name, k))
            results[set_name] = tallies
    return results


COLUMNS = ["strict F1", "lax F1", "links", "wrong", "AUROC", "ECE", "read for 90%",
           "1-0/0-1 P", "1-0/0-1 R"]


def pooled(results):
    """One tally per half over every set."""
    tallies = [Tally(), Tally()]
    for set_tallies in results.values():
        for pool, tally in zip(tallies, set_tallies):
            pool.precision = [a + b for a, b in zip(pool.precision, tally.precision)]
            pool.recall = [a + b for a, b in zip(pool.recall, tally.recall)]
            pool.scored += tally.scored
            pool.null_gold += tally.null_gold
            pool.null_predicted += tally.null_predicted
            pool.null_both += tally.null_both
    return tallies


def print_table(results):
    print("| set | half | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for set_name, tallies in list(results.items()) + [("all sets pooled", pooled(results))]:
        for half, tally in zip(HALVES, tallies):
            if not tally.scored:
                continue
            row = tally.row()
            cells = []
            for column in COLUMNS:
                value = row[column]
                cells.append(str(value) if isinstance(value, int) else f"{value:.3f}")
            print(f"| {set_name} | {half} | " + " | ".join(cells) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("alinea")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       "..", "..", "..", "shared", "bench", "align"))
    parser.add_argument("--textberg-test", metavar="DIR",
                        help="also score the Text+Berg test documents in DIR, all held out")
    parser.add_argument("--temperatures", default="",
                        help="comma-separated temperatures to try (fit on the tuning halves)")
    # What follows "--" goes to alinea as it is, wherever the options stand before it.
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    args.extra = extra
    if not os.path.isdir(args.data):
        print(f"confidence bench skipped: {args.data} is absent")
        return 0
    alinea = os.path.abspath(args.alinea)
    sets = dev_sets(args.data)
    if args.textberg_test:
        sets.append(textberg_test_set(args.textberg_test))
    temperatures = [float(t) for t in args.temperatures.split(",") if t] or [None]
    best = None
    for temperature in temperatures:
        results = run(alinea, sets, temperature, args.extra)
        tune = Tally()
        for tallies in results.values():
            tune.scored += tallies[0].scored
        loss = log_loss(tune.scored)
        if len(temperatures) > 1:
            held = Tally()
            for tallies in results.values():
                held.scored += tallies[1].scored
            print(f"temperature {temperature}: tuning halves log loss {loss:.4f} ECE "
                  f"{expected_calibration_error(tune.scored):.3f}; held-out log loss "
                  f"{log_loss(held.scored):.4f} ECE {expected_calibration_error(held.scored):.3f}")
        if best is None or loss < best[0]:
            best = (loss, temperature, results)
    if best[1] is not None:
        print(f"\nchosen on the tuning halves: temperature {best[1]}")
    print_table(best[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
