#!/usr/bin/env python3
"""Fits the map from a link's confidence features to the probability that it is right
(lib/src/align/confidence.hpp, ConfidenceModel) on the TUNING halves of the three dev sets, each
set weighing the same, and prints the constants and, beside them, what the posterior alone and
the fitted map give on the tuning and the held-out halves (AUROC, ECE, share read for 90% of the
errors, log loss). Halves and verdicts are those of confidence_bench.py.

usage: fit_confidence.py ALINEA [--data DIR] [--textberg-test DIR] [--l2 L] [-- EXTRA ALIGN ARGS]
(`-- --freedict` fits the map used with FreeDict, fitted_confidence_model_with_dictionary.)
ALINEA's own map is not used: the features it writes (--confidence-features) are raw.
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calibration import (auroc, expected_calibration_error, fit_logistic,  # noqa: E402
                         log_loss, predict_logistic, share_read_for_errors)
from confidence_bench import (HALVES, dev_sets, document_half, halves_of, judge,  # noqa: E402
                              line_count, textberg_test_set)
from score_links import read_links, read_scored_links  # noqa: E402

FEATURES = ("logit(posterior)", "leaked_tokens", "shortest_unit", "cost_per_unit", "one_sided")


def bounded_logit(posterior):
    import math
    p = min(1 - 1e-4, max(1e-4, posterior))  # as bounded_logit in confidence.cpp
    return math.log(p / (1 - p))


def read_features(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            posterior, *others = (float(x) for x in line.split())
            rows.append((bounded_logit(posterior), *others))
    return rows


def collect(alinea, sets, extra):
    """[(set name, half, features, right, posterior)] over every predicted link of every set."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="align-fit-") as workdir:
        for set_name, documents in sets:
            for k, (source, target, gold, source_lang, target_lang) in enumerate(documents):
                links = os.path.join(workdir, f"{set_name}{k}.txt")
                features = os.path.join(workdir, f"{set_name}{k}.features")
                subprocess.run([alinea, "align", "--lines", source, target, "--src-lang",
                                source_lang, "--tgt-lang", target_lang, "-o", links,
                                "--confidence-features", features] + extra, check=True)
                predicted = [(s, t) for s, t, _ in read_scored_links(links)]
                whole = document_half(set_name, k)
                halves = (halves_of(predicted, line_count(source) // 2) if whole is None
                          else [whole] * len(predicted))
                verdicts = judge(read_links(gold), predicted)
                for verdict, half, values in zip(verdicts, halves, read_features(features)):
                    if verdict is not None:
                        rows.append((set_name, half, values, verdict[0]))
    return rows


def summary(scored):
    return (f"{auroc(scored):.3f} | {expected_calibration_error(scored):.3f} | "
            f"{share_read_for_errors(scored):.3f} | {log_loss(scored):.4f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("alinea")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       "..", "..", "..", "shared", "bench", "align"))
    parser.add_argument("--textberg-test", metavar="DIR",
                        help="also fit on test0-3 of the Text+Berg test documents in DIR and "
                             "report test4-6 as held out (see confidence_bench.py)")
    parser.add_argument("--l2", type=float, default=1e-3)
    # What follows "--" goes to alinea as it is (as in confidence_bench.py).
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    if not os.path.isdir(args.data):
        print(f"confidence fit skipped: {args.data} is absent")
        return 0
    sets = dev_sets(args.data)
    if args.textberg_test:
        sets.append(textberg_test_set(args.textberg_test))
    rows = collect(os.path.abspath(args.alinea), sets, extra)
    tuning = [row for row in rows if row[1] == 0]
    per_set = {}
    for row in tuning:
        per_set[row[0]] = per_set.get(row[0], 0) + 1
    weights = [len(tuning) / (len(per_set) * per_set[row[0]]) for row in tuning]
    model = fit_logistic([(row[2], row[3]) for row in tuning], weights, args.l2)
    print("ConfidenceModel{" + f"{model[0]:.4f}, {{" + ", ".join(f"{c:.4f}" for c in model[1:]) +
          "}}  // intercept, {" + ", ".join(FEATURES) + "}")
    print()
    print("| set | half | posterior alone: AUROC | ECE | read for 90% | log loss "
          "| fitted map: AUROC | ECE | read for 90% | log loss |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    import math
    for set_name, _ in sets:
        for half, half_name in enumerate(HALVES):
            chosen = [row for row in rows if row[0] == set_name and row[1] == half]
            raw = [(1 / (1 + math.exp(-row[2][0])), row[3]) for row in chosen]
            fitted = [(predict_logistic(model, row[2]), row[3]) for row in chosen]
            print(f"| {set_name} | {half_name} | {summary(raw)} | {summary(fitted)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
