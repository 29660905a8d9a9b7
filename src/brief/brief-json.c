/* SPDX-License-Identifier: MIT
 * The Brief as "dossier.brief/1", both ways. The writer emits every field in a
 * fixed key order (NULL strings as null), so to_json(from_json(x)) == x; the
 * reader checks the schema as it builds the brief and names the JSON path of
 * the first field that does not match ("$.figures[2].value: not a number"). */
#include <dossier/brief.h>
#include <dossier/error.h>
#include <dossier/text.h>
#include "common/cleanup.h"
#include <math.h>
#include <string.h>

/* ---- writer ---- */

static void
add_string(cJSON *obj, const char *key, const char *s)
{
    cJSON_AddItemToObject(obj, key, s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

/* cJSON prints doubles with %.15g and keeps that when it reads back within an
 * epsilon, which drops the last bits (0.1 + 0.2 comes back as 0.3): a brief
 * read back would then differ from the one written. Print the shortest form
 * that reads back exactly instead. */
static void
add_double(cJSON *obj, const char *key, double d)
{
    if (!isfinite(d)) {
        cJSON_AddNullToObject(obj, key);
        return;
    }
    if (d == floor(d) && fabs(d) < 1e15) {
        cJSON_AddNumberToObject(obj, key, d);
        return;
    }
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    for (int digits = 15; digits <= 17; digits++) {
        char fmt[8];
        g_snprintf(fmt, sizeof fmt, "%%.%dg", digits);
        g_ascii_formatd(buf, sizeof buf, fmt, d);
        if (g_ascii_strtod(buf, NULL) == d)
            break;
    }
    cJSON_AddRawToObject(obj, key, buf);
}

static void
add_cites(cJSON *obj, const DsrCites *cites)
{
    cJSON *arr = cJSON_AddArrayToObject(obj, "cites");
    for (guint i = 0; cites && i < cites->len; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateNumber(g_array_index(cites, int, i)));
}

static void
write_figure(cJSON *arr, const DsrBriefFigure *f)
{
    cJSON *o = cJSON_CreateObject();
    add_string(o, "quote", f->quote);
    add_double(o, "value", f->value);
    add_double(o, "scale", f->scale);
    add_string(o, "kind", dsr_figure_kind_name(f->kind));
    add_string(o, "currency", f->currency);
    add_string(o, "unit", f->unit);
    add_string(o, "qualifier", dsr_qualifier_name(f->qualifier));
    if (f->year)
        cJSON_AddNumberToObject(o, "year", f->year);
    else
        cJSON_AddNullToObject(o, "year");
    add_string(o, "subject", f->subject);
    add_string(o, "entity", f->entity);
    add_string(o, "sentence", f->sentence);
    add_cites(o, f->cites);
    add_string(o, "discrepancy", f->discrepancy);
    cJSON_AddNumberToObject(o, "group", f->group);
    if (f->equivalent.quote) {
        cJSON *eq = cJSON_AddObjectToObject(o, "equivalent");
        add_string(eq, "quote", f->equivalent.quote);
        add_double(eq, "value", f->equivalent.value);
        add_double(eq, "scale", f->equivalent.scale);
        add_string(eq, "kind", dsr_figure_kind_name(f->equivalent.kind));
        add_string(eq, "currency", f->equivalent.currency);
        add_string(eq, "unit", f->equivalent.unit);
        add_string(eq, "qualifier", dsr_qualifier_name(f->equivalent.qualifier));
    } else {
        cJSON_AddNullToObject(o, "equivalent");
    }
    cJSON *variants = cJSON_AddArrayToObject(o, "variants");
    for (guint i = 0; f->variants && i < f->variants->len; i++) {
        const DsrFigureVariant *v = &g_array_index(f->variants, DsrFigureVariant, i);
        cJSON *vo = cJSON_CreateObject();
        add_string(vo, "quote", v->quote);
        add_cites(vo, v->cites);
        cJSON_AddItemToArray(variants, vo);
    }
    cJSON_AddItemToArray(arr, o);
}

static const char *const chart_type_names[] = {"bar", "line", "timeline", "grouped"};

static void
write_chart(cJSON *arr, const DsrChartSpec *c)
{
    cJSON *o = cJSON_CreateObject();
    add_string(o, "type",
               (guint)c->type < G_N_ELEMENTS(chart_type_names) ? chart_type_names[c->type]
                                                               : chart_type_names[0]);
    add_string(o, "title", c->title);
    add_string(o, "unit", c->unit);
    cJSON *points = cJSON_AddArrayToObject(o, "points");
    for (guint i = 0; c->points && i < c->points->len; i++) {
        const DsrChartPoint *p = &g_array_index(c->points, DsrChartPoint, i);
        cJSON *po = cJSON_CreateObject();
        add_string(po, "label", p->label);
        /* Only grouped charts have series: other charts keep their bytes. */
        if (p->series)
            add_string(po, "series", p->series);
        add_double(po, "value", p->value);
        cJSON_AddBoolToObject(po, "approx", p->approx);
        add_cites(po, p->cites);
        cJSON_AddItemToArray(points, po);
    }
    add_string(o, "note", c->note);
    cJSON_AddItemToArray(arr, o);
}

char *
dsr_brief_to_json(const DsrBrief *b)
{
    g_return_val_if_fail(b != NULL, NULL);
    g_autoptr(cJSON) root = cJSON_CreateObject();
    add_string(root, "schema", DSR_BRIEF_SCHEMA);
    add_string(root, "home", b->home);
    add_string(root, "partner", b->partner);
    add_string(root, "partner_name", b->partner_name);
    add_string(root, "slug", b->slug);
    add_string(root, "lang", b->lang);
    add_string(root, "title", b->title);
    cJSON *period = cJSON_AddObjectToObject(root, "period");
    add_string(period, "from", b->period_from);
    add_string(period, "to", b->period_to);
    add_string(root, "generated", b->generated);

    cJSON *arr = cJSON_AddArrayToObject(root, "key_points");
    for (guint i = 0; i < b->key_points->len; i++) {
        const DsrKeyPoint *k = &g_array_index(b->key_points, DsrKeyPoint, i);
        cJSON *o = cJSON_CreateObject();
        add_string(o, "text", k->text);
        add_cites(o, k->cites);
        cJSON_AddItemToArray(arr, o);
    }
    arr = cJSON_AddArrayToObject(root, "figures");
    for (guint i = 0; i < b->figures->len; i++)
        write_figure(arr, &g_array_index(b->figures, DsrBriefFigure, i));
    arr = cJSON_AddArrayToObject(root, "charts");
    for (guint i = 0; i < b->charts->len; i++)
        write_chart(arr, &g_array_index(b->charts, DsrChartSpec, i));
    arr = cJSON_AddArrayToObject(root, "themes");
    for (guint i = 0; i < b->themes->len; i++) {
        const DsrBriefTheme *t = &g_array_index(b->themes, DsrBriefTheme, i);
        cJSON *o = cJSON_CreateObject();
        add_string(o, "name", t->name);
        cJSON_AddNumberToObject(o, "count", t->count);
        /* The theme's citations sit with its example (DESIGN's shape) even when
         * no example sentence was kept: the text is then null. */
        cJSON *ex = cJSON_AddObjectToObject(o, "example");
        add_string(ex, "text", t->example);
        add_cites(ex, t->cites);
        cJSON_AddItemToArray(arr, o);
    }
    arr = cJSON_AddArrayToObject(root, "events");
    for (guint i = 0; i < b->events->len; i++) {
        const DsrBriefEvent *e = &g_array_index(b->events, DsrBriefEvent, i);
        cJSON *o = cJSON_CreateObject();
        add_string(o, "type", dsr_event_type_name(e->type));
        add_string(o, "date", e->date);
        add_string(o, "place", e->place);
        add_string(o, "summary", e->summary);
        add_cites(o, e->cites);
        cJSON_AddItemToArray(arr, o);
    }
    arr = cJSON_AddArrayToObject(root, "actors");
    for (guint i = 0; i < b->actors->len; i++) {
        const DsrBriefActor *a = &g_array_index(b->actors, DsrBriefActor, i);
        cJSON *o = cJSON_CreateObject();
        add_string(o, "name", a->name);
        add_string(o, "role", a->role);
        add_string(o, "entity", a->entity);
        add_cites(o, a->cites);
        if (a->mentions > a->cites->len)
            cJSON_AddNumberToObject(o, "mentions", a->mentions);
        cJSON_AddItemToArray(arr, o);
    }
    arr = cJSON_AddArrayToObject(root, "sources");
    for (guint i = 0; i < b->sources->len; i++) {
        const DsrSource *s = &g_array_index(b->sources, DsrSource, i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "n", s->n);
        add_string(o, "title", s->title);
        add_string(o, "outlet", s->outlet);
        add_string(o, "date", s->date);
        add_string(o, "url", s->url);
        add_string(o, "file", s->file);
        /* Written only when set: a brief of a first run keeps its bytes. */
        if (s->is_new)
            cJSON_AddTrueToObject(o, "new");
        cJSON_AddItemToArray(arr, o);
    }

    /* Written only when the limits left something out: a brief under every
     * limit keeps the bytes it had before the field existed. */
    if (b->omitted.articles || b->omitted.figures || b->omitted.events || b->omitted.actors) {
        cJSON *o = cJSON_AddObjectToObject(root, "omitted");
        cJSON_AddNumberToObject(o, "articles", b->omitted.articles);
        cJSON_AddNumberToObject(o, "figures", b->omitted.figures);
        cJSON_AddNumberToObject(o, "events", b->omitted.events);
        cJSON_AddNumberToObject(o, "actors", b->omitted.actors);
    }

    char *printed = cJSON_Print(root);
    char *out = g_strconcat(printed, "\n", NULL);
    cJSON_free(printed);
    return out;
}

/* ---- reader ---- */

typedef struct {
    DsrBrief *brief;
    GString *path; /* JSON path of the value being read, "$.figures[2]" */
    int n_sources;
    GError **error;
} Reader;

/* Error at the current path, or at its child @key when given. */
G_GNUC_PRINTF(3, 4)
static gboolean
fail(Reader *r, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(r->error, DSR_ERROR, DSR_ERROR_BRIEF, "%s%s%s: %s", r->path->str, key ? "." : "",
                key ? key : "", msg);
    return FALSE;
}

static gsize
push_key(Reader *r, const char *key)
{
    gsize mark = r->path->len;
    g_string_append_printf(r->path, ".%s", key);
    return mark;
}

static gsize
push_index(Reader *r, int i)
{
    gsize mark = r->path->len;
    g_string_append_printf(r->path, "[%d]", i);
    return mark;
}

static void
pop(Reader *r, gsize mark)
{
    g_string_truncate(r->path, mark);
}

/* A member of @obj: NULL when absent. */
static const cJSON *
member(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* TRUE for a character no text should carry: C0 controls other than tab and
 * line feed, DEL, C1 controls, and the Unicode noncharacters (U+FDD0–U+FDEF
 * and the last two code points of every plane). Cairo and Pango fail on some
 * of them (a U+FFFF in a title broke the PDF), and none is text a reader
 * should see. */
static gboolean
is_unwanted(gunichar c)
{
    if (c < 0x20)
        return c != '\t' && c != '\n';
    if (c >= 0x7f && c <= 0x9f)
        return TRUE;
    if (c >= 0xfdd0 && c <= 0xfdef)
        return TRUE;
    return (c & 0xfffe) == 0xfffe;
}

/* @s (valid UTF-8) without its unwanted characters; NULL when it has none. */
static char *
drop_unwanted(const char *s)
{
    const char *p = s;
    while (*p && !is_unwanted(g_utf8_get_char(p)))
        p = g_utf8_next_char(p);
    if (!*p)
        return NULL;
    GString *out = g_string_new_len(s, p - s);
    for (; *p; p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        if (!is_unwanted(c))
            g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

/* A string field. Absent or null gives NULL when @nullable, an error otherwise.
 * The text must be UTF-8: renderers hand it to Pango and libxml2 as is, after
 * the characters no renderer should get are dropped (is_unwanted()). */
static gboolean
read_string(Reader *r, const cJSON *obj, const char *key, gboolean nullable, const char **out)
{
    const cJSON *v = member(obj, key);
    *out = NULL;
    if (!v || cJSON_IsNull(v)) {
        if (nullable)
            return TRUE;
        return fail(r, key, v ? "must not be null" : "missing");
    }
    if (!cJSON_IsString(v))
        return fail(r, key, nullable ? "not a string or null" : "not a string");
    const char *end = NULL;
    if (!g_utf8_validate(v->valuestring, -1, &end))
        return fail(r, key, "not UTF-8 at byte %ld", (long)(end - v->valuestring));
    g_autofree char *clean = drop_unwanted(v->valuestring);
    *out = dsr_brief_intern(r->brief, clean ? clean : v->valuestring);
    return TRUE;
}

static gboolean
read_number(Reader *r, const cJSON *obj, const char *key, double *out)
{
    const cJSON *v = member(obj, key);
    if (!v)
        return fail(r, key, "missing");
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble))
        return fail(r, key, "not a number");
    *out = v->valuedouble;
    return TRUE;
}

/* An integer in [@min, G_MAXINT]; absent or null gives @absent when @optional. */
static gboolean
read_int(Reader *r, const cJSON *obj, const char *key, int min, gboolean optional, int absent,
         int *out)
{
    const cJSON *v = member(obj, key);
    if (!v || (optional && cJSON_IsNull(v))) {
        if (optional) {
            *out = absent;
            return TRUE;
        }
        return fail(r, key, "missing");
    }
    if (!cJSON_IsNumber(v))
        return fail(r, key, "not a number");
    double d = v->valuedouble;
    if (d != floor(d) || d < min || d > G_MAXINT)
        return fail(r, key, "not an integer of at least %d", min);
    *out = (int)d;
    return TRUE;
}

static gboolean
read_bool(Reader *r, const cJSON *obj, const char *key, gboolean *out)
{
    const cJSON *v = member(obj, key);
    if (!v) {
        *out = FALSE; /* an exact value is the ordinary case */
        return TRUE;
    }
    if (!cJSON_IsBool(v))
        return fail(r, key, "not a boolean");
    *out = cJSON_IsTrue(v);
    return TRUE;
}

static gboolean
read_date(Reader *r, const cJSON *obj, const char *key, const char **out)
{
    if (!read_string(r, obj, key, TRUE, out))
        return FALSE;
    DsrDate d;
    if (*out && !dsr_date_parse_iso(*out, &d))
        return fail(r, key, "not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    return TRUE;
}

/* "cites": positive numbers of existing sources, kept sorted and unique. */
static gboolean
read_cites(Reader *r, const cJSON *obj, DsrCites **out)
{
    *out = NULL;
    const cJSON *v = member(obj, "cites");
    if (!v)
        return fail(r, "cites", "missing");
    if (!cJSON_IsArray(v))
        return fail(r, "cites", "not an array");
    g_autoptr(GArray) cites = dsr_cites_new(NULL, 0);
    gsize mark = push_key(r, "cites");
    int i = 0;
    const cJSON *n;
    cJSON_ArrayForEach (n, v) {
        gsize at = push_index(r, i++);
        if (!cJSON_IsNumber(n) || n->valuedouble != floor(n->valuedouble) || n->valuedouble < 1 ||
            n->valuedouble > G_MAXINT)
            return fail(r, NULL, "not a positive integer");
        if (n->valuedouble > r->n_sources)
            return fail(r, NULL, "no source %.0f (the brief has %d)", n->valuedouble, r->n_sources);
        dsr_cites_add(cites, (int)n->valuedouble);
        pop(r, at);
    }
    pop(r, mark);
    *out = g_steal_pointer(&cites);
    return TRUE;
}

typedef gboolean (*ReadRow)(Reader *r, const cJSON *row);

/* Reads the array @key of @root row by row; each row must be an object. */
static gboolean
read_rows(Reader *r, const cJSON *root, const char *key, ReadRow read_row)
{
    const cJSON *arr = member(root, key);
    if (!arr)
        return fail(r, key, "missing");
    if (!cJSON_IsArray(arr))
        return fail(r, key, "not an array");
    gsize mark = push_key(r, key);
    int i = 0;
    const cJSON *row;
    cJSON_ArrayForEach (row, arr) {
        gsize at = push_index(r, i++);
        if (!cJSON_IsObject(row))
            return fail(r, NULL, "not an object");
        if (!read_row(r, row))
            return FALSE;
        pop(r, at);
    }
    pop(r, mark);
    return TRUE;
}

static gboolean
read_key_point(Reader *r, const cJSON *o)
{
    const char *text;
    DsrCites *cites;
    if (!read_string(r, o, "text", FALSE, &text) || !read_cites(r, o, &cites))
        return FALSE;
    DsrKeyPoint row = {text, cites};
    g_array_append_val(r->brief->key_points, row);
    return TRUE;
}

static gboolean
read_figure(Reader *r, const cJSON *o)
{
    DsrBriefFigure f = {0};
    const char *kind, *qualifier;
    if (!read_string(r, o, "quote", FALSE, &f.quote) || !read_number(r, o, "value", &f.value) ||
        !read_number(r, o, "scale", &f.scale) || !read_string(r, o, "kind", FALSE, &kind))
        return FALSE;
    if (!dsr_figure_kind_from_name(kind, &f.kind))
        return fail(r, "kind", "not percent, money, count or other");
    if (!read_string(r, o, "currency", TRUE, &f.currency) ||
        !read_string(r, o, "unit", TRUE, &f.unit) ||
        !read_string(r, o, "qualifier", TRUE, &qualifier))
        return FALSE;
    if (!dsr_qualifier_from_name(qualifier, &f.qualifier))
        return fail(r, "qualifier", "not null, approx, more_than, less_than, at_least or at_most");
    if (!read_int(r, o, "year", 1, TRUE, 0, &f.year) ||
        !read_string(r, o, "subject", TRUE, &f.subject) ||
        !read_string(r, o, "entity", TRUE, &f.entity) ||
        !read_string(r, o, "sentence", TRUE, &f.sentence) || !read_cites(r, o, &f.cites))
        return FALSE;
    /* From here on the row owns its cites: append first so an error frees them. */
    g_array_append_val(r->brief->figures, f);
    DsrBriefFigure *row =
        &g_array_index(r->brief->figures, DsrBriefFigure, r->brief->figures->len - 1);
    if (!read_string(r, o, "discrepancy", TRUE, &row->discrepancy) ||
        !read_int(r, o, "group", 0, TRUE, 0, &row->group))
        return FALSE;
    /* "equivalent" and "variants" came after the first briefs: absent is empty. */
    const cJSON *eq = member(o, "equivalent");
    if (eq && !cJSON_IsNull(eq)) {
        if (!cJSON_IsObject(eq))
            return fail(r, "equivalent", "not an object or null");
        gsize mark = push_key(r, "equivalent");
        DsrFigureEquivalent *e = &row->equivalent;
        if (!read_string(r, eq, "quote", FALSE, &e->quote) ||
            !read_number(r, eq, "value", &e->value) || !read_number(r, eq, "scale", &e->scale) ||
            !read_string(r, eq, "kind", FALSE, &kind))
            return FALSE;
        if (!dsr_figure_kind_from_name(kind, &e->kind))
            return fail(r, "kind", "not percent, money, count or other");
        if (!read_string(r, eq, "currency", TRUE, &e->currency) ||
            !read_string(r, eq, "unit", TRUE, &e->unit) ||
            !read_string(r, eq, "qualifier", TRUE, &qualifier))
            return FALSE;
        if (!dsr_qualifier_from_name(qualifier, &e->qualifier))
            return fail(r, "qualifier",
                        "not null, approx, more_than, less_than, at_least or at_most");
        pop(r, mark);
    }
    const cJSON *variants = member(o, "variants");
    if (!variants || cJSON_IsNull(variants))
        return TRUE;
    if (!cJSON_IsArray(variants))
        return fail(r, "variants", "not an array");
    gsize mark = push_key(r, "variants");
    int i = 0;
    const cJSON *vo;
    cJSON_ArrayForEach (vo, variants) {
        gsize at = push_index(r, i++);
        if (!cJSON_IsObject(vo))
            return fail(r, NULL, "not an object");
        const char *quote;
        g_autoptr(GArray) cites = NULL;
        if (!read_string(r, vo, "quote", FALSE, &quote) || !read_cites(r, vo, &cites))
            return FALSE;
        for (guint k = 0; k < cites->len; k++)
            dsr_brief_figure_add_variant(r->brief, row, quote, g_array_index(cites, int, k));
        pop(r, at);
    }
    pop(r, mark);
    return TRUE;
}

static gboolean
read_chart(Reader *r, const cJSON *o)
{
    const char *type, *title, *unit, *note;
    if (!read_string(r, o, "type", FALSE, &type))
        return FALSE;
    DsrChartType t;
    if (strcmp(type, "bar") == 0)
        t = DSR_CHART_BAR;
    else if (strcmp(type, "line") == 0)
        t = DSR_CHART_LINE;
    else if (strcmp(type, "timeline") == 0)
        t = DSR_CHART_TIMELINE;
    else if (strcmp(type, "grouped") == 0)
        t = DSR_CHART_GROUPED;
    else
        return fail(r, "type", "not bar, line, timeline or grouped");
    if (!read_string(r, o, "title", TRUE, &title) || !read_string(r, o, "unit", TRUE, &unit) ||
        !read_string(r, o, "note", TRUE, &note))
        return FALSE;
    const cJSON *points = member(o, "points");
    if (!points)
        return fail(r, "points", "missing");
    if (!cJSON_IsArray(points))
        return fail(r, "points", "not an array");
    DsrChartSpec *chart = dsr_brief_add_chart(r->brief, t, title, unit, note);
    gsize mark = push_key(r, "points");
    int i = 0;
    const cJSON *po;
    cJSON_ArrayForEach (po, points) {
        gsize at = push_index(r, i++);
        if (!cJSON_IsObject(po))
            return fail(r, NULL, "not an object");
        DsrChartPoint p = {0};
        if (!read_string(r, po, "label", FALSE, &p.label) ||
            !read_string(r, po, "series", t != DSR_CHART_GROUPED, &p.series) ||
            !read_number(r, po, "value", &p.value) || !read_bool(r, po, "approx", &p.approx) ||
            !read_cites(r, po, &p.cites))
            return FALSE;
        /* A series means something only in a grouped chart. */
        if (t != DSR_CHART_GROUPED)
            p.series = NULL;
        g_array_append_val(chart->points, p);
        pop(r, at);
    }
    pop(r, mark);
    return TRUE;
}

static gboolean
read_theme(Reader *r, const cJSON *o)
{
    DsrBriefTheme t = {0};
    if (!read_string(r, o, "name", FALSE, &t.name) ||
        !read_int(r, o, "count", 0, FALSE, 0, &t.count))
        return FALSE;
    const cJSON *ex = member(o, "example");
    if (ex && !cJSON_IsNull(ex)) {
        if (!cJSON_IsObject(ex))
            return fail(r, "example", "not an object or null");
        gsize mark = push_key(r, "example");
        if (!read_string(r, ex, "text", TRUE, &t.example) || !read_cites(r, ex, &t.cites))
            return FALSE;
        pop(r, mark);
    } else {
        t.cites = dsr_cites_new(NULL, 0);
    }
    g_array_append_val(r->brief->themes, t);
    return TRUE;
}

static gboolean
read_event(Reader *r, const cJSON *o)
{
    DsrBriefEvent e = {0};
    const char *type;
    if (!read_string(r, o, "type", FALSE, &type))
        return FALSE;
    if (!dsr_event_type_from_name(type, &e.type))
        return fail(r, "type", "not agreement, forum, meeting, visit or other");
    if (!read_date(r, o, "date", &e.date) || !read_string(r, o, "place", TRUE, &e.place) ||
        !read_string(r, o, "summary", TRUE, &e.summary) || !read_cites(r, o, &e.cites))
        return FALSE;
    g_array_append_val(r->brief->events, e);
    return TRUE;
}

static gboolean
read_actor(Reader *r, const cJSON *o)
{
    DsrBriefActor a = {0};
    int mentions;
    if (!read_string(r, o, "name", FALSE, &a.name) || !read_string(r, o, "role", TRUE, &a.role) ||
        !read_string(r, o, "entity", TRUE, &a.entity) || !read_cites(r, o, &a.cites) ||
        !read_int(r, o, "mentions", 0, TRUE, 0, &mentions))
        return FALSE;
    /* Never fewer than it cites: a count below that is the writer's mistake. */
    a.mentions = MAX((guint)mentions, a.cites->len);
    g_array_append_val(r->brief->actors, a);
    return TRUE;
}

static gboolean
read_source(Reader *r, const cJSON *o)
{
    DsrSource s = {0};
    int expected = (int)r->brief->sources->len + 1;
    if (!read_int(r, o, "n", 1, FALSE, 0, &s.n))
        return FALSE;
    /* Citations are positions in this list: a renumbered list would make them lie. */
    if (s.n != expected)
        return fail(r, "n", "expected %d", expected);
    if (!read_string(r, o, "title", TRUE, &s.title) ||
        !read_string(r, o, "outlet", TRUE, &s.outlet) ||
        !read_string(r, o, "date", TRUE, &s.date) || !read_string(r, o, "url", TRUE, &s.url) ||
        !read_string(r, o, "file", TRUE, &s.file) || !read_bool(r, o, "new", &s.is_new))
        return FALSE;
    g_array_append_val(r->brief->sources, s);
    return TRUE;
}

/* The optional "omitted" object: absent or null means nothing was left out. */
static gboolean
read_omitted(Reader *r, const cJSON *root)
{
    const cJSON *o = member(root, "omitted");
    if (!o || cJSON_IsNull(o))
        return TRUE;
    if (!cJSON_IsObject(o))
        return fail(r, "omitted", "not an object or null");
    gsize mark = push_key(r, "omitted");
    int articles, figures, events, actors;
    if (!read_int(r, o, "articles", 0, TRUE, 0, &articles) ||
        !read_int(r, o, "figures", 0, TRUE, 0, &figures) ||
        !read_int(r, o, "events", 0, TRUE, 0, &events) ||
        !read_int(r, o, "actors", 0, TRUE, 0, &actors))
        return FALSE;
    pop(r, mark);
    r->brief->omitted.articles = (guint)articles;
    r->brief->omitted.figures = (guint)figures;
    r->brief->omitted.events = (guint)events;
    r->brief->omitted.actors = (guint)actors;
    return TRUE;
}

static gboolean
read_brief(Reader *r, const cJSON *root)
{
    if (!cJSON_IsObject(root))
        return fail(r, NULL, "not an object");
    const cJSON *schema = member(root, "schema");
    if (!cJSON_IsString(schema) || strcmp(schema->valuestring, DSR_BRIEF_SCHEMA) != 0)
        return fail(r, "schema", "expected %s", DSR_BRIEF_SCHEMA);
    /* Citations anywhere refer to the sources list, which comes last. */
    const cJSON *sources = member(root, "sources");
    if (!sources)
        return fail(r, "sources", "missing");
    if (!cJSON_IsArray(sources))
        return fail(r, "sources", "not an array");
    r->n_sources = cJSON_GetArraySize(sources);

    DsrBrief *b = r->brief;
    if (!read_string(r, root, "home", FALSE, &b->home) ||
        !read_string(r, root, "partner", TRUE, &b->partner) ||
        !read_string(r, root, "partner_name", TRUE, &b->partner_name) ||
        !read_string(r, root, "slug", FALSE, &b->slug) ||
        !read_string(r, root, "lang", FALSE, &b->lang))
        return FALSE;
    if (strcmp(b->lang, "fr") != 0 && strcmp(b->lang, "en") != 0)
        return fail(r, "lang", "not fr or en");
    /* The slug names output files: a path in it would write outside the folder. */
    if (!*b->slug || strpbrk(b->slug, "/\\") || b->slug[0] == '.')
        return fail(r, "slug", "not a file name");
    if (!read_string(r, root, "title", TRUE, &b->title))
        return FALSE;
    const cJSON *period = member(root, "period");
    if (period && !cJSON_IsNull(period)) {
        if (!cJSON_IsObject(period))
            return fail(r, "period", "not an object or null");
        gsize mark = push_key(r, "period");
        if (!read_date(r, period, "from", &b->period_from) ||
            !read_date(r, period, "to", &b->period_to))
            return FALSE;
        pop(r, mark);
    }
    return read_date(r, root, "generated", &b->generated) &&
           read_rows(r, root, "key_points", read_key_point) &&
           read_rows(r, root, "figures", read_figure) && read_rows(r, root, "charts", read_chart) &&
           read_rows(r, root, "themes", read_theme) && read_rows(r, root, "events", read_event) &&
           read_rows(r, root, "actors", read_actor) && read_rows(r, root, "sources", read_source) &&
           read_omitted(r, root);
}

DsrBrief *
dsr_brief_from_json(const char *json, gsize len, GError **error)
{
    g_return_val_if_fail(json != NULL || len == 0, NULL);
    const char *end = NULL;
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(json ? json : "", len, &end, FALSE);
    if (!root) {
        gsize at = end && json ? (gsize)(end - json) : 0;
        g_set_error(error, DSR_ERROR, DSR_ERROR_BRIEF, "$: not valid JSON at byte %" G_GSIZE_FORMAT,
                    at);
        return NULL;
    }
    /* Only white space may follow the document. */
    for (const char *p = end; p && p < json + len; p++) {
        if (!g_ascii_isspace(*p)) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_BRIEF,
                        "$: unexpected data after the document at byte %" G_GSIZE_FORMAT,
                        (gsize)(p - json));
            return NULL;
        }
    }
    g_autoptr(DsrBrief) brief = dsr_brief_new(NULL, NULL, NULL);
    g_autoptr(GString) path = g_string_new("$");
    Reader r = {brief, path, 0, error};
    if (!read_brief(&r, root))
        return NULL;
    return g_steal_pointer(&brief);
}
