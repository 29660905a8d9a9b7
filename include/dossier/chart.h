/* SPDX-License-Identifier: MIT
 * Charts: one layout step that turns a DsrChartSpec into plain geometry
 * (scales, ticks, bars, label boxes measured with Pango), and two drawing
 * back-ends for it: Cairo (PDF pages, PNG for e-mail) and SVG elements built
 * with libxml2 (HTML). The layout is the part tests check: every text is one
 * line already wrapped or ellipsized, so a back-end never measures. */
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
    DSR_CHART_INK_TEXT,  /* body text colour */
    DSR_CHART_INK_MUTED, /* axis, ticks, notes */
    DSR_CHART_INK_GRID,
    DSR_CHART_INK_SERIES,   /* first data colour of the palette */
    DSR_CHART_INK_ACCENT,   /* second data colour (approximations, highlights) */
    DSR_CHART_INK_SERIES_3, /* third and fourth series of a grouped chart */
    DSR_CHART_INK_SERIES_4,
} DsrChartInk;

/* A grouped chart shows at most this many series (the palette's data
 * colours); points of further series are left out of the layout. */
#define DSR_CHART_MAX_SERIES 4

/* A filled box; @hatched boxes are drawn with diagonal stripes of @ink
 * (approximate values), so they read without colour. */
typedef struct {
    double x, y, w, h;
    DsrChartInk ink;
    gboolean hatched;
} DsrChartRect;
typedef struct {
    double x1, y1, x2, y2, width;
    DsrChartInk ink;
    gboolean dashed;
} DsrChartLine;
typedef struct {
    double x, y, r;
    DsrChartInk ink;
} DsrChartDot;

/* What a text is for: a back-end may style or leave out the title and note
 * when its page shows them in its own type (the HTML figure's caption). */
typedef enum {
    DSR_CHART_TEXT_LABEL, /* category labels, timeline entries */
    DSR_CHART_TEXT_VALUE, /* value labels */
    DSR_CHART_TEXT_AXIS,  /* tick labels, years */
    DSR_CHART_TEXT_TITLE, /* the chart's title with its unit */
    DSR_CHART_TEXT_NOTE,  /* the note under the chart */
} DsrChartTextRole;

/* One line of text. Its box is [x - w (end) | x - w/2 (middle) | x (start),
 * + w] × [y - ascent, y - ascent + h]. */
typedef struct {
    char *text;
    double x, y;   /* anchor point on the baseline */
    double w, h;   /* measured logical extents */
    double ascent; /* baseline below the top of the box */
    double size;   /* font size in points */
    gboolean bold;
    DsrAnchor anchor;
    DsrChartInk ink;
    DsrChartTextRole role;
} DsrChartText;

/* A chart as geometry in points, origin top-left. Every element lies inside
 * [0, width] × [0, height]. */
typedef struct {
    double width, height;
    char *family;         /* font family the texts were measured in */
    char *title;          /* with the unit */
    char *alt;            /* a sentence describing the data, for screen readers */
    GArray *rects;        /* DsrChartRect */
    GArray *lines;        /* DsrChartLine */
    GArray *dots;         /* DsrChartDot */
    GArray *texts;        /* DsrChartText */
    GArray *ticks;        /* double, increasing: the value axis's ticks (bar, line) or
                           * the days of each 1 January (timeline) */
    guint missing_glyphs; /* characters the fonts cannot draw (0 when all is well) */
} DsrChartLayout;

void dsr_chart_layout_free(DsrChartLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrChartLayout, dsr_chart_layout_free)

/* Lays @spec out in a box @width points wide (height follows from the data),
 * measuring text with @pango (a context at 72 dpi with the bundled fonts, from
 * dsr_fonts_new_context()) in the sans family @family. Numbers are formatted
 * for @lang ("fr": 16,5; "en": 16.5). A chart without points gets only its
 * title and note. Never fails; a new layout. */
DsrChartLayout *dsr_chart_layout(const DsrChartSpec *spec, double width, PangoContext *pango,
                                 const char *family, const char *lang);

/* Colours of the inks, as 0xRRGGBB (Okabe–Ito, colour-blind safe: blue,
 * orange, bluish green, reddish purple for the series). */
guint32 dsr_chart_ink_rgb(DsrChartInk ink);

/* Draws @layout with its top-left corner at (@x, @y) on @cr (vector on a PDF
 * surface). Text is set with Pango in @family (NULL: the layout's family);
 * @pango should be the context the layout was measured with, so the text
 * lands where it was measured. The state of @cr is saved and restored;
 * failures show in cairo_status(@cr). */
void dsr_chart_draw_cairo(const DsrChartLayout *layout, cairo_t *cr, PangoContext *pango,
                          const char *family, double x, double y);

/* Builds an <svg> element (SVG namespace, viewBox in points, width and height
 * attributes, class "dsr-chart", role="img", <title id="@id_prefix-title">
 * and <desc id="@id_prefix-desc"> referenced by aria-labelledby and
 * aria-describedby) for @layout in @doc, with real <text>. Every id starts
 * with @id_prefix, so charts with different prefixes can share a page; no
 * script, no reference outside the element. The node is unlinked: the caller
 * adds it to the tree (or frees it with xmlFreeNode). */
xmlNodePtr dsr_chart_to_svg(const DsrChartLayout *layout, xmlDocPtr doc, const char *id_prefix);

G_END_DECLS

#endif
