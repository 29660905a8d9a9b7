/* SPDX-License-Identifier: MIT
 * Writes a chart layout as SVG elements with libxml2, for inlining in HTML:
 * real <text> (searchable, read by screen readers), ids that all start with
 * the caller's prefix, no script and nothing outside the element. Text goes
 * in through xmlNewTextChild, which escapes it. */
#include <dossier/chart.h>
#include <math.h>
#include <string.h>

#define SVG_NS "http://www.w3.org/2000/svg"

/* Coordinates to 0.01 pt, trailing zeros dropped: small files, stable bytes. */
static void
set_num(xmlNodePtr node, const char *name, double v)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    double r = round(v * 100) / 100;
    g_ascii_formatd(buf, sizeof buf, "%.2f", r == 0 ? 0 : r);
    char *e = buf + strlen(buf) - 1;
    while (*e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
    xmlNewProp(node, BAD_CAST name, BAD_CAST buf);
}

static void
set_ink(xmlNodePtr node, const char *name, DsrChartInk ink)
{
    char buf[8];
    g_snprintf(buf, sizeof buf, "#%06x", (unsigned)dsr_chart_ink_rgb(ink));
    xmlNewProp(node, BAD_CAST name, BAD_CAST buf);
}

static xmlNodePtr
child(xmlNodePtr parent, xmlNsPtr ns, const char *name)
{
    return xmlNewChild(parent, ns, BAD_CAST name, NULL);
}

static void
add_line(xmlNodePtr svg, xmlNsPtr ns, const DsrChartLine *l)
{
    xmlNodePtr n = child(svg, ns, "line");
    set_num(n, "x1", l->x1);
    set_num(n, "y1", l->y1);
    set_num(n, "x2", l->x2);
    set_num(n, "y2", l->y2);
    set_ink(n, "stroke", l->ink);
    set_num(n, "stroke-width", l->width);
    if (l->dashed)
        xmlNewProp(n, BAD_CAST "stroke-dasharray", BAD_CAST "3 2");
}

static char *
hatch_name(const char *base, DsrChartInk ink)
{
    return ink == DSR_CHART_INK_SERIES ? g_strdup(base) : g_strdup_printf("%s-%d", base, ink);
}

xmlNodePtr
dsr_chart_to_svg(const DsrChartLayout *layout, xmlDocPtr doc, const char *id_prefix)
{
    g_return_val_if_fail(layout != NULL && id_prefix != NULL && *id_prefix, NULL);
    xmlNodePtr svg = xmlNewDocNode(doc, NULL, BAD_CAST "svg", NULL);
    xmlNsPtr ns = xmlNewNs(svg, BAD_CAST SVG_NS, NULL);
    xmlSetNs(svg, ns);
    g_autofree char *title_id = g_strconcat(id_prefix, "-title", NULL);
    g_autofree char *desc_id = g_strconcat(id_prefix, "-desc", NULL);
    g_autofree char *hatch_id = g_strconcat(id_prefix, "-hatch", NULL);
    g_autofree char *view_box = NULL;
    {
        char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_formatd(w, sizeof w, "%.0f", ceil(layout->width));
        g_ascii_formatd(h, sizeof h, "%.0f", ceil(layout->height));
        view_box = g_strdup_printf("0 0 %s %s", w, h);
        xmlNewProp(svg, BAD_CAST "width", BAD_CAST w);
        xmlNewProp(svg, BAD_CAST "height", BAD_CAST h);
    }
    xmlNewProp(svg, BAD_CAST "viewBox", BAD_CAST view_box);
    xmlNewProp(svg, BAD_CAST "class", BAD_CAST "dsr-chart");
    xmlNewProp(svg, BAD_CAST "role", BAD_CAST "img");
    xmlNewProp(svg, BAD_CAST "aria-labelledby", BAD_CAST title_id);
    xmlNewProp(svg, BAD_CAST "aria-describedby", BAD_CAST desc_id);
    g_autofree char *fonts = g_strdup_printf("%s, sans-serif", layout->family);
    xmlNewProp(svg, BAD_CAST "font-family", BAD_CAST fonts);

    xmlNodePtr title = xmlNewTextChild(svg, ns, BAD_CAST "title", BAD_CAST layout->title);
    xmlNewProp(title, BAD_CAST "id", BAD_CAST title_id);
    xmlNodePtr desc = xmlNewTextChild(svg, ns, BAD_CAST "desc", BAD_CAST layout->alt);
    xmlNewProp(desc, BAD_CAST "id", BAD_CAST desc_id);

    /* Stripes in each series' colour, as patterns local to this chart, named
     * with its prefix (the first ink keeps the plain name). */
    guint32 hatched_inks = 0;
    for (guint i = 0; i < layout->rects->len; i++) {
        const DsrChartRect *r = &g_array_index(layout->rects, DsrChartRect, i);
        if (r->hatched)
            hatched_inks |= 1u << r->ink;
    }
    xmlNodePtr defs = hatched_inks ? child(svg, ns, "defs") : NULL;
    for (guint ink = 0; ink < 32; ink++) {
        if (!(hatched_inks & (1u << ink)))
            continue;
        g_autofree char *pat_id = hatch_name(hatch_id, (DsrChartInk)ink);
        xmlNodePtr pat = child(defs, ns, "pattern");
        xmlNewProp(pat, BAD_CAST "id", BAD_CAST pat_id);
        xmlNewProp(pat, BAD_CAST "width", BAD_CAST "3.5");
        xmlNewProp(pat, BAD_CAST "height", BAD_CAST "3.5");
        xmlNewProp(pat, BAD_CAST "patternUnits", BAD_CAST "userSpaceOnUse");
        xmlNewProp(pat, BAD_CAST "patternTransform", BAD_CAST "rotate(45)");
        xmlNodePtr stripe = child(pat, ns, "rect");
        xmlNewProp(stripe, BAD_CAST "width", BAD_CAST "1.2");
        xmlNewProp(stripe, BAD_CAST "height", BAD_CAST "3.5");
        set_ink(stripe, "fill", (DsrChartInk)ink);
    }

    /* The same painting order as the Cairo back-end. */
    for (guint i = 0; i < layout->lines->len; i++) {
        const DsrChartLine *l = &g_array_index(layout->lines, DsrChartLine, i);
        if (l->ink == DSR_CHART_INK_GRID)
            add_line(svg, ns, l);
    }
    for (guint i = 0; i < layout->rects->len; i++) {
        const DsrChartRect *r = &g_array_index(layout->rects, DsrChartRect, i);
        g_autofree char *pat_id = r->hatched ? hatch_name(hatch_id, r->ink) : NULL;
        g_autofree char *hatch_url = pat_id ? g_strdup_printf("url(#%s)", pat_id) : NULL;
        xmlNodePtr n = child(svg, ns, "rect");
        set_num(n, "x", r->hatched ? r->x + 0.5 : r->x);
        set_num(n, "y", r->hatched ? r->y + 0.5 : r->y);
        set_num(n, "width", r->hatched ? MAX(r->w - 1, 0) : r->w);
        set_num(n, "height", r->hatched ? r->h - 1 : r->h);
        if (r->hatched) {
            xmlNewProp(n, BAD_CAST "fill", BAD_CAST hatch_url);
            set_ink(n, "stroke", r->ink);
        } else {
            set_ink(n, "fill", r->ink);
        }
    }
    for (guint i = 0; i < layout->lines->len; i++) {
        const DsrChartLine *l = &g_array_index(layout->lines, DsrChartLine, i);
        if (l->ink != DSR_CHART_INK_GRID)
            add_line(svg, ns, l);
    }
    for (guint i = 0; i < layout->dots->len; i++) {
        const DsrChartDot *d = &g_array_index(layout->dots, DsrChartDot, i);
        xmlNodePtr n = child(svg, ns, "circle");
        set_num(n, "cx", d->x);
        set_num(n, "cy", d->y);
        set_num(n, "r", d->r);
        set_ink(n, "fill", d->ink);
        xmlNewProp(n, BAD_CAST "stroke", BAD_CAST "#ffffff");
        xmlNewProp(n, BAD_CAST "stroke-width", BAD_CAST "0.75");
    }
    static const char *const anchors[] = {"start", "middle", "end"};
    /* Indexed by DsrChartTextRole: a page may hide the drawn title and note
     * when it shows them as the figure's caption. */
    static const char *const text_classes[] = {"dsr-chart-label", "dsr-chart-value",
                                               "dsr-chart-axis", "dsr-chart-title",
                                               "dsr-chart-note"};
    for (guint i = 0; i < layout->texts->len; i++) {
        const DsrChartText *t = &g_array_index(layout->texts, DsrChartText, i);
        xmlNodePtr n = xmlNewTextChild(svg, ns, BAD_CAST "text", BAD_CAST t->text);
        set_num(n, "x", t->x);
        set_num(n, "y", t->y);
        set_num(n, "font-size", t->size);
        if (t->bold)
            xmlNewProp(n, BAD_CAST "font-weight", BAD_CAST "bold");
        if (t->anchor != DSR_ANCHOR_START)
            xmlNewProp(n, BAD_CAST "text-anchor", BAD_CAST anchors[t->anchor]);
        set_ink(n, "fill", t->ink);
        xmlNewProp(n, BAD_CAST "class", BAD_CAST text_classes[t->role]);
    }
    return svg;
}
