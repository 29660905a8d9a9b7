#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Reads an HTML file with a real HTML5 parser (html5lib) as a browser would and
# checks what a reader relies on: no parse error, no script, no external
# resource, links only http/https/mailto or in-page, lang set, one h1.
import sys
import html5lib

def main(path):
    problems = []
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    with open(path, "rb") as f:
        doc = parser.parse(f)
    for pos, code, data in parser.errors:
        problems.append(f"parse error at {pos}: {code} {data}")
    root = doc
    if root.get("lang") not in ("fr", "en"):
        problems.append("html element has no lang fr/en")
    if root.findall(".//script"):
        problems.append("contains <script>")
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        for attr in ("src", "href", "xlink:href", "{http://www.w3.org/1999/xlink}href"):
            v = el.get(attr)
            if v is None:
                continue
            v = v.strip().lower()
            if attr == "href" and tag == "a" and (v.startswith(("http://", "https://", "mailto:", "#")) or not ":" in v.split("/")[0]):
                continue
            problems.append(f"<{tag} {attr}={v[:60]!r}> is not allowed")
        for name in el.keys():
            if name.lower().startswith("on"):
                problems.append(f"<{tag}> has an event handler {name}")
    if len(root.findall(".//h1")) != 1 and "index" not in path:
        problems.append("not exactly one h1")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(max(main(p) for p in sys.argv[1:]))
