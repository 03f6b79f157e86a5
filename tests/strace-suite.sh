#!/bin/sh
# ctest strace_suite: strace 6.1's own test suite (../shared/strace-suite: build.sh, run.sh,
# tests.list) against BSTRACE. Builds the suite's programs in a work directory outside the
# checkout when they are missing (about 7 minutes; reused afterwards), runs every test of
# tests.list (about 6 minutes) and fails when a test listed in tests/strace-suite.pass did not
# pass (a regression). Listed tests that fail are run once more (run.sh -t) before that, and
# the output says which passed only on the second try. Tests on a "# flaky: ID..." line of the
# list pass only sometimes: they are not checked, their results are printed. Tests that pass
# but are not listed yet are printed: add them with tools/strace-suite-pass.sh.
#
# Usage: strace-suite.sh [--summary FILE] BSTRACE
#        strace-suite.sh --passes OUT BSTRACE   one full run, no comparison: the sorted IDs of
#                                               the tests that passed into OUT
#                                               (tools/strace-suite-pass.sh)
# Environment:
#   BSTRACE_STRACE_SUITE=DIR        the suite; else ../shared/strace-suite or
#                                   ../../shared/strace-suite next to the source tree. Without
#                                   it: skip (77), or fail when CI=true
#   BSTRACE_STRACE_SUITE_WORK=DIR   build and run directory [${TMPDIR:-/tmp}/bstrace-strace-suite]
#   BSTRACE_STRACE_SUITE_PASS=FILE  the list of tests that must pass [tests/strace-suite.pass]
#   BSTRACE_STRACE_SUITE_TLIMIT=S   time limit per test, run.sh -T [30]
# --summary FILE also writes the summary line into FILE (tools/test.sh prints it).
# Exit status: 0, 1 (a listed test did not pass, the build or run.sh failed), 77 (skipped).
set -u
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/.." && pwd)

passes='' summary=''
while [ $# -gt 0 ]; do
	case $1 in
	--passes) passes=$2; shift 2 ;;
	--summary) summary=$2; shift 2 ;;
	-*) echo "strace-suite.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
bstrace=${1:-${BSTRACE:-}}
[ -n "$bstrace" ] || { echo "usage: strace-suite.sh [--summary FILE | --passes OUT] BSTRACE" >&2; exit 2; }
case $bstrace in /*) ;; *) bstrace=$(pwd)/$bstrace ;; esac
passlist=${BSTRACE_STRACE_SUITE_PASS:-$src/tests/strace-suite.pass}
tlimit=${BSTRACE_STRACE_SUITE_TLIMIT:-30}
rerun_max=20	# more listed failures than this are a regression, not flakiness: no rerun
[ -z "$summary" ] || rm -f "$summary"

skip() {
	if [ "${CI:-}" = true ]; then
		echo "FAIL: $*"
		exit 1
	fi
	echo "SKIP: $*"
	exit 77
}

suite=${BSTRACE_STRACE_SUITE:-}
if [ -z "$suite" ]; then
	for d in "$src/../shared/strace-suite" "$src/../../shared/strace-suite"; do
		[ -r "$d/run.sh" ] && { suite=$d; break; }
	done
fi
if [ -z "$suite" ] || [ ! -r "$suite/run.sh" ] || [ ! -r "$suite/build.sh" ]; then
	skip "no strace test suite (../shared/strace-suite, or set BSTRACE_STRACE_SUITE=DIR)"
fi
suite=$(cd "$suite" && pwd)

[ -x "$bstrace" ] || { echo "FAIL: no bstrace binary $bstrace"; exit 1; }
if ! "$bstrace" -e trace=none -- /bin/true >/dev/null 2>&1; then
	skip "BPF cannot be loaded here: $("$bstrace" -e trace=none -- /bin/true 2>&1 | tail -n 1)"
fi

work=${BSTRACE_STRACE_SUITE_WORK:-${TMPDIR:-/tmp}/bstrace-strace-suite}
mkdir -p "$work" || exit 1
work=$(cd "$work" && pwd)
case $work/ in "$src"/*) echo "FAIL: the work directory $work is inside the checkout"; exit 1 ;; esac
# run.sh keeps each test's files in the work directory: one run at a time there
if command -v flock >/dev/null; then
	exec 9>"$work/.bstrace-lock"
	if ! flock -n 9; then
		echo "strace suite: waiting for another run in $work"
		flock 9
	fi
fi

t0=$(date +%s)
echo "strace suite: $suite, work directory $work"
if ! WORK=$work sh "$suite/build.sh" 9>&-; then
	echo "FAIL: building the strace suite failed (logs in $work/logs)"
	exit 1
fi
t1=$(date +%s)
echo "strace suite: built in $((t1 - t0)) s"

out=$work/bstrace-out
mkdir -p "$out"
rm -f "$out"/*

# run LOG [run.sh options]: run.sh against bstrace, its whole output into LOG
run() {
	log=$1; shift
	bash "$suite/run.sh" -w "$work" -T "$tlimit" "$@" "$bstrace" >"$log" 2>&1 9>&-
	rc=$?
	if [ $rc -gt 1 ] || ! grep -q '^[0-9]* passed, [0-9]* failed$' "$log"; then
		tail -n 20 "$log"
		echo "FAIL: run.sh exited with $rc (log: $log)"
		exit 1
	fi
}
ids() { awk -v w="$1" '$1 == w { print $2 }' "$2" | sort -u; }
oneline() { tr '\n' ' ' | sed 's/ $//'; }
count() { grep -c . "$1"; }

run "$out/run.log"
t2=$(date +%s)
ids PASS "$out/run.log" >"$out/passed"
total=$(grep -cE '^(PASS|FAIL|SKIP) ' "$out/run.log")
npass=$(count "$out/passed")
echo "strace suite: ran $total tests in $((t2 - t1)) s (time limit $tlimit s each; log: $out/run.log)"
tl=$(grep -c '^FAIL .*time limit' "$out/run.log")
[ "$tl" -eq 0 ] || echo "strace suite: $tl tests hit the time limit: $(grep '^FAIL .*time limit' \
	"$out/run.log" | awk '{ print $2 }' | oneline)"

if [ -n "$passes" ]; then
	cp "$out/passed" "$passes"
	echo "strace suite: $npass passed of $total"
	exit 0
fi

[ -r "$passlist" ] || { echo "FAIL: no pass list $passlist"; exit 1; }
case $passlist in "$src"/*) plname=${passlist#"$src"/} ;; *) plname=$passlist ;; esac
sed -n 's/^# *flaky[^:]*://p' "$passlist" | tr -s '[:space:]' '\n' | sed '/^$/d' | sort -u >"$out/flaky"
sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$passlist" | sort -u |
	comm -23 - "$out/flaky" >"$out/listed"
nlisted=$(count "$out/listed")
awk '!/^#/ && NF { print $1 }' "$suite/tests.list" | sort -u >"$out/suite"
comm -23 "$out/listed" "$out/suite" >"$out/unknown"	# not run at all: fail, no rerun
comm -23 "$out/listed" "$out/passed" | comm -12 - "$out/suite" >"$out/missing"
: >"$out/recovered"
nmissing=$(count "$out/missing")
if [ "$nmissing" -gt 0 ] && [ "$nmissing" -le "$rerun_max" ]; then
	echo "strace suite: $nmissing listed tests did not pass; running them once more: $(oneline <"$out/missing")"
	run "$out/rerun.log" -t "$(tr '\n' , <"$out/missing" | sed 's/,$//')"
	ids PASS "$out/rerun.log" | comm -12 "$out/missing" - >"$out/recovered"
	if [ -s "$out/recovered" ]; then
		echo "strace suite: passed on the second try (flaky): $(oneline <"$out/recovered")"
	fi
	comm -23 "$out/missing" "$out/recovered" >"$out/failed"
	[ ! -s "$out/failed" ] ||
		echo "strace suite: failed again on the second try: $(oneline <"$out/failed")"
elif [ "$nmissing" -gt 0 ]; then
	echo "strace suite: $nmissing listed tests did not pass: more than $rerun_max, not rerun"
	cp "$out/missing" "$out/failed"
else
	: >"$out/failed"
fi
sort -u "$out/failed" "$out/unknown" >"$out/x" && mv "$out/x" "$out/failed"
npass=$((npass + $(count "$out/recovered")))

if [ -s "$out/flaky" ]; then
	fp=$(comm -12 "$out/flaky" "$out/passed" | oneline)
	ff=$(comm -23 "$out/flaky" "$out/passed" | oneline)
	echo "strace suite: known flaky, not checked:${fp:+ passed: $fp}${fp:+${ff:+;}}${ff:+ did not pass: $ff}"
fi
comm -13 "$out/listed" "$out/passed" | comm -23 - "$out/flaky" >"$out/new"
if [ -s "$out/new" ]; then
	echo "strace suite: $(count "$out/new") tests pass but are not in $plname yet" \
		"(add them: sh tools/strace-suite-pass.sh): $(oneline <"$out/new")"
fi
line="strace suite: $npass passed of $total (listed: $nlisted)"
echo "$line"
[ -z "$summary" ] || echo "$line" >"$summary"
echo "strace suite: $(($(date +%s) - t0)) s in all"

if [ -s "$out/failed" ]; then
	echo "FAIL: $(count "$out/failed") tests of $plname did not pass:"
	last=$out/run.log
	[ ! -f "$out/rerun.log" ] || last=$out/rerun.log
	while read -r id; do
		l=$(awk -v id="$id" '($1 == "FAIL" || $1 == "SKIP") && $2 == id' "$last" | head -n 1)
		[ -n "$l" ] || l="NOT RUN $id (not in $suite/tests.list)"
		echo "  $l"
	done <"$out/failed"
	echo "(each test's files: $work/build/tests/ID.dir or ID.suite.log; diffs: bash $suite/run.sh -w $work -v -t ID $bstrace)"
	exit 1
fi
exit 0
