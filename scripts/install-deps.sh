#!/bin/sh
# Installs the Debian 12 packages unres needs, when they are missing.
#   scripts/install-deps.sh          build and test (make run, make test, make asan, make bench)
#   scripts/install-deps.sh build    only what building and installing unres needs (CI of a drafting
#                                    repository: examples/github-actions/unres.yml)
#   scripts/install-deps.sh fuzz     also clang and its libFuzzer runtime (make fuzz)
#   scripts/install-deps.sh --list [build|fuzz]   print the package names, install nothing
# The build list is the one home of what CMakeLists.txt requires: tests/ci/check_workflow_deps.py
# checks that it covers every find_package / pkg_check_modules of the build.
set -eu
build_pkgs="build-essential cmake pkg-config libpugixml-dev libzip-dev libfmt-dev libcli11-dev nlohmann-json3-dev libpoppler-cpp-dev libmimalloc-dev"
test_pkgs="catch2 libxml2-utils python3 python3-jsonschema git pre-commit chromium"
list=0
if [ "${1:-}" = "--list" ]; then list=1; shift; fi
pkgs="$build_pkgs $test_pkgs"
for extra in "$@"; do
    case "$extra" in
        build) pkgs="$build_pkgs" ;;
        fuzz) pkgs="$pkgs clang libclang-rt-14-dev" ;;
        *) echo "usage: $0 [--list] [build|fuzz]" >&2; exit 2 ;;
    esac
done
if [ "$list" -eq 1 ]; then echo $pkgs; exit 0; fi
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
