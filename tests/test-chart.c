/* SPDX-License-Identifier: MIT
 * The chart module checked by its numbers: boxes inside the chart, one zero
 * baseline, nice increasing ticks, texts that never overlap or leave the box,
 * numbers in the reader's language; then the SVG re-parsed (well-formed, real
 * <text>, unique ids, nothing external) and Cairo drawing to PDF and PNG.
 * With DSR_CHART_PNG_DIR set, the PNGs are kept there to be looked at. */
#include <dossier/chart.h>
#include <dossier/render.h>
#include <dossier/error.h>
#include <dossier/extract.h>
#include <dossier/summarize.h>
#include "common/cleanup.h"
#include <cairo-pdf.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

/* The bundled Noto Sans Math draws "≈" (Pango falls back to it inside the private set). */
#define APPROX "≈\u202f"

/* Each thread keeps its Pango font map, and fontconfig's caches under it, for
 * the thread's life (render/fonts.c); the main thread's is never torn down,
 * which LeakSanitizer reports. Only fontconfig's own allocations are waived. */
const char *__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

static DsrFonts *fonts;
static PangoContext *pango;

static DsrCites *
cite(int n)
{
    return dsr_cites_new(&n, 1);
}

static DsrChartSpec *
bar_spec(DsrBrief *b, gboolean negative)
{
    DsrChartSpec *c = dsr_brief_add_chart(b, DSR_CHART_BAR, "Parts citées", "%",
                                          "≈ : valeur approchée dans la source");
    dsr_chart_add_point(b, c, "Économie numérique (PIB)", 16.5, FALSE, cite(1));
    dsr_chart_add_point(b, c,
                        "Part des échanges commerciaux bilatéraux réalisés en monnaies "
                        "nationales entre les deux pays selon le ministère de l'Industrie et "
                        "du Commerce",
                        95, TRUE, cite(2));
    dsr_chart_add_point(b, c, "Croissance", negative ? -3.25 : 3.25, FALSE, cite(1));
    dsr_chart_add_point(b, c, "Nguyễn Mạnh Hùng", 0, FALSE, cite(1));
    dsr_chart_add_point(b, c, "Investissements", 41, FALSE, cite(3));
    return c;
}

static DsrChartSpec *
timeline_spec(DsrBrief *b)
{
    DsrChartSpec *c =
        dsr_brief_add_chart(b, DSR_CHART_TIMELINE, "Chronologie des événements", "", NULL);
    /* Clustered dates and long summaries: labels must stagger. */
    static const struct {
        int y, m, d;
        const char *text;
    } ev[] = {
        {2024, 4, 2, "Forum d'affaires à Moscou"},
        {2024, 4, 9, "Visite du vice-ministre à Hanoï"},
        {2024, 4, 12, "Accord sur l'énergie nucléaire civile et la formation des ingénieurs"},
        {2024, 6, 1, "Réunion du comité intergouvernemental"},
        {2025, 1, 15, "Signature d'un mémorandum sur la cybersécurité"},
        {2025, 11, 20, "Accord de coopération numérique"},
        {2025, 11, 21, "Rencontre des ministres"},
        {2025, 12, 1, "Forum des villes intelligentes"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(ev); i++) {
        GDate d;
        g_date_clear(&d, 1);
        g_date_set_dmy(&d, (GDateDay)ev[i].d, (GDateMonth)ev[i].m, (GDateYear)ev[i].y);
        dsr_chart_add_point(b, c, ev[i].text, g_date_get_julian(&d) - 719163.0, i == 3, cite(1));
    }
    return c;
}

static DsrChartSpec *
line_spec(DsrBrief *b)
{
    DsrChartSpec *c =
        dsr_brief_add_chart(b, DSR_CHART_LINE, "Échanges commerciaux", "milliards USD", NULL);
    static const double v[] = {2.1, 3.4, 4.05, 3.9, 5.2, 5.6};
    for (guint i = 0; i < G_N_ELEMENTS(v); i++) {
        char year[8];
        g_snprintf(year, sizeof year, "%u", 2019 + i + (i == 5)); /* a gap: 2024 missing */
        dsr_chart_add_point(b, c, year, v[i], i == 2, cite(1));
    }
    return c;
}

/* ---- geometry checks ---- */

typedef struct {
    double x0, y0, x1, y1;
} Box;

static Box
text_box(const DsrChartText *t)
{
    double left = t->anchor == DSR_ANCHOR_START    ? t->x
                  : t->anchor == DSR_ANCHOR_MIDDLE ? t->x - t->w / 2
                                                   : t->x - t->w;
    return (Box){left, t->y - t->ascent, left + t->w, t->y - t->ascent + t->h};
}

static gboolean
boxes_meet(Box a, Box b)
{
    const double e = 0.01; /* touching is fine */
    return a.x0 < b.x1 - e && b.x0 < a.x1 - e && a.y0 < b.y1 - e && b.y0 < a.y1 - e;
}

static void
assert_inside(const DsrChartLayout *l, Box b, const char *what)
{
    const double e = 0.01;
    if (b.x0 < -e || b.y0 < -e || b.x1 > l->width + e || b.y1 > l->height + e)
        g_error("%s outside the chart: [%g,%g]-[%g,%g] in %gx%g", what, b.x0, b.y0, b.x1, b.y1,
                l->width, l->height);
}

/* What every layout promises: everything inside, no two texts overlapping,
 * every glyph present. */
static void
check_common(const DsrChartLayout *l)
{
    g_assert_cmpfloat(l->width, >, 0);
    g_assert_cmpfloat(l->height, >, 0);
    g_assert_cmpuint(l->missing_glyphs, ==, 0);
    g_assert_nonnull(l->title);
    g_assert_nonnull(l->alt);
    for (guint i = 0; i < l->texts->len; i++) {
        const DsrChartText *t = &g_array_index(l->texts, DsrChartText, i);
        g_assert_true(g_utf8_validate(t->text, -1, NULL));
        g_assert_cmpfloat(t->size, >=, 7);
        g_assert_cmpfloat(t->size, <=, 10);
        Box a = text_box(t);
        assert_inside(l, a, t->text);
        for (guint k = i + 1; k < l->texts->len; k++) {
            const DsrChartText *u = &g_array_index(l->texts, DsrChartText, k);
            if (boxes_meet(a, text_box(u)))
                g_error("texts overlap: \"%s\" and \"%s\"", t->text, u->text);
        }
    }
    for (guint i = 0; i < l->rects->len; i++) {
        const DsrChartRect *r = &g_array_index(l->rects, DsrChartRect, i);
        g_assert_cmpfloat(r->w, >=, 0);
        assert_inside(l, (Box){r->x, r->y, r->x + r->w, r->y + r->h}, "bar");
    }
    for (guint i = 0; i < l->lines->len; i++) {
        const DsrChartLine *s = &g_array_index(l->lines, DsrChartLine, i);
        assert_inside(
            l, (Box){MIN(s->x1, s->x2), MIN(s->y1, s->y2), MAX(s->x1, s->x2), MAX(s->y1, s->y2)},
            "line");
    }
    for (guint i = 0; i < l->dots->len; i++) {
        const DsrChartDot *d = &g_array_index(l->dots, DsrChartDot, i);
        assert_inside(l, (Box){d->x - d->r, d->y - d->r, d->x + d->r, d->y + d->r}, "dot");
    }
}

/* Increasing, evenly spaced by 1, 2, 2.5 or 5 × 10^k, covering [lo, hi]. */
static void
check_nice_ticks(const DsrChartLayout *l, double lo, double hi)
{
    GArray *t = l->ticks;
    g_assert_cmpuint(t->len, >=, 2);
    double step = g_array_index(t, double, 1) - g_array_index(t, double, 0);
    g_assert_cmpfloat(step, >, 0);
    for (guint i = 1; i < t->len; i++)
        g_assert_cmpfloat_with_epsilon(
            g_array_index(t, double, i) - g_array_index(t, double, i - 1), step, step * 1e-9);
    double mant = step / pow(10, floor(log10(step) + 1e-12));
    g_assert_true(fabs(mant - 1) < 1e-9 || fabs(mant - 2) < 1e-9 || fabs(mant - 2.5) < 1e-9 ||
                  fabs(mant - 5) < 1e-9);
    g_assert_cmpfloat(g_array_index(t, double, 0), <=, lo);
    g_assert_cmpfloat(g_array_index(t, double, t->len - 1), >=, hi);
    gboolean zero = FALSE;
    for (guint i = 0; i < t->len; i++)
        zero |= g_array_index(t, double, i) == 0;
    g_assert_true(zero); /* the zero baseline is on the axis */
}

static const DsrChartText *
find_text(const DsrChartLayout *l, const char *s)
{
    for (guint i = 0; i < l->texts->len; i++)
        if (strcmp(g_array_index(l->texts, DsrChartText, i).text, s) == 0)
            return &g_array_index(l->texts, DsrChartText, i);
    return NULL;
}

static void
test_bars(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    const DsrChartSpec *spec = bar_spec(b, FALSE);
    g_autoptr(DsrChartLayout) l = dsr_chart_layout(spec, 420, pango, "Noto Sans", "fr");
    check_common(l);
    check_nice_ticks(l, 0, 95);
    g_assert_cmpstr(l->title, ==, "Parts citées (%)");
    g_assert_cmpuint(l->rects->len, ==, 5);
    /* Zero baseline: every bar of a non-negative value starts at the same x. */
    double x0 = g_array_index(l->rects, DsrChartRect, 0).x;
    for (guint i = 0; i < l->rects->len; i++) {
        const DsrChartRect *r = &g_array_index(l->rects, DsrChartRect, i);
        g_assert_cmpfloat_with_epsilon(r->x, x0, 1e-9);
        g_assert_cmpint(r->hatched, ==, i == 1);
        /* No text over a bar. */
        for (guint k = 0; k < l->texts->len; k++) {
            Box t = text_box(&g_array_index(l->texts, DsrChartText, k));
            g_assert_false(boxes_meet(t, (Box){r->x, r->y, r->x + r->w, r->y + r->h}));
        }
    }
    /* Bars are proportional to their values. */
    const DsrChartRect *r0 = &g_array_index(l->rects, DsrChartRect, 0);
    const DsrChartRect *r4 = &g_array_index(l->rects, DsrChartRect, 4);
    g_assert_cmpfloat_with_epsilon(r0->w / r4->w, 16.5 / 41, 1e-9);
    g_assert_cmpfloat(g_array_index(l->rects, DsrChartRect, 3).w, ==, 0);
    /* Numbers in French; the approximate one marked. */
    g_assert_nonnull(find_text(l, "16,5"));
    g_assert_nonnull(find_text(l, "3,25"));
    g_assert_nonnull(find_text(l, APPROX "95"));
    g_assert_nonnull(find_text(l, "Nguyễn Mạnh Hùng"));
    /* The long label: two lines in the label column, the second ellipsized. */
    guint ellipsized = 0, in_column = 0;
    for (guint i = 0; i < l->texts->len; i++) {
        const DsrChartText *t = &g_array_index(l->texts, DsrChartText, i);
        if (g_str_has_suffix(t->text, "…"))
            ellipsized++;
        if (t->anchor == DSR_ANCHOR_END && text_box(t).x1 <= x0 - 4)
            in_column++;
    }
    g_assert_cmpuint(ellipsized, ==, 1);
    g_assert_cmpuint(in_column, ==, 6); /* 4 one-line labels + 2 lines */
    g_assert_nonnull(strstr(l->alt, "16,5 %"));
    g_assert_nonnull(find_text(l, "≈ : valeur approchée dans la source"));

    g_autoptr(DsrChartLayout) en = dsr_chart_layout(spec, 420, pango, "Noto Sans", "en");
    check_common(en);
    g_assert_nonnull(find_text(en, "16.5"));
    g_assert_null(find_text(en, "16,5"));
}

static DsrChartSpec *
grouped_spec(DsrBrief *b)
{
    DsrChartSpec *c = dsr_brief_add_chart(b, DSR_CHART_GROUPED, "Échanges par année",
                                          "milliards USD", "≈ : valeur approchée dans la source");
    dsr_chart_add_series_point(b, c, "2022", "Exportations", 12.5, FALSE, cite(1));
    dsr_chart_add_series_point(b, c, "2022", "Importations", 3.2, FALSE, cite(1));
    dsr_chart_add_series_point(b, c, "2023", "Exportations", 14, TRUE, cite(2));
    dsr_chart_add_series_point(b, c, "2023", "Importations", 4.75, FALSE, cite(2));
    dsr_chart_add_series_point(b, c, "2024", "Exportations", 15.1, FALSE, cite(3));
    /* 2024 has no imports: a dash, not a bar of zero. */
    return c;
}

static void
test_grouped(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    const DsrChartSpec *spec = grouped_spec(b);
    g_autoptr(DsrChartLayout) l = dsr_chart_layout(spec, 420, pango, "Noto Sans", "fr");
    check_common(l);
    check_nice_ticks(l, 0, 15.1);
    g_assert_cmpstr(l->title, ==, "Échanges par année (milliards USD)");
    /* Two legend swatches, then five bars. */
    g_assert_cmpuint(l->rects->len, ==, 7);
    const DsrChartRect *sw0 = &g_array_index(l->rects, DsrChartRect, 0);
    const DsrChartRect *sw1 = &g_array_index(l->rects, DsrChartRect, 1);
    g_assert_cmpint(sw0->ink, ==, DSR_CHART_INK_SERIES);
    g_assert_cmpint(sw1->ink, ==, DSR_CHART_INK_ACCENT);
    g_assert_cmpfloat(sw0->y, ==, sw1->y); /* one legend line */
    g_assert_cmpuint(dsr_chart_ink_rgb(sw0->ink), !=, dsr_chart_ink_rgb(sw1->ink));
    const DsrChartText *exp = find_text(l, "Exportations");
    g_assert_nonnull(exp);
    g_assert_cmpfloat(exp->x, >, sw0->x + sw0->w);
    g_assert_nonnull(find_text(l, "Importations"));
    /* Legend above the plot. */
    const DsrChartRect *bar[5];
    for (guint i = 0; i < 5; i++) {
        bar[i] = &g_array_index(l->rects, DsrChartRect, i + 2);
        g_assert_cmpfloat(bar[i]->y, >, sw0->y + sw0->h);
    }
    /* Series keep their colour from group to group; one baseline, one scale. */
    g_assert_cmpint(bar[0]->ink, ==, DSR_CHART_INK_SERIES);
    g_assert_cmpint(bar[1]->ink, ==, DSR_CHART_INK_ACCENT);
    g_assert_cmpint(bar[2]->ink, ==, DSR_CHART_INK_SERIES);
    g_assert_cmpint(bar[3]->ink, ==, DSR_CHART_INK_ACCENT);
    g_assert_cmpint(bar[4]->ink, ==, DSR_CHART_INK_SERIES);
    for (guint i = 1; i < 5; i++) {
        g_assert_cmpfloat_with_epsilon(bar[i]->x, bar[0]->x, 1e-9);
        g_assert_cmpfloat(bar[i]->y, >=, bar[i - 1]->y + bar[i - 1]->h);
    }
    g_assert_cmpfloat_with_epsilon(bar[0]->w / bar[4]->w, 12.5 / 15.1, 1e-9);
    g_assert_cmpfloat_with_epsilon(bar[1]->w / bar[3]->w, 3.2 / 4.75, 1e-9);
    /* Groups are further apart than the bars inside a group. */
    const double inner = bar[1]->y - (bar[0]->y + bar[0]->h);
    const double between = bar[2]->y - (bar[1]->y + bar[1]->h);
    g_assert_cmpfloat(between, >, inner);
    g_assert_true(bar[2]->hatched);
    g_assert_false(bar[0]->hatched);
    /* Value labels at their bar's end, on its line, never over a bar. */
    const char *values[] = {"12,5", "3,2", APPROX "14", "4,75", "15,1"};
    for (guint i = 0; i < 5; i++) {
        const DsrChartText *v = find_text(l, values[i]);
        if (!v)
            g_error("no value label \"%s\"", values[i]);
        g_assert_cmpint(v->role, ==, DSR_CHART_TEXT_VALUE);
        g_assert_cmpfloat(v->x, >=, bar[i]->x + bar[i]->w);
        const Box vb = text_box(v);
        g_assert_cmpfloat(vb.y0, <, bar[i]->y + bar[i]->h);
        g_assert_cmpfloat(vb.y1, >, bar[i]->y);
        for (guint k = 0; k < 5; k++)
            g_assert_false(boxes_meet(
                vb, (Box){bar[k]->x, bar[k]->y, bar[k]->x + bar[k]->w, bar[k]->y + bar[k]->h}));
    }
    /* The missing import of 2024 is a dash on the last bar line. */
    const DsrChartText *dash = find_text(l, "–");
    g_assert_nonnull(dash);
    g_assert_cmpfloat(dash->y, >, bar[4]->y + bar[4]->h);
    /* Group labels in the label column, bold. */
    const DsrChartText *g23 = find_text(l, "2023");
    g_assert_nonnull(g23);
    g_assert_true(g23->bold);
    g_assert_cmpfloat(text_box(g23).x1, <=, bar[0]->x);
    g_assert_cmpfloat(g23->y, >, bar[2]->y);
    g_assert_cmpfloat(g23->y - g23->ascent, <, bar[3]->y + bar[3]->h);
    g_assert_nonnull(strstr(l->alt, "2023, Importations – 4,75"));
    g_assert_nonnull(find_text(l, "≈ : valeur approchée dans la source"));

    /* A narrow column wraps the legend onto lines of its own, still clear. */
    g_autoptr(DsrChartLayout) narrow = dsr_chart_layout(spec, 160, pango, "Noto Sans", "en");
    check_common(narrow);
    g_assert_nonnull(find_text(narrow, "12.5"));
}

/* The series survive the JSON round trip; older chart types keep no series. */
static void
test_grouped_json(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    for (int i = 0; i < 3; i++)
        dsr_brief_add_source(b, "Titre", "outlet", "2024", NULL, NULL);
    grouped_spec(b);
    bar_spec(b, FALSE);
    g_autofree char *json = dsr_brief_to_json(b);
    g_assert_nonnull(strstr(json, "\"grouped\""));
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(json, strlen(json), &error);
    g_assert_no_error(error);
    const DsrChartSpec *g = &g_array_index(back->charts, DsrChartSpec, 0);
    g_assert_cmpint(g->type, ==, DSR_CHART_GROUPED);
    g_assert_cmpstr(g_array_index(g->points, DsrChartPoint, 1).series, ==, "Importations");
    const DsrChartSpec *bar = &g_array_index(back->charts, DsrChartSpec, 1);
    g_assert_null(g_array_index(bar->points, DsrChartPoint, 0).series);
    g_autofree char *again = dsr_brief_to_json(back);
    g_assert_cmpstr(again, ==, json);
    /* A grouped point without its series does not match the schema. */
    g_autoptr(GString) broken = g_string_new(json);
    g_string_replace(broken, "\"series\":\t\"Exportations\",", "", 1);
    g_autoptr(DsrBrief) none = dsr_brief_from_json(broken->str, broken->len, &error);
    g_assert_null(none);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_BRIEF);
    g_assert_nonnull(strstr(error->message, "$.charts[0].points[0].series: missing"));
}

/* ---- which chart the summary chooses (summarize/merge-figures.c) ---- */

static void
add_figure(DsrFacts *facts, const char *quote, double value, double scale, DsrFigureKind kind,
           const char *currency, int year, const char *subject, const char *entity)
{
    DsrFigure *f = g_new0(DsrFigure, 1);
    f->quote = g_strdup(quote);
    f->value = value;
    f->scale = scale;
    f->kind = kind;
    f->currency = g_strdup(currency);
    f->unit = g_strdup(kind == DSR_FIGURE_PERCENT ? "%" : currency);
    f->year = year;
    f->subject = g_strdup(subject);
    f->entity = g_strdup(entity);
    f->sentence = g_strdup(subject);
    f->equivalent_of = -1;
    g_ptr_array_add(facts->figures, f);
}

static DsrFacts *
facts_article(int n)
{
    DsrFacts *f = dsr_facts_new();
    f->file = g_strdup_printf("a%d.txt", n);
    f->id = g_strdup(f->file);
    f->title = g_strdup_printf("Article %d", n);
    f->date = g_strdup_printf("2025-%02d-01", 1 + n % 12);
    f->lang = g_strdup("fr");
    g_ptr_array_add(f->partners, g_strdup("RU"));
    f->primary_partner = g_strdup("RU");
    return f;
}

static const char *
choice_label(const char *key, gpointer data G_GNUC_UNUSED)
{
    static const char *const known[][2] = {
        {"chart-series-title", "{subject} ({unit})"},
        {"chart-grouped-title", "Valeurs par année ({unit})"},
        {"chart-money-title", "Montants cités ({unit})"},
        {"unit-billion", "milliards"},
        {"unit-million", "millions"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(known); i++)
        if (strcmp(known[i][0], key) == 0)
            return known[i][1];
    return key;
}

static DsrBrief *
summarize(GPtrArray *facts, guint max_figures)
{
    DsrSummarizeOptions o = {.lang = "fr",
                             .generated = "2026-11-22",
                             .home_name = "Vietnam",
                             .title_format = "{home} – {partner} : note",
                             .title_format_national = "{home} : contexte",
                             .label = choice_label,
                             .max_figures = max_figures};
    g_autoptr(GError) error = NULL;
    DsrBrief *b = dsr_summarize_relation(facts, "VN", "RU", "Russie", &o, &error);
    g_assert_no_error(error);
    return b;
}

static const DsrChartSpec *
chart_of(const DsrBrief *b, DsrChartType type)
{
    for (guint i = 0; i < b->charts->len; i++)
        if (g_array_index(b->charts, DsrChartSpec, i).type == type)
            return &g_array_index(b->charts, DsrChartSpec, i);
    return NULL;
}

/* Exports and imports for the same years become one grouped chart (years
 * as groups, the two flows as series), never one line mixing them; an
 * amount in another currency or a thousand times smaller stays out. */
static void
test_choice_grouped(void)
{
    g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    const double exp[] = {12.5, 14, 15.1}, imp[] = {3.2, 4.75, 5.5};
    for (int y = 0; y < 3; y++) {
        DsrFacts *f = facts_article(y);
        g_autofree char *qe = g_strdup_printf("%g milliards de dollars", exp[y]);
        g_autofree char *qi = g_strdup_printf("%g milliards de dollars", imp[y]);
        add_figure(f, qe, exp[y], 1e9, DSR_FIGURE_MONEY, "USD", 2022 + y,
                   "exportations du Vietnam vers la Russie", "VN");
        add_figure(f, qi, imp[y], 1e9, DSR_FIGURE_MONEY, "USD", 2022 + y,
                   "importations du Vietnam depuis la Russie", "VN");
        g_ptr_array_add(facts, f);
    }
    DsrFacts *other = facts_article(5);
    add_figure(other, "3 millions d'euros", 3, 1e6, DSR_FIGURE_MONEY, "EUR", 2023,
               "exportations de fruits", "VN");
    add_figure(other, "9 millions de dollars", 9, 1e6, DSR_FIGURE_MONEY, "USD", 2023,
               "importations de fruits du Vietnam depuis la Russie", "VN");
    g_ptr_array_add(facts, other);
    g_autoptr(DsrBrief) b = summarize(facts, 0);
    const DsrChartSpec *g = chart_of(b, DSR_CHART_GROUPED);
    g_assert_nonnull(g);
    g_assert_null(chart_of(b, DSR_CHART_LINE));
    g_assert_cmpstr(g->unit, ==, "milliards USD");
    g_assert_cmpstr(g->title, ==, "Valeurs par année (milliards USD)");
    g_assert_cmpuint(g->points->len, ==, 6);
    for (guint i = 0; i < 6; i++) {
        const DsrChartPoint *p = &g_array_index(g->points, DsrChartPoint, i);
        g_autofree char *year = g_strdup_printf("%u", 2022 + i / 2);
        g_assert_cmpstr(p->label, ==, year);
        const gboolean is_exp = strstr(p->series, "exportations") != NULL;
        g_assert_true(is_exp || strstr(p->series, "importations"));
        g_assert_cmpfloat_with_epsilon(p->value, is_exp ? exp[i / 2] : imp[i / 2], 1e-9);
        g_assert_cmpuint(p->cites->len, ==, 1);
    }
    g_assert_cmpstr(g_array_index(g->points, DsrChartPoint, 0).series, !=,
                    g_array_index(g->points, DsrChartPoint, 1).series);
}

/* The figure limit keeps the most important rows, a disagreement whole,
 * and every charted value in the table; the brief says how many it left. */
static void
test_choice_limit(void)
{
    g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    for (int i = 0; i < 12; i++) {
        DsrFacts *f = facts_article(i);
        g_autofree char *subject = g_strdup_printf("projets du secteur numéro %d", i);
        g_autofree char *quote = g_strdup_printf("%d projets", 10 + i);
        add_figure(f, quote, 10 + i, 1, DSR_FIGURE_COUNT, NULL, 2024, subject, "VN");
        g_ptr_array_add(facts, f);
    }
    /* Two sources disagree on one amount: a group of two rows. */
    DsrFacts *a = facts_article(20), *c = facts_article(21);
    add_figure(a, "30 milliards de dollars", 30, 1e9, DSR_FIGURE_MONEY, "USD", 2024,
               "échanges commerciaux bilatéraux", "VN");
    add_figure(c, "45 milliards de dollars", 45, 1e9, DSR_FIGURE_MONEY, "USD", 2024,
               "échanges commerciaux bilatéraux", "VN");
    add_figure(a, "8 milliards de dollars", 8, 1e9, DSR_FIGURE_MONEY, "USD", 2024,
               "investissements directs", "VN");
    g_ptr_array_add(facts, a);
    g_ptr_array_add(facts, c);

    g_autoptr(DsrBrief) all = summarize(facts, 0);
    g_assert_cmpuint(all->figures->len, ==, 15);
    g_assert_cmpuint(all->omitted.figures, ==, 0);

    g_autoptr(DsrBrief) b = summarize(facts, 4);
    g_assert_cmpuint(b->figures->len, <=, 4);
    g_assert_cmpuint(b->omitted.figures, ==, 15 - b->figures->len);
    guint grouped = 0;
    for (guint i = 0; i < b->figures->len; i++)
        grouped += g_array_index(b->figures, DsrBriefFigure, i).group > 0;
    g_assert_true(grouped == 0 || grouped == 2);
    g_assert_cmpuint(grouped, ==, 2); /* money first: the disagreement is the most important */
    /* Every chart point is a row of the table. */
    for (guint c2 = 0; c2 < b->charts->len; c2++) {
        const DsrChartSpec *ch = &g_array_index(b->charts, DsrChartSpec, c2);
        for (guint k = 0; k < ch->points->len; k++) {
            const DsrChartPoint *p = &g_array_index(ch->points, DsrChartPoint, k);
            gboolean found = FALSE;
            for (guint i = 0; i < b->figures->len; i++) {
                const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
                found |= f->cites->len == p->cites->len &&
                         g_array_index(f->cites, int, 0) == g_array_index(p->cites, int, 0);
            }
            g_assert_true(found);
        }
    }
    /* A limit smaller than the group: the group is left out whole. */
    g_autoptr(DsrBrief) one = summarize(facts, 1);
    g_assert_cmpuint(one->figures->len, ==, 1);
    g_assert_cmpint(g_array_index(one->figures, DsrBriefFigure, 0).group, ==, 0);
    g_assert_cmpuint(one->omitted.figures, ==, 14);
}

static void
test_bars_negative(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "en");
    const DsrChartSpec *spec = bar_spec(b, TRUE);
    g_autoptr(DsrChartLayout) l = dsr_chart_layout(spec, 360, pango, "Noto Sans", "en");
    check_common(l);
    check_nice_ticks(l, -3.25, 95);
    const DsrChartRect *pos = &g_array_index(l->rects, DsrChartRect, 0);
    const DsrChartRect *neg = &g_array_index(l->rects, DsrChartRect, 2);
    g_assert_cmpfloat_with_epsilon(neg->x + neg->w, pos->x, 1e-9);
    const DsrChartText *v = find_text(l, "−3.25") /* U+2212, drawn by Noto Sans Math */;
    g_assert_nonnull(v);
    g_assert_cmpint(v->anchor, ==, DSR_ANCHOR_END);
    g_assert_cmpfloat(v->x, <=, neg->x);
}

static void
test_bars_widths(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    const DsrChartSpec *spec = bar_spec(b, TRUE);
    for (double w = 160; w <= 900; w += 37) {
        g_autoptr(DsrChartLayout) l = dsr_chart_layout(spec, w, pango, "Noto Sans", "fr");
        g_assert_cmpfloat(l->width, ==, w);
        check_common(l);
        check_nice_ticks(l, -3.25, 95);
    }
    /* Narrower than a chart can be: widened, still consistent. */
    g_autoptr(DsrChartLayout) tiny = dsr_chart_layout(spec, 20, pango, "Noto Sans", "fr");
    check_common(tiny);
}

static void
test_line(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    const DsrChartSpec *spec = line_spec(b);
    g_autoptr(DsrChartLayout) l = dsr_chart_layout(spec, 420, pango, "Noto Sans", "fr");
    check_common(l);
    check_nice_ticks(l, 0, 5.6);
    g_assert_cmpstr(l->title, ==, "Échanges commerciaux (milliards USD)");
    g_assert_cmpuint(l->dots->len, ==, 6);
    /* x follows the years: the missing 2024 leaves a double gap. */
    double gaps[5];
    for (guint i = 0; i < 5; i++) {
        gaps[i] =
            g_array_index(l->dots, DsrChartDot, i + 1).x - g_array_index(l->dots, DsrChartDot, i).x;
        g_assert_cmpfloat(gaps[i], >, 0);
    }
    g_assert_cmpfloat_with_epsilon(gaps[4], 2 * gaps[0], 1e-6);
    /* Higher values are higher up. */
    g_assert_cmpfloat(g_array_index(l->dots, DsrChartDot, 5).y, <,
                      g_array_index(l->dots, DsrChartDot, 0).y);
    g_assert_nonnull(find_text(l, "2019"));
    g_assert_nonnull(find_text(l, "2025"));
    g_assert_nonnull(find_text(l, "5,6"));
    g_assert_nonnull(find_text(l, APPROX "4,05"));
}

static void
test_timeline(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    const DsrChartSpec *spec = timeline_spec(b);
    for (double w = 300; w <= 700; w += 200) {
        g_autoptr(DsrChartLayout) l = dsr_chart_layout(spec, w, pango, "Noto Sans", "fr");
        check_common(l);
        g_assert_cmpuint(l->dots->len, ==, 8);
        /* Year ticks: 1 January 2024, 2025, 2026. */
        g_assert_cmpuint(l->ticks->len, ==, 3);
        g_assert_cmpfloat(g_array_index(l->ticks, double, 0), ==, 19723);
        g_assert_nonnull(find_text(l, "2024"));
        g_assert_nonnull(find_text(l, "2025"));
        g_assert_nonnull(find_text(l, "20 novembre 2025"));
        g_assert_nonnull(find_text(l, "juin 2024")); /* approximate: no day shown */
        /* Dots in date order, and leader lines crossing no label. */
        for (guint i = 1; i < l->dots->len; i++)
            g_assert_cmpfloat(g_array_index(l->dots, DsrChartDot, i).x, >=,
                              g_array_index(l->dots, DsrChartDot, i - 1).x);
        for (guint i = 0; i < l->lines->len; i++) {
            const DsrChartLine *s = &g_array_index(l->lines, DsrChartLine, i);
            if (s->ink != DSR_CHART_INK_GRID)
                continue;
            Box lb = {s->x1 - 0.3, MIN(s->y1, s->y2), s->x1 + 0.3, MAX(s->y1, s->y2)};
            for (guint k = 0; k < l->texts->len; k++)
                if (boxes_meet(lb, text_box(&g_array_index(l->texts, DsrChartText, k))))
                    g_error("leader at x=%g crosses \"%s\" (width %g)", s->x1,
                            g_array_index(l->texts, DsrChartText, k).text, w);
        }
    }
}

static void
test_degenerate(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    DsrChartSpec *empty = dsr_brief_add_chart(b, DSR_CHART_BAR, "Vide", NULL, "Note seule");
    g_autoptr(DsrChartLayout) l = dsr_chart_layout(empty, 300, pango, "Noto Sans", "fr");
    check_common(l);
    g_assert_cmpuint(l->rects->len, ==, 0);
    g_assert_nonnull(find_text(l, "Note seule"));

    DsrChartType types[] = {DSR_CHART_BAR, DSR_CHART_LINE, DSR_CHART_TIMELINE};
    for (guint t = 0; t < G_N_ELEMENTS(types); t++) {
        DsrChartSpec *c = dsr_brief_add_chart(b, types[t], NULL, "", NULL);
        dsr_chart_add_point(b, c, "", 0, FALSE, NULL);
        dsr_chart_add_point(b, c, NULL, NAN, FALSE, NULL);
        g_autoptr(DsrChartLayout) one = dsr_chart_layout(c, 300, pango, "Noto Sans", "fr");
        check_common(one);
        g_assert_cmpuint(one->ticks->len, >=, 2);
        dsr_chart_add_point(b, c, "x", 1e12, FALSE, NULL);
        dsr_chart_add_point(b, c, "y", 1e12, TRUE, NULL);
        g_autoptr(DsrChartLayout) big = dsr_chart_layout(c, 300, pango, "Noto Sans", "en");
        check_common(big);
    }
}

static void
test_missing_glyphs(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    DsrChartSpec *c = dsr_brief_add_chart(b, DSR_CHART_BAR, "Flèches", NULL, NULL);
    dsr_chart_add_point(b, c, "hausse ✓ 中", 2, FALSE, NULL);
    g_autoptr(DsrChartLayout) l = dsr_chart_layout(c, 300, pango, "Noto Sans", "fr");
    g_assert_cmpuint(l->missing_glyphs, ==, 2);
    /* Typographic signs the font lacks come out in their plain forms. */
    DsrChartSpec *d = dsr_brief_add_chart(b, DSR_CHART_BAR, "≈ → −", NULL, NULL);
    dsr_chart_add_point(b, d, "a", -2, TRUE, NULL);
    g_autoptr(DsrChartLayout) m = dsr_chart_layout(d, 300, pango, "Noto Sans", "fr");
    g_assert_cmpuint(m->missing_glyphs, ==, 0);
}

/* ---- SVG ---- */

static void
collect_ids(xmlNodePtr n, GHashTable *ids, guint *texts, GString *all_text)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        g_assert_cmpstr((const char *)n->name, !=, "script");
        g_assert_cmpstr((const char *)n->name, !=, "image");
        g_assert_cmpstr((const char *)n->name, !=, "foreignObject");
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            g_autofree char *v = (char *)xmlGetProp(n, a->name);
            g_assert_false(g_str_has_prefix((const char *)a->name, "on"));
            g_assert_cmpstr((const char *)a->name, !=, "href");
            if (strstr(v, "url("))
                g_assert_true(g_str_has_prefix(v, "url(#"));
            if (strcmp((const char *)a->name, "id") == 0) {
                if (g_hash_table_contains(ids, v))
                    g_error("duplicate id %s", v);
                g_hash_table_add(ids, g_strdup(v));
            }
        }
        if (strcmp((const char *)n->name, "text") == 0) {
            g_autofree char *s = (char *)xmlNodeGetContent(n);
            g_string_append_printf(all_text, "%s\n", s);
            (*texts)++;
        }
        collect_ids(n->children, ids, texts, all_text);
    }
}

static void
test_svg(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    const DsrChartSpec *bars = bar_spec(b, FALSE);
    g_autoptr(DsrChartLayout) l1 = dsr_chart_layout(bars, 480, pango, "Noto Sans", "fr");
    const DsrChartSpec *tl = timeline_spec(b);
    g_autoptr(DsrChartLayout) l2 = dsr_chart_layout(tl, 480, pango, "Noto Sans", "fr");
    /* A title with markup must stay text. */
    g_free(l2->title);
    l2->title = g_strdup("<script>alert(1)</script> & co");

    g_autoptr(xmlDoc) doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "div", NULL);
    xmlDocSetRootElement(doc, root);
    xmlNodePtr s1 = dsr_chart_to_svg(l1, doc, "chart-1");
    xmlNodePtr s2 = dsr_chart_to_svg(l2, doc, "chart-2");
    g_assert_nonnull(s1);
    xmlAddChild(root, s1);
    xmlAddChild(root, s2);
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpMemory(doc, &mem, &size);
    g_assert_cmpint(size, >, 0);
    g_test_message("two charts: %d bytes of SVG", size);
    g_assert_cmpint(size, <, 20000);

    g_autoptr(xmlDoc) back =
        xmlReadMemory((const char *)mem, size, "charts.xml", "UTF-8",
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlFree(mem);
    g_assert_nonnull(back); /* well-formed */
    xmlNodePtr r = xmlDocGetRootElement(back);
    g_autoptr(GHashTable) ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    guint texts = 0;
    g_autoptr(GString) all = g_string_new(NULL);
    collect_ids(r->children, ids, &texts, all);
    g_assert_cmpuint(texts, ==, l1->texts->len + l2->texts->len);
    g_assert_nonnull(strstr(all->str, "16,5\n"));
    g_assert_nonnull(strstr(all->str, APPROX "95\n"));
    g_assert_true(g_hash_table_contains(ids, "chart-1-title"));
    g_assert_true(g_hash_table_contains(ids, "chart-2-title"));
    g_assert_true(g_hash_table_contains(ids, "chart-1-hatch"));

    xmlNodePtr svg = r->children;
    g_assert_cmpstr((const char *)svg->name, ==, "svg");
    g_assert_nonnull(svg->ns);
    g_assert_cmpstr((const char *)svg->ns->href, ==, "http://www.w3.org/2000/svg");
    g_autofree char *role = (char *)xmlGetProp(svg, BAD_CAST "role");
    g_assert_cmpstr(role, ==, "img");
    g_autofree char *labelled = (char *)xmlGetProp(svg, BAD_CAST "aria-labelledby");
    g_assert_cmpstr(labelled, ==, "chart-1-title");
    g_autofree char *vb = (char *)xmlGetProp(svg, BAD_CAST "viewBox");
    g_autofree char *want = g_strdup_printf("0 0 480 %.0f", ceil(l1->height));
    g_assert_cmpstr(vb, ==, want);
    xmlNodePtr title = svg->children;
    g_assert_cmpstr((const char *)title->name, ==, "title");
    g_autofree char *t2 = (char *)xmlNodeGetContent(svg->next->children);
    g_assert_cmpstr(t2, ==, "<script>alert(1)</script> & co");
}

/* ---- Cairo ---- */

static cairo_status_t
append_bytes(void *closure, const unsigned char *data, unsigned int len)
{
    g_byte_array_append(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

static void
test_cairo_pdf(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    g_autoptr(DsrChartLayout) l1 =
        dsr_chart_layout(bar_spec(b, TRUE), 480, pango, "Noto Sans", "fr");
    g_autoptr(DsrChartLayout) l2 = dsr_chart_layout(line_spec(b), 480, pango, "Noto Sans", "fr");
    g_autoptr(DsrChartLayout) l3 =
        dsr_chart_layout(timeline_spec(b), 480, pango, "Noto Sans", "fr");
    g_autoptr(GByteArray) pdf = g_byte_array_new();
    g_autoptr(cairo_surface_t) s =
        cairo_pdf_surface_create_for_stream(append_bytes, pdf, 595.28, 841.89);
    g_autoptr(cairo_t) cr = cairo_create(s);
    dsr_chart_draw_cairo(l1, cr, pango, NULL, 56, 56);
    dsr_chart_draw_cairo(l2, cr, pango, "Noto Sans", 56, 80 + l1->height);
    dsr_chart_draw_cairo(l3, cr, pango, NULL, 56, 100 + l1->height + l2->height);
    g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_finish(s);
    g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpuint(pdf->len, >, 1000);
    g_assert_true(memcmp(pdf->data, "%PDF-", 5) == 0);
    g_test_message("three charts on a PDF page: %u bytes", pdf->len);
}

static guint32
pixel(cairo_surface_t *s, double x, double y)
{
    cairo_surface_flush(s);
    const unsigned char *data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    const guint32 *row = (const guint32 *)(data + (int)y * stride);
    return row[(int)x] & 0xffffff;
}

static void
render_png(const DsrChartLayout *l, const char *name)
{
    const double scale = 2;
    g_autoptr(cairo_surface_t) s = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, (int)ceil(l->width * scale), (int)ceil(l->height * scale));
    g_autoptr(cairo_t) cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    dsr_chart_draw_cairo(l, cr, pango, NULL, 0, 0);
    g_assert_cmpint(cairo_status(cr), ==, CAIRO_STATUS_SUCCESS);
    /* Paint landed where the layout says: a plain bar is the series colour. */
    for (guint i = 0; i < l->rects->len; i++) {
        const DsrChartRect *r = &g_array_index(l->rects, DsrChartRect, i);
        if (!r->hatched && r->w > 2)
            g_assert_cmphex(pixel(s, (r->x + r->w / 2) * scale, (r->y + r->h / 2) * scale), ==,
                            dsr_chart_ink_rgb(r->ink));
    }
    const char *dir = g_getenv("DSR_CHART_PNG_DIR");
    if (dir) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_assert_cmpint(cairo_surface_write_to_png(s, path), ==, CAIRO_STATUS_SUCCESS);
    }
}

static void
test_cairo_png(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    g_autoptr(DsrChartLayout) l1 =
        dsr_chart_layout(bar_spec(b, TRUE), 480, pango, "Noto Sans", "fr");
    g_autoptr(DsrChartLayout) l2 = dsr_chart_layout(line_spec(b), 480, pango, "Noto Sans", "fr");
    g_autoptr(DsrChartLayout) l3 =
        dsr_chart_layout(timeline_spec(b), 480, pango, "Noto Sans", "fr");
    g_autoptr(DsrChartLayout) l4 =
        dsr_chart_layout(timeline_spec(b), 320, pango, "Noto Sans", "en");
    render_png(l1, "chart-bars.png");
    render_png(l2, "chart-line.png");
    render_png(l3, "chart-timeline.png");
    render_png(l4, "chart-timeline-narrow.png");
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    const char *datadir = g_getenv("DOSSIER_DATADIR");
    g_autofree char *dir = datadir ? g_build_filename(datadir, "fonts", NULL)
                                   : g_test_build_filename(G_TEST_DIST, "..", "fonts", NULL);
    g_autoptr(GError) error = NULL;
    fonts = dsr_fonts_new(dir, &error);
    g_assert_no_error(error);
    pango = dsr_fonts_new_context(fonts);

    g_test_add_func("/chart/layout/bars", test_bars);
    g_test_add_func("/chart/layout/bars-negative", test_bars_negative);
    g_test_add_func("/chart/layout/bars-widths", test_bars_widths);
    g_test_add_func("/chart/layout/grouped", test_grouped);
    g_test_add_func("/chart/json/grouped", test_grouped_json);
    g_test_add_func("/chart/choice/grouped", test_choice_grouped);
    g_test_add_func("/chart/choice/limit", test_choice_limit);
    g_test_add_func("/chart/layout/line", test_line);
    g_test_add_func("/chart/layout/timeline", test_timeline);
    g_test_add_func("/chart/layout/degenerate", test_degenerate);
    g_test_add_func("/chart/layout/missing-glyphs", test_missing_glyphs);
    g_test_add_func("/chart/svg/parse-ids-text", test_svg);
    g_test_add_func("/chart/cairo/pdf", test_cairo_pdf);
    g_test_add_func("/chart/cairo/png", test_cairo_png);
    int rc = g_test_run();
    g_object_unref(pango);
    dsr_fonts_free(fonts);
    return rc;
}
