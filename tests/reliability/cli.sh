# Sourced by run.sh and replay.sh. reliability_cli GIVEN NAME prints the CLI to run: GIVEN (a --cli path) when set, else a
# Release build of src/Extract.Cli made into ${TMPDIR:-/tmp}/NAME.
reliability_cli() {
  local given="$1" name="$2" root
  if [ -n "$given" ]; then
    echo "$given"
    return
  fi
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  dotnet build "$root/src/Extract.Cli" -c Release -o "${TMPDIR:-/tmp}/$name" -v quiet -nologo >/dev/null
  echo "${TMPDIR:-/tmp}/$name/Extract.Cli.dll"
}
