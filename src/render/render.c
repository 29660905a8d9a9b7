/* SPDX-License-Identifier: MIT
 * The renderer table and what every format must agree on: the section walk,
 * labels from templates/labels-<lang>.json, the page style, and how figures,
 * dates, periods and citations are written for people. */
#include "render-private.h"
#include "common/cleanup.h"
#include <dossier/dossier.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

static const DsrRenderer renderers[] = {
    /* --format name, file suffix, function; the format a document holds, and
     * the function given that format's bytes */
    {"pdf", ".pdf", dsr_render_pdf, NULL, NULL},
    {"html", ".html", dsr_render_html, NULL, NULL},
    {"json", ".json", dsr_render_json, NULL, NULL},
    {"eml", ".eml", dsr_render_eml, "pdf", dsr_render_eml_with_pdf},
};

const DsrRenderer *
dsr_renderers(guint *n)
{
    *n = G_N_ELEMENTS(renderers);
    return renderers;
}

const DsrRenderer *
dsr_renderer_find(const char *name)
{
    for (guint i = 0; i < G_N_ELEMENTS(renderers); i++)
        if (g_strcmp0(renderers[i].name, name) == 0)
            return &renderers[i];
    return NULL;
}

static cJSON *
load_json(const char *dir, const char *name, GError **error)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    if (!g_file_get_contents(path, &text, &len, &local)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s", local->message);
        return NULL;
    }
    const char *end = NULL;
    cJSON *json = cJSON_ParseWithLengthOpts(text, len, &end, FALSE);
    if (!json || !cJSON_IsObject(json)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: not a JSON object (at byte %ld)",
                    path, json ? 0L : (long)(end ? end - text : 0));
        cJSON_Delete(json);
        return NULL;
    }
    return json;
}

static GHashTable *
load_labels(const char *dir, const char *lang, GError **error)
{
    g_autofree char *name = g_strdup_printf("labels-%s.json", lang);
    g_autoptr(cJSON) json = load_json(dir, name, error);
    if (!json)
        return NULL;
    GHashTable *labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    const cJSON *item;
    cJSON_ArrayForEach (item, json) {
        if (cJSON_IsString(item))
            g_hash_table_insert(labels, g_strdup(item->string), g_strdup(item->valuestring));
    }
    return labels;
}

/* Display names of the gazetteer's entities (code -> "Vietnam") in French
 * and English, read in one parse of the file, so a heading names the home
 * country as the brief's title does. The brief keeps only the home's code; a
 * missing or unreadable gazetteer leaves the tables empty and headings fall
 * back to the code. */
static void
load_entity_names(DsrRenderContext *ctx)
{
    ctx->names_fr = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ctx->names_en = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autofree char *dir = g_build_filename(dsr_data_dir(), "data", NULL);
    g_autoptr(GError) ignored = NULL;
    g_autoptr(cJSON) json = load_json(dir, "gazetteer.json", &ignored);
    const cJSON *item;
    cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive(json, "entities")) {
        const cJSON *code = cJSON_GetObjectItemCaseSensitive(item, "code");
        if (!cJSON_IsString(code))
            continue;
        const cJSON *fr = cJSON_GetObjectItemCaseSensitive(item, "fr");
        const cJSON *en = cJSON_GetObjectItemCaseSensitive(item, "en");
        if (cJSON_IsString(fr) && *fr->valuestring)
            g_hash_table_insert(ctx->names_fr, g_strdup(code->valuestring),
                                g_strdup(fr->valuestring));
        if (cJSON_IsString(en) && *en->valuestring)
            g_hash_table_insert(ctx->names_en, g_strdup(code->valuestring),
                                g_strdup(en->valuestring));
    }
}

DsrRenderContext *
dsr_render_context_new(const DsrRenderOptions *opt, GError **error)
{
    g_return_val_if_fail(opt != NULL && opt->templates_dir != NULL, NULL);
    DsrRenderContext *ctx = g_new0(DsrRenderContext, 1);
    ctx->templates_dir = g_strdup(opt->templates_dir);
    ctx->paper = g_strdup(opt->paper ? opt->paper : "a4");
    ctx->author = g_strdup(opt->author);
    ctx->now = opt->now;
    ctx->max_pages = opt->max_pages ? opt->max_pages : DSR_DEFAULT_MAX_PAGES;
    if (opt->hyphen_lang && opt->fonts_dir)
        ctx->hyphen_preload = dsr__hyphen_preload(opt->hyphen_lang);
    if (!(ctx->labels_fr = load_labels(opt->templates_dir, "fr", error)) ||
        !(ctx->labels_en = load_labels(opt->templates_dir, "en", error)) ||
        !(ctx->page_style = load_json(opt->templates_dir, "page-style.json", error))) {
        dsr_render_context_free(ctx);
        return NULL;
    }
    load_entity_names(ctx);
    if (opt->fonts_dir && !(ctx->fonts = dsr_fonts_new(opt->fonts_dir, error))) {
        dsr_render_context_free(ctx);
        return NULL;
    }
    return ctx;
}

void
dsr_render_context_free(DsrRenderContext *ctx)
{
    if (!ctx)
        return;
    if (ctx->hyphen_preload)
        g_thread_join(ctx->hyphen_preload);
    g_free(ctx->templates_dir);
    g_free(ctx->paper);
    g_free(ctx->author);
    g_clear_pointer(&ctx->labels_fr, g_hash_table_unref);
    g_clear_pointer(&ctx->labels_en, g_hash_table_unref);
    g_clear_pointer(&ctx->names_fr, g_hash_table_unref);
    g_clear_pointer(&ctx->names_en, g_hash_table_unref);
    cJSON_Delete(ctx->page_style);
    dsr_fonts_free(ctx->fonts);
    g_free(ctx);
}

const char *
dsr_render_label(const DsrRenderContext *ctx, const char *lang, const char *key)
{
    GHashTable *labels = g_strcmp0(lang, "en") == 0 ? ctx->labels_en : ctx->labels_fr;
    const char *v = g_hash_table_lookup(labels, key);
    return v ? v : key;
}

char *
dsr__label_fill(const DsrRenderContext *ctx, const char *lang, const char *key, ...)
{
    GString *s = g_string_new(dsr_render_label(ctx, lang, key));
    va_list ap;
    va_start(ap, key);
    const char *name;
    while ((name = va_arg(ap, const char *)) != NULL) {
        const char *value = va_arg(ap, const char *);
        g_autofree char *pattern = g_strdup_printf("{%s}", name);
        g_string_replace(s, pattern, value ? value : "", 0);
    }
    va_end(ap);
    return g_string_free(s, FALSE);
}

const char *
dsr__entity_name(const DsrRenderContext *ctx, const char *lang, const char *code)
{
    if (!code)
        return NULL;
    GHashTable *names = g_strcmp0(lang, "en") == 0 ? ctx->names_en : ctx->names_fr;
    const char *name = g_hash_table_lookup(names, code);
    return name ? name : code;
}

DsrActorSide
dsr__actor_side(const DsrBrief *b, const DsrBriefActor *a)
{
    /* The same test as summarize's, so a hand-edited brief groups the same way. */
    if (a->entity && g_strcmp0(a->entity, b->home) == 0)
        return DSR_SIDE_HOME;
    if (a->entity && b->partner && g_strcmp0(a->entity, b->partner) == 0)
        return DSR_SIDE_PARTNER;
    return DSR_SIDE_OTHER;
}

char *
dsr__side_heading(const DsrRenderContext *ctx, const DsrBrief *b, DsrActorSide side)
{
    const char *lang = b->lang;
    const char *partner = b->partner_name && *b->partner_name
                              ? b->partner_name
                              : dsr__entity_name(ctx, lang, b->partner);
    static const char *const keys[] = {"side-home", "side-partner", "side-other"};
    return dsr__label_fill(ctx, lang, keys[side], "home", dsr__entity_name(ctx, lang, b->home),
                           "partner", partner, NULL);
}

static const struct {
    const char *label_key;
    const char *id;
} sections[] = {
    [DSR_SECTION_HEADER] = {NULL, "header"},
    [DSR_SECTION_KEY_POINTS] = {"key-points", "key-points"},
    [DSR_SECTION_FIGURES] = {"key-figures", "key-figures"},
    [DSR_SECTION_CHARTS] = {"charts", "charts"},
    [DSR_SECTION_THEMES] = {"themes", "themes"},
    [DSR_SECTION_EVENTS] = {"events", "events"},
    [DSR_SECTION_ACTORS] = {"actors", "actors"},
    [DSR_SECTION_SOURCES] = {"sources", "sources"},
};

const char *
dsr__section_label_key(DsrSection section)
{
    return sections[section].label_key;
}

const char *
dsr__section_id(DsrSection section)
{
    return sections[section].id;
}

gboolean
dsr__render_sections(const DsrBrief *b, DsrSectionFunc fn, gpointer data, GError **error)
{
    const guint counts[] = {
        [DSR_SECTION_HEADER] = 1,
        [DSR_SECTION_KEY_POINTS] = b->key_points->len,
        [DSR_SECTION_FIGURES] = b->figures->len,
        [DSR_SECTION_CHARTS] = b->charts->len,
        [DSR_SECTION_THEMES] = b->themes->len,
        [DSR_SECTION_EVENTS] = b->events->len,
        [DSR_SECTION_ACTORS] = b->actors->len,
        [DSR_SECTION_SOURCES] = b->sources->len,
    };
    for (guint s = 0; s < G_N_ELEMENTS(counts); s++)
        if (counts[s] > 0 && !fn((DsrSection)s, data, error))
            return FALSE;
    return TRUE;
}

/* Picks the largest scale word the quantity reaches, so 16 400 × 10^9 roubles
 * reads "16 400 Md RUB" in French (the press's usage: no "billion", which is
 * 10^12 in French and 10^9 in English) and "RUB 16.4 tn" in English. */
static void
pick_scale(const DsrRenderContext *ctx, const char *lang, double total, double *shown,
           const char **word)
{
    const gboolean en = g_strcmp0(lang, "en") == 0;
    const double a = fabs(total);
    if (en && a >= 1e12) {
        *shown = total / 1e12;
        *word = dsr_render_label(ctx, lang, "scale-trillion");
    } else if (a >= 1e9) {
        *shown = total / 1e9;
        *word = dsr_render_label(ctx, lang, "scale-billion");
    } else if (a >= 1e6) {
        *shown = total / 1e6;
        *word = dsr_render_label(ctx, lang, "scale-million");
    } else {
        *shown = total;
        *word = NULL;
    }
}

char *
dsr__format_figure(const DsrRenderContext *ctx, const char *lang, DsrFigureKind kind, double value,
                   double scale, const char *currency, const char *unit, DsrQualifier qualifier)
{
    const gboolean en = g_strcmp0(lang, "en") == 0;
    const double total = value * (scale > 0 ? scale : 1);
    GString *s = g_string_new(NULL);
    const char *qname = dsr_qualifier_name(qualifier);
    if (qname) {
        g_autofree char *key = g_strconcat("qualifier-", qname, NULL);
        g_string_append_printf(s, "%s ", dsr_render_label(ctx, lang, key));
    }
    switch (kind) {
    case DSR_FIGURE_PERCENT: {
        g_autofree char *num = dsr_text_format_number(value, 2, lang);
        /* French sets a narrow no-break space before %, English none. */
        g_string_append_printf(s, en ? "%s%%" : "%s\u202f%%", num);
        break;
    }
    case DSR_FIGURE_MONEY: {
        double shown;
        const char *word;
        pick_scale(ctx, lang, total, &shown, &word);
        g_autofree char *num = dsr_text_format_number(shown, 2, lang);
        const char *cur = currency ? currency : (unit ? unit : "");
        if (en)
            g_string_append_printf(s, "%s%s%s%s%s", cur, *cur ? " " : "", num, word ? " " : "",
                                   word ? word : "");
        else
            g_string_append_printf(s, "%s%s%s%s%s", num, word ? "\u00a0" : "", word ? word : "",
                                   *cur ? "\u00a0" : "", cur);
        break;
    }
    case DSR_FIGURE_COUNT:
    case DSR_FIGURE_OTHER:
    default: {
        g_autofree char *num = dsr_text_format_number(total, 2, lang);
        g_string_append(s, num);
        if (unit && *unit)
            g_string_append_printf(s, "\u00a0%s", unit);
        break;
    }
    }
    return g_string_free(s, FALSE);
}

char *
dsr__format_brief_figure(const DsrRenderContext *ctx, const char *lang, const DsrBriefFigure *f)
{
    return dsr__format_figure(ctx, lang, f->kind, f->value, f->scale, f->currency, f->unit,
                              f->qualifier);
}

gboolean
dsr__cites_new(const DsrBrief *b, const DsrCites *cites)
{
    if (!cites || cites->len == 0)
        return FALSE;
    for (guint i = 0; i < cites->len; i++) {
        int n = g_array_index(cites, int, i);
        if (n < 1 || (guint)n > b->sources->len ||
            !g_array_index(b->sources, DsrSource, n - 1).is_new)
            return FALSE;
    }
    return TRUE;
}

const char *const dsr__figure_columns[] = {"col-subject", "col-entity",  "col-year",
                                           "col-value",   "col-sources", NULL};

const char *
dsr__figure_subject(const DsrBriefFigure *f)
{
    return f->subject && *f->subject ? f->subject : f->quote;
}

gboolean
dsr__figure_disputed(const DsrBrief *b, guint index)
{
    const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, index);
    if (f->discrepancy && *f->discrepancy)
        return TRUE;
    if (f->group <= 0)
        return FALSE;
    for (guint i = 0; i < b->figures->len; i++)
        if (i != index && g_array_index(b->figures, DsrBriefFigure, i).group == f->group)
            return TRUE;
    return FALSE;
}

char *
dsr__format_cites(const DsrCites *cites)
{
    if (!cites || cites->len == 0)
        return g_strdup("");
    GString *s = g_string_new("[");
    for (guint i = 0; i < cites->len; i++)
        g_string_append_printf(s, "%s%d", i ? ", " : "", g_array_index(cites, int, i));
    g_string_append_c(s, ']');
    return g_string_free(s, FALSE);
}

char *
dsr__format_iso_date(const DsrRenderContext *ctx, const char *lang, const char *iso)
{
    DsrDate d;
    if (!iso || !dsr_date_parse_iso(iso, &d))
        return g_strdup(dsr_render_label(ctx, lang, "no-date"));
    return dsr_text_format_date(&d, lang);
}

char *
dsr__format_period(const DsrRenderContext *ctx, const DsrBrief *b)
{
    if (!b->period_from && !b->period_to)
        return g_strdup(dsr_render_label(ctx, b->lang, "period-unknown"));
    g_autofree char *from =
        dsr__format_iso_date(ctx, b->lang, b->period_from ? b->period_from : b->period_to);
    if (!b->period_to || g_strcmp0(b->period_from, b->period_to) == 0 || !b->period_from)
        return g_steal_pointer(&from);
    g_autofree char *to = dsr__format_iso_date(ctx, b->lang, b->period_to);
    return g_strdup_printf("%s – %s", from, to);
}

static const cJSON *
style_item(const DsrRenderContext *ctx, const char *path)
{
    g_auto(GStrv) parts = g_strsplit(path, ".", -1);
    const cJSON *node = ctx->page_style;
    for (guint i = 0; parts[i] && node; i++)
        node = cJSON_GetObjectItemCaseSensitive(node, parts[i]);
    return node;
}

double
dsr__style_number(const DsrRenderContext *ctx, const char *path, double fallback)
{
    const cJSON *item = style_item(ctx, path);
    return cJSON_IsNumber(item) ? item->valuedouble : fallback;
}

const char *
dsr__style_string(const DsrRenderContext *ctx, const char *path, const char *fallback)
{
    const cJSON *item = style_item(ctx, path);
    return cJSON_IsString(item) ? item->valuestring : fallback;
}

gboolean
dsr__url_is_safe(const char *url, gboolean allow_mailto)
{
    if (!url)
        return FALSE;
    if (g_ascii_strncasecmp(url, "https://", 8) == 0 && url[8])
        return TRUE;
    if (g_ascii_strncasecmp(url, "http://", 7) == 0 && url[7])
        return TRUE;
    return allow_mailto && g_ascii_strncasecmp(url, "mailto:", 7) == 0 && url[7];
}

char *
dsr__format_omitted(const DsrRenderContext *ctx, const DsrBrief *b, DsrSection section)
{
    guint n;
    const char *one, *many;
    switch (section) {
    case DSR_SECTION_FIGURES:
        n = b->omitted.figures;
        one = "omitted-figures-one";
        many = "omitted-figures";
        break;
    case DSR_SECTION_EVENTS:
        n = b->omitted.events;
        one = "omitted-events-one";
        many = "omitted-events";
        break;
    case DSR_SECTION_ACTORS:
        n = b->omitted.actors;
        one = "omitted-actors-one";
        many = "omitted-actors";
        break;
    case DSR_SECTION_SOURCES: {
        guint cited = 0;
        g_free(dsr_brief_cited_sources(b, &cited));
        n = b->sources->len - cited;
        one = "omitted-sources-one";
        many = "omitted-sources";
        break;
    }
    default:
        return NULL;
    }
    if (n == 0)
        return NULL;
    g_autofree char *num = dsr_text_format_number((double)n, 0, b->lang);
    return dsr__label_fill(ctx, b->lang, n == 1 ? one : many, "n", num, NULL);
}

char *
dsr__format_more_mentions(const DsrRenderContext *ctx, const DsrBrief *b, const DsrBriefActor *a)
{
    if (a->mentions <= a->cites->len)
        return NULL;
    guint n = a->mentions - a->cites->len;
    g_autofree char *num = dsr_text_format_number((double)n, 0, b->lang);
    return dsr__label_fill(ctx, b->lang, n == 1 ? "more-mentions-one" : "more-mentions", "n", num,
                           NULL);
}

char *
dsr__format_sources_count(const DsrRenderContext *ctx, const DsrBrief *b)
{
    const guint used = dsr_brief_source_count(b);
    g_autofree char *num = dsr_text_format_number((double)used, 0, b->lang);
    g_autofree char *count = dsr__label_fill(
        ctx, b->lang, used == 1 ? "sources-count-one" : "sources-count", "n", num, NULL);
    GString *s = g_string_new(count);
    guint fresh = 0;
    for (guint i = 0; i < b->sources->len; i++)
        fresh += g_array_index(b->sources, DsrSource, i).is_new ? 1 : 0;
    if (fresh > 0) {
        g_autofree char *fnum = dsr_text_format_number((double)fresh, 0, b->lang);
        g_autofree char *news = dsr__label_fill(
            ctx, b->lang, fresh == 1 ? "new-sources-one" : "new-sources", "n", fnum, NULL);
        g_string_append_printf(s, ", %s", news);
    }
    if (b->omitted.articles > 0) {
        g_autofree char *total =
            dsr_text_format_number((double)used + (double)b->omitted.articles, 0, b->lang);
        g_autofree char *note =
            dsr__label_fill(ctx, b->lang, "omitted-articles", "n", num, "m", total, NULL);
        g_string_append_printf(s, ", %s", note);
    }
    return g_string_free(s, FALSE);
}
