#!/usr/bin/env bash
# Runs gotrace's benchmarks end to end, Go's readers on the same input in the same run,
# and writes a report. In order:
#
#   1. builds the jars (cli/target/gotrace.jar, benchmarks/target/benchmarks.jar), the
#      trace-making Go program (src/main/go/bigtrace) and Go's trace tools as a command
#      (conformance/oracle/build.sh: gotraceoracle);
#   2. makes a large real trace with bigtrace (about BIGTRACE_MIB MiB) and checks that
#      Go's full parser accepts it and that `gotrace dump --wire` prints exactly what
#      `go tool trace -d=wire` prints for it;
#   3. runs the JMH benchmarks (with -prof gc: allocation per operation);
#   4. runs Go's raw reader and full parser over the same bytes in memory
#      (gotraceoracle rawcount / parsecount);
#   5. times whole commands with hyperfine: `go tool trace -d=wire FILE`, `gotrace dump
#      --wire FILE` (java -jar, and the ./gotrace launcher), Go's bytes2text;
#   6. writes target/bench/results.md (report.sh: the tables docs/BENCHMARKS.md quotes) and
#      prints it.
#
# Everything it writes goes under benchmarks/target/bench/. Needs java 17, mvn, go,
# hyperfine (Debian: apt-get install hyperfine) and jq.
#
# usage: benchmarks/run.sh
#
# Environment:
#   BIGTRACE_MIB  trace size to make (default 48)
#   REGEN=1       make a new trace even if target/bench/big.trace exists
#   JMH_OPTS      JMH settings (default: -f 1 -wi 3 -w 2s -i 5 -r 2s)
#   JMH_FILTER    which benchmarks (a JMH regexp; default: all)
#   RUNS          hyperfine runs per command, after one warm-up run (default 3)
#   MVN_FLAGS     extra Maven flags, e.g. -Dmaven.repo.local=/path
#   SKIP_BUILD=1  use the jars already built
#   PROFILE=1     also profile each benchmark with JFR (-prof jfr; a shorter run) and write
#                 target/bench/profile-NAME.txt (jfr-top.sh: where the time goes)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/target/bench"
trace="$out/big.trace"
mib=${BIGTRACE_MIB:-48}
jmh_opts=${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}
runs=${RUNS:-3}
mkdir -p "$out"

for tool in java mvn go hyperfine jq; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is not on PATH" >&2; exit 2; }
done
step() { printf '\n== %s\n' "$*" >&2; }
started=$(date +%s)

# --- 1. Build ------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "building the jars"
  # shellcheck disable=SC2086
  (cd "$root" && mvn -B -q ${MVN_FLAGS:-} -DskipTests package)
fi
step "building bigtrace and gotraceoracle"
(cd "$root/benchmarks/src/main/go" && GOFLAGS= go build -trimpath -o "$out/bigtrace" ./bigtrace)
"$root/conformance/oracle/build.sh" "$out/gotraceoracle"
cli_jar="$root/cli/target/gotrace.jar"
bench_jar="$root/benchmarks/target/benchmarks.jar"

# --- 2. The input --------------------------------------------------------------------
if [ "${REGEN:-0}" = 1 ] || [ ! -s "$trace" ]; then
  step "making a ${mib} MiB trace"
  "$out/bigtrace" "$trace" "$mib"
fi
step "checking the input"
"$out/gotraceoracle" validate < "$trace"
java -cp "$bench_jar" dev.gotrace.bench.TraceInfo "$trace" > "$out/trace-info.txt"
cat "$out/trace-info.txt" >&2
info() { sed -n "s/^$1=//p" "$out/trace-info.txt"; }
ours=$(java -jar "$cli_jar" dump --wire "$trace" | sha256sum | cut -d' ' -f1)
theirs=$(go tool trace -d=wire "$trace" | sha256sum | cut -d' ' -f1)
if [ "$ours" != "$theirs" ]; then
  echo "run.sh: gotrace dump --wire and go tool trace -d=wire differ on $trace" >&2
  exit 1
fi
echo "gotrace dump --wire = go tool trace -d=wire (sha256 $ours)" >&2

{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc=$(nproc)"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "cpu_mhz=$(sed -n 's/^cpu MHz[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel=$(uname -r)"
  echo "java=$(java -version 2>&1 | head -2 | tail -1)"
  echo "go=$(go version)"
  echo "maven=$(mvn -B -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

# --- 3. JMH --------------------------------------------------------------------------
step "JMH: $jmh_opts"
# shellcheck disable=SC2086
java -jar "$bench_jar" $jmh_opts -p trace="$trace" -prof gc \
  -rf json -rff "$out/jmh.json" ${JMH_FILTER:-} | tee "$out/jmh.txt" >&2

if [ "${PROFILE:-0}" = 1 ]; then
  step "JFR profiles"
  rm -rf "$out/jfr" && mkdir -p "$out/jfr"
  # shellcheck disable=SC2086
  (cd "$out/jfr" && java -jar "$bench_jar" -f 1 -wi 2 -w 2s -i 3 -r 3s -p trace="$trace" \
    -prof "jfr:configName=profile" ${JMH_FILTER:-} > "$out/jfr/jmh.txt")
  for rec in "$out"/jfr/*/profile.jfr; do
    name=$(basename "$(dirname "$rec")" | sed 's/^dev\.gotrace\.bench\.//; s/-Throughput.*//')
    "$root/benchmarks/jfr-top.sh" "$rec" 15 > "$out/profile-$name.txt"
  done
fi

# --- 4. Go's readers in memory -------------------------------------------------------
step "Go: raw reader and full parser over the same bytes in memory"
"$out/gotraceoracle" rawcount "$trace" 5 | tee "$out/go-rawcount.txt" >&2
"$out/gotraceoracle" parsecount "$trace" 3 | tee "$out/go-parsecount.txt" >&2
go_events=$(sed -n 's/.*events=\([0-9]*\).*/\1/p' "$out/go-rawcount.txt")
if [ "$go_events" != "$(info raw_events)" ]; then
  echo "run.sh: Go's raw reader counts $go_events events, gotrace $(info raw_events)" >&2
  exit 1
fi

# --- 5. Whole commands ---------------------------------------------------------------
step "commands, $runs runs each after a warm-up run"
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$out/commands.json" \
  -n "go tool trace -d=wire" "go tool trace -d=wire '$trace' > /dev/null" \
  -n "java -jar gotrace.jar dump --wire" "java -jar '$cli_jar' dump --wire '$trace' > /dev/null" \
  -n "./gotrace dump --wire" "'$root/gotrace' dump --wire '$trace' > /dev/null" \
  -n "gotraceoracle bytes2text" "'$out/gotraceoracle' bytes2text < '$trace' > /dev/null" >&2
echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo "run_seconds=$(($(date +%s) - started))" >> "$out/machine.txt"

# --- 6. Report -----------------------------------------------------------------------
"$root/benchmarks/report.sh" "$out" > "$out/results.md"
step "report: $out/results.md"
cat "$out/results.md"
