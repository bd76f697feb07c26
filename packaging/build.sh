#!/usr/bin/env bash
# Build the one-folder bundle into dist/hervest, print its size and build time, and run its
# --self-test from another directory (the bundle must not depend on the working directory).
#
#   PYTHON=.venv/bin/python packaging/build.sh      # a venv with: pip install -e '.[build]'
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${PYTHON:-.venv/bin/python}

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/hervest.spec
seconds=$(( $(date +%s) - start ))

bundle=dist/hervest
exe=$bundle/hervest
[ -x "$bundle/hervest-cli.exe" ] && exe=$bundle/hervest-cli.exe
echo "build time: ${seconds} s"
echo "bundle size: $(du -sh "$bundle" | cut -f1) ($(find "$bundle" -type f | wc -l) files) in $bundle"
echo "version: $("$exe" --version)"

cd "$(mktemp -d)"
"$root/$exe" --self-test
