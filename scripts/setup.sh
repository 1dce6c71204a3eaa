#!/usr/bin/env bash
# Installs what alinea needs from Debian packages. Usage: scripts/setup.sh [build|test|freedict]
#   build    — libraries and tools to build alinea and run it on the bundled letter
#   test     — also what the test suite uses (pandoc, clang for fuzzing)
#   freedict — build, and FreeDict's de-fr and fr-es dictionaries, which `alinea align --freedict`
#              uses when installed (optional: no test needs them)
# As root it runs apt-get; otherwise it prints the exact apt-get line and stops.
set -euo pipefail
profile=${1:-build}

packages=(cmake ninja-build g++ pkg-config ccache
          libicu-dev libboost-program-options-dev libyaml-cpp-dev nlohmann-json3-dev
          libhunspell-dev hunspell-es hunspell-fr
          zlib1g-dev  # dictd dictionaries (FreeDict) for align
          libgumbo-dev  # import --from html
          libpoppler-cpp-dev  # import --from pdf
          libboost-dev)  # Boost.Beast: the HTTP server of alinea review --serve
if [ "$profile" = test ]; then
  packages+=(libboost-test-dev pandoc clang libclang-rt-14-dev)
  packages+=(python3)  # tests/bench: the benchmark metrics checked on toy cases
  packages+=(libxml2-utils chromium)  # xmllint checks TMX; chromium renders alinea show's HTML
  packages+=(nodejs)  # drives chromium by keyboard over the DevTools pipe (tests/browser/cdp.js)
  packages+=(python3-yaml)  # an independent YAML reader checks what alinea writes
  packages+=(apertium apertium-fr-es)  # optional MT assistance of alinea align --mt, benchmarked
fi
if [ "$profile" = freedict ]; then
  packages+=(dict-freedict-deu-fra dict-freedict-fra-spa)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "alinea needs these Debian packages. Please run, as root:" >&2
  echo "  apt-get update && $line" >&2
  exit 1
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
