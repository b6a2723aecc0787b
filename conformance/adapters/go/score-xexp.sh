#!/usr/bin/env bash
# Scores golang.org/x/exp/trace at any version on an exported suite: copies this adapter,
# pins the version, builds it and runs gotrace conform (stream protocol).
#
# usage: score-xexp.sh VERSION SUITE_DIR [gotrace conform options...]
#   e.g. score-xexp.sh v0.0.0-20240613232115-7f521ea00fb8 /tmp/suite --report /tmp/xexp-report
set -euo pipefail
version=${1:?usage: score-xexp.sh VERSION SUITE_DIR [options...]}
suite=${2:?usage: score-xexp.sh VERSION SUITE_DIR [options...]}
shift 2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/main.go "$here"/api_*.go "$here"/go.mod "$here"/go.sum "$work"/
(cd "$work" && GOFLAGS=-mod=mod go get "golang.org/x/exp@$version" && go build -o adapter .)
"$repo/gotrace" conform decoder --suite "$suite" --protocol=stream "$@" -- "$work/adapter" -stream
