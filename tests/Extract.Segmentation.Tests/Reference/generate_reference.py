#!/usr/bin/env python3
"""Generates the Python jieba 0.42.1 reference outputs the segmentation tests compare against.

Usage (from the repository root, with `apt-get install python3-jieba`; use the system interpreter
/usr/bin/python3, where Debian installs jieba, not a pyenv one):
    /usr/bin/python3 tests/Extract.Segmentation.Tests/Reference/generate_reference.py \
        --shared ../shared --out tests/Extract.Segmentation.Tests/Reference/reference.jsonl.gz

Input lines (deterministic samples): SIGHAN 2005 PKU and MSR test texts, People's Daily 1998-01 (words joined,
tags dropped), MSRA NER test text, CLUENER dev texts, the seed articles, and hand-written lines mixing Latin,
digits, full-width forms, punctuation, whitespace and characters outside the BMP, and 2,000 random strings over
Han characters, Latin, digits, full-width forms, punctuation, whitespace, emoji, Greek/Cyrillic, Arabic digits and
format characters.
Each output line is a JSON object: text, and per mode the token list (default, nohmm, search, full, pos,
pos_nohmm; POS tokens are [word, tag]). A mode whose Python call raised holds {"error": "..."}.
"""
import argparse
import gzip
import json
import os
import random
import re
import sys

import jieba
import jieba.posseg as pseg

jieba.setLogLevel(60)


def sample(lines, count, seed):
    lines = [l for l in lines if l.strip()]
    if len(lines) <= count:
        return lines
    rnd = random.Random(seed)
    idx = sorted(rnd.sample(range(len(lines)), count))
    return [lines[i] for i in idx]


def read_lines(path):
    with open(path, encoding='utf-8') as f:
        return [l.rstrip('\n') for l in f]


def peoples_daily(path):
    out = []
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        for line in f:
            toks = line.split()[1:]
            words = []
            for t in toks:
                t = re.sub(r'^\[', '', t)
                t = re.sub(r'\][a-z]+$', '', t)
                t = re.sub(r'/[A-Za-z]+$', '', t)
                words.append(t)
            out.append(''.join(words))
    return out


HANDWRITTEN = [
    "Hello World! iPhone 12 的价格是5999.00元，折扣10%。",
    "我在 GitHub 上 fork 了 jieba-rs 和 C++ 版本的 cppjieba，速度提升 3.5 倍。",
    "ＡＢＣ公司２０２４年营收１２３.４５亿元，同比增长１５％！",
    "联系电话：010-12345678，邮箱 test_user@example.com，网址 https://www.example.org/a?b=1&c=2",
    "他说：“今天天气不错。”\t然后走了。\u3000\u3000第二段开始。",
    "第一行\r\n第二行\r第三行\n第四行",
    "  前后有空格  ",
    "\u00a0不间断空格\u2003全角空格\u200b零宽空格",
    "表情符号😀😁🎉和𠮷野家的𩸽鱼",
    "C#、F#和.NET 8.0 都支持 async/await；Python 3.12 也有 asyncio。",
    "AT&T 与 T-Mobile 合并案，涉及 5G 频谱 2.5GHz。",
    "价格：$19.99 / €17.50 / ￥128.00 / £15",
    "温度为-5.5℃至+3℃，湿度65%~80%。",
    "《红楼梦》（又名《石头记》）是中国古典四大名著之一。",
    "COVID-19疫情期间，WHO发布了第3版指南……",
    "1998年1月1日，国家主席江泽民发表新年讲话。",
    "ａｂｃ　ＤＥＦ　１２３　！＂＃＄％＆",
    "abc123def 456.789 0.5% 12.3.4 v1.2.3-beta+build.5",
    "___...---+++###&&&%%%",
    "北京大学生前来应聘",
    "结婚的和尚未结婚的",
    "南京市长江大桥",
    "我们中出了一个叛徒",
    "吉林省长春市长春药店",
    "李小福是创新办主任也是云计算方面的专家",
    "工信处女干事每月经过下属科室都要亲口交代24口交换机等技术性器件的安装工作",
    "永和服装饰品有限公司",
    "乒乓球拍卖完了",
    "一九九八年十二月三十一日，二○○一年，三千五百万元",
    "Ｗｉｎｄｏｗｓ１０操作系统和ｍａｃＯＳ",
    "x",
    "。",
    " ",
    "\t\t",
    "a b c d e",
    "中文English混合Mixed文本Text测试",
    "台湾的「繁體字」與『簡體字』對照",
    "ＯＫ，ｌｅｔ'ｓ ｇｏ！",
    "Ⅲ型、Ⅳ级、①②③、⑴⑵",
    "数学公式：a²+b²=c²，∑x≥0，α、β、γ。",
    "日本語のテキストとカタカナ、한국어 텍스트",
    "——破折号——和……省略号……",
    "e-mail: foo.bar@baz.cn; tel: +86 (21) 5555-0000 ext.12",
    "2024-01-15T08:30:00Z 发布；版本号 3.0.0-rc1",
    "上海浦东新区张江高科技园区888号",
    "中华人民共和国国务院总理李克强主持召开国务院常务会议",
    "CEO、CTO、CFO等C级高管",
    "100%纯棉，含税价¥99.9元/件",
    "\x1c\x1d\x1e\x1f控制字符",
    "word\u2028separator\u2029paragraph",
]


def mixed_lines(rnd, count):
    parts = ["中国", "北京", "清华大学", "研究", "iPhone", "GPU", "3.14", "１２３", "ＡＢＣ", "，", "。", " ", "　",
             "\t", "-", "_", "%", "#", "+", "&", ".", "2024年", "的", "了", "和", "😀", "𠮷", "、", "！", "?",
             "abc", "X1", "（", "）", "【", "】", "“", "”", "人工智能", "深度学习", "模型", "r2d2", "C++",
             "\r\n", "\u00a0", "吗", "呢", "张三", "李四", "有限公司", "股份", "上市", "亿元", "%", "5%"]
    out = []
    for _ in range(count):
        out.append(''.join(rnd.choice(parts) for _ in range(rnd.randint(1, 14))))
    return out


RANDOM_POOLS = [
    None,  # replaced by a sample of common Han characters from the texts
    "abcXYZ019", "０１２３ＡＢＣａｂｃ", "，。！？；：“”‘’（）《》【】—…·、", " \t\u3000\u00a0\r\n", ".%-+#&_@/\\$",
    "😀🎉𠮷𩸽", "αβγДЖЯ", "١٢٣", "ⅠⅡⅢ①②", "\u0301\u200b\u2028\x1c",
]


def random_lines(rnd, texts, count):
    han = sorted({c for t in texts for c in t if '\u4e00' <= c <= '\u9fd5'})
    pools = [''.join(han)] + RANDOM_POOLS[1:]
    out = []
    for _ in range(count):
        n = rnd.randint(1, 40)
        out.append(''.join(rnd.choice(rnd.choice(pools)) for _ in range(n)))
    return out


def run_mode(fn):
    try:
        return fn()
    except Exception as ex:  # noqa: BLE001 - recorded for the tests
        return {"error": type(ex).__name__ + ": " + str(ex)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', required=True)
    ap.add_argument('--out', required=True)
    args = ap.parse_args()
    d = os.path.join(args.shared, 'data')
    rnd = random.Random(20251125)
    texts = []
    texts += sample(read_lines(os.path.join(d, 'sighan2005/testing/pku_test.utf8')), 700, 1)
    texts += sample(read_lines(os.path.join(d, 'sighan2005/testing/msr_test.utf8')), 700, 2)
    texts += sample(peoples_daily(os.path.join(d, 'peoples-daily-1998/199801.txt.gz')), 700, 3)
    texts += sample(read_lines(os.path.join(d, 'msra-ner/original/test1.txt')), 500, 4)
    with open(os.path.join(d, 'cluener2020/dev.json'), encoding='utf-8') as f:
        texts += sample([json.loads(l)['text'] for l in f if l.strip()], 300, 5)
    seeds = os.path.join(args.shared, 'seeds')
    for name in sorted(os.listdir(seeds)):
        if name.endswith('.txt'):
            texts += [l for l in read_lines(os.path.join(seeds, name)) if l.strip()]
    texts += HANDWRITTEN
    texts += mixed_lines(rnd, 300)
    texts += random_lines(random.Random(99), texts, 2000)

    with gzip.open(args.out, 'wt', encoding='utf-8', compresslevel=9) as out:
        for t in texts:
            rec = {
                "text": t,
                "default": run_mode(lambda: list(jieba.cut(t))),
                "nohmm": run_mode(lambda: list(jieba.cut(t, HMM=False))),
                "search": run_mode(lambda: list(jieba.cut_for_search(t))),
                "full": run_mode(lambda: list(jieba.cut(t, cut_all=True))),
                "pos": run_mode(lambda: [[p.word, p.flag] for p in pseg.cut(t)]),
                "pos_nohmm": run_mode(lambda: [[p.word, p.flag] for p in pseg.cut(t, HMM=False)]),
            }
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print(f"{len(texts)} lines -> {args.out}", file=sys.stderr)


if __name__ == '__main__':
    main()
