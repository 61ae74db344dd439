#!/usr/bin/env bash
# Installs the Debian packages Cermat builds against (libzip, ISA-L, libxlsxwriter, jemalloc, pkg-config) when they are missing, and
# openpyxl, the independent reader some tests hold Cermat's output against (those tests are skipped without it).
set -euo pipefail
if ! python3 -c 'import openpyxl' 2>/dev/null; then
    python3 -m pip install --quiet openpyxl >&2 || echo "note: openpyxl is not installed; the tests that use it are skipped" >&2
fi
packages=(libzip-dev libisal-dev libxlsxwriter-dev libjemalloc-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
    echo "Cermat needs these Debian packages: ${missing[*]}; install them with: apt-get install ${missing[*]}" >&2
    exit 1
fi
