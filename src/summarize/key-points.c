/* SPDX-License-Identifier: MIT
 * Key points: sentences quoted exactly as written, chosen by a centroid score
 * (how much of the relationship's vocabulary of stems a sentence carries),
 * their place in the article (leads first), and whether they hold a figure
 * or an agreement; then picked greedily with a redundancy penalty (MMR) so
 * two key points never say the same thing, and put back in reading order. */
#include "summarize-private.h"
#include <dossier/text.h>
#include <math.h>
#include <string.h>

#define MIN_WORDS 8
#define MAX_WORDS 70
#define MAX_POINTS 8
#define MIN_POINTS 4
#define REDUNDANT 0.45 /* Jaccard similarity over stems above which a sentence repeats another */

typedef struct {
    const char *text;
    int source;
    int index;
    GHashTable *stems; /* set of content stems */
    double score;
    gboolean taken;
} Candidate;

/* A sentence opening on a pronoun or an anaphora needs its predecessor to make sense. */
static const char *const dependent_openers[] = {
    "il ", "elle ", "ils ", "elles ", "ce dernier", "cette dernière", "ces derniers", "cela ",
    "ceci ", "selon lui", "selon elle", "pour lui", "pour elle", "de son côté", "he ", "she ",
    "they ", "it ", "this ", "these ", "those ", "according to him", "according to her",
    "c'est ", "en outre", "par ailleurs", "de plus", "however", "moreover", "also,",
};

static gboolean
depends_on_context(const char *text)
{
    g_autofree char *f = dsr_text_fold(text);
    for (guint i = 0; i < G_N_ELEMENTS(dependent_openers); i++)
        if (g_str_has_prefix(f, dependent_openers[i]))
            return TRUE;
    return FALSE;
}

static gboolean
holds_figure(const DsrFacts *f, const char *sentence)
{
    for (guint i = 0; i < f->figures->len; i++) {
        const DsrFigure *fig = g_ptr_array_index(f->figures, i);
        if (fig->sentence && strcmp(fig->sentence, sentence) == 0)
            return TRUE;
    }
    return FALSE;
}

static gboolean
holds_event(const DsrFacts *f, const char *sentence)
{
    for (guint i = 0; i < f->events->len; i++) {
        const DsrEvent *e = g_ptr_array_index(f->events, i);
        if (e->sentence && strcmp(e->sentence, sentence) == 0)
            return TRUE;
    }
    return FALSE;
}

static double
jaccard(GHashTable *a, GHashTable *b)
{
    guint inter = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, a);
    while (g_hash_table_iter_next(&it, &key, NULL))
        inter += g_hash_table_contains(b, key);
    guint uni = g_hash_table_size(a) + g_hash_table_size(b) - inter;
    return uni ? (double)inter / uni : 0;
}

static int
compare_reading_order(gconstpointer a, gconstpointer b)
{
    const Candidate *x = *(Candidate *const *)a, *y = *(Candidate *const *)b;
    if (x->source != y->source)
        return x->source - y->source;
    return x->index - y->index;
}

static void
candidate_free(Candidate *c)
{
    g_hash_table_unref(c->stems);
    g_free(c);
}

void
dsr__summarize_key_points(DsrRelation *rel)
{
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
    g_autoptr(GHashTable) df = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(DsrStemmer) stem_fr = dsr_stemmer_new("fr");
    g_autoptr(DsrStemmer) stem_en = dsr_stemmer_new("en");

    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        const char *lang = s->facts->lang ? s->facts->lang : "fr";
        DsrStemmer *stemmer = strcmp(lang, "en") == 0 ? stem_en : stem_fr;
        for (guint k = 0; k < s->facts->sentences->len; k++) {
            const DsrSentence *sent = g_ptr_array_index(s->facts->sentences, k);
            g_autoptr(GPtrArray) words = dsr_text_words(sent->text);
            if (words->len < MIN_WORDS || words->len > MAX_WORDS)
                continue;
            gsize len = strlen(sent->text);
            if (len && (sent->text[len - 1] == '?' || sent->text[len - 1] == ':'))
                continue;
            if (depends_on_context(sent->text))
                continue;
            Candidate *c = g_new0(Candidate, 1);
            c->text = sent->text;
            c->source = s->source;
            c->index = sent->index;
            c->stems = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            for (guint w = 0; w < words->len; w++) {
                const char *word = g_ptr_array_index(words, w);
                if (g_utf8_strlen(word, -1) < 3 || dsr_text_is_stopword(word, lang) ||
                    g_ascii_isdigit(word[0]))
                    continue;
                char *st = dsr_stemmer_stem(stemmer, word);
                if (!g_hash_table_add(c->stems, st))
                    continue;
                gpointer n = g_hash_table_lookup(df, st);
                g_hash_table_replace(df, g_strdup(st), GINT_TO_POINTER(GPOINTER_TO_INT(n) + 1));
            }
            double pos = 1.0 / (1.0 + sent->index);
            c->score = 0.35 * pos + (holds_figure(s->facts, sent->text) ? 0.25 : 0) +
                       (holds_event(s->facts, sent->text) ? 0.2 : 0);
            g_ptr_array_add(cands, c);
        }
    }
    if (cands->len == 0)
        return;

    /* Centrality: the mean weight of a sentence's stems in the whole relation
     * (stems used across many sentences are what the relation is about). */
    double best = 0;
    for (guint i = 0; i < cands->len; i++) {
        Candidate *c = g_ptr_array_index(cands, i);
        double sum = 0;
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, c->stems);
        while (g_hash_table_iter_next(&it, &key, NULL))
            sum += log(1.0 + GPOINTER_TO_INT(g_hash_table_lookup(df, key)));
        double centrality = g_hash_table_size(c->stems) ? sum / sqrt(g_hash_table_size(c->stems)) : 0;
        c->score += 0.1 * centrality;
        best = MAX(best, c->score);
    }

    guint want = CLAMP(rel->selected->len * 2, MIN_POINTS, MAX_POINTS);
    g_autoptr(GPtrArray) chosen = g_ptr_array_new();
    while (chosen->len < want) {
        Candidate *pick = NULL;
        double pick_score = -1;
        for (guint i = 0; i < cands->len; i++) {
            Candidate *c = g_ptr_array_index(cands, i);
            if (c->taken)
                continue;
            double redundancy = 0;
            for (guint k = 0; k < chosen->len; k++)
                redundancy = MAX(redundancy, jaccard(c->stems, ((Candidate *)g_ptr_array_index(chosen, k))->stems));
            if (redundancy > REDUNDANT)
                continue;
            double mmr = 0.7 * c->score - 0.3 * best * redundancy;
            /* Ties go to the earlier source and sentence: same input, same brief. */
            if (mmr > pick_score)
                pick = c, pick_score = mmr;
        }
        if (!pick)
            break;
        pick->taken = TRUE;
        g_ptr_array_add(chosen, pick);
    }
    g_ptr_array_sort(chosen, compare_reading_order);
    for (guint i = 0; i < chosen->len; i++) {
        const Candidate *c = g_ptr_array_index(chosen, i);
        int n = c->source;
        dsr_brief_add_key_point(rel->brief, c->text, dsr_cites_new(&n, 1));
    }
}
