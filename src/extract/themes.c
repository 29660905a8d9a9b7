/* SPDX-License-Identifier: MIT
 * Areas of cooperation from the taxonomy in data/themes.json. Terms and text
 * are compared as sequences of Snowball stems of their content words, so
 * "villes intelligentes" finds "ville intelligente" and "la sécurité de
 * l'information" finds "sécurité des informations". Acronyms (IA, AI, 5G)
 * match as whole tokens with their case, since "ai" is a French verb. */
#include "extract-private.h"

#include <string.h>
#include <cJSON.h>
#include <dossier/error.h>
#include <dossier/text.h>
#include "common/cleanup.h"

typedef struct {
    char **stems; /* NULL-terminated; NULL for an acronym */
    int n;
    char *acronym;  /* cased token, or NULL */
    gboolean broad; /* a word of many topics ("commerce", "données", "formation") */
    int theme;      /* index of its theme */
    int rank;       /* index in its language's sorted terms: the order terms take words */
} ThemeTerm;

typedef struct {
    char *name, *name_en;
} Theme;

struct DsrThemes {
    GPtrArray *themes;   /* Theme * */
    GPtrArray *terms[2]; /* ThemeTerm * of every theme, [0] French, [1] English, longest first */
    /* A sentence is looked up word by word, not term by term: first stem (or
     * acronym) -> GPtrArray of the ThemeTerm * starting with it (borrowed). */
    GHashTable *by_first[2];
    guint serial; /* tells a thread's stemmers which DsrThemes they were made for */
};

/* Each thread keeps its two stemmers (and so their caches of stems) from one
 * article to the next, as fonts.c keeps its font map: made on first use, freed
 * when the thread ends or, for the calling thread, with the taxonomy. */
typedef struct {
    guint serial;
    DsrStemmer *stemmer[2]; /* [0] French, [1] English */
} ThreadStemmers;

static void
thread_stemmers_free(gpointer p)
{
    ThreadStemmers *ts = p;
    for (int i = 0; i < 2; i++)
        dsr_stemmer_free(ts->stemmer[i]);
    g_free(ts);
}

static GPrivate thread_stemmers = G_PRIVATE_INIT(thread_stemmers_free);

static DsrStemmer *
thread_stemmer(const DsrThemes *th, int slot)
{
    ThreadStemmers *ts = g_private_get(&thread_stemmers);
    if (!ts || ts->serial != th->serial) {
        ts = g_new0(ThreadStemmers, 1);
        ts->serial = th->serial;
        g_private_replace(&thread_stemmers, ts);
    }
    if (!ts->stemmer[slot])
        ts->stemmer[slot] = dsr_stemmer_new(slot ? "en" : "fr");
    return ts->stemmer[slot];
}

static void
theme_term_free(ThemeTerm *t)
{
    g_strfreev(t->stems);
    g_free(t->acronym);
    g_free(t);
}

static void
theme_free(Theme *t)
{
    g_free(t->name);
    g_free(t->name_en);
    g_free(t);
}

/* Content-word stems of @text in @lang: stop words and lone letters
 * dropped. With @borrow the stems are the stemmer's own, valid until its
 * next trim; else copies. */
static GPtrArray *
content_stems(const char *text, const char *lang, DsrStemmer *stemmer, gboolean borrow)
{
    g_autofree char *folded = dsr_text_fold(text);
    GPtrArray *out = g_ptr_array_new_with_free_func(borrow ? NULL : g_free);
    const char *p = folded, *start;
    gsize len;
    char buf[64];
    while ((start = dsr_text_next_word(&p, &len))) {
        /* A lone letter: one character, ASCII or not. */
        if (len == 1 || (gsize)(g_utf8_next_char(start) - start) == len)
            continue;
        g_autofree char *heap = NULL;
        const char *w = dsr_text_span(start, len, buf, sizeof buf, &heap);
        if (dsr_text_is_stopword(w, lang))
            continue;
        g_ptr_array_add(out, borrow ? (gpointer)dsr_stemmer_stem_borrowed(stemmer, w)
                                    : dsr_stemmer_stem(stemmer, w));
    }
    return out;
}

static gboolean
is_acronym_term(const char *s)
{
    gboolean upper = FALSE;
    for (const char *p = s; *p; p++) {
        if (g_ascii_islower(*p) || !g_ascii_isalnum(*p))
            return FALSE;
        upper |= g_ascii_isupper(*p);
    }
    return upper;
}

static gboolean
load_terms(GPtrArray *into, int theme, const cJSON *list, gboolean broad, const char *lang,
           DsrStemmer *stemmer)
{
    if (!list)
        return TRUE;
    if (!cJSON_IsArray(list))
        return FALSE;
    const cJSON *it;
    cJSON_ArrayForEach (it, list) {
        if (!cJSON_IsString(it))
            return FALSE;
        ThemeTerm *t = g_new0(ThemeTerm, 1);
        t->broad = broad;
        t->theme = theme;
        if (is_acronym_term(it->valuestring)) {
            t->acronym = g_strdup(it->valuestring);
            t->n = 1;
        } else {
            g_autoptr(GPtrArray) stems = content_stems(it->valuestring, lang, stemmer, FALSE);
            if (!stems->len) {
                theme_term_free(t);
                continue;
            }
            t->n = stems->len;
            g_ptr_array_set_free_func(stems, NULL);
            g_ptr_array_add(stems, NULL);
            t->stems = (char **)g_ptr_array_steal(stems, NULL);
        }
        g_ptr_array_add(into, t);
    }
    return TRUE;
}

/* Longest terms first, so "commerce électronique" takes its words before
 * "commerce" can; then in file order. */
static int
compare_terms(gconstpointer a, gconstpointer b)
{
    const ThemeTerm *x = *(ThemeTerm *const *)a, *y = *(ThemeTerm *const *)b;
    if (x->n != y->n)
        return y->n - x->n;
    return x->theme - y->theme;
}

DsrThemes *
dsr__themes_load(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: cannot be read", path);
        return NULL;
    }
    const char *end = NULL;
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(data, len, &end, FALSE);
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "themes");
    if (!cJSON_IsArray(list)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: not a theme taxonomy (%s)", path,
                    root ? "no \"themes\" list" : "invalid JSON");
        return NULL;
    }
    g_autoptr(DsrStemmer) fr = dsr_stemmer_new("fr");
    g_autoptr(DsrStemmer) en = dsr_stemmer_new("en");
    static gint serials = 0;
    DsrThemes *ths = g_new0(DsrThemes, 1);
    ths->serial = (guint)g_atomic_int_add(&serials, 1) + 1;
    ths->themes = g_ptr_array_new_with_free_func((GDestroyNotify)theme_free);
    for (int i = 0; i < 2; i++)
        ths->terms[i] = g_ptr_array_new_with_free_func((GDestroyNotify)theme_term_free);
    const cJSON *it;
    cJSON_ArrayForEach (it, list) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "name");
        const cJSON *name_en = cJSON_GetObjectItemCaseSensitive(it, "en");
        if (!cJSON_IsString(name) || !*name->valuestring) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: theme %d has no name", path,
                        (int)ths->themes->len + 1);
            dsr__themes_free(ths);
            return NULL;
        }
        Theme *th = g_new0(Theme, 1);
        th->name = g_strdup(name->valuestring);
        th->name_en = g_strdup(cJSON_IsString(name_en) ? name_en->valuestring : th->name);
        int idx = ths->themes->len;
        g_ptr_array_add(ths->themes, th);
        static const struct {
            const char *key;
            int slot;
            gboolean broad;
        } lists[] = {
            {"fr", 0, FALSE}, {"fr_broad", 0, TRUE}, {"en_terms", 1, FALSE}, {"en_broad", 1, TRUE}};
        for (guint l = 0; l < G_N_ELEMENTS(lists); l++) {
            const cJSON *terms = cJSON_GetObjectItemCaseSensitive(it, lists[l].key);
            if (!load_terms(ths->terms[lists[l].slot], idx, terms, lists[l].broad,
                            lists[l].slot ? "en" : "fr", lists[l].slot ? en : fr)) {
                g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                            "%s: theme \"%s\": \"%s\" is not a list of strings", path, th->name,
                            lists[l].key);
                dsr__themes_free(ths);
                return NULL;
            }
        }
    }
    for (int i = 0; i < 2; i++) {
        g_ptr_array_sort(ths->terms[i], compare_terms);
        ths->by_first[i] =
            g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
        for (guint k = 0; k < ths->terms[i]->len; k++) {
            ThemeTerm *t = g_ptr_array_index(ths->terms[i], k);
            t->rank = k;
            /* An acronym and a stem never collide: stems are lowercase. */
            char *key = t->acronym ? t->acronym : t->stems[0];
            GPtrArray *starts = g_hash_table_lookup(ths->by_first[i], key);
            if (!starts) {
                starts = g_ptr_array_new();
                g_hash_table_insert(ths->by_first[i], key, starts);
            }
            g_ptr_array_add(starts, t);
        }
    }
    return ths;
}

void
dsr__themes_free(DsrThemes *th)
{
    if (!th)
        return;
    ThreadStemmers *ts = g_private_get(&thread_stemmers);
    if (ts && ts->serial == th->serial)
        g_private_replace(&thread_stemmers, NULL);
    g_ptr_array_unref(th->themes);
    for (int i = 0; i < 2; i++) {
        if (th->by_first[i])
            g_hash_table_unref(th->by_first[i]);
        if (th->terms[i])
            g_ptr_array_unref(th->terms[i]);
    }
    g_free(th);
}

const char *
dsr__themes_name(const DsrThemes *th, const char *name, const char *lang)
{
    for (guint i = 0; i < th->themes->len; i++) {
        const Theme *t = g_ptr_array_index(th->themes, i);
        if (g_strcmp0(t->name, name) == 0 || g_strcmp0(t->name_en, name) == 0)
            return g_strcmp0(lang, "en") == 0 ? t->name_en : t->name;
    }
    return NULL;
}

/* Occurrences of @t in one unit, taking the words it matches (@used) so a
 * shorter term cannot count them again. */
static inline gboolean
same_word(const char *a, const char *b)
{
    return a[0] == b[0] && strcmp(a, b) == 0;
}

static int
count_term(const ThemeTerm *t, GPtrArray *stems, GPtrArray *tokens, gboolean *used_stems,
           gboolean *used_tokens)
{
    int n = 0;
    /* Every term against every word: first bytes compared in place. */
    if (t->acronym) {
        for (guint i = 0; i < tokens->len; i++)
            if (!used_tokens[i] && same_word(g_ptr_array_index(tokens, i), t->acronym)) {
                used_tokens[i] = TRUE;
                n++;
            }
        return n;
    }
    for (guint i = 0; i + t->n <= stems->len; i++) {
        gboolean ok = TRUE;
        for (int k = 0; k < t->n && ok; k++)
            ok = !used_stems[i + k] && same_word(g_ptr_array_index(stems, i + k), t->stems[k]);
        if (ok) {
            for (int k = 0; k < t->n; k++)
                used_stems[i + k] = TRUE;
            n++;
            i += t->n - 1;
        }
    }
    return n;
}

typedef struct {
    int theme;
    double specific; /* weight of its specific terms */
    int broad;       /* mentions of its broad terms */
    int mentions;    /* of any of its terms */
    gboolean broad_in_title, in_title;
    double weight;
} ThemeCount;

static int
compare_ints(gconstpointer a, gconstpointer b)
{
    return *(const int *)a - *(const int *)b;
}

/* Adds to @ranks the terms that begin with @key. */
static void
add_candidates(GHashTable *by_first, const char *key, GArray *ranks)
{
    const GPtrArray *list = g_hash_table_lookup(by_first, key);
    for (guint k = 0; list && k < list->len; k++)
        g_array_append_val(ranks, ((const ThemeTerm *)g_ptr_array_index(list, k))->rank);
}

static int
compare_counts(gconstpointer a, gconstpointer b)
{
    const ThemeCount *x = a, *y = b;
    if (x->weight != y->weight)
        return x->weight < y->weight ? 1 : -1;
    return x->theme - y->theme;
}

/* An article's areas of cooperation are what it keeps coming back to, in
 * specific words. "semi-conducteurs", "centrale nucléaire", "échanges
 * commerciaux" name a field; "commerce", "données", "formation" occur in
 * articles about anything, so alone they count only when repeated or in the
 * headline. A term of several words weighs twice a single word, a broad word
 * half of one; the headline counts twice. A theme far behind the article's
 * main one is a passing mention. */
#define THEME_MIN_SPECIFIC 2.0
#define THEME_BROAD_REPEATS 3
#define THEME_RELATIVE 0.3
#define THEME_MAX 4

void
dsr__themes_count(const DsrThemes *th, GPtrArray *units, const char *lang, DsrFacts *facts)
{
    int slot = g_strcmp0(lang, "en") == 0 ? 1 : 0;
    DsrStemmer *stemmer = thread_stemmer(th, slot);
    g_autoptr(GArray) counts = g_array_new(FALSE, TRUE, sizeof(ThemeCount));
    g_array_set_size(counts, th->themes->len);
    for (guint i = 0; i < th->themes->len; i++)
        g_array_index(counts, ThemeCount, i).theme = i;
    const GPtrArray *terms = th->terms[slot];
    g_autoptr(GArray) ranks = g_array_new(FALSE, FALSE, sizeof(int));
    for (guint u = 0; u < units->len; u++) {
        const DsrUnit *unit = g_ptr_array_index(units, u);
        gboolean title = unit->paragraph < 0;
        /* The last unit's stems are gone: the cache may start again. */
        dsr_stemmer_trim(stemmer);
        g_autoptr(GPtrArray) stems = content_stems(unit->text, slot ? "en" : "fr", stemmer, TRUE);
        /* The unit's tokens, read once when the unit was made. */
        g_autoptr(GPtrArray) tokens = g_ptr_array_sized_new(unit->tokens.tokens->len);
        for (guint i = 0; i < unit->tokens.tokens->len; i++)
            g_ptr_array_add(tokens, (gpointer)dsr__token_cased(&unit->tokens, i));
        g_autofree gboolean *used_stems = g_new0(gboolean, stems->len + 1);
        g_autofree gboolean *used_tokens = g_new0(gboolean, tokens->len + 1);
        /* Only the terms starting with a word of the sentence can match; they
         * are tried in the taxonomy's order, so the longest still goes first. */
        g_array_set_size(ranks, 0);
        for (guint i = 0; i < stems->len; i++)
            add_candidates(th->by_first[slot], g_ptr_array_index(stems, i), ranks);
        for (guint i = 0; i < tokens->len; i++)
            add_candidates(th->by_first[slot], g_ptr_array_index(tokens, i), ranks);
        g_array_sort(ranks, compare_ints);
        for (guint r = 0; r < ranks->len; r++) {
            int k = g_array_index(ranks, int, r);
            if (r > 0 && k == g_array_index(ranks, int, r - 1))
                continue;
            const ThemeTerm *t = g_ptr_array_index(terms, k);
            int n = count_term(t, stems, tokens, used_stems, used_tokens);
            if (!n)
                continue;
            ThemeCount *tc = &g_array_index(counts, ThemeCount, t->theme);
            int times = title ? 2 * n : n;
            if (t->broad) {
                tc->broad += times;
                tc->broad_in_title |= title;
            } else {
                tc->specific += times * (t->n > 1 ? 2.0 : 1.0);
            }
            tc->in_title |= title;
            tc->mentions += n;
        }
    }
    for (guint i = 0; i < counts->len; i++) {
        ThemeCount *tc = &g_array_index(counts, ThemeCount, i);
        tc->weight = tc->specific + 0.5 * tc->broad;
        gboolean shown =
            (tc->specific >= THEME_MIN_SPECIFIC && (tc->mentions >= 2 || tc->in_title)) ||
            (tc->specific > 0 && tc->broad >= 2) || tc->broad >= THEME_BROAD_REPEATS ||
            tc->broad_in_title;
        if (!shown)
            tc->weight = 0;
    }
    g_array_sort(counts, compare_counts);
    double top = counts->len ? g_array_index(counts, ThemeCount, 0).weight : 0;
    for (guint i = 0; i < counts->len && facts->themes->len < THEME_MAX; i++) {
        const ThemeCount *tc = &g_array_index(counts, ThemeCount, i);
        if (tc->weight <= 0 || (tc->weight < THEME_RELATIVE * top && !tc->in_title))
            break;
        g_ptr_array_add(facts->themes,
                        g_strdup(((Theme *)g_ptr_array_index(th->themes, tc->theme))->name));
    }
}
