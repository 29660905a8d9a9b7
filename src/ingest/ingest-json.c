/* SPDX-License-Identifier: MIT
 * JSON and JSON Lines exports: an object is an article (title, date or
 * published, url, text/body/content, lang, outlet/source; other fields are
 * ignored), an array or a .jsonl file holds several ("path#N"). Bodies go
 * through the same cleaning as pasted text. A bad record is skipped with a
 * warning as long as another record is good. */
#include "ingest-private.h"
#include "common/cleanup.h"
#include <dossier/error.h>
#include <string.h>

static const char *
string_field(const cJSON *obj, const char *const *names)
{
    for (; *names; names++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, *names);
        if (cJSON_IsString(v) && v->valuestring && *v->valuestring)
            return v->valuestring;
    }
    return NULL;
}

/* The body: a string, or an array of paragraph strings. */
static char *
body_field(const cJSON *obj)
{
    static const char *const names[] = {"text", "body", "content", "article", NULL};
    for (const char *const *n = names; *n; n++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, *n);
        if (cJSON_IsString(v) && v->valuestring)
            return g_strdup(v->valuestring);
        if (cJSON_IsArray(v)) {
            GString *s = g_string_new(NULL);
            const cJSON *item;
            cJSON_ArrayForEach (item, v) {
                if (cJSON_IsString(item) && item->valuestring)
                    g_string_append_printf(s, "%s\n\n", item->valuestring);
            }
            return g_string_free(s, FALSE);
        }
    }
    return NULL;
}

/* One record into an article; NULL with @error when unusable. */
static DsrArticle *
record_to_article(const cJSON *obj, const char *file, GError **error)
{
    if (!cJSON_IsObject(obj)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "not a JSON object");
        return NULL;
    }
    g_autofree char *body = body_field(obj);
    if (!body) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT,
                    "no \"text\", \"body\" or \"content\" field");
        return NULL;
    }
    g_autoptr(DsrArticle) a = dsr_article_new();
    a->file = g_strdup(file);
    DsrKnownFields known = 0;

    static const char *const title_names[] = {"title", "headline", NULL};
    const char *title = string_field(obj, title_names);
    if (title) {
        a->title = dsr_text_squeeze(title);
        known |= DSR__KNOWN_TITLE;
    }
    static const char *const url_names[] = {"url", "link", NULL};
    const char *url = string_field(obj, url_names);
    static const char *const outlet_names[] = {"outlet", "source", "site", NULL};
    const char *outlet = string_field(obj, outlet_names);
    if (outlet)
        a->outlet = dsr_text_squeeze(outlet);
    if (url) {
        dsr__article_set_url(a, url);
        known |= DSR__KNOWN_URL;
    }
    static const char *const date_names[] = {"date", "published", "published_at", "pubDate", NULL};
    const char *date = string_field(obj, date_names);
    if (date) {
        DsrDate d;
        if (dsr_date_parse_iso(date, &d)) {
            a->date = dsr_date_to_iso(&d);
            known |= DSR__KNOWN_DATE;
        } else {
            g_ptr_array_add(a->warnings,
                            g_strdup_printf("date \"%.40s\" is not a date written YYYY, "
                                            "YYYY-MM or YYYY-MM-DD: ignored",
                                            date));
        }
    }
    static const char *const lang_names[] = {"lang", "language", NULL};
    const char *lang = string_field(obj, lang_names);
    if (lang &&
        (g_ascii_strncasecmp(lang, "fr", 2) == 0 || g_ascii_strncasecmp(lang, "en", 2) == 0))
        a->lang = g_ascii_strdown(lang, 2);

    /* Bodies are text, possibly with CRLF or stray control characters. */
    g_autofree char *clean = dsr_text_clean(body, strlen(body), NULL, error);
    if (!clean || !dsr__ingest_text(clean, a, known, error))
        return NULL;
    dsr__article_finish(a, "json");
    return g_steal_pointer(&a);
}

static void
add_record(GPtrArray *out, GPtrArray *pending, const cJSON *obj, const char *file, guint n)
{
    g_autoptr(GError) error = NULL;
    DsrArticle *a = record_to_article(obj, file, &error);
    if (!a) {
        g_ptr_array_add(pending, g_strdup_printf("record %u skipped: %s", n, error->message));
        return;
    }
    for (guint i = 0; i < pending->len; i++)
        g_ptr_array_add(a->warnings, g_strdup(g_ptr_array_index(pending, i)));
    g_ptr_array_set_size(pending, 0);
    g_ptr_array_add(out, a);
}

static GPtrArray *
finish(GPtrArray *out, GPtrArray *pending, GError **error)
{
    if (out->len == 0) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "%s",
                    pending->len ? (const char *)g_ptr_array_index(pending, 0)
                                 : "no article text left after cleaning");
        g_ptr_array_unref(out);
        return NULL;
    }
    /* Skips after the last good record still reach the user. */
    DsrArticle *last = g_ptr_array_index(out, out->len - 1);
    for (guint i = 0; i < pending->len; i++)
        g_ptr_array_add(last->warnings, g_strdup(g_ptr_array_index(pending, i)));
    return out;
}

/* cJSON refuses values nested deeper than CJSON_NESTING_LIMIT and only says
 * where it stopped (at the bracket one level too deep): count the open arrays
 * and objects (outside strings) up to there to tell a too-deep document from
 * a broken one. */
static gboolean
too_deep_at(const char *text, gsize len, gsize stop)
{
    guint depth = 0;
    gboolean in_string = FALSE;
    for (gsize i = 0; i <= stop && i < len; i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = FALSE;
        } else if (c == '"') {
            in_string = TRUE;
        } else if (c == '[' || c == '{') {
            if (++depth > CJSON_NESTING_LIMIT)
                return TRUE;
        } else if ((c == ']' || c == '}') && depth) {
            depth--;
        }
    }
    return FALSE;
}

/* " (nested more than … levels deep…)" after an "invalid JSON at byte N". */
static const char *
depth_note(const char *text, gsize len, gsize stop)
{
    return too_deep_at(text, len, stop) ? ": arrays and objects nested more than " G_STRINGIFY(
                                              CJSON_NESTING_LIMIT) " levels deep, the most "
                                                                   "the JSON parser reads"
                                        : "";
}

static GPtrArray *
ingest_lines(const char *text, gsize len, const char *name, GError **error)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_article_free);
    g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func(g_free);
    guint n = 0, lineno = 0;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (gsize)(end - p));
        gsize l = nl ? (gsize)(nl - p) : (gsize)(end - p);
        lineno++;
        const char *q = p;
        while (q < p + l && g_ascii_isspace(*q))
            q++;
        if (q < p + l) {
            n++;
            const char *parse_end = NULL;
            g_autoptr(cJSON) obj = cJSON_ParseWithLengthOpts(p, l, &parse_end, FALSE);
            g_autofree char *file = g_strdup_printf("%s#%u", name, n);
            if (!obj)
                g_ptr_array_add(
                    pending,
                    g_strdup_printf("record %u (line %u) skipped: invalid JSON at "
                                    "byte %td of the line%s",
                                    n, lineno, parse_end ? parse_end - p : 0,
                                    depth_note(p, l, parse_end ? (gsize)(parse_end - p) : 0)));
            else
                add_record(out, pending, obj, file, n);
        }
        p += l + 1;
    }
    return finish(out, pending, error);
}

GPtrArray *
dsr__ingest_json(const char *text, gsize len, const char *name, gboolean lines, GError **error)
{
    if (lines)
        return ingest_lines(text, len, name, error);
    const char *parse_end = NULL;
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(text, len, &parse_end, FALSE);
    gsize consumed = parse_end ? (gsize)(parse_end - text) : 0;
    const char *rest = parse_end;
    while (root && rest && *rest && g_ascii_isspace(*rest))
        rest++;
    if (root && rest && *rest) {
        /* Several values one after another: JSON Lines under another name. */
        if (*rest == '{')
            return ingest_lines(text, len, name, error);
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT,
                    "invalid JSON at byte %" G_GSIZE_FORMAT ": data after the end", consumed);
        return NULL;
    }
    if (!root) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "invalid JSON at byte %" G_GSIZE_FORMAT "%s",
                    consumed, depth_note(text, len, consumed));
        return NULL;
    }
    const cJSON *list = root;
    if (cJSON_IsObject(root)) {
        const cJSON *inner = cJSON_GetObjectItemCaseSensitive(root, "articles");
        if (!inner)
            inner = cJSON_GetObjectItemCaseSensitive(root, "items");
        if (cJSON_IsArray(inner))
            list = inner;
    }
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_article_free);
    g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func(g_free);
    if (cJSON_IsArray(list)) {
        guint n = 0;
        const cJSON *item;
        cJSON_ArrayForEach (item, list) {
            n++;
            g_autofree char *file = g_strdup_printf("%s#%u", name, n);
            add_record(out, pending, item, file, n);
        }
    } else {
        g_autoptr(GError) one = NULL;
        DsrArticle *a = record_to_article(root, name, &one);
        if (!a) {
            g_ptr_array_unref(out);
            g_propagate_error(error, g_steal_pointer(&one));
            return NULL;
        }
        g_ptr_array_add(out, a);
    }
    return finish(out, pending, error);
}
