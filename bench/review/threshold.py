#!/usr/bin/env python3
"""Where the wrong links lie: for each confidence threshold C, the share of alinea's wrong links
(not exactly a gold link) whose confidence is below C, and the share of all links below C (what a
reviewer would have to read). Chooses the default of `alinea review --below` (docs/REVIEW.md).

usage: threshold.py ALINEA [--data DIR] [--sets esfr-dev|esfr-hard-dev]
"""
import argparse
import os
import subprocess
import sys
import tempfile

ESFR = ["newssyscomb2009", "newstest2008", "newstest2009", "newstest2010"]


def links(path, with_confidence):
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            parts = line.split(":")
            source = tuple(int(x) for x in parts[0].strip("[]").split(",") if x.strip())
            target = tuple(int(x) for x in parts[1].strip("[]").split(",") if x.strip())
            confidence = float(parts[2]) if with_confidence and len(parts) > 2 else None
            out.append(((source, target), confidence))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("alinea")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--data", default=os.path.join(root, "..", "..", "shared", "bench", "align"))
    parser.add_argument("--sets", default="esfr-dev")
    args = parser.parse_args()
    folder = os.path.join(args.data, args.sets)
    if not os.path.isdir(folder):
        print(f"{folder} is absent; skipping")
        return 0
    scored = []  # (confidence, correct)
    with tempfile.TemporaryDirectory() as work:
        for name in ESFR:
            out = os.path.join(work, name + ".links")
            subprocess.run([args.alinea, "align", "--lines", os.path.join(folder, name + ".fr"),
                            os.path.join(folder, name + ".es"), "--src-lang", "fr", "--tgt-lang",
                            "es", "-o", out], check=True)
            gold = {link for link, _ in links(os.path.join(folder, name + ".gold"), False)}
            for link, confidence in links(out, True):
                if link[0] or link[1]:
                    scored.append((confidence, link in gold))
    wrong = [c for c, ok in scored if not ok]
    print(f"{args.sets}: {len(scored)} links, {len(wrong)} wrong (not exactly a gold link)")
    print("C      wrong links below C   all links below C")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99):
        below_wrong = sum(1 for c in wrong if c < threshold)
        below_all = sum(1 for c, _ in scored if c < threshold)
        print(f"{threshold:<6} {below_wrong / max(len(wrong), 1):>6.1%} ({below_wrong:>4})"
              f"        {below_all / len(scored):>6.1%} ({below_all:>5})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
