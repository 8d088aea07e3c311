#!/usr/bin/env python3
"""Writes verb-readings.tsv: words whose Jieba dictionary tag gives the wrong word class to the action rules.

Usage (from the repository root): python3 models/lexicons/tools/verb-readings.py \
    ../shared/data/jieba/python-jieba/dict.txt.gz ../shared/data/peoples-daily-1998/199801.txt.gz > models/lexicons/verb-readings.tsv

A word of two or more characters with at least 5 tokens in People's Daily January 1998 (PKU tags) is listed
 - as a verb (v) when Jieba tags it as a common noun, name-like noun (nr, nz), idiom/abbreviation (l, j, i), adjective,
   distinguishing word (b) or verbal noun (vn), and at least 60 % of its newswire tokens are verbs (v, vd, not vn);
 - as a noun (n) when Jieba tags it as a verb (not vn) and at least 70 % of its newswire tokens are nouns (n*).
Place and organisation tags (ns, nt) are never read as verbs: they are too often a name's part (建国).
"""
import collections, gzip, re, sys

jieba = {}
for line in gzip.open(sys.argv[1], 'rt', encoding='utf-8'):
    parts = line.split()
    if len(parts) >= 3:
        jieba[parts[0]] = parts[2]
counts = collections.defaultdict(collections.Counter)
for line in gzip.open(sys.argv[2], 'rt', encoding='utf-8'):
    for token in line.split()[1:]:
        token = re.sub(r'\][a-z]+$', '', token.lstrip('['))
        if '/' in token:
            word, tag = token.rsplit('/', 1)
            counts[word][tag] += 1

def verb(tag): return tag.startswith('v') and tag != 'vn'
PROMOTE = set('n nr nz nrt nrfg l j i a an ad vn b z ng'.split())
rows = []
for word, c in counts.items():
    if len(word) < 2 or word not in jieba:
        continue
    total = sum(c.values())
    if total < 5:
        continue
    tag = jieba[word]
    verbs = sum(k for t, k in c.items() if verb(t))
    nouns = sum(k for t, k in c.items() if t.startswith('n'))
    if tag in PROMOTE and verbs / total >= 0.6:
        rows.append((word, 'v', tag, verbs, total))
    elif verb(tag) and nouns / total >= 0.7:
        rows.append((word, 'n', tag, nouns, total))
rows.sort(key=lambda r: (r[1], -r[4], r[0]))
print("# word\treading (v: a verb, n: a noun)\tJieba dictionary tag\tPeople's Daily 1998 tokens read so\tPeople's Daily 1998 tokens")
print("# Written by models/lexicons/tools/verb-readings.py; see PROVENANCE.md (verb-readings.tsv).")
for r in rows:
    print('\t'.join(map(str, r)))
