#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Reads HTML files with a real HTML5 parser (html5lib) as a browser would and
# checks what a reader relies on: no parse error, no script, no event handler,
# nothing loaded from outside (every src/href/url() is inline, in-page, a file
# beside the page, or an http(s)/mailto link with rel="noopener noreferrer"),
# a Content-Security-Policy that forbids scripts and remote loads, one charset
# declaration, lang set, one h1 and no gap in the headings.
# Run it with /usr/bin/python3 (html5lib is a Debian package).
import re
import sys

import html5lib

URL_ATTRS = ("src", "srcset", "href", "xlink:href", "action", "formaction", "poster",
             "background", "data", "ping", "manifest", "codebase", "longdesc")
XLINK = "{http://www.w3.org/1999/xlink}href"
SIBLING = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]*)\1\s*\)", re.I)


def local_name(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def check_css(where, css, problems):
    if re.search(r"@import", css, re.I):
        problems.append(f"{where}: @import")
    for m in CSS_URL.finditer(css):
        v = m.group(2).strip().lower()
        if not (v.startswith("data:") or v.startswith("#")):
            problems.append(f"{where}: url({v[:60]}) loads a resource")


def check_csp(root, problems):
    metas = [m for m in root.iter() if local_name(m.tag) == "meta"]
    csp = [m.get("content", "") for m in metas
           if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    if len(csp) != 1:
        problems.append(f"{len(csp)} Content-Security-Policy metas (want 1)")
    else:
        rules = {}
        for part in csp[0].split(";"):
            words = part.split()
            if words:
                rules[words[0].lower()] = [w.lower() for w in words[1:]]
        if rules.get("default-src") != ["'none'"]:
            problems.append(f"CSP default-src is not 'none': {csp[0]!r}")
        if "script-src" in rules or "script-src-elem" in rules:
            problems.append("CSP allows scripts")
        for name, allowed in rules.items():
            for w in allowed:
                if w not in ("'none'", "'unsafe-inline'", "data:", "'self'"):
                    problems.append(f"CSP {name} allows a remote source {w}")
    charsets = [m for m in metas if m.get("charset") is not None or
                (m.get("http-equiv") or "").lower() == "content-type"]
    if len(charsets) != 1:
        problems.append(f"{len(charsets)} charset declarations (want exactly 1)")


def check(path):
    problems = []
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    with open(path, "rb") as f:
        doc = parser.parse(f)
    for pos, code, data in parser.errors:
        problems.append(f"parse error at {pos}: {code} {data}")
    root = doc
    if root.get("lang") not in ("fr", "en"):
        problems.append("html element has no lang fr/en")
    check_csp(root, problems)
    last_level = 0
    h1 = 0
    for el in root.iter():
        tag = local_name(el.tag)
        if tag in ("script", "iframe", "object", "embed", "base", "frame", "applet"):
            problems.append(f"contains <{tag}>")
        if tag == "link":
            problems.append(f"contains <link href={el.get('href')!r}> (styles must be inline)")
        if tag == "style":
            check_css("<style>", el.text or "", problems)
        if re.fullmatch(r"h[1-6]", tag):
            level = int(tag[1])
            h1 += level == 1
            if level > last_level + 1:
                problems.append(f"heading <{tag}> follows h{last_level}: a level is skipped")
            last_level = level
        for name in list(el.keys()):
            lname = name.lower()
            if local_name(lname).startswith("on"):
                problems.append(f"<{tag}> has an event handler {name}")
            if lname == "style":
                check_css(f"<{tag} style>", el.get(name), problems)
            if lname not in URL_ATTRS and name != XLINK:
                continue
            v = (el.get(name) or "").strip()
            lv = v.lower()
            if lv.startswith("#") or lv.startswith("data:") and lname != "href":
                continue
            if tag == "a" and lname == "href":
                if SIBLING.match(v):
                    continue
                if lv.startswith(("http://", "https://", "mailto:")):
                    rel = set((el.get("rel") or "").split())
                    if not {"noopener", "noreferrer"} <= rel:
                        problems.append(f"<a href={v[:60]!r}> lacks rel=\"noopener noreferrer\"")
                    continue
            problems.append(f"<{tag} {name}={v[:60]!r}> is not allowed")
    if h1 != 1:
        problems.append(f"{h1} h1 elements (want 1)")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: check-html.py FILE.html...", file=sys.stderr)
        sys.exit(2)
    sys.exit(max(check(p) for p in sys.argv[1:]))
