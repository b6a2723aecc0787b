#!/usr/bin/env bash
# Turns the outputs of benchmarks/run.sh (machine.txt, trace-info.txt, jmh.json,
# go-rawcount.txt, go-parsecount.txt, commands.json) into the Markdown tables that
# docs/BENCHMARKS.md quotes. run.sh calls it; run it alone to redo the report.
#
# usage: benchmarks/report.sh [DIR]   (default benchmarks/target/bench) > results.md
set -euo pipefail
out=${1:-$(cd "$(dirname "$0")" && pwd)/target/bench}
info() { sed -n "s/^$1=//p" "$out/trace-info.txt"; }
runs=$(jq '.results[0].times | length' "$out/commands.json")

bytes=$(info bytes)
events=$(info raw_events)
{
  echo "## Results ($(sed -n 's/^date=//p' "$out/machine.txt"))"
  echo
  sed 's/^/    /' "$out/machine.txt"
  echo
  echo "Input: $(awk -v b="$bytes" 'BEGIN {printf "%.1f MiB (%d bytes)", b / 1048576, b}'), a $(info version) trace:"
  echo "$events events as Go's raw reader counts them ($(info records) records, of which $(info batches) batches,"
  echo "and $(info batch_events) events inside batches), $(info generations) generations, $(info strings) strings, $(info stacks) stacks."
  echo "MINIMAL re-encoding: $(info minimal_bytes) bytes. \`-d=wire\` text: $(info text_bytes) bytes."
  echo
  echo "### In process, one pass over the whole trace in memory"
  echo
  echo "Wall: JMH's measured throughput (mean of the iterations). CPU: the same work per second of"
  echo "process CPU time (all threads); on a busy shared machine this is the steadier figure."
  echo
  echo "| benchmark | what | MiB/s wall | Mevents/s wall | MiB/s per CPU-s | Mevents/s per CPU-s | ms/op wall | alloc B/op | alloc B/event |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  jq -r --argjson ev "$events" '
    def r(x; n): (x * pow(10; n) | round) / pow(10; n);
    def what: {
      "DecodeBenchmark.cursor": "WireReader, every value touched",
      "DecodeBenchmark.cursorRecordsOnly": "WireReader.nextRecord only (payloads skipped)",
      "DecodeBenchmark.valuesStreaming": "RecordReader, each record dropped after a look",
      "DecodeBenchmark.values": "TraceDecoder.decode(bytes), whole Trace kept",
      "EncodeBenchmark.preserve": "TraceWriter.encode, PRESERVE",
      "EncodeBenchmark.minimal": "TraceWriter.encode, MINIMAL",
      "TextBenchmark.text": "TextTraceWriter, decoded Trace to a counting Appendable",
      "TextBenchmark.dumpWire": "bytes to -d=wire text bytes, streaming (as gotrace dump)",
      "SemanticBenchmark.parser": "SemanticReader, Go parser rules, every event in Go order",
      "SemanticBenchmark.strict": "SemanticReader, parser rules + Go test validator checks"
    }[.];
    .[] | (.benchmark | split(".") | .[-2:] | join(".")) as $n | .secondaryMetrics as $s
    | "| `\($n)` | \($n | what) | \(r($s.bytes.score / 1048576; 1)) | \(r($s.events.score / 1e6; 2))"
      + " | \(r($s.bytes.score / $s.cpuNanos.score * 1e9 / 1048576; 1))"
      + " | \(r($s.events.score / $s.cpuNanos.score * 1e9 / 1e6; 2))"
      + " | \(r(1000 / .primaryMetric.score; 1))"
      + " | \($s["gc.alloc.rate.norm"].score | round) | \(r($s["gc.alloc.rate.norm"].score / $ev; 3)) |"
  ' "$out/jmh.json"
  for kind in rawcount parsecount; do
    line=$(cat "$out/go-$kind.txt")
    val() { echo "$line" | sed -n "s/.*$1=\([0-9]*\).*/\1/p"; }
    what="Go raw reader (internal/trace/raw), no printing"
    [ "$kind" = parsecount ] && what="Go full parser (internal/trace.Reader)"
    awk -v b="$bytes" -v ev="$(val events)" -v wall="$(val mean_ns)" -v cpu="$(val cpu_ns)" \
      -v n="gotraceoracle $kind" -v w="$what" 'BEGIN {
        printf "| `%s` | %s | %.1f | %.2f | %.1f | %.2f | %.1f | | |\n", n, w,
          b / 1048576 / (wall / 1e9), ev / 1e6 / (wall / 1e9),
          b / 1048576 / (cpu / 1e9), ev / 1e6 / (cpu / 1e9), wall / 1e6 }'
  done
  echo
  echo "The Go rows: mean of $(sed -n 's/.*passes=\([0-9]*\).*/\1/p' "$out/go-rawcount.txt") (rawcount) and $(sed -n 's/.*passes=\([0-9]*\).*/\1/p' "$out/go-parsecount.txt") (parsecount) passes after an untimed one;"
  echo "parsecount's events are the parser's (it drops batch headers and adds synthesized events):"
  echo "$(sed -n 's/.*events=\([0-9]*\).*/\1/p' "$out/go-parsecount.txt") of them; the rates above use that count for its Mevents/s."
  echo
  echo "### Whole commands, file to /dev/null ($runs runs after a warm-up run, hyperfine)"
  echo
  echo "| command | wall s (mean ± sd) | MiB/s wall | Mevents/s wall | CPU s (user+sys) | MiB/s per CPU-s |"
  echo "|---|---:|---:|---:|---:|---:|"
  jq -r --argjson b "$bytes" --argjson ev "$events" '
    def r(x; n): (x * pow(10; n) | round) / pow(10; n);
    .results[] | "| `\(.command)` | \(r(.mean; 2)) ± \(r(.stddev // 0; 2)) | \(r($b / 1048576 / .mean; 1))"
      + " | \(r($ev / 1e6 / .mean; 2)) | \(r(.user + .system; 2)) | \(r($b / 1048576 / (.user + .system); 1)) |"
  ' "$out/commands.json"
}
