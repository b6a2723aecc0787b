#!/usr/bin/env bash
# Re-derives the committed traces that are not corpus traces but are made from the same
# programs or copied from the corpus, so that they too come from -trimpath builds:
#
#   cli/src/main/resources/dev/gotrace/cli/sample-go1.26.trace  programs/sample, Go 1.26
#   fuzz seeds (conformance/src/test/resources/.../fuzz/DecoderFuzzTestInputs):
#     binary/real-go1.26, semantic/real-go1.26   the CLI sample
#     binary/truncated                           its first 300 bytes
#     text/real-go1.26.txt                       `gotrace dump` of the CLI sample
#     semantic/go1.22-syscalls, semantic/go1.25-iterpull   copies of those corpus traces
#   semantic seeds (conformance/src/test/resources/.../semantic/seeds):
#     go1.NN-<workload>.trace   a copy of corpus/go1.NN/<workload>.trace
#     go1.NN-seedprog-1/-2.trace  seedprog (next to the seeds) with that toolchain,
#                                 GODEBUG=traceadvanceperiod=2000000 / 500000, the
#                                 smallest of five runs
#
# The hand-made fuzz seeds (tiny-1.22, header-with-leading-zero, …) hold no strings and
# are left alone. Run after conformance/regenerate.sh; needs cli/target/gotrace.jar
# (mvn -DskipTests package). The CLI tests that state the sample's size and counts
# (StatsCommandTest, RecodeCommandTest) must be updated with the new sample.
#
# usage: conformance/regenerate-seeds.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
corpus="$here/corpus"
fuzz="$here/src/test/resources/dev/gotrace/conformance/fuzz/DecoderFuzzTestInputs"
seeds="$here/src/test/resources/dev/gotrace/conformance/semantic/seeds"
seedprog="$here/src/test/resources/dev/gotrace/conformance/semantic/seedprog"
sample="$root/cli/src/main/resources/dev/gotrace/cli/sample-go1.26.trace"
[[ -f "$root/cli/target/gotrace.jar" ]] || { echo "regenerate-seeds.sh: build cli/target/gotrace.jar first" >&2; exit 2; }

export GOFLAGS=-buildvcs=false GOWORK=off GO111MODULE=on
unset GODEBUG GOMAXPROCS 2>/dev/null || true
work=$(mktemp -d "${TMPDIR:-/tmp}/gotrace-seeds.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The toolchain of each corpus directory, from the manifest (go1.22 -> go1.22.12, ...).
toolchain_of() {
	awk -F'\t' -v d="$1/" 'NR > 1 && index($1, d) == 1 { print $2; exit }' "$corpus/MANIFEST.tsv"
}

echo "== the CLI sample" >&2
tc=$(toolchain_of go1.26)
(cd "$here/programs" && GOTOOLCHAIN=$tc go build -trimpath -o "$work/sample" ./sample)
(cd "$work" && GOMAXPROCS=2 ./sample "$work/sample.trace")
head -c 16 "$work/sample.trace" | grep -q '^go 1.26 trace' || { echo "sample: not a go 1.26 trace" >&2; exit 1; }
cp "$work/sample.trace" "$sample"
cp "$work/sample.trace" "$fuzz/binary/real-go1.26"
cp "$work/sample.trace" "$fuzz/semantic/real-go1.26"
head -c 300 "$work/sample.trace" >"$fuzz/binary/truncated"
"$root/gotrace" dump "$work/sample.trace" >"$fuzz/text/real-go1.26.txt"

echo "== fuzz seeds copied from the corpus" >&2
cp "$corpus/go1.22/syscalls.trace" "$fuzz/semantic/go1.22-syscalls"
cp "$corpus/go1.25/iterpull.trace" "$fuzz/semantic/go1.25-iterpull"

echo "== semantic seeds" >&2
for f in "$seeds"/*.trace; do
	name=$(basename "$f" .trace)
	dir=${name%%-*}
	workload=${name#*-}
	case "$workload" in
	seedprog-1 | seedprog-2)
		tc=$(toolchain_of "$dir")
		bin="$work/seedprog-$dir"
		[[ -x "$bin" ]] || (cd "$seedprog" && GOTOOLCHAIN=$tc go build -trimpath -o "$bin" .)
		period=2000000
		[[ "$workload" == seedprog-2 ]] && period=500000
		# The smallest of a few runs: a busy machine makes longer traces, and the mutation
		# tests' time grows with the seeds' size.
		best=""
		for attempt in 1 2 3 4 5; do
			(cd "$work" && GOMAXPROCS=2 GODEBUG=traceadvanceperiod=$period "$bin" "$work/try.trace")
			if [[ -z "$best" ]] || (($(stat -c %s "$work/try.trace") < best)); then
				best=$(stat -c %s "$work/try.trace")
				cp "$work/try.trace" "$f"
			fi
		done
		;;
	*)
		[[ -f "$corpus/$dir/$workload.trace" ]] || { echo "no corpus trace for seed $name" >&2; exit 1; }
		cp "$corpus/$dir/$workload.trace" "$f"
		;;
	esac
	echo "   $name ($(stat -c %s "$f") bytes)" >&2
done
"$root/gotrace" stats "$sample" | tail -1
