/* SPDX-License-Identifier: MIT */
#include "fuzz.h"
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gpointer
load_extractor(gpointer unused G_GNUC_UNUSED)
{
    g_autoptr(GError) err = NULL;
    DsrExtractor *ex = dsr_extractor_new(dsr_data_dir(), "VN", &err);
    if (!ex) {
        fprintf(stderr, "fuzz: %s\n", err->message);
        abort();
    }
    return ex;
}

const DsrExtractor *
dsr_fuzz_extractor(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, load_extractor, NULL);
    return once.retval;
}

static gpointer
load_render(gpointer unused G_GNUC_UNUSED)
{
    g_autoptr(GError) err = NULL;
    static char *templates, *fonts;
    templates = g_build_filename(dsr_data_dir(), "templates", NULL);
    fonts = g_build_filename(dsr_data_dir(), "fonts", NULL);
    DsrRenderOptions ro = {templates, fonts, "a4", NULL, 1700000000, 0, NULL};
    DsrRenderContext *ctx = dsr_render_context_new(&ro, &err);
    if (!ctx) {
        fprintf(stderr, "fuzz: %s\n", err->message);
        abort();
    }
    return ctx;
}

const DsrRenderContext *
dsr_fuzz_render_context(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, load_render, NULL);
    return once.retval;
}

static G_NORETURN void
unsafe(const char *what, const char *why, const char *detail)
{
    fprintf(stderr, "fuzz: unsafe %s: %s (%.200s)\n", what, why, detail ? detail : "");
    abort();
}

/* The scheme of a URL attribute as a browser reads it: leading spaces and
 * control characters dropped, tabs and newlines inside ignored. */
static gboolean
safe_url(const char *v, gboolean resource)
{
    GString *s = g_string_new(NULL);
    for (const char *p = v; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= 0x20 && (s->len == 0 || c == '\t' || c == '\n' || c == '\r'))
            continue;
        g_string_append_c(s, (char)g_ascii_tolower(c));
    }
    const char *colon = strchr(s->str, ':');
    const char *stop = strpbrk(s->str, "/?#");
    gboolean ok;
    if (!colon || (stop && stop < colon))
        ok = TRUE; /* relative: a sibling file of the output folder or a fragment */
    else if (g_str_has_prefix(s->str, "http:") || g_str_has_prefix(s->str, "https:"))
        ok = TRUE;
    else if (resource)
        ok = g_str_has_prefix(s->str, "data:image/") || g_str_has_prefix(s->str, "cid:");
    else
        ok = g_str_has_prefix(s->str, "mailto:");
    g_string_free(s, TRUE);
    return ok;
}

static void
check_node(const xmlNode *n, const char *what, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)n->name;
        if (g_ascii_strcasecmp(name, "script") == 0 || g_ascii_strcasecmp(name, "iframe") == 0 ||
            g_ascii_strcasecmp(name, "object") == 0 || g_ascii_strcasecmp(name, "embed") == 0)
            unsafe(what, "active element", name);
        for (const xmlAttr *a = n->properties; a; a = a->next) {
            const char *an = (const char *)a->name;
            g_autofree char *v = (char *)xmlNodeGetContent((const xmlNode *)a);
            if (g_ascii_strncasecmp(an, "on", 2) == 0)
                unsafe(what, "event handler attribute", an);
            gboolean link = g_ascii_strcasecmp(an, "href") == 0 ||
                            g_ascii_strcasecmp(an, "action") == 0 ||
                            g_ascii_strcasecmp(an, "formaction") == 0;
            gboolean resource = g_ascii_strcasecmp(an, "src") == 0 ||
                                g_ascii_strcasecmp(an, "srcset") == 0 ||
                                g_ascii_strcasecmp(an, "poster") == 0;
            if ((link || resource) && v && !safe_url(v, resource))
                unsafe(what, "unsafe URL", v);
        }
        if (depth < 1000)
            check_node(n->children, what, depth + 1);
    }
}

void
dsr_fuzz_check_html(const guint8 *html, gsize len, const char *what)
{
    if (len > G_MAXINT)
        unsafe(what, "document too large", NULL);
    htmlDocPtr doc = htmlReadMemory((const char *)html, (int)len, NULL, "UTF-8",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    if (!doc)
        unsafe(what, "not parseable as HTML", NULL);
    check_node(xmlDocGetRootElement(doc), what, 0);
    xmlFreeDoc(doc);
}

static gboolean
contains(const guint8 *hay, gsize len, const char *needle)
{
    gsize n = strlen(needle);
    for (gsize i = 0; i + n <= len; i++)
        if (hay[i] == (guint8)needle[0] && memcmp(hay + i, needle, n) == 0)
            return TRUE;
    return FALSE;
}

void
dsr_fuzz_check_pdf(const guint8 *pdf, gsize len)
{
    if (len < 5 || memcmp(pdf, "%PDF-", 5) != 0)
        unsafe("PDF", "no PDF header", NULL);
    static const char *const forbidden[] = {"/JavaScript",   "/JS ",        "/JS(",       "/Launch",
                                            "/EmbeddedFile", "/SubmitForm", "/ImportData"};
    for (guint i = 0; i < G_N_ELEMENTS(forbidden); i++)
        if (contains(pdf, len, forbidden[i]))
            unsafe("PDF", "forbidden action or file", forbidden[i]);
}
