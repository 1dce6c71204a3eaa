#!/usr/bin/env python3
"""`alinea import --from pdf` beside `pdftotext -layout` (poppler-utils, the same engine) on the
same PDFs in one run: the letter typeset three ways by groff and once by LibreOffice
(tests/fixtures/import/layouts/) and a
made-up book typeset by groff (make_book.py). Each round runs every command once, in turn, so
load falls on all alike; medians of processor time (user + system of the child) and wall time,
and the ratio alinea / pdftotext. Also timed: alinea without a hunspell dictionary
(`--dictionaries ''`: loading the Spanish one costs 50-70 ms whenever a line ends in a hyphen),
and the layout analysis alone: `alinea import
--from pdf-text` of pdftotext's own -layout output.

Usage: bench/import/pdf_bench.py ALINEA [ROUNDS] [BOOK_PARAGRAPHS]
(needs groff and poppler-utils; see docs/BENCHMARKS.md, "Import from PDF")"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(command):
    """Processor and wall seconds of one run of `command` (which must succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def make_book(work, paragraphs):
    source = os.path.join(work, "book.ms")
    with open(source, "w", encoding="utf-8") as out:
        subprocess.run([sys.executable, os.path.join(HERE, "make_book.py"), str(paragraphs), "7"],
                       check=True, stdout=out)
    pdf = os.path.join(work, "book.pdf")
    with open(pdf, "wb") as out:
        subprocess.run(["groff", "-ms", "-k", "-Tpdf", source], check=True, stdout=out,
                       stderr=subprocess.DEVNULL)
    return pdf


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    return next(int(line.split()[1]) for line in info.splitlines() if line.startswith("Pages:"))


def main():
    alinea = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    paragraphs = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
    layouts = os.path.join(ROOT, "tests", "fixtures", "import", "layouts")
    with tempfile.TemporaryDirectory() as work:
        pdfs = [os.path.join(layouts, name + ".pdf")
                for name in ("letter-ms", "a5-indented", "a4-endnotes", "libreoffice")]
        pdfs.append(make_book(work, paragraphs))
        text = os.path.join(work, "out.txt")
        markdown = os.path.join(work, "out.md")
        print(f"{rounds} rounds; medians; cpu = user + system of the child process")
        print("| PDF | pages | KB | pdftotext -layout cpu / wall ms | alinea --from pdf cpu / wall ms"
              " | ratio cpu (wall) | without hunspell cpu ms (ratio) "
              "| analysis alone (--from pdf-text of -layout) cpu ms |")
        print("|---|---|---|---|---|---|---|---|")
        for pdf in pdfs:
            commands = {
                "pdftotext": ["pdftotext", "-layout", "-enc", "UTF-8", pdf, text],
                "alinea": [alinea, "import", "--lang", "es", "--from", "pdf", pdf, "-o", markdown,
                           "--force"],
                "no_dictionary": [alinea, "import", "--lang", "es", "--from", "pdf", pdf, "-o",
                                  markdown, "--force", "--dictionaries", ""],
                "analysis": [alinea, "import", "--lang", "es", "--from", "pdf-text", text, "-o",
                             markdown, "--force"],
            }
            times = {name: [] for name in commands}
            for _ in range(rounds):
                for name, command in commands.items():
                    times[name].append(timed(command))
            cpu = {name: statistics.median(t[0] for t in runs) * 1000 for name, runs in times.items()}
            wall = {name: statistics.median(t[1] for t in runs) * 1000 for name, runs in times.items()}
            print(f"| {os.path.basename(pdf)} | {pages(pdf)} | {os.path.getsize(pdf) // 1024} "
                  f"| {cpu['pdftotext']:.0f} / {wall['pdftotext']:.0f} "
                  f"| {cpu['alinea']:.0f} / {wall['alinea']:.0f} "
                  f"| {cpu['alinea'] / max(cpu['pdftotext'], 1e-9):.2f} "
                  f"({wall['alinea'] / wall['pdftotext']:.2f}) "
                  f"| {cpu['no_dictionary']:.0f} "
                  f"({cpu['no_dictionary'] / max(cpu['pdftotext'], 1e-9):.2f}) "
                  f"| {cpu['analysis']:.0f} |")


if __name__ == "__main__":
    main()
