/* SPDX-License-Identifier: MIT
 * DsrFacts packed in bytes and back, for a run's own use between its stages
 * (a build keeps each article's whole facts packed until its relationships'
 * briefs read them). Not a file format: nothing outside the process that
 * packed them reads these bytes; shards exchange facts JSON. The body
 * sentences first, then every other field in DsrFacts' order: strings as
 * their length plus two then their bytes (0 for NULL; 1 and an index for a
 * text that is that body sentence's, as most figures' and events' sentences
 * are: a third of the bytes), counts and enums as unsigned varints, ints
 * zigzagged, doubles as their 8 bytes. Unpacking checks every length and
 * index against what is there.
 *
 * What it replaces: the facts JSON (cJSON objects made, printed, parsed
 * and freed), which was a tenth of a 10 000-article build's time. */
#include "extract-private.h"

#include <string.h>
#include <dossier/error.h>

#define PACK_MAGIC 0xD5
#define PACK_VERSION 1

/* ---- packing ---- */

static void
put_uint(GByteArray *b, guint64 v)
{
    guint8 buf[10];
    guint n = 0;
    do {
        guint8 byte = v & 0x7f;
        v >>= 7;
        buf[n++] = byte | (v ? 0x80 : 0);
    } while (v);
    g_byte_array_append(b, buf, n);
}

static void
put_int(GByteArray *b, gint64 v)
{
    put_uint(b, ((guint64)v << 1) ^ (guint64)(v >> 63));
}

static void
put_double(GByteArray *b, double v)
{
    guint8 buf[sizeof v];
    memcpy(buf, &v, sizeof v);
    g_byte_array_append(b, buf, sizeof buf);
}

typedef struct {
    GByteArray *b;
    GHashTable *sentences; /* body sentence text -> its index + 1, or NULL */
} Packer;

static void
put_literal(GByteArray *b, const char *s)
{
    gsize len = strlen(s);
    put_uint(b, (guint64)len + 2);
    g_byte_array_append(b, (const guint8 *)s, (guint)len);
}

static void
put_string(Packer *k, const char *s)
{
    if (!s) {
        put_uint(k->b, 0);
        return;
    }
    guint at = k->sentences ? GPOINTER_TO_UINT(g_hash_table_lookup(k->sentences, s)) : 0;
    if (at) {
        put_uint(k->b, 1);
        put_uint(k->b, at - 1);
        return;
    }
    put_literal(k->b, s);
}

static void
put_strings(Packer *k, const GPtrArray *list)
{
    put_uint(k->b, list->len);
    for (guint i = 0; i < list->len; i++)
        put_string(k, g_ptr_array_index(list, i));
}

GBytes *
dsr_facts_pack(const DsrFacts *f)
{
    g_return_val_if_fail(f != NULL, NULL);
    Packer k = {g_byte_array_sized_new(4096), NULL};
    GByteArray *b = k.b;
    const guint8 head[] = {PACK_MAGIC, PACK_VERSION};
    g_byte_array_append(b, head, sizeof head);
    put_uint(b, f->sentences->len);
    for (guint i = 0; i < f->sentences->len; i++) {
        const DsrSentence *s = g_ptr_array_index(f->sentences, i);
        put_literal(b, s->text);
        put_int(b, s->paragraph);
        put_int(b, s->index);
    }
    if (f->sentences->len && (f->figures->len || f->events->len)) {
        k.sentences = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < f->sentences->len; i++) {
            const DsrSentence *s = g_ptr_array_index(f->sentences, i);
            if (!g_hash_table_contains(k.sentences, s->text)) /* the first of equal ones */
                g_hash_table_insert(k.sentences, s->text, GUINT_TO_POINTER(i + 1));
        }
    }
    const char *meta[] = {f->id,   f->file, f->url,   f->outlet,         f->title,
                          f->date, f->lang, f->place, f->primary_partner};
    for (guint i = 0; i < G_N_ELEMENTS(meta); i++)
        put_string(&k, meta[i]);
    put_strings(&k, f->partners);
    put_uint(b, f->figures->len);
    for (guint i = 0; i < f->figures->len; i++) {
        const DsrFigure *g = g_ptr_array_index(f->figures, i);
        put_string(&k, g->quote);
        put_double(b, g->value);
        put_double(b, g->scale);
        put_uint(b, (guint64)g->kind);
        put_string(&k, g->currency);
        put_string(&k, g->unit);
        put_uint(b, (guint64)g->qualifier);
        put_int(b, g->year);
        put_string(&k, g->subject);
        put_string(&k, g->entity);
        put_string(&k, g->sentence);
        put_int(b, g->equivalent_of);
    }
    put_uint(b, f->events->len);
    for (guint i = 0; i < f->events->len; i++) {
        const DsrEvent *e = g_ptr_array_index(f->events, i);
        put_uint(b, (guint64)e->type);
        put_string(&k, e->date);
        put_string(&k, e->place);
        put_string(&k, e->summary);
        put_string(&k, e->sentence);
    }
    put_uint(b, f->actors->len);
    for (guint i = 0; i < f->actors->len; i++) {
        const DsrActor *a = g_ptr_array_index(f->actors, i);
        put_string(&k, a->name);
        put_string(&k, a->role);
        put_string(&k, a->entity);
    }
    put_strings(&k, f->themes);
    if (k.sentences)
        g_hash_table_unref(k.sentences);
    return g_byte_array_free_to_bytes(b);
}

/* ---- unpacking ---- */

typedef struct {
    const guint8 *p, *end;
    gboolean bad;               /* set by the first read past the end or of a wrong value */
    const GPtrArray *sentences; /* DsrSentence *, read first */
} Reader;

static guint64
get_uint(Reader *r)
{
    guint64 v = 0;
    for (guint shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) {
            r->bad = TRUE;
            return 0;
        }
        guint8 byte = *r->p++;
        v |= (guint64)(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return v;
    }
    r->bad = TRUE;
    return 0;
}

static gint64
get_int(Reader *r)
{
    guint64 u = get_uint(r);
    return (gint64)(u >> 1) ^ -(gint64)(u & 1);
}

/* An int field: what put_int() wrote from an int. */
static int
get_int32(Reader *r)
{
    gint64 v = get_int(r);
    if (v < G_MININT || v > G_MAXINT) {
        r->bad = TRUE;
        return 0;
    }
    return (int)v;
}

/* An unsigned value no greater than @max. */
static guint
get_bounded(Reader *r, guint64 max)
{
    guint64 v = get_uint(r);
    if (v > max) {
        r->bad = TRUE;
        return 0;
    }
    return (guint)v;
}

/* A count of records each at least @min_bytes long: never more than the
 * bytes left could hold, so a wrong count cannot ask for a huge array. */
static guint
get_count(Reader *r, gsize min_bytes)
{
    return get_bounded(r, MIN((guint64)(r->end - r->p) / min_bytes, G_MAXUINT));
}

static guint
get_enum(Reader *r, guint max)
{
    return get_bounded(r, max);
}

static double
get_double(Reader *r)
{
    double v = 0;
    if ((gsize)(r->end - r->p) < sizeof v) {
        r->bad = TRUE;
        return 0;
    }
    memcpy(&v, r->p, sizeof v);
    r->p += sizeof v;
    return v;
}

static char *
get_string(Reader *r)
{
    guint64 n = get_uint(r);
    if (n == 0 || r->bad)
        return NULL;
    if (n == 1) {
        guint64 at = get_uint(r);
        if (r->bad || at >= r->sentences->len) {
            r->bad = TRUE;
            return NULL;
        }
        return g_strdup(((const DsrSentence *)g_ptr_array_index(r->sentences, at))->text);
    }
    if (n - 2 > (guint64)(r->end - r->p)) {
        r->bad = TRUE;
        return NULL;
    }
    char *s = g_strndup((const char *)r->p, (gsize)(n - 2));
    r->p += n - 2;
    return s;
}

static void
get_strings(Reader *r, GPtrArray *into)
{
    guint n = get_count(r, 1);
    for (guint i = 0; i < n && !r->bad; i++) {
        char *s = get_string(r);
        if (!s) {
            r->bad = TRUE; /* lists hold no NULL */
            return;
        }
        g_ptr_array_add(into, s);
    }
}

DsrFacts *
dsr_facts_unpack(const void *data, gsize len, GError **error)
{
    g_return_val_if_fail(data != NULL || len == 0, NULL);
    Reader r = {data, (const guint8 *)data + len, FALSE, NULL};
    if (len < 2 || r.p[0] != PACK_MAGIC || r.p[1] != PACK_VERSION) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "packed facts: not made by this dossier");
        return NULL;
    }
    r.p += 2;
    g_autoptr(DsrFacts) f = dsr_facts_new();
    r.sentences = f->sentences;
    guint n = get_count(&r, 3);
    for (guint i = 0; i < n && !r.bad; i++) {
        DsrSentence *s = g_new0(DsrSentence, 1);
        g_ptr_array_add(f->sentences, s);
        guint64 tag = get_uint(&r);
        if (tag < 2 || tag - 2 > (guint64)(r.end - r.p)) {
            r.bad = TRUE; /* a body sentence is its own text */
            break;
        }
        s->text = g_strndup((const char *)r.p, (gsize)(tag - 2));
        r.p += tag - 2;
        s->paragraph = get_int32(&r);
        s->index = get_int32(&r);
    }
    char **meta[] = {&f->id,   &f->file, &f->url,   &f->outlet,         &f->title,
                     &f->date, &f->lang, &f->place, &f->primary_partner};
    for (guint i = 0; i < G_N_ELEMENTS(meta); i++)
        *meta[i] = get_string(&r);
    get_strings(&r, f->partners);
    n = get_count(&r, 2 * sizeof(double));
    for (guint i = 0; i < n && !r.bad; i++) {
        DsrFigure *g = g_new0(DsrFigure, 1);
        g_ptr_array_add(f->figures, g);
        g->quote = get_string(&r);
        g->value = get_double(&r);
        g->scale = get_double(&r);
        g->kind = (DsrFigureKind)get_enum(&r, DSR_FIGURE_OTHER);
        g->currency = get_string(&r);
        g->unit = get_string(&r);
        g->qualifier = (DsrQualifier)get_enum(&r, DSR_QUALIFIER_AT_MOST);
        g->year = get_int32(&r);
        g->subject = get_string(&r);
        g->entity = get_string(&r);
        g->sentence = get_string(&r);
        g->equivalent_of = get_int32(&r);
        if (g->equivalent_of < -1 || g->equivalent_of >= (int)n)
            r.bad = TRUE;
    }
    n = get_count(&r, 5);
    for (guint i = 0; i < n && !r.bad; i++) {
        DsrEvent *e = g_new0(DsrEvent, 1);
        g_ptr_array_add(f->events, e);
        e->type = (DsrEventType)get_enum(&r, DSR_EVENT_OTHER);
        e->date = get_string(&r);
        e->place = get_string(&r);
        e->summary = get_string(&r);
        e->sentence = get_string(&r);
    }
    n = get_count(&r, 3);
    for (guint i = 0; i < n && !r.bad; i++) {
        DsrActor *a = g_new0(DsrActor, 1);
        g_ptr_array_add(f->actors, a);
        a->name = get_string(&r);
        a->role = get_string(&r);
        a->entity = get_string(&r);
        r.bad |= !a->name;
    }
    get_strings(&r, f->themes);
    if (r.bad || r.p != r.end) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "packed facts: damaged at byte %d of %d",
                    (int)(r.p - (const guint8 *)data), (int)len);
        return NULL;
    }
    /* As dsr_facts_from_json() reads a facts without one, so that a run
     * gives the same briefs from articles as from their facts files. */
    if (!f->lang)
        f->lang = g_strdup("fr");
    return g_steal_pointer(&f);
}
