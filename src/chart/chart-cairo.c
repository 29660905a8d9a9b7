/* SPDX-License-Identifier: MIT
 * Draws a chart layout with Cairo: vector paths and Pango text on a PDF page,
 * pixels on an image surface for e-mail. It only paints what the layout says:
 * grid lines first, then boxes, the other lines, dots and texts on top. */
#include <dossier/chart.h>
#include <pango/pangocairo.h>

static void
set_ink(cairo_t *cr, DsrChartInk ink)
{
    guint32 rgb = dsr_chart_ink_rgb(ink);
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0);
}

static void
draw_line(cairo_t *cr, const DsrChartLine *l)
{
    set_ink(cr, l->ink);
    cairo_set_line_width(cr, l->width);
    if (l->dashed) {
        const double dash[] = {3, 2};
        cairo_set_dash(cr, dash, 2, 0);
    } else {
        cairo_set_dash(cr, NULL, 0, 0);
    }
    cairo_move_to(cr, l->x1, l->y1);
    cairo_line_to(cr, l->x2, l->y2);
    cairo_stroke(cr);
}

/* Approximate values: diagonal stripes inside an outline, readable in
 * black and white and without telling colours apart. */
static void
draw_hatched(cairo_t *cr, const DsrChartRect *r)
{
    cairo_save(cr);
    cairo_rectangle(cr, r->x, r->y, r->w, r->h);
    cairo_clip(cr);
    set_ink(cr, r->ink);
    cairo_set_line_width(cr, 1.2);
    for (double d = -r->h; d < r->w; d += 3.5) {
        cairo_move_to(cr, r->x + d, r->y + r->h);
        cairo_line_to(cr, r->x + d + r->h, r->y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
    set_ink(cr, r->ink);
    cairo_set_line_width(cr, 1);
    cairo_rectangle(cr, r->x + 0.5, r->y + 0.5, MAX(r->w - 1, 0), r->h - 1);
    cairo_stroke(cr);
}

static void
draw_text(cairo_t *cr, PangoContext *pango, const char *family, const DsrChartText *t)
{
    PangoLayout *pl = pango_layout_new(pango);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, family);
    pango_font_description_set_absolute_size(fd, t->size * PANGO_SCALE);
    pango_font_description_set_weight(fd, t->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(pl, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(pl, t->text, -1);
    double left = t->anchor == DSR_ANCHOR_START    ? t->x
                  : t->anchor == DSR_ANCHOR_MIDDLE ? t->x - t->w / 2
                                                   : t->x - t->w;
    set_ink(cr, t->ink);
    cairo_move_to(cr, left, t->y - (double)pango_layout_get_baseline(pl) / PANGO_SCALE);
    pango_cairo_show_layout(cr, pl);
    g_object_unref(pl);
}

void
dsr_chart_draw_cairo(const DsrChartLayout *layout, cairo_t *cr, PangoContext *pango,
                     const char *family, double x, double y)
{
    g_return_if_fail(layout != NULL && cr != NULL && PANGO_IS_CONTEXT(pango));
    if (!family)
        family = layout->family;
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    for (guint i = 0; i < layout->lines->len; i++) {
        const DsrChartLine *l = &g_array_index(layout->lines, DsrChartLine, i);
        if (l->ink == DSR_CHART_INK_GRID)
            draw_line(cr, l);
    }
    for (guint i = 0; i < layout->rects->len; i++) {
        const DsrChartRect *r = &g_array_index(layout->rects, DsrChartRect, i);
        if (r->hatched) {
            draw_hatched(cr, r);
        } else {
            set_ink(cr, r->ink);
            cairo_rectangle(cr, r->x, r->y, r->w, r->h);
            cairo_fill(cr);
        }
    }
    for (guint i = 0; i < layout->lines->len; i++) {
        const DsrChartLine *l = &g_array_index(layout->lines, DsrChartLine, i);
        if (l->ink != DSR_CHART_INK_GRID)
            draw_line(cr, l);
    }
    cairo_set_dash(cr, NULL, 0, 0);
    for (guint i = 0; i < layout->dots->len; i++) {
        const DsrChartDot *d = &g_array_index(layout->dots, DsrChartDot, i);
        cairo_new_sub_path(cr);
        cairo_arc(cr, d->x, d->y, d->r, 0, 2 * G_PI);
        set_ink(cr, d->ink);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_set_line_width(cr, 0.75);
        cairo_stroke(cr);
    }
    for (guint i = 0; i < layout->texts->len; i++)
        draw_text(cr, pango, family, &g_array_index(layout->texts, DsrChartText, i));
    cairo_restore(cr);
}
