#!/usr/bin/env bash
# Copies the pages each metadata gold record names (its "source", a path under the html-zh data set) beside the gold,
# so `extract eval --gold OUT_DIR/dev` and `extract eval --gold OUT_DIR/blind` can score title, outlet, publishedAt,
# authors and editors. The pages are third-party and used for evaluation only: they are never shipped (PROVENANCE.md).
# Usage, from the repository root: corpus/metadata/prepare.sh HTML_ZH_DIR OUT_DIR
#   HTML_ZH_DIR: the html-zh data set (e.g. ../shared/data/html-zh)
set -euo pipefail
pages=${1:?usage: prepare.sh HTML_ZH_DIR OUT_DIR}
out=${2:?usage: prepare.sh HTML_ZH_DIR OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
for part in dev blind; do
  mkdir -p "$out/$part"
  for gold in "$here/$part"/*.gold.json; do
    [ -e "$gold" ] || continue
    name=$(basename "$gold" .gold.json)
    source=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"])' "$gold")
    if [ ! -f "$pages/$source" ]; then
      echo "missing page for $name: $pages/$source" >&2
      continue
    fi
    cp "$pages/$source" "$out/$part/$name.html"
    cp "$gold" "$out/$part/"
  done
  echo "$(ls "$out/$part"/*.html 2>/dev/null | wc -l) pages in $out/$part"
done
