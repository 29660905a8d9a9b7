/* SPDX-License-Identifier: MIT
 * index.html, the front page of a run: templates/html/index.html with one
 * table row per brief (partner, what changed since the previous run, period,
 * articles, its three most important figures, links to its files), most
 * recent activity first. Same template machinery,
 * labels and formatting as the brief pages. */
#include "render-private.h"
#include <string.h>

static const char *const index_slots[] = {"page-title", "title", "summary", "briefs", NULL};

static const struct {
    const char *slot, *label;
} head_cells[] = {
    {"caption", "index-title"},          {"head-relationship", "index-relationship"},
    {"head-changes", "index-changes"},   {"head-period", "index-period"},
    {"head-articles", "index-articles"}, {"head-top-figures", "index-top-figures"},
    {"head-files", "index-files"},
};

/* Recent activity first: the end of the period covered, latest first (an
 * undated brief last), then the slug, so the order never depends on input. */
static int
compare_entries(gconstpointer a, gconstpointer b)
{
    const DsrBrief *x = (*(const DsrIndexEntry *const *)a)->brief;
    const DsrBrief *y = (*(const DsrIndexEntry *const *)b)->brief;
    DsrDate dx = {0}, dy = {0};
    const gboolean hx = x->period_to && dsr_date_parse_iso(x->period_to, &dx);
    const gboolean hy = y->period_to && dsr_date_parse_iso(y->period_to, &dy);
    if (hx != hy)
        return hx ? -1 : 1;
    int c = hx ? dsr_date_compare(&dy, &dx) : 0;
    return c ? c : g_strcmp0(x->slug, y->slug);
}

static void
file_link(xmlNodePtr parent, const char *file, const char *text)
{
    if (!dsr__html_is_sibling_file(file))
        return;
    if (parent->children)
        dsr__html_text(parent, " ");
    xmlNodePtr a = dsr__html_text_el(parent, "a", NULL, text);
    xmlNewProp(a, BAD_CAST "href", BAD_CAST file);
}

/* The figures a reader of the index should see first: those the most
 * sources report, then amounts and shares before counts (a count of
 * delegates says less about a relationship than its trade), then the
 * brief's own order. A figure whose sources disagree waits: the index has no
 * room to show both sides. */
static int
figure_weight(const DsrBrief *b, guint i)
{
    const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
    int w = (f->cites ? (int)f->cites->len : 0) * 4;
    if (f->kind == DSR_FIGURE_MONEY || f->kind == DSR_FIGURE_PERCENT)
        w += 2;
    if (f->subject && *f->subject)
        w += 1;
    if (dsr__figure_disputed(b, i))
        w -= 8;
    return w;
}

typedef struct {
    guint index;
    int weight;
} Ranked;

static int
compare_ranked(gconstpointer a, gconstpointer b)
{
    const Ranked *x = a, *y = b;
    if (x->weight != y->weight)
        return y->weight - x->weight;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* The indexes of @b's three most important figures, in that order. */
static GArray *
top_figures(const DsrBrief *b)
{
    GArray *ranked = g_array_sized_new(FALSE, FALSE, sizeof(Ranked), b->figures->len);
    for (guint i = 0; i < b->figures->len; i++) {
        Ranked r = {i, figure_weight(b, i)};
        g_array_append_val(ranked, r);
    }
    g_array_sort(ranked, compare_ranked);
    if (ranked->len > 3)
        g_array_set_size(ranked, 3);
    return ranked;
}

/* On a phone the rows stack as cards and the column headers are hidden:
 * each cell then shows its header's label from data-label (brief.css). */
static xmlNodePtr
labelled(const DsrRenderContext *ctx, const char *lang, xmlNodePtr cell, const char *key)
{
    xmlNewProp(cell, BAD_CAST "data-label", BAD_CAST dsr_render_label(ctx, lang, key));
    return cell;
}

static char *
count_label(const DsrRenderContext *ctx, const char *lang, guint n, const char *key_one,
            const char *key_many)
{
    g_autofree char *num =
        dsr__format_figure(ctx, lang, DSR_FIGURE_COUNT, n, 1, NULL, NULL, DSR_QUALIFIER_NONE);
    return dsr__label_fill(ctx, lang, n == 1 ? key_one : key_many, "n", num, NULL);
}

static gboolean
known_status(const char *status)
{
    return g_strcmp0(status, "new") == 0 || g_strcmp0(status, "changed") == 0 ||
           g_strcmp0(status, "unchanged") == 0;
}

/* What changed since the previous run: a word in a badge (not a colour
 * alone), then how many of the brief's articles that run had not read. */
static void
changes_cell(const DsrRenderContext *ctx, const char *lang, xmlNodePtr tr, const DsrIndexEntry *e)
{
    xmlNodePtr td = labelled(ctx, lang, dsr__html_el(tr, "td", "changes"), "index-changes");
    if (known_status(e->status)) {
        g_autofree char *key = g_strconcat("status-", e->status, NULL);
        g_autofree char *cls = g_strconcat("status status-", e->status, NULL);
        dsr__html_text_el(td, "span", cls, dsr_render_label(ctx, lang, key));
    }
    if (e->new_articles > 0) {
        g_autofree char *n =
            count_label(ctx, lang, e->new_articles, "index-new-articles-one", "index-new-articles");
        if (td->children)
            dsr__html_text(td, " ");
        dsr__html_text_el(td, "span", "new-articles", n);
    }
    if (!td->children)
        dsr__html_text(td, "–");
}

static void
add_row(const DsrRenderContext *ctx, const char *lang, xmlNodePtr tbody, const DsrIndexEntry *e,
        gboolean changes)
{
    const DsrBrief *b = e->brief;
    xmlNodePtr tr = dsr__html_el(tbody, "tr", NULL);
    xmlNodePtr th = dsr__html_el(tr, "th", NULL);
    xmlNewProp(th, BAD_CAST "scope", BAD_CAST "row");
    const char *name = b->partner ? (b->partner_name ? b->partner_name : b->partner)
                                  : dsr_render_label(ctx, lang, "index-national");
    if (dsr__html_is_sibling_file(e->html)) {
        xmlNodePtr a = dsr__html_text_el(th, "a", NULL, name);
        xmlNewProp(a, BAD_CAST "href", BAD_CAST e->html);
    } else {
        dsr__html_text(th, name);
    }
    dsr__html_text_el(th, "span", "slug", b->slug);
    if (changes)
        changes_cell(ctx, lang, tr, e);

    /* The period in the index's language, like the rest of the page. */
    DsrBrief view = *b;
    view.lang = lang;
    g_autofree char *period = dsr__format_period(ctx, &view);
    labelled(ctx, lang, dsr__html_text_el(tr, "td", NULL, period), "index-period");
    g_autofree char *articles = dsr__format_figure(
        ctx, lang, DSR_FIGURE_COUNT, dsr_brief_source_count(b), 1, NULL, NULL, DSR_QUALIFIER_NONE);
    labelled(ctx, lang, dsr__html_text_el(tr, "td", "num", articles), "index-articles");

    xmlNodePtr td = dsr__html_el(tr, "td", NULL);
    if (b->figures->len) {
        labelled(ctx, lang, td, "index-top-figures");
        xmlNodePtr ul = dsr__html_el(td, "ul", "top-figures");
        g_autoptr(GArray) top = top_figures(b);
        for (guint k = 0; k < top->len; k++) {
            const DsrBriefFigure *f =
                &g_array_index(b->figures, DsrBriefFigure, g_array_index(top, Ranked, k).index);
            xmlNodePtr li = dsr__html_el(ul, "li", NULL);
            g_autofree char *shown = dsr__format_brief_figure(ctx, lang, f);
            dsr__html_text_el(li, "strong", NULL, shown);
            if (f->subject && *f->subject) {
                dsr__html_text(li, " — ");
                dsr__html_text(li, f->subject);
            }
        }
    }
    xmlNodePtr files = labelled(ctx, lang, dsr__html_el(tr, "td", "files"), "index-files");
    file_link(files, e->html, dsr_render_label(ctx, lang, "file-html"));
    file_link(files, e->pdf, dsr_render_label(ctx, lang, "file-pdf"));
}

gboolean
dsr_render_index(const DsrIndexEntry *entries, guint n, const char *lang,
                 const DsrRenderContext *ctx, GByteArray *out, GError **error)
{
    g_return_val_if_fail((entries != NULL || n == 0) && ctx != NULL && out != NULL, FALSE);
    lang = g_strcmp0(lang, "en") == 0 ? "en" : "fr";
    g_autoptr(DsrHtmlPage) page = dsr__html_page_load(ctx, "index.html", lang, index_slots, error);
    if (!page)
        return FALSE;
    const char *title = dsr_render_label(ctx, lang, "index-title");
    dsr__html_text(dsr__html_slot(page, "page-title"), title);
    dsr__html_text(dsr__html_slot(page, "title"), title);
    for (guint i = 0; i < G_N_ELEMENTS(head_cells); i++) {
        xmlNodePtr cell = dsr__html_slot(page, head_cells[i].slot);
        if (cell)
            dsr__html_text(cell, dsr_render_label(ctx, lang, head_cells[i].label));
    }

    g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new(n);
    const char *latest = NULL;
    guint n_new = 0, n_changed = 0, n_unchanged = 0, new_articles = 0;
    for (guint i = 0; i < n; i++) {
        g_return_val_if_fail(entries[i].brief != NULL, FALSE);
        new_articles += entries[i].new_articles;
        n_new += g_strcmp0(entries[i].status, "new") == 0;
        n_changed += g_strcmp0(entries[i].status, "changed") == 0;
        n_unchanged += g_strcmp0(entries[i].status, "unchanged") == 0;
        g_ptr_array_add(sorted, (gpointer)&entries[i]);
        const char *g = entries[i].brief->generated;
        DsrDate d;
        if (g && dsr_date_parse_iso(g, &d) && g_strcmp0(g, latest) > 0)
            latest = g;
    }
    g_ptr_array_sort(sorted, compare_entries);
    /* The column says something only when some briefs changed and others did
     * not: a first run (every brief new, no article new) and a run that
     * changed nothing leave it out, and so keep the page's bytes from one
     * such run to the next. It also needs its header cell in the template. */
    const gboolean something = n_changed > 0 || new_articles > 0 || (n_new && n_unchanged);
    const gboolean changes = something && g_hash_table_contains(page->by_name, "head-changes");
    if (!changes)
        dsr__html_slot_remove(page, "head-changes");

    xmlNodePtr summary = dsr__html_slot(page, "summary");
    g_autofree char *count =
        dsr__format_figure(ctx, lang, DSR_FIGURE_COUNT, n, 1, NULL, NULL, DSR_QUALIFIER_NONE);
    g_autofree char *briefs = dsr__label_fill(
        ctx, lang, n == 1 ? "index-summary-one" : "index-summary", "n", count, NULL);
    dsr__html_text(summary, briefs);
    if (changes && (n_new || n_changed)) {
        g_autoptr(GString) what = g_string_new(NULL);
        if (n_new) {
            g_autofree char *t =
                count_label(ctx, lang, n_new, "index-count-new-one", "index-count-new");
            g_string_append(what, t);
        }
        if (n_changed) {
            g_autofree char *t =
                count_label(ctx, lang, n_changed, "index-count-changed-one", "index-count-changed");
            g_string_append_printf(what, "%s%s", what->len ? ", " : "", t);
        }
        dsr__html_text(summary, " (");
        dsr__html_text(summary, what->str);
        dsr__html_text(summary, ")");
    }
    if (latest) {
        g_autofree char *date = dsr__format_iso_date(ctx, lang, latest);
        g_autofree char *updated = dsr__label_fill(ctx, lang, "index-updated", "date", date, NULL);
        dsr__html_text(summary, " · ");
        dsr__html_text(summary, updated);
    }

    xmlNodePtr tbody = dsr__html_slot(page, "briefs");
    for (guint i = 0; i < sorted->len; i++)
        add_row(ctx, lang, tbody, g_ptr_array_index(sorted, i), changes);
    if (n == 0) {
        xmlNodePtr td = dsr__html_text_el(dsr__html_el(tbody, "tr", NULL), "td", "empty",
                                          dsr_render_label(ctx, lang, "index-empty"));
        xmlNewProp(td, BAD_CAST "colspan", BAD_CAST(changes ? "6" : "5"));
    }
    return dsr__html_page_finish(page, out, error);
}
