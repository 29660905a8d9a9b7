/* SPDX-License-Identifier: MIT
 * The Brief model: construction and freeing. Every string is interned in the
 * brief's GStringChunk, rows are plain structs in GArrays whose clear
 * functions free the citation lists, so freeing the brief frees everything. */
#include <dossier/brief.h>
#include <stdlib.h>
#include <string.h>

static void
free_cites(DsrCites **cites)
{
    g_clear_pointer(cites, g_array_unref);
}

static void
clear_key_point(gpointer p)
{
    free_cites(&((DsrKeyPoint *)p)->cites);
}
static void
clear_variant(gpointer p)
{
    free_cites(&((DsrFigureVariant *)p)->cites);
}
static void
clear_figure(gpointer p)
{
    DsrBriefFigure *f = p;
    free_cites(&f->cites);
    g_clear_pointer(&f->variants, g_array_unref);
}
static void
clear_point(gpointer p)
{
    free_cites(&((DsrChartPoint *)p)->cites);
}
static void
clear_chart(gpointer p)
{
    g_clear_pointer(&((DsrChartSpec *)p)->points, g_array_unref);
}
static void
clear_theme(gpointer p)
{
    free_cites(&((DsrBriefTheme *)p)->cites);
}
static void
clear_event(gpointer p)
{
    free_cites(&((DsrBriefEvent *)p)->cites);
}
static void
clear_actor(gpointer p)
{
    free_cites(&((DsrBriefActor *)p)->cites);
}

static GArray *
rows(gsize size, GDestroyNotify clear)
{
    GArray *a = g_array_new(FALSE, TRUE, (guint)size);
    if (clear)
        g_array_set_clear_func(a, clear);
    return a;
}

DsrBrief *
dsr_brief_new(const char *home, const char *partner, const char *lang)
{
    DsrBrief *b = g_new0(DsrBrief, 1);
    b->strings = g_string_chunk_new(4096);
    b->home = dsr_brief_intern(b, home ? home : "VN");
    b->partner = dsr_brief_intern(b, partner && *partner ? partner : NULL);
    b->lang = dsr_brief_intern(b, lang ? lang : "fr");
    g_autofree char *slug =
        b->partner ? g_strdup_printf("%s-%s", b->home, b->partner) : g_strdup(b->home);
    g_autofree char *lower = g_ascii_strdown(slug, -1);
    b->slug = dsr_brief_intern(b, lower);
    b->key_points = rows(sizeof(DsrKeyPoint), clear_key_point);
    b->figures = rows(sizeof(DsrBriefFigure), clear_figure);
    b->charts = rows(sizeof(DsrChartSpec), clear_chart);
    b->themes = rows(sizeof(DsrBriefTheme), clear_theme);
    b->events = rows(sizeof(DsrBriefEvent), clear_event);
    b->actors = rows(sizeof(DsrBriefActor), clear_actor);
    b->sources = rows(sizeof(DsrSource), NULL);
    return b;
}

void
dsr_brief_free(DsrBrief *b)
{
    if (!b)
        return;
    g_array_unref(b->key_points);
    g_array_unref(b->figures);
    g_array_unref(b->charts);
    g_array_unref(b->themes);
    g_array_unref(b->events);
    g_array_unref(b->actors);
    g_array_unref(b->sources);
    g_string_chunk_free(b->strings);
    g_free(b);
}

const char *
dsr_brief_intern(DsrBrief *b, const char *s)
{
    g_return_val_if_fail(b != NULL, NULL);
    return s ? g_string_chunk_insert_const(b->strings, s) : NULL;
}

DsrCites *
dsr_cites_new(const int *nums, guint n)
{
    DsrCites *c = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint i = 0; i < n; i++)
        dsr_cites_add(c, nums[i]);
    return c;
}

/* The list stays sorted and without repeats: @n goes where a binary search
 * finds its place. A figure merged from hundreds of articles gets as many
 * citations one by one; scanning and sorting the whole list at each was a
 * fifth of summarizing a relationship of 840 articles. */
void
dsr_cites_add(DsrCites *c, int n)
{
    g_return_if_fail(c != NULL);
    const int *v = (const int *)(gpointer)c->data;
    guint lo = 0, hi = c->len;
    while (lo < hi) {
        const guint mid = lo + (hi - lo) / 2;
        if (v[mid] < n)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < c->len && v[lo] == n)
        return;
    g_array_insert_val(c, lo, n);
}

static DsrCites *
own_cites(DsrCites *c)
{
    return c ? c : dsr_cites_new(NULL, 0);
}

void
dsr_brief_add_key_point(DsrBrief *b, const char *text, DsrCites *cites)
{
    DsrKeyPoint row = {dsr_brief_intern(b, text), own_cites(cites)};
    g_array_append_val(b->key_points, row);
}

DsrBriefFigure *
dsr_brief_add_figure(DsrBrief *b, const DsrBriefFigure *src)
{
    DsrBriefFigure row = *src;
    row.quote = dsr_brief_intern(b, src->quote);
    row.currency = dsr_brief_intern(b, src->currency);
    row.unit = dsr_brief_intern(b, src->unit);
    row.subject = dsr_brief_intern(b, src->subject);
    row.entity = dsr_brief_intern(b, src->entity);
    row.sentence = dsr_brief_intern(b, src->sentence);
    row.discrepancy = dsr_brief_intern(b, src->discrepancy);
    row.cites = own_cites(src->cites);
    row.equivalent.quote = dsr_brief_intern(b, src->equivalent.quote);
    row.equivalent.currency = dsr_brief_intern(b, src->equivalent.currency);
    row.equivalent.unit = dsr_brief_intern(b, src->equivalent.unit);
    row.variants = NULL;
    g_array_append_val(b->figures, row);
    DsrBriefFigure *added = &g_array_index(b->figures, DsrBriefFigure, b->figures->len - 1);
    for (guint i = 0; src->variants && i < src->variants->len; i++) {
        const DsrFigureVariant *v = &g_array_index(src->variants, DsrFigureVariant, i);
        for (guint k = 0; v->cites && k < v->cites->len; k++)
            dsr_brief_figure_add_variant(b, added, v->quote, g_array_index(v->cites, int, k));
    }
    return added;
}

void
dsr_brief_figure_add_variant(DsrBrief *b, DsrBriefFigure *row, const char *quote, int cite)
{
    g_return_if_fail(row != NULL && quote != NULL);
    if (g_strcmp0(row->quote, quote) == 0)
        return;
    if (!row->variants)
        row->variants = rows(sizeof(DsrFigureVariant), clear_variant);
    for (guint i = 0; i < row->variants->len; i++) {
        DsrFigureVariant *v = &g_array_index(row->variants, DsrFigureVariant, i);
        if (strcmp(v->quote, quote) == 0) {
            dsr_cites_add(v->cites, cite);
            return;
        }
    }
    DsrFigureVariant v = {dsr_brief_intern(b, quote), dsr_cites_new(&cite, 1)};
    g_array_append_val(row->variants, v);
}

DsrChartSpec *
dsr_brief_add_chart(DsrBrief *b, DsrChartType type, const char *title, const char *unit,
                    const char *note)
{
    DsrChartSpec row = {type, dsr_brief_intern(b, title), dsr_brief_intern(b, unit),
                        dsr_brief_intern(b, note), rows(sizeof(DsrChartPoint), clear_point)};
    g_array_append_val(b->charts, row);
    return &g_array_index(b->charts, DsrChartSpec, b->charts->len - 1);
}

void
dsr_chart_add_point(DsrBrief *b, DsrChartSpec *chart, const char *label, double value,
                    gboolean approx, DsrCites *cites)
{
    DsrChartPoint p = {dsr_brief_intern(b, label), value, approx, own_cites(cites), NULL};
    g_array_append_val(chart->points, p);
}

void
dsr_chart_add_series_point(DsrBrief *b, DsrChartSpec *chart, const char *label, const char *series,
                           double value, gboolean approx, DsrCites *cites)
{
    g_return_if_fail(series != NULL);
    DsrChartPoint p = {dsr_brief_intern(b, label), value, approx, own_cites(cites),
                       dsr_brief_intern(b, series)};
    g_array_append_val(chart->points, p);
}

void
dsr_brief_add_theme(DsrBrief *b, const char *name, int count, const char *example, DsrCites *cites)
{
    DsrBriefTheme row = {dsr_brief_intern(b, name), count, dsr_brief_intern(b, example),
                         own_cites(cites)};
    g_array_append_val(b->themes, row);
}

void
dsr_brief_add_event(DsrBrief *b, DsrEventType type, const char *date, const char *place,
                    const char *summary, DsrCites *cites)
{
    DsrBriefEvent row = {type, dsr_brief_intern(b, date), dsr_brief_intern(b, place),
                         dsr_brief_intern(b, summary), own_cites(cites)};
    g_array_append_val(b->events, row);
}

void
dsr_brief_add_actor(DsrBrief *b, const char *name, const char *role, const char *entity,
                    DsrCites *cites)
{
    DsrBriefActor row = {dsr_brief_intern(b, name), dsr_brief_intern(b, role),
                         dsr_brief_intern(b, entity), own_cites(cites), cites ? cites->len : 0};
    g_array_append_val(b->actors, row);
}

int
dsr_brief_add_source(DsrBrief *b, const char *title, const char *outlet, const char *date,
                     const char *url, const char *file)
{
    DsrSource row = {.n = (int)b->sources->len + 1,
                     .title = dsr_brief_intern(b, title),
                     .outlet = dsr_brief_intern(b, outlet),
                     .date = dsr_brief_intern(b, date),
                     .url = dsr_brief_intern(b, url),
                     .file = dsr_brief_intern(b, file),
                     .is_new = FALSE};
    g_array_append_val(b->sources, row);
    return row.n;
}

static void
mark_cites(guint8 *cited, guint n, const DsrCites *cites)
{
    for (guint i = 0; cites && i < cites->len; i++) {
        int c = g_array_index(cites, int, i);
        if (c >= 1 && (guint)c <= n)
            cited[c] = 1;
    }
}

/* "[12]" numbers in a text the brief shows (a discrepancy's other source). */
static void
mark_bracketed(guint8 *cited, guint n, const char *text)
{
    for (const char *p = text ? strchr(text, '[') : NULL; p; p = strchr(p + 1, '[')) {
        char *end = NULL;
        long c = strtol(p + 1, &end, 10);
        if (end && *end == ']' && c >= 1 && (gulong)c <= n)
            cited[c] = 1;
    }
}

guint8 *
dsr_brief_cited_sources(const DsrBrief *b, guint *n_cited)
{
    const guint n = b->sources->len;
    guint8 *cited = g_new0(guint8, n + 1);
    for (guint i = 0; i < b->key_points->len; i++)
        mark_cites(cited, n, g_array_index(b->key_points, DsrKeyPoint, i).cites);
    for (guint i = 0; i < b->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
        mark_cites(cited, n, f->cites);
        mark_bracketed(cited, n, f->discrepancy);
        for (guint v = 0; f->variants && v < f->variants->len; v++)
            mark_cites(cited, n, g_array_index(f->variants, DsrFigureVariant, v).cites);
    }
    for (guint i = 0; i < b->charts->len; i++) {
        const DsrChartSpec *c = &g_array_index(b->charts, DsrChartSpec, i);
        for (guint k = 0; k < c->points->len; k++)
            mark_cites(cited, n, g_array_index(c->points, DsrChartPoint, k).cites);
    }
    for (guint i = 0; i < b->themes->len; i++)
        mark_cites(cited, n, g_array_index(b->themes, DsrBriefTheme, i).cites);
    for (guint i = 0; i < b->events->len; i++)
        mark_cites(cited, n, g_array_index(b->events, DsrBriefEvent, i).cites);
    for (guint i = 0; i < b->actors->len; i++)
        mark_cites(cited, n, g_array_index(b->actors, DsrBriefActor, i).cites);
    guint count = 0;
    for (guint i = 1; i <= n; i++)
        count += cited[i];
    if (n_cited)
        *n_cited = count;
    return cited;
}

guint
dsr_brief_source_count(const DsrBrief *b)
{
    return b->sources->len;
}
