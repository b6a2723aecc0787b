#!/usr/bin/env bash
# Builds the Go adapter (main.go and api_*.go in this directory) against the internal trace
# parser of a Go toolchain, so that Go's own parser can be scored by gotrace conform. The
# toolchain's internal packages cannot be imported from a module, so, as conformance/oracle
# does, `go build -overlay` presents the sources as if they lived in GOROOT/src; nothing is
# written into GOROOT. Go 1.22 keeps the parser at internal/trace/v2.
#
# usage: build-goparser.sh TOOLCHAIN OUTPUT_BINARY     (TOOLCHAIN: local, go1.23.12, go1.27.3, ...)
set -euo pipefail
toolchain=${1:?usage: build-goparser.sh TOOLCHAIN OUTPUT_BINARY}
out=${2:?usage: build-goparser.sh TOOLCHAIN OUTPUT_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
command -v go >/dev/null || { echo "build-goparser.sh: go is not on PATH" >&2; exit 2; }
goroot=$(cd / && GOTOOLCHAIN=$toolchain GOFLAGS= go env GOROOT)
pkg=internal/trace
[ -f "$goroot/src/internal/trace/v2/event.go" ] && pkg=internal/trace/v2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
virtual="$goroot/src/internal/trace/testdata/cmd/gotraceadapter"
replace=""
for f in "$here"/main.go "$here"/api_*.go; do
  sed "s#\"golang.org/x/exp/trace\"#trace \"$pkg\"#" "$f" > "$work/$(basename "$f")"
  replace="$replace${replace:+,}\"$virtual/$(basename "$f")\":\"$work/$(basename "$f")\""
done
printf '{"Replace":{%s}}\n' "$replace" > "$work/overlay.json"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
cd "$goroot/src"
# That toolchain's own go command, told that the module cache is elsewhere: newer go commands
# refuse overlays beneath GOMODCACHE, where downloaded toolchains live. Building std needs no
# modules.
GOFLAGS=-buildvcs=false GOTOOLCHAIN=local GOWORK=off GOMODCACHE="$work/modcache" \
  "$goroot/bin/go" build -overlay "$work/overlay.json" -o "$out" \
  ./internal/trace/testdata/cmd/gotraceadapter
