#!/usr/bin/env bash
# Runs every benchmark already built in a build directory and collects their tables into one
# report, <build dir>/bench-report.md. Builds nothing: build first, in Release (see README.md).
# Usage: tests/bench/run.sh [build dir or preset name]    (default: build/release)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
arg=${1:-release}

# Accept a path ("build/net-release", "/tmp/b") or a preset name ("release" -> build/release).
if [[ -d "$arg" ]]; then
    builddir=$(cd "$arg" && pwd)
elif [[ -d "$root/build/$arg" ]]; then
    builddir="$root/build/$arg"
else
    echo "run.sh: no build directory '$arg' (nor $root/build/$arg)" >&2
    exit 2
fi

shopt -s nullglob
benches=()
for f in "$builddir"/bin/bench_*; do
    [[ -f "$f" && -x "$f" ]] && benches+=("$f")
done
if [[ ${#benches[@]} -eq 0 ]]; then
    echo "run.sh: no bench_* executables in $builddir/bin (configure with BUILD_TESTING=ON and build)" >&2
    exit 2
fi

# Timings from a Debug build say little; say so in the report rather than refuse to run.
buildtype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$builddir/CMakeCache.txt" 2>/dev/null || true)
report="$builddir/bench-report.md"
# Each benchmark is bounded so a hang cannot stall the report.
limit=${K3SNET_BENCH_TIMEOUT:-600}

{
    echo "# k3snet benchmark report"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "- commit: $(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)"
    echo "- build: $builddir (${buildtype:-unknown build type})"
    echo "- machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(nproc) CPUs"
    if [[ -n "$buildtype" && "$buildtype" != "Release" && "$buildtype" != "RelWithDebInfo" ]]; then
        echo
        echo "**Warning: not an optimised build; compare ratios only, not times.**"
    fi
} >"$report"

failed=0
for b in "${benches[@]}"; do
    name=$(basename "$b")
    echo "run.sh: running $name" >&2
    {
        echo
        set +e
        out=$(timeout "$limit" "$b" 2>&1)
        rc=$?
        set -e
        # Benchmarks print their own "## name" heading; add one for those that do not.
        if [[ "$out" != "## "* ]]; then
            echo "## $name"
            echo
        fi
        echo "$out"
        if [[ $rc -ne 0 ]]; then
            echo
            echo "**$name exited with status $rc$([[ $rc -eq 124 ]] && echo " (timed out after ${limit}s)")**"
        fi
    } >>"$report"
    [[ $rc -eq 0 ]] || failed=1
done

echo "run.sh: report written to $report" >&2
exit $failed
