/* SPDX-License-Identifier: MIT
 * Key figures across sources: the same quantity reported by two articles
 * (same kind, currency, unit, year and value within rounding) is one row
 * citing both; two rows about the same subject, entity and year whose values
 * differ are kept side by side and marked as a discrepancy. Charts are chosen
 * from the rows, never forced, and never mix units. */
#include "summarize-private.h"
#include <dossier/text.h>
#include <math.h>
#include <string.h>

typedef struct {
    DsrBriefFigure row;  /* strings borrowed from facts until added to the brief */
    GArray *cites;       /* owned until added */
    int rank;            /* importance class, lower first */
    int order;           /* first appearance, for stable ties */
    char *subject_key;   /* folded subject, for discrepancy matching */
} Row;

static void
row_free(Row *r)
{
    if (r->cites)
        g_array_unref(r->cites);
    g_free(r->subject_key);
    g_free(r);
}

static gboolean
same_value(double a, double b)
{
    /* "16,5%" and "16.5%" or "30 milliards" and "30,0 milliards": equal within rounding. */
    double m = MAX(fabs(a), fabs(b));
    return m == 0 || fabs(a - b) <= m * 0.005;
}

static gboolean
same_quantity(const DsrBriefFigure *a, const DsrFigure *b)
{
    return a->kind == b->kind && a->year == b->year && a->qualifier == b->qualifier &&
           g_strcmp0(a->currency, b->currency) == 0 &&
           (a->kind != DSR_FIGURE_COUNT || g_strcmp0(a->unit, b->unit) == 0) &&
           g_strcmp0(a->entity, b->entity) == 0 &&
           same_value(a->value * a->scale, b->value * b->scale);
}

static int
importance(const DsrFigure *f, const char *partner, const char *home)
{
    int about = f->entity && partner && strcmp(f->entity, partner) == 0 ? 0
              : f->entity && home && strcmp(f->entity, home) == 0   ? 1
                                                                      : 2;
    int kind = f->kind == DSR_FIGURE_MONEY     ? 0
             : f->kind == DSR_FIGURE_PERCENT   ? 1
             : f->kind == DSR_FIGURE_COUNT     ? 2
                                               : 3;
    /* An equivalent restates the figure before it: it follows it, never leads. */
    return (kind <= 1 ? about * 4 + kind : 12 + about * 4 + kind) * 2 + (f->equivalent_of >= 0);
}

static int
compare_rows(gconstpointer a, gconstpointer b)
{
    const Row *x = *(Row *const *)a, *y = *(Row *const *)b;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    return x->order - y->order;
}

static double
chart_scale(double max, const char **unit_key)
{
    if (max >= 1e12) {
        *unit_key = "unit-trillion";
        return 1e12;
    }
    if (max >= 1e9) {
        *unit_key = "unit-billion";
        return 1e9;
    }
    if (max >= 1e6) {
        *unit_key = "unit-million";
        return 1e6;
    }
    if (max >= 1e4) {
        *unit_key = "unit-thousand";
        return 1e3;
    }
    *unit_key = NULL;
    return 1;
}

static const char *
label(const DsrRelation *rel, const char *key)
{
    return rel->opt->label ? rel->opt->label(key, rel->opt->label_data) : key;
}

static char *
point_label(const DsrBriefFigure *f)
{
    GString *s = g_string_new(f->subject && *f->subject ? f->subject : f->quote);
    if (g_utf8_strlen(s->str, -1) > 48) {
        const char *cut = g_utf8_offset_to_pointer(s->str, 47);
        g_string_truncate(s, (gsize)(cut - s->str));
        g_string_append(s, "…");
    }
    if (f->year)
        g_string_append_printf(s, " (%d)", f->year);
    return g_string_free(s, FALSE);
}

static gboolean
is_approx(const DsrBriefFigure *f)
{
    return f->qualifier == DSR_QUALIFIER_APPROX || f->qualifier == DSR_QUALIFIER_MORE_THAN ||
           f->qualifier == DSR_QUALIFIER_LESS_THAN;
}

/* A bar chart of the rows of one kind (and one currency for money) when two
 * or more distinct values exist. */
static void
add_bar_chart(DsrRelation *rel, DsrFigureKind kind, const char *currency)
{
    GArray *rows = rel->brief->figures;
    g_autoptr(GArray) picked = g_array_new(FALSE, FALSE, sizeof(guint));
    double max = 0;
    for (guint i = 0; i < rows->len && picked->len < 8; i++) {
        const DsrBriefFigure *f = &g_array_index(rows, DsrBriefFigure, i);
        if (f->kind != kind || g_strcmp0(f->currency, currency) != 0)
            continue;
        if (f->qualifier == DSR_QUALIFIER_AT_LEAST || f->qualifier == DSR_QUALIFIER_AT_MOST)
            continue; /* a range's ends are not two quantities */
        g_array_append_val(picked, i);
        max = MAX(max, fabs(f->value * f->scale));
    }
    if (picked->len < 2)
        return;
    const char *unit_key = NULL;
    double scale = kind == DSR_FIGURE_PERCENT ? 1 : chart_scale(max, &unit_key);
    g_autofree char *unit = kind == DSR_FIGURE_PERCENT
                                ? g_strdup("%")
                                : g_strdup_printf("%s%s%s", unit_key ? label(rel, unit_key) : "",
                                                  unit_key ? " " : "", currency);
    g_autoptr(GString) title = g_string_new(
        label(rel, kind == DSR_FIGURE_PERCENT ? "chart-percent-title" : "chart-money-title"));
    g_string_replace(title, "{unit}", unit, 0);
    gboolean any_approx = FALSE;
    for (guint k = 0; k < picked->len; k++)
        any_approx |= is_approx(&g_array_index(rows, DsrBriefFigure, g_array_index(picked, guint, k)));
    DsrChartSpec *chart = dsr_brief_add_chart(rel->brief, DSR_CHART_BAR, title->str, unit,
                                              any_approx ? label(rel, "chart-approx-points") : NULL);
    for (guint k = 0; k < picked->len; k++) {
        const DsrBriefFigure *f = &g_array_index(rows, DsrBriefFigure, g_array_index(picked, guint, k));
        g_autofree char *text = point_label(f);
        double v = kind == DSR_FIGURE_PERCENT ? f->value : f->value * f->scale / scale;
        dsr_chart_add_point(rel->brief, chart, text, v, is_approx(f),
                            dsr_cites_new((const int *)f->cites->data, f->cites->len));
        /* dsr_brief_add_chart may move the charts array: refetch the spec. */
        chart = &g_array_index(rel->brief->charts, DsrChartSpec, rel->brief->charts->len - 1);
    }
}

void
dsr__summarize_timeline(DsrRelation *rel)
{
    GArray *events = rel->brief->events;
    guint dated = 0;
    for (guint i = 0; i < events->len; i++)
        dated += g_array_index(events, DsrBriefEvent, i).date != NULL;
    if (dated < 3)
        return;
    DsrChartSpec *chart = dsr_brief_add_chart(rel->brief, DSR_CHART_TIMELINE,
                                              label(rel, "chart-timeline-title"), "", NULL);
    for (guint i = 0; i < events->len; i++) {
        const DsrBriefEvent *e = &g_array_index(events, DsrBriefEvent, i);
        DsrDate d;
        if (!e->date || !dsr_date_parse_iso(e->date, &d))
            continue;
        GDate g;
        g_date_clear(&g, 1);
        g_date_set_dmy(&g, (GDateDay)(d.day ? d.day : 1), (GDateMonth)(d.month ? d.month : 1),
                       (GDateYear)d.year);
        double days = (double)g_date_get_julian(&g) - 719163.0; /* days since 1970-01-01 */
        const char *text = e->summary ? e->summary : e->place;
        dsr_chart_add_point(rel->brief, chart, text, days, d.day == 0,
                            dsr_cites_new((const int *)e->cites->data, e->cites->len));
    }
}

void
dsr__summarize_figures(DsrRelation *rel)
{
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)row_free);
    int order = 0;
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        for (guint k = 0; k < s->facts->figures->len; k++) {
            const DsrFigure *f = g_ptr_array_index(s->facts->figures, k);
            Row *same = NULL;
            for (guint r = 0; r < rows->len && !same; r++) {
                Row *row = g_ptr_array_index(rows, r);
                if (same_quantity(&row->row, f))
                    same = row;
            }
            if (same) {
                dsr_cites_add(same->cites, s->source);
                continue;
            }
            Row *row = g_new0(Row, 1);
            row->row = (DsrBriefFigure){ f->quote, f->value, f->scale, f->kind, f->currency,
                                         f->unit, f->qualifier, f->year, f->subject, f->entity,
                                         f->sentence, NULL, NULL, 0 };
            row->cites = dsr_cites_new(&s->source, 1);
            row->rank = importance(f, rel->partner, rel->home);
            row->order = order++;
            row->subject_key = f->subject ? dsr_text_fold(f->subject) : NULL;
            g_ptr_array_add(rows, row);
        }
    }
    g_ptr_array_sort(rows, compare_rows);

    /* Same subject, entity, kind and year but another value: a discrepancy
     * between sources, shown side by side under one group number. */
    int groups = 0;
    for (guint a = 0; a < rows->len; a++) {
        Row *x = g_ptr_array_index(rows, a);
        if (!x->subject_key || x->row.group)
            continue;
        for (guint b = a + 1; b < rows->len; b++) {
            Row *y = g_ptr_array_index(rows, b);
            if (y->row.group || !y->subject_key || strcmp(x->subject_key, y->subject_key) != 0 ||
                x->row.kind != y->row.kind || x->row.year != y->row.year ||
                g_strcmp0(x->row.entity, y->row.entity) != 0 ||
                g_strcmp0(x->row.currency, y->row.currency) != 0)
                continue;
            gboolean other_source = FALSE;
            for (guint c = 0; c < y->cites->len; c++)
                for (guint d = 0; d < x->cites->len; d++)
                    other_source |= g_array_index(y->cites, int, c) != g_array_index(x->cites, int, d);
            if (!other_source)
                continue;
            if (!x->row.group)
                x->row.group = ++groups;
            y->row.group = x->row.group;
        }
    }
    for (guint r = 0; r < rows->len; r++) {
        Row *row = g_ptr_array_index(rows, r);
        g_autofree char *note =
            row->row.group ? g_strdup_printf("%s (%d)", label(rel, "discrepancy"), row->row.group)
                           : NULL;
        row->row.discrepancy = note;
        row->row.cites = g_steal_pointer(&row->cites);
        dsr_brief_add_figure(rel->brief, &row->row);
    }

    /* Charts: money per currency (the most frequent first), then percentages. */
    g_autoptr(GPtrArray) currencies = g_ptr_array_new();
    for (guint i = 0; i < rel->brief->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(rel->brief->figures, DsrBriefFigure, i);
        if (f->kind == DSR_FIGURE_MONEY && f->currency &&
            !g_ptr_array_find_with_equal_func(currencies, f->currency, g_str_equal, NULL))
            g_ptr_array_add(currencies, (gpointer)f->currency);
    }
    for (guint i = 0; i < currencies->len; i++)
        add_bar_chart(rel, DSR_FIGURE_MONEY, g_ptr_array_index(currencies, i));
    add_bar_chart(rel, DSR_FIGURE_PERCENT, NULL);
}

