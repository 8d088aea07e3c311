#!/usr/bin/env bash
# Copies each blind2 page beside its metadata gold record, so `extract eval --gold OUT_DIR/blind2` can score title,
# outlet, publishedAt, authors and editors on the second blind set (see corpus/prepare-pages.sh; FETCH=1 re-fetches).
# Usage, from the repository root: corpus/metadata/prepare-blind2.sh PAGES_DIR OUT_DIR
#   PAGES_DIR: a directory holding NAME.html for every NAME in blind2/SOURCES.tsv (the annotator's copy).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../prepare-pages.sh" "$here/blind2" "${1:?usage: prepare-blind2.sh PAGES_DIR OUT_DIR}" "${2:?usage: prepare-blind2.sh PAGES_DIR OUT_DIR}"
