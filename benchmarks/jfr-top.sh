#!/usr/bin/env bash
# Summarises the execution samples of a JFR recording (JMH's -prof jfr writes one per
# benchmark): the share of samples per method at the top of the stack ("self"), per
# source line at the top ("line"), and per method anywhere on the stack ("total").
# Only Java threads are sampled: time in the GC threads shows up in -prof gc instead.
#
# usage: benchmarks/jfr-top.sh RECORDING.jfr [ROWS]
set -euo pipefail
jfr_file=${1:?usage: jfr-top.sh RECORDING.jfr [ROWS]}
rows=${2:-15}
jfr print --stack-depth 64 --events jdk.ExecutionSample "$jfr_file" | awk -v rows="$rows" '
  function method(frame) { sub(/ line: [0-9]+$/, "", frame); sub(/\(.*$/, "", frame); return frame }
  /stackTrace = \[/ { inStack = 1; depth = 0; delete seen; next }
  inStack && /^ *\]/ { inStack = 0; samples++; next }
  inStack {
    frame = $0; sub(/^ +/, "", frame)
    if (frame == "...") next
    if (depth == 0) { self[method(frame)]++; line[frame]++ }
    m = method(frame)
    if (m ~ /^(java\.lang\.Thread|java\.util\.concurrent\.|java\.lang\.reflect\.|jdk\.internal\.reflect\.|org\.openjdk\.jmh\.)/ || m ~ /jmh_generated/) next
    if (!(m in seen)) { seen[m] = 1; total[m]++ }
    depth++
  }
  function top(title, counts,   n, i, j, k, keys, tmp) {
    n = 0
    for (k in counts) keys[++n] = k
    for (i = 2; i <= n; i++) { tmp = keys[i]; for (j = i - 1; j >= 1 && counts[keys[j]] < counts[tmp]; j--) keys[j + 1] = keys[j]; keys[j + 1] = tmp }
    printf "%s (of %d samples)\n", title, samples
    for (i = 1; i <= n && i <= rows; i++) printf "  %5.1f%%  %s\n", 100 * counts[keys[i]] / samples, keys[i]
  }
  END {
    top("self, by method", self)
    top("self, by line", line)
    top("total, by method", total)
  }'
