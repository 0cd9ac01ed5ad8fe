#!/bin/sh
# Installs the Debian 12 packages unres needs, when they are missing.
#   scripts/install-deps.sh          build and test (make run, make test, make asan, make bench)
#   scripts/install-deps.sh fuzz     also clang and its libFuzzer runtime (make fuzz)
set -eu
pkgs="build-essential cmake libpugixml-dev libzip-dev libfmt-dev libcli11-dev catch2 libxml2-utils python3 python3-jsonschema libpoppler-cpp-dev"
for extra in "$@"; do
    case "$extra" in
        fuzz) pkgs="$pkgs clang libclang-rt-14-dev" ;;
        *) echo "usage: $0 [fuzz]" >&2; exit 2 ;;
    esac
done
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
