#!/usr/bin/env bash
# Measures, in one run on this machine: the all-areas clean build (restore → normalize → NSwag → compile), a second build with no change,
# and NSwag's raw output of the same documents compiled on its own (default settings, one namespace per document).
# Usage: ADO_SPEC_SOURCE=../shared/ado-specs benchmarks/build-time.sh [api-version]
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-7.1}"
: "${ADO_SPEC_SOURCE:?set ADO_SPEC_SOURCE to a folder in upstream layout (e.g. ../shared/ado-specs)}"
work=$(mktemp -d)
seconds() { local start=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || true; echo "$(date +%s.%N) - $start" | bc; }

dotnet build generator/AdoTypedSdk.Generator -v:q > /dev/null
dotnet build src/AdoTypedSdk -v:q > /dev/null
project=src/AdoTypedSdk.AllAreas
rm -rf "$project/obj" "$project/bin"
dotnet restore "$project" -p:AdoApiVersion="$version" -v:q > /dev/null
clean=$(seconds dotnet build "$project" --no-restore --no-dependencies -p:AdoApiVersion="$version" -v:n -clp:PerformanceSummary)
# CoreCompile alone, from MSBuild's performance summary (milliseconds).
coreCompile() { awk '$3 == "CoreCompile" {print $1 / 1000; exit}' "$work/last.log"; }
cleanCompile=$(coreCompile)
grep -q "AdoTypedSdk: generating ADO $version clients with NSwag" "$work/last.log" || { echo "clean build did not generate"; exit 1; }
again=$(seconds dotnet build "$project" --no-restore --no-dependencies -p:AdoApiVersion="$version" -v:n)
skipped=$(grep -cE 'Skipping target "(AdoRestoreSpecs|AdoNormalizeSpecs|AdoGenerateClientCode|CoreCompile)"' "$work/last.log" || true)
ran=$(grep -cE "AdoTypedSdk: (restoring|repairing|generating)" "$work/last.log" || true)

# Raw NSwag over the same restored documents, then compiled as one project.
specs="$project/obj/ado/$version/specs"
mkdir -p "$work/raw"
cat > "$work/raw/Raw.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable><NoWarn>\$(NoWarn);CS1591;CS8669</NoWarn></PropertyGroup>
  <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.4" /></ItemGroup>
</Project>
PROJECT
nswag="dotnet $(find ~/.nuget/packages/nswag.msbuild -path '*tools/Net100/dotnet-nswag.dll' | head -1)"
start=$(date +%s.%N)
while read -r document; do
  name=$(basename "$document" .json)
  $nswag openapi2csclient "/input:$specs/$document" "/output:$work/raw/$name.g.cs" "/namespace:Raw.$name" /OperationGenerationMode:MultipleClientsFromFirstTagAndOperationName > /dev/null 2>&1 || echo "nswag failed on $document"
done < "$specs/documents.txt"
rawGenerate=$(echo "$(date +%s.%N) - $start" | bc)
rawCompile=$(seconds dotnet build "$work/raw/Raw.csproj" -v:q -clp:PerformanceSummary)
rawErrors=$(grep -oE "error CS[0-9]+" "$work/last.log" | wc -l || true)

# Plain NSwag (default settings and templates) over the repaired documents, which compile: the baseline for the compile cost.
normalized="$project/obj/ado/$version/normalized"
mkdir -p "$work/plain"
cp "$work/raw/Raw.csproj" "$work/plain/Plain.csproj"
start=$(date +%s.%N)
for document in "$normalized"/*.json; do
  case "$document" in */common.json) continue ;; esac  # the shared definitions are in each document too
  name=$(basename "$document" .json)
  $nswag openapi2csclient "/input:$document" "/output:$work/plain/$name.g.cs" "/namespace:Plain.$name" /OperationGenerationMode:MultipleClientsFromFirstTagAndOperationName > /dev/null 2>&1 || echo "nswag failed on $document"
done
plainGenerate=$(echo "$(date +%s.%N) - $start" | bc)
plainBuild=$(seconds dotnet build "$work/plain/Plain.csproj" -v:q -clp:PerformanceSummary)
plainCoreCompile=$(coreCompile)
plainErrors=$(grep -oE "error CS[0-9]+" "$work/last.log" | wc -l || true)
plainLines=$(cat "$work/plain"/*.g.cs | wc -l)

# The same two compilations again, alternating, so both see the same machine load; the ratio uses the medians of all runs.
ourCompiles=("$cleanCompile"); plainCompiles=("$plainCoreCompile")
for _ in $(seq 2 "${COMPILE_RUNS:-5}"); do
  rm -f "$project"/obj/Debug/net10.0/AdoTypedSdk.AllAreas.dll
  seconds dotnet build "$project" --no-restore --no-dependencies -p:AdoApiVersion="$version" -v:n -clp:PerformanceSummary > /dev/null
  ourCompiles+=("$(coreCompile)")
  rm -f "$work"/plain/obj/Debug/net10.0/Plain.dll
  seconds dotnet build "$work/plain/Plain.csproj" --no-restore -v:q -clp:PerformanceSummary > /dev/null
  plainCompiles+=("$(coreCompile)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
ourMedian=$(median "${ourCompiles[@]}"); plainMedian=$(median "${plainCompiles[@]}")
ourLines=$(cat "$project/obj/ado/$version/generated"/*.cs | wc -l)

printf '\nADO %s, %s documents, %s cores\n' "$version" "$(wc -l < "$specs/documents.txt")" "$(nproc)"
printf '  %-58s %8.1f s\n' "all areas, clean build (restore+normalize+NSwag+compile)" "$clean"
printf '  %-58s %8.1f s  (%.2fx clean; %s generation steps ran, %s targets skipped)\n' "all areas, build again with no change" "$again" "$(echo "$again / $clean" | bc -l)" "$ran" "$skipped"
printf '  %-58s %8.1f s\n' "raw NSwag: generate (one process per document)" "$rawGenerate"
printf '  %-58s %8.1f s  (%s compiler errors)\n' "raw NSwag: compile its output" "$rawCompile" "$rawErrors"
printf '  %-58s %8.1f s  (%s lines; %s compiler errors)\n' "plain NSwag over the repaired documents: generate" "$plainGenerate" "$plainLines" "$plainErrors"
printf '  %-58s %8.1f s vs %.1f s  (%.2fx; %s vs %s lines)\n' "CoreCompile: all areas vs plain NSwag, medians of ${#ourCompiles[@]} runs" "$ourMedian" "$plainMedian" "$(echo "$ourMedian / $plainMedian" | bc -l)" "$ourLines" "$plainLines"
printf '  %-58s %s | %s\n' "  each run (s): all areas | plain NSwag" "${ourCompiles[*]}" "${plainCompiles[*]}"
rm -rf "$work"
