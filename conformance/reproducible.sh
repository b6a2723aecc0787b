#!/usr/bin/env bash
# Shows that regenerating the corpus does not depend on where it runs: copies this
# checkout into two directories of different names and depths, runs
# conformance/regenerate.sh in each (a partial run: ONLY workloads, TOOLCHAINS, each run
# with its own TMPDIR) and compares, trace by trace, the string tables gotrace's decoder
# reads (`gotrace dump --wire`, String records, ids dropped, sorted). For every trace:
#
# * the program's strings, the ones a build location could change (the names of the
#   workload's own functions, `main.*`, and of every file and function of the programs
#   module, `.../conformance/programs/...`), must be identical in both checkouts;
# * no string may name either checkout, either temporary directory, the home directory,
#   GOROOT or GOMODCACHE;
# * the whole tables are compared and reported: they differ only by the runtime frames
#   that scheduling happens to catch (a stack at a preemption, a collection that started
#   in one run), which two runs in one directory differ by as well.
#
# CONTROL=1 builds without -trimpath (it strips the flag from the copies' regenerate.sh):
# the check must then fail, which shows it can.
#
# usage: conformance/reproducible.sh      (needs cli/target/gotrace.jar: mvn -DskipTests package)
#
# Environment:
#   ONLY        workloads (default: annotations iterpull syscalls stw)
#   TOOLCHAINS  GOTOOLCHAIN values (default: go1.22.12 go1.26.11 go1.27.3)
#   KEEP_WORK=1 keep the two checkouts and their output
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
only=${ONLY:-"annotations iterpull syscalls stw"}
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
	mkdir -p "$work/tmp$i"
	echo "== regenerate.sh in $dir" >&2
	(cd "$dir" && TMPDIR="$work/tmp$i" ONLY=$only TOOLCHAINS=$toolchains conformance/regenerate.sh) \
		>"$work/regen$i.log" 2>&1 || { cat "$work/regen$i.log" >&2; exit 1; }
	out=$(sed -n 's/^note: ONLY is set; the corpus was left alone, partial output is in //p' "$work/regen$i.log")
	[[ -d "$out" ]] || { echo "reproducible.sh: no partial output reported by run $i" >&2; exit 1; }
	outputs+=("$out")
done

# The string table of a trace: every String record's data, ids dropped, one per line, sorted.
strings_of() {
	"$gotrace" dump --wire "$1" | awk '/^String id=/ { getline; sub(/^\tdata=/, ""); print }' | LC_ALL=C sort -u
}
# The program's own strings: its functions and the files and functions of its module.
program_strings() {
	grep -E '^"main\.|conformance/programs/' "$1" || true
}

same=0 differ=0 whole_same=0 leaked=0
while IFS= read -r rel; do
	a="${outputs[0]}/$rel" b="${outputs[1]}/$rel"
	[[ -f "$b" ]] || { echo "$rel: missing from the second run"; differ=$((differ + 1)); continue; }
	strings_of "$a" >"$work/a.txt"
	strings_of "$b" >"$work/b.txt"
	program_strings "$work/a.txt" >"$work/a-own.txt"
	program_strings "$work/b.txt" >"$work/b-own.txt"
	if grep -F -e "$work/" -e "$root/" -e "$HOME/" -e "$(go env GOROOT)/" -e "$(go env GOMODCACHE)/" \
		"$work/a.txt" "$work/b.txt" >"$work/leak.txt"; then
		leaked=$((leaked + 1))
		echo "$rel: strings name a build directory, e.g. $(head -1 "$work/leak.txt")"
	fi
	own=$(wc -l <"$work/a-own.txt")
	common=$(LC_ALL=C comm -12 "$work/a.txt" "$work/b.txt" | wc -l)
	whole="whole tables: $(wc -l <"$work/a.txt") and $(wc -l <"$work/b.txt") strings, $common in both"
	if cmp -s "$work/a.txt" "$work/b.txt"; then
		whole_same=$((whole_same + 1))
		whole="whole tables identical ($common strings)"
	fi
	if ((own > 0)) && cmp -s "$work/a-own.txt" "$work/b-own.txt"; then
		same=$((same + 1))
		echo "$rel: the program's $own strings identical; $whole"
	else
		differ=$((differ + 1))
		echo "$rel: the program's strings differ ($own and $(wc -l <"$work/b-own.txt")); $whole"
		{ diff "$work/a-own.txt" "$work/b-own.txt" || true; } | grep '^[<>]' | head -4 | sed 's/^/    /'
	fi
done < <(cd "${outputs[0]}" && find . -name '*.trace' | sed 's|^\./||' | sort)

echo "reproducible: $same/$((same + differ)) traces with identical program strings in both checkouts" \
	"($whole_same with identical whole tables), $leaked naming a build directory;" \
	"$toolchains; $only${CONTROL:+; CONTROL=1: built without -trimpath}"
((same > 0 && differ == 0 && leaked == 0))
