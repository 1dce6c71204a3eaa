#!/usr/bin/env python3
"""Sentence alignment benchmark: alinea with each signal added in turn, beside a length-only
Gale–Church baseline and hunalign when installed, on ../shared/bench/align (Text+Berg dev and the
four French→Spanish sets, scored together). Strict and lax P/R/F1 as in ../shared/bench/README.md;
times are the median of several runs of the whole set.

usage: align_bench.py ALINEA [--runs N] [--data DIR]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_links import read_links, score  # noqa: E402

ESFR = ["newssyscomb2009", "newstest2008", "newstest2009", "newstest2010"]

CONFIGURATIONS = [
    ("length only (Gale-Church)", ["--signals", "length"]),
    ("+ tokens (numbers, notes, cognates)", ["--signals", "tokens"]),
    ("+ punctuation", ["--signals", "tokens,punctuation"]),
    ("+ learned lexicon (alinea default)", []),
    ("+ Apertium MT (--mt; fr-es only, when installed)", ["--mt"]),
]


def sets(data):
    textberg = os.path.join(data, "textberg-dev")
    esfr = os.path.join(data, "esfr-dev")
    return [
        ("Text+Berg dev (de-fr)", [(os.path.join(textberg, "dev.de"), os.path.join(textberg, "dev.fr"),
                                    os.path.join(textberg, "dev.defr"), "de", "fr")]),
        ("es-fr dev (fr-es, 4 sets)", [(os.path.join(esfr, n + ".fr"), os.path.join(esfr, n + ".es"),
                                        os.path.join(esfr, n + ".gold"), "fr", "es") for n in ESFR]),
    ]


def run_alinea(alinea, extra, documents, workdir):
    outputs = []
    for k, (source, target, _gold, source_lang, target_lang) in enumerate(documents):
        out = os.path.join(workdir, f"alinea{k}.txt")
        subprocess.run([alinea, "align", "--lines", source, target, "--src-lang", source_lang,
                        "--tgt-lang", target_lang, "-o", out] + extra, check=True)
        outputs.append(out)
    return outputs


def run_hunalign(hunalign, documents, workdir):
    """hunalign without a dictionary (-realign), its ladder turned into links."""
    empty = os.path.join(workdir, "empty.dic")
    open(empty, "w").close()
    outputs = []
    for k, (source, target, _gold, _s, _t) in enumerate(documents):
        result = subprocess.run([hunalign, "-realign", empty, source, target], check=True,
                                capture_output=True, text=True)
        rungs = [tuple(int(x) for x in line.split("\t")[:2]) for line in result.stdout.splitlines()
                 if line.strip()]
        out = os.path.join(workdir, f"hunalign{k}.txt")
        with open(out, "w") as handle:
            for (i0, j0), (i1, j1) in zip(rungs, rungs[1:]):
                source_ids = ", ".join(str(i) for i in range(i0, i1))
                target_ids = ", ".join(str(j) for j in range(j0, j1))
                handle.write(f"[{source_ids}]:[{target_ids}]\n")
        outputs.append(out)
    return outputs


def measure(runner, documents, runs):
    times = []
    outputs = None
    for _ in range(runs):
        workdir = tempfile.mkdtemp(prefix="align-bench-")
        start = time.perf_counter()
        outputs = runner(workdir)
        times.append(time.perf_counter() - start)
        pairs = [(read_links(doc[2]), read_links(out)) for doc, out in zip(documents, outputs)]
        shutil.rmtree(workdir)
    return score(pairs), statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("alinea")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       "..", "..", "..", "shared", "bench", "align"))
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"align bench skipped: {args.data} is absent (benchmark data is not in the repository)")
        return 0
    alinea = os.path.abspath(args.alinea)
    hunalign = os.environ.get("HUNALIGN") or shutil.which("hunalign")
    print(f"runs per measure: {args.runs}; times are medians of the whole set, wall clock")
    if hunalign is None:
        print("hunalign: not installed (Debian bookworm has no hunalign package); skipped")
    for set_name, documents in sets(args.data):
        print(f"\n{set_name}")
        print(f"| aligner | strict P | strict R | strict F1 | lax P | lax R | lax F1 | time (s) |")
        print("|---|---|---|---|---|---|---|---|")
        runners = [(name, lambda w, e=extra, d=documents: run_alinea(alinea, e, d, w))
                   for name, extra in CONFIGURATIONS]
        if hunalign is not None:
            runners.append(("hunalign (no dictionary)",
                            lambda w, d=documents: run_hunalign(hunalign, d, w)))
        for name, runner in runners:
            result, seconds = measure(runner, documents, args.runs)
            sp, sr, sf = result["strict"]
            lp, lr, lf = result["lax"]
            print(f"| {name} | {sp:.3f} | {sr:.3f} | {sf:.3f} | {lp:.3f} | {lr:.3f} | {lf:.3f} "
                  f"| {seconds:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
