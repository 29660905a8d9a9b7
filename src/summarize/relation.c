/* SPDX-License-Identifier: MIT
 * The context sections of a relationship: areas of cooperation ranked by how
 * many articles treat them, events deduplicated across articles and put in
 * chronological order, actors deduplicated (with and without diacritics) and
 * grouped by side: home, partner, others. Past the options' max_events and
 * max_actors, the most reported rows are kept (the cut is counted in the
 * brief's "omitted"), so a relationship of thousands of articles still gives
 * a brief a reader can take in. */
#include "summarize-private.h"
#include <string.h>

typedef struct {
    char *name;        /* as the facts give it (French) */
    const char *shown; /* in the brief's language; borrowed from the options' callback */
    int count;
    GArray *cites;
} Theme;

static void
theme_free(Theme *t)
{
    g_free(t->name);
    if (t->cites)
        g_array_unref(t->cites);
    g_free(t);
}

static int
compare_themes(gconstpointer a, gconstpointer b)
{
    const Theme *x = *(Theme *const *)a, *y = *(Theme *const *)b;
    if (x->count != y->count)
        return y->count - x->count;
    /* Ties read in the brief's alphabetical order; the facts' name breaks a
     * tie between two themes shown alike, so the order never depends on input order. */
    int c = strcmp(x->shown, y->shown);
    return c ? c : strcmp(x->name, y->name);
}

/* The theme's name in @lang, or the facts' own name when the options cannot translate it. */
static const char *
theme_name_in(const DsrRelation *rel, const char *name, const char *lang)
{
    const DsrSummarizeOptions *opt = rel->opt;
    const char *n = opt->theme_name ? opt->theme_name(name, lang, opt->theme_name_data) : NULL;
    return n && *n ? n : name;
}

/* One sentence that shows the theme: it carries the content stems of the
 * theme's name in the article's own language (all of them best), reads alone
 * (dsr__key_point_candidate) and is of a length a reader takes in at once;
 * the earliest source and sentence first, so the choice is stable. The
 * example's source is what the theme then cites. */
static const char *
theme_example(DsrRelation *rel, const char *name, int *source)
{
    const char *best = NULL;
    double best_score = 0;
    guint looked = 0;
    /* The name's stems in French [0] and English [1], made when an article
     * in that language first needs them. */
    GHashTable *wants[2] = {NULL, NULL};
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        gboolean has = FALSE;
        for (guint k = 0; k < s->facts->themes->len && !has; k++)
            has = strcmp(g_ptr_array_index(s->facts->themes, k), name) == 0;
        if (!has)
            continue;
        /* The leads of the first articles that treat it are enough to find one. */
        if (++looked > 50)
            break;
        gboolean en = g_strcmp0(s->facts->lang, "en") == 0;
        const char *lang = en ? "en" : "fr";
        GHashTable **want = &wants[en];
        if (!*want)
            *want = dsr__stems(rel, theme_name_in(rel, name, lang), lang);
        if (!g_hash_table_size(*want))
            continue;
        for (guint k = 0; k < s->facts->sentences->len; k++) {
            const DsrSentence *sent = g_ptr_array_index(s->facts->sentences, k);
            if (!dsr__quotable(rel, sent))
                continue;
            GHashTable *have = dsr__sentence_stems(rel, sent, lang);
            guint hits = 0;
            GHashTableIter it;
            gpointer key;
            g_hash_table_iter_init(&it, *want);
            while (g_hash_table_iter_next(&it, &key, NULL))
                hits += g_hash_table_contains(have, key);
            if (!hits)
                continue;
            /* All of the theme's words beat some of them; shorter sentences show
             * it more plainly; leads weigh more. */
            double score = (double)hits / g_hash_table_size(*want) +
                           0.5 / (1.0 + 0.02 * g_hash_table_size(have)) + 0.3 / (1.0 + sent->index);
            if (score > best_score) {
                best = sent->text;
                best_score = score;
                *source = s->source;
            }
        }
    }
    for (guint i = 0; i < G_N_ELEMENTS(wants); i++)
        if (wants[i])
            g_hash_table_unref(wants[i]);
    return best;
}

static void
summarize_themes(DsrRelation *rel)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) themes = g_ptr_array_new_with_free_func((GDestroyNotify)theme_free);
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        for (guint k = 0; k < s->facts->themes->len; k++) {
            const char *name = g_ptr_array_index(s->facts->themes, k);
            Theme *t = g_hash_table_lookup(seen, name);
            if (!t) {
                t = g_new0(Theme, 1);
                t->name = g_strdup(name);
                t->shown = theme_name_in(rel, name, rel->opt->lang);
                t->cites = dsr_cites_new(NULL, 0);
                g_hash_table_insert(seen, t->name, t);
                g_ptr_array_add(themes, t);
            }
            t->count++;
            dsr_cites_add(t->cites, s->source);
        }
    }
    g_ptr_array_sort(themes, compare_themes);
    for (guint i = 0; i < themes->len; i++) {
        Theme *t = g_ptr_array_index(themes, i);
        int source = 0;
        const char *example = theme_example(rel, t->name, &source);
        if (example)
            dsr_brief_add_theme(rel->brief, t->shown, t->count, example, dsr_cites_new(&source, 1));
        else
            dsr_brief_add_theme(rel->brief, t->shown, t->count, NULL, g_steal_pointer(&t->cites));
    }
}

typedef struct {
    const DsrEvent *event;
    DsrDate date;
    GArray *cites;
    int order;
} Event;

static void
event_free(Event *e)
{
    if (e->cites)
        g_array_unref(e->cites);
    g_free(e);
}

static int
compare_events(gconstpointer a, gconstpointer b)
{
    const Event *x = *(Event *const *)a, *y = *(Event *const *)b;
    /* Undated events follow the dated ones: a chronology reads from its first date. */
    if (!x->date.year != !y->date.year)
        return x->date.year ? -1 : 1;
    int c = dsr_date_compare(&x->date, &y->date);
    return c ? c : x->order - y->order;
}

/* Which events a capped brief keeps: the most reported, agreements before
 * other events, dated before undated, then the most recent; first seen last. */
static int
compare_event_weight(gconstpointer a, gconstpointer b)
{
    const Event *x = *(Event *const *)a, *y = *(Event *const *)b;
    if (x->cites->len != y->cites->len)
        return x->cites->len > y->cites->len ? -1 : 1;
    gboolean xa = x->event->type == DSR_EVENT_AGREEMENT, ya = y->event->type == DSR_EVENT_AGREEMENT;
    if (xa != ya)
        return xa ? -1 : 1;
    if (!x->date.year != !y->date.year)
        return x->date.year ? -1 : 1;
    int c = dsr_date_compare(&y->date, &x->date);
    return c ? c : x->order - y->order;
}

/* The first @max of @rows by @weight (the others freed by the array), then
 * back in @order; returns how many were cut. */
static guint
keep_heaviest(GPtrArray *rows, guint max, GCompareFunc weight, GCompareFunc order)
{
    if (rows->len <= max)
        return 0;
    guint cut = rows->len - max;
    g_ptr_array_sort(rows, weight);
    g_ptr_array_set_size(rows, max);
    g_ptr_array_sort(rows, order);
    return cut;
}

/* Two reports of one event: same type and same known date, and the same
 * place when both name one. */
static gboolean
same_place(const char *a, const char *b)
{
    g_autofree char *x = dsr_text_fold_ascii(a);
    g_autofree char *y = dsr_text_fold_ascii(b);
    return strcmp(x, y) == 0;
}

/* Two reports of one event: same type and same day, and the same place
 * when both name one; or the same type and place where one source gives
 * only the month of the other's day ("en novembre", "le 20 novembre"). */
static gboolean
same_event(const Event *a, const DsrEvent *b, const DsrDate *bd)
{
    if (a->event->type != b->type || !a->date.year || a->date.year != bd->year)
        return FALSE;
    if (a->date.day && bd->day)
        return dsr_date_compare(&a->date, bd) == 0 &&
               (!a->event->place || !b->place || same_place(a->event->place, b->place));
    return a->date.month && a->date.month == bd->month && a->event->place && b->place &&
           same_place(a->event->place, b->place);
}

static void
summarize_events(DsrRelation *rel)
{
    g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func((GDestroyNotify)event_free);
    g_autoptr(GHashTable) buckets =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    int order = 0;
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        for (guint k = 0; k < s->facts->events->len; k++) {
            const DsrEvent *e = g_ptr_array_index(s->facts->events, k);
            DsrDate d = {0, 0, 0};
            if (e->date)
                dsr_date_parse_iso(e->date, &d);
            /* Reports of one event share its type and year: compare within those. */
            g_autofree char *key = g_strdup_printf("%d|%d", e->type, d.year);
            GPtrArray *bucket = g_hash_table_lookup(buckets, key);
            if (!bucket) {
                bucket = g_ptr_array_new();
                g_hash_table_insert(buckets, g_steal_pointer(&key), bucket);
            }
            Event *same = NULL;
            for (guint j = 0; j < bucket->len && !same; j++)
                if (same_event(g_ptr_array_index(bucket, j), e, &d))
                    same = g_ptr_array_index(bucket, j);
            if (same) {
                dsr_cites_add(same->cites, s->source);
                /* Keep the more precise date, and a place when the first report had none. */
                if (d.day && !same->date.day) {
                    same->date = d;
                    same->event = e;
                } else if (!same->event->place && e->place && same->date.day == d.day) {
                    same->event = e;
                }
                continue;
            }
            Event *ev = g_new0(Event, 1);
            ev->event = e;
            ev->date = d;
            ev->cites = dsr_cites_new(&s->source, 1);
            ev->order = order++;
            g_ptr_array_add(events, ev);
            g_ptr_array_add(bucket, ev);
        }
    }
    g_ptr_array_sort(events, compare_events);
    guint max = rel->opt->max_events ? rel->opt->max_events : DSR_DEFAULT_MAX_EVENTS;
    rel->brief->omitted.events = keep_heaviest(events, max, compare_event_weight, compare_events);
    for (guint i = 0; i < events->len; i++) {
        Event *ev = g_ptr_array_index(events, i);
        dsr_brief_add_event(rel->brief, ev->event->type, ev->event->date, ev->event->place,
                            ev->event->summary, g_steal_pointer(&ev->cites));
    }
}

typedef struct {
    const char *name, *role, *entity; /* borrowed from facts */
    char *key;
    int side; /* 0 home, 1 partner, 2 others */
    GArray *cites;
    int order;
} Actor;

static void
actor_free(Actor *a)
{
    g_free(a->key);
    if (a->cites)
        g_array_unref(a->cites);
    g_free(a);
}

static int
compare_actors(gconstpointer a, gconstpointer b)
{
    const Actor *x = *(Actor *const *)a, *y = *(Actor *const *)b;
    return x->side != y->side ? x->side - y->side : x->order - y->order;
}

/* Which actors a capped brief keeps: the most cited, the two sides before
 * others, then the first seen. */
static int
compare_actor_weight(gconstpointer a, gconstpointer b)
{
    const Actor *x = *(Actor *const *)a, *y = *(Actor *const *)b;
    if (x->cites->len != y->cites->len)
        return x->cites->len > y->cites->len ? -1 : 1;
    if ((x->side == 2) != (y->side == 2))
        return x->side == 2 ? 1 : -1;
    return x->order - y->order;
}

static int
side_of(const DsrRelation *rel, const char *entity)
{
    return entity && g_strcmp0(entity, rel->home) == 0      ? 0
           : entity && g_strcmp0(entity, rel->partner) == 0 ? 1
                                                            : 2;
}

static void
summarize_actors(DsrRelation *rel)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func((GDestroyNotify)actor_free);
    int order = 0;
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        for (guint k = 0; k < s->facts->actors->len; k++) {
            const DsrActor *a = g_ptr_array_index(s->facts->actors, k);
            g_autofree char *key = dsr_text_fold_ascii(a->name);
            Actor *known = g_hash_table_lookup(seen, key);
            if (known) {
                dsr_cites_add(known->cites, s->source);
                /* Prefer the spelling with diacritics (more bytes once folded the
                 * same) and keep a role and a side from whichever report gives them. */
                if (strlen(a->name) > strlen(known->name))
                    known->name = a->name;
                if (!known->role && a->role)
                    known->role = a->role;
                if (!known->entity && a->entity) {
                    known->entity = a->entity;
                    known->side = side_of(rel, a->entity);
                }
                continue;
            }
            Actor *ac = g_new0(Actor, 1);
            ac->name = a->name;
            ac->role = a->role;
            ac->entity = a->entity;
            ac->key = g_steal_pointer(&key);
            ac->side = side_of(rel, a->entity);
            ac->cites = dsr_cites_new(&s->source, 1);
            ac->order = order++;
            g_hash_table_insert(seen, ac->key, ac);
            g_ptr_array_add(actors, ac);
        }
    }
    g_ptr_array_sort(actors, compare_actors);
    guint max = rel->opt->max_actors ? rel->opt->max_actors : DSR_DEFAULT_MAX_ACTORS;
    rel->brief->omitted.actors = keep_heaviest(actors, max, compare_actor_weight, compare_actors);
    for (guint i = 0; i < actors->len; i++) {
        Actor *ac = g_ptr_array_index(actors, i);
        /* A head of government named in 500 articles: the row cites the
         * latest five (sources are numbered by date) and says how many. */
        guint mentions = ac->cites->len;
        if (mentions > DSR_ACTOR_CITES)
            g_array_remove_range(ac->cites, 0, mentions - DSR_ACTOR_CITES);
        dsr_brief_add_actor(rel->brief, ac->name, ac->role, ac->entity,
                            g_steal_pointer(&ac->cites));
        g_array_index(rel->brief->actors, DsrBriefActor, rel->brief->actors->len - 1).mentions =
            mentions;
    }
}

void
dsr__summarize_context(DsrRelation *rel)
{
    summarize_themes(rel);
    summarize_events(rel);
    summarize_actors(rel);
}
