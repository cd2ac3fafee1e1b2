# Shared by .ci/consumer-check and benchmarks/consumer-build.sh (source it): a consumer of the packed packages, outside the repository.
#   consumer_pack <work>            packs both packages into <work>/feed; sets consumer_version
#   consumer_create <work> <dir>    copies this template to <dir> with a NuGet.config for <work>/feed
#   consumer_build <work> <dir> ... builds <dir> into <dir>.out from the feed, without ADO_SPEC_SOURCE; extra arguments go to dotnet build
# Packing needs the pinned files: ADO_SPEC_SOURCE or internet.
consumer_template=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
consumer_repository=$(cd "$consumer_template/../.." && pwd)

# A pack from a work tree has a version of its own (0.3.0-dev.<commits>.<commit>[.<changes>]); it is read from the package's name.
consumer_pack() {
  dotnet pack "$consumer_repository/AdoTypedSdk.sln" -c Release -o "$1/feed" > "$1/pack.log" 2>&1 || return
  consumer_version=$(cd "$1/feed" && ls AdoTypedSdk.[0-9]*.nupkg | sed -E 's/^AdoTypedSdk\.(.*)\.nupkg$/\1/')
}

consumer_create() {
  mkdir -p "$2"
  cp "$consumer_template/Consumer.csproj" "$consumer_template/Program.cs" "$2/"
  printf '<configuration>\n  <packageSources>\n    <add key="adotypedsdk-local" value="%s" />\n  </packageSources>\n</configuration>\n' "$1/feed" > "$2/NuGet.config"
}

# A packages folder of its own, so no earlier copy of this version is used; packages already downloaded are reused, not fetched again.
consumer_build() {
  local work=$1 app=$2; shift 2
  (cd "$app" && env -u ADO_SPEC_SOURCE NUGET_PACKAGES="$work/packages" dotnet build -c Release -o "$app.out" \
    -p:AdoTypedSdkVersion="$consumer_version" -p:RestoreAdditionalProjectFallbackFolders="$HOME/.nuget/packages" "$@")
}
