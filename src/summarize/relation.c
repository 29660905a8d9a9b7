/* SPDX-License-Identifier: MIT
 * The context sections of a relationship: areas of cooperation ranked by how
 * many articles treat them, events deduplicated across articles and put in
 * chronological order, actors deduplicated (with and without diacritics) and
 * grouped by side: home, partner, others. */
#include "summarize-private.h"
#include <dossier/text.h>
#include <string.h>

typedef struct {
    char *name;
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
    return strcmp(x->name, y->name);
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
        dsr_brief_add_theme(rel->brief, t->name, t->count, NULL, g_steal_pointer(&t->cites));
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
    int c = dsr_date_compare(&x->date, &y->date);
    return c ? c : x->order - y->order;
}

/* Two reports of one event: same type and same known date, and the same
 * place when both name one. */
static gboolean
same_event(const Event *a, const DsrEvent *b, const DsrDate *bd)
{
    if (a->event->type != b->type || !a->date.day || dsr_date_compare(&a->date, bd) != 0)
        return FALSE;
    if (a->event->place && b->place) {
        g_autofree char *x = dsr_text_fold_ascii(a->event->place);
        g_autofree char *y = dsr_text_fold_ascii(b->place);
        return strcmp(x, y) == 0;
    }
    return TRUE;
}

static void
summarize_events(DsrRelation *rel)
{
    g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func((GDestroyNotify)event_free);
    int order = 0;
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        for (guint k = 0; k < s->facts->events->len; k++) {
            const DsrEvent *e = g_ptr_array_index(s->facts->events, k);
            DsrDate d = { 0, 0, 0 };
            if (e->date)
                dsr_date_parse_iso(e->date, &d);
            Event *same = NULL;
            for (guint j = 0; j < events->len && !same; j++)
                if (same_event(g_ptr_array_index(events, j), e, &d))
                    same = g_ptr_array_index(events, j);
            if (same) {
                dsr_cites_add(same->cites, s->source);
                continue;
            }
            Event *ev = g_new0(Event, 1);
            ev->event = e;
            ev->date = d;
            ev->cites = dsr_cites_new(&s->source, 1);
            ev->order = order++;
            g_ptr_array_add(events, ev);
        }
    }
    g_ptr_array_sort(events, compare_events);
    for (guint i = 0; i < events->len; i++) {
        Event *ev = g_ptr_array_index(events, i);
        dsr_brief_add_event(rel->brief, ev->event->type, ev->event->date, ev->event->place,
                            ev->event->summary, g_steal_pointer(&ev->cites));
    }
}

typedef struct {
    const DsrActor *actor;
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
                /* Prefer the spelling with diacritics and a known role. */
                if ((!known->actor->role && a->role) ||
                    strlen(a->name) > strlen(known->actor->name))
                    known->actor = a;
                continue;
            }
            Actor *ac = g_new0(Actor, 1);
            ac->actor = a;
            ac->key = g_steal_pointer(&key);
            ac->side = a->entity && g_strcmp0(a->entity, rel->home) == 0      ? 0
                     : a->entity && g_strcmp0(a->entity, rel->partner) == 0 ? 1
                                                                              : 2;
            ac->cites = dsr_cites_new(&s->source, 1);
            ac->order = order++;
            g_hash_table_insert(seen, ac->key, ac);
            g_ptr_array_add(actors, ac);
        }
    }
    g_ptr_array_sort(actors, compare_actors);
    for (guint i = 0; i < actors->len; i++) {
        Actor *ac = g_ptr_array_index(actors, i);
        dsr_brief_add_actor(rel->brief, ac->actor->name, ac->actor->role, ac->actor->entity,
                            g_steal_pointer(&ac->cites));
    }
}

void
dsr__summarize_context(DsrRelation *rel)
{
    summarize_themes(rel);
    summarize_events(rel);
    summarize_actors(rel);
}
