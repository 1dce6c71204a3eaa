#!/usr/bin/env bash
# Runs one golden-file case: tests/golden/NAME.cmd is a bash snippet that calls "$ALINEA";
# its stdout, stderr and exit status are compared with NAME.expected.
# ALINEA_UPDATE_GOLDEN=1 rewrites NAME.expected instead of comparing.
set -u
alinea=$1 case=$2 source_dir=$3
expected="${case%.cmd}.expected"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
actual="$scratch/actual"
(
  cd "$scratch" || exit 99
  export ALINEA="$alinea" SRC="$source_dir" NO_COLOR=1 COLUMNS=100
  bash -e "$case" >"$scratch/stdout" 2>"$scratch/stderr"
  echo $? >"$scratch/status"
)
{
  cat "$scratch/stdout"
  if [ -s "$scratch/stderr" ]; then
    echo "--- stderr"
    # Scratch paths differ between runs; show them as a fixed name.
    sed "s|$scratch|<scratch>|g" "$scratch/stderr"
  fi
  echo "--- exit $(cat "$scratch/status")"
} >"$actual"
if [ "${ALINEA_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$actual" "$expected"
  echo "updated $expected"
  exit 0
fi
if ! diff -u "$expected" "$actual"; then
  echo "golden mismatch for $case (ALINEA_UPDATE_GOLDEN=1 rewrites it)"
  exit 1
fi
