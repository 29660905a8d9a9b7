#!/usr/bin/python3
# SPDX-License-Identifier: MIT
# Reads HTML files with a real HTML5 parser (html5lib) as a browser would and
# checks what a reader relies on: no parse error, no script, no event handler,
# nothing loaded from outside (every src/href/url() is inline, in-page, a file
# beside the page, or an http(s)/mailto link with rel="noopener noreferrer"),
# a Content-Security-Policy that forbids scripts and remote loads, one charset
# declaration, lang set, one h1 and no gap in the headings.
# With --same-as-pdf TEXT.txt FILE.html it checks instead that the brief's PDF
# (its pdftotext output) shows what the page shows, in the same order: the
# section headings, the table column labels, every key point, each figure's
# formatted value, theme, actor and source title.
# With --hostile FILE.html... it checks pages built from articles holding
# markup: no element of the articles' markup is an element of the page, no
# attribute of any element holds a javascript: URL (as a browser reads it:
# whitespace and controls inside the scheme ignored), and with
# --shows TEXT that the page's text (what a reader sees) contains TEXT.
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


def squeeze(text):
    """Text as both formats must agree on it: no spaces of any width (the PDF
    breaks lines and sets narrow spaces), no hyphens (the PDF hyphenates),
    no citation markers (the PDF may set them inside a wrapped cell), one
    apostrophe and ellipsis."""
    text = re.sub(r"\[\d+(?:,\s*\d+)*\]", "", text)
    text = text.replace("\u2019", "'").replace("\u00ad", "").replace("-", "").replace("\u2011", "")
    return re.sub(r"\s+", "", text)


def text_of(el):
    return "".join(el.itertext())


def same_as_pdf(pdf_text_path, html_path):
    problems = []
    with open(pdf_text_path, encoding="utf-8") as f:
        pdf = squeeze(f.read())
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    with open(html_path, "rb") as f:
        root = parser.parse(f)
    main = next(el for el in root.iter() if local_name(el.tag) == "main")

    def section(sid):
        return next((el for el in main.iter() if el.get("id") == sid), None)

    def in_order(what, items, start=0):
        """Each item found after the one before it; returns the end position."""
        pos = start
        for item in items:
            key = squeeze(item)
            if not key:
                continue
            at = pdf.find(key, pos)
            if at < 0:
                where = "anywhere" if pdf.find(key) < 0 else "in the same order"
                problems.append(f"{what} {item[:70]!r} not in the PDF {where}")
                continue
            pos = at + len(key)
        return pos

    # Headings: the PDF repeats none of them before its own section, so the
    # last occurrence of each must come in the page's order.
    heads = [text_of(h) for h in main.iter() if local_name(h.tag) == "h2"]
    last = -1
    for h in heads:
        at = pdf.rfind(squeeze(h))
        if at < 0:
            problems.append(f"section {h!r} not in the PDF")
        elif at < last:
            problems.append(f"section {h!r} comes earlier in the PDF")
        last = max(last, at)
    start = {h: max(pdf.rfind(squeeze(h)), 0) for h in heads}

    def heading(sid):
        sec = section(sid)
        h = next((x for x in sec.iter() if local_name(x.tag) == "h2"), None) if sec is not None else None
        return start.get(text_of(h), 0) if h is not None else 0

    kp = section("key-points")
    if kp is not None:
        items = []
        for li in kp.iter("li"):
            items.append("".join([li.text or ""] + [c.tail or "" for c in li]))
        in_order("key point", items, heading("key-points"))
    fig = section("key-figures")
    if fig is not None:
        cols = [text_of(th) for th in fig.iter("th") if th.get("scope") == "col"]
        in_order("figure column", cols, heading("key-figures"))
        values = [(td.text or "") for td in fig.iter("td") if td.get("class") == "value"]
        in_order("figure value", values, heading("key-figures"))
    th = section("themes")
    if th is not None:
        names = [text_of(s) for s in th.iter("span") if s.get("class") == "theme-name"]
        counts = [text_of(s) for s in th.iter("span") if s.get("class") == "theme-count"]
        in_order("theme", [x for pair in zip(names, counts) for x in pair] or names, heading("themes"))
    ev = section("events")
    if ev is not None:
        types = [text_of(s) for s in ev.iter("span") if s.get("class") == "event-type"]
        in_order("event type", types, heading("events"))
    ac = section("actors")
    if ac is not None:
        names = [text_of(t) for t in ac.iter("th") if t.get("scope") == "row"]
        in_order("actor", names, heading("actors"))
    so = section("sources")
    if so is not None:
        titles = [text_of(c) for c in so.iter("cite")]
        in_order("source", titles, heading("sources"))
    for p in problems:
        print(f"{html_path} vs {pdf_text_path}: {p}")
    return 1 if problems else 0


ARTICLE_MARKUP = ("script", "img", "iframe", "b", "i", "object", "embed", "form", "input")
SCHEME_NOISE = re.compile(r"[\x00-\x20\x7f]+")


def hostile(paths, shows):
    status = 0
    for path in paths:
        problems = []
        parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
        with open(path, "rb") as f:
            root = parser.parse(f)
        body = next((el for el in root.iter() if local_name(el.tag) == "body"), None)
        for el in root.iter():
            tag = local_name(el.tag)
            if tag in ARTICLE_MARKUP:
                problems.append(f"<{tag}> element: article markup kept as markup")
            if tag == "style" and body is not None and el in body.iter():
                problems.append("<style> in the body: article markup kept as markup")
            for name, v in el.items():
                if SCHEME_NOISE.sub("", v or "").lower().startswith(("javascript:", "vbscript:")):
                    problems.append(f"<{tag} {name}={v[:60]!r}>: a script URL")
        text = "".join(body.itertext()) if body is not None else ""
        for want in shows:
            if want not in text:
                problems.append(f"the article text {want!r} is not shown as text")
        for p in problems:
            print(f"{path}: {p}")
        status |= 1 if problems else 0
    return status


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--hostile":
        args, shows = sys.argv[2:], []
        while len(args) >= 2 and args[0] == "--shows":
            shows.append(args[1])
            args = args[2:]
        sys.exit(hostile(args, shows))
    if len(sys.argv) == 4 and sys.argv[1] == "--same-as-pdf":
        sys.exit(same_as_pdf(sys.argv[2], sys.argv[3]))
    if len(sys.argv) < 2:
        print("usage: check-html.py FILE.html...", file=sys.stderr)
        sys.exit(2)
    sys.exit(max(check(p) for p in sys.argv[1:]))
