/* SPDX-License-Identifier: MIT
 * The brief as a ready-to-send e-mail (RFC 5322, built with GMime). Mail
 * clients drop <style>, inline SVG and scripts, so the body is not the HTML
 * brief: it is a summary of its own, written with libxml2 with inline styles
 * (header, key points, key figures, charts as cid: PNG images drawn by Cairo
 * from the same chart layout as the PDF, events, sources), beside a plain-text
 * version of the same, and the full brief travels as the attached PDF:
 *
 *   multipart/mixed
 *   ├─ multipart/alternative
 *   │  ├─ text/plain                       quoted-printable
 *   │  └─ multipart/related; type=text/html
 *   │     ├─ text/html                     quoted-printable
 *   │     └─ image/png  (one per chart)    base64, inline, Content-Id
 *   └─ application/pdf  (vn-ru.pdf)       base64, attachment
 *
 * The PDF is the one the run made for the .pdf file when it makes both
 * (dsr_render_eml_with_pdf()), so a brief is laid out once.
 * Every part is 7-bit (SMTP-safe). Date comes from the run's "now" and the
 * Message-Id from a hash of the brief, so the same inputs give the same bytes.
 * The run fills in From, To, Cc and the configured Subject (run/mail.c). */
#include "render-private.h"
#include "common/cleanup.h"
#include <dossier/chart.h>
#include <cairo.h>
#include <gmime/gmime.h>
#include <pango/pangocairo.h>
#include <string.h>

/* Charts are laid out at the width of a mail column and drawn at twice the
 * pixel density, so they stay sharp on phone and high-density screens. */
#define CHART_WIDTH 560.0
#define CHART_SCALE 2.0

static void
mime_init_once(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        g_mime_init();
        g_once_init_leave(&done, 1);
    }
}

typedef struct {
    const DsrBrief *b;
    const DsrRenderContext *ctx;
    const char *lang;
    GString *text; /* the plain-text part */
    xmlDocPtr doc;
    xmlNodePtr body; /* the column the HTML goes into */
    GPtrArray *pngs; /* GByteArray *, chart i is "cid:chart-<i+1>.<slug>@dossier" */
    PangoContext *pango;
} Mail;

static const char *
label(const Mail *m, const char *key)
{
    return dsr_render_label(m->ctx, m->lang, key);
}

static xmlNodePtr
el(xmlNodePtr parent, const char *name, const char *style, const char *text)
{
    xmlNodePtr n = xmlNewTextChild(parent, NULL, BAD_CAST name, text ? BAD_CAST text : NULL);
    if (style)
        xmlNewProp(n, BAD_CAST "style", BAD_CAST style);
    return n;
}

static void
add_text(xmlNodePtr n, const char *text)
{
    xmlNodeAddContent(n, BAD_CAST text);
}

static void
cites_html(xmlNodePtr parent, const DsrCites *cites)
{
    g_autofree char *c = dsr__format_cites(cites);
    if (*c) {
        add_text(parent, " ");
        el(parent, "span", "color:#555555;font-size:12px;", c);
    }
}

/* "Nouveau" on what only articles new since the previous run report: a word,
 * so it survives clients that drop colours and the plain-text part. */
static const char new_style[] =
    "display:inline-block;padding:0 4px;border:1px solid #2e7d4a;border-radius:3px;"
    "background:#e6f4ea;color:#0b5a2a;font-family:Arial,Helvetica,sans-serif;font-size:11px;"
    "font-weight:bold;text-transform:uppercase;letter-spacing:0.04em;";

static void
new_tag_html(const Mail *m, xmlNodePtr parent)
{
    add_text(parent, " ");
    el(parent, "span", new_style, label(m, "new-tag"));
    add_text(parent, " ");
}

/* "[Nouveau] " for the plain text, or "" when not every cited source is new. */
static char *
new_tag_text(const Mail *m, const DsrCites *cites)
{
    return dsr__cites_new(m->b, cites) ? g_strdup_printf("[%s] ", label(m, "new-tag"))
                                       : g_strdup("");
}

static void
heading(Mail *m, DsrSection section)
{
    const char *title = label(m, dsr__section_label_key(section));
    el(m->body, "h2",
       "font-family:Arial,Helvetica,sans-serif;font-size:17px;color:#0b3d62;"
       "border-bottom:1px solid #c8d3dc;padding-bottom:4px;margin:24px 0 10px;",
       title);
    g_string_append_printf(m->text, "\n%s\n", title);
    for (const char *s = title; *s; s = g_utf8_next_char(s))
        g_string_append_c(m->text, '=');
    g_string_append(m->text, "\n\n");
}

static void
do_header(Mail *m)
{
    const DsrBrief *b = m->b;
    el(m->body, "h1",
       "font-family:Arial,Helvetica,sans-serif;font-size:22px;color:#0b3d62;margin:0 0 6px;",
       b->title);
    g_autofree char *period = dsr__format_period(m->ctx, b);
    guint n = dsr_brief_source_count(b);
    g_autofree char *num = g_strdup_printf("%u", n);
    g_autofree char *all = n == 1
                               ? g_strdup(label(m, "sources-count-one"))
                               : dsr__label_fill(m->ctx, m->lang, "sources-count", "n", num, NULL);
    guint fresh = 0;
    for (guint i = 0; i < b->sources->len; i++)
        fresh += g_array_index(b->sources, DsrSource, i).is_new;
    g_autofree char *fresh_num = g_strdup_printf("%u", fresh);
    g_autofree char *news =
        fresh ? dsr__label_fill(m->ctx, m->lang, fresh == 1 ? "new-sources-one" : "new-sources",
                                "n", fresh_num, NULL)
              : NULL;
    g_autofree char *count = news ? g_strdup_printf("%s, %s", all, news) : g_strdup(all);
    g_autofree char *line = g_strdup_printf("%s : %s · %s", label(m, "period"), period, count);
    el(m->body, "p", "color:#555555;font-size:13px;margin:0 0 8px;", line);
    g_string_append_printf(m->text, "%s\n%s\n", b->title, line);
}

static void
do_key_points(Mail *m)
{
    heading(m, DSR_SECTION_KEY_POINTS);
    xmlNodePtr ul = el(m->body, "ul", "padding-left:20px;margin:0;", NULL);
    for (guint i = 0; i < m->b->key_points->len; i++) {
        const DsrKeyPoint *k = &g_array_index(m->b->key_points, DsrKeyPoint, i);
        xmlNodePtr li = el(ul, "li", "margin:0 0 8px;", NULL);
        if (dsr__cites_new(m->b, k->cites))
            new_tag_html(m, li);
        add_text(li, k->text);
        cites_html(li, k->cites);
        g_autofree char *c = dsr__format_cites(k->cites);
        g_autofree char *tag = new_tag_text(m, k->cites);
        g_string_append_printf(m->text, "- %s%s %s\n", tag, k->text, c);
    }
}

static void
do_figures(Mail *m)
{
    static const char cell[] = "border-bottom:1px solid #e1e6ea;padding:5px 6px;"
                               "vertical-align:top;font-size:13px;";
    heading(m, DSR_SECTION_FIGURES);
    xmlNodePtr table = el(m->body, "table", "border-collapse:collapse;width:100%;", NULL);
    xmlNewProp(table, BAD_CAST "role", BAD_CAST "presentation");
    xmlNodePtr tr = el(table, "tr", NULL, NULL);
    for (guint c = 0; dsr__figure_columns[c]; c++)
        el(tr, "th",
           "text-align:left;border-bottom:2px solid #0b3d62;padding:5px 6px;font-size:12px;",
           label(m, dsr__figure_columns[c]));
    for (guint i = 0; i < m->b->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(m->b->figures, DsrBriefFigure, i);
        g_autofree char *value = dsr__format_brief_figure(m->ctx, m->lang, f);
        /* As the PDF: a dash in an empty cell. */
        g_autofree char *year = f->year ? g_strdup_printf("%d", f->year) : g_strdup("–");
        g_autofree char *cites = dsr__format_cites(f->cites);
        gboolean disputed = dsr__figure_disputed(m->b, i);
        const DsrFigureEquivalent *eq = &f->equivalent;
        g_autofree char *eq_value =
            eq->quote ? dsr__format_figure(m->ctx, m->lang, eq->kind, eq->value, eq->scale,
                                           eq->currency, eq->unit, eq->qualifier)
                      : NULL;
        g_autofree char *equivalent =
            eq_value ? g_strdup_printf("%s %s", label(m, "figure-equivalent"), eq_value) : NULL;
        g_autofree char *tag = new_tag_text(m, f->cites);
        tr = el(table, "tr", NULL, NULL);
        for (guint c = 0; dsr__figure_columns[c]; c++) {
            const char *col = dsr__figure_columns[c];
            const char *v = strcmp(col, "col-subject") == 0  ? dsr__figure_subject(f)
                            : strcmp(col, "col-entity") == 0 ? (f->entity ? f->entity : "–")
                            : strcmp(col, "col-year") == 0   ? year
                            : strcmp(col, "col-value") == 0  ? value
                                                             : cites;
            xmlNodePtr td = el(tr, "td", cell, v);
            if (strcmp(col, "col-subject") == 0 && dsr__cites_new(m->b, f->cites))
                new_tag_html(m, td);
            if (strcmp(col, "col-value") == 0 && equivalent) {
                xmlNewChild(td, NULL, BAD_CAST "br", NULL);
                el(td, "span", "color:#555555;font-size:12px;", equivalent);
            }
            if (strcmp(col, "col-value") == 0 && disputed) {
                xmlNewChild(td, NULL, BAD_CAST "br", NULL);
                el(td, "span", "color:#a33b00;font-size:12px;",
                   f->discrepancy ? f->discrepancy : label(m, "discrepancy"));
            }
        }
        g_string_append_printf(m->text, "- %s%s : %s", tag, dsr__figure_subject(f), value);
        if (equivalent)
            g_string_append_printf(m->text, " (%s)", equivalent);
        if (f->year)
            g_string_append_printf(m->text, ", %s", year);
        g_string_append_printf(m->text, " %s\n", cites);
        if (disputed)
            g_string_append_printf(m->text, "  (%s)\n",
                                   f->discrepancy ? f->discrepancy : label(m, "discrepancy"));
    }
}

static cairo_status_t
append_png(void *closure, const unsigned char *data, unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

static GByteArray *
chart_png(Mail *m, const DsrChartLayout *layout, GError **error)
{
    int w = (int)(layout->width * CHART_SCALE + 0.999);
    int h = (int)(layout->height * CHART_SCALE + 0.999);
    g_autoptr(cairo_surface_t) surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    g_autoptr(cairo_t) cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, CHART_SCALE, CHART_SCALE);
    /* The font options a PDF surface reports: otherwise the image surface's
     * (hinted metrics) reach the thread's font map, and a PDF rendered later
     * on the same thread can come out with other glyph positions. */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    dsr_chart_draw_cairo(layout, cr, m->pango, NULL, 0, 0);
    cairo_surface_flush(surface);
    GByteArray *png = g_byte_array_new();
    cairo_status_t st = cairo_status(cr);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_write_to_png_stream(surface, append_png, png);
    if (st != CAIRO_STATUS_SUCCESS) {
        g_byte_array_unref(png);
        g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "chart '%s': %s", layout->title,
                    cairo_status_to_string(st));
        return NULL;
    }
    return png;
}

static char *
chart_cid(const Mail *m, guint i)
{
    return g_strdup_printf("chart-%u.%s@dossier", i + 1, m->b->slug);
}

static gboolean
do_charts(Mail *m, GError **error)
{
    heading(m, DSR_SECTION_CHARTS);
    if (!m->pango) {
        /* With the antialiasing the PDF's context takes from its surface, so
         * the charts are measured with the thread's PDF fonts: a font pattern
         * new to the thread's font map costs Pango 1.50 two threads. Glyph
         * advances do not depend on it (metrics are not hinted). */
        m->pango = dsr_fonts_new_context(m->ctx->fonts);
        const cairo_font_options_t *set = pango_cairo_context_get_font_options(m->pango);
        cairo_font_options_t *fo = set ? cairo_font_options_copy(set) : cairo_font_options_create();
        cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
        pango_cairo_context_set_font_options(m->pango, fo);
        cairo_font_options_destroy(fo);
    }
    for (guint i = 0; i < m->b->charts->len; i++) {
        const DsrChartSpec *spec = &g_array_index(m->b->charts, DsrChartSpec, i);
        g_autoptr(DsrChartLayout) layout =
            dsr_chart_layout(spec, CHART_WIDTH, m->pango, "Noto Sans", m->lang);
        GByteArray *png = chart_png(m, layout, error);
        if (!png)
            return FALSE;
        g_ptr_array_add(m->pngs, png);
        g_autofree char *cid = chart_cid(m, i);
        g_autofree char *src = g_strconcat("cid:", cid, NULL);
        g_autofree char *width = g_strdup_printf("%d", (int)(layout->width + 0.5));
        /* The drawn chart carries its own title; alt holds the data for
         * readers that do not show images. */
        xmlNodePtr img = el(m->body, "img",
                            "display:block;max-width:100%;height:auto;border:0;"
                            "margin:0 0 16px;",
                            NULL);
        xmlNewProp(img, BAD_CAST "src", BAD_CAST src);
        xmlNewProp(img, BAD_CAST "width", BAD_CAST width);
        xmlNewProp(img, BAD_CAST "alt", BAD_CAST(layout->alt ? layout->alt : layout->title));
        g_string_append_printf(m->text, "- %s\n", layout->title);
        if (layout->alt)
            g_string_append_printf(m->text, "  %s\n", layout->alt);
    }
    return TRUE;
}

static void
do_themes(Mail *m)
{
    heading(m, DSR_SECTION_THEMES);
    xmlNodePtr ul = el(m->body, "ul", "padding-left:20px;margin:0;", NULL);
    for (guint i = 0; i < m->b->themes->len; i++) {
        const DsrBriefTheme *t = &g_array_index(m->b->themes, DsrBriefTheme, i);
        g_autofree char *line = g_strdup_printf("%s (%d)", t->name, t->count);
        el(ul, "li", "margin:0 0 4px;", line);
        g_string_append_printf(m->text, "- %s\n", line);
    }
}

static void
do_events(Mail *m)
{
    heading(m, DSR_SECTION_EVENTS);
    xmlNodePtr ul = el(m->body, "ul", "padding-left:20px;margin:0;", NULL);
    for (guint i = 0; i < m->b->events->len; i++) {
        const DsrBriefEvent *e = &g_array_index(m->b->events, DsrBriefEvent, i);
        g_autofree char *date = dsr__format_iso_date(m->ctx, m->lang, e->date);
        g_autofree char *type_key = g_strconcat("event-", dsr_event_type_name(e->type), NULL);
        g_autofree char *head =
            e->place ? g_strdup_printf("%s, %s — %s", date, e->place, label(m, type_key))
                     : g_strdup_printf("%s — %s", date, label(m, type_key));
        xmlNodePtr li = el(ul, "li", "margin:0 0 8px;", NULL);
        el(li, "strong", NULL, head);
        if (dsr__cites_new(m->b, e->cites))
            new_tag_html(m, li);
        else
            add_text(li, " ");
        add_text(li, ": ");
        add_text(li, e->summary ? e->summary : "");
        cites_html(li, e->cites);
        g_autofree char *c = dsr__format_cites(e->cites);
        g_autofree char *tag = new_tag_text(m, e->cites);
        g_string_append_printf(m->text, "- %s%s : %s %s\n", tag, head, e->summary ? e->summary : "",
                               c);
    }
}

static void
do_actors(Mail *m)
{
    heading(m, DSR_SECTION_ACTORS);
    xmlNodePtr ul = el(m->body, "ul", "padding-left:20px;margin:0;", NULL);
    for (guint i = 0; i < m->b->actors->len; i++) {
        const DsrBriefActor *a = &g_array_index(m->b->actors, DsrBriefActor, i);
        g_autofree char *line =
            a->role ? g_strdup_printf("%s, %s", a->name, a->role) : g_strdup(a->name);
        xmlNodePtr li = el(ul, "li", "margin:0 0 4px;", line);
        cites_html(li, a->cites);
        g_string_append_printf(m->text, "- %s\n", line);
    }
}

static void
do_sources(Mail *m)
{
    heading(m, DSR_SECTION_SOURCES);
    xmlNodePtr ol = el(m->body, "ol", "padding-left:24px;margin:0;font-size:13px;", NULL);
    /* As in the PDF and the page: the cited sources, numbered as cited. */
    g_autofree guint8 *cited = dsr_brief_cited_sources(m->b, NULL);
    for (guint i = 0; i < m->b->sources->len; i++) {
        if (!cited[i + 1])
            continue;
        const DsrSource *s = &g_array_index(m->b->sources, DsrSource, i);
        const char *title = s->title ? s->title : label(m, "no-title");
        g_autofree char *date = dsr__format_iso_date(m->ctx, m->lang, s->date);
        xmlNodePtr li = el(ol, "li", "margin:0 0 4px;", NULL);
        g_autofree char *value = g_strdup_printf("%d", s->n);
        xmlNewProp(li, BAD_CAST "value", BAD_CAST value);
        if (s->url && dsr__url_is_safe(s->url, FALSE)) {
            xmlNodePtr a = el(li, "a", "color:#0b3d62;", title);
            xmlNewProp(a, BAD_CAST "href", BAD_CAST s->url);
        } else {
            add_text(li, title);
        }
        g_autofree char *rest =
            g_strdup_printf(" — %s%s%s", s->outlet ? s->outlet : "", s->outlet ? ", " : "", date);
        add_text(li, rest);
        if (s->is_new)
            new_tag_html(m, li);
        g_autofree char *tag = s->is_new ? g_strdup_printf(" [%s]", label(m, "new-tag")) : NULL;
        g_string_append_printf(m->text, "[%d] %s%s%s%s%s\n", s->n, title, rest, tag ? tag : "",
                               s->url ? "\n    " : "", s->url ? s->url : "");
    }
    g_autofree char *omitted = dsr__format_omitted(m->ctx, m->b, DSR_SECTION_SOURCES);
    if (omitted) {
        el(m->body, "p", "margin:8px 0 0;font-size:13px;font-style:italic;color:#4b5259;", omitted);
        g_string_append_printf(m->text, "%s\n", omitted);
    }
}

static gboolean
section(DsrSection section, gpointer data, GError **error)
{
    Mail *m = data;
    switch (section) {
    case DSR_SECTION_HEADER:
        do_header(m);
        break;
    case DSR_SECTION_KEY_POINTS:
        do_key_points(m);
        break;
    case DSR_SECTION_FIGURES:
        do_figures(m);
        break;
    case DSR_SECTION_CHARTS:
        return do_charts(m, error);
    case DSR_SECTION_THEMES:
        do_themes(m);
        break;
    case DSR_SECTION_EVENTS:
        do_events(m);
        break;
    case DSR_SECTION_ACTORS:
        do_actors(m);
        break;
    case DSR_SECTION_SOURCES:
        do_sources(m);
        break;
    }
    return TRUE;
}

/* The footer names the attachment: the summary is not the whole brief. The
 * label "eml-attachment" may be added to templates/labels-<lang>.json; the
 * files label of the index stands in until then. */
static void
footer(Mail *m, const char *pdf_name)
{
    const char *l = label(m, "eml-attachment");
    if (strcmp(l, "eml-attachment") == 0)
        l = label(m, "index-files");
    g_autofree char *line = g_strdup_printf("%s : %s", l, pdf_name);
    el(m->body, "p", "color:#555555;font-size:12px;margin:24px 0 0;", line);
    g_string_append_printf(m->text, "\n-- \n%s\n", line);
}

static char *
html_bytes(xmlDocPtr doc)
{
    xmlOutputBufferPtr ob = xmlAllocOutputBuffer(NULL);
    htmlDocContentDumpFormatOutput(ob, doc, "UTF-8", 0);
    const char *content = (const char *)xmlOutputBufferGetContent(ob);
    char *out = g_strconcat("<!DOCTYPE html>\n", content ? content : "", NULL);
    xmlOutputBufferClose(ob);
    return out;
}

static GMimePart *
text_part(const char *subtype, const char *text)
{
    GMimeTextPart *t = g_mime_text_part_new_with_subtype(subtype);
    g_mime_text_part_set_text(t, text);
    g_mime_text_part_set_charset(t, "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(t), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    return GMIME_PART(t);
}

static GMimePart *
binary_part(const char *type, const char *subtype, const guint8 *data, gsize len,
            const char *filename, const char *disposition)
{
    GMimePart *p = g_mime_part_new_with_type(type, subtype);
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer((const char *)data, len);
    GMimeDataWrapper *w =
        g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
    g_mime_part_set_content(p, w);
    g_object_unref(w);
    g_object_unref(stream);
    g_mime_part_set_content_encoding(p, GMIME_CONTENT_ENCODING_BASE64);
    g_mime_object_set_disposition(GMIME_OBJECT(p), disposition);
    g_mime_part_set_filename(p, filename);
    return p;
}

static char *
day_text(const DsrRenderContext *ctx, const char *lang)
{
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc(ctx->now);
    DsrDate d = {0, 0, 0};
    if (t) {
        d.year = g_date_time_get_year(t);
        d.month = g_date_time_get_month(t);
        d.day = g_date_time_get_day_of_month(t);
    }
    return dsr_text_format_date(&d, lang);
}

gboolean
dsr_render_eml(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out, GError **error)
{
    g_autoptr(GByteArray) pdf = g_byte_array_new();
    return dsr_render_pdf(brief, ctx, pdf, error) &&
           dsr_render_eml_with_pdf(brief, ctx, pdf->data, pdf->len, out, error);
}

gboolean
dsr_render_eml_with_pdf(const DsrBrief *brief, const DsrRenderContext *ctx, const guint8 *pdf,
                        gsize pdf_len, GByteArray *out, GError **error)
{
    mime_init_once();
    const char *lang = brief->lang ? brief->lang : "fr";

    g_autoptr(GString) text = g_string_new(NULL);
    g_autoptr(GPtrArray) pngs = g_ptr_array_new_with_free_func((GDestroyNotify)g_byte_array_unref);
    g_autoptr(xmlDoc) doc = htmlNewDocNoDtD(NULL, NULL);
    xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
    xmlDocSetRootElement(doc, html);
    xmlNewProp(html, BAD_CAST "lang", BAD_CAST lang);
    xmlNodePtr head = xmlNewChild(html, NULL, BAD_CAST "head", NULL);
    /* http-equiv rather than <meta charset>: libxml2 2.9 adds a second charset meta to the latter.
     */
    xmlNodePtr meta = xmlNewChild(head, NULL, BAD_CAST "meta", NULL);
    xmlNewProp(meta, BAD_CAST "http-equiv", BAD_CAST "Content-Type");
    xmlNewProp(meta, BAD_CAST "content", BAD_CAST "text/html; charset=utf-8");
    xmlNewTextChild(head, NULL, BAD_CAST "title", BAD_CAST brief->title);
    xmlNodePtr bodyel = xmlNewChild(html, NULL, BAD_CAST "body", NULL);
    xmlNewProp(bodyel, BAD_CAST "style", BAD_CAST "margin:0;padding:0;background:#ffffff;");
    /* One centred column: table layout is what every mail client lays out alike. */
    Mail m = {brief, ctx, lang, text, doc, NULL, pngs, NULL};
    m.body = el(bodyel, "div",
                "max-width:640px;margin:0 auto;padding:16px;font-family:Georgia,'Noto Serif',serif;"
                "font-size:15px;line-height:1.45;color:#1a1a1a;",
                NULL);
    gboolean ok = dsr__render_sections(brief, section, &m, error);
    if (m.pango)
        g_object_unref(m.pango);
    if (!ok)
        return FALSE;
    g_autofree char *pdf_name = g_strconcat(brief->slug, ".pdf", NULL);
    footer(&m, pdf_name);
    g_autofree char *html_text = html_bytes(doc);

    GMimeMultipart *related = g_mime_multipart_new_with_subtype("related");
    g_mime_object_set_content_type_parameter(GMIME_OBJECT(related), "type", "text/html");
    GMimePart *html_part = text_part("html", html_text);
    g_mime_multipart_add(related, GMIME_OBJECT(html_part));
    g_object_unref(html_part);
    for (guint i = 0; i < pngs->len; i++) {
        GByteArray *png = g_ptr_array_index(pngs, i);
        g_autofree char *name = g_strdup_printf("chart-%u.png", i + 1);
        GMimePart *p = binary_part("image", "png", png->data, png->len, name, "inline");
        g_autofree char *cid = chart_cid(&m, i);
        g_mime_object_set_content_id(GMIME_OBJECT(p), cid);
        g_mime_multipart_add(related, GMIME_OBJECT(p));
        g_object_unref(p);
    }
    GMimeMultipart *alternative = g_mime_multipart_new_with_subtype("alternative");
    GMimePart *plain = text_part("plain", text->str);
    g_mime_multipart_add(alternative, GMIME_OBJECT(plain));
    g_object_unref(plain);
    g_mime_multipart_add(alternative, GMIME_OBJECT(related));
    g_object_unref(related);
    GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
    g_mime_multipart_add(mixed, GMIME_OBJECT(alternative));
    g_object_unref(alternative);
    GMimePart *attachment = binary_part("application", "pdf", pdf, pdf_len, pdf_name, "attachment");
    g_mime_multipart_add(mixed, GMIME_OBJECT(attachment));
    g_object_unref(attachment);

    /* Multipart boundaries are random in GMime: derive them from the content
     * instead, so that the same brief gives the same bytes. */
    g_autofree char *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, pdf, pdf_len);
    g_autofree char *text_digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256, html_text, -1);
    g_autofree char *b1 = g_strdup_printf("=_dossier_mixed_%.24s", text_digest);
    g_autofree char *b2 = g_strdup_printf("=_dossier_alt_%.24s", text_digest);
    g_autofree char *b3 = g_strdup_printf("=_dossier_rel_%.24s", text_digest);
    g_mime_multipart_set_boundary(mixed, b1);
    g_mime_multipart_set_boundary(alternative, b2);
    g_mime_multipart_set_boundary(related, b3);

    GMimeMessage *msg = g_mime_message_new(TRUE);
    g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
    g_object_unref(mixed);
    g_autofree char *day = day_text(ctx, lang);
    g_autofree char *subject = g_strdup_printf("%s, %s", brief->title, day);
    g_mime_message_set_subject(msg, subject, "utf-8");
    g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc(ctx->now);
    g_mime_message_set_date(msg, date);
    g_autofree char *id_input = g_strdup_printf("%s\n%" G_GINT64_FORMAT "\n%s\n%s", brief->slug,
                                                ctx->now, digest, text_digest);
    g_autofree char *id_hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, id_input, -1);
    g_autofree char *message_id = g_strdup_printf("%.20s.%s@dossier.invalid", id_hash, brief->slug);
    g_mime_message_set_message_id(msg, message_id);
    g_mime_object_set_header(GMIME_OBJECT(msg), "Content-Language", lang, NULL);

    GMimeStream *stream = g_mime_stream_mem_new();
    gssize n = g_mime_object_write_to_stream(GMIME_OBJECT(msg), NULL, stream);
    g_object_unref(msg);
    if (n < 0) {
        g_object_unref(stream);
        g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "cannot write the e-mail message");
        return FALSE;
    }
    GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    g_byte_array_append(out, bytes->data, bytes->len);
    g_object_unref(stream);
    return TRUE;
}
