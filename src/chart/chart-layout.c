/* SPDX-License-Identifier: MIT
 * Chart layout: a DsrChartSpec becomes boxes, lines and single lines of text
 * in points, every text measured with Pango in the font it will be drawn in.
 * Decisions that keep charts readable live here (label columns that wrap and
 * ellipsize, nice ticks, zero baselines, staggered timeline labels), so both
 * back-ends only paint, and tests can check the numbers. */
#include <dossier/chart.h>
#include <dossier/text.h>
#include <math.h>
#include <string.h>

#define TITLE_SIZE 10.0
#define LABEL_SIZE 8.5
#define TICK_SIZE 8.0
#define NOTE_SIZE 8.0
#define DATE_SIZE 7.5
#define BAR_H 13.0
#define ROW_GAP 5.0
#define PAD 4.0

typedef struct {
    PangoContext *pango;
    const char *family;
    const char *lang;
    DsrChartLayout *out;
    PangoFontset *fonts;   /* the family with Pango's fallbacks, to ask which characters it has */
    DsrChartTextRole role; /* given to the texts being added */
    double ellipsis_w;     /* width of "…" at ellipsis_size, ellipsis_bold */
    double ellipsis_size;
    gboolean ellipsis_bold;
} Lay;

/* Typographic characters the bundled Noto Sans (2020) lacks, with the plain
 * forms a reader takes for the same thing. Used only when the font in use
 * has no glyph, so a font set that gains them draws the real ones. */
static const struct {
    gunichar c;
    const char *plain;
} fallbacks[] = {
    {0x2248, "~"},  /* ≈ */
    {0x2212, "-"},  /* − minus */
    {0x2192, "->"}, /* → */
    {0x2190, "<-"}, /* ← */
    {0x2264, "<="}, /* ≤ */
    {0x2265, ">="}, /* ≥ */
    {0x2260, "!="}, /* ≠ */
};

/* TRUE when some face of the private set (the family or a fallback Pango
 * would pick, such as Noto Sans Math) draws @c. */
static gboolean
can_draw(Lay *lay, gunichar c)
{
    if (!lay->fonts)
        return TRUE;
    PangoFont *font = pango_fontset_get_font(lay->fonts, c);
    gboolean ok = font && pango_font_has_char(font, c);
    g_clear_object(&font);
    return ok;
}

/* @text with the characters of fallbacks[] the fonts cannot draw replaced. */
static char *
drawable(Lay *lay, const char *text)
{
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        const char *plain = NULL;
        for (guint i = 0; c >= 0x2000 && i < G_N_ELEMENTS(fallbacks); i++)
            if (fallbacks[i].c == c && !can_draw(lay, c))
                plain = fallbacks[i].plain;
        if (plain)
            g_string_append(out, plain);
        else
            g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    return g_string_free(out, FALSE);
}

static void
clear_text(gpointer p)
{
    g_free(((DsrChartText *)p)->text);
}

void
dsr_chart_layout_free(DsrChartLayout *l)
{
    if (!l)
        return;
    g_free(l->family);
    g_free(l->title);
    g_free(l->alt);
    g_clear_pointer(&l->rects, g_array_unref);
    g_clear_pointer(&l->lines, g_array_unref);
    g_clear_pointer(&l->dots, g_array_unref);
    g_clear_pointer(&l->texts, g_array_unref);
    g_clear_pointer(&l->ticks, g_array_unref);
    g_free(l);
}

guint32
dsr_chart_ink_rgb(DsrChartInk ink)
{
    switch (ink) {
    case DSR_CHART_INK_TEXT:
        return 0x1a1a1a;
    case DSR_CHART_INK_MUTED:
        return 0x5a5a5a;
    case DSR_CHART_INK_GRID:
        return 0xdddddd;
    case DSR_CHART_INK_SERIES:
        return 0x0072b2; /* Okabe–Ito blue */
    case DSR_CHART_INK_ACCENT:
        return 0xe69f00; /* Okabe–Ito orange */
    case DSR_CHART_INK_SERIES_3:
        return 0x009e73; /* Okabe–Ito bluish green */
    case DSR_CHART_INK_SERIES_4:
        return 0xcc79a7; /* Okabe–Ito reddish purple */
    }
    return 0x1a1a1a;
}

static PangoLayout *
new_pango_layout(Lay *lay, const char *text, double size, gboolean bold)
{
    PangoLayout *pl = pango_layout_new(lay->pango);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, lay->family);
    /* Absolute: the size is in points whatever the context's resolution. */
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(pl, fd);
    pango_font_description_free(fd);
    pango_layout_set_text(pl, text, -1);
    return pl;
}

/* A text's extents, as measure() gives them. */
typedef struct {
    double w, h, ascent;
} Extents;

/* Extents already measured with a context, kept with it: the charts of a
 * brief measure the same ticks, units and "Ag" again and again (13 217
 * measures of 919 texts for the briefs of 300 articles), and one Pango
 * layout of "0" costs as much as shaping a line. A context is used by one
 * thread at a time (Pango's rule), and its serial tells when its fonts or
 * settings changed. */
typedef struct {
    guint serial;
    GHashTable *extents; /* "family\x1fsize\x1fbold\x1ftext" -> Extents */
} MeasureCache;

#define MEASURE_CACHE_KEY "dsr-chart-measures"
#define MEASURE_CACHE_MAX 8192 /* texts; emptied when full */

static void
measure_cache_free(gpointer p)
{
    MeasureCache *mc = p;
    g_hash_table_unref(mc->extents);
    g_free(mc);
}

static MeasureCache *
measure_cache(PangoContext *pango)
{
    MeasureCache *mc = g_object_get_data(G_OBJECT(pango), MEASURE_CACHE_KEY);
    if (!mc) {
        mc = g_new0(MeasureCache, 1);
        mc->extents = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
        mc->serial = pango_context_get_serial(pango);
        g_object_set_data_full(G_OBJECT(pango), MEASURE_CACHE_KEY, mc, measure_cache_free);
    }
    guint serial = pango_context_get_serial(pango);
    if (serial != mc->serial || g_hash_table_size(mc->extents) >= MEASURE_CACHE_MAX) {
        g_hash_table_remove_all(mc->extents);
        mc->serial = serial;
    }
    return mc;
}

static double
measure(Lay *lay, const char *raw, double size, gboolean bold, double *h, double *ascent)
{
    MeasureCache *mc = measure_cache(lay->pango);
    g_autofree char *key =
        g_strdup_printf("%s\x1f%.17g\x1f%d\x1f%s", lay->family, size, bold ? 1 : 0, raw);
    Extents *e = g_hash_table_lookup(mc->extents, key);
    if (!e) {
        g_autofree char *text = drawable(lay, raw);
        PangoLayout *pl = new_pango_layout(lay, text, size, bold);
        PangoRectangle logical;
        pango_layout_get_extents(pl, NULL, &logical);
        e = g_new(Extents, 1);
        e->w = (double)logical.width / PANGO_SCALE;
        e->h = (double)logical.height / PANGO_SCALE;
        e->ascent = (double)pango_layout_get_baseline(pl) / PANGO_SCALE;
        g_object_unref(pl);
        g_hash_table_insert(mc->extents, g_steal_pointer(&key), e);
    }
    if (h)
        *h = e->h;
    if (ascent)
        *ascent = e->ascent;
    return e->w;
}

static double
line_height(Lay *lay, double size)
{
    double h;
    measure(lay, "Ag", size, FALSE, &h, NULL);
    return h;
}

/* Adds one line of text whose box top is @top; the anchor is moved so that the
 * box stays inside the chart's width. Returns the text's height. */
static DsrChartText *
add_text(Lay *lay, const char *raw, double x, double top, double size, gboolean bold,
         DsrAnchor anchor, DsrChartInk ink)
{
    DsrChartText t = {0};
    g_autofree char *text = drawable(lay, raw);
    PangoLayout *pl = new_pango_layout(lay, text, size, bold);
    PangoRectangle logical;
    pango_layout_get_extents(pl, NULL, &logical);
    lay->out->missing_glyphs += (guint)pango_layout_get_unknown_glyphs_count(pl);
    t.w = (double)logical.width / PANGO_SCALE;
    t.h = (double)logical.height / PANGO_SCALE;
    t.ascent = (double)pango_layout_get_baseline(pl) / PANGO_SCALE;
    g_object_unref(pl);
    double W = lay->out->width;
    double lo = anchor == DSR_ANCHOR_START ? 0 : anchor == DSR_ANCHOR_MIDDLE ? t.w / 2 : t.w;
    double hi = W - (t.w - lo);
    t.x = hi < lo ? lo : CLAMP(x, lo, hi);
    t.y = top + t.ascent;
    t.text = g_steal_pointer(&text);
    t.size = size;
    t.bold = bold;
    t.anchor = anchor;
    t.ink = ink;
    t.role = lay->role;
    g_array_append_val(lay->out->texts, t);
    return &g_array_index(lay->out->texts, DsrChartText, lay->out->texts->len - 1);
}

static void
add_line(Lay *lay, double x1, double y1, double x2, double y2, double width, DsrChartInk ink,
         gboolean dashed)
{
    DsrChartLine l = {x1, y1, x2, y2, width, ink, dashed};
    g_array_append_val(lay->out->lines, l);
}

static void
add_rect(Lay *lay, double x, double y, double w, double h, DsrChartInk ink, gboolean hatched)
{
    DsrChartRect r = {x, y, w, h, ink, hatched};
    g_array_append_val(lay->out->rects, r);
}

static char *
prefix_with_ellipsis(const char *text, glong chars)
{
    const char *end = g_utf8_offset_to_pointer(text, chars);
    g_autofree char *prefix = g_strndup(text, (gsize)(end - text));
    return g_strconcat(g_strchomp(prefix), "…", NULL);
}

/* Kerning across the cut can make a prefix shaped alone a little wider
 * than the same characters inside the line. */
#define CUT_SLACK 0.5

/* Whether every character of @text is of a left-to-right script that
 * shapes without long contexts: Latin (Vietnamese's too), Greek, Cyrillic,
 * their marks, and the dashes, quotes and signs of the text. */
static gboolean
plain_ltr(const char *text)
{
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        if ((guchar)*p < 0x80)
            continue;
        gunichar c = g_utf8_get_char(p);
        if (!(c < 0x0590 || (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x2010 && c <= 0x2027) ||
              (c >= 0x2030 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20CF)))
            return FALSE;
    }
    return TRUE;
}

/* Most labels cut are long (an event's sentence, up to some 250
 * characters, for 40 that fit), and shaping is most of a cut's cost. A
 * left-to-right @text is cut where its head alone would be, if that head
 * is wider than @max_w by two ems: a character's place depends on the
 * glyphs before it and on kerning or ligatures with the next one or two,
 * not on text two ems further. The head's layout, or NULL when @text is
 * short, not plain left to right, or its head not wide enough (narrow or
 * zero-width characters): the whole is then laid out. */
static PangoLayout *
head_layout(Lay *lay, const char *text, double size, gboolean bold, double max_w)
{
    /* Enough characters of average width (half an em) and more. */
    const glong head = (glong)ceil(max_w / (0.4 * size)) + 4;
    const char *end = text;
    for (glong n = 0; *end && n < head; n++)
        end = g_utf8_next_char(end);
    if (!*end || !plain_ltr(text))
        return NULL;
    g_autofree char *part = g_strndup(text, (gsize)(end - text));
    PangoLayout *pl = new_pango_layout(lay, part, size, bold);
    PangoRectangle logical;
    pango_layout_get_extents(pl, NULL, &logical);
    if ((double)logical.width / PANGO_SCALE > max_w + 2 * size)
        return pl;
    g_object_unref(pl);
    return NULL;
}

/* @text, laid out left to right in @pl (taken) or its head, cut on whole
 * characters to fit @max_w with an ellipsis: the characters before the
 * first that starts past the room left. Left to right, starts never
 * decrease along the text: bisect, since each pango_layout_index_to_pos()
 * walks the line (a character at a time made a long label's cut quadratic). */
static char *
cut_ltr(Lay *lay, PangoLayout *pl, const char *text, double size, gboolean bold, double max_w)
{
    if (lay->ellipsis_size != size || lay->ellipsis_bold != bold) {
        lay->ellipsis_w = measure(lay, "…", size, bold, NULL, NULL);
        lay->ellipsis_size = size;
        lay->ellipsis_bold = bold;
    }
    const double room = max_w - lay->ellipsis_w - CUT_SLACK;
    const char *laid = pango_layout_get_text(pl);
    g_autoptr(GArray) starts = g_array_new(FALSE, FALSE, sizeof(int));
    for (const char *p = laid; *p; p = g_utf8_next_char(p)) {
        int at = (int)(p - laid);
        g_array_append_val(starts, at);
    }
    glong lo = 0, hi = (glong)starts->len; /* the first past room is in [lo, hi] */
    while (lo < hi) {
        glong mid = lo + (hi - lo) / 2;
        PangoRectangle pos;
        pango_layout_index_to_pos(pl, g_array_index(starts, int, mid), &pos);
        if ((double)pos.x / PANGO_SCALE > room)
            hi = mid;
        else
            lo = mid + 1;
    }
    g_object_unref(pl);
    return prefix_with_ellipsis(text, lo > 0 ? lo - 1 : 0);
}

/* @text cut to fit @max_w with an ellipsis, on whole characters. One
 * shaping of the line (or of its head: head_layout()) tells both whether it
 * fits and, from where each character starts, how many characters the cut
 * keeps; only lines holding right-to-left runs (whose prefixes do not grow
 * from the left) are cut by measuring candidates. */
static char *
ellipsize(Lay *lay, const char *raw, double size, gboolean bold, double max_w)
{
    /* Cut what will be drawn (add_text() leaves it unchanged). */
    g_autofree char *text = drawable(lay, raw);
    PangoLayout *pl = head_layout(lay, text, size, bold, max_w);
    if (pl) { /* too long, and cut where the whole would be */
        char *cut = cut_ltr(lay, pl, text, size, bold, max_w);
#ifdef DOSSIER_CHECK_FILTERS
        /* Sanitizer and fuzzing builds cut the whole too, and stop if the cuts differ. */
        g_autofree char *whole =
            cut_ltr(lay, new_pango_layout(lay, text, size, bold), text, size, bold, max_w);
        if (strcmp(whole, cut) != 0)
            g_error("chart: the head of \"%s\" cut as \"%s\", the whole as \"%s\"", text, cut,
                    whole);
#endif
        return cut;
    }
    pl = new_pango_layout(lay, text, size, bold);
    PangoRectangle logical;
    pango_layout_get_extents(pl, NULL, &logical);
    if ((double)logical.width / PANGO_SCALE <= max_w) {
        g_object_unref(pl);
        return g_strdup(raw);
    }
    PangoLayoutLine *line = pango_layout_get_line_readonly(pl, 0);
    gboolean rtl = FALSE;
    for (GSList *r = line ? line->runs : NULL; r; r = r->next)
        rtl |= ((PangoGlyphItem *)r->data)->item->analysis.level % 2;
    if (!rtl)
        return cut_ltr(lay, pl, text, size, bold, max_w);
    g_object_unref(pl);
    glong n = g_utf8_strlen(text, -1), lo = 0, hi = n;
    while (lo < hi) { /* largest prefix length that fits with the ellipsis */
        glong mid = (lo + hi + 1) / 2;
        const char *end = g_utf8_offset_to_pointer(text, mid);
        g_autofree char *prefix = g_strndup(text, (gsize)(end - text));
        g_autofree char *cand = g_strconcat(g_strchomp(prefix), "…", NULL);
        if (measure(lay, cand, size, bold, NULL, NULL) <= max_w)
            lo = mid;
        else
            hi = mid - 1;
    }
    const char *end = g_utf8_offset_to_pointer(text, lo);
    g_autofree char *prefix = g_strndup(text, (gsize)(end - text));
    return g_strconcat(g_strchomp(prefix), "…", NULL);
}

/* @text broken into lines no wider than @max_w, at most @max_lines of them,
 * the last one ellipsized when text remains. A GPtrArray of new strings. */
static GPtrArray *
wrap(Lay *lay, const char *raw, double size, gboolean bold, double max_w, int max_lines)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *text = drawable(lay, raw);
    PangoLayout *pl = new_pango_layout(lay, text, size, bold);
    pango_layout_set_width(pl, (int)(max_w * PANGO_SCALE));
    pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
    const char *base = pango_layout_get_text(pl);
    GSList *l = pango_layout_get_lines_readonly(pl);
    for (int i = 0; l; l = l->next, i++) {
        const PangoLayoutLine *line = l->data;
        if (i == max_lines - 1 && l->next) {
            g_autofree char *rest = g_strstrip(g_strdup(base + line->start_index));
            g_ptr_array_add(lines, ellipsize(lay, rest, size, bold, max_w));
            break;
        }
        char *s = g_strstrip(g_strndup(base + line->start_index, (gsize)line->length));
        if (*s)
            g_ptr_array_add(lines, s);
        else
            g_free(s);
    }
    g_object_unref(pl);
    return lines;
}

/* Wrapped lines from @top; returns the y below the last line. */
static double
add_wrapped(Lay *lay, const char *text, double x, double top, double size, gboolean bold,
            DsrChartInk ink, double max_w, int max_lines)
{
    g_autoptr(GPtrArray) lines = wrap(lay, text, size, bold, max_w, max_lines);
    for (guint i = 0; i < lines->len; i++)
        top += add_text(lay, g_ptr_array_index(lines, i), x, top, size, bold, DSR_ANCHOR_START, ink)
                   ->h;
    return top;
}

/* ---- numbers ---- */

/* Decimals that show a value of magnitude @v without noise: 16,5 / 1 234 / 0,25. */
static int
value_decimals(double v)
{
    v = fabs(v);
    return v >= 100 ? 0 : v >= 10 ? 1 : 2;
}

static char *
format_value(Lay *lay, double v, gboolean approx)
{
    g_autofree char *n = dsr_text_format_number(v, value_decimals(v), lay->lang);
    return approx ? g_strconcat("≈\u202f", n, NULL) : g_steal_pointer(&n);
}

typedef struct {
    double lo, hi, step; /* axis from lo to hi, ticks every step */
    int n;               /* number of ticks: n = (hi - lo) / step + 1 */
    int decimals;
} Ticks;

/* Ticks on 1, 2, 2.5 or 5 times a power of ten covering [lo, hi] with at most
 * @max_ticks intervals. */
static Ticks
nice_ticks(double lo, double hi, int max_ticks)
{
    Ticks t = {0};
    if (!(hi > lo)) {
        hi = lo + (lo == 0 ? 1 : fabs(lo));
    }
    double raw = (hi - lo) / MAX(max_ticks, 1);
    double mag = pow(10, floor(log10(raw)));
    static const double steps[] = {1, 2, 2.5, 5, 10};
    double step = mag * 10;
    double mult = 10;
    for (guint i = 0; i < G_N_ELEMENTS(steps); i++) {
        if (steps[i] * mag >= raw * (1 - 1e-9)) {
            step = steps[i] * mag;
            mult = steps[i];
            break;
        }
    }
    double k0 = floor(lo / step + 1e-9), k1 = ceil(hi / step - 1e-9);
    t.lo = k0 * step;
    t.hi = k1 * step;
    t.step = step;
    t.n = (int)(k1 - k0) + 1;
    int d = -(int)floor(log10(step) + 1e-9);
    t.decimals = MAX(0, d + (mult == 2.5 ? 1 : 0));
    return t;
}

static double
tick_value(const Ticks *t, int i)
{
    double v = t->lo + i * t->step;
    return fabs(v) < t->step * 1e-9 ? 0 : v; /* never print "-0" */
}

/* Widest tick label of @t, to decide how many ticks fit. */
static double
widest_tick(Lay *lay, const Ticks *t)
{
    double w = 0;
    for (int i = 0; i < t->n; i++) {
        g_autofree char *s = dsr_text_format_number(tick_value(t, i), t->decimals, lay->lang);
        w = MAX(w, measure(lay, s, TICK_SIZE, FALSE, NULL, NULL));
    }
    return w;
}

/* As many ticks as fit along @length points with labels @room apart. */
static Ticks
fitting_ticks(Lay *lay, double lo, double hi, double length, gboolean horizontal)
{
    Ticks t = nice_ticks(lo, hi, 6);
    for (int max = 6; max >= 1; max--) {
        t = nice_ticks(lo, hi, max);
        double room = horizontal ? widest_tick(lay, &t) + 8 : line_height(lay, TICK_SIZE) + 4;
        if (t.n <= 2 || length / (t.n - 1) >= room)
            break;
    }
    return t;
}

/* ---- common parts ---- */

static char *
title_with_unit(const DsrChartSpec *spec)
{
    const char *title = spec->title ? spec->title : "";
    if (spec->unit && *spec->unit && !strstr(title, spec->unit))
        return *title ? g_strdup_printf("%s (%s)", title, spec->unit) : g_strdup(spec->unit);
    return g_strdup(title);
}

static double
add_header(Lay *lay, double top)
{
    if (!*lay->out->title)
        return top;
    lay->role = DSR_CHART_TEXT_TITLE;
    top = add_wrapped(lay, lay->out->title, 0, top, TITLE_SIZE, TRUE, DSR_CHART_INK_TEXT,
                      lay->out->width, 3);
    lay->role = DSR_CHART_TEXT_LABEL;
    return top + 6;
}

static double
add_note(Lay *lay, const DsrChartSpec *spec, double top)
{
    if (!spec->note || !*spec->note)
        return top;
    lay->role = DSR_CHART_TEXT_NOTE;
    top = add_wrapped(lay, spec->note, 0, top + 6, NOTE_SIZE, FALSE, DSR_CHART_INK_MUTED,
                      lay->out->width, 4);
    lay->role = DSR_CHART_TEXT_LABEL;
    return top;
}

/* Points with a finite value, in spec order. */
static GArray *
usable_points(const DsrChartSpec *spec)
{
    GArray *pts = g_array_new(FALSE, FALSE, sizeof(DsrChartPoint));
    for (guint i = 0; spec->points && i < spec->points->len; i++) {
        const DsrChartPoint *p = &g_array_index(spec->points, DsrChartPoint, i);
        if (isfinite(p->value))
            g_array_append_val(pts, *p);
    }
    return pts;
}

/* ---- horizontal bars ---- */

static double
layout_bars(Lay *lay, GArray *pts, double top)
{
    const double W = lay->out->width;
    double lo = 0, hi = 0, label_w = 0, pos_w = 0, neg_w = 0;
    for (guint i = 0; i < pts->len; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        lo = MIN(lo, p->value);
        hi = MAX(hi, p->value);
        label_w =
            MAX(label_w, measure(lay, p->label ? p->label : "", LABEL_SIZE, FALSE, NULL, NULL));
        g_autofree char *v = format_value(lay, p->value, p->approx);
        double vw = measure(lay, v, LABEL_SIZE, FALSE, NULL, NULL);
        if (p->value < 0)
            neg_w = MAX(neg_w, vw);
        else
            pos_w = MAX(pos_w, vw);
    }
    /* The label column takes what the labels need, up to 38 % of the width;
     * longer labels wrap onto two lines and are ellipsized beyond. */
    double col = MIN(ceil(label_w) + 1, W * 0.38);
    double x0 = col + 8 + (neg_w > 0 ? neg_w + PAD : 0);
    double x1 = W - (pos_w + PAD + 1);
    if (x1 - x0 < W * 0.3) {
        col = MAX(W * 0.2, col - (W * 0.3 - (x1 - x0)));
        x0 = col + 8 + (neg_w > 0 ? neg_w + PAD : 0);
    }
    Ticks t = fitting_ticks(lay, lo, hi, x1 - x0, TRUE);
    const double span = t.hi - t.lo;
#define X(v) (x0 + ((v)-t.lo) / span * (x1 - x0))

    const double lh = line_height(lay, LABEL_SIZE);
    const double plot_top = top;
    double y = top + ROW_GAP / 2;
    for (guint i = 0; i < pts->len; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        g_autoptr(GPtrArray) lines = wrap(lay, p->label ? p->label : "", LABEL_SIZE, FALSE, col, 2);
        double row_h = MAX(BAR_H, lines->len * lh);
        double mid = y + row_h / 2;
        double ly = mid - lines->len * lh / 2;
        for (guint k = 0; k < lines->len; k++)
            ly += add_text(lay, g_ptr_array_index(lines, k), col, ly, LABEL_SIZE, FALSE,
                           DSR_ANCHOR_END, DSR_CHART_INK_TEXT)
                      ->h;
        double a = X(MIN(0, p->value)), b = X(MAX(0, p->value));
        add_rect(lay, a, mid - BAR_H / 2, b - a, BAR_H, DSR_CHART_INK_SERIES, p->approx);
        g_autofree char *v = format_value(lay, p->value, p->approx);
        if (p->value < 0)
            add_text(lay, v, a - PAD, mid - lh / 2, LABEL_SIZE, FALSE, DSR_ANCHOR_END,
                     DSR_CHART_INK_TEXT)
                ->role = DSR_CHART_TEXT_VALUE;
        else
            add_text(lay, v, b + PAD, mid - lh / 2, LABEL_SIZE, FALSE, DSR_ANCHOR_START,
                     DSR_CHART_INK_TEXT)
                ->role = DSR_CHART_TEXT_VALUE;
        y += row_h + ROW_GAP;
    }
    double plot_bottom = y - ROW_GAP / 2;
    for (int i = 0; i < t.n; i++) {
        double v = tick_value(&t, i), x = X(v);
        g_array_append_val(lay->out->ticks, v);
        if (v != 0)
            add_line(lay, x, plot_top, x, plot_bottom, 0.5, DSR_CHART_INK_GRID, FALSE);
        g_autofree char *s = dsr_text_format_number(v, t.decimals, lay->lang);
        add_text(lay, s, x, plot_bottom + 3, TICK_SIZE, FALSE, DSR_ANCHOR_MIDDLE,
                 DSR_CHART_INK_MUTED)
            ->role = DSR_CHART_TEXT_AXIS;
    }
    /* The zero baseline, one x for every bar, drawn over the bars' ends. */
    add_line(lay, X(0), plot_top, X(0), plot_bottom, 1, DSR_CHART_INK_MUTED, FALSE);
#undef X
    return plot_bottom + 3 + line_height(lay, TICK_SIZE);
}

/* ---- grouped bars ---- */

static const DsrChartInk series_inks[DSR_CHART_MAX_SERIES] = {
    DSR_CHART_INK_SERIES, DSR_CHART_INK_ACCENT, DSR_CHART_INK_SERIES_3, DSR_CHART_INK_SERIES_4};

static int
index_of(GPtrArray *names, const char *name)
{
    for (guint i = 0; i < names->len; i++)
        if (g_strcmp0(g_ptr_array_index(names, i), name) == 0)
            return (int)i;
    return -1;
}

/* A swatch and the series' name for each series, flowing left to right and
 * onto a new line when the width runs out. Returns the y below it. */
static double
add_legend(Lay *lay, GPtrArray *series, double top)
{
    const double W = lay->out->width, sw = 9, lh = line_height(lay, LABEL_SIZE);
    double x = 0, y = top;
    for (guint s = 0; s < series->len; s++) {
        const char *name = g_ptr_array_index(series, s);
        g_autofree char *text = ellipsize(lay, name, LABEL_SIZE, FALSE, W - sw - 4);
        const double w = sw + 4 + measure(lay, text, LABEL_SIZE, FALSE, NULL, NULL);
        if (x > 0 && x + w > W) {
            x = 0;
            y += lh + 2;
        }
        add_rect(lay, x, y + (lh - sw) / 2, sw, sw, series_inks[s], FALSE);
        add_text(lay, text, x + sw + 4, y, LABEL_SIZE, FALSE, DSR_ANCHOR_START, DSR_CHART_INK_TEXT);
        x += w + 12;
    }
    return y + lh + 6;
}

/* Horizontal bars in groups: the group's label at the left of its bars, one
 * bar per series in legend order, each with its own value label at its end
 * (one bar per line, so no two labels can meet), a dash where a series has
 * no value for the group, one scale from zero for every bar. */
static double
layout_grouped(Lay *lay, GArray *pts, double top)
{
    const double W = lay->out->width;
    g_autoptr(GPtrArray) groups = g_ptr_array_new();
    g_autoptr(GPtrArray) series = g_ptr_array_new();
    for (guint i = 0; i < pts->len; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        const char *name = p->series ? p->series : "";
        if (index_of(series, name) < 0 && series->len < DSR_CHART_MAX_SERIES)
            g_ptr_array_add(series, (gpointer)name);
        if (index_of(series, name) >= 0 && index_of(groups, p->label ? p->label : "") < 0)
            g_ptr_array_add(groups, (gpointer)(p->label ? p->label : ""));
    }
    const guint ns = series->len, ng = groups->len;
    /* The first point of each group and series. */
    g_autofree const DsrChartPoint **cell = g_new0(const DsrChartPoint *, ng *ns + 1);
    double lo = 0, hi = 0, label_w = 0, pos_w = 0, neg_w = 0;
    for (guint i = 0; i < pts->len; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        const int s = index_of(series, p->series ? p->series : "");
        const int g = index_of(groups, p->label ? p->label : "");
        if (s < 0 || g < 0 || cell[(guint)g * ns + (guint)s])
            continue;
        cell[(guint)g * ns + (guint)s] = p;
        lo = MIN(lo, p->value);
        hi = MAX(hi, p->value);
        g_autofree char *v = format_value(lay, p->value, p->approx);
        const double vw = measure(lay, v, LABEL_SIZE, FALSE, NULL, NULL);
        if (p->value < 0)
            neg_w = MAX(neg_w, vw);
        else
            pos_w = MAX(pos_w, vw);
    }
    for (guint g = 0; g < ng; g++)
        label_w =
            MAX(label_w, measure(lay, g_ptr_array_index(groups, g), LABEL_SIZE, TRUE, NULL, NULL));
    top = add_legend(lay, series, top);

    double col = MIN(ceil(label_w) + 1, W * 0.3);
    double x0 = col + 8 + (neg_w > 0 ? neg_w + PAD : 0);
    const double x1 = W - (pos_w + PAD + 1);
    if (x1 - x0 < W * 0.3) {
        col = MAX(W * 0.15, col - (W * 0.3 - (x1 - x0)));
        x0 = col + 8 + (neg_w > 0 ? neg_w + PAD : 0);
    }
    Ticks t = fitting_ticks(lay, lo, hi, x1 - x0, TRUE);
    const double span = t.hi - t.lo;
#define X(v) (x0 + ((v)-t.lo) / span * (x1 - x0))
    const double lh = line_height(lay, LABEL_SIZE);
    const double bar_h = MAX(10.0, lh), bar_gap = 2;
    const double plot_top = top;
    double y = top + ROW_GAP / 2;
    for (guint g = 0; g < ng; g++) {
        const double group_h = ns * bar_h + (ns - 1) * bar_gap;
        g_autoptr(GPtrArray) lines =
            wrap(lay, g_ptr_array_index(groups, g), LABEL_SIZE, TRUE, col, MAX(1, (int)ns));
        double ly = y + group_h / 2 - lines->len * lh / 2;
        for (guint k = 0; k < lines->len; k++)
            ly += add_text(lay, g_ptr_array_index(lines, k), col, ly, LABEL_SIZE, TRUE,
                           DSR_ANCHOR_END, DSR_CHART_INK_TEXT)
                      ->h;
        for (guint s = 0; s < ns; s++) {
            const double by = y + s * (bar_h + bar_gap);
            const DsrChartPoint *p = cell[g * ns + s];
            if (!p) {
                add_text(lay, "–", X(0) + PAD, by + (bar_h - lh) / 2, LABEL_SIZE, FALSE,
                         DSR_ANCHOR_START, DSR_CHART_INK_MUTED)
                    ->role = DSR_CHART_TEXT_VALUE;
                continue;
            }
            const double a = X(MIN(0, p->value)), b = X(MAX(0, p->value));
            add_rect(lay, a, by, b - a, bar_h, series_inks[s], p->approx);
            g_autofree char *v = format_value(lay, p->value, p->approx);
            const gboolean neg = p->value < 0;
            add_text(lay, v, neg ? a - PAD : b + PAD, by + (bar_h - lh) / 2, LABEL_SIZE, FALSE,
                     neg ? DSR_ANCHOR_END : DSR_ANCHOR_START, DSR_CHART_INK_TEXT)
                ->role = DSR_CHART_TEXT_VALUE;
        }
        y += group_h + ROW_GAP * 2;
    }
    const double plot_bottom = y - ROW_GAP * 1.5;
    for (int i = 0; i < t.n; i++) {
        double v = tick_value(&t, i), x = X(v);
        g_array_append_val(lay->out->ticks, v);
        if (v != 0)
            add_line(lay, x, plot_top, x, plot_bottom, 0.5, DSR_CHART_INK_GRID, FALSE);
        g_autofree char *s = dsr_text_format_number(v, t.decimals, lay->lang);
        add_text(lay, s, x, plot_bottom + 3, TICK_SIZE, FALSE, DSR_ANCHOR_MIDDLE,
                 DSR_CHART_INK_MUTED)
            ->role = DSR_CHART_TEXT_AXIS;
    }
    add_line(lay, X(0), plot_top, X(0), plot_bottom, 1, DSR_CHART_INK_MUTED, FALSE);
#undef X
    return plot_bottom + 3 + line_height(lay, TICK_SIZE);
}

/* ---- line chart (time series) ---- */

static gboolean
is_year(const char *s, double *out)
{
    if (!s || strlen(s) != 4 || !g_ascii_isdigit(s[0]) || !g_ascii_isdigit(s[1]) ||
        !g_ascii_isdigit(s[2]) || !g_ascii_isdigit(s[3]))
        return FALSE;
    *out = g_ascii_strtod(s, NULL);
    return TRUE;
}

typedef struct {
    double x0, x1;
} Span;

static gboolean
overlaps(const GArray *spans, double x0, double x1, double gap)
{
    for (guint i = 0; i < spans->len; i++) {
        const Span *s = &g_array_index(spans, Span, i);
        if (x0 < s->x1 + gap && s->x0 < x1 + gap)
            return TRUE;
    }
    return FALSE;
}

static double
text_left(const DsrChartText *t)
{
    return t->anchor == DSR_ANCHOR_START    ? t->x
           : t->anchor == DSR_ANCHOR_MIDDLE ? t->x - t->w / 2
                                            : t->x - t->w;
}

/* Adds @text centred on @x unless it would overlap one of @taken; the
 * newest text is removed again then. */
static gboolean
add_text_unless_overlap(Lay *lay, GArray *taken, const char *text, double x, double top,
                        double size, DsrChartInk ink)
{
    DsrChartText *t = add_text(lay, text, x, top, size, FALSE, DSR_ANCHOR_MIDDLE, ink);
    double l = text_left(t);
    if (overlaps(taken, l, l + t->w, 3)) {
        g_array_set_size(lay->out->texts, lay->out->texts->len - 1); /* frees the text */
        return FALSE;
    }
    Span s = {l, l + t->w};
    g_array_append_val(taken, s);
    return TRUE;
}

static double
layout_line(Lay *lay, GArray *pts, double top)
{
    const double W = lay->out->width;
    const guint n = pts->len;
    gboolean years = TRUE;
    double lo = 0, hi = 0, xmin = G_MAXDOUBLE, xmax = -G_MAXDOUBLE;
    g_autofree double *xs = g_new(double, n);
    for (guint i = 0; i < n; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        years &= is_year(p->label, &xs[i]);
        lo = MIN(lo, p->value);
        hi = MAX(hi, p->value);
    }
    for (guint i = 0; i < n; i++) {
        if (!years)
            xs[i] = i; /* categories: evenly spaced in spec order */
        xmin = MIN(xmin, xs[i]);
        xmax = MAX(xmax, xs[i]);
    }
    const double lh = line_height(lay, LABEL_SIZE), th = line_height(lay, TICK_SIZE);
    const double plot_h = CLAMP(W * 0.35, 90, 170);
    const double plot_top = top + lh + 4; /* room for the value label of the highest point */
    Ticks t = fitting_ticks(lay, lo, hi, plot_h, FALSE);
    double x0 = widest_tick(lay, &t) + 6;
    /* Labels are centred on their points: keep half the widest one inside. */
    double half = 0;
    for (guint i = 0; i < n; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        g_autofree char *v = format_value(lay, p->value, p->approx);
        half = MAX(half, measure(lay, v, LABEL_SIZE, FALSE, NULL, NULL) / 2);
        half = MAX(half, measure(lay, p->label ? p->label : "", TICK_SIZE, FALSE, NULL, NULL) / 2);
    }
    double x1 = W - 2;
    half = MIN(half, (x1 - x0) * 0.2);
    double px0 = x0 + half, px1 = x1 - half;
    const double xspan = xmax > xmin ? xmax - xmin : 1;
#define PX(v) (n > 1 ? px0 + ((v)-xmin) / xspan * (px1 - px0) : (px0 + px1) / 2)
#define PY(v) (plot_top + plot_h - ((v)-t.lo) / (t.hi - t.lo) * plot_h)

    for (int i = 0; i < t.n; i++) {
        double v = tick_value(&t, i), y = PY(v);
        g_array_append_val(lay->out->ticks, v);
        if (v != 0)
            add_line(lay, x0, y, x1, y, 0.5, DSR_CHART_INK_GRID, FALSE);
        g_autofree char *s = dsr_text_format_number(v, t.decimals, lay->lang);
        add_text(lay, s, x0 - 4, y - th / 2, TICK_SIZE, FALSE, DSR_ANCHOR_END, DSR_CHART_INK_MUTED)
            ->role = DSR_CHART_TEXT_AXIS;
    }
    add_line(lay, x0, PY(0), x1, PY(0), 1, DSR_CHART_INK_MUTED, FALSE);
    for (guint i = 0; i + 1 < n; i++) {
        const DsrChartPoint *a = &g_array_index(pts, DsrChartPoint, i);
        const DsrChartPoint *b = &g_array_index(pts, DsrChartPoint, i + 1);
        add_line(lay, PX(xs[i]), PY(a->value), PX(xs[i + 1]), PY(b->value), 1.5,
                 DSR_CHART_INK_SERIES, a->approx || b->approx);
    }
    g_autoptr(GArray) value_spans = g_array_new(FALSE, FALSE, sizeof(Span));
    g_autoptr(GArray) tick_spans = g_array_new(FALSE, FALSE, sizeof(Span));
    for (guint i = 0; i < n; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        double x = PX(xs[i]), y = PY(p->value);
        DsrChartDot d = {x, y, 2.5, p->approx ? DSR_CHART_INK_ACCENT : DSR_CHART_INK_SERIES};
        g_array_append_val(lay->out->dots, d);
        /* A label that would collide with its neighbour is left out: the data
         * table beside the chart carries every value. */
        g_autofree char *v = format_value(lay, p->value, p->approx);
        lay->role = DSR_CHART_TEXT_VALUE;
        add_text_unless_overlap(lay, value_spans, v, x, y - 4 - lh, LABEL_SIZE, DSR_CHART_INK_TEXT);
        lay->role = DSR_CHART_TEXT_AXIS;
        add_text_unless_overlap(lay, tick_spans, p->label ? p->label : "", x, plot_top + plot_h + 3,
                                TICK_SIZE, DSR_CHART_INK_MUTED);
        lay->role = DSR_CHART_TEXT_LABEL;
    }
#undef PX
#undef PY
    return plot_top + plot_h + 3 + th;
}

/* ---- events timeline ---- */

typedef struct {
    double x;          /* the event's point on the axis */
    double bx, bw, bh; /* label box */
    int lane;
    char *date, *text;
} Event;

static void
event_clear(gpointer p)
{
    Event *e = p;
    g_free(e->date);
    g_free(e->text);
}

static GDate
date_of_days(double days)
{
    GDate d;
    g_date_clear(&d, 1);
    g_date_set_julian(&d, (guint32)CLAMP(days + 719163.0, 1, G_MAXUINT32));
    return d;
}

/* Lowest lane for @e where its box meets no other box and no leader line
 * (from an event's point up to its box) crosses a box. Events are placed from
 * the latest back, so the leaders of earlier events pass below the boxes of
 * later ones, which start further right. */
static int
choose_lane(const GArray *events, guint placed_from, const Event *e)
{
    for (int relax = 0; relax < 2; relax++) {
        for (int lane = 0; lane < 64; lane++) {
            gboolean ok = TRUE;
            for (guint k = placed_from; ok && k < events->len; k++) {
                const Event *o = &g_array_index(events, Event, k);
                if (o->lane == lane && e->bx < o->bx + o->bw + 6 && o->bx < e->bx + e->bw + 6)
                    ok = FALSE;
                else if (!relax && o->lane < lane && e->x > o->bx - 1 && e->x < o->bx + o->bw + 1)
                    ok = FALSE;
                else if (o->lane > lane && o->x > e->bx - 1 && o->x < e->bx + e->bw + 1)
                    ok = FALSE;
            }
            if (ok)
                return lane;
        }
    }
    return 64;
}

static int
compare_days(gconstpointer a, gconstpointer b)
{
    double x = ((const DsrChartPoint *)a)->value, y = ((const DsrChartPoint *)b)->value;
    return (x > y) - (x < y);
}

static double
layout_timeline(Lay *lay, GArray *pts, double top)
{
    const double W = lay->out->width;
    /* Dates outside 1900–2199 are not dates a brief can hold (as dsr_date_parse_iso). */
    for (guint i = pts->len; i-- > 0;) {
        double v = g_array_index(pts, DsrChartPoint, i).value;
        if (v < -25567 || v >= 84006)
            g_array_remove_index(pts, i);
    }
    if (pts->len == 0)
        return top;
    g_array_sort(pts, compare_days);
    const DsrChartPoint *first = &g_array_index(pts, DsrChartPoint, 0);
    const DsrChartPoint *last = &g_array_index(pts, DsrChartPoint, pts->len - 1);
    GDate d0 = date_of_days(first->value), d1 = date_of_days(last->value);
    int y0 = g_date_get_year(&d0), y1 = g_date_get_year(&d1) + 1;
    /* The axis runs over whole years, so year bands can carry their labels. */
    GDate start, end;
    g_date_clear(&start, 1);
    g_date_clear(&end, 1);
    g_date_set_dmy(&start, 1, G_DATE_JANUARY, (GDateYear)y0);
    g_date_set_dmy(&end, 1, G_DATE_JANUARY, (GDateYear)y1);
    const double j0 = g_date_get_julian(&start) - 719163.0;
    const double j1 = g_date_get_julian(&end) - 719163.0;
    const double max_w = MIN(170, W * 0.45);
    const double dh = line_height(lay, DATE_SIZE), lh = line_height(lay, LABEL_SIZE);
    g_autoptr(GArray) events = g_array_sized_new(FALSE, TRUE, sizeof(Event), pts->len);
    g_array_set_clear_func(events, event_clear);
    g_array_set_size(events, pts->len);
    for (guint i = 0; i < pts->len; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        Event *e = &g_array_index(events, Event, i);
        GDate g = date_of_days(p->value);
        DsrDate dd = {g_date_get_year(&g), g_date_get_month(&g),
                      p->approx ? 0 : g_date_get_day(&g)};
        e->date = dsr_text_format_date(&dd, lay->lang);
        e->text = ellipsize(lay, p->label ? p->label : "", LABEL_SIZE, FALSE, max_w);
        e->bw = 3 + MAX(measure(lay, e->date, DATE_SIZE, FALSE, NULL, NULL),
                        measure(lay, e->text, LABEL_SIZE, FALSE, NULL, NULL));
        e->bh = dh + lh;
        e->lane = -1;
    }
    /* Every label runs rightwards from its event, so that a leader line can
     * only meet the boxes of earlier events; the axis is shortened until the
     * last labels fit. */
    const double ax0 = PAD;
    double ax1 = W - PAD;
    for (guint i = 0; i < pts->len; i++) {
        const Event *e = &g_array_index(events, Event, i);
        double frac = (g_array_index(pts, DsrChartPoint, i).value - j0) / (j1 - j0);
        if (frac > 0 && ax0 + frac * (ax1 - ax0) > W - e->bw)
            ax1 = ax0 + (W - e->bw - ax0) / frac;
    }
    ax1 = MAX(ax1, ax0 + (W - 2 * PAD) * 0.4);
#define TX(days) (ax0 + ((days)-j0) / (j1 - j0) * (ax1 - ax0))
    for (guint i = 0; i < pts->len; i++) {
        Event *e = &g_array_index(events, Event, i);
        e->x = TX(g_array_index(pts, DsrChartPoint, i).value);
        e->bx = MIN(e->x, W - e->bw);
    }
    int lanes = 0;
    for (guint i = events->len; i-- > 0;) {
        Event *e = &g_array_index(events, Event, i);
        e->lane = choose_lane(events, i + 1, e);
        lanes = MAX(lanes, e->lane + 1);
    }
    const double lane_h = dh + lh + 6;
    const double axis_y = top + lanes * lane_h + 4;
    for (guint i = 0; i < events->len; i++) {
        const Event *e = &g_array_index(events, Event, i);
        double box_top = top + (lanes - 1 - e->lane) * lane_h;
        add_line(lay, e->x, axis_y, e->x, box_top + e->bh, 0.75, DSR_CHART_INK_GRID, FALSE);
        add_text(lay, e->date, e->bx + 3, box_top, DATE_SIZE, FALSE, DSR_ANCHOR_START,
                 DSR_CHART_INK_MUTED);
        add_text(lay, e->text, e->bx + 3, box_top + dh, LABEL_SIZE, FALSE, DSR_ANCHOR_START,
                 DSR_CHART_INK_TEXT);
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        DsrChartDot dot = {e->x, axis_y, 3,
                           p->approx ? DSR_CHART_INK_ACCENT : DSR_CHART_INK_SERIES};
        g_array_append_val(lay->out->dots, dot);
    }
    add_line(lay, ax0, axis_y, ax1, axis_y, 1, DSR_CHART_INK_MUTED, FALSE);
    /* Year bands: a tick at each 1 January, the year centred in its band when
     * it fits (every second, fifth… year on long spans). */
    const double th = line_height(lay, TICK_SIZE);
    const double year_w = (ax1 - ax0) / (y1 - y0);
    const double label_w = measure(lay, "0000", TICK_SIZE, FALSE, NULL, NULL) + 6;
    int every = 1;
    static const int strides[] = {1, 2, 5, 10, 20, 50, 100};
    for (guint i = 0; i < G_N_ELEMENTS(strides); i++) {
        every = strides[i];
        if (year_w * every >= label_w)
            break;
    }
    for (int y = y0; y <= y1; y++) {
        GDate g;
        g_date_clear(&g, 1);
        g_date_set_dmy(&g, 1, G_DATE_JANUARY, (GDateYear)y);
        double day = g_date_get_julian(&g) - 719163.0, x = TX(day);
        g_array_append_val(lay->out->ticks, day);
        add_line(lay, x, axis_y, x, axis_y + 4, 0.75, DSR_CHART_INK_MUTED, FALSE);
        if (y < y1 && (y - y0) % every == 0) {
            char year[16];
            g_snprintf(year, sizeof year, "%d", y);
            add_text(lay, year, every == 1 ? x + year_w / 2 : x, axis_y + 5, TICK_SIZE, FALSE,
                     DSR_ANCHOR_MIDDLE, DSR_CHART_INK_MUTED)
                ->role = DSR_CHART_TEXT_AXIS;
        }
    }
#undef TX
    return axis_y + 5 + th;
}

/* ---- the whole chart ---- */

static char *
describe(Lay *lay, const DsrChartSpec *spec, GArray *pts)
{
    GString *s = g_string_new(lay->out->title);
    for (guint i = 0; i < pts->len; i++) {
        const DsrChartPoint *p = &g_array_index(pts, DsrChartPoint, i);
        g_string_append(s, i == 0 ? ": " : "; ");
        if (spec->type == DSR_CHART_TIMELINE) {
            GDate g = date_of_days(p->value);
            DsrDate dd = {g_date_get_year(&g), g_date_get_month(&g),
                          p->approx ? 0 : g_date_get_day(&g)};
            g_autofree char *date = dsr_text_format_date(&dd, lay->lang);
            g_string_append_printf(s, "%s, %s", date, p->label ? p->label : "");
        } else {
            g_autofree char *v = format_value(lay, p->value, p->approx);
            if (p->series)
                g_string_append_printf(s, "%s, %s – %s", p->label ? p->label : "", p->series, v);
            else
                g_string_append_printf(s, "%s – %s", p->label ? p->label : "", v);
            if (spec->unit && *spec->unit)
                g_string_append_printf(s, " %s", spec->unit);
        }
    }
    if (pts->len)
        g_string_append_c(s, '.');
    return g_string_free(s, FALSE);
}

DsrChartLayout *
dsr_chart_layout(const DsrChartSpec *spec, double width, PangoContext *pango, const char *family,
                 const char *lang)
{
    g_return_val_if_fail(spec != NULL && PANGO_IS_CONTEXT(pango), NULL);
    DsrChartLayout *out = g_new0(DsrChartLayout, 1);
    out->width = MAX(width, 160);
    out->family = g_strdup(family ? family : "Noto Sans");
    out->rects = g_array_new(FALSE, FALSE, sizeof(DsrChartRect));
    out->lines = g_array_new(FALSE, FALSE, sizeof(DsrChartLine));
    out->dots = g_array_new(FALSE, FALSE, sizeof(DsrChartDot));
    out->texts = g_array_new(FALSE, FALSE, sizeof(DsrChartText));
    g_array_set_clear_func(out->texts, clear_text);
    out->ticks = g_array_new(FALSE, FALSE, sizeof(double));
    out->title = title_with_unit(spec);
    Lay lay = {pango, out->family, lang ? lang : "fr", out, NULL, DSR_CHART_TEXT_LABEL, 0,
               0,     FALSE};
    PangoFontDescription *fd = pango_font_description_from_string(out->family);
    pango_font_description_set_absolute_size(fd, 10 * PANGO_SCALE);
    lay.fonts = pango_context_load_fontset(pango, fd, pango_language_from_string(lay.lang));
    pango_font_description_free(fd);

    g_autoptr(GArray) pts = usable_points(spec);
    double y = add_header(&lay, 0);
    if (pts->len > 0) {
        switch (spec->type) {
        case DSR_CHART_LINE:
            y = layout_line(&lay, pts, y);
            break;
        case DSR_CHART_TIMELINE:
            y = layout_timeline(&lay, pts, y);
            break;
        case DSR_CHART_GROUPED:
            y = layout_grouped(&lay, pts, y);
            break;
        case DSR_CHART_BAR:
        default:
            y = layout_bars(&lay, pts, y);
            break;
        }
    }
    y = add_note(&lay, spec, y);
    out->height = ceil(y + 2);
    out->alt = describe(&lay, spec, pts);
    g_clear_object(&lay.fonts);
    if (out->missing_glyphs)
        g_debug("chart \"%s\": %u characters have no glyph in %s", out->title, out->missing_glyphs,
                out->family);
    return out;
}
