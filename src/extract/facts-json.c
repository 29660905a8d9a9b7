/* SPDX-License-Identifier: MIT
 * DsrFacts to and from the `dossier inspect` object (DESIGN contract): the
 * fields in the contract's order, null where unknown, numbers through cJSON.
 * With DSR_FACTS_JSON_SENTENCES the object also carries what a later `build`
 * needs (id, place, sentences, equivalent_of, event sentences). */
#include "extract-private.h"

#include <string.h>
#include <cJSON.h>
#include <dossier/error.h>
#include "common/cleanup.h"

static void
add_string(cJSON *o, const char *key, const char *value)
{
    if (value)
        cJSON_AddStringToObject(o, key, value);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *
string_array(GPtrArray *list)
{
    cJSON *a = cJSON_CreateArray();
    for (guint i = 0; i < list->len; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(g_ptr_array_index(list, i)));
    return a;
}

char *
dsr_facts_to_json(const DsrFacts *f, DsrFactsJsonFlags flags)
{
    g_return_val_if_fail(f != NULL, NULL);
    gboolean full = (flags & DSR_FACTS_JSON_SENTENCES) != 0;
    g_autoptr(cJSON) o = cJSON_CreateObject();
    add_string(o, "file", f->file);
    add_string(o, "title", f->title);
    add_string(o, "date", f->date);
    add_string(o, "lang", f->lang);
    add_string(o, "url", f->url);
    add_string(o, "outlet", f->outlet);
    cJSON_AddItemToObject(o, "partners", string_array(f->partners));
    add_string(o, "primary_partner", f->primary_partner);
    cJSON *figs = cJSON_AddArrayToObject(o, "figures");
    for (guint i = 0; i < f->figures->len; i++) {
        const DsrFigure *g = g_ptr_array_index(f->figures, i);
        cJSON *x = cJSON_CreateObject();
        add_string(x, "quote", g->quote);
        cJSON_AddNumberToObject(x, "value", g->value);
        cJSON_AddNumberToObject(x, "scale", g->scale);
        cJSON_AddStringToObject(x, "kind", dsr_figure_kind_name(g->kind));
        add_string(x, "currency", g->currency);
        add_string(x, "unit", g->unit);
        add_string(x, "qualifier", dsr_qualifier_name(g->qualifier));
        if (g->year)
            cJSON_AddNumberToObject(x, "year", g->year);
        else
            cJSON_AddNullToObject(x, "year");
        add_string(x, "subject", g->subject);
        add_string(x, "entity", g->entity);
        add_string(x, "sentence", g->sentence);
        if (full) {
            if (g->equivalent_of >= 0)
                cJSON_AddNumberToObject(x, "equivalent_of", g->equivalent_of);
            else
                cJSON_AddNullToObject(x, "equivalent_of");
        }
        cJSON_AddItemToArray(figs, x);
    }
    cJSON *evs = cJSON_AddArrayToObject(o, "events");
    for (guint i = 0; i < f->events->len; i++) {
        const DsrEvent *e = g_ptr_array_index(f->events, i);
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "type", dsr_event_type_name(e->type));
        add_string(x, "date", e->date);
        add_string(x, "place", e->place);
        add_string(x, "summary", e->summary);
        if (full)
            add_string(x, "sentence", e->sentence);
        cJSON_AddItemToArray(evs, x);
    }
    cJSON *acts = cJSON_AddArrayToObject(o, "actors");
    for (guint i = 0; i < f->actors->len; i++) {
        const DsrActor *a = g_ptr_array_index(f->actors, i);
        cJSON *x = cJSON_CreateObject();
        add_string(x, "name", a->name);
        add_string(x, "role", a->role);
        add_string(x, "entity", a->entity);
        cJSON_AddItemToArray(acts, x);
    }
    cJSON_AddItemToObject(o, "themes", string_array(f->themes));
    if (full) {
        add_string(o, "id", f->id);
        add_string(o, "place", f->place);
        cJSON *ss = cJSON_AddArrayToObject(o, "sentences");
        for (guint i = 0; i < f->sentences->len; i++) {
            const DsrSentence *s = g_ptr_array_index(f->sentences, i);
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "text", s->text);
            cJSON_AddNumberToObject(x, "paragraph", s->paragraph);
            cJSON_AddNumberToObject(x, "index", s->index);
            cJSON_AddItemToArray(ss, x);
        }
    }
    char *printed = (flags & DSR_FACTS_JSON_PRETTY) ? cJSON_Print(o) : cJSON_PrintUnformatted(o);
    char *out = g_strdup(printed);
    cJSON_free(printed);
    return out;
}

/* ---- reading back ---- */

typedef struct {
    GError **error;
    const char *where; /* field being read, for the message */
} Reader;

static gboolean
fail(Reader *r, const char *field)
{
    if (r->error && !*r->error)
        g_set_error(r->error, DSR_ERROR, DSR_ERROR_INPUT, "facts: \"%s\"%s%s does not match", field,
                    r->where ? " in " : "", r->where ? r->where : "");
    return FALSE;
}

/* A string or null field; absent counts as null only when @optional. */
static gboolean
get_string(Reader *r, const cJSON *o, const char *key, gboolean optional, char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v)
        return optional || fail(r, key);
    if (cJSON_IsNull(v))
        return TRUE;
    if (!cJSON_IsString(v))
        return fail(r, key);
    *out = g_strdup(v->valuestring);
    return TRUE;
}

static gboolean
get_number(Reader *r, const cJSON *o, const char *key, gboolean nullable, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (nullable && (!v || cJSON_IsNull(v)))
        return TRUE;
    if (!cJSON_IsNumber(v))
        return fail(r, key);
    *out = v->valuedouble;
    return TRUE;
}

static const cJSON *
get_array(Reader *r, const cJSON *o, const char *key, gboolean optional)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v && optional)
        return NULL;
    if (!cJSON_IsArray(v)) {
        fail(r, key);
        return NULL;
    }
    return v;
}

static gboolean
read_strings(Reader *r, const cJSON *o, const char *key, GPtrArray *into)
{
    const cJSON *a = get_array(r, o, key, FALSE), *it;
    if (!a)
        return FALSE;
    cJSON_ArrayForEach (it, a) {
        if (!cJSON_IsString(it))
            return fail(r, key);
        g_ptr_array_add(into, g_strdup(it->valuestring));
    }
    return TRUE;
}

static gboolean
read_figure(Reader *r, const cJSON *x, DsrFigure *g)
{
    char *kind = NULL, *qual = NULL;
    double year = 0, eq = -1;
    gboolean ok =
        cJSON_IsObject(x) && get_string(r, x, "quote", FALSE, &g->quote) &&
        get_number(r, x, "value", FALSE, &g->value) &&
        get_number(r, x, "scale", FALSE, &g->scale) && get_string(r, x, "kind", FALSE, &kind) &&
        kind && dsr_figure_kind_from_name(kind, &g->kind) &&
        get_string(r, x, "currency", FALSE, &g->currency) &&
        get_string(r, x, "unit", FALSE, &g->unit) && get_string(r, x, "qualifier", FALSE, &qual) &&
        dsr_qualifier_from_name(qual, &g->qualifier) && get_number(r, x, "year", TRUE, &year) &&
        get_string(r, x, "subject", FALSE, &g->subject) &&
        get_string(r, x, "entity", FALSE, &g->entity) &&
        get_string(r, x, "sentence", FALSE, &g->sentence) &&
        get_number(r, x, "equivalent_of", TRUE, &eq);
    g_free(kind);
    g_free(qual);
    g->year = (int)year;
    g->equivalent_of = (int)eq;
    return ok || fail(r, "figures");
}

static gboolean
read_event(Reader *r, const cJSON *x, DsrEvent *e)
{
    char *type = NULL;
    gboolean ok = cJSON_IsObject(x) && get_string(r, x, "type", FALSE, &type) && type &&
                  dsr_event_type_from_name(type, &e->type) &&
                  get_string(r, x, "date", FALSE, &e->date) &&
                  get_string(r, x, "place", FALSE, &e->place) &&
                  get_string(r, x, "summary", FALSE, &e->summary) &&
                  get_string(r, x, "sentence", TRUE, &e->sentence);
    g_free(type);
    return ok || fail(r, "events");
}

DsrFacts *
dsr_facts_from_json(const char *json, gsize len, GError **error)
{
    g_return_val_if_fail(json != NULL, NULL);
    const char *end = NULL;
    g_autoptr(cJSON) o = cJSON_ParseWithLengthOpts(json, len, &end, FALSE);
    if (!o || !cJSON_IsObject(o)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "facts: invalid JSON at byte %d",
                    end ? (int)(end - json) : 0);
        return NULL;
    }
    Reader r = {error, NULL};
    g_autoptr(DsrFacts) f = dsr_facts_new();
    if (!get_string(&r, o, "file", FALSE, &f->file) ||
        !get_string(&r, o, "title", FALSE, &f->title) ||
        !get_string(&r, o, "date", FALSE, &f->date) ||
        !get_string(&r, o, "lang", FALSE, &f->lang) || !get_string(&r, o, "url", FALSE, &f->url) ||
        !get_string(&r, o, "outlet", FALSE, &f->outlet) ||
        !read_strings(&r, o, "partners", f->partners) ||
        !get_string(&r, o, "primary_partner", FALSE, &f->primary_partner) ||
        !get_string(&r, o, "id", TRUE, &f->id) || !get_string(&r, o, "place", TRUE, &f->place))
        return NULL;
    const cJSON *a, *it;
    if (!(a = get_array(&r, o, "figures", FALSE)))
        return NULL;
    cJSON_ArrayForEach (it, a) {
        DsrFigure *g = g_new0(DsrFigure, 1);
        g_ptr_array_add(f->figures, g);
        r.where = "figures";
        if (!read_figure(&r, it, g))
            return NULL;
        if (g->equivalent_of >= cJSON_GetArraySize(a) || g->equivalent_of < -1) {
            fail(&r, "equivalent_of");
            return NULL;
        }
    }
    r.where = "events";
    if (!(a = get_array(&r, o, "events", FALSE)))
        return NULL;
    cJSON_ArrayForEach (it, a) {
        DsrEvent *e = g_new0(DsrEvent, 1);
        g_ptr_array_add(f->events, e);
        if (!read_event(&r, it, e))
            return NULL;
    }
    r.where = "actors";
    if (!(a = get_array(&r, o, "actors", FALSE)))
        return NULL;
    cJSON_ArrayForEach (it, a) {
        DsrActor *ac = g_new0(DsrActor, 1);
        g_ptr_array_add(f->actors, ac);
        if (!cJSON_IsObject(it) || !get_string(&r, it, "name", FALSE, &ac->name) || !ac->name ||
            !get_string(&r, it, "role", FALSE, &ac->role) ||
            !get_string(&r, it, "entity", FALSE, &ac->entity)) {
            fail(&r, "name");
            return NULL;
        }
    }
    r.where = NULL;
    if (!read_strings(&r, o, "themes", f->themes))
        return NULL;
    r.where = "sentences";
    if ((a = get_array(&r, o, "sentences", TRUE))) {
        cJSON_ArrayForEach (it, a) {
            DsrSentence *s = g_new0(DsrSentence, 1);
            g_ptr_array_add(f->sentences, s);
            double p = 0, idx = 0;
            if (!cJSON_IsObject(it) || !get_string(&r, it, "text", FALSE, &s->text) || !s->text ||
                !get_number(&r, it, "paragraph", FALSE, &p) ||
                !get_number(&r, it, "index", FALSE, &idx)) {
                fail(&r, "text");
                return NULL;
            }
            s->paragraph = (int)p;
            s->index = (int)idx;
        }
    } else if (cJSON_GetObjectItemCaseSensitive(o, "sentences")) {
        return NULL;
    }
    if (!f->lang)
        f->lang = g_strdup("fr");
    return g_steal_pointer(&f);
}
