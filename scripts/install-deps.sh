#!/bin/sh
# Installs the Debian 12 packages unres needs to build and test, when they are missing.
set -eu
pkgs="build-essential cmake libpugixml-dev libfmt-dev libcli11-dev catch2 libxml2-utils python3"
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
