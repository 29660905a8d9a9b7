/* SPDX-License-Identifier: MIT */
#include "fuzz.h"
#include <gio/gio.h>
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

/* The first @needle in @hay, or NULL. */
static const guint8 *
find(const guint8 *hay, gsize len, const char *needle)
{
    gsize n = strlen(needle);
    for (gsize i = 0; i + n <= len; i++)
        if (hay[i] == (guint8)needle[0] && memcmp(hay + i, needle, n) == 0)
            return hay + i;
    return NULL;
}

/* The bytes of a FlateDecode stream inflated, or NULL when they do not
 * inflate. */
static GBytes *
inflate(const guint8 *data, gsize len)
{
    g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
    g_autoptr(GByteArray) out = g_byte_array_new();
    guint8 buf[65536];
    gsize in_done = 0;
    for (;;) {
        gsize read = 0, written = 0;
        g_autoptr(GError) err = NULL;
        GConverterResult r =
            g_converter_convert(G_CONVERTER(z), data + in_done, len - in_done, buf, sizeof buf,
                                G_CONVERTER_INPUT_AT_END, &read, &written, &err);
        if (r == G_CONVERTER_ERROR)
            return NULL;
        in_done += read;
        g_byte_array_append(out, buf, written);
        if (r == G_CONVERTER_FINISHED || (read == 0 && written == 0))
            break;
    }
    return g_byte_array_free_to_bytes(g_steal_pointer(&out));
}

static gboolean
contains(const guint8 *hay, gsize len, const char *needle)
{
    return find(hay, len, needle) != NULL;
}

static const char *const forbidden[] = {"/JavaScript",   "/JS ",        "/JS(",       "/Launch",
                                        "/EmbeddedFile", "/SubmitForm", "/ImportData"};

static void
check_objects(const guint8 *data, gsize len, const char *where)
{
    for (guint i = 0; i < G_N_ELEMENTS(forbidden); i++)
        if (contains(data, len, forbidden[i]))
            unsafe("PDF", where, forbidden[i]);
}

/* No action, script or embedded file in the PDF's objects: those written
 * plainly, and those packed in object streams (/Type/ObjStm, inflated). The
 * other streams (page contents, fonts, images) are data no viewer runs, and
 * compressed bytes spell "/JS(" by chance now and then, so they are skipped. */
void
dsr_fuzz_check_pdf(const guint8 *pdf, gsize len)
{
    if (len < 5 || memcmp(pdf, "%PDF-", 5) != 0)
        unsafe("PDF", "no PDF header", NULL);
    gsize at = 0;
    while (at < len) {
        const guint8 *kw = find(pdf + at, len - at, "stream\n");
        gsize end = kw ? (gsize)(kw - pdf) : len;
        /* "endstream\n" is not the keyword that opens one. */
        if (kw && end >= 3 && memcmp(kw - 3, "end", 3) == 0) {
            check_objects(pdf + at, end + 7 - at, "forbidden action or file");
            at = end + 7;
            continue;
        }
        check_objects(pdf + at, end - at, "forbidden action or file");
        if (!kw)
            break;
        /* The stream's dictionary: from its object's "obj" to the keyword. */
        const guint8 *dict = pdf + at;
        for (const guint8 *p = kw; p > pdf + at + 3; p--)
            if (memcmp(p - 3, "obj", 3) == 0) {
                dict = p;
                break;
            }
        g_autofree char *d = g_strndup((const char *)dict, kw - dict);
        const char *l = strstr(d, "/Length");
        char *after = NULL;
        gsize n = l ? g_ascii_strtoull(l + 7, &after, 10) : 0;
        const guint8 *data = kw + 7;
        if (!l || after == l + 7 || strstr(after, " R") == after + strspn(after, " 0123456789") ||
            n > len - (gsize)(data - pdf)) {
            /* No direct length: the data ends at the first "endstream". */
            const guint8 *e = find(data, len - (data - pdf), "endstream");
            if (!e)
                unsafe("PDF", "stream without its end", NULL);
            n = e - data;
        }
        if (strstr(d, "/ObjStm")) {
            g_autoptr(GBytes) objects = strstr(d, "/FlateDecode") ? inflate(data, n) : NULL;
            if (strstr(d, "/FlateDecode") && !objects)
                unsafe("PDF", "object stream that does not inflate", NULL);
            gsize olen = 0;
            const guint8 *o = objects ? g_bytes_get_data(objects, &olen) : data;
            check_objects(o, objects ? olen : n, "forbidden action or file in an object stream");
        }
        at = data + n - pdf;
    }
}
