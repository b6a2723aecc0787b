#!/usr/bin/env bash
# Compares two builds of the benchmarks jar on the same trace, benchmark by benchmark
# and back to back (A, B, A, B...), so both see the same machine. Prints a Markdown
# table of MiB/s per CPU-second and allocation per operation. Use it to check a
# change to the decoder or encoder: build benchmarks.jar before and after.
#
# usage: benchmarks/compare.sh JAR_A JAR_B [TRACE]
#   TRACE defaults to benchmarks/target/bench/big.trace (run.sh makes it);
#   JMH_OPTS and JMH_FILTER as for run.sh; ROUNDS (default 2) A/B pairs per benchmark.
set -euo pipefail
a=${1:?usage: compare.sh JAR_A JAR_B [TRACE]}
b=${2:?usage: compare.sh JAR_A JAR_B [TRACE]}
here=$(cd "$(dirname "$0")" && pwd)
trace=${3:-$here/target/bench/big.trace}
jmh_opts=${JMH_OPTS:--f 1 -wi 3 -w 2s -i 5 -r 2s}
rounds=${ROUNDS:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

benchmarks=$(java -jar "$a" -l ${JMH_FILTER:-} | sed -n 's/^dev\.gotrace\.bench\.//p')
echo "| benchmark | A MiB/s per CPU-s | B MiB/s per CPU-s | B/A | A alloc B/op | B alloc B/op |"
echo "|---|---:|---:|---:|---:|---:|"
for bench in $benchmarks; do
  for round in $(seq "$rounds"); do
    for side in a b; do
      jar=$a
      [ "$side" = b ] && jar=$b
      # shellcheck disable=SC2086
      java -jar "$jar" $jmh_opts -p trace="$trace" -prof gc -rf json \
        -rff "$work/$side-$round.json" "dev.gotrace.bench.$bench\$" > /dev/null
    done
  done
  # Sums over the rounds: bytes and CPU time, then one ratio.
  summary() {
    jq -s '[.[][0].secondaryMetrics] |
      {mibs: ((map(.bytes.score) | add) / (map(.cpuNanos.score) | add) * 1e9 / 1048576),
       alloc: ((map(.["gc.alloc.rate.norm"].score) | add) / length)}' "$work"/"$1"-*.json
  }
  sa=$(summary a)
  sb=$(summary b)
  jq -rn --argjson a "$sa" --argjson b "$sb" --arg n "$bench" '
    def r(x; n): (x * pow(10; n) | round) / pow(10; n);
    "| `\($n)` | \(r($a.mibs; 1)) | \(r($b.mibs; 1)) | \(r($b.mibs / $a.mibs; 2))x"
      + " | \($a.alloc | round) | \($b.alloc | round) |"'
  rm -f "$work"/*.json
done
