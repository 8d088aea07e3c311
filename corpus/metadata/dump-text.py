#!/usr/bin/env python3
"""Text dumps of the metadata pages: each page's visible text as a crawler's innerText gives it.

Usage, from the repository root (after prepare.sh):
    corpus/metadata/dump-text.py PAGES_DIR OUT_DIR
PAGES_DIR holds NAME.html + NAME.gold.json (prepare.sh's dev/ or blind/); OUT_DIR receives NAME.txt + the same gold
(so `extract eval --gold OUT_DIR` scores the text path) and text.jsonl ({"id", "text"} per page, the form users feed).

The dump is the whole page's visible text in document order, one line per block, as document.body.innerText renders it:
navigation, headers, footers, link lists and widgets included, not only the article. Elements that do not render
(script, style, noscript, template, head, svg, iframe, hidden or display:none) are left out; <br> and every block
element break the line; table cells on one row are joined by a tab. Standard library only.
"""
import html.parser
import json
import os
import re
import shutil
import sys

BLOCK = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
    "tr", "ul", "caption", "option", "legend",
}
SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "textarea", "title", "map"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


class InnerText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, hides)
        self.hidden = 0
        self.lines = []
        self.current = []

    def _break(self):
        text = re.sub(r"[ \t\r\n\f]+", " ", "".join(self.current)).strip(" ")
        if text.strip():
            self.lines.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "br":
            if not self.hidden:
                self._break()
            return
        if tag in ("td", "th") and not self.hidden and self.current:
            self.current.append("\t")
        if tag in BLOCK and not self.hidden:
            self._break()
        if tag in VOID:
            return
        hides = tag in SKIP or "hidden" in a or HIDDEN_STYLE.search(a.get("style") or "") is not None
        self.stack.append((tag, hides))
        if hides:
            self.hidden += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, hides in self.stack[i:]:
                    if hides:
                        self.hidden -= 1
                del self.stack[i:]
                break
        else:
            return
        if tag in BLOCK and not self.hidden:
            self._break()

    def handle_data(self, data):
        if not self.hidden:
            self.current.append(data)

    def text(self):
        self._break()
        return "\n".join(line.replace("\t ", "\t").strip() for line in self.lines if line.strip())


def decode(raw):
    head = raw[:4096].decode("ascii", "ignore")
    m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", head, re.I)
    candidates = []
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates.append("utf-8-sig")
    if m:
        name = m.group(1).lower()
        candidates.append("gb18030" if name in ("gb2312", "gbk", "gb18030", "x-gbk") else name)
    candidates += ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: dump-text.py PAGES_DIR OUT_DIR")
    pages, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    count = 0
    with open(os.path.join(out, "text.jsonl"), "w", encoding="utf-8") as jsonl:
        for name in sorted(os.listdir(pages)):
            if not name.endswith(".html"):
                continue
            page_id = name[:-len(".html")]
            gold = os.path.join(pages, page_id + ".gold.json")
            if not os.path.exists(gold):
                continue
            with open(os.path.join(pages, name), "rb") as f:
                parser = InnerText()
                parser.feed(decode(f.read()))
                parser.close()
            text = parser.text()
            with open(os.path.join(out, page_id + ".txt"), "w", encoding="utf-8") as f:
                f.write(text + "\n")
            shutil.copy(gold, out)
            jsonl.write(json.dumps({"id": page_id, "text": text}, ensure_ascii=False) + "\n")
            count += 1
    print(f"{count} text dumps in {out}")


if __name__ == "__main__":
    main()
