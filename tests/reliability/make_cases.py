#!/usr/bin/env python3
"""Writes the hostile-input cases of issue #20 into a folder, one sub-folder per numbered case.

Usage: make_cases.py OUT_DIR [--big]   (--big adds the 15 MB page and the six 50 MB JSONL lines)
Every case is generated, never downloaded; the grown page starts from corpus/district-trs-article.
"""
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
        f.write(data)


def grown_page(size):
    """The corpus TRS page with its article paragraphs repeated (numbers varied) until the page is about SIZE bytes."""
    with open(os.path.join(REPO, "corpus", "district-trs-article", "source.html"), encoding="utf-8") as f:
        html = f.read()
    start = html.index('<div class="TRS_Editor">') + len('<div class="TRS_Editor">')
    end = html.index("</div>", start)
    inner = html[start:end]
    parts, total, i = [], len(html.encode("utf-8")), 0
    while total < size:
        chunk = inner.replace("二十余场", f"{i % 97 + 3}场").replace("一千余人次", f"{i * 7 % 1000 + 10}人次")
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
        i += 1
    return (html[:start] + "".join(parts) + html[end:]).encode("utf-8")


def main():
    out = sys.argv[1]
    big = "--big" in sys.argv
    # 1. Lone surrogates in a JSONL line's text and id (escaped, as a crawler's JSON encoder writes them).
    write(f"{out}/01-surrogates/in.jsonl",
          '{"id":"s-text","text":"党员\\ud800志愿者服务群众5人次"}\n'
          '{"id":"s-id-\\udc00","text":"志愿者服务群众6人次"}\n'
          '{"id":"ok","text":"志愿者服务群众7人次"}\n')
    # 2. A line with no punctuation: 112 KB and 224 KB.
    write(f"{out}/02a-nopunct-112k/in.txt", "志愿者服务群众5人次" * 4000)
    write(f"{out}/02b-nopunct-224k/in.txt", "志愿者服务群众5人次" * 8000)
    # 3. UTF-8 text with one stray byte.
    text = ("城南街道组织志愿者走进辖区各小区，开展环境整治、政策宣传和关爱老人等志愿服务活动，服务群众300人次。\n" * 20).encode("utf-8")
    write(f"{out}/03-stray-byte/in.txt", text[:600] + b"\xff" + text[600:])
    # 4. A real page grown to 1, 2 and 4 MB (15 MB with --big); a 258 KB run of one clause.
    for mb in (1, 2, 4) + ((15,) if big else ()):
        write(f"{out}/04-page-{mb:02d}mb/in.html", grown_page(mb * 1024 * 1024))
    write(f"{out}/04e-clause-258k/in.txt", "朝阳区人民政府服务群众5人次，" * 6000)
    # 4f–h. Subject walks over one endless paragraph (found 2026-12-07: each hit the 30 s budget): clauses naming no
    # subject, clauses led by a pronoun, and thousands of short sentences.
    write(f"{out}/04f-clauses-unnamed/in.txt", "服务群众5人次，" * 8000)
    write(f"{out}/04g-clauses-pronoun/in.txt", "他们服务群众5人次，" * 6000)
    write(f"{out}/04h-sentences/in.txt", "服务群众5人次。" * 8000)
    # 5. A million digits; '2022年' 200,000 times.
    write(f"{out}/05a-digits/in.txt", "1234567890" * 100000)
    write(f"{out}/05b-years/in.txt", "2022年" * 200000)
    # 6. A 50 MB JSONL line (over the 16 MiB input cap); six of them with --big.
    line = json.dumps({"id": "huge", "text": "志愿者服务群众5人次。" * (50 * 1024 * 1024 // 30)}, ensure_ascii=False) + "\n"
    write(f"{out}/06-jsonl-50mb/in.jsonl", line * (6 if big else 1) + '{"id":"after","text":"志愿者服务群众8人次。"}\n')
    # 7. A folder with a symlink loop, a path given twice, duplicate ids and numeric ids.
    folder = f"{out}/07-folder/docs"
    write(f"{folder}/a.txt", "城南街道开展志愿服务\n志愿者服务群众9人次。")
    write(f"{folder}/empty.txt", "")
    write(f"{folder}/empty.html", "")
    write(f"{folder}/sub/b.txt", "城南街道开展志愿服务\n志愿者服务群众10人次。")
    write(f"{folder}/ids.jsonl", '{"id":12345,"text":"志愿者服务群众11人次。"}\n{"id":"x","text":"志愿者服务群众12人次。"}\n')
    loop = f"{folder}/sub/loop"
    if not os.path.lexists(loop):
        os.symlink("..", loop)


if __name__ == "__main__":
    main()
