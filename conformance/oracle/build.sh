#!/usr/bin/env bash
# Builds gotraceoracle (see main.go) against the installed Go toolchain's internal
# trace packages, without writing into GOROOT: `go build -overlay` maps main.go to a
# path inside GOROOT/src so that its internal imports are allowed.
#
# usage: conformance/oracle/build.sh OUTPUT_BINARY
set -euo pipefail
out=${1:?usage: build.sh OUTPUT_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
command -v go >/dev/null || { echo "build.sh: go is not on PATH" >&2; exit 2; }
goroot=$(go env GOROOT)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
virtual="$goroot/src/internal/trace/testdata/cmd/gotraceoracle/main.go"
printf '{"Replace":{"%s":"%s"}}\n' "$virtual" "$here/main.go" > "$work/overlay.json"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
cd "$goroot/src"
GOFLAGS= GOTOOLCHAIN=local go build -trimpath -overlay "$work/overlay.json" -o "$out" ./internal/trace/testdata/cmd/gotraceoracle
