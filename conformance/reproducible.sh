#!/usr/bin/env bash
# Shows that regenerating the corpus does not depend on where it runs: copies this
# checkout into two directories of different names and depths, runs
# conformance/regenerate.sh in each (a partial run: the workloads below, TOOLCHAINS, each
# run with its own TMPDIR) and compares, trace by trace, the string tables gotrace's
# decoder reads (`gotrace dump --wire`, String records, ids dropped, sorted).
#
# * EXACT workloads do the same work in every run, so their string tables must be
#   identical (timestamps, ids and sizes differ; the strings must not).
# * LOOSE workloads catch stacks wherever the scheduler happens to be (stop-the-world
#   points, syscalls), so which functions appear differs from run to run even in one
#   directory; for them only the rule below is checked.
# * No string of any trace may name either checkout, either temporary directory, the home
#   directory, GOROOT or GOMODCACHE.
#
# CONTROL=1 builds without -trimpath (it strips the flag from the copies' regenerate.sh):
# the check must then fail, which shows it can.
#
# usage: conformance/reproducible.sh      (needs cli/target/gotrace.jar: mvn -DskipTests package)
#
# Environment:
#   EXACT       (default: annotations iterpull)
#   LOOSE       (default: syscalls stw)
#   TOOLCHAINS  GOTOOLCHAIN values (default: go1.22.12 go1.26.11 go1.27.3)
#   KEEP_WORK=1 keep the two checkouts and their output
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exact=${EXACT-"annotations iterpull"}
loose=${LOOSE-"syscalls stw"}
toolchains=${TOOLCHAINS:-"go1.22.12 go1.26.11 go1.27.3"}
gotrace="$root/gotrace"
[[ -f "$root/cli/target/gotrace.jar" ]] || { echo "reproducible.sh: build cli/target/gotrace.jar first (mvn -DskipTests package)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gotrace-repro.XXXXXX")
cleanup() { if [[ "${KEEP_WORK:-}" == 1 ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
checkouts=("$work/a/gotrace" "$work/second-checkout/somewhere/deeper/gotrace")

# Tracked files only (the corpus itself is not needed), as a fresh clone would have them.
copy_checkout() {
	mkdir -p "$1"
	(cd "$root" && git ls-files -z | grep -zv '^conformance/corpus/' | xargs -0 cp --parents -t "$1")
	if [[ "${CONTROL:-}" == 1 ]]; then
		sed -i 's/ -trimpath / /g' "$1/conformance/regenerate.sh"
	fi
}

outputs=()
for i in 0 1; do
	dir=${checkouts[$i]}
	copy_checkout "$dir"
	tmp="$work/tmp$i"
	mkdir -p "$tmp"
	echo "== regenerate.sh in $dir" >&2
	(cd "$dir" && TMPDIR=$tmp ONLY="$exact $loose" TOOLCHAINS=$toolchains conformance/regenerate.sh) \
		>"$work/regen$i.log" 2>&1 || { cat "$work/regen$i.log" >&2; exit 1; }
	out=$(sed -n 's/^note: ONLY is set; the corpus was left alone, partial output is in //p' "$work/regen$i.log")
	[[ -d "$out" ]] || { echo "reproducible.sh: no partial output reported by run $i" >&2; exit 1; }
	outputs+=("$out")
done

# The string table of a trace: every String record's data, ids dropped, one per line, sorted.
strings_of() {
	"$gotrace" dump --wire "$1" | awk '/^String id=/ { getline; sub(/^\tdata=/, ""); print }' | LC_ALL=C sort -u
}

same=0 differ=0 loose_n=0 leaked=0
while IFS= read -r rel; do
	a="${outputs[0]}/$rel" b="${outputs[1]}/$rel"
	[[ -f "$b" ]] || { echo "$rel: missing from the second run"; differ=$((differ + 1)); continue; }
	strings_of "$a" >"$work/a.txt"
	strings_of "$b" >"$work/b.txt"
	if grep -F -e "$work/" -e "$root/" -e "$HOME/" -e "$(go env GOROOT)/" -e "$(go env GOMODCACHE)/" \
		"$work/a.txt" "$work/b.txt" >"$work/leak.txt"; then
		leaked=$((leaked + 1))
		echo "$rel: strings name a build directory, e.g. $(head -1 "$work/leak.txt")"
	fi
	workload=$(basename "$rel" .trace)
	if [[ " $exact " == *" $workload "* ]]; then
		if cmp -s "$work/a.txt" "$work/b.txt"; then
			same=$((same + 1))
			echo "$rel: same $(wc -l <"$work/a.txt") strings"
		else
			differ=$((differ + 1))
			echo "$rel: string tables differ:"
			{ diff "$work/a.txt" "$work/b.txt" || true; } | grep '^[<>]' | head -6 | sed 's/^/    /'
		fi
	else
		loose_n=$((loose_n + 1))
		common=$(LC_ALL=C comm -12 "$work/a.txt" "$work/b.txt" | wc -l)
		echo "$rel: $(wc -l <"$work/a.txt") and $(wc -l <"$work/b.txt") strings, $common in both (stacks depend on timing)"
	fi
done < <(cd "${outputs[0]}" && find . -name '*.trace' | sed 's|^\./||' | sort)

echo "reproducible: $same/$((same + differ)) traces of $exact with the same string table in both checkouts," \
	"$loose_n traces of $loose compared loosely; $leaked traces name a build directory ($toolchains${CONTROL:+; CONTROL: no -trimpath})"
((same > 0 && differ == 0 && leaked == 0))
