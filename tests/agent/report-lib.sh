# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
# report-lib.sh: PASS/FAIL reporting of the root tests written in bash (test_dataplane.sh,
# test_announce.sh, tests/provision/test_provision.sh, ...). Source it; every check prints one
# line, and report_exit ends the script with the summary and the exit status.

PASSES=0
FAILURES=0
FAILED_CHECKS=()

pass() { PASSES=$((PASSES + 1)); echo "PASS: $1"; }
# fail DESCRIPTION [DETAILS]: DETAILS (e.g. a command's output) is shown indented, 40 lines at most.
fail() {
    FAILURES=$((FAILURES + 1))
    FAILED_CHECKS+=("$1")
    echo "FAIL: $1"
    if [[ -n "${2:-}" ]]; then printf '%s\n' "$2" | head -n 40 | sed 's/^/      /'; fi
}

# check DESCRIPTION CMD...: PASS if CMD succeeds; FAIL with CMD's output (indented) otherwise.
check() {
    local desc=$1 out rc
    shift
    out=$("$@" 2>&1)
    rc=$?
    if [[ $rc -eq 0 ]]; then pass "$desc"; else fail "$desc" "$out"; fi
    return $rc
}

scenario() { echo; echo "=== $* ==="; }

# Comparisons for check: they say what differed.
eq() { [[ "$1" == "$2" ]] || { echo "got \"$1\", expected \"$2\""; return 1; }; }
has() { [[ "$1" == *"$2"* ]] || { echo "\"$1\" does not contain \"$2\""; return 1; }; }
lacks() { [[ "$1" != *"$2"* ]] || { echo "found \"$2\""; return 1; }; }

# report_exit: the summary line(s); exits 1 when a check failed, else 0.
report_exit() {
    echo
    if [[ $FAILURES -gt 0 ]]; then
        echo "RESULT: $FAILURES failed, $PASSES passed"
        printf '  failed: %s\n' "${FAILED_CHECKS[@]}"
        exit 1
    fi
    echo "RESULT: all $PASSES checks passed"
    exit 0
}
