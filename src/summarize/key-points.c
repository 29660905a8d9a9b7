/* SPDX-License-Identifier: MIT
 * Key points: LexRank over the sentences of all the relationship's articles.
 * Sentences that can be quoted alone are pre-selected per article (leads,
 * figures, agreements and dates first) under a global cap, so ten thousand
 * articles never make an all-pairs graph; edges come from an inverted index
 * over content stems (TF-IDF cosine). The centrality is boosted for figures,
 * agreements and dates, then points are picked with maximal marginal
 * relevance so no two say the same thing, and are put in reading order:
 * sources by date, then each sentence's place in its article. */
#include "summarize-private.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MIN_WORDS 8
#define MAX_WORDS 60
#define MIN_POINTS 4
#define MAX_POINTS 8
#define MAX_CANDIDATES 1500
#define MAX_PER_ARTICLE 12
#define EDGE_MIN 0.08      /* cosine below which two sentences are not linked */
#define NEAR_DUPLICATE 0.5 /* IDF cosine above which a sentence repeats a chosen one */
/* Share of the shorter sentence's stems found in the other: IDF weights
 * are noisy in a small relationship, where two wordings of one fact have
 * rare stems of their own ("selon les douanes", "selon le ministère"). */
#define NEAR_OVERLAP 0.7
#define DAMPING 0.85
#define ITERATIONS 40

/* A sentence opening on a pronoun, a demonstrative or a connective needs the
 * sentence before it: "Il a estimé que…", "Cette coopération…", "However,…". */
static const char *const dependent_openers[] = {
    "il ",
    "elle ",
    "ils ",
    "elles ",
    "ce ",
    "cet ",
    "cette ",
    "ces ",
    "celui",
    "celle",
    "ceux ",
    "cela ",
    "ceci ",
    "ça ",
    "lui ",
    "leur ",
    "leurs ",
    "y ",
    "en outre",
    "par ailleurs",
    "de plus",
    "de son côté",
    "de leur côté",
    "selon lui",
    "selon elle",
    "selon eux",
    "pour lui",
    "pour elle",
    "d'après lui",
    "d'après elle",
    "à cet égard",
    "à ce titre",
    "dans ce cadre",
    "dans ce contexte",
    "à cette occasion",
    "lors de cette",
    "au cours de cette",
    "ainsi,",
    "toutefois",
    "cependant",
    "néanmoins",
    "pourtant",
    "enfin,",
    "mais ",
    "et ",
    "or,",
    "donc",
    "he ",
    "she ",
    "they ",
    "it ",
    "its ",
    "this ",
    "these ",
    "those ",
    "that ",
    "there ",
    "his ",
    "her ",
    "their ",
    "according to him",
    "according to her",
    "according to them",
    "however",
    "moreover",
    "also,",
    "meanwhile",
    "in addition",
    "furthermore",
    "but ",
    "and ",
    "on this occasion",
    "at the event",
    "during the visit",
    "nous ",
    "je ",
    "we ",
    "i ",
    "c'est",
    "c'était",
    "dans le même temps",
    "en même temps",
    "à son tour",
    "pour sa part",
    "pour leur part",
    "quant à",
    "at the same time",
    "for his part",
    "for her part",
    "in turn",
    "it is",
    "such ",
    "alors,",
    "lors de l'événement",
    "lors de la rencontre",
    "lors des rencontres",
    "lors de la réunion",
    "lors du forum",
    "at the forum",
    "at the meeting",
};

/* Ingest removes captions, related links, datelines and sign-offs; this
 * guard keeps any that a new site's layout lets through out of the brief,
 * where a quoted "Photo : VNA" would look like a finding. Three patterns,
 * any of which rejects: what opens the sentence (anchored: tried at its
 * start only), a credit or a link anywhere (each branch opens on a few
 * letters PCRE2 looks for), an agency signing off at the end. One pattern of
 * all of them was tried at every byte of every sentence. */
static const char *const junk_patterns[] = {
    "^(?:\\s*(>|»|\\||photo\\b|ảnh\\b|image\\b|source\\s*:|lire aussi|voir aussi|"
    "read more|related|related news)"
    "|.{0,60}\\((vna|cvn|vns|afp|reuters|vov|ttxvn|ap|xinhua|tass)\\)\\s*[-–—:]?)",
    "\\bphotos?\\s*:|ảnh\\s*\\d|https?://|www\\.",
    "[-–—/]\\s*(vna|cvn|vns|vov|ttxvn|afp)\\s*$",
};

static gpointer
junk_compile(gpointer unused G_GNUC_UNUSED)
{
    GRegex **res = g_new0(GRegex *, G_N_ELEMENTS(junk_patterns));
    for (guint i = 0; i < G_N_ELEMENTS(junk_patterns); i++) {
        res[i] = g_regex_new(junk_patterns[i], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_assert(res[i]); /* constants of this file */
    }
    return res;
}

static gboolean
is_junk(const char *text)
{
    static GOnce once = G_ONCE_INIT;
    GRegex **res = g_once(&once, junk_compile, NULL);
    for (guint i = 0; i < G_N_ELEMENTS(junk_patterns); i++)
        if (g_regex_match(res[i], text, 0, NULL))
            return TRUE;
    return FALSE;
}

/* The subject of a main clause that follows an opening phrase ("Entré en
 * vigueur en 2020, cet accord a transformé…", "Lors de la rencontre, il a
 * salué…", "Toujours d'après lui, …") points back as surely as an opening
 * pronoun. What follows a comma in the first part of the sentence is
 * checked; a relative "ce qui", "ce que" refers inside the sentence, and
 * "ces dernières années" to the date of the article, not to the sentence
 * before. */
static const char *const clause_subjects[] = {
    "il ",    "elle ",  "ils ",  "elles ", "cet ", "cette ", "ces ", "ce ",   "cela ",  "ceci ",
    "celui-", "celle-", "ceux-", "he ",    "she ", "they ",  "it ",  "this ", "these ", "those ",
};
static const char *const clause_not_anaphora[] = {
    "ce qui",      "ce que",        "ce qu'",    "ce dont",    "ces derni",
    "cette année", "cette semaine", "ce mois",   "cette fois", "it is expected",
    "this year",   "this month",    "this week",
};
static const char *const context_complements[] = {
    "selon lui",        "selon elle",       "selon eux",         "d'après lui",
    "d'après elle",     "d'après eux",      "pour lui",          "pour elle",
    "according to him", "according to her", "according to them",
};

/* g_str_has_prefix() with the first byte compared first: the lists below
 * are tried against every candidate sentence. */
static inline gboolean
starts_with(const char *s, const char *prefix)
{
    return !prefix[0] || (s[0] == prefix[0] && g_str_has_prefix(s, prefix));
}

static gboolean
subject_depends_on_context(const char *text)
{
    /* Only the opening (three fifths, or the first hundred bytes) can hold
     * that subject: fold no more. */
    gsize whole = strlen(text);
    gsize keep = MAX(whole * 3 / 5, MIN(whole, (gsize)100));
    const char *cut = keep < whole ? g_utf8_find_prev_char(text, text + keep + 1) : text + whole;
    g_autofree char *head = g_strndup(text, cut ? (gsize)(cut - text) : 0);
    g_autofree char *f = dsr_text_fold(head);
    gsize len = strlen(f);
    const char *first_comma = strchr(f, ',');
    for (guint i = 0; first_comma && i < G_N_ELEMENTS(context_complements); i++) {
        const char *at = strstr(f, context_complements[i]);
        if (at && at < first_comma)
            return TRUE;
    }
    /* A demonstrative in the opening phrase ("Sur ce total,", "À partir de
     * ces initiatives") names what the sentence before said: the words
     * before the first comma when there are at most eight, else the first
     * five of the head. Read in place, the first ten are enough. */
    const char *ws[10];
    gsize wl[10];
    guint nw = 0, n_before = 0;
    const char *p = f, *start;
    gsize l;
    while (nw < G_N_ELEMENTS(ws) && (start = dsr_text_next_word(&p, &l))) {
        ws[nw] = start;
        wl[nw++] = l;
        n_before += first_comma && start < first_comma;
    }
    gboolean phrase_words = first_comma && n_before <= 8;
    guint listed = phrase_words ? n_before : nw; /* the words the test reads */
    guint opening = phrase_words ? n_before : 5;
    for (guint i = 0; i < listed && i < opening; i++) {
        static const char *const demonstratives[] = {"ce", "cet", "cette", "ces"};
        gboolean demonstrative = FALSE;
        for (guint k = 0; k < G_N_ELEMENTS(demonstratives) && !demonstrative; k++)
            demonstrative =
                wl[i] == strlen(demonstratives[k]) && memcmp(ws[i], demonstratives[k], wl[i]) == 0;
        if (!demonstrative)
            continue;
        g_autofree char *phrase = i + 1 < listed ? g_strdup_printf("%.*s %.*s", (int)wl[i], ws[i],
                                                                   (int)wl[i + 1], ws[i + 1])
                                                 : g_strdup_printf("%.*s ", (int)wl[i], ws[i]);
        gboolean exempt = FALSE;
        for (guint k = 0; k < G_N_ELEMENTS(clause_not_anaphora) && !exempt; k++)
            exempt = starts_with(phrase, clause_not_anaphora[k]);
        if (!exempt)
            return TRUE;
    }
    for (const char *c = first_comma; c && (gsize)(c - f) < len; c = strchr(c + 1, ',')) {
        const char *w = c + 1;
        while (*w == ' ')
            w++;
        gboolean exempt = FALSE;
        for (guint i = 0; i < G_N_ELEMENTS(clause_not_anaphora) && !exempt; i++)
            exempt = starts_with(w, clause_not_anaphora[i]);
        if (exempt)
            continue;
        for (guint i = 0; i < G_N_ELEMENTS(clause_subjects); i++)
            if (starts_with(w, clause_subjects[i]))
                return TRUE;
    }
    return FALSE;
}

static gboolean
depends_on_context(const char *text)
{
    /* The opening is all that matters: fold only its first bytes. */
    gsize len = strlen(text);
    const char *cut = len > 48 ? g_utf8_find_prev_char(text, text + 48) : text + len;
    g_autofree char *head = g_strndup(text, (gsize)(cut - text));
    g_autofree char *f = dsr_text_fold(head);
    const char *p = f;
    /* An opening quotation mark or dash does not change who "il" is. */
    while (*p == '"' || *p == '-' || *p == ' ' || g_str_has_prefix(p, "«") ||
           g_str_has_prefix(p, "–") || g_str_has_prefix(p, "—"))
        p = g_utf8_next_char(p);
    gboolean dated = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(clause_not_anaphora) && !dated; i++)
        dated = starts_with(p, clause_not_anaphora[i]);
    for (guint i = 0; i < G_N_ELEMENTS(dependent_openers) && !dated; i++)
        if (starts_with(p, dependent_openers[i]))
            return TRUE;
    return subject_depends_on_context(text);
}

/* g_unichar_isalnum() of the character at @p, ASCII without decoding. */
static inline gboolean
is_alnum_at(const char *p)
{
    guchar b = (guchar)*p;
    return b < 0x80 ? g_ascii_isalnum(b) : g_unichar_isalnum(g_utf8_get_char(p));
}

/* Words as a reader counts them: runs of letters or digits (an elided
 * "l'" counts as one). Cheaper than dsr_text_words() for a length check. */
static guint
count_words(const char *text)
{
    guint n = 0;
    gboolean in = FALSE;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gboolean alnum = is_alnum_at(p);
        n += alnum && !in;
        in = alnum;
    }
    return n;
}

gboolean
dsr__key_point_candidate(const char *text)
{
    if (!text || !*text)
        return FALSE;
    gunichar first = g_utf8_get_char(text);
    /* A sentence starting in lower case is a fragment of a badly split one. */
    if (g_unichar_islower(first))
        return FALSE;
    const char *end = text + strlen(text);
    const char *last = g_utf8_find_prev_char(text, end);
    gunichar c = last ? g_utf8_get_char(last) : 0;
    /* A question stays a question inside its closing quotation mark: "… ? »". */
    const char *before = last;
    gunichar b = c;
    while (before && (b == 0x00BB || b == '"' || b == 0x201D || b == ')' || dsr_text_is_space(b))) {
        before = g_utf8_find_prev_char(text, before);
        b = before ? g_utf8_get_char(before) : 0;
    }
    if (b == '?' || b == ':')
        return FALSE;
    /* A title or a lead-in ("Parmi les mesures :") does not end like a sentence. */
    if (!(c == '.' || c == '!' || c == 0x00BB || c == '"' || c == 0x201D || c == ')' ||
          c == 0x2026))
        return FALSE;
    guint words = count_words(text);
    if (words < MIN_WORDS || words > MAX_WORDS)
        return FALSE;
    if (is_junk(text))
        return FALSE;
    return !depends_on_context(text);
}

typedef struct {
    const DsrSentence *sentence;
    const DsrFacts *facts;
    int source;
    double prior; /* leads, figures, agreements, dates */
    GHashTable *stems;
    double norm; /* TF-IDF norm */
    double rank;
    double score;
    gboolean taken;
} Candidate;

static void
candidate_free(Candidate *c)
{
    if (c->stems)
        g_hash_table_unref(c->stems);
    g_free(c);
}

/* A year from 1945 to 2100 or a month name of four letters or more ("mai"
 * and "may" are too often other words). One pass over the words: only one
 * that could be a month is folded and looked up (folding every word of every
 * candidate was a tenth of the summary's time on large relationships). */
static gboolean
holds_date(const char *text)
{
    const char *p = text;
    while (*p) {
        if (!is_alnum_at(p)) {
            p = g_utf8_next_char(p);
            continue;
        }
        const char *start = p;
        gboolean digits = TRUE;
        /* Words as dsr_text_words() cuts them: inner hyphens and marks belong to
         * the word, so "mi-novembre" is not the month. */
        while (*p &&
               (is_alnum_at(p) || ((guchar)*p >= 0x80 && g_unichar_ismark(g_utf8_get_char(p))) ||
                (*p == '-' && p[1] && is_alnum_at(p + 1)))) {
            digits &= g_ascii_isdigit(*p);
            p = g_utf8_next_char(p);
        }
        gsize n = (gsize)(p - start);
        if (digits) {
            if (n == 4 && (start[0] == '1' || start[0] == '2')) {
                int y = (start[0] - '0') * 1000 + (start[1] - '0') * 100 + (start[2] - '0') * 10 +
                        (start[3] - '0');
                if (y >= 1945 && y <= 2100)
                    return TRUE;
            }
            continue;
        }
        /* Month names, French and English, start with one of these letters and
         * take at most eleven bytes ("septembre", "décembre"). */
        if (n < 4 || n > 11 || !strchr("jfmasondJFMASOND", start[0]))
            continue;
        char word[12];
        memcpy(word, start, n);
        word[n] = '\0';
        if (dsr_text_month_number(word))
            return TRUE;
    }
    return FALSE;
}

/* What a sentence carries that a diplomat wants: a figure (money and
 * percentages most), an agreement or another dated event, a date; and its
 * place in the article, as news leads with what matters. */
static double
prior_of(const DsrSentence *s, GHashTable *figure_kind, GHashTable *event_type)
{
    double p = 0.6 / (1.0 + s->index) + 0.4 / (1.0 + s->paragraph);
    gpointer kind;
    if (g_hash_table_lookup_extended(figure_kind, s->text, NULL, &kind))
        p += GPOINTER_TO_INT(kind) <= DSR_FIGURE_MONEY ? 0.5 : 0.3;
    gpointer type;
    if (g_hash_table_lookup_extended(event_type, s->text, NULL, &type))
        p += GPOINTER_TO_INT(type) == DSR_EVENT_AGREEMENT ? 0.5 : 0.3;
    if (holds_date(s->text))
        p += 0.15;
    return p;
}

static int
compare_prior(gconstpointer a, gconstpointer b)
{
    const Candidate *x = *(Candidate *const *)a, *y = *(Candidate *const *)b;
    if (x->prior != y->prior)
        return x->prior > y->prior ? -1 : 1;
    if (x->source != y->source)
        return x->source - y->source;
    return x->sentence->index - y->sentence->index;
}

static int
compare_reading_order(gconstpointer a, gconstpointer b)
{
    const Candidate *x = *(Candidate *const *)a, *y = *(Candidate *const *)b;
    if (x->source != y->source)
        return x->source - y->source;
    return x->sentence->index - y->sentence->index;
}

/* The candidates of one article: at most @cap, best prior first. */
static void
preselect(const DsrRelation *rel, const DsrSelected *s, guint cap, GPtrArray *out)
{
    g_autoptr(GHashTable) figure_kind = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) event_type = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < s->facts->figures->len; i++) {
        const DsrFigure *fig = g_ptr_array_index(s->facts->figures, i);
        gpointer old;
        if (!fig->sentence)
            continue;
        if (!g_hash_table_lookup_extended(figure_kind, fig->sentence, NULL, &old) ||
            GPOINTER_TO_INT(old) > (int)fig->kind)
            g_hash_table_insert(figure_kind, fig->sentence, GINT_TO_POINTER(fig->kind));
    }
    for (guint i = 0; i < s->facts->events->len; i++) {
        const DsrEvent *e = g_ptr_array_index(s->facts->events, i);
        if (e->sentence)
            g_hash_table_insert(event_type, e->sentence, GINT_TO_POINTER(e->type));
    }
    g_autoptr(GPtrArray) mine = g_ptr_array_new();
    for (guint k = 0; k < s->facts->sentences->len; k++) {
        const DsrSentence *sent = g_ptr_array_index(s->facts->sentences, k);
        /* Past the article's first @cap quotable sentences, a later one can
         * only win with a figure or an event (the lead bonus falls with the
         * position): the others are not even looked at, which is what keeps
         * long articles and large relationships cheap. */
        if (mine->len >= cap && !g_hash_table_contains(figure_kind, sent->text) &&
            !g_hash_table_contains(event_type, sent->text))
            continue;
        if (!dsr__quotable(rel, sent))
            continue;
        Candidate *c = g_new0(Candidate, 1);
        c->sentence = sent;
        c->facts = s->facts;
        c->source = s->source;
        c->prior = prior_of(sent, figure_kind, event_type);
        g_ptr_array_add(mine, c);
    }
    g_ptr_array_sort(mine, compare_prior);
    for (guint i = 0; i < mine->len; i++) {
        if (i < cap)
            g_ptr_array_add(out, g_ptr_array_index(mine, i));
        else
            candidate_free(g_ptr_array_index(mine, i));
    }
}

typedef struct {
    GArray *ids; /* guint: candidates holding the stem */
} Posting;

static void
posting_free(Posting *p)
{
    g_array_unref(p->ids);
    g_free(p);
}

/* Continuous LexRank: PageRank over the cosine-weighted graph of candidates.
 * Edges are found through the stems two sentences share; a stem present in
 * a large share of the candidates carries almost no IDF weight and would
 * make the index quadratic, so it links nothing. */
static void
lexrank(GPtrArray *cands)
{
    guint n = cands->len;
    g_autoptr(GHashTable) index =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)posting_free);
    for (guint i = 0; i < n; i++) {
        Candidate *c = g_ptr_array_index(cands, i);
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, c->stems);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            Posting *p = g_hash_table_lookup(index, key);
            if (!p) {
                p = g_new0(Posting, 1);
                p->ids = g_array_new(FALSE, FALSE, sizeof(guint));
                g_hash_table_insert(index, key, p);
            }
            g_array_append_val(p->ids, i);
        }
    }
    for (guint i = 0; i < n; i++) {
        Candidate *c = g_ptr_array_index(cands, i);
        double sum = 0;
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, c->stems);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            Posting *p = g_hash_table_lookup(index, key);
            double idf = log((double)(n + 1) / p->ids->len);
            sum += idf * idf;
        }
        c->norm = sqrt(sum);
    }

    guint common = MAX(40u, n / 10);
    g_autofree double *dot = g_new0(double, n);
    g_autofree guint *touched = g_new(guint, n);
    /* Edges as adjacency lists: (neighbour, weight) pairs per candidate. */
    g_autofree GArray **adj = g_new0(GArray *, n);
    g_autofree double *degree = g_new0(double, n);
    for (guint i = 0; i < n; i++)
        adj[i] = g_array_new(FALSE, FALSE, sizeof(double) * 2);
    for (guint i = 0; i < n; i++) {
        Candidate *c = g_ptr_array_index(cands, i);
        guint nt = 0;
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, c->stems);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            Posting *p = g_hash_table_lookup(index, key);
            if (p->ids->len > common || p->ids->len < 2)
                continue;
            double idf = log((double)(n + 1) / p->ids->len);
            for (guint k = 0; k < p->ids->len; k++) {
                guint j = g_array_index(p->ids, guint, k);
                if (j <= i)
                    continue;
                if (dot[j] == 0)
                    touched[nt++] = j;
                dot[j] += idf * idf;
            }
        }
        for (guint t = 0; t < nt; t++) {
            guint j = touched[t];
            Candidate *d = g_ptr_array_index(cands, j);
            double cos = c->norm > 0 && d->norm > 0 ? dot[j] / (c->norm * d->norm) : 0;
            dot[j] = 0;
            if (cos < EDGE_MIN)
                continue;
            double e1[2] = {(double)j, cos}, e2[2] = {(double)i, cos};
            g_array_append_vals(adj[i], e1, 1);
            g_array_append_vals(adj[j], e2, 1);
            degree[i] += cos;
            degree[j] += cos;
        }
    }

    g_autofree double *rank = g_new(double, n);
    g_autofree double *next = g_new(double, n);
    for (guint i = 0; i < n; i++)
        rank[i] = 1.0 / n;
    for (int iter = 0; iter < ITERATIONS; iter++) {
        double dangling = 0;
        for (guint i = 0; i < n; i++) {
            next[i] = 0;
            if (degree[i] == 0)
                dangling += rank[i];
        }
        for (guint i = 0; i < n; i++) {
            if (degree[i] == 0)
                continue;
            for (guint k = 0; k < adj[i]->len; k++) {
                const double *e = &g_array_index(adj[i], double, 2 * k);
                next[(guint)e[0]] += rank[i] * e[1] / degree[i];
            }
        }
        for (guint i = 0; i < n; i++)
            next[i] = (1 - DAMPING) / n + DAMPING * (next[i] + dangling / n);
        double *swap = rank;
        rank = next;
        next = swap;
    }
    for (guint i = 0; i < n; i++) {
        ((Candidate *)g_ptr_array_index(cands, i))->rank = rank[i] * n; /* mean 1 */
        g_array_unref(adj[i]);
    }
}

static double
cosine(GHashTable *a, GHashTable *b, GHashTable *idf)
{
    GHashTable *small = g_hash_table_size(a) < g_hash_table_size(b) ? a : b;
    GHashTable *big = small == a ? b : a;
    double dot = 0, na = 0, nb = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, small);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (g_hash_table_contains(big, key)) {
            double w = *(double *)g_hash_table_lookup(idf, key);
            dot += w * w;
        }
    g_hash_table_iter_init(&it, a);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        double w = *(double *)g_hash_table_lookup(idf, key);
        na += w * w;
    }
    g_hash_table_iter_init(&it, b);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        double w = *(double *)g_hash_table_lookup(idf, key);
        nb += w * w;
    }
    return na > 0 && nb > 0 ? dot / sqrt(na * nb) : 0;
}

static double
overlap(GHashTable *a, GHashTable *b)
{
    guint na = g_hash_table_size(a), nb = g_hash_table_size(b);
    if (MIN(na, nb) < 4)
        return 0; /* too few stems to call two sentences the same */
    double j = dsr__jaccard(a, b);
    return j * (na + nb) / (1 + j) / MIN(na, nb);
}

/* The sources that print exactly this sentence (facts keep sentences with
 * their white space squeezed): a wire story copied by two outlets is one
 * point citing both. */
static DsrCites *
sources_quoting(const DsrRelation *rel, const char *text)
{
    DsrCites *cites = dsr_cites_new(NULL, 0);
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        for (guint k = 0; k < s->facts->sentences->len; k++) {
            const DsrSentence *sent = g_ptr_array_index(s->facts->sentences, k);
            if (strcmp(sent->text, text) == 0) {
                dsr_cites_add(cites, s->source);
                break;
            }
        }
    }
    return cites;
}

/* The largest IDF cosine between @c and a chosen point; *@repeats when it
 * says the same thing as one of them. */
static double
redundancy(const Candidate *c, GPtrArray *chosen, GHashTable *df, gboolean *repeats)
{
    double red = 0;
    *repeats = FALSE;
    for (guint k = 0; k < chosen->len && !*repeats; k++) {
        GHashTable *other = ((Candidate *)g_ptr_array_index(chosen, k))->stems;
        double cos = cosine(c->stems, other, df);
        red = MAX(red, cos);
        *repeats = cos > NEAR_DUPLICATE || overlap(c->stems, other) >= NEAR_OVERLAP;
    }
    return red;
}

static int
compare_score(gconstpointer a, gconstpointer b)
{
    const Candidate *x = *(Candidate *const *)a, *y = *(Candidate *const *)b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->source - y->source;
}

void
dsr__summarize_key_points(DsrRelation *rel)
{
    guint articles = rel->selected->len;
    guint cap = CLAMP(MAX_CANDIDATES / MAX(articles, 1u), 2u, (guint)MAX_PER_ARTICLE);
    g_autoptr(GPtrArray) all = g_ptr_array_new();
    for (guint i = 0; i < articles; i++)
        preselect(rel, &g_array_index(rel->selected, DsrSelected, i), cap, all);
    g_ptr_array_sort(all, compare_prior);
    g_autoptr(GPtrArray) cands = g_ptr_array_new_with_free_func((GDestroyNotify)candidate_free);
    for (guint i = 0; i < all->len; i++) {
        Candidate *c = g_ptr_array_index(all, i);
        if (cands->len < MAX_CANDIDATES)
            g_ptr_array_add(cands, c);
        else
            candidate_free(c);
    }
    if (cands->len == 0)
        return;

    g_autoptr(GHashTable) df = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    for (guint i = 0; i < cands->len; i++) {
        Candidate *c = g_ptr_array_index(cands, i);
        c->stems = g_hash_table_ref(dsr__sentence_stems(rel, c->sentence, c->facts->lang));
        GHashTableIter it;
        gpointer key;
        g_hash_table_iter_init(&it, c->stems);
        while (g_hash_table_iter_next(&it, &key, NULL)) {
            double *n = g_hash_table_lookup(df, key);
            if (!n) {
                n = g_new0(double, 1);
                g_hash_table_insert(df, key, n);
            }
            *n += 1;
        }
    }
    lexrank(cands);
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, df);
    while (g_hash_table_iter_next(&it, &key, &value))
        *(double *)value = log((double)(cands->len + 1) / *(double *)value);

    double best = 0;
    for (guint i = 0; i < cands->len; i++) {
        Candidate *c = g_ptr_array_index(cands, i);
        /* Centrality decides; what the sentence carries breaks near ties. */
        c->score = log(1.0 + c->rank) + 0.5 * c->prior;
        best = MAX(best, c->score);
    }

    guint want = CLAMP(articles * 2, (guint)MIN_POINTS, (guint)MAX_POINTS);
    g_autoptr(GPtrArray) chosen = g_ptr_array_new();
    g_autoptr(GHashTable) per_source = g_hash_table_new(NULL, NULL);

    /* Coverage first: each article is heard once before any is heard twice,
     * through its lead (the best prior: news puts what matters first, and a
     * lead names who signed what), articles taken by their most central
     * sentence. Centrality alone favours the sentences that repeat the
     * relationship's common words over the one that says what happened. */
    g_autoptr(GHashTable) top = g_hash_table_new(NULL, NULL);
    g_autoptr(GPtrArray) articles_by_score = g_ptr_array_new();
    for (guint i = 0; i < cands->len; i++) {
        Candidate *c = g_ptr_array_index(cands, i);
        Candidate *t = g_hash_table_lookup(top, GINT_TO_POINTER(c->source));
        if (!t)
            g_ptr_array_add(articles_by_score, c);
        if (!t || c->score > t->score)
            g_hash_table_insert(top, GINT_TO_POINTER(c->source), c);
    }
    for (guint i = 0; i < articles_by_score->len; i++)
        articles_by_score->pdata[i] = g_hash_table_lookup(
            top, GINT_TO_POINTER(((Candidate *)articles_by_score->pdata[i])->source));
    g_ptr_array_sort(articles_by_score, compare_score);
    for (guint a = 0; a < articles_by_score->len && chosen->len < want; a++) {
        int source = ((Candidate *)g_ptr_array_index(articles_by_score, a))->source;
        /* cands is in prior order: the first that says something new. */
        for (guint i = 0; i < cands->len; i++) {
            Candidate *c = g_ptr_array_index(cands, i);
            gboolean repeats = FALSE;
            if (c->source != source || c->taken)
                continue;
            redundancy(c, chosen, df, &repeats);
            if (repeats)
                continue;
            c->taken = TRUE;
            g_ptr_array_add(chosen, c);
            g_hash_table_insert(per_source, GINT_TO_POINTER(source), GINT_TO_POINTER(1));
            break;
        }
    }

    while (chosen->len < want) {
        Candidate *pick = NULL;
        double pick_mmr = -G_MAXDOUBLE;
        for (guint i = 0; i < cands->len; i++) {
            Candidate *c = g_ptr_array_index(cands, i);
            if (c->taken)
                continue;
            gboolean repeats = FALSE;
            double red = redundancy(c, chosen, df, &repeats);
            if (repeats)
                continue;
            /* Coverage: a third point from one article must beat the others clearly. */
            int same = GPOINTER_TO_INT(g_hash_table_lookup(per_source, GINT_TO_POINTER(c->source)));
            double mmr = 0.7 * c->score / best - 0.3 * red - 0.08 * same;
            /* Ties go to the earlier candidate (best prior, earliest source): stable. */
            if (mmr > pick_mmr)
                pick = c, pick_mmr = mmr;
        }
        if (!pick)
            break;
        pick->taken = TRUE;
        g_ptr_array_add(chosen, pick);
        int same = GPOINTER_TO_INT(g_hash_table_lookup(per_source, GINT_TO_POINTER(pick->source)));
        g_hash_table_insert(per_source, GINT_TO_POINTER(pick->source), GINT_TO_POINTER(same + 1));
    }
    g_ptr_array_sort(chosen, compare_reading_order);
    for (guint i = 0; i < chosen->len; i++) {
        const Candidate *c = g_ptr_array_index(chosen, i);
        dsr_brief_add_key_point(rel->brief, c->sentence->text,
                                sources_quoting(rel, c->sentence->text));
    }
}
