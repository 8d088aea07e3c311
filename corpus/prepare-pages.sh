#!/usr/bin/env bash
# Copies each page of a blind page set beside its gold record, so `extract eval --gold OUT_DIR/SET` can score it. The pages
# are third-party and used for evaluation only: they are never committed or shipped. SET_DIR/SOURCES.tsv says where each
# page comes from (name, repository, commit, path[, licence]); a page set rebuilt from it is byte-identical to the
# annotated one.
# Usage, from the repository root: corpus/prepare-pages.sh SET_DIR PAGES_DIR OUT_DIR
#   SET_DIR:   the set's folder in the repository (corpus/metadata/blind2, corpus/real-news).
#   PAGES_DIR: a directory holding NAME.html for every NAME in SET_DIR/SOURCES.tsv (the annotator's copy).
#   With FETCH=1, a page missing from PAGES_DIR is taken from its repository at the recorded commit
#   (git clone from github.com into a temporary directory, then git show COMMIT:PATH) and saved into PAGES_DIR.
set -euo pipefail
usage="usage: prepare-pages.sh SET_DIR PAGES_DIR OUT_DIR"
set_dir=${1:?$usage}
pages=${2:?$usage}
out=${3:?$usage}
set_name=$(basename "$set_dir")
mkdir -p "$out/$set_name"
tmp=""
cleanup() { if [ -n "$tmp" ]; then rm -rf "$tmp"; fi; }
trap cleanup EXIT
missing=0
while IFS=$'\t' read -r name repo commit path _; do
  [ "$name" = name ] && continue
  gold="$set_dir/$name.gold.json"
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
  cp "$pages/$name.html" "$out/$set_name/$name.html"
  cp "$gold" "$out/$set_name/"
done < "$set_dir/SOURCES.tsv"
echo "$(ls "$out/$set_name"/*.html 2>/dev/null | wc -l) pages in $out/$set_name ($missing missing)"
