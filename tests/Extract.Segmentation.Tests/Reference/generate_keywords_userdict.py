#!/usr/bin/env python3
"""Generates keywords_userdict.json: Python jieba 0.42.1's TF-IDF keywords and user-dictionary behaviour.

Usage (repository root; Debian's python3-jieba, so the system interpreter):
    /usr/bin/python3 tests/Extract.Segmentation.Tests/Reference/generate_keywords_userdict.py \
        --seeds ../shared/seeds --out tests/Extract.Segmentation.Tests/Reference/keywords_userdict.json
"""
import argparse
import json
import os
import tempfile

import jieba
import jieba.analyse
import jieba.posseg as P

jieba.setLogLevel(60)

EXTRA = ("此外，公司拟对全资子公司吉林欧亚置业有限公司增资4.3亿元，增资后，吉林欧亚置业注册资本由7000万元增加到5亿元。"
         "吉林欧亚置业主要经营范围为房地产开发及百货零售等业务。目前在建吉林欧亚城市商业综合体项目。"
         "2013年，实现营业收入0万元，实现净利润-139.13万元。")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seeds', required=True)
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    texts = [open(os.path.join(args.seeds, f), encoding='utf-8').read()
             for f in sorted(os.listdir(args.seeds)) if f.endswith('.txt')]
    texts.append(EXTRA)
    out = []
    for t in texts:
        out.append({"text": t,
                    "tags": [[w, x] for w, x in jieba.analyse.extract_tags(t, topK=20, withWeight=True)],
                    "tags_pos": [[w, x] for w, x in jieba.analyse.extract_tags(
                        t, topK=10, withWeight=True, allowPOS=('ns', 'n', 'vn', 'v', 'nr'))]})
    t = jieba.Tokenizer()
    res = {}
    s1 = "李小福是创新办主任也是云计算方面的专家"
    res["before"] = list(t.cut(s1))
    t.add_word("创新办", 3, "i")
    t.add_word("云计算", 5)
    res["after_add"] = list(t.cut(s1))
    res["suggest_台中"] = t.suggest_freq("台中")
    s2 = "「台中」正确应该不会被切开"
    res["s2_before"] = list(t.cut(s2, HMM=False))
    t.suggest_freq("台中", True)
    res["s2_after"] = list(t.cut(s2, HMM=False))
    t.del_word("专家")
    res["after_del"] = list(t.cut(s1))
    res["suggest_如果放到post中"] = t.suggest_freq(("中", "将"))
    pt = P.POSTokenizer(t)
    res["pos_after"] = [[p.word, p.flag] for p in pt.cut(s1)]
    t2 = jieba.Tokenizer()
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
        f.write("创新办 3 i\n云计算 5\n凱特琳 nz\n台中\n")
        ud = f.name
    t2.load_userdict(ud)
    os.unlink(ud)
    res["userdict_cut"] = list(t2.cut(
        "李小福是创新办主任也是云计算方面的专家; 什么是八一双鹿\n例如我输入一个带“韩玉赏鉴”的标题，在自定义词库中也增加了此词为N类\n"
        "「台中」正確應該不會被切開。mac上可分出「石墨烯」；此時又可以分出來凱特琳了。"))
    res["userdict_freqs"] = [t2.FREQ.get(w) for w in ["创新办", "云计算", "凱特琳", "台中"]]
    res["userdict_total"] = t2.total
    out.append({"userdict": res})
    with open(args.out, 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
