#!/usr/bin/env python3
"""Speed on real text. First the four fr→es dev sets (news, 450–2,300 sentences each) aligned by
alinea and, in the same run, by hunalign without a dictionary (when given), median wall time of
several runs per set and the ratio. Then the scale test: the same sets repeated until each side
has N sentences (real sentences, repeated text — the hard case for anchors and bands), aligned at
N/10 and N sentences; wall time, CPU time and peak memory from /usr/bin/time -v, strict F1 against
the repeated gold, and time(N)/time(N/10).

usage: scale_bench.py ALINEA [--sentences N] [--runs R] [--hunalign PATH] [--data DIR]
                      [--skip-peers] [--skip-scale]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score_links import read_links, score  # noqa: E402

ESFR = ["newssyscomb2009", "newstest2008", "newstest2009", "newstest2010"]


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read().splitlines()


def timed(command, output=None, cwd=None):
    """(wall s, user+sys s, peak RSS MiB) of one run, in folder `cwd` when given."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True,
                            cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed: {result.stderr[-2000:]}")
    if output is not None:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(result.stdout)
    wall = result.stderr.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split()[0]
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    user = float(re.search(r"User time \(seconds\): (\S+)", result.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", result.stderr).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, user + system, rss / 1024


def alinea_command(alinea, source, target):
    return [alinea, "align", "--lines", source, target, "--src-lang", "fr", "--tgt-lang", "es"]


def hunalign_command(hunalign, empty_dictionary, source, target):
    return [hunalign, empty_dictionary, source, target]


def side_by_side(alinea, hunalign, data, runs, workdir):
    empty = os.path.join(workdir, "null.dic")
    open(empty, "w").close()
    print(f"== fr→es dev sets, alinea beside hunalign (no dictionary: {empty} is empty), "
          f"median wall / CPU of {runs} runs, alternating")
    print("| set | lines fr × es | alinea wall | alinea CPU | hunalign wall | hunalign CPU | "
          "ratio CPU | ratio wall |")
    print("|---|---|---|---|---|---|---|---|")
    totals = [0.0, 0.0, 0.0, 0.0]
    for name in ESFR:
        source = os.path.join(data, "esfr-dev", name + ".fr")
        target = os.path.join(data, "esfr-dev", name + ".es")
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(timed(alinea_command(alinea, source, target)))
            if hunalign:
                # hunalign writes a translate.txt into its working folder: keep it in ours.
                theirs.append(timed(hunalign_command(os.path.abspath(hunalign), empty,
                                                     os.path.abspath(source),
                                                     os.path.abspath(target)), cwd=workdir))
        a_wall = statistics.median(r[0] for r in ours)
        a_cpu = statistics.median(r[1] for r in ours)
        h_wall = statistics.median(r[0] for r in theirs) if theirs else float("nan")
        h_cpu = statistics.median(r[1] for r in theirs) if theirs else float("nan")
        totals = [totals[0] + a_wall, totals[1] + a_cpu, totals[2] + h_wall, totals[3] + h_cpu]
        sizes = f"{len(read_lines(source))} × {len(read_lines(target))}"
        print(f"| {name} | {sizes} | {a_wall:.2f} | {a_cpu:.2f} | {h_wall:.2f} | {h_cpu:.2f} | "
              f"{a_cpu / h_cpu:.2f} | {a_wall / h_wall:.2f} |")
    print(f"| all four | | {totals[0]:.2f} | {totals[1]:.2f} | {totals[2]:.2f} | {totals[3]:.2f} | "
          f"{totals[1] / totals[3]:.2f} | {totals[0] / totals[2]:.2f} |")


def repeated_pair(data, count):
    """The fr→es dev sets repeated until the source has `count` lines, with the gold shifted."""
    source, target, gold = [], [], []
    while len(source) < count:
        for name in ESFR:
            folder = os.path.join(data, "esfr-dev")
            fr = read_lines(os.path.join(folder, name + ".fr"))
            es = read_lines(os.path.join(folder, name + ".es"))
            for s, t in read_links(os.path.join(folder, name + ".gold")):
                gold.append(([i + len(source) for i in s], [j + len(target) for j in t]))
            source += fr
            target += es
            if len(source) >= count:
                break
    # Cut at the first gold link that reaches past `count`.
    kept = []
    for s, t in gold:
        if any(i >= count for i in s):
            break
        kept.append((s, t))
    last_target = max((j for _, t in kept for j in t), default=-1)
    kept = [(s, t) for s, t in kept if all(j <= last_target for j in t)]
    source_end = max((i for s, _ in kept for i in s), default=-1) + 1
    return source[:source_end], target[:last_target + 1], kept


def scale(alinea, data, sentences, runs, workdir):
    print(f"\n== scale: the fr→es dev sets repeated (real sentences), median of {runs} runs")
    print("| source × target sentences | wall | CPU | peak RSS | strict F1 |")
    print("|---|---|---|---|---|")
    medians = {}
    for count in (sentences // 10, sentences):
        source, target, gold = repeated_pair(data, count)
        paths = [os.path.join(workdir, f"{count}.{ext}") for ext in ("fr", "es", "gold", "out")]
        for path, lines in zip(paths, (source, target)):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write("\n".join(lines) + "\n")
        with open(paths[2], "w", encoding="utf-8") as handle:
            for s, t in gold:
                handle.write(f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]\n")
        results = [timed(alinea_command(alinea, paths[0], paths[1]) + ["-o", paths[3]])
                   for _ in range(runs)]
        wall = statistics.median(r[0] for r in results)
        cpu = statistics.median(r[1] for r in results)
        rss = max(r[2] for r in results)
        strict = score([(read_links(paths[2]), read_links(paths[3]))])["strict"][2]
        medians[count] = (wall, cpu)
        print(f"| {len(source)} × {len(target)} | {wall:.2f} s | {cpu:.2f} s | {rss:.0f} MiB | "
              f"{strict:.3f} |")
    small, large = medians[sentences // 10], medians[sentences]
    print(f"time({sentences})/time({sentences // 10}): wall {large[0] / small[0]:.1f}, "
          f"CPU {large[1] / small[1]:.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("alinea")
    parser.add_argument("--sentences", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hunalign", default=None, help="hunalign binary (built from source)")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                       "..", "..", "..", "shared", "bench", "align"))
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--skip-scale", action="store_true",
                        help="only the dev sets side by side with hunalign")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"scale bench skipped: {args.data} is absent")
        return 0
    alinea = os.path.abspath(args.alinea)
    with tempfile.TemporaryDirectory(prefix="align-scale-") as workdir:
        if not args.skip_peers:
            if args.hunalign is None:
                print("hunalign: not given (--hunalign PATH); its columns are empty")
            side_by_side(alinea, args.hunalign, args.data, args.runs, workdir)
        if not args.skip_scale:
            scale(alinea, args.data, args.sentences, args.runs, workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
