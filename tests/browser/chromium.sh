# Sourced by the browser tests: sets $browser to Debian's chromium. Without it the test is
# skipped (exit 77) on a developer's machine and fails in CI (CI=true), where scripts/setup.sh
# installs it and a skip would hide a test that never ran.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  if [ "${CI:-}" = true ]; then
    echo "chromium is not installed, and CI=true: scripts/setup.sh test installs it"
    exit 1
  fi
  echo "chromium is not installed: skipped"
  exit 77
fi
