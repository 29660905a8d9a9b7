/* SPDX-License-Identifier: MIT
 * Charts: one layout step that turns a DsrChartSpec into plain geometry
 * (scales, ticks, bars, label boxes measured with Pango), and two drawing
 * back-ends for it: Cairo (PDF pages, PNG for e-mail) and SVG elements built
 * with libxml2 (HTML). The layout is the part tests check. */
#ifndef DOSSIER_CHART_H
#define DOSSIER_CHART_H

#include <glib.h>
#include <cairo.h>
#include <pango/pango.h>
#include <libxml/tree.h>
#include <dossier/brief.h>

G_BEGIN_DECLS

typedef enum { DSR_ANCHOR_START, DSR_ANCHOR_MIDDLE, DSR_ANCHOR_END } DsrAnchor;

typedef enum {
    DSR_CHART_INK_TEXT,   /* body text colour */
    DSR_CHART_INK_MUTED,  /* axis, ticks, notes */
    DSR_CHART_INK_GRID,
    DSR_CHART_INK_SERIES, /* first data colour of the palette */
    DSR_CHART_INK_ACCENT, /* second data colour (approximations, highlights) */
} DsrChartInk;

typedef struct { double x, y, w, h; DsrChartInk ink; gboolean hatched; } DsrChartRect;
typedef struct { double x1, y1, x2, y2, width; DsrChartInk ink; gboolean dashed; } DsrChartLine;
typedef struct { double x, y, r; DsrChartInk ink; } DsrChartDot;
typedef struct {
    char *text;
    double x, y;        /* anchor point on the baseline */
    double w, h;        /* measured extents */
    double size;        /* font size in points */
    gboolean bold;
    DsrAnchor anchor;
    DsrChartInk ink;
} DsrChartText;

/* A chart as geometry in points, origin top-left. */
typedef struct {
    double width, height;
    char *title;        /* with the unit */
    char *alt;          /* a sentence describing the data, for screen readers */
    GArray *rects;      /* DsrChartRect */
    GArray *lines;      /* DsrChartLine */
    GArray *dots;       /* DsrChartDot */
    GArray *texts;      /* DsrChartText */
} DsrChartLayout;

void dsr_chart_layout_free(DsrChartLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrChartLayout, dsr_chart_layout_free)

/* Lays @spec out in a box @width points wide (height follows from the data),
 * measuring text with @pango (a context at 72 dpi with the bundled fonts) in
 * the sans family @family. Numbers are formatted for @lang. */
DsrChartLayout *dsr_chart_layout(const DsrChartSpec *spec, double width, PangoContext *pango,
                                 const char *family, const char *lang);

/* Colours of the inks, as 0xRRGGBB (a colour-blind-safe palette). */
guint32 dsr_chart_ink_rgb(DsrChartInk ink);

/* Draws @layout with its top-left corner at (@x, @y) on @cr. */
void dsr_chart_draw_cairo(const DsrChartLayout *layout, cairo_t *cr, PangoContext *pango,
                          const char *family, double x, double y);

/* Builds an <svg> element (SVG namespace, viewBox in points, role="img",
 * <title> with id "@id_prefix-title") for @layout in @doc; real <text>. */
xmlNodePtr dsr_chart_to_svg(const DsrChartLayout *layout, xmlDocPtr doc, const char *id_prefix);

G_END_DECLS

#endif
