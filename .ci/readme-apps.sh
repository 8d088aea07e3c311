#!/usr/bin/env bash
# Every ```csharp block of the READMEs, run unchanged as the Program.cs of a new console app (net8.0 and net10.0) that
# references the packed packages from a local feed, as a user would after `dotnet add package Extract`.
# Needs a Release build of the solution (packs with --no-build). Sources: the local feed and the configured NuGet
# feed(s) only. The packages get a unique prerelease version, so no stale copy in the NuGet cache can stand in for
# them; that version's folders are removed from the cache on exit.
# Usage: .ci/readme-apps.sh [FEED]   (FEED defaults to /tmp/feed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
feed=${1:-/tmp/feed}
version="1.0.0-readme.$(date -u +%Y%m%d%H%M%S).$$"
work=$(mktemp -d "${TMPDIR:-/tmp}/extract-readme-apps.XXXXXX")
cache=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
cleanup() {
  rm -rf "$work"
  for id in extract extract.segmentation extract.dependencyinjection extract.batch extract.store extract.fleet extract.jiebanet; do
    rm -rf "${cache:?}/$id/$version"
  done
}
trap cleanup EXIT

mkdir -p "$feed"
rm -f "$feed"/*.1.0.0-readme.*.nupkg "$feed"/*.1.0.0-readme.*.snupkg   # earlier runs of this script
dotnet pack Extract.sln -c Release --no-build -o "$feed" -p:PackageVersion="$version" -v quiet -nologo
ls "$feed"/*."$version".nupkg >/dev/null

readmes=(README.md src/*/README.md)
samples=$work/app/samples
mkdir -p "$samples"
count=0
names=()
for readme in "${readmes[@]}"; do
  before=$count
  # Block i of a README goes to samples/N.cs, its lines as written (the fences dropped).
  count=$(awk -v dir="$samples" -v n="$count" '
    /^```csharp[[:space:]]*$/ { inside = 1; file = dir "/" n ".cs"; n++; next }
    inside && /^```/ { inside = 0; close(file); next }
    inside { print > file }
    END { print n }' "$root/$readme")
  for ((k = before; k < count; k++)); do names[k]="$readme block $((k - before + 1))"; done
done
if [ "$count" -eq 0 ]; then
  echo "readme-apps: no csharp block found" >&2
  exit 1
fi

di_version=$(sed -n 's/.*Include="Microsoft.Extensions.DependencyInjection" Version="\([^"]*\)".*/\1/p' Directory.Packages.props)
cat >"$work/app/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="extract-local" value="$feed" />
  </packageSources>
</configuration>
EOF
# A console app as `dotnet new console` makes it, plus the packages; the machines may carry the .NET 10 runtime alone,
# so the net8.0 leg is self-contained (as the test projects' net8.0 leg).
cat >"$work/app/ReadmeApp.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <Sample Condition="'\$(Sample)' == ''">0</Sample>
  </PropertyGroup>
  <PropertyGroup Condition="'\$(TargetFramework)' == 'net8.0'">
    <RuntimeIdentifier>\$(NETCoreSdkRuntimeIdentifier)</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
  </PropertyGroup>
  <ItemGroup>
    <Compile Remove="samples/**" />
    <Compile Include="samples/\$(Sample).cs" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="Extract" Version="$version" />
    <PackageReference Include="Extract.DependencyInjection" Version="$version" />
    <PackageReference Include="Extract.Store" Version="$version" />
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="$di_version" />
  </ItemGroup>
</Project>
EOF

# The folder a sample runs in: page.html, pages/ (the seed articles), userdict.txt and entities.zip, as in ReadmeSampleTests.
run_dir=$work/run
dotnet restore "$work/app" -v quiet -nologo
failed=0
for framework in net8.0 net10.0; do
  for ((i = 0; i < count; i++)); do
    out=$work/out/$framework-$i
    dotnet build "$work/app" -c Release -f "$framework" --no-restore -p:Sample="$i" -o "$out" -v quiet -nologo >"$work/build.log" 2>&1 \
      || { cat "$work/build.log" >&2; echo "readme-apps: ${names[i]} does not build on $framework" >&2; failed=1; continue; }
    rm -rf "$run_dir" && mkdir -p "$run_dir/pages"
    cp corpus/district-trs-article/source.html "$run_dir/page.html"
    cp seeds/*.txt "$run_dir/pages/"
    printf '社区党员 5 n\n' >"$run_dir/userdict.txt"
    cp models/entities/entities.zip "$run_dir/entities.zip"   # stands in for a model retrained with train-entities
    if (cd "$run_dir" && "$out/ReadmeApp" >"$work/stdout" 2>"$work/stderr") && [ ! -s "$work/stderr" ] && [ -s "$work/stdout" ]; then
      echo "readme-apps: ${names[i]} on $framework: ok ($(wc -l <"$work/stdout") lines)"
    else
      echo "readme-apps: ${names[i]} on $framework FAILED:" >&2
      head -c 2000 "$work/stderr" >&2
      failed=1
    fi
  done
done
exit "$failed"
