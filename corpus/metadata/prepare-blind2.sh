#!/usr/bin/env bash
# Copies each blind2 page beside its metadata gold record, so `extract eval --gold OUT_DIR/blind2` can score title,
# outlet, publishedAt, authors and editors on the second blind set. The pages are third-party and used for evaluation
# only: they are never committed or shipped (PROVENANCE.md). blind2/SOURCES.tsv says where each page comes from
# (repository, commit, path); a page set rebuilt from it is byte-identical to the annotated one.
# Usage, from the repository root: corpus/metadata/prepare-blind2.sh PAGES_DIR OUT_DIR
#   PAGES_DIR: a directory holding NAME.html for every NAME in blind2/SOURCES.tsv
#              (the annotator's copy: /work/annot/blind2-pages).
#   With FETCH=1, a page missing from PAGES_DIR is taken from its repository at the recorded commit
#   (git clone from github.com into a temporary directory, then git show COMMIT:PATH) and saved into PAGES_DIR.
set -euo pipefail
pages=${1:?usage: prepare-blind2.sh PAGES_DIR OUT_DIR}
out=${2:?usage: prepare-blind2.sh PAGES_DIR OUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/blind2"
tmp=""
cleanup() { if [ -n "$tmp" ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT
missing=0
while IFS=$'\t' read -r name repo commit path; do
  [ "$name" = name ] && continue
  gold="$here/blind2/$name.gold.json"
  if [ ! -f "$gold" ]; then
    echo "no gold for $name" >&2; continue
  fi
  if [ ! -f "$pages/$name.html" ] && [ "${FETCH:-0}" = 1 ]; then
    [ -n "$tmp" ] || tmp=$(mktemp -d)
    dir="$tmp/${repo//\//+}"
    [ -d "$dir" ] || git clone --quiet --filter=blob:none --no-checkout "https://github.com/$repo.git" "$dir"
    mkdir -p "$pages"
    git -C "$dir" show "$commit:$path" > "$tmp/page.html" && mv "$tmp/page.html" "$pages/$name.html"
  fi
  if [ ! -f "$pages/$name.html" ]; then
    echo "missing page for $name: $pages/$name.html ($repo@$commit:$path)" >&2
    missing=$((missing + 1)); continue
  fi
  cp "$pages/$name.html" "$out/blind2/$name.html"
  cp "$gold" "$out/blind2/"
done < "$here/blind2/SOURCES.tsv"
echo "$(ls "$out/blind2"/*.html 2>/dev/null | wc -l) pages in $out/blind2 ($missing missing)"
