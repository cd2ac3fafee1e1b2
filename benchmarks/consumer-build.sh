#!/usr/bin/env bash
# Measures what a consumer pays, in one run on this machine: samples/Consumer built from the packed packages with one area
# (workItemTracking) and with every area: a clean build, a build with no change and a one-line edit of Program.cs (medians of 3), with the
# clients in their own assembly (the default) and compiled into the project (AdoSeparateClientsAssembly=false, as 0.2 did); then the
# generated code, the assemblies and the packages. Builds run as on a developer's machine, with MSBuild's and the compiler's build servers
# (this machine's environment turns them off; set BUILD_SERVERS=off to keep them off).
# Usage: ADO_SPEC_SOURCE=../shared/ado-specs benchmarks/consumer-build.sh [api-version]
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-7.2}"
work=$(mktemp -d)
trap 'dotnet build-server shutdown > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
if [ "${BUILD_SERVERS:-on}" = on ]; then unset UseSharedCompilation MSBUILDDISABLENODEREUSE; fi
source samples/Consumer/consumer.sh
consumer_pack "$work" || { cat "$work/pack.log"; exit 1; }
seconds() { local start=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; echo "$(date +%s.%N) - $start" | bc; }
median3() { printf '%s\n' "$@" | sort -n | sed -n 2p; }

measure() { # <name> <AdoAreas> <AdoSeparateClientsAssembly>
  local app="$work/$1" options=(--no-restore -p:AdoApiVersion="$version" -p:AdoAreas="$2" -p:AdoSeparateClientsAssembly="$3")
  consumer_create "$work" "$app"
  # Restore first, so the clean build below is generation and compilation only.
  (cd "$app" && env -u ADO_SPEC_SOURCE NUGET_PACKAGES="$work/packages" dotnet restore -p:AdoTypedSdkVersion="$consumer_version" \
    -p:RestoreAdditionalProjectFallbackFolders="$HOME/.nuget/packages" > /dev/null)
  local clean same=() edit=() i
  clean=$(seconds consumer_build "$work" "$app" "${options[@]}")
  for i in 1 2 3; do
    same+=("$(seconds consumer_build "$work" "$app" "${options[@]}")")
    echo "// edit $i" >> "$app/Program.cs"
    edit+=("$(seconds consumer_build "$work" "$app" "${options[@]}")")
  done
  local again changed; again=$(median3 "${same[@]}"); changed=$(median3 "${edit[@]}")
  printf '  %-26s clean %6.1f s   no change %5.1f s   one-line edit %5.1f s (%.2fx no change)\n' \
    "$1" "$clean" "$again" "$changed" "$(echo "$changed / $again" | bc -l)"
  if [ "$3" = true ]; then
    printf '  %-26s generated C# %.1f MB   Consumer.AdoClients.dll %.1f MB   Consumer.dll %.2f MB\n' "" \
      "$(echo "$(cat "$app"/obj/ado/net10.0/"$version"/generated/*.cs | wc -c) / 1048576" | bc -l)" \
      "$(echo "$(stat -c %s "$app.out/Consumer.AdoClients.dll") / 1048576" | bc -l)" "$(echo "$(stat -c %s "$app.out/Consumer.dll") / 1048576" | bc -l)"
  fi
  rm -rf "$app" "$app.out"
}

printf '\nConsumer builds for ADO %s on %s cores (AdoTypedSdk %s, build servers %s)\n' "$version" "$(nproc)" "$consumer_version" "${BUILD_SERVERS:-on}"
measure one-area workItemTracking true
measure one-area-in-project workItemTracking false
measure all-areas "" true
measure all-areas-in-project "" false
for package in "$work"/feed/*.nupkg; do printf '  %-40s %8.2f MB\n' "$(basename "$package")" "$(echo "$(stat -c %s "$package") / 1048576" | bc -l)"; done
