#!/usr/bin/env bash
# The bar of issue 25: the report of 10,000 records builds in ≤ 10 s and opens in Chromium without errors.
# Extracts corpus/entities once, repeats its records with new ids (r1-a01, r2-a01, …) up to N records, times
# `extract report` over them as JSON Lines and as a DuckDB store (written by store.cs), then opens the page in headless
# Chromium and prints what the page script recorded.
# Usage: tests/report-bench/run.sh   Environment: N (records, default 10000), CHROMIUM (default: chromium on the PATH),
# KEEP=1 keeps the work folder. Prints the figures; the time depends on the machine's other load.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-10000}
WORK=$(mktemp -d /tmp/report-bench.XXXXXX)
[[ -n "${KEEP:-}" ]] || trap 'rm -rf "$WORK"' EXIT

dotnet build src/Extract.Cli -c Release -v quiet -nologo >/dev/null
CLI=src/Extract.Cli/bin/Release/net10.0/Extract.Cli
"$CLI" corpus/entities --quiet --out "$WORK/entities.jsonl"
per=$(wc -l <"$WORK/entities.jsonl")
: >"$WORK/records.jsonl"
for ((k = 1; $(wc -l <"$WORK/records.jsonl") < N; k++)); do
  # The record's own id is the first "id" of each line (the schema field comes before it).
  sed "s/\"id\":\"/\"id\":\"r$k-/" "$WORK/entities.jsonl" >>"$WORK/records.jsonl"
done
head -n "$N" "$WORK/records.jsonl" >"$WORK/report-input.jsonl"
echo "input: $(wc -l <"$WORK/report-input.jsonl") records ($per from corpus/entities, repeated with new ids), $(du -h "$WORK/report-input.jsonl" | cut -f1)"

TIMEFORMAT='%R s wall clock, %U s user CPU, %S s system CPU'
times=$({ time "$CLI" report "$WORK/report-input.jsonl" -o "$WORK/report.html" 2>"$WORK/report.err"; } 2>&1)
cat "$WORK/report.err"
echo "report (JSON Lines): $times, process start included (bar: ≤ 10 s wall clock); page $(du -h "$WORK/report.html" | cut -f1); load average $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet run tests/report-bench/store.cs -c Release -- "$WORK/entities.jsonl" "$WORK/records.duckdb" "$N"
times=$({ time "$CLI" report "$WORK/records.duckdb" -o "$WORK/report-store.html" 2>"$WORK/report.err"; } 2>&1)
cat "$WORK/report.err"
echo "report (store): $times, process start included (bar: ≤ 10 s wall clock); load average $(cut -d' ' -f1-3 /proc/loadavg)"

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z "$CHROMIUM" ]]; then
  echo "chromium: not found (apt-get install chromium), the page was not opened" >&2
  exit 1
fi
profile=$(mktemp -d "$WORK/profile.XXXXXX")
start=$(date +%s.%N)
"$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$profile" --virtual-time-budget=20000 \
  --dump-dom "file://$WORK/report.html" 2>/dev/null >"$WORK/dom.html"
end=$(date +%s.%N)
body=$(grep -o '<body [^>]*data-report-ready="true"[^>]*>' "$WORK/dom.html" | head -1 || true)
echo "chromium: $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') s to load and draw; ${body:-<body> not marked ready: the page script did not finish}"
[[ "$body" == *'data-errors="[]"'* ]] || { echo "the page reported errors" >&2; exit 1; }
