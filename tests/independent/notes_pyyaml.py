"""Reviewers' notes survive `alinea align`, as read by an independent YAML reader (PyYAML).

Random notes full of what YAML treats specially (backslashes, ' #', ': ', quotes, indicators,
control and line-break code points, and every scalar YAML 1.1 or 1.2 resolves as a bool, null,
number or date) are put on reviewed links and in a key of the reviewer's own. `alinea align`
rewrites the file; PyYAML must read every note back as the same string, and a second run must
leave the file as it is (alinea's own reader read it exactly).

Usage: notes_pyyaml.py ALINEA SOURCE_DIR [ROUNDS]. Exits 77 (skipped) without PyYAML, unless
CI=true, where a missing reader fails the test.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    print("PyYAML is missing (apt-get install python3-yaml)")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

TYPED = ["true", "False", "TRUE", "yes", "No", "ON", "off", "y", "N", "~", "null", "NULL",
         "0x1F", "0o17", "017", "0b101", "1_000", "1:20", "190:20:30.15", "1936", "+12", "-7",
         ".5", "1.", "1e3", "6.02e+23", ".inf", "-.Inf", ".NaN", "2026-12-01",
         "2026-12-01T10:00:00Z", "2026-1-2 3:04:05", "=", "<<", "0", "00", "._5", "12:30"]
SYNTAX = ["\\", "#", " #", ": ", ":", '"', "'", " ", "  ", "\t", "\n", "\r\n", "-", "- ", "?",
          "? ", ",", "[", "]", "{", "}", "&a", "*a", "!", "!!str", "|", ">", "%", "@", "`",
          "---", "...", "C:\\notes\\tab", "\\n", "\\x41", "a: b", "x # y", "{k: v}"]
WORDS = ["note", "Trotsky", "voir", "p. 12", "l'U.R.S.S.", "¿qué?"]
RANGES = [(0x20, 0x7E), (0x01, 0x1F), (0x7F, 0x9F), (0xA0, 0x17F), (0x2000, 0x202F),
          (0xFEFF, 0xFEFF), (0xFFF0, 0xFFFF), (0x4E00, 0x4E2F), (0x0590, 0x05FF),
          (0x0300, 0x036F), (0x1F300, 0x1F64F), (0x10000, 0x10FFFF)]


def code_point(rng):
    low, high = rng.choice(RANGES)
    c = rng.randint(low, high)
    return "\ufffd" if 0xD800 <= c <= 0xDFFF else chr(c)


def tricky_text(rng):
    pieces = [rng.choice([lambda: rng.choice(TYPED), lambda: rng.choice(SYNTAX),
                          lambda: rng.choice(WORDS), lambda: code_point(rng)])()
              for _ in range(rng.randint(1, 6))]
    return "".join(pieces)


def quoted(text):
    """The text as a YAML double-quoted scalar, written by PyYAML's own emitter."""
    out = yaml.dump(text, default_style='"', allow_unicode=True, width=1 << 30)
    return out.rstrip("\n").removesuffix("\n...").rstrip("\n")


def flow_ids(ids):
    return "[" + ", ".join(ids) + "]"


def write_reviewed(path, base, notes, reviewer):
    """The file alinea wrote, with every link reviewed and carrying its note."""
    lines = ["alinea: 1",
             f"source: {{path: {base['source']['path']}, lang: {base['source']['lang']}}}",
             f"target: {{path: {base['target']['path']}, lang: {base['target']['lang']}}}",
             f"reviewer: {quoted(reviewer)}"]
    for section in ("notes", "paragraphs"):
        lines.append(f"{section}:")
        for entry in base.get(section) or []:
            links = [entry["link"]] + (entry.get("sentences") or [])
            for depth, link in enumerate(links):
                ids = ",".join(link["src"])
                text = ("    - " if depth else "  - link: ") + (
                    f"{{src: {flow_ids(link['src'])}, tgt: {flow_ids(link['tgt'])}, "
                    f"status: reviewed, note: {quoted(notes[ids])}}}")
                if depth == 1:
                    lines.append("    sentences:")
                lines.append(text)
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def main():
    alinea, source_dir = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    seed = int(os.environ.get("ALINEA_TEST_SEED", "20261201"))
    rng = random.Random(seed)
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(os.path.join(scratch, "corpora"))
        for name in ("fr.md", "es.md"):
            shutil.copy(os.path.join(source_dir, "tests/golden/align", name),
                        os.path.join(scratch, "corpora"))
        command = [alinea, "align", "corpora/fr.md", "corpora/es.md", "-o", "a.yaml"]
        subprocess.run(command, cwd=scratch, check=True, capture_output=True)
        with open(os.path.join(scratch, "a.yaml"), encoding="utf-8") as written:
            base = yaml.safe_load(written)
        ids = [",".join(link["src"]) for section in ("notes", "paragraphs")
               for entry in base.get(section) or []
               for link in [entry["link"]] + (entry.get("sentences") or [])]
        for round_number in range(rounds):
            notes = {unit: tricky_text(rng) for unit in ids}
            reviewer = tricky_text(rng)
            path = os.path.join(scratch, "a.yaml")
            write_reviewed(path, base, notes, reviewer)
            first = subprocess.run(command, cwd=scratch, capture_output=True)
            if first.returncode != 0:
                print(f"round {round_number}: alinea align failed: {first.stderr.decode()}")
                failures += 1
                continue
            with open(path, encoding="utf-8") as written:
                text = written.read()
            try:
                read = yaml.safe_load(text)
            except yaml.YAMLError as error:
                print(f"round {round_number}: PyYAML cannot read what alinea wrote: {error}")
                failures += 1
                continue
            found = {",".join(link["src"]): link.get("note")
                     for section in ("notes", "paragraphs") for entry in read.get(section) or []
                     for link in [entry["link"]] + (entry.get("sentences") or [])}
            for unit, note in notes.items():
                if found.get(unit) != note:
                    print(f"round {round_number}, {unit}: wrote {note!r}, PyYAML read "
                          f"{found.get(unit)!r}")
                    failures += 1
            if read.get("reviewer") != reviewer:
                print(f"round {round_number}: reviewer {reviewer!r} read as "
                      f"{read.get('reviewer')!r}")
                failures += 1
            subprocess.run(command, cwd=scratch, check=True, capture_output=True)
            with open(path, encoding="utf-8") as again:
                if again.read() != text:
                    print(f"round {round_number}: a second alinea align changed the file")
                    failures += 1
    print(f"{rounds * (len(ids) + 1)} notes written, {failures} failures (seed {seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
