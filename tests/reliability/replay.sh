#!/usr/bin/env bash
# Real-text replay (issue #20): feeds every sentence or paragraph of the public NER and news corpora through the CLI as one
# {"id","text"} document each and prints, per corpus, the documents, the error records by kind, the docs/s and the
# distinct error messages. Hostile cases (run.sh) test the bounds; this finds the defects that ordinary text trips over
# (an internal error is one whole document lost). On 2026-12-07 it found two: 陆一个 read as 61 and 以上十万 read as 上十万.
#
#   tests/reliability/replay.sh DATA_DIR [--cli PATH/Extract.Cli.dll]
#
# DATA_DIR is the shared data folder (../shared/data): msra-ner/original/{testright1.txt,train1.txt.gz},
# peoples-daily-1998/199801.txt.gz and cluener2020/{train,dev}.json are read when present. The texts are research-only
# and are never copied into the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${1:?usage: $0 DATA_DIR [--cli DLL]}"
shift
cli=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli="$2"; shift ;;
    *) echo "usage: $0 DATA_DIR [--cli DLL]" >&2; exit 2 ;;
  esac
  shift
done
. "$here/cli.sh"
cli="$(reliability_cli "$cli" extract-replay-cli)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$data" "$work" <<'EOF'
import gzip, json, os, sys
data, work = sys.argv[1], sys.argv[2]

def tagged(line):  # MSRA and People's Daily: word/tag tokens; People's Daily lines open with a sentence id
    tokens = line.split()
    if tokens and tokens[0][:8].isdigit() and '-' in tokens[0]:
        tokens = tokens[1:]
    return ''.join(t.rpartition('/')[0].lstrip('[') or t for t in tokens)

def lines(path):
    return gzip.open(path, 'rt', encoding='utf-8', errors='replace') if path.endswith('.gz') else open(path, encoding='utf-8', errors='replace')

sources = {
    'msra-test': ('msra-ner/original/testright1.txt', tagged),
    'msra-train': ('msra-ner/original/train1.txt.gz', tagged),
    'peoples-daily-199801': ('peoples-daily-1998/199801.txt.gz', tagged),
    'cluener-train': ('cluener2020/train.json', lambda l: json.loads(l)['text']),
    'cluener-dev': ('cluener2020/dev.json', lambda l: json.loads(l)['text']),
}
for name, (rel, read) in sources.items():
    path = os.path.join(data, rel)
    if not os.path.exists(path):
        print(f'{name}: {path} not found, skipped', file=sys.stderr)
        continue
    n = 0
    with open(os.path.join(work, name + '.jsonl'), 'w', encoding='utf-8') as out:
        for line in lines(path):
            text = read(line) if line.strip() else ''
            if text:
                out.write(json.dumps({'id': f'{name}-{n}', 'text': text}, ensure_ascii=False) + '\n')
                n += 1
EOF

printf '%-22s %9s %8s %8s  %s\n' corpus documents errors docs/s "error kinds"
for input in "$work"/*.jsonl; do
  name="$(basename "$input" .jsonl)"
  set +e
  dotnet "$cli" "$input" --quiet >"$work/$name.out" 2>"$work/$name.err"
  set -e
  documents=$(wc -l <"$input")
  rate=$(grep -o '[0-9.]* docs/s' "$work/$name.err" | tail -1 | cut -d' ' -f1)
  # Error records are one line each: {"id":…,"error":…,"kind":…,"stage":…}; articles never carry an "error" key.
  grep '^{"id":[^,]*,"error":' "$work/$name.out" >"$work/$name.errors" || true
  kinds=$(grep -o '"kind":"[a-z-]*"' "$work/$name.errors" | sort | uniq -c | awk '{printf "%s%s", sep, $0; sep=", "}' || true)
  printf '%-22s %9d %8d %8s  %s\n' "$name" "$documents" "$(wc -l <"$work/$name.errors")" "${rate:-?}" "${kinds:-none}"
  { grep -o '"error":"[^"]*"' "$work/$name.errors" || true; } | sort | uniq -c | sort -rn | head -5 | sed 's/^/    /'
done
