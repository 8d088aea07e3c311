#!/usr/bin/env bash
# Rebuilds the text beside each gold record from the GNE test pages (not shipped: third-party text), so
# `extract eval --gold OUT_DIR --entities …` can score people, organisations and places on real crawled pages.
# Usage, from the repository root: corpus/real-gne/prepare.sh GNE_ARTICLE_DIR OUT_DIR
#   GNE_ARTICLE_DIR: the GNE test set's article/ folder (SITE/1.html), e.g. the html-zh data set's copy.
set -euo pipefail
pages=${1:?usage: prepare.sh GNE_ARTICLE_DIR OUT_DIR}
out=${2:?usage: prepare.sh GNE_ARTICLE_DIR OUT_DIR}
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
