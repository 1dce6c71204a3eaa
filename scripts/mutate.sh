#!/usr/bin/env bash
# Mutation check: applies each named mutation of tests/mutation/mutations.txt, one at a time, to
# a scratch copy of the work tree, builds it (dev preset) and runs the tests; a mutation that no
# test notices "survives". Run by hand or weekly, not on every CI run (about a minute a mutation).
# Usage: scripts/mutate.sh [NAME...]   (all mutations by default)
# Environment: MUTATE_CTEST_ARGS adds ctest arguments (default: -LE browser, the slow page test).
# Prints one line per mutation and exits 1 when any survives or no longer applies.
set -euo pipefail
cd "$(dirname "$0")/.."
source_tree=$PWD
list=tests/mutation/mutations.txt
scratch=$(mktemp -d /tmp/alinea-mutate.XXXXXX)
trap 'rm -rf "$scratch"' EXIT

# The tracked files as they are in the work tree (uncommitted edits included).
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$scratch"
export CCACHE_BASEDIR=$scratch CCACHE_NOHASHDIR=1
cd "$scratch"
cmake --preset dev >/dev/null
echo "building the unmutated copy..."
cmake --build --preset dev >"$scratch/build.log" 2>&1 || { cat "$scratch/build.log"; exit 1; }
read -r -a ctest_args <<<"${MUTATE_CTEST_ARGS:--LE browser}"
if ! ctest --preset dev -j2 "${ctest_args[@]}" >"$scratch/baseline.log" 2>&1; then
  echo "the suite fails before any mutation:"; tail -n 20 "$scratch/baseline.log"; exit 1
fi

# name<TAB>file<TAB>search<TAB>replace, one line per mutation.
mutations=$(python3 - "$source_tree/$list" "$@" <<'PY'
import sys
path, wanted = sys.argv[1], set(sys.argv[2:])
blocks, current = [], None
for line in open(path, encoding="utf-8").read().splitlines():
    if line.startswith("== "):
        current = {"name": line[3:].strip()}
        blocks.append(current)
    elif current is not None:
        for field in ("file", "search", "replace"):
            if line.startswith(field + ":"):
                current[field] = line[len(field) + 1:].removeprefix(" ")
for block in blocks:
    if wanted and block["name"] not in wanted:
        continue
    print("\t".join([block["name"], block["file"], block["search"], block.get("replace", "")]))
PY
)

survivors=0
while IFS=$'\t' read -r name file search replace; do
  cp "$file" "$scratch/original"
  if ! python3 - "$file" "$search" "$replace" <<'PY'
import sys
path, search, replace = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
if text.count(search) != 1:
    sys.exit(1)
open(path, "w", encoding="utf-8").write(text.replace(search, replace))
PY
  then
    printf '%-48s STALE (the search text is not found exactly once in %s)\n' "$name" "$file"
    survivors=$((survivors + 1))
    continue
  fi
  if ! cmake --build --preset dev >"$scratch/build.log" 2>&1; then
    printf '%-48s killed by the build (it does not compile)\n' "$name"
  elif ctest --preset dev -j2 "${ctest_args[@]}" >"$scratch/test.log" 2>&1; then
    printf '%-48s SURVIVED\n' "$name"
    survivors=$((survivors + 1))
  else
    failed=$(sed -n '/tests FAILED:/,$s/^[[:space:]]*[0-9]* - \([^ ]*\) (.*/\1/p' "$scratch/test.log" |
      tr '\n' ' ')
    printf '%-48s killed by %s\n' "$name" "$failed"
  fi
  cp "$scratch/original" "$file"
done <<<"$mutations"
cmake --build --preset dev >/dev/null 2>&1 || true
echo "$survivors of $(wc -l <<<"$mutations") mutations survived or no longer apply"
[ "$survivors" -eq 0 ]
