#!/usr/bin/env bash
# Measures what a consumer pays, in one run on this machine: samples/Consumer built from the packed packages with one area
# (workItemTracking) and with every area, each clean and then again with no change; the generated code and assembly sizes; the packages.
# Usage: ADO_SPEC_SOURCE=../shared/ado-specs benchmarks/consumer-build.sh [api-version]
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-7.2}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source samples/Consumer/consumer.sh
consumer_pack "$work" || { cat "$work/pack.log"; exit 1; }
seconds() { local start=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; echo "$(date +%s.%N) - $start" | bc; }

measure() { # <name> <AdoAreas>
  local app="$work/$1"
  consumer_create "$work" "$app"
  # Restore first, so the clean build below is generation and compilation only.
  (cd "$app" && env -u ADO_SPEC_SOURCE NUGET_PACKAGES="$work/packages" dotnet restore -p:AdoTypedSdkVersion="$consumer_version" \
    -p:RestoreAdditionalProjectFallbackFolders="$HOME/.nuget/packages" > /dev/null)
  local clean again generated assembly
  clean=$(seconds consumer_build "$work" "$app" --no-restore -p:AdoApiVersion="$version" -p:AdoAreas="$2")
  again=$(seconds consumer_build "$work" "$app" --no-restore -p:AdoApiVersion="$version" -p:AdoAreas="$2")
  generated=$(cat "$app"/obj/ado/"$version"/generated/*.cs | wc -c)
  assembly=$(stat -c %s "$app.out/Consumer.dll")
  printf '  %-22s clean %6.1f s   no change %5.1f s (%.2fx)   generated C# %6.1f MB   Consumer.dll %6.1f MB\n' \
    "$1" "$clean" "$again" "$(echo "$again / $clean" | bc -l)" "$(echo "$generated / 1048576" | bc -l)" "$(echo "$assembly / 1048576" | bc -l)"
  echo "$clean" > "$work/$1.clean"
}

printf '\nConsumer builds for ADO %s on %s cores (AdoTypedSdk %s)\n' "$version" "$(nproc)" "$consumer_version"
measure one-area workItemTracking
measure all-areas ""
printf '  one area / all areas, clean: %.2fx\n' "$(echo "$(cat "$work/one-area.clean") / $(cat "$work/all-areas.clean")" | bc -l)"
for package in "$work"/feed/*.nupkg; do printf '  %-40s %8.2f MB\n' "$(basename "$package")" "$(echo "$(stat -c %s "$package") / 1048576" | bc -l)"; done
