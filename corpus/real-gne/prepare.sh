#!/usr/bin/env bash
# Rebuilds the text beside each gold record from the GNE test pages in ../shared (not shipped: third-party text), so
# `extract eval --gold OUT_DIR --entities …` can score people, organisations and places on real crawled pages.
# Usage: corpus/real-gne/prepare.sh OUT_DIR   (from the repository root, ../shared beside the checkout)
set -euo pipefail
out=${1:?usage: prepare.sh OUT_DIR}
pages=../shared/data/html-zh/gne-GeneralNewsExtractor/article
mkdir -p "$out"
dotnet build src/Extract.Cli -c Release -v q >/dev/null
for gold in corpus/real-gne/real_*.gold.json; do
  name=$(basename "$gold" .gold.json); site=${name#real_}
  dotnet run --project src/Extract.Cli -c Release --no-build -- "$pages/$site/1.html" 2>/dev/null | python3 -c '
import json, sys
r = json.loads(sys.stdin.readline())
body = r["body"] or ""
sys.stdout.write((r["title"] or "") + "\n\n" + body.replace("\n", "\n\n") + "\n")' > "$out/$name.txt"
  cp "$gold" "$out/"
done
echo "$(ls "$out"/*.txt | wc -l) articles in $out"
