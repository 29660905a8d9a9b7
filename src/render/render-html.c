/* SPDX-License-Identifier: MIT
 * The HTML brief: templates/html/brief.html parsed with libxml2's HTML parser,
 * its data-slot elements filled with nodes built through the tree API (text
 * only through text nodes, so it is always escaped), charts inlined as SVG
 * elements from the chart layout, brief.css inlined, and the page serialized
 * by the HTML serializer. Also the template machinery the index page shares. */
#include "render-private.h"
#include "common/cleanup.h"
#include <dossier/chart.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlsave.h>
#include <math.h>
#include <string.h>

/* Scripts are forbidden and nothing may be loaded: styles and images only
 * from the page itself. dossier sets this whatever the template says. */
static const char csp_policy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'";

/* Elements that run code, embed another document or change where links go:
 * never kept from a template. */
static const char *const banned_elements[] = {
    "script", "noscript", "iframe", "frame",  "frameset", "object", "embed",
    "applet", "base",     "link",   "portal", "template", NULL,
};

static const char *const media_elements[] = {
    "img", "video", "audio", "source", "track", NULL,
};

/* Attributes whose value the browser fetches or navigates to. */
static const char *const url_attributes[] = {
    "href", "src",      "srcset",   "action",   "formaction", "poster", "background", "data",
    "ping", "manifest", "codebase", "longdesc", "lowsrc",     "dynsrc", "xlink:href", NULL,
};

static gboolean
in_list(const char *const *list, const char *name)
{
    for (guint i = 0; list[i]; i++)
        if (g_ascii_strcasecmp(list[i], name) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
is_element(xmlNodePtr node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE &&
           g_ascii_strcasecmp((const char *)node->name, name) == 0;
}

static char *
get_attr(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, BAD_CAST name);
    char *copy = g_strdup((const char *)v);
    xmlFree(v);
    return copy;
}

static void
remove_node(xmlNodePtr node)
{
    xmlUnlinkNode(node);
    xmlFreeNode(node);
}

static void
clear_children(xmlNodePtr node)
{
    while (node->children)
        remove_node(node->children);
}

void
dsr__html_page_free(DsrHtmlPage *page)
{
    if (!page)
        return;
    if (page->doc)
        xmlFreeDoc(page->doc);
    g_free(page->path);
    g_clear_pointer(&page->slots, g_ptr_array_unref);
    g_clear_pointer(&page->by_name, g_hash_table_unref);
    g_free(page);
}

gboolean
dsr__html_is_sibling_file(const char *name)
{
    if (!name || !g_ascii_isalnum(name[0]))
        return FALSE;
    for (const char *p = name; *p; p++)
        if (!g_ascii_isalnum(*p) && *p != '.' && *p != '-' && *p != '_')
            return FALSE;
    return strstr(name, "..") == NULL;
}

/* A link a template may keep: in-page, a sibling file, or http(s)/mailto. */
static gboolean
template_link_ok(const char *v)
{
    return v[0] == '#' || dsr__html_is_sibling_file(v) || dsr__url_is_safe(v, TRUE);
}

static void
sanitize_attributes(xmlNodePtr node)
{
    xmlAttrPtr next;
    for (xmlAttrPtr a = node->properties; a; a = next) {
        next = a->next;
        const char *name = (const char *)a->name;
        if (g_ascii_strncasecmp(name, "on", 2) == 0) {
            xmlRemoveProp(a);
            continue;
        }
        if (!in_list(url_attributes, name) && g_ascii_strcasecmp(name, "style") != 0)
            continue;
        g_autofree char *v = get_attr(node, name);
        g_autofree char *lower = g_ascii_strdown(v ? v : "", -1);
        gboolean keep;
        if (g_ascii_strcasecmp(name, "style") == 0)
            keep = strstr(lower, "url(") == NULL && strstr(lower, "expression(") == NULL;
        else if (g_ascii_strcasecmp(name, "href") == 0 &&
                 (is_element(node, "a") || is_element(node, "area")))
            keep = template_link_ok(g_strstrip(lower));
        else
            keep = lower[0] == '#' || g_str_has_prefix(g_strstrip(lower), "data:");
        if (!keep)
            xmlRemoveProp(a);
    }
}

/* Drops what could run or load from the template, keeping everything else. */
static void
sanitize_tree(xmlNodePtr parent)
{
    xmlNodePtr next;
    for (xmlNodePtr n = parent->children; n; n = next) {
        next = n->next;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (in_list(banned_elements, (const char *)n->name)) {
            remove_node(n);
            continue;
        }
        if (is_element(n, "meta")) {
            g_autofree char *equiv = get_attr(n, "http-equiv");
            g_autofree char *charset = get_attr(n, "charset");
            /* The charset and CSP metas are rewritten below; refresh navigates. */
            if (charset || (equiv && (g_ascii_strcasecmp(equiv, "content-type") == 0 ||
                                      g_ascii_strcasecmp(equiv, "refresh") == 0 ||
                                      g_ascii_strcasecmp(equiv, "content-security-policy") == 0 ||
                                      g_ascii_strcasecmp(equiv, "set-cookie") == 0))) {
                remove_node(n);
                continue;
            }
        }
        sanitize_attributes(n);
        if (in_list(media_elements, (const char *)n->name) && !xmlHasProp(n, BAD_CAST "src") &&
            !xmlHasProp(n, BAD_CAST "srcset")) {
            remove_node(n); /* an image whose remote source was dropped */
            continue;
        }
        sanitize_tree(n);
    }
}

static xmlNodePtr
find_slot(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        g_autofree char *slot = get_attr(n, "data-slot");
        if (g_strcmp0(slot, name) == 0)
            return n;
        xmlNodePtr found = find_slot(n, name);
        if (found)
            return found;
    }
    return NULL;
}

static xmlNodePtr
find_element(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (is_element(n, name))
            return n;
    return NULL;
}

/* brief.css may not pull anything in: no @import, url() only to data: or #. */
static gboolean
check_css(const char *css, const char *path, GError **error)
{
    g_autofree char *lower = g_ascii_strdown(css, -1);
    if (strstr(lower, "@import")) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                    "%s: @import would load a resource: inline the rules instead", path);
        return FALSE;
    }
    if (strstr(lower, "</style")) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: contains \"</style\"", path);
        return FALSE;
    }
    for (const char *p = strstr(lower, "url("); p; p = strstr(p + 4, "url(")) {
        const char *v = p + 4;
        while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '"' || *v == '\'')
            v++;
        if (!g_str_has_prefix(v, "data:") && *v != '#') {
            int line = 1;
            for (const char *q = lower; q < p; q++)
                line += *q == '\n';
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                        "%s:%d: url() would load a resource: only data: URLs may be used", path,
                        line);
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean
inline_css(const DsrRenderContext *ctx, xmlDocPtr doc, xmlNodePtr head, GError **error)
{
    g_autofree char *path = g_build_filename(ctx->templates_dir, "html", "brief.css", NULL);
    g_autofree char *css = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    if (!g_file_get_contents(path, &css, &len, &local)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s", local->message);
        return FALSE;
    }
    if (!g_utf8_validate(css, (gssize)len, NULL) || memchr(css, 0, len)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: not UTF-8 text", path);
        return FALSE;
    }
    if (!check_css(css, path, error))
        return FALSE;
    xmlNodePtr style = xmlNewDocNode(doc, NULL, BAD_CAST "style", NULL);
    /* The HTML serializer writes the text of <style> raw, as CSS needs ("a > b"). */
    xmlAddChild(style, xmlNewDocTextLen(doc, BAD_CAST css, (int)len));
    xmlNodePtr slot = find_slot(xmlDocGetRootElement(doc), "style");
    if (slot) {
        xmlReplaceNode(slot, style);
        xmlFreeNode(slot);
    } else {
        xmlAddChild(head, style);
    }
    return TRUE;
}

static void
collect_slots(DsrHtmlPage *page, xmlNodePtr parent, GError **error)
{
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        g_autofree char *slot = get_attr(n, "data-slot");
        if (slot && error && !*error) {
            if (g_hash_table_contains(page->by_name, slot))
                g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: slot \"%s\" appears twice",
                            page->path, slot);
            g_ptr_array_add(page->slots, n);
            g_hash_table_insert(page->by_name, g_strdup(slot), n);
        }
        collect_slots(page, n, error);
    }
}

DsrHtmlPage *
dsr__html_page_load(const DsrRenderContext *ctx, const char *name, const char *lang,
                    const char *const *required, GError **error)
{
    g_autoptr(DsrHtmlPage) page = g_new0(DsrHtmlPage, 1);
    page->path = g_build_filename(ctx->templates_dir, "html", name, NULL);
    page->slots = g_ptr_array_new();
    page->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    if (!g_file_get_contents(page->path, &text, &len, &local)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s", local->message);
        return NULL;
    }
    if (len > G_MAXINT || !g_utf8_validate(text, (gssize)len, NULL)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: not UTF-8 text", page->path);
        return NULL;
    }
    page->doc = htmlReadMemory(text, (int)len, page->path, "UTF-8",
                               HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    xmlNodePtr root = page->doc ? xmlDocGetRootElement(page->doc) : NULL;
    if (!is_element(root, "html")) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: not an HTML page", page->path);
        return NULL;
    }
    xmlNodePtr head = find_element(root, "head");
    if (!head) {
        head = xmlNewDocNode(page->doc, NULL, BAD_CAST "head", NULL);
        if (root->children)
            xmlAddPrevSibling(root->children, head);
        else
            xmlAddChild(root, head);
    }
    if (!inline_css(ctx, page->doc, head, error))
        return NULL;
    sanitize_tree(root);

    /* One charset meta, in the form libxml2 recognises and updates (it would
     * add a second one next to <meta charset>), then the policy. */
    xmlNodePtr charset = xmlNewDocNode(page->doc, NULL, BAD_CAST "meta", NULL);
    xmlNewProp(charset, BAD_CAST "http-equiv", BAD_CAST "Content-Type");
    xmlNewProp(charset, BAD_CAST "content", BAD_CAST "text/html; charset=utf-8");
    xmlNodePtr policy = xmlNewDocNode(page->doc, NULL, BAD_CAST "meta", NULL);
    xmlNewProp(policy, BAD_CAST "http-equiv", BAD_CAST "Content-Security-Policy");
    xmlNewProp(policy, BAD_CAST "content", BAD_CAST csp_policy);
    if (head->children)
        xmlAddPrevSibling(head->children, charset);
    else
        xmlAddChild(head, charset);
    xmlAddNextSibling(charset, policy);
    xmlSetProp(root, BAD_CAST "lang", BAD_CAST lang);

    collect_slots(page, root, error);
    if (error && *error)
        return NULL;
    for (guint i = 0; required && required[i]; i++)
        if (!g_hash_table_contains(page->by_name, required[i])) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                        "%s: no element with data-slot=\"%s\"", page->path, required[i]);
            return NULL;
        }
    return g_steal_pointer(&page);
}

xmlNodePtr
dsr__html_slot(DsrHtmlPage *page, const char *name)
{
    xmlNodePtr node = g_hash_table_lookup(page->by_name, name);
    if (node)
        clear_children(node);
    return node;
}

void
dsr__html_slot_remove(DsrHtmlPage *page, const char *name)
{
    xmlNodePtr node = g_hash_table_lookup(page->by_name, name);
    if (!node)
        return;
    /* A slot inside another slot goes with it. */
    for (guint i = page->slots->len; i-- > 0;) {
        xmlNodePtr s = g_ptr_array_index(page->slots, i);
        for (xmlNodePtr up = s; up; up = up->parent)
            if (up == node) {
                g_ptr_array_remove_index(page->slots, i);
                break;
            }
    }
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, page->by_name);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        gboolean inside = FALSE;
        for (xmlNodePtr up = value; up && !inside; up = up->parent)
            inside = up == node;
        if (inside)
            g_hash_table_iter_remove(&it);
    }
    remove_node(node);
}

gboolean
dsr__html_page_finish(DsrHtmlPage *page, GByteArray *out, GError **error)
{
    for (guint i = 0; i < page->slots->len; i++)
        xmlUnsetProp(g_ptr_array_index(page->slots, i), BAD_CAST "data-slot");
    xmlBufferPtr buf = xmlBufferCreate();
    /* The HTML serializer keeps UTF-8 raw (this one, not htmlDocDumpMemory,
     * which writes entities) and writes void elements and <style> as HTML5
     * expects; the XML serializers would write <div/> and escape CSS. */
    xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_AS_HTML | XML_SAVE_FORMAT);
    gboolean ok = save && xmlSaveDoc(save, page->doc) >= 0;
    if (save && xmlSaveClose(save) < 0)
        ok = FALSE;
    if (!ok) {
        xmlBufferFree(buf);
        g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "%s: libxml2 could not serialize the page",
                    page->path);
        return FALSE;
    }
    g_byte_array_append(out, xmlBufferContent(buf), (guint)xmlBufferLength(buf));
    xmlBufferFree(buf);
    return TRUE;
}

xmlNodePtr
dsr__html_el(xmlNodePtr parent, const char *name, const char *cls)
{
    xmlNodePtr node = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);
    xmlAddChild(parent, node);
    if (cls)
        xmlNewProp(node, BAD_CAST "class", BAD_CAST cls);
    return node;
}

/* Brief text comes from articles: keep what a reader sees, drop what would
 * only reorder (bidi embeddings and overrides leak onto the text after them)
 * or is not allowed in HTML (controls, noncharacters). */
static char *
clean_text(const char *s)
{
    g_autofree char *valid = g_utf8_make_valid(s, -1);
    GString *out = g_string_sized_new(strlen(valid));
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) ||
            (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
            (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
            continue;
        g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

void
dsr__html_text(xmlNodePtr parent, const char *text)
{
    if (!text || !*text)
        return;
    g_autofree char *clean = clean_text(text);
    /* A text node: the serializer escapes it (xmlNewChild would parse it). */
    xmlNodeAddContent(parent, BAD_CAST clean);
}

xmlNodePtr
dsr__html_text_el(xmlNodePtr parent, const char *name, const char *cls, const char *text)
{
    xmlNodePtr node = dsr__html_el(parent, name, cls);
    dsr__html_text(node, text);
    return node;
}

void
dsr__html_cites(xmlNodePtr parent, const DsrCites *cites, guint n_sources)
{
    for (guint i = 0; cites && i < cites->len; i++) {
        int n = g_array_index(cites, int, i);
        g_autoptr(GArray) one = dsr_cites_new(&n, 1);
        g_autofree char *marker = dsr__format_cites(one);
        dsr__html_text(parent, " ");
        if (n >= 1 && (guint)n <= n_sources) {
            g_autofree char *href = g_strdup_printf("#source-%d", n);
            xmlNodePtr a = dsr__html_text_el(parent, "a", "cite", marker);
            xmlNewProp(a, BAD_CAST "href", BAD_CAST href);
        } else {
            dsr__html_text_el(parent, "span", "cite", marker);
        }
    }
}

/* @url with every ASCII character a URL may not hold percent-encoded ("<",
 * ">", '"', a stray "%"...), so the href is valid and cannot close its
 * attribute whatever the source wrote. Non-ASCII stays: browsers and the
 * validator take IRIs. */
static char *
encode_url(const char *url)
{
    static const char allowed[] = "-._~:/?#[]@!$&'()*+,;=";
    GString *out = g_string_sized_new(strlen(url));
    for (const char *p = url; *p; p++) {
        const guchar c = (guchar)*p;
        const gboolean escape_ok = c == '%' && g_ascii_isxdigit(p[1]) && g_ascii_isxdigit(p[2]);
        if (c >= 0x80 || g_ascii_isalnum(c) || strchr(allowed, c) || escape_ok)
            g_string_append_c(out, (char)c);
        else
            g_string_append_printf(out, "%%%02X", c);
    }
    return g_string_free(out, FALSE);
}

xmlNodePtr
dsr__html_link(xmlNodePtr parent, const char *url, const char *text, const char *cls,
               gboolean allow_mailto)
{
    g_autofree char *clean = url ? clean_text(url) : NULL;
    g_strstrip(clean);
    /* The URL checked is the one written: without the characters clean_text drops. */
    if (clean && dsr__url_is_safe(clean, allow_mailto) && !strpbrk(clean, " \t\n")) {
        g_autofree char *href = encode_url(clean);
        xmlNodePtr a = dsr__html_text_el(parent, "a", cls, text ? text : clean);
        xmlNewProp(a, BAD_CAST "href", BAD_CAST href);
        xmlNewProp(a, BAD_CAST "rel", BAD_CAST "noopener noreferrer");
        return a;
    }
    g_autofree char *unsafe = g_strconcat(cls ? cls : "", cls ? " " : "", "url-unsafe", NULL);
    return dsr__html_text_el(parent, "span", unsafe, text ? text : url);
}

xmlNodePtr
dsr__html_date(const DsrRenderContext *ctx, const char *lang, xmlNodePtr parent, const char *iso)
{
    g_autofree char *shown = dsr__format_iso_date(ctx, lang, iso);
    DsrDate d;
    if (!iso || !dsr_date_parse_iso(iso, &d))
        return dsr__html_text_el(parent, "span", "no-date", shown);
    g_autofree char *machine = dsr_date_to_iso(&d);
    xmlNodePtr t = dsr__html_text_el(parent, "time", NULL, shown);
    xmlNewProp(t, BAD_CAST "datetime", BAD_CAST machine);
    return t;
}

/* ---- the brief page ---- */

typedef struct {
    const DsrBrief *b;
    const DsrRenderContext *ctx;
    const char *lang;
    DsrHtmlPage *page;
    PangoContext *pango;
    GArray *visited; /* DsrSection */
} Html;

static const char *const brief_slots[] = {
    "page-title", "kicker", "title",  "meta",   "key-points", "key-figures",
    "charts",     "themes", "events", "actors", "sources",    NULL,
};

static const DsrSection section_order[] = {
    DSR_SECTION_KEY_POINTS, DSR_SECTION_FIGURES, DSR_SECTION_CHARTS,  DSR_SECTION_THEMES,
    DSR_SECTION_EVENTS,     DSR_SECTION_ACTORS,  DSR_SECTION_SOURCES,
};

static const char *
label(const Html *h, const char *key)
{
    return dsr_render_label(h->ctx, h->lang, key);
}

static guint
n_sources(const Html *h)
{
    return h->b->sources->len;
}

static void
meta_row(xmlNodePtr dl, const char *term, const char *value)
{
    xmlNodePtr div = dsr__html_el(dl, "div", NULL);
    dsr__html_text_el(div, "dt", NULL, term);
    dsr__html_text_el(div, "dd", NULL, value);
}

static char *
count_text(const Html *h, guint n, const char *key_one, const char *key_many)
{
    g_autofree char *num =
        dsr__format_figure(h->ctx, h->lang, DSR_FIGURE_COUNT, n, 1, NULL, NULL, DSR_QUALIFIER_NONE);
    return dsr__label_fill(h->ctx, h->lang, n == 1 ? key_one : key_many, "n", num, NULL);
}

/* "Nouveau" beside a row all of whose sources are new since the previous
 * run: a word, so it does not rest on colour, and read with the row. */
static void
new_tag(const Html *h, xmlNodePtr parent, const DsrCites *cites, gboolean before)
{
    if (!dsr__cites_new(h->b, cites))
        return;
    if (!before)
        dsr__html_text(parent, " ");
    dsr__html_text_el(parent, "span", "new-tag", label(h, "new-tag"));
    if (before)
        dsr__html_text(parent, " ");
}

/* As the PDF: the partner's name under the title with no label (the title
 * usually names it already, and then it is left out), then period,
 * generation date and sources, with how many are new since the last run. */
static void
fill_header(Html *h)
{
    const DsrBrief *b = h->b;
    const char *title = b->title && *b->title ? b->title : label(h, "no-title");
    dsr__html_text(dsr__html_slot(h->page, "page-title"), title);
    dsr__html_text(dsr__html_slot(h->page, "kicker"), label(h, "brief-kicker"));
    xmlNodePtr h1 = dsr__html_slot(h->page, "title");
    dsr__html_text(h1, title);
    if (b->partner_name && *b->partner_name && !strstr(title, b->partner_name)) {
        xmlNodePtr p = xmlNewDocNode(h->page->doc, NULL, BAD_CAST "p", NULL);
        xmlNewProp(p, BAD_CAST "class", BAD_CAST "partner");
        dsr__html_text(p, b->partner_name);
        xmlAddNextSibling(h1, p);
    }

    xmlNodePtr dl = dsr__html_slot(h->page, "meta");
    g_autofree char *period = dsr__format_period(h->ctx, b);
    meta_row(dl, label(h, "period"), period);
    xmlNodePtr div = dsr__html_el(dl, "div", NULL);
    dsr__html_text_el(div, "dt", NULL, label(h, "generated"));
    dsr__html_date(h->ctx, h->lang, dsr__html_el(div, "dd", NULL), b->generated);
    g_autofree char *count = dsr__format_sources_count(h->ctx, b);
    meta_row(dl, label(h, "sources"), count);
}

static xmlNodePtr
table_with_head(xmlNodePtr parent, const char *cls, const char *caption, const char *const *cols,
                const Html *h)
{
    xmlNodePtr wrap = dsr__html_el(parent, "div", "table-wrap");
    xmlNodePtr table = dsr__html_el(wrap, "table", cls);
    dsr__html_text_el(table, "caption", NULL, caption);
    xmlNodePtr tr = dsr__html_el(dsr__html_el(table, "thead", NULL), "tr", NULL);
    for (guint i = 0; cols[i]; i++) {
        xmlNodePtr th = dsr__html_text_el(tr, "th", NULL, label(h, cols[i]));
        xmlNewProp(th, BAD_CAST "scope", BAD_CAST "col");
    }
    return dsr__html_el(table, "tbody", NULL);
}

static xmlNodePtr
row_header(xmlNodePtr tr, const char *text)
{
    xmlNodePtr th = dsr__html_text_el(tr, "th", NULL, text);
    xmlNewProp(th, BAD_CAST "scope", BAD_CAST "row");
    return th;
}

static void
cites_cell(const Html *h, xmlNodePtr tr, const DsrCites *cites)
{
    dsr__html_cites(dsr__html_el(tr, "td", "cites-cell"), cites, n_sources(h));
}

static void
fill_key_points(Html *h, xmlNodePtr section)
{
    xmlNodePtr ol = dsr__html_el(section, "ol", "key-points");
    for (guint i = 0; i < h->b->key_points->len; i++) {
        const DsrKeyPoint *k = &g_array_index(h->b->key_points, DsrKeyPoint, i);
        xmlNodePtr li = dsr__html_el(ol, "li", NULL);
        new_tag(h, li, k->cites, TRUE);
        dsr__html_text(li, k->text);
        dsr__html_cites(li, k->cites, n_sources(h));
    }
}

/* "16,5%" and "16,5 %" (narrow no-break space) are the same words: showing
 * the quote under the value only helps when the source says it differently. */
static gboolean
same_but_spacing(const char *a, const char *b)
{
    GString *x = g_string_new(NULL), *y = g_string_new(NULL);
    for (const char *p = a; *p; p = g_utf8_next_char(p))
        if (!g_unichar_isspace(g_utf8_get_char(p)) && g_utf8_get_char(p) != 0x202f)
            g_string_append_unichar(x, g_utf8_get_char(p));
    for (const char *p = b; *p; p = g_utf8_next_char(p))
        if (!g_unichar_isspace(g_utf8_get_char(p)) && g_utf8_get_char(p) != 0x202f)
            g_string_append_unichar(y, g_utf8_get_char(p));
    gboolean same = g_str_equal(x->str, y->str);
    g_string_free(x, TRUE);
    g_string_free(y, TRUE);
    return same;
}

/* Empty cells say so as the PDF does, with a dash. */
static xmlNodePtr
cell_or_dash(xmlNodePtr tr, const char *cls, const char *text)
{
    return dsr__html_text_el(tr, "td", cls, text && *text ? text : "–");
}

/* The restatement the source gives ("soit environ 200 Md USD"), formatted
 * as the value is. */
static void
figure_equivalent(Html *h, xmlNodePtr value, const DsrBriefFigure *f)
{
    const DsrFigureEquivalent *eq = &f->equivalent;
    if (!eq->quote)
        return;
    g_autofree char *shown = dsr__format_figure(h->ctx, h->lang, eq->kind, eq->value, eq->scale,
                                                eq->currency, eq->unit, eq->qualifier);
    g_autofree char *line = g_strdup_printf("%s %s", label(h, "figure-equivalent"), shown);
    dsr__html_text_el(value, "span", "equivalent", line);
}

/* The other wordings of the figure, each quoted with the sources that wrote it. */
static void
figure_variants(Html *h, xmlNodePtr value, const DsrBriefFigure *f)
{
    if (!f->variants || f->variants->len == 0)
        return;
    xmlNodePtr span = dsr__html_el(value, "span", "variants");
    g_autofree char *colon = dsr_text_typography(" : ", h->lang);
    g_autofree char *lead = g_strconcat(label(h, "figure-variants"),
                                        g_strcmp0(h->lang, "en") == 0 ? ": " : colon, NULL);
    dsr__html_text(span, lead);
    for (guint v = 0; v < f->variants->len; v++) {
        const DsrFigureVariant *w = &g_array_index(f->variants, DsrFigureVariant, v);
        if (v)
            dsr__html_text(span, ", ");
        dsr__html_text_el(span, "q", NULL, w->quote);
        dsr__html_cites(span, w->cites, n_sources(h));
    }
}

static void
fill_figures(Html *h, xmlNodePtr section)
{
    xmlNodePtr tbody =
        table_with_head(section, "figures", label(h, "key-figures"), dsr__figure_columns, h);
    for (guint i = 0; i < h->b->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(h->b->figures, DsrBriefFigure, i);
        const gboolean disputed = dsr__figure_disputed(h->b, i);
        xmlNodePtr tr = dsr__html_el(tbody, "tr", disputed ? "disputed" : NULL);
        xmlNodePtr th = row_header(tr, dsr__figure_subject(f));
        new_tag(h, th, f->cites, FALSE);
        cell_or_dash(tr, "entity", f->entity);
        g_autofree char *year = f->year ? g_strdup_printf("%d", f->year) : NULL;
        cell_or_dash(tr, "num", year);
        xmlNodePtr value = dsr__html_el(tr, "td", "value");
        g_autofree char *shown = dsr__format_brief_figure(h->ctx, h->lang, f);
        dsr__html_text(value, shown);
        figure_equivalent(h, value, f);
        if (f->quote && !same_but_spacing(f->quote, shown))
            dsr__html_text_el(value, "q", "quote", f->quote);
        figure_variants(h, value, f);
        if (disputed) {
            dsr__html_text_el(value, "strong", "flag", label(h, "discrepancy"));
            if (f->discrepancy && *f->discrepancy)
                dsr__html_text_el(value, "span", "discrepancy-text", f->discrepancy);
        }
        cites_cell(h, tr, f->cites);
    }
}

/* A timeline point's value is a day count since 1970-01-01; an approximate
 * one is known to the month only. */
static char *
timeline_iso(const DsrChartPoint *p)
{
    if (p->value < -25000 || p->value > 100000)
        return NULL;
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_julian(&d, (guint32)(p->value + 719163.0));
    if (p->approx)
        return g_strdup_printf("%04d-%02d", g_date_get_year(&d), g_date_get_month(&d));
    return g_strdup_printf("%04d-%02d-%02d", g_date_get_year(&d), g_date_get_month(&d),
                           g_date_get_day(&d));
}

static void
chart_data_table(Html *h, xmlNodePtr parent, const DsrChartSpec *spec)
{
    static const char *const value_cols[] = {"col-label", "col-value", "col-sources", NULL};
    static const char *const time_cols[] = {"col-event", "col-date", "col-sources", NULL};
    static const char *const series_cols[] = {"col-label", "col-series", "col-value", "col-sources",
                                              NULL};
    const gboolean timeline = spec->type == DSR_CHART_TIMELINE;
    const gboolean grouped = spec->type == DSR_CHART_GROUPED;
    xmlNodePtr details = dsr__html_el(parent, "details", "chart-data");
    dsr__html_text_el(details, "summary", NULL, label(h, "chart-data-table"));
    xmlNodePtr tbody = table_with_head(details, "chart-data", spec->title,
                                       timeline  ? time_cols
                                       : grouped ? series_cols
                                                 : value_cols,
                                       h);
    const gboolean percent = g_strcmp0(spec->unit, "%") == 0;
    for (guint i = 0; i < spec->points->len; i++) {
        const DsrChartPoint *p = &g_array_index(spec->points, DsrChartPoint, i);
        xmlNodePtr tr = dsr__html_el(tbody, "tr", NULL);
        row_header(tr, p->label);
        if (grouped)
            dsr__html_text_el(tr, "td", NULL, p->series);
        xmlNodePtr td = dsr__html_el(tr, "td", timeline ? NULL : "value");
        if (timeline) {
            g_autofree char *iso = timeline_iso(p);
            dsr__html_date(h->ctx, h->lang, td, iso);
        } else {
            g_autofree char *shown = dsr__format_figure(
                h->ctx, h->lang, percent ? DSR_FIGURE_PERCENT : DSR_FIGURE_OTHER, p->value, 1, NULL,
                percent ? NULL : spec->unit, p->approx ? DSR_QUALIFIER_APPROX : DSR_QUALIFIER_NONE);
            dsr__html_text(td, shown);
        }
        cites_cell(h, tr, p->cites);
    }
}

/* Charts are laid out twice, for a phone and for a wider column, and CSS
 * shows one. The layout's text sizes are PDF points (8.5 for labels); on
 * screen a chart is drawn about 1.35 to 1.6 times its layout width (brief.css
 * caps it), so its smallest text stays at 10 px or more: 448 units in the
 * 672 px column of a desktop, 240 in the 328 to 384 px of a phone. */
static const struct {
    const char *name;
    double width;
} chart_widths[] = {
    {"wide", 448},
    {"narrow", 240},
};

/* The layout draws the chart's title above it and its note below, for the
 * PDF; here the figure's caption and note say them in the page's type, so
 * the drawn ones go, and the viewBox shrinks to what is left (hidden text
 * would leave blank bands above and below the chart). */
static void
drop_drawn_caption(xmlNodePtr svg, const DsrChartLayout *layout)
{
    double top = layout->height, bottom = 0;
#define SPAN(a, b) (top = MIN(top, (a)), bottom = MAX(bottom, (b)))
    for (guint i = 0; i < layout->rects->len; i++) {
        const DsrChartRect *r = &g_array_index(layout->rects, DsrChartRect, i);
        SPAN(r->y, r->y + r->h);
    }
    for (guint i = 0; i < layout->lines->len; i++) {
        const DsrChartLine *l = &g_array_index(layout->lines, DsrChartLine, i);
        SPAN(MIN(l->y1, l->y2) - l->width / 2, MAX(l->y1, l->y2) + l->width / 2);
    }
    for (guint i = 0; i < layout->dots->len; i++) {
        const DsrChartDot *d = &g_array_index(layout->dots, DsrChartDot, i);
        SPAN(d->y - d->r, d->y + d->r);
    }
    for (guint i = 0; i < layout->texts->len; i++) {
        const DsrChartText *t = &g_array_index(layout->texts, DsrChartText, i);
        if (t->role != DSR_CHART_TEXT_TITLE && t->role != DSR_CHART_TEXT_NOTE)
            SPAN(t->y - t->ascent, t->y - t->ascent + t->h);
    }
#undef SPAN
    if (bottom <= top)
        return; /* nothing but a caption: keep the chart as drawn */
    xmlNodePtr next;
    for (xmlNodePtr n = svg->children; n; n = next) {
        next = n->next;
        g_autofree char *cls = get_attr(n, "class");
        if (g_strcmp0(cls, "dsr-chart-title") == 0 || g_strcmp0(cls, "dsr-chart-note") == 0)
            remove_node(n);
    }
    const double pad = 2;
    top = MAX(floor(top - pad), 0);
    bottom = MIN(ceil(bottom + pad), ceil(layout->height));
    char y[G_ASCII_DTOSTR_BUF_SIZE], w[G_ASCII_DTOSTR_BUF_SIZE], hh[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(y, sizeof y, "%.0f", top);
    g_ascii_formatd(w, sizeof w, "%.0f", ceil(layout->width));
    g_ascii_formatd(hh, sizeof hh, "%.0f", bottom - top);
    g_autofree char *box = g_strdup_printf("0 %s %s %s", y, w, hh);
    xmlSetProp(svg, BAD_CAST "viewBox", BAD_CAST box);
    xmlSetProp(svg, BAD_CAST "height", BAD_CAST hh);
}

static gboolean
fill_charts(Html *h, xmlNodePtr section, GError **error)
{
    if (!h->pango) {
        if (!h->ctx->fonts) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                        "charts need the bundled fonts, and no fonts folder was given");
            return FALSE;
        }
        h->pango = dsr_fonts_new_context(h->ctx->fonts);
    }
    for (guint c = 0; c < h->b->charts->len; c++) {
        const DsrChartSpec *spec = &g_array_index(h->b->charts, DsrChartSpec, c);
        g_autofree char *id = g_strdup_printf("chart-%u", c + 1);
        xmlNodePtr fig = dsr__html_el(section, "figure", "chart");
        xmlNewProp(fig, BAD_CAST "id", BAD_CAST id);
        dsr__html_text_el(dsr__html_el(fig, "figcaption", NULL), "h3", NULL, spec->title);
        xmlNodePtr canvas = dsr__html_el(fig, "div", "chart-canvas");
        for (guint w = 0; w < G_N_ELEMENTS(chart_widths); w++) {
            g_autoptr(DsrChartLayout) layout =
                dsr_chart_layout(spec, chart_widths[w].width, h->pango, "Noto Sans", h->lang);
            g_autofree char *prefix = g_strdup_printf("%s-%s", id, chart_widths[w].name);
            xmlNodePtr svg = layout ? dsr_chart_to_svg(layout, h->page->doc, prefix) : NULL;
            if (!svg) {
                g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "chart %u (%s) could not be drawn",
                            c + 1, spec->title ? spec->title : "");
                return FALSE;
            }
            drop_drawn_caption(svg, layout);
            g_autofree char *cls = g_strconcat("chart-", chart_widths[w].name, NULL);
            xmlAddChild(dsr__html_el(canvas, "div", cls), svg);
        }
        if (spec->note && *spec->note)
            dsr__html_text_el(fig, "p", "chart-note", spec->note);
        g_autoptr(GArray) all = dsr_cites_new(NULL, 0);
        for (guint i = 0; i < spec->points->len; i++) {
            const DsrCites *pc = g_array_index(spec->points, DsrChartPoint, i).cites;
            for (guint k = 0; pc && k < pc->len; k++)
                dsr_cites_add(all, g_array_index(pc, int, k));
        }
        if (all->len) {
            xmlNodePtr src = dsr__html_el(fig, "p", "chart-source");
            dsr__html_text(src, label(h, all->len == 1 ? "chart-source-one" : "chart-sources"));
            dsr__html_cites(src, all, n_sources(h));
        }
        chart_data_table(h, fig, spec);
    }
    return TRUE;
}

static void
fill_themes(Html *h, xmlNodePtr section)
{
    xmlNodePtr ul = dsr__html_el(section, "ul", "themes");
    for (guint i = 0; i < h->b->themes->len; i++) {
        const DsrBriefTheme *t = &g_array_index(h->b->themes, DsrBriefTheme, i);
        xmlNodePtr li = dsr__html_el(ul, "li", NULL);
        dsr__html_text_el(li, "span", "theme-name", t->name);
        if (t->count > 0) {
            /* The count is of articles naming the theme, worded as the PDF words it. */
            g_autofree char *count =
                count_text(h, (guint)t->count, "articles-count-one", "articles-count");
            g_autofree char *shown = g_strdup_printf("(%s)", count);
            dsr__html_text(li, " ");
            dsr__html_text_el(li, "span", "theme-count", shown);
        }
        if (t->example && *t->example) {
            xmlNodePtr p = dsr__html_el(dsr__html_el(li, "blockquote", "example"), "p", NULL);
            dsr__html_text(p, t->example);
            dsr__html_cites(p, t->cites, n_sources(h));
        } else {
            dsr__html_cites(li, t->cites, n_sources(h));
        }
    }
}

static void
fill_events(Html *h, xmlNodePtr section)
{
    xmlNodePtr ol = dsr__html_el(section, "ol", "timeline");
    for (guint i = 0; i < h->b->events->len; i++) {
        const DsrBriefEvent *e = &g_array_index(h->b->events, DsrBriefEvent, i);
        xmlNodePtr li = dsr__html_el(ol, "li", NULL);
        dsr__html_date(h->ctx, h->lang, dsr__html_el(li, "span", "event-when"), e->date);
        g_autofree char *key = g_strconcat("event-", dsr_event_type_name(e->type), NULL);
        dsr__html_text_el(li, "span", "event-type", label(h, key));
        new_tag(h, li, e->cites, TRUE);
        if (e->summary && *e->summary)
            dsr__html_text(li, e->summary);
        if (e->place && *e->place) {
            if (e->summary && *e->summary)
                dsr__html_text(li, " ");
            dsr__html_text_el(li, "span", "event-place", e->place);
        }
        dsr__html_cites(li, e->cites, n_sources(h));
    }
}

/* One <tbody> per side, headed by a row group header, so a screen reader
 * announces "Côté Russie" with each of its actors. Walked side by side
 * rather than trusting the brief's order: a brief edited by hand keeps its
 * groups. */
static void
fill_actors(Html *h, xmlNodePtr section)
{
    static const char *const cols[] = {"col-name", "col-role", "col-entity", "col-sources", NULL};
    xmlNodePtr tbody = table_with_head(section, "actors", label(h, "actors"), cols, h);
    xmlNodePtr table = tbody->parent;
    /* table_with_head's body is for a flat table; the groups bring their own. */
    xmlUnlinkNode(tbody);
    xmlFreeNode(tbody);
    g_autofree char *span = g_strdup_printf("%u", (guint)(G_N_ELEMENTS(cols) - 1));
    for (int side = DSR_SIDE_HOME; side < DSR_N_SIDES; side++) {
        xmlNodePtr group = NULL;
        for (guint i = 0; i < h->b->actors->len; i++) {
            const DsrBriefActor *a = &g_array_index(h->b->actors, DsrBriefActor, i);
            if (dsr__actor_side(h->b, a) != (DsrActorSide)side)
                continue;
            if (!group) {
                group = dsr__html_el(table, "tbody", "side");
                g_autofree char *heading = dsr__side_heading(h->ctx, h->b, (DsrActorSide)side);
                xmlNodePtr th = dsr__html_text_el(dsr__html_el(group, "tr", NULL), "th",
                                                  "side-heading", heading);
                xmlNewProp(th, BAD_CAST "scope", BAD_CAST "rowgroup");
                xmlNewProp(th, BAD_CAST "colspan", BAD_CAST span);
            }
            xmlNodePtr tr = dsr__html_el(group, "tr", NULL);
            row_header(tr, a->name);
            cell_or_dash(tr, NULL, a->role);
            cell_or_dash(tr, "entity", a->entity);
            cites_cell(h, tr, a->cites);
            g_autofree char *more = dsr__format_more_mentions(h->ctx, h->b, a);
            if (more) {
                xmlNodePtr td = xmlGetLastChild(tr);
                xmlAddChild(td, xmlNewText(BAD_CAST " "));
                dsr__html_text_el(td, "span", "more-mentions", more);
            }
        }
    }
}

static void
fill_sources(Html *h, xmlNodePtr section)
{
    /* As in the PDF: the cited articles, the others counted under the list. */
    g_autofree guint8 *cited = dsr_brief_cited_sources(h->b, NULL);
    /* The markers ("[1749] ") hang in the list's padding: the stylesheet
     * widens it by the digits of the largest. */
    guint widest = 0;
    for (guint i = 0; i < h->b->sources->len; i++)
        if (cited[i + 1])
            widest = i + 1;
    int digits = widest >= 10000 ? 5 : widest >= 1000 ? 4 : widest >= 100 ? 3 : 0;
    g_autofree char *classes =
        digits ? g_strdup_printf("sources digits-%d", digits) : g_strdup("sources");
    xmlNodePtr ol = dsr__html_el(section, "ol", classes);
    for (guint i = 0; i < h->b->sources->len; i++) {
        if (!cited[i + 1])
            continue;
        const DsrSource *s = &g_array_index(h->b->sources, DsrSource, i);
        xmlNodePtr li = dsr__html_el(ol, "li", NULL);
        g_autofree char *id = g_strdup_printf("source-%u", i + 1);
        g_autofree char *value = g_strdup_printf("%u", i + 1);
        xmlNewProp(li, BAD_CAST "id", BAD_CAST id);
        xmlNewProp(li, BAD_CAST "value", BAD_CAST value);
        /* The number as text, as the citations write it: Chromium draws
         * counter(list-item) from 1 whatever the value attribute says, so a
         * list of the cited sources only (1, 7, 1749) read "[1] [2] [3]". */
        g_autofree char *marker = g_strdup_printf("[%u]", i + 1);
        dsr__html_text_el(li, "span", "n", marker);
        dsr__html_text(li, " ");
        dsr__html_text_el(li, "cite", NULL,
                          s->title && *s->title ? s->title : label(h, "no-title"));
        if (s->is_new) {
            dsr__html_text(li, " ");
            dsr__html_text_el(li, "span", "new-tag", label(h, "new-tag"));
        }
        xmlNodePtr meta = dsr__html_el(li, "span", "source-meta");
        if (s->outlet && *s->outlet) {
            dsr__html_text(meta, " — ");
            dsr__html_text(meta, s->outlet);
        }
        dsr__html_text(meta, ", ");
        dsr__html_date(h->ctx, h->lang, meta, s->date);
        if (s->url && *s->url)
            dsr__html_link(li, s->url, NULL, "url", FALSE);
        if (s->file && *s->file)
            dsr__html_text_el(li, "span", "source-file", s->file);
    }
}

static gboolean
fill_section(DsrSection section, gpointer data, GError **error)
{
    Html *h = data;
    if (section == DSR_SECTION_HEADER) {
        fill_header(h);
        return TRUE;
    }
    const char *id = dsr__section_id(section);
    xmlNodePtr node = dsr__html_slot(h->page, id);
    g_array_append_val(h->visited, section);
    g_autofree char *title_id = g_strconcat(id, "-title", NULL);
    xmlSetProp(node, BAD_CAST "id", BAD_CAST id);
    xmlSetProp(node, BAD_CAST "aria-labelledby", BAD_CAST title_id);
    xmlNodePtr h2 = dsr__html_text_el(node, "h2", NULL, label(h, dsr__section_label_key(section)));
    xmlNewProp(h2, BAD_CAST "id", BAD_CAST title_id);
    switch (section) {
    case DSR_SECTION_KEY_POINTS:
        fill_key_points(h, node);
        break;
    case DSR_SECTION_FIGURES:
        fill_figures(h, node);
        break;
    case DSR_SECTION_CHARTS:
        return fill_charts(h, node, error);
    case DSR_SECTION_THEMES:
        fill_themes(h, node);
        break;
    case DSR_SECTION_EVENTS:
        fill_events(h, node);
        break;
    case DSR_SECTION_ACTORS:
        fill_actors(h, node);
        break;
    case DSR_SECTION_SOURCES:
        fill_sources(h, node);
        break;
    case DSR_SECTION_HEADER:
        break;
    }
    g_autofree char *omitted = dsr__format_omitted(h->ctx, h->b, section);
    if (omitted)
        dsr__html_text_el(node, "p", "omitted", omitted);
    return TRUE;
}

/* The sections must stand in the template in the walk's order, which every
 * format shares. */
static gboolean
check_section_order(DsrHtmlPage *page, GError **error)
{
    int last = -1;
    const char *last_id = NULL;
    for (guint i = 0; i < page->slots->len; i++) {
        g_autofree char *name = get_attr(g_ptr_array_index(page->slots, i), "data-slot");
        for (guint s = 0; s < G_N_ELEMENTS(section_order); s++) {
            if (g_strcmp0(name, dsr__section_id(section_order[s])) != 0)
                continue;
            if ((int)s < last) {
                g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                            "%s: slot \"%s\" must come before \"%s\"", page->path, name, last_id);
                return FALSE;
            }
            last = (int)s;
            last_id = dsr__section_id(section_order[s]);
        }
    }
    return TRUE;
}

static void
fill_contents(Html *h)
{
    xmlNodePtr nav = g_hash_table_lookup(h->page->by_name, "contents");
    if (!nav)
        return;
    if (h->visited->len < 2) {
        dsr__html_slot_remove(h->page, "contents");
        return;
    }
    clear_children(nav);
    xmlSetProp(nav, BAD_CAST "aria-labelledby", BAD_CAST "contents-title");
    xmlNodePtr h2 = dsr__html_text_el(nav, "h2", NULL, label(h, "contents"));
    xmlNewProp(h2, BAD_CAST "id", BAD_CAST "contents-title");
    xmlNodePtr ol = dsr__html_el(nav, "ol", NULL);
    for (guint i = 0; i < h->visited->len; i++) {
        DsrSection s = g_array_index(h->visited, DsrSection, i);
        g_autofree char *href = g_strconcat("#", dsr__section_id(s), NULL);
        xmlNodePtr a = dsr__html_text_el(dsr__html_el(ol, "li", NULL), "a", NULL,
                                         label(h, dsr__section_label_key(s)));
        xmlNewProp(a, BAD_CAST "href", BAD_CAST href);
    }
}

gboolean
dsr_render_html(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out, GError **error)
{
    g_return_val_if_fail(brief != NULL && ctx != NULL && out != NULL, FALSE);
    const char *lang = g_strcmp0(brief->lang, "en") == 0 ? "en" : "fr";
    g_autoptr(DsrHtmlPage) page = dsr__html_page_load(ctx, "brief.html", lang, brief_slots, error);
    if (!page || !check_section_order(page, error))
        return FALSE;
    g_autoptr(GArray) visited = g_array_new(FALSE, FALSE, sizeof(DsrSection));
    Html h = {brief, ctx, lang, page, NULL, visited};
    gboolean ok = dsr__render_sections(brief, fill_section, &h, error);
    g_clear_object(&h.pango);
    if (!ok)
        return FALSE;
    for (guint s = 0; s < G_N_ELEMENTS(section_order); s++) {
        gboolean seen = FALSE;
        for (guint i = 0; i < visited->len && !seen; i++)
            seen = g_array_index(visited, DsrSection, i) == section_order[s];
        if (!seen)
            dsr__html_slot_remove(page, dsr__section_id(section_order[s]));
    }
    fill_contents(&h);
    return dsr__html_page_finish(page, out, error);
}
