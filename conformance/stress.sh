#!/usr/bin/env bash
# Runs the real-program checks N times while other processes keep every core busy, and
# counts the rounds that pass. A test that asserts what a real trace holds must hold on
# a loaded machine too (issue 14: a check that passed on a warm, idle machine failed on a
# cold, busy one).
#
#   1. RealTracesUnderLoadTest with -Dgotrace.stress.runs=N: N rounds in one JVM, each
#      running every program of conformance/src/test/go side by side into fresh traces
#      and checking what each must hold (WorkloadExpectations, as RealTraceWorkloadsTest).
#   2. FULL_RUNS times (default 1), the whole real-program test classes (TESTS) as the
#      build runs them, comparisons with Go's tools included.
#
# usage: conformance/stress.sh [N]         (default 50)
#
# Environment:
#   FULL_RUNS  runs of step 2 (default 1)
#   TESTS      surefire -Dtest value for step 2 (default: the oracle tests that trace the
#              programs, and ToJavaRealTracesTest)
#   BUSY       busy-loop processes to start (default: the number of cores)
#   MVN_FLAGS  extra Maven options, e.g. "-o -Dmaven.repo.local=/path/to/repo"
#   LOG_DIR    where the logs go (default: a new temporary directory)
#
# Exit 0 only when every round and every run passed; the last line is the summary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-50}
full_runs=${FULL_RUNS:-1}
tests=${TESTS:-RealTraceWorkloadsTest,FootprintAgainstGoTest,RecodeAgainstGoTest,WireTextAgainstGoTest,ToJavaRealTracesTest}
busy=${BUSY:-$(nproc)}
log_dir=${LOG_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/gotrace-stress.XXXXXX")}
mkdir -p "$log_dir"

# shellcheck disable=SC2086
mvn() { command mvn -B ${MVN_FLAGS:-} "$@"; }

echo "stress: compiling (logs in $log_dir)" >&2
(cd "$root" && mvn -q test-compile -pl conformance -am) >"$log_dir/compile.log" 2>&1 \
	|| { cat "$log_dir/compile.log" >&2; echo "stress: compiling failed" >&2; exit 2; }

burners=()
stop_burners() {
	for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_burners EXIT
for _ in $(seq "$busy"); do
	sh -c 'while :; do :; done' &
	burners+=($!)
done
echo "stress: $busy busy processes (pids ${burners[*]}) on $(nproc) cores" >&2
started=$(date +%s)

# 1. N rounds in one JVM.
rc=0
(cd "$root" && mvn test -pl conformance -am -Dtest=RealTracesUnderLoadTest \
	-Dsurefire.failIfNoSpecifiedTests=false -Dgotrace.stress.runs="$rounds") \
	>"$log_dir/rounds.log" 2>&1 || rc=$?
grep -a '^stress round ' "$log_dir/rounds.log" || true
summary=$(grep -a '^stress: [0-9]*/[0-9]* rounds' "$log_dir/rounds.log" | tail -1 || true)
if [[ -z "$summary" ]]; then
	tail -40 "$log_dir/rounds.log" >&2
	summary="stress: the rounds did not complete (exit $rc)"
fi
((rc == 0)) || echo "stress: RealTracesUnderLoadTest failed (exit $rc), see $log_dir/rounds.log" >&2

# 2. The real-program test classes, as the build runs them.
passed=0
for i in $(seq "$full_runs"); do
	t0=$(date +%s)
	if (cd "$root" && mvn -q test -pl conformance -am -Dtest="$tests" \
		-Dsurefire.failIfNoSpecifiedTests=false) >"$log_dir/full-$i.log" 2>&1; then
		passed=$((passed + 1))
		verdict=pass
	else
		verdict=FAIL
		cp -r "$root/conformance/target/surefire-reports" "$log_dir/reports-$i" 2>/dev/null || true
	fi
	echo "full run $i/$full_runs of $tests: $verdict ($(($(date +%s) - t0)) s)"
done

elapsed=$(($(date +%s) - started))
echo "$summary; full runs: $passed/$full_runs passed; $busy busy processes on $(nproc) cores;" \
	"$(date -u +%Y-%m-%dT%H:%MZ), ${elapsed} s"
((rc == 0 && passed == full_runs))
