/* SPDX-License-Identifier: MIT
 * The PDF paginator: flows blocks (paragraphs, list items, table rows, charts)
 * down pages with widow and orphan control, headings kept with what follows
 * and table rows never split (the header row is repeated on the next page).
 * Text is drawn line by line; a line holding soft hyphens is set again
 * without them, so the PDF's text map gives back the source text. */
#include "render-private.h"
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define SOFT_HYPHEN "\xc2\xad"

int
dsr__pdf_check_layout(PangoLayout *layout, DsrPdfStats *stats)
{
    int unknown = pango_layout_get_unknown_glyphs_count(layout);
    if (stats) {
        stats->layouts++;
        stats->unknown_glyphs += (guint)unknown;
    }
    if (unknown > 0)
        g_debug("pdf: %d glyph(s) missing from the bundled fonts in \"%s\"", unknown,
                pango_layout_get_text(layout));
    return unknown;
}

/* @s as a string of cairo's tag attributes: in single quotes, with its
 * quotes and backslashes escaped. A source URL holding a "'" otherwise ended
 * the string early, and cairo 1.16 crashed finishing the surface. */
static char *
attr_quote(const char *s)
{
    GString *out = g_string_new("'");
    for (const char *p = s; *p; p++) {
        if (*p == '\\' || *p == '\'')
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '\'');
    return g_string_free(out, FALSE);
}

static void
link_clear(gpointer p)
{
    DsrPdfLink *l = p;
    g_free(l->dest);
    g_free(l->uri);
}

DsrPdfText *
dsr__pdf_text_new(PangoLayout *layout_take, double x, guint32 rgb, const char *tag)
{
    DsrPdfText *t = g_new0(DsrPdfText, 1);
    t->layout = layout_take;
    t->x = x;
    t->rgb = rgb;
    t->tag = tag;
    return t;
}

void
dsr__pdf_text_free(DsrPdfText *text)
{
    if (!text)
        return;
    g_clear_object(&text->layout);
    if (text->links)
        g_array_unref(text->links);
    g_free(text);
}

void
dsr__pdf_text_add_link(DsrPdfText *text, int start, int end, const char *dest, const char *uri)
{
    if (!text->links) {
        text->links = g_array_new(FALSE, TRUE, sizeof(DsrPdfLink));
        g_array_set_clear_func(text->links, link_clear);
    }
    DsrPdfLink l = {start, end, g_strdup(dest), g_strdup(uri)};
    g_array_append_val(text->links, l);
}

DsrPdfBlock *
dsr__pdf_block_new(DsrPdfBlockKind kind)
{
    DsrPdfBlock *b = g_new0(DsrPdfBlock, 1);
    b->kind = kind;
    b->fill = G_MAXUINT32;
    b->bar = G_MAXUINT32;
    if (kind == DSR_PDF_BLOCK_ROW)
        b->cells = g_ptr_array_new_with_free_func((GDestroyNotify)dsr__pdf_text_free);
    return b;
}

void
dsr__pdf_block_free(DsrPdfBlock *b)
{
    if (!b)
        return;
    g_free(b->dest);
    g_free(b->outline);
    dsr__pdf_text_free(b->body);
    dsr__pdf_text_free(b->marker);
    if (b->line_top) {
        g_array_unref(b->line_top);
        g_array_unref(b->line_bottom);
        g_array_unref(b->line_base);
    }
    if (b->cells)
        g_ptr_array_unref(b->cells);
    dsr_chart_layout_free(b->chart);
    g_free(b);
}

void
dsr__pdf_block_measure(DsrPdfBlock *b)
{
    switch (b->kind) {
    case DSR_PDF_BLOCK_TEXT: {
        if (!b->line_top) {
            b->line_top = g_array_new(FALSE, FALSE, sizeof(double));
            b->line_bottom = g_array_new(FALSE, FALSE, sizeof(double));
            b->line_base = g_array_new(FALSE, FALSE, sizeof(double));
        }
        g_array_set_size(b->line_top, 0);
        g_array_set_size(b->line_bottom, 0);
        g_array_set_size(b->line_base, 0);
        PangoLayoutIter *it = pango_layout_get_iter(b->body->layout);
        do {
            int y0, y1;
            pango_layout_iter_get_line_yrange(it, &y0, &y1);
            double top = (double)y0 / PANGO_SCALE, bot = (double)y1 / PANGO_SCALE;
            double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
            g_array_append_val(b->line_top, top);
            g_array_append_val(b->line_bottom, bot);
            g_array_append_val(b->line_base, base);
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
        b->height = g_array_index(b->line_bottom, double, b->line_bottom->len - 1);
        break;
    }
    case DSR_PDF_BLOCK_ROW: {
        double h = 0;
        for (guint i = 0; i < b->cells->len; i++) {
            const DsrPdfText *c = g_ptr_array_index(b->cells, i);
            int w, ch;
            pango_layout_get_size(c->layout, &w, &ch);
            h = MAX(h, (double)ch / PANGO_SCALE);
        }
        b->height = h + 2 * b->pad;
        break;
    }
    case DSR_PDF_BLOCK_CHART:
        b->height = b->chart ? b->chart->height : 0;
        break;
    }
}

static guint
text_lines(const DsrPdfBlock *b)
{
    return b->kind == DSR_PDF_BLOCK_TEXT ? b->line_top->len : 1;
}

#define LINE(arr, i) g_array_index((arr), double, (i))

/* Height of lines [first, first + n) of a text block. */
static double
lines_height(const DsrPdfBlock *b, guint first, guint n)
{
    return LINE(b->line_bottom, first + n - 1) - LINE(b->line_top, first);
}

/* The least of @b that must fit where it starts: its first lines (orphans), or all of it. */
static double
start_need(const DsrPdfBlock *b, const DsrPdfFrame *f)
{
    if (b->kind != DSR_PDF_BLOCK_TEXT)
        return b->height;
    guint n = text_lines(b);
    if (b->keep_with_next || n <= f->orphans + f->widows)
        return b->height;
    return lines_height(b, 0, f->orphans);
}

/* What must fit on this page before block @i may start: a chain of blocks
 * kept together (heading, table header) ends with the start of the next one. */
static double
chain_need(GPtrArray *blocks, guint i, const DsrPdfFrame *f)
{
    const DsrPdfBlock *b = g_ptr_array_index(blocks, i);
    double need = start_need(b, f);
    while (b->keep_with_next && i + 1 < blocks->len) {
        need += b->space_after;
        b = g_ptr_array_index(blocks, ++i);
        need += b->space_before + start_need(b, f);
    }
    return need;
}

typedef struct {
    GArray *places;
    const DsrPdfFrame *frame;
    guint page;
    double y;
    gboolean at_top;
    int table;   /* table being set, 0 for none */
    gint header; /* its header row block, -1 for none */
} Flow;

static void
place(Flow *fl, guint block, guint first, guint n, gboolean first_piece, gboolean last_piece,
      gboolean repeat)
{
    DsrPdfPlace p = {block, fl->page, fl->y, first, n, first_piece, last_piece, repeat};
    g_array_append_val(fl->places, p);
}

static void
new_page(Flow *fl)
{
    fl->page++;
    fl->y = fl->frame->top;
    fl->at_top = TRUE;
}

GArray *
dsr__pdf_paginate(GPtrArray *blocks, const DsrPdfFrame *frame, guint *n_pages)
{
    Flow fl = {g_array_new(FALSE, FALSE, sizeof(DsrPdfPlace)), frame, 0, frame->top, TRUE, 0, -1};
    for (guint i = 0; i < blocks->len; i++) {
        const DsrPdfBlock *b = g_ptr_array_index(blocks, i);
        if (b->kind == DSR_PDF_BLOCK_ROW && b->table != fl.table) {
            fl.table = b->table;
            fl.header = -1;
        } else if (b->kind != DSR_PDF_BLOCK_ROW) {
            fl.table = 0;
            fl.header = -1;
        }
        if (b->kind == DSR_PDF_BLOCK_ROW && b->header_row)
            fl.header = (gint)i;
        if (!fl.at_top)
            fl.y += b->space_before;
        if (!fl.at_top && fl.y + chain_need(blocks, i, frame) > frame->bottom) {
            new_page(&fl);
            if (b->kind == DSR_PDF_BLOCK_ROW && !b->header_row && fl.header >= 0) {
                const DsrPdfBlock *h = g_ptr_array_index(blocks, fl.header);
                place(&fl, (guint)fl.header, 0, 1, TRUE, TRUE, TRUE);
                fl.y += h->height;
                fl.at_top = FALSE;
            }
        }
        if (b->kind != DSR_PDF_BLOCK_TEXT) {
            place(&fl, i, 0, 1, TRUE, TRUE, FALSE);
            fl.y += b->height + b->space_after;
            fl.at_top = FALSE;
            continue;
        }
        const guint n = text_lines(b);
        guint first = 0;
        while (first < n) {
            guint k = first;
            while (k < n && fl.y + lines_height(b, first, k - first + 1) <= frame->bottom)
                k++;
            gint fit = (gint)(k - first);
            if (k < n) {
                if (n - k < frame->widows)
                    fit -= (gint)(frame->widows - (n - k));
                if (first == 0 && fit < (gint)frame->orphans)
                    fit = 0;
                if (fit <= 0 && fl.at_top)
                    fit = k > first ? (gint)(k - first) : 1;
            }
            if (fit > 0) {
                place(&fl, i, first, (guint)fit, first == 0, first + (guint)fit == n, FALSE);
                fl.y += lines_height(b, first, (guint)fit);
                fl.at_top = FALSE;
            }
            first += (guint)MAX(fit, 0);
            if (first < n)
                new_page(&fl);
        }
        fl.y += b->space_after;
    }
    *n_pages = fl.page + 1;
    return fl.places;
}

static void
set_rgb(cairo_t *cr, guint32 rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0);
}

/* A copy of @attrs for the bytes [@start, @end) of a text @total bytes long,
 * re-indexed from 0. */
static PangoAttrList *
slice_attrs(PangoAttrList *attrs, int start, int end, int total)
{
    PangoAttrList *copy = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    if (end < total)
        pango_attr_list_update(copy, end, total - end, 0);
    if (start > 0)
        pango_attr_list_update(copy, 0, start, 0);
    return copy;
}

static gboolean
has_space(const char *s, gsize len)
{
    for (gsize i = 0; i < len; i++)
        if (s[i] == ' ')
            return TRUE;
    return FALSE;
}

/* TRUE when @line ends at one of its soft hyphens (trailing spaces aside). */
static gboolean
broke_at_soft(const char *text, const PangoLayoutLine *line)
{
    int start = line->start_index, end = line->start_index + line->length;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
        end--;
    return end - start >= 2 && memcmp(text + end - 2, SOFT_HYPHEN, 2) == 0;
}

/* Sets one line again without its soft hyphens, with a real hyphen where the
 * line broke at one, justified to the paragraph's width when the paragraph is
 * (a single word is never stretched: Pango would letter-space it). */
static void
draw_line_again(cairo_t *cr, PangoLayout *layout, PangoLayoutLine *line, gboolean last, double x,
                double baseline, DsrPdfStats *stats)
{
    const char *text = pango_layout_get_text(layout);
    const int total = (int)strlen(text);
    int start = line->start_index, end = line->start_index + line->length;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
        end--;
    const gboolean broke_at_soft =
        !last && end - start >= 2 && memcmp(text + end - 2, SOFT_HYPHEN, 2) == 0;
    PangoAttrList *attrs = slice_attrs(pango_layout_get_attributes(layout), start, end, total);
    GString *s = g_string_sized_new((gsize)(end - start + 2));
    for (int i = start; i < end;) {
        if (i + 1 < end && memcmp(text + i, SOFT_HYPHEN, 2) == 0) {
            pango_attr_list_update(attrs, (int)s->len, 2, 0);
            i += 2;
            continue;
        }
        g_string_append_c(s, text[i]);
        i++;
    }
    if (broke_at_soft)
        g_string_append_c(s, '-');

    PangoLayout *l = pango_layout_new(pango_layout_get_context(layout));
    pango_layout_set_font_description(l, pango_layout_get_font_description(layout));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    pango_layout_set_text(l, s->str, (int)s->len);
    pango_layout_set_alignment(l, pango_layout_get_alignment(layout));
    const int width = pango_layout_get_width(layout);
    if (width > 0) {
        int natural, h;
        pango_layout_get_size(l, &natural, &h);
        /* A line that broke at a soft hyphen may be wider than the box by the
         * hyphen: never let it wrap again, let it overhang instead. */
        if (natural <= width) {
            pango_layout_set_width(l, width);
            if (pango_layout_get_justify(layout) && !last && has_space(s->str, s->len)) {
                pango_layout_set_justify(l, TRUE);
                pango_layout_set_justify_last_line(l, TRUE);
            }
        }
    }
    dsr__pdf_check_layout(l, stats);
    g_string_free(s, TRUE);
    PangoLayoutIter *it = pango_layout_get_iter(l);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, NULL, &logical);
    cairo_move_to(cr, x + (double)logical.x / PANGO_SCALE, baseline);
    pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(it));
    pango_layout_iter_free(it);
    g_object_unref(l);
}

static gboolean
is_soft_hyphen(const char *s, const char *end)
{
    return s + 1 < end && memcmp(s, SOFT_HYPHEN, 2) == 0;
}

/* Draws @line as set in its layout, with the baseline's left end at (@x,
 * @baseline), but with a text map (what copy-paste and screen readers get)
 * free of soft hyphens: each cluster's bytes lose their U+00AD, and the hyphen
 * glyph Pango drew at a soft break maps to "-". The glyphs are Pango's, so the
 * line is not shaped a second time. FALSE, drawing nothing, for a line holding
 * right-to-left runs (their clusters run backwards): the caller sets those
 * again instead. */
static gboolean
draw_line_glyphs(cairo_t *cr, PangoLayout *layout, PangoLayoutLine *line, gboolean broke_at_soft,
                 double x, double baseline)
{
    for (GSList *r = line->runs; r; r = r->next)
        if (((PangoGlyphItem *)r->data)->item->analysis.level % 2)
            return FALSE;
    const char *text = pango_layout_get_text(layout);
    double pen = x;
    g_autoptr(GString) utf8 = g_string_new(NULL);
    g_autoptr(GArray) glyphs = g_array_new(FALSE, FALSE, sizeof(cairo_glyph_t));
    g_autoptr(GArray) clusters = g_array_new(FALSE, FALSE, sizeof(cairo_text_cluster_t));
    cairo_pattern_t *base_source = cairo_pattern_reference(cairo_get_source(cr));
    for (GSList *r = line->runs; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        PangoGlyphString *gs = run->glyphs;
        g_string_truncate(utf8, 0);
        g_array_set_size(glyphs, 0);
        g_array_set_size(clusters, 0);
        const double run_y = baseline - (double)run->y_offset / PANGO_SCALE;
        PangoGlyphItemIter it;
        for (gboolean ok = pango_glyph_item_iter_init_start(&it, run, text); ok;
             ok = pango_glyph_item_iter_next_cluster(&it)) {
            cairo_text_cluster_t c = {0, 0};
            gboolean had_soft = FALSE;
            const char *end = text + it.end_index;
            for (const char *q = text + it.start_index; q < end;) {
                if (is_soft_hyphen(q, end)) {
                    had_soft = TRUE;
                    q += 2;
                    continue;
                }
                g_string_append_c(utf8, *q++);
                c.num_bytes++;
            }
            for (int g = it.start_glyph; g < it.end_glyph; g++) {
                const PangoGlyphInfo *gi = &gs->glyphs[g];
                if (gi->glyph != PANGO_GLYPH_EMPTY && !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)) {
                    cairo_glyph_t cg = {gi->glyph,
                                        pen + (double)gi->geometry.x_offset / PANGO_SCALE,
                                        run_y + (double)gi->geometry.y_offset / PANGO_SCALE};
                    g_array_append_val(glyphs, cg);
                    c.num_glyphs++;
                }
                pen += (double)gi->geometry.width / PANGO_SCALE;
            }
            /* At a soft break Pango draws the U+00AD, the line's last
             * character, as a hyphen: that glyph reads as "-". */
            if (broke_at_soft && had_soft && !r->next &&
                it.end_index == run->item->offset + run->item->length) {
                g_string_append_c(utf8, '-');
                c.num_bytes++;
            }
            if (c.num_bytes > 0 || c.num_glyphs > 0)
                g_array_append_val(clusters, c);
        }
        if (glyphs->len == 0 && utf8->len == 0)
            continue;
        cairo_set_source(cr, base_source);
        for (GSList *a = run->item->analysis.extra_attrs; a; a = a->next) {
            const PangoAttribute *attr = a->data;
            if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
                const PangoColor *col = &((const PangoAttrColor *)attr)->color;
                cairo_set_source_rgb(cr, col->red / 65535.0, col->green / 65535.0,
                                     col->blue / 65535.0);
            }
        }
        cairo_set_scaled_font(
            cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font)));
        cairo_show_text_glyphs(cr, utf8->str, (int)utf8->len, (const cairo_glyph_t *)glyphs->data,
                               (int)glyphs->len, (const cairo_text_cluster_t *)clusters->data,
                               (int)clusters->len, 0);
    }
    cairo_set_source(cr, base_source);
    cairo_pattern_destroy(base_source);
    return TRUE;
}

typedef struct {
    double x, top, bottom; /* line box on the page */
    PangoLayoutLine *line;
} LineBox;

/* " 12.34": a length in points to the hundredth, for cairo's link
 * rectangles. Integer formatting: a brief has thousands of these, and
 * printf's "%.2f" is locale-dependent and costs ten times more. */
static void
append_points(GString *s, double v)
{
    gint64 c = (gint64)llround(v * 100);
    if (s->len)
        g_string_append_c(s, ' ');
    if (c < 0) {
        g_string_append_c(s, '-');
        c = -c;
    }
    g_string_append_printf(s, "%" G_GINT64_FORMAT ".%02d", c / 100, (int)(c % 100));
}

static void
draw_links(cairo_t *cr, const DsrPdfText *t, const GArray *boxes)
{
    for (guint k = 0; k < t->links->len; k++) {
        const DsrPdfLink *ln = &g_array_index(t->links, DsrPdfLink, k);
        GString *rects = g_string_new(NULL);
        for (guint j = 0; j < boxes->len; j++) {
            const LineBox *bx = &g_array_index(boxes, LineBox, j);
            const int ls = bx->line->start_index, le = ls + bx->line->length;
            const int s = MAX(ln->start, ls), e = MIN(ln->end, le);
            if (s >= e)
                continue;
            const char *text = pango_layout_get_text(t->layout);
            const int last = (int)(g_utf8_prev_char(text + e) - text);
            int x0, x1;
            pango_layout_line_index_to_x(bx->line, s, FALSE, &x0);
            pango_layout_line_index_to_x(bx->line, last, TRUE, &x1);
            append_points(rects, bx->x + (double)MIN(x0, x1) / PANGO_SCALE);
            append_points(rects, bx->top);
            append_points(rects, (double)ABS(x1 - x0) / PANGO_SCALE);
            append_points(rects, bx->bottom - bx->top);
        }
        if (rects->len) {
            g_autofree char *value = attr_quote(ln->dest ? ln->dest : ln->uri);
            g_autofree char *attr =
                g_strdup_printf("%s=%s rect=[%s]", ln->dest ? "dest" : "uri", value, rects->str);
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attr);
            cairo_tag_end(cr, CAIRO_TAG_LINK);
        }
        g_string_free(rects, TRUE);
    }
}

void
dsr__pdf_draw_text(cairo_t *cr, const DsrPdfText *t, double x, double y, guint first, guint n,
                   gboolean span, DsrPdfStats *stats)
{
    x += t->x;
    if (t->tag)
        cairo_tag_begin(cr, t->tag, NULL);
    /* cairo 1.16 marks only leaves: an element with Link children would lose
     * its text, so the text goes in a Span of its own. */
    span = span || (t->links && t->links->len > 0);
    if (span)
        cairo_tag_begin(cr, "Span", NULL);
    set_rgb(cr, t->rgb);
    g_autoptr(GArray) boxes = g_array_new(FALSE, FALSE, sizeof(LineBox));
    const char *text = pango_layout_get_text(t->layout);
    const int nlines = pango_layout_get_line_count(t->layout);
    PangoLayoutIter *it = pango_layout_get_iter(t->layout);
    double top_first = 0;
    guint j = 0;
    do {
        if (j < first)
            continue;
        if (j >= first + n)
            break;
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        if (j == first)
            top_first = (double)y0 / PANGO_SCALE;
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        const double lx = x + (double)logical.x / PANGO_SCALE;
        const double base =
            y + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE - top_first;
        const gboolean last =
            (int)j == nlines - 1 || text[line->start_index + line->length] == '\n';
        if (g_strstr_len(text + line->start_index, line->length, SOFT_HYPHEN)) {
            if (!draw_line_glyphs(cr, t->layout, line, !last && broke_at_soft(text, line), lx,
                                  base))
                draw_line_again(cr, t->layout, line, last, x, base, stats);
        } else {
            cairo_move_to(cr, lx, base);
            pango_cairo_show_layout_line(cr, line);
        }
        LineBox bx = {lx, y + (double)y0 / PANGO_SCALE - top_first,
                      y + (double)y1 / PANGO_SCALE - top_first, line};
        g_array_append_val(boxes, bx);
    } while (++j, pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    if (span)
        cairo_tag_end(cr, "Span");
    if (t->links && t->links->len > 0)
        draw_links(cr, t, boxes);
    if (t->tag)
        cairo_tag_end(cr, t->tag);
}
