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

# render_page PAGE.html: its DOM after scripts (dom.html) and screenshots at a desktop and a phone
# width (desktop.png, phone.png), all in $scratch, which the sourcing test has made and entered.
run_browser() {
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --user-data-dir="$scratch/profile" "$@" 2>>browser.log
}
render_page() {
  run_browser --virtual-time-budget=3000 --dump-dom "file://$scratch/$1" >dom.html
  run_browser --window-size=1280,900 --screenshot="$scratch/desktop.png" "file://$scratch/$1" >/dev/null
  run_browser --window-size=390,1600 --screenshot="$scratch/phone.png" "file://$scratch/$1" >/dev/null
}

failures=0
expect() {  # expect DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}

# The keyboard walks run in node (scripts/setup.sh test installs Debian's nodejs) over cdp.js.
# have_node: true when node is there; without it, false on a developer's machine and a failure
# in CI (CI=true), as for chromium.
node=$(command -v node || command -v nodejs || true)
have_node() {
  [ -n "$node" ] && return 0
  if [ "${CI:-}" = true ]; then
    echo "node is not installed, and CI=true: scripts/setup.sh test installs it"
    exit 1
  fi
  return 1
}
