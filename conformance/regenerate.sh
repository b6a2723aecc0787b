#!/usr/bin/env bash
# Rebuilds the conformance corpus (conformance/corpus/) from the workload programs in
# conformance/programs/, using real Go toolchains.
#
# For every toolchain x workload (program + GODEBUG mode) it builds and runs the
# program, stores the trace as corpus/go1.NN/<workload>.trace, and stores next to it
# the verdicts and outputs of the SAME toolchain's `go tool trace` (parsed and wire
# dumps, gzip-compressed when small enough) plus the verdict of gotraceoracle
# (built from the locally installed Go by conformance/oracle/build.sh). It writes
# corpus/MANIFEST.tsv and corpus/README.md and prints a summary with per-version
# event-type coverage.
#
# usage: conformance/regenerate.sh   (needs go, gcc, and mvn + java for the coverage table)
#
# Environment overrides:
#   TOOLCHAINS    space-separated GOTOOLCHAIN values (default: newest patch of 1.22..1.27)
#   ONLY          space-separated workload names to build (default: all). A partial run
#                 leaves the corpus alone and keeps its output in the scratch directory.
#   MAX_ATTEMPTS  runs per workload when required (probabilistic) events are missing (8)
#   GZ_LIMIT      largest .txt.gz stored, in bytes (default 1048576)
#   SIZE_LIMIT    a run whose trace is larger (bytes) is re-run like one that lacks a
#                 required event (default 409600); the runtime sometimes spins (e.g.
#                 the background sweeper yielding thousands of times) and bloats a trace
#   KEEP_WORK=1   keep the scratch directory
#   MVN_FLAGS     extra Maven options for the coverage table (e.g. -o -Dmaven.repo.local=DIR)
#
# The corpus is replaced only when everything succeeded; on failure the old corpus is
# left untouched. Trace verdicts (parse errors found by the Go tools) are data, not
# failures; build failures, crashing workloads and missing tools are failures.
set -euo pipefail

started=$(date +%s)
here=$(cd "$(dirname "$0")" && pwd)
programs="$here/programs"
corpus="$here/corpus"

TOOLCHAINS=${TOOLCHAINS:-"go1.22.12 go1.23.12 go1.24.13 go1.25.14 go1.26.11 go1.27.3"}
ONLY=${ONLY:-}
MAX_ATTEMPTS=${MAX_ATTEMPTS:-8}
GZ_LIMIT=${GZ_LIMIT:-1048576}
SIZE_LIMIT=${SIZE_LIMIT:-409600}

die() { echo "regenerate.sh: $*" >&2; exit 1; }
note() { echo "  $*" >&2; }

for tool in go gcc gzip sha256sum timeout awk sort stat head; do
	command -v "$tool" >/dev/null || die "required tool '$tool' is not on PATH"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/gotrace-corpus.XXXXXX")
cleanup() {
	if [[ "${KEEP_WORK:-}" == 1 ]]; then echo "scratch directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
stage="$work/corpus"
mkdir -p "$stage" "$work/bin" "$work/tmp"

# Toolchain-independent settings. GOTOOLCHAIN is set per command.
export GOFLAGS=-buildvcs=false GOWORK=off GOTOOLCHAIN=local GO111MODULE=on
unset GODEBUG GOMAXPROCS GOTRACEBACK 2>/dev/null || true

# ---------------------------------------------------------------------------------
# Workload table. One line per workload; fields separated by '|':
#   name | program | GODEBUG | min Go minor | GOMAXPROCS | cgo | max runs | args | required events
# A required event "Name@NN" is only required from Go 1.NN on. Required events are
# what the workload exists for; when one is missing (most are timing-dependent), the
# workload is re-run up to "max runs" times (MAX_ATTEMPTS if empty) and the best run
# is kept: fewest missing events, then not over SIZE_LIMIT, then smallest.
# The program "gotest" is run through `go test -trace` instead of being built.
WORKLOADS='
basic|basic||22|2|0|||GoCreate GoStart GoStop GoBlock GoUnblock GoDestroy ProcStart ProcStop GoLabel GCBegin GCEnd STWBegin STWEnd HeapAlloc HeapGoal GoStatusStack@23
basic-gens|basic|traceadvanceperiod=5000000|22|2|0|||GoStatus GoStatusStack@23
basic-allocfree|basic|traceallocfree=1|23|2|0|||ExperimentalBatch Span SpanAlloc SpanFree HeapObject HeapObjectAlloc HeapObjectFree GoroutineStack GoroutineStackAlloc GoroutineStackFree
syscalls|syscalls||22|2|0|||GoSyscallBegin GoSyscallEnd GoSyscallEndBlocked ProcSteal
cgocallback|cgocallback||22|2|1|||GoCreateSyscall GoDestroySyscall GoSyscallBegin GoSyscallEnd
gcstress|gcstress||22|8|0||20ms|GCBegin GCEnd GCActive GCSweepBegin GCSweepEnd GCMarkAssistBegin GCMarkAssistEnd
gcstress-gens|gcstress|traceadvanceperiod=1000000|22|8|0||30ms|GCActive GCMarkAssistActive
bigsweep-gens|bigsweep|clobberfree=1,traceadvanceperiod=1000000|22|8|0|20||GCSweepBegin GCSweepEnd GCSweepActive
stw|stw||22|2|0|||STWBegin STWEnd ProcsChange
annotations|annotations||22|2|0|||UserTaskBegin UserTaskEnd UserRegionBegin UserRegionEnd UserLog
annotations-gens|annotations|traceadvanceperiod=2000000|22|2|0|||UserTaskBegin UserTaskEnd UserRegionBegin UserRegionEnd UserLog
iterpull|iterpull||23|2|0|||GoCreateBlocked GoSwitch GoSwitchDestroy
cpuprofile|cpuprofile||22|2|0|||CPUSamples CPUSample
flightrecorder|flightrecorder|traceadvanceperiod=5000000|25|2|0|||Sync ClockSnapshot
flightrecorder-allocfree|flightrecorder|traceadvanceperiod=5000000,traceallocfree=1|25|2|0|||Sync ClockSnapshot SpanAlloc HeapObjectAlloc
gotest|gotest||22|2|0|||GoCreate UserTaskBegin UserRegionBegin
'
mapfile -t workload_lines <<<"$WORKLOADS"

# Why a workload cannot exist before its minimum version.
min_reason() {
	case "$1" in
	iterpull) echo "iter.Pull and the coroutine events (GoSwitch, GoCreateBlocked) exist since Go 1.23" ;;
	flightrecorder*) echo "runtime/trace.FlightRecorder exists since Go 1.25" ;;
	*allocfree) echo "the traceallocfree experiment (GODEBUG=traceallocfree=1, ExperimentalBatch, AllocFree events) exists since Go 1.23" ;;
	*) echo "not supported before the minimum version" ;;
	esac
}

# Event types each trace version can carry (wire names), for the coverage summary.
expected_events() {
	local hv=$1
	local e="EventBatch Stacks Stack Strings String CPUSamples CPUSample Frequency ProcsChange ProcStart ProcStop ProcSteal ProcStatus GoCreate GoCreateSyscall GoStart GoDestroy GoDestroySyscall GoStop GoBlock GoUnblock GoSyscallBegin GoSyscallEnd GoSyscallEndBlocked GoStatus STWBegin STWEnd GCActive GCBegin GCEnd GCSweepActive GCSweepBegin GCSweepEnd GCMarkAssistActive GCMarkAssistBegin GCMarkAssistEnd HeapAlloc HeapGoal GoLabel UserTaskBegin UserTaskEnd UserRegionBegin UserRegionEnd UserLog"
	if ((hv >= 23)); then
		e="$e GoSwitch GoSwitchDestroy GoCreateBlocked GoStatusStack ExperimentalBatch Span SpanAlloc SpanFree HeapObject HeapObjectAlloc HeapObjectFree GoroutineStack GoroutineStackAlloc GoroutineStackFree"
	fi
	if ((hv >= 25)); then e="$e Sync ClockSnapshot"; fi
	if ((hv >= 26)); then e="$e EndOfGeneration"; fi
	echo "$e"
}

# ---------------------------------------------------------------------------------
# Helpers.

sha() { sha256sum "$1" | awk '{print $1}'; }

# Single-line, tab-free rendering of a command failure: "exit N: last stderr line".
verdict() {
	local rc=$1 errfile=$2 last
	if ((rc == 0)); then echo ok; return; fi
	last=$(grep -v '^[[:space:]]*$' "$errfile" | tail -n 1 | tr '\t\r' '  ' | cut -c1-300 || true)
	echo "exit $rc: ${last:-<no stderr>}"
}

# Wire event names (first token of each event line) of a wire dump, one per line.
wire_names() {
	awk '$1 ~ /^[A-Z][A-Za-z]*$/ {print $1}' "$1" | sort -u
}

# Experimental event names from a parsed dump (fallback when no wire dump exists).
parsed_experimental_names() {
	grep -o ' Experimental .*Name=[A-Za-z]*' "$1" | sed 's/.*Name=//' | sort -u || true
}

minor_of() { local v=${1#go1.}; echo "${v%%.*}"; }

# ---------------------------------------------------------------------------------
echo "== building gotraceoracle with $(go version | awk '{print $3}') (installed)" >&2
oracle="$work/bin/gotraceoracle"
"$here/oracle/build.sh" "$oracle" || die "conformance/oracle/build.sh failed"
oracle_go=$(go version | awk '{print $3}')

manifest="$stage/MANIFEST.tsv"
printf 'path\tgo_version\theader_version\tprogram\tmode\tgodebug\tsize\tsha256\tparsed_verdict\tvalidate_verdict\twire_verdict\twire_sha256\tparsed_sha256\n' >"$manifest.body.hdr"
: >"$manifest.body"
toolchains_md="$work/toolchains.md"
unavailable_md="$work/unavailable.md"
missing_md="$work/missing.md"
: >"$toolchains_md"
: >"$unavailable_md"
: >"$missing_md"
declare -A cover_events  # toolchain dir -> space-separated event names seen
declare -A cover_header  # toolchain dir -> header version
n_traces=0
n_skipped=0
notes=()

for tc in $TOOLCHAINS; do
	minor=$(minor_of "$tc")
	dir="go1.$minor"
	echo "== $tc" >&2
	if ! gv=$(cd "$work" && GOTOOLCHAIN=$tc timeout 600 go version 2>"$work/tmp/gv.err"); then
		err=$(tr '\n\t' '  ' <"$work/tmp/gv.err" | cut -c1-400)
		echo "| $dir | \`$tc\` | unavailable | | \`GOTOOLCHAIN=$tc go version\` failed: \`$err\` |" >>"$toolchains_md"
		echo "- all workloads for \`$tc\`: toolchain unavailable: \`$err\`" >>"$unavailable_md"
		notes+=("toolchain $tc unavailable: $err")
		continue
	fi
	full=$(awk '{print $3}' <<<"$gv")
	# Build (or find) this toolchain's cmd/trace now, with room for a cold cache on a busy
	# machine: otherwise the first workload's dump pays for it and may time out.
	(cd "$work" && GOTOOLCHAIN=$tc timeout 900 go tool -n trace) >/dev/null 2>"$work/tmp/tool.err" \
		|| { cat "$work/tmp/tool.err" >&2; die "building go tool trace with $tc failed"; }
	if ((minor >= 24)); then dparsed=parsed dwire=wire; else dparsed=1 dwire=2; fi
	mkdir -p "$stage/$dir" "$work/bin/$dir"
	header_seen=""

	for line in "${workload_lines[@]}"; do
		IFS='|' read -r name prog godebug minv procs cgo maxruns args required <<<"$line"
		[[ -z "$name" ]] && continue
		if [[ -n "$ONLY" && " $ONLY " != *" $name "* ]]; then continue; fi
		mode=${name#"$prog"}
		mode=${mode#-}
		[[ -z "$mode" ]] && mode=default
		if ((minor < minv)); then
			echo "- \`$dir/$name\` ($tc): $(min_reason "$name")" >>"$unavailable_md"
			n_skipped=$((n_skipped + 1))
			continue
		fi
		echo "   $name" >&2

		# Build (plain programs only; gotest is compiled by go test).
		bin="$work/bin/$dir/$prog"
		if [[ "$prog" != gotest && ! -x "$bin" ]]; then
			(cd "$programs" && GOTOOLCHAIN=$tc CGO_ENABLED=$cgo go build -trimpath -o "$bin" "./$prog") \
				>"$work/tmp/build.log" 2>&1 || { cat "$work/tmp/build.log" >&2; die "building $prog with $tc failed"; }
		fi

		# Run, re-running while required events are missing.
		best_score=-1
		attempt=0
		maxruns=${maxruns:-$MAX_ATTEMPTS}
		while :; do
			attempt=$((attempt + 1))
			out="$work/tmp/attempt.trace"
			rm -f "$out"
			if [[ "$prog" == gotest ]]; then
				(cd "$programs" && GOTOOLCHAIN=$tc CGO_ENABLED=0 GOMAXPROCS=$procs GODEBUG=$godebug \
					timeout 300 go test -trimpath -count=1 -run . \
					-trace "$out" -cpuprofile "$work/tmp/cpu.prof" -o "$work/tmp/gotest.test" ./gotest </dev/null) \
					>"$work/tmp/run.log" 2>&1 || { cat "$work/tmp/run.log" >&2; die "go test for $name with $tc failed"; }
			else
				(cd "$work/tmp" && GOMAXPROCS=$procs GODEBUG=$godebug timeout 120 "$bin" "$out" $args </dev/null) \
					>"$work/tmp/run.log" 2>&1 || { cat "$work/tmp/run.log" >&2; die "running $name with $tc failed"; }
			fi
			[[ -s "$out" ]] || die "$name with $tc produced no trace"
			# The wire dump decides which events are present.
			wrc=0
			(cd "$work" && GOTOOLCHAIN=$tc timeout 300 go tool trace -d=$dwire "$out") \
				>"$work/tmp/attempt.wire" 2>"$work/tmp/attempt.wire.err" || wrc=$?
			# A timeout says nothing about the trace: it is not a verdict to record.
			((wrc != 124)) || die "go tool trace -d=$dwire timed out on $name with $tc"
			missing=""
			if ((wrc == 0)); then
				present=" $(wire_names "$work/tmp/attempt.wire" | tr '\n' ' ') "
				for r in $required; do
					ev=${r%@*}
					if [[ "$r" == *@* ]] && ((minor < ${r#*@})); then continue; fi
					[[ "$present" == *" $ev "* ]] || missing="$missing $ev"
				done
			fi
			tsize=$(stat -c %s "$out")
			nmiss=$(wc -w <<<"$missing")
			over=0
			if ((tsize > SIZE_LIMIT)); then over=1; fi
			score=$((nmiss * 1000000000 + over * 100000000 + tsize / 1024))
			if ((best_score < 0 || score < best_score)); then
				best_score=$score
				best_missing_list=$missing
				best_over=$over
				mv "$out" "$work/tmp/best.trace"
				mv "$work/tmp/attempt.wire" "$work/tmp/best.wire"
				mv "$work/tmp/attempt.wire.err" "$work/tmp/best.wire.err"
				best_wrc=$wrc
			fi
			if (((nmiss == 0 && over == 0) || attempt >= maxruns)); then break; fi
			if ((over == 1)); then missing="$missing (size $tsize > $SIZE_LIMIT)"; fi
			note "run $attempt missing:$missing; re-running"
		done
		if [[ -n "$best_missing_list" ]]; then
			echo "- \`$dir/$name\`: after $attempt runs still without:$best_missing_list" >>"$missing_md"
			notes+=("$dir/$name: required events still missing after $attempt runs:$best_missing_list")
		fi
		if ((best_over == 1)); then
			notes+=("$dir/$name: every run was larger than SIZE_LIMIT=$SIZE_LIMIT; kept the best one")
		fi

		base="$stage/$dir/$name"
		mv "$work/tmp/best.trace" "$base.trace"
		size=$(stat -c %s "$base.trace")
		tsha=$(sha "$base.trace")
		hdr=$(head -c 16 "$base.trace" | tr -d '\0')
		if [[ "$hdr" =~ ^go\ 1\.([0-9]+)\ trace$ ]]; then hv=${BASH_REMATCH[1]}; else die "$name with $tc: unexpected header '$hdr'"; fi
		header_seen=$hv

		# Wire dump (from the kept run).
		wire_verdict=$(verdict "$best_wrc" "$work/tmp/best.wire.err")
		wire_sha=-
		if ((best_wrc == 0)); then
			wire_sha=$(sha "$work/tmp/best.wire")
			gzip -9 -n -c "$work/tmp/best.wire" >"$base.wire.txt.gz"
			if (($(stat -c %s "$base.wire.txt.gz") > GZ_LIMIT)); then rm -f "$base.wire.txt.gz"; fi
			cover_events[$dir]="${cover_events[$dir]:-} $(wire_names "$work/tmp/best.wire" | tr '\n' ' ')"
		fi

		# Parsed dump.
		prc=0
		(cd "$work" && GOTOOLCHAIN=$tc timeout 300 go tool trace -d=$dparsed "$base.trace") \
			>"$work/tmp/parsed.txt" 2>"$work/tmp/parsed.err" || prc=$?
		((prc != 124)) || die "go tool trace -d=$dparsed timed out on $name with $tc"
		parsed_verdict=$(verdict "$prc" "$work/tmp/parsed.err")
		parsed_sha=-
		if ((prc == 0)); then
			parsed_sha=$(sha "$work/tmp/parsed.txt")
			gzip -9 -n -c "$work/tmp/parsed.txt" >"$base.parsed.txt.gz"
			if (($(stat -c %s "$base.parsed.txt.gz") > GZ_LIMIT)); then rm -f "$base.parsed.txt.gz"; fi
			if ((best_wrc != 0)); then
				cover_events[$dir]="${cover_events[$dir]:-} $(parsed_experimental_names "$work/tmp/parsed.txt" | tr '\n' ' ')"
			fi
		fi

		# Oracle (installed Go's parser plus the test validator).
		orc=0
		"$oracle" validate <"$base.trace" >/dev/null 2>"$work/tmp/oracle.err" || orc=$?
		((orc == 0 || orc == 1)) || die "gotraceoracle crashed (exit $orc) on $dir/$name"
		validate_verdict=$(verdict "$orc" "$work/tmp/oracle.err")

		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
			"$dir/$name.trace" "$full" "$hv" "$prog" "$mode" "${godebug:--}" "$size" "$tsha" \
			"$parsed_verdict" "$validate_verdict" "$wire_verdict" "$wire_sha" "$parsed_sha" >>"$manifest.body"
		n_traces=$((n_traces + 1))
		[[ "$parsed_verdict" == ok ]] || notes+=("$dir/$name: go tool trace -d=$dparsed: $parsed_verdict")
		[[ "$validate_verdict" == ok ]] || notes+=("$dir/$name: gotraceoracle validate: $validate_verdict")
		[[ "$wire_verdict" == ok ]] || notes+=("$dir/$name: go tool trace -d=$dwire: $wire_verdict")
		note "$(printf '%-26s %7d bytes  attempts=%d  parsed=%s validate=%s wire=%s' "$name" "$size" "$attempt" \
			"${parsed_verdict:0:40}" "${validate_verdict:0:40}" "${wire_verdict:0:40}")"
	done

	cover_header[$dir]=$header_seen
	echo "| $dir | \`$tc\` | $full | go 1.$header_seen | \`-d=$dparsed\`, \`-d=$dwire\` |" >>"$toolchains_md"
done

((n_traces > 0)) || die "no traces were produced"
sort "$manifest.body" | cat "$manifest.body.hdr" - >"$manifest"
rm -f "$manifest.body" "$manifest.body.hdr"

# ---------------------------------------------------------------------------------
# corpus/README.md
{
	cat <<'EOF'
# Conformance corpus: real Go execution traces

Generated by `conformance/regenerate.sh` from the workload programs in
`conformance/programs/`. Do not edit by hand; regenerate instead. Traces are never
byte-identical between runs (timing, thread IDs, addresses), so the corpus is
committed and only regenerated on purpose. Every program is built with `-trimpath`:
no string in a trace names the machine, the checkout or the toolchain directory it
was built in (frames say `gotrace.local/conformance/programs/basic/main.go` and
`runtime/trace.go`), so the same toolchain and workload give the same kind of string
table anywhere (`conformance/README.md`, "Reproducible regeneration").

## Layout

* `go1.NN/<workload>.trace` — a trace written by toolchain go1.NN (`<workload>` is
  `<program>` or `<program>-<mode>`).
* `go1.NN/<workload>.parsed.txt.gz` — output of that toolchain's `go tool trace` in
  "parsed" mode (one line per event of the full parser: `Event.String()`).
* `go1.NN/<workload>.wire.txt.gz` — output of that toolchain's `go tool trace` in
  "wire" mode (the low-level reader, Go's text syntax without the `Trace` line).
* A `.txt.gz` file is absent when the tool failed (the error is in the manifest) or
  when the compressed file exceeded the size limit; its digest is in the manifest
  either way when the tool succeeded. Files are compressed with `gzip -9 -n`.
* `MANIFEST.tsv` — one line per trace, tab-separated, with a header line:

| column | meaning |
|---|---|
| path | trace path relative to this directory |
| go_version | full version of the toolchain that wrote the trace |
| header_version | NN of the `go 1.NN trace` header (Go 1.24 writes 23, Go 1.27 writes 26) |
| program | workload program (directory under `conformance/programs/`) |
| mode | `default` or the GODEBUG mode name (suffix of the file name) |
| godebug | GODEBUG used for the run (`-` for none) |
| size | trace size in bytes |
| sha256 | trace digest |
| parsed_verdict | `ok`, or `exit N: <last stderr line>` of `go tool trace` (parsed mode) |
| validate_verdict | same for `gotraceoracle validate` (installed Go's parser + test validator) |
| wire_verdict | same for `go tool trace` (wire mode) |
| wire_sha256 | sha256 of the uncompressed wire dump, `-` if the tool failed |
| parsed_sha256 | sha256 of the uncompressed parsed dump, `-` if the tool failed |

Per-event-type counts and the coverage table are not generated here; they are
produced by gotrace's own decoder (see `conformance/README.md`).

EOF
	echo "## Toolchains"
	echo
	echo "Each toolchain is the newest patch release of its minor version offered by the Go"
	echo "module proxy (\`go list -m -versions golang.org/toolchain\`) when the script was"
	echo "written; override with TOOLCHAINS=... ."
	echo
	echo "gotraceoracle was built with the installed $oracle_go. Go 1.22 and 1.23 spell the"
	echo "\`go tool trace\` debug modes as numbers (\`-d=1\` parsed, \`-d=2\` wire); later"
	echo "versions accept \`-d=parsed\` / \`-d=wire\`."
	echo
	echo "| directory | GOTOOLCHAIN | go version | trace header | go tool trace flags |"
	echo "|---|---|---|---|---|"
	cat "$toolchains_md"
	echo
	echo "## Workloads"
	echo
	echo "| workload | program | GODEBUG | GOMAXPROCS | args | since | events it is meant to produce |"
	echo "|---|---|---|---|---|---|---|"
	for line in "${workload_lines[@]}"; do
		IFS='|' read -r name prog godebug minv procs cgo maxruns args required <<<"$line"
		[[ -z "$name" ]] && continue
		extra=""
		((cgo == 1)) && extra=" (cgo)"
		[[ "$prog" == gotest ]] && extra=" (\`go test -trace -cpuprofile\`)"
		echo "| $name | $prog$extra | ${godebug:--} | $procs | ${args:--} | go1.$minv | ${required:--} |"
	done
	echo
	echo "Events marked \`@NN\` are only expected from Go 1.NN on. Workloads whose events"
	echo "depend on timing are re-run (up to $MAX_ATTEMPTS times) until they appear; so are"
	echo "runs whose trace exceeds $SIZE_LIMIT bytes. The smallest run with the fewest"
	echo "missing events is kept."
	echo
	echo "## Unavailable combinations"
	echo
	if [[ -s "$unavailable_md" ]]; then cat "$unavailable_md"; else echo "None."; fi
	echo
	echo "## Required events that did not appear"
	echo
	if [[ -s "$missing_md" ]]; then cat "$missing_md"; else echo "None."; fi
	echo
	echo "## Verdicts other than ok"
	echo
	awk -F'\t' '
		function add(tool, v, path) { if (v != "ok") { k = tool SUBSEP v; n[k]++; if (!(k in first)) first[k] = path } }
		NR > 1 { add("go tool trace (parsed)", $9, $1); add("gotraceoracle validate", $10, $1); add("go tool trace (wire)", $11, $1) }
		END { for (k in n) { split(k, a, SUBSEP); gsub(/\|/, "\\|", a[2]); printf "| %s | `%s` | %d | %s |\n", a[1], a[2], n[k], first[k] } }' \
		"$manifest" | sort >"$work/verdicts.md"
	if [[ -s "$work/verdicts.md" ]]; then
		echo "| tool | verdict | traces | first trace |"
		echo "|---|---|---|---|"
		cat "$work/verdicts.md"
	else
		echo "None."
	fi
} >"$stage/README.md"

# ---------------------------------------------------------------------------------
# Replace the corpus (not for partial runs).
if [[ -z "$ONLY" ]]; then
	rm -rf "$corpus"
	cp -r "$stage" "$corpus"
else
	KEEP_WORK=1
	corpus=$stage
	echo "note: ONLY is set; the corpus was left alone, partial output is in $stage" >&2
fi

# ---------------------------------------------------------------------------------
# Summary.
elapsed=$(($(date +%s) - started))
echo
echo "== summary"
echo "traces: $n_traces, skipped combinations: $n_skipped, time: ${elapsed}s, corpus size: $(du -sh "$corpus" | awk '{print $1}')"
awk -F'\t' 'NR > 1 { p[$9 == "ok" ? "ok" : "fail"]++; v[$10 == "ok" ? "ok" : "fail"]++; w[$11 == "ok" ? "ok" : "fail"]++ }
	END { printf "parsed: %d ok, %d failed; validate: %d ok, %d failed; wire: %d ok, %d failed\n", p["ok"], p["fail"], v["ok"], v["fail"], w["ok"], w["fail"] }' "$corpus/MANIFEST.tsv"
echo
echo "event-type coverage (wire names; AllocFree names from parsed dumps where the wire dump failed):"
for dir in $(printf '%s\n' "${!cover_header[@]}" | sort); do
	hv=${cover_header[$dir]}
	[[ -n "$hv" ]] || continue
	seen=" ${cover_events[$dir]:-} "
	present=0 total=0 missing=""
	for ev in $(expected_events "$hv"); do
		total=$((total + 1))
		if [[ "$seen" == *" $ev "* ]]; then present=$((present + 1)); else missing="$missing $ev"; fi
	done
	echo "  $dir (go 1.$hv): $present/$total present; missing:${missing:- none}"
done
if ((${#notes[@]} > 0)); then
	echo
	echo "notes:"
	printf '  %s\n' "${notes[@]}"
fi

# ---------------------------------------------------------------------------------
# Event counts (corpus/EVENTS.tsv) and the coverage table in conformance/README.md come
# from gotrace's own decoder, so CorpusTest can tell when they are stale.
if [[ -z "$ONLY" ]]; then
	echo
	echo "== coverage table (gotrace's decoder)"
	command -v mvn >/dev/null || die "mvn is needed for the coverage table"
	# shellcheck disable=SC2086
	(cd "$here/.." && mvn -q -B ${MVN_FLAGS:-} compile -pl conformance -am) || die "building gotrace failed"
	root="$here/.."
	java -cp "$root/conformance/target/classes:$root/spec/target/classes:$root/decoder/target/classes" \
		dev.gotrace.conformance.corpus.CoverageReport "$here" || die "CoverageReport failed"
fi
