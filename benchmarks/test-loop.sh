#!/usr/bin/env bash
# Measures a contributor's inner loop: the time from a one-line change in a runtime source file to the result of the tests that cover it
# (build and run, as `dotnet test` does). After a warm-up build, it appends a line to the file, runs the filtered tests, and repeats (median of
# 3); the file is restored at the end. Builds run with MSBuild's and the compiler's build servers, as on a developer's machine (set
# BUILD_SERVERS=off to keep them off).
# Usage: ADO_SPEC_SOURCE=../shared/ado-specs benchmarks/test-loop.sh [test-project] [filter] [source-file]
set -euo pipefail
cd "$(dirname "$0")/.."
project="${1:-tests/AdoTypedSdk.Runtime.Tests}"
filter="${2:-FullyQualifiedName~Serialization.StringFormConverterTests}"
file="${3:-src/AdoTypedSdk/Serialization/StringFormConverter.cs}"
log=$(mktemp)
cp "$file" "$log.orig"
trap 'cp "$log.orig" "$file"; dotnet build-server shutdown > /dev/null 2>&1 || true; rm -f "$log" "$log.orig"' EXIT
if [ "${BUILD_SERVERS:-on}" = on ]; then unset UseSharedCompilation MSBUILDDISABLENODEREUSE; fi
seconds() { local start=$(date +%s.%N); "$@" > "$log" 2>&1 || { cat "$log"; exit 1; }; echo "$(date +%s.%N) - $start" | bc; }

warm=$(seconds dotnet test "$project" --filter "$filter")
runs=()
for i in 1 2 3; do
  echo "// inner loop $i" >> "$file"
  runs+=("$(seconds dotnet test "$project" --filter "$filter")")
done
tests=$(grep -oE 'Passed: *[0-9]+' "$log" | tail -1)
printf '%s (%s, %s)\n  first build and run %.1f s; change to test result %.1f s (median of %s)\n' \
  "$project" "$filter" "$tests" "$warm" "$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)" "$(IFS=' '; echo "${runs[*]}")"
