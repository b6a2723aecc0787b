#!/usr/bin/env bash
# Regenerates spec/src/main/java/dev/gotrace/text/GoPrintable.java from the Go toolchain on PATH.
# Run it after upgrading Go; GoQuoteAgainstGoTest fails while the checked-in file is stale.
#
# usage: spec/src/main/go/isprint/generate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target="$here/../../java/dev/gotrace/text/GoPrintable.java"
command -v go >/dev/null || { echo "generate.sh: go is not on PATH" >&2; exit 2; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
# GOTOOLCHAIN=local: the table must describe the toolchain actually installed, never a downloaded one.
(cd "$here" && GOFLAGS= GOTOOLCHAIN=local go run .) > "$tmp"
mv "$tmp" "$target"
trap - EXIT
echo "wrote $target"
