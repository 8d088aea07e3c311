#!/usr/bin/env bash
# Reliability benchmark (issue #20): replays the hostile-input cases and prints, per case, the wall time, the process's
# CPU time (user + system: on a shared machine the steadier figure; it includes start-up and model loading), the peak
# resident memory, the records written, the exit code and the slowest document (from the CLI's summary line).
#
#   tests/reliability/run.sh [--big] [--jobs N] [--determinism] [--cli PATH/Extract.Cli.dll] [--cases DIR]
#
# --big adds the 15 MB page and six 50 MB JSONL lines; --determinism also runs every case 5 times with --jobs 2 and
# once with --jobs 1 and 8, and says whether stdout was byte-identical. The fuzzer's findings (tests/Extract.Fuzz/findings)
# are replayed as one more case. Figures only; the bar (≤ 2 s per document, ≤ 500 MiB with --jobs 2) is read by eye.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
big="" jobs=2 determinism=0 cli="" cases="" limit=300
while [ $# -gt 0 ]; do
  case "$1" in
    --big) big="--big" ;;
    --jobs) jobs="$2"; shift ;;
    --determinism) determinism=1 ;;
    --cli) cli="$2"; shift ;;
    --cases) cases="$2"; shift ;;
    --limit) limit="$2"; shift ;;
    *) echo "usage: $0 [--big] [--jobs N] [--determinism] [--cli DLL] [--cases DIR] [--limit SECONDS]" >&2; exit 2 ;;
  esac
  shift
done
. "$here/cli.sh"
cli="$(reliability_cli "$cli" extract-reliability-cli)"
if [ -z "$cases" ]; then
  cases="$(mktemp -d)"
  trap 'rm -rf "$cases"' EXIT
  python3 "$here/make_cases.py" "$cases" $big
fi
if [ -d "$repo/tests/Extract.Fuzz/findings" ] && [ -n "$(ls -A "$repo/tests/Extract.Fuzz/findings" 2>/dev/null)" ]; then
  mkdir -p "$cases/08-fuzz-findings"
  cp -r "$repo/tests/Extract.Fuzz/findings/." "$cases/08-fuzz-findings/"
fi

run() { # case input jobs output → "seconds KiB user-cpu system-cpu exit"
  local code=0
  /usr/bin/time -f "%e %M %U %S" -o "$4.time" timeout "$limit" dotnet "$cli" "$2" --jobs "$3" -o "$4" 2>"$4.err" || code=$?
  echo "$(tail -1 "$4.time") $code"
}

printf "%-22s %8s %8s %9s %8s %5s  %s\n" case seconds "cpu s" "peak MiB" records exit "slowest document / summary"
for dir in "$cases"/*/; do
  name="$(basename "$dir")"
  input="$(ls -d "$dir"in.* "$dir"docs 2>/dev/null | head -1 || true)"
  [ -n "$input" ] || input="$dir"
  work="$(mktemp -d)"
  read -r secs kib user sys code < <(run "$name" "$input" "$jobs" "$work/out.jsonl")
  records=$( [ -f "$work/out.jsonl" ] && wc -l < "$work/out.jsonl" || echo 0)
  summary="$(grep -E '^extract: [0-9]+ document' "$work/out.jsonl.err" | tail -1 | sed 's/^extract: //' || true)"
  [ -n "$summary" ] || summary="$(grep -v '^extract: ' "$work/out.jsonl.err" | head -1 | cut -c1-80)"
  cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  printf "%-22s %8s %8s %9d %8s %5s  %s\n" "$name" "$secs" "$cpu" $((kib / 1024)) "$records" "$code" "$summary"
  if [ "$determinism" = 1 ]; then
    want="$(sha256sum < "$work/out.jsonl")" same=yes
    for j in 2 2 2 2 1 8; do
      run "$name" "$input" "$j" "$work/again.jsonl" >/dev/null
      [ "$(sha256sum < "$work/again.jsonl")" = "$want" ] || same="NO (jobs $j)"
    done
    printf "%-22s identical across 5 runs and --jobs 1/2/8: %s\n" "" "$same"
  fi
  rm -rf "$work"
done
