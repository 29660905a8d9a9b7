/* SPDX-License-Identifier: MIT
 * Key figures across sources. Two reports are one row when they measure the
 * same thing (kind, currency, count unit, year, entity, a subject with the
 * same content stems) and their values agree within the rounding of the
 * coarser one ("29,8 milliards" and "30 milliards"); the row keeps the more
 * precise wording and lists the others as variants, so each source's own
 * words stay checkable. Rows about the same thing whose values cannot both be
 * true are kept side by side under one group number with a discrepancy text.
 * A bracketed equivalent stays with its main figure. Charts are chosen from
 * the rows, never forced, and never mix currencies, kinds or scales. */
#include "summarize-private.h"
#include <math.h>
#include <string.h>

#define MAX_BARS 8
#define MAX_COMPARED 400   /* rows of one bucket compared for disagreements, and rows charted */
#define MAX_SHOWN_VALUES 6 /* values listed in a discrepancy text */

typedef struct {
    const char *quote;
    int source;
} Wording;

typedef struct {
    const DsrFigure *best; /* the most precise report, borrowed from facts */
    GHashTable *subject;   /* content stems of the subject, or NULL */
    char *concept;         /* what the subject measures, in either language ("trade"), or NULL */
    gboolean actual;       /* a value reached for a whole year: no target, no part of a year */
    GArray *cites;         /* owned until added */
    GArray *wordings;      /* Wording */
    const DsrFigure *equivalent;
    int about; /* 0 the relationship, 1 unknown, 2 another country */
    int order; /* first appearance, for stable ties */
    int group;
    guint brief_index;       /* its row in the brief, once added */
    guint pos, bucket_index; /* its place once sorted */
    GPtrArray *bucket;       /* rows of its kind, currency, year and entity (borrowed) */
    gboolean charted;
    /* What the comparisons read of the best report, folded once per row
     * rather than once per comparison (a bucket compares each new figure
     * with all its rows): */
    char *unit;   /* its unit folded, for counts and others, or NULL */
    char *quote;  /* its quote folded, when it has no subject, or NULL */
    int target;   /* is_target(): 1 yes, 0 no, -1 not known yet (undated: not needed to merge) */
    int chart_ok; /* chartable(): 0 not known yet, 1 yes, -1 no */
    char *subject_folded; /* its subject folded, once opposed_subjects() needs it */
} Row;

static void
row_free(Row *r)
{
    g_clear_pointer(&r->cites, g_array_unref);
    g_clear_pointer(&r->subject, g_hash_table_unref);
    g_free(r->concept);
    g_free(r->unit);
    g_free(r->quote);
    g_free(r->subject_folded);
    g_array_unref(r->wordings);
    g_free(r);
}

static double
quantity(const DsrFigure *f)
{
    return f->value * (f->scale ? f->scale : 1);
}

/* The unit of the last digit written: 30 -> 1, 29,8 -> 0.1, 16,45 -> 0.01. */
static double
precision(const DsrFigure *f)
{
    double unit = 1;
    for (int d = 0; d < 4; d++, unit /= 10) {
        double x = f->value / unit;
        if (fabs(x - round(x)) < 1e-6)
            break;
    }
    return unit * (f->scale ? f->scale : 1);
}

static gboolean
equal_within_rounding(const DsrFigure *a, const DsrFigure *b)
{
    double x = quantity(a), y = quantity(b);
    double half = 0.5 * MAX(precision(a), precision(b));
    return fabs(x - y) <= half + 1e-9 * MAX(fabs(x), fabs(y));
}

/* Values that can both be true: equal within rounding, or one bound
 * ("plus de 300") that the other value satisfies, or two approximations
 * within 5 %. */
static gboolean
consistent(const DsrFigure *a, const DsrFigure *b)
{
    if (equal_within_rounding(a, b))
        return TRUE;
    double x = quantity(a), y = quantity(b);
    for (int turn = 0; turn < 2; turn++) {
        const DsrFigure *bound = turn ? b : a;
        double bv = turn ? y : x, other = turn ? x : y;
        switch (bound->qualifier) {
        case DSR_QUALIFIER_MORE_THAN:
        case DSR_QUALIFIER_AT_LEAST:
            if (other >= bv)
                return TRUE;
            break;
        case DSR_QUALIFIER_LESS_THAN:
        case DSR_QUALIFIER_AT_MOST:
            if (other <= bv)
                return TRUE;
            break;
        case DSR_QUALIFIER_APPROX:
            if (fabs(x - y) <= 0.05 * MAX(fabs(x), fabs(y)))
                return TRUE;
            break;
        case DSR_QUALIFIER_NONE:
            break;
        }
    }
    return FALSE;
}

/* The unit as compared: folded, for the kinds whose unit tells quantities
 * apart (a count of "projets" is not a count of "entreprises"). */
static char *
unit_key(const DsrFigure *f)
{
    return (f->kind == DSR_FIGURE_COUNT || f->kind == DSR_FIGURE_OTHER) && f->unit
               ? dsr_text_fold(f->unit)
               : NULL;
}

/* @x and @y are the unit_key() of two rows' best reports, @kind the first's. */
static gboolean
same_unit(DsrFigureKind kind, const char *x, const char *y)
{
    if (kind != DSR_FIGURE_COUNT && kind != DSR_FIGURE_OTHER)
        return TRUE;
    return g_strcmp0(x, y) == 0;
}

/* Subjects name the same quantity when their content stems mostly agree, or
 * one is contained in the other ("échanges commerciaux" and "échanges
 * commerciaux bilatéraux"). */
static gboolean
same_subject(GHashTable *a, GHashTable *b)
{
    if (!a || !b || !g_hash_table_size(a) || !g_hash_table_size(b))
        return FALSE;
    double j = dsr__jaccard(a, b);
    guint small = MIN(g_hash_table_size(a), g_hash_table_size(b));
    guint inter = (guint)lround(j * (g_hash_table_size(a) + g_hash_table_size(b)) / (1 + j));
    return j >= 0.5 || inter == small;
}

/* What a subject measures, named the same in French and English: two
 * sources writing "échanges commerciaux entre le Vietnam et la Russie" and
 * "two-way trade between Vietnam and Russia" measure one thing, which their
 * stems alone cannot tell. Each word of the subject must be a concept word,
 * a word that does not change the quantity ("bilatéral", "total", "deux
 * pays") or a proper name (the entity is compared apart); any other word
 * ("exportations de fruits") may narrow the quantity, and then the subject
 * has no concept. A sorted, comma-separated list, or NULL. */
static const struct {
    const char *prefix, *concept;
} concept_words[] = {
    {"echange", "trade"},       {"commerc", "trade"},     {"trade", "trade"},
    {"import-export", "trade"}, {"export", "exports"},    {"import", "imports"},
    {"invest", "investment"},   {"ide", "investment"},    {"fdi", "investment"},
    {"capitaux", "investment"}, {"pib", "gdp"},           {"gdp", "gdp"},
    {"numerique", "digital"},   {"digital", "digital"},   {"internet", "digital"},
    {"economi", "economy"},     {"part", "share"},        {"share", "share"},
    {"proportion", "share"},    {"deficit", "deficit"},   {"excedent", "surplus"},
    {"surplus", "surplus"},     {"croissance", "growth"}, {"growth", "growth"},
};
static const char *const neutral_words[] = {
    "bilateral", "bilaterale", "bilateraux",   "bilaterales", "pays",  "deux",    "two",
    "way",       "total",      "totale",       "valeur",      "value", "montant", "amount",
    "volume",    "chiffre",    "affaires",     "turnover",    "entre", "between", "both",
    "countries", "nations",    "marchandises", "goods",       "biens", "annuel",  "annuelle",
    "annual",    "taille",     "scale",        "size",        "the",   "and",     "des",
    "les",       "une",        "avec",         "with",        "vers",  "entre",   "leurs",
    "their",     "mutuels",    "mutual",
};

static gboolean
is_neutral(const char *w)
{
    for (guint i = 0; i < G_N_ELEMENTS(neutral_words); i++)
        if (strcmp(w, neutral_words[i]) == 0)
            return TRUE;
    return FALSE;
}

static char *
subject_concept(const char *subject, const char *lang)
{
    if (!subject)
        return NULL;
    g_autoptr(GPtrArray) found = g_ptr_array_new();
    g_autoptr(GString) word = g_string_new(NULL);
    gboolean narrowing = FALSE;
    const char *p = subject;
    for (;;) {
        gunichar c = *p ? g_utf8_get_char(p) : 0;
        /* A hyphen joins a word ("import-export", "two-way"), an apostrophe
         * ends an elision ("l'économie"). */
        if (c && (g_unichar_isalnum(c) || (c == '-' && word->len))) {
            g_string_append_unichar(word, c);
            p = g_utf8_next_char(p);
            continue;
        }
        if (word->len) {
            gboolean proper = g_unichar_isupper(g_utf8_get_char(word->str));
            g_autofree char *w = dsr_text_fold_ascii(word->str);
            g_autofree char *folded = dsr_text_fold(word->str);
            const char *concept = NULL;
            for (guint i = 0; i < G_N_ELEMENTS(concept_words) && !concept; i++)
                if (g_str_has_prefix(w, concept_words[i].prefix))
            concept = concept_words[i].concept;
            if (concept) {
                if (!g_ptr_array_find_with_equal_func(found, concept, g_str_equal, NULL))
                    g_ptr_array_add(found, (gpointer) concept);
            } else if (!(proper || strlen(w) < 3 || g_ascii_isdigit(w[0]) || is_neutral(w) ||
                         dsr_text_is_stopword(folded, g_strcmp0(lang, "en") == 0 ? "en" : "fr"))) {
                narrowing = TRUE;
            }
            g_string_truncate(word, 0);
        }
        if (!c)
            break;
        p = g_utf8_next_char(p);
    }
    if (narrowing || !found->len)
        return NULL;
    g_ptr_array_sort(found, (GCompareFunc)g_strcmp0);
    g_autoptr(GString) out = g_string_new(NULL);
    for (guint i = 0; i < found->len; i++)
        g_string_append_printf(out, "%s%s", i ? "," : "", *(const char **)&found->pdata[i]);
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static gboolean
has_any(const char *folded, const char *const *words, guint n)
{
    for (guint i = 0; i < n; i++)
        if (strstr(folded, words[i]))
            return TRUE;
    return FALSE;
}

/* A target or a forecast ("porter les échanges à 150 milliards d'ici 2030",
 * "a target of 100 billion USD by 2023"), told by the words around the
 * figure: not a value reached, so never charted beside values reached nor
 * set against one. */
static gboolean
is_target(const DsrFigure *f)
{
    static const char *const words[] = {
        "d'ici",    "objectif",   "vise",    "viser",     "ambition", "ambitionne", "porter",
        "pourrait", "pourraient", "devrait", "devraient", "prevoi",   "prevision",  "atteindrai",
        "target",   "aim",        "goal",    "by 20",     "expected", "forecast",   "projected",
        "estimate", "will ",      "would ",  "could ",    "plan",     "en vue de",  "table sur",
    };
    if (!f->sentence || !f->quote)
        return FALSE;
    const char *at = strstr(f->sentence, f->quote);
    if (!at)
        return FALSE;
    const char *from = at - MIN((gsize)(at - f->sentence), (gsize)70);
    while (from > f->sentence && (*from & 0xC0) == 0x80)
        from--;
    const char *to = at + strlen(f->quote);
    gsize rest = strlen(to);
    const char *end = to + MIN(rest, (gsize)25);
    while (*end && (*end & 0xC0) == 0x80)
        end++;
    g_autofree char *window = g_strndup(from, (gsize)(end - from));
    g_autofree char *folded = dsr_text_fold_ascii(window);
    return has_any(folded, words, G_N_ELEMENTS(words));
}

/* A value for part of a year or summed over years ("au cours des huit
 * premiers mois", "depuis 2020", "fin octobre") is not the year's value. */
static gboolean
is_partial(const DsrFigure *f)
{
    static const char *const words[] = {
        "mois",     "semestre",  "trimestre", "month",    "quarter",  "half",      "fin ",
        "end of",   "depuis",    "since",     "cumul",    "so far",   "jusqu",     "au cours de",
        "janvier",  "fevrier",   "mars ",     "avril",    "mai ",     "juin",      "juillet",
        "aout",     "septembre", "octobre",   "novembre", "decembre", "january",   "february",
        "march",    "april",     "june",      "july",     "august",   "september", "october",
        "november", "december",
    };
    if (!f->sentence)
        return FALSE;
    g_autofree char *folded = dsr_text_fold_ascii(f->sentence);
    return has_any(folded, words, G_N_ELEMENTS(words));
}

/* The same quantity: kind, year, currency, entity and unit, and a subject
 * with the same stems, or (both values reached for a whole year) the same
 * concept in either language. */
static gboolean
same_measure(const Row *r, const DsrFigure *f, GHashTable *subject, const char *concept,
             gboolean actual, const char *unit)
{
    const DsrFigure *g = r->best;
    if (!(g->kind == f->kind && g->year == f->year && g_strcmp0(g->currency, f->currency) == 0 &&
          g_strcmp0(g->entity, f->entity) == 0 && same_unit(g->kind, r->unit, unit)))
        return FALSE;
    if (same_subject(r->subject, subject))
        return TRUE;
    return actual && r->actual && concept && r->concept && strcmp(concept, r->concept) == 0;
}

static gboolean
mergeable(const Row *r, const DsrFigure *f, GHashTable *subject, const char *concept,
          gboolean actual, const char *unit, const char *quote)
{
    const DsrFigure *g = r->best;
    /* "environ 30 milliards" and "30 milliards" are one figure; "plus de 30" is another. */
    DsrQualifier qa = g->qualifier == DSR_QUALIFIER_APPROX ? DSR_QUALIFIER_NONE : g->qualifier;
    DsrQualifier qb = f->qualifier == DSR_QUALIFIER_APPROX ? DSR_QUALIFIER_NONE : f->qualifier;
    gboolean qualifiers = qa == qb;
    if (!qualifiers || !equal_within_rounding(g, f))
        return FALSE;
    if (!r->subject || !subject) {
        /* Without a subject, only the same words in the same kind of figure. */
        if (r->subject || subject)
            return FALSE;
        return g->kind == f->kind && g->year == f->year &&
               g_strcmp0(g->currency, f->currency) == 0 && g_strcmp0(g->entity, f->entity) == 0 &&
               g_strcmp0(r->quote, quote) == 0;
    }
    return same_measure(r, f, subject, concept, actual, unit);
}

static int
about(const DsrRelation *rel, const char *entity)
{
    if (!entity)
        return 1;
    if ((rel->partner && strcmp(entity, rel->partner) == 0) || g_strcmp0(entity, rel->home) == 0)
        return 0;
    return 2;
}

static int
kind_rank(DsrFigureKind k)
{
    return k == DSR_FIGURE_MONEY ? 0 : k == DSR_FIGURE_PERCENT ? 1 : k == DSR_FIGURE_COUNT ? 2 : 3;
}

/* Money and percentages about the relationship first; within a class, the
 * figure more sources report, then the latest, then the order of the sources. */
static int
compare_rows(gconstpointer a, gconstpointer b)
{
    const Row *x = *(Row *const *)a, *y = *(Row *const *)b;
    int cx = kind_rank(x->best->kind) <= 1 ? x->about * 2 + kind_rank(x->best->kind)
                                           : 6 + x->about * 2 + kind_rank(x->best->kind);
    int cy = kind_rank(y->best->kind) <= 1 ? y->about * 2 + kind_rank(y->best->kind)
                                           : 6 + y->about * 2 + kind_rank(y->best->kind);
    if (cx != cy)
        return cx - cy;
    if (x->cites->len != y->cites->len)
        return x->cites->len > y->cites->len ? -1 : 1;
    if (x->best->year != y->best->year)
        return y->best->year - x->best->year; /* the latest year first; undated last */
    return x->order - y->order;
}

/* Rows cited by exactly the same sources are not a disagreement between
 * sources: one article giving two values under one subject is more often
 * two things ("vers l'UE… vers les États-Unis…") than a contradiction. */
static gboolean
other_sources(const Row *x, const Row *y)
{
    if (x->cites->len != y->cites->len)
        return TRUE;
    for (guint i = 0; i < x->cites->len; i++)
        if (g_array_index(x->cites, int, i) != g_array_index(y->cites, int, i))
            return TRUE;
    return FALSE;
}

static void
append_cites(GString *s, const GArray *cites)
{
    g_string_append(s, " [");
    for (guint i = 0; i < cites->len; i++)
        g_string_append_printf(s, "%s%d", i ? ", " : "", g_array_index(cites, int, i));
    g_string_append_c(s, ']');
}

/* is_partial() of a sentence, remembered: an article's sentence often holds
 * several figures, and a fold of the whole sentence costs more than a lookup. */
static gboolean
partial_sentence(GHashTable *partial, const DsrFigure *f)
{
    if (!f->sentence)
        return FALSE;
    gpointer known = g_hash_table_lookup(partial, f->sentence);
    if (known)
        return GPOINTER_TO_INT(known) > 0;
    gboolean p = is_partial(f);
    g_hash_table_insert(partial, (gpointer)f->sentence, GINT_TO_POINTER(p ? 1 : -1));
    return p;
}

static Row *
collect_row(DsrRelation *rel, GPtrArray *rows, GHashTable *buckets, GHashTable *partial,
            const DsrFacts *facts, const DsrFigure *f, int source, int *order)
{
    GHashTable *subject = f->subject ? dsr__stems(rel, f->subject, facts->lang) : NULL;
    if (subject && !g_hash_table_size(subject))
        g_clear_pointer(&subject, g_hash_table_unref);
    int target = f->year ? is_target(f) : -1;
    gboolean actual = f->year && !target && !partial_sentence(partial, f);
    char *concept = subject ? subject_concept(f->subject, facts->lang) : NULL;
    g_autofree char *unit = unit_key(f);
    g_autofree char *quote = subject ? NULL : dsr_text_fold(f->quote);
    /* Only figures of one kind, currency, year and entity can be one: the
     * buckets keep ten thousand articles from comparing every pair. */
    g_autofree char *key = g_strdup_printf("%d|%s|%d|%s", f->kind, f->currency ? f->currency : "",
                                           f->year, f->entity ? f->entity : "");
    GPtrArray *bucket = g_hash_table_lookup(buckets, key);
    if (!bucket) {
        bucket = g_ptr_array_new();
        g_hash_table_insert(buckets, g_steal_pointer(&key), bucket);
    }
    for (guint r = 0; r < bucket->len; r++) {
        Row *row = g_ptr_array_index(bucket, r);
        if (!mergeable(row, f, subject, concept, actual, unit, quote))
            continue;
        dsr_cites_add(row->cites, source);
        Wording w = {f->quote, source};
        g_array_append_val(row->wordings, w);
        if (precision(f) < precision(row->best)) {
            row->best = f;
            row->target = target;
            g_free(row->unit);
            row->unit = g_steal_pointer(&unit);
        }
        if (subject)
            g_hash_table_unref(subject);
        g_free(concept);
        return row;
    }
    Row *row = g_new0(Row, 1);
    row->best = f;
    row->subject = subject;
    row->concept = concept;
    row->actual = actual;
    row->target = target;
    row->unit = g_steal_pointer(&unit);
    row->quote = g_steal_pointer(&quote);
    row->cites = dsr_cites_new(&source, 1);
    row->wordings = g_array_new(FALSE, FALSE, sizeof(Wording));
    Wording w = {f->quote, source};
    g_array_append_val(row->wordings, w);
    row->about = about(rel, f->entity);
    row->order = (*order)++;
    row->bucket = bucket;
    g_ptr_array_add(rows, row);
    g_ptr_array_add(bucket, row);
    return row;
}

static int
compare_pos(gconstpointer a, gconstpointer b)
{
    const Row *x = *(Row *const *)a, *y = *(Row *const *)b;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Puts each group's rows together, where its most important row stands. */
static void
gather_groups(GPtrArray *rows)
{
    g_autoptr(GPtrArray) out = g_ptr_array_new();
    g_autoptr(GHashTable) placed = g_hash_table_new(NULL, NULL);
    for (guint i = 0; i < rows->len; i++) {
        Row *r = g_ptr_array_index(rows, i);
        if (g_hash_table_contains(placed, r))
            continue;
        g_ptr_array_add(out, r);
        g_hash_table_add(placed, r);
        for (guint k = i + 1; r->group && k < rows->len; k++) {
            Row *o = g_ptr_array_index(rows, k);
            if (o->group == r->group && !g_hash_table_contains(placed, o)) {
                g_ptr_array_add(out, o);
                g_hash_table_add(placed, o);
            }
        }
    }
    for (guint i = 0; i < out->len; i++)
        rows->pdata[i] = out->pdata[i];
}

/* ---- charts ---- */

static double
chart_scale(double max, const char **unit_key)
{
    static const struct {
        double scale;
        const char *key;
    } scales[] = {
        {1e12, "unit-trillion"},
        {1e9, "unit-billion"},
        {1e6, "unit-million"},
        {1e4, "unit-thousand"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(scales); i++) {
        if (max >= scales[i].scale) {
            *unit_key = scales[i].key;
            return scales[i].scale == 1e4 ? 1e3 : scales[i].scale;
        }
    }
    *unit_key = NULL;
    return 1;
}

static gboolean
is_approx(DsrQualifier q)
{
    return q != DSR_QUALIFIER_NONE;
}

static char *
point_label(const DsrFigure *f, gboolean with_year)
{
    GString *s = g_string_new(f->subject && *f->subject ? f->subject : f->quote);
    if (g_utf8_strlen(s->str, -1) > 48) {
        const char *cut = g_utf8_offset_to_pointer(s->str, 47);
        g_string_truncate(s, (gsize)(cut - s->str));
        g_string_append(s, "…");
    }
    if (with_year && f->year)
        g_string_append_printf(s, " (%d)", f->year);
    return g_string_free(s, FALSE);
}

static char *
money_unit(const DsrRelation *rel, const char *unit_key, const char *currency)
{
    return g_strdup_printf("%s%s%s", unit_key ? dsr__label(rel, unit_key) : "", unit_key ? " " : "",
                           currency);
}

/* A change ("une hausse de 35 %", "a decline of 11 billion") measures against
 * a base the chart does not show: set beside levels, it misleads. */
static gboolean
is_change(const DsrFigure *f)
{
    static const char *const words[] = {
        "hausse", "augment",  "croissance", "progress", "baisse",   "recul", "diminution", "chute",
        "growth", "increase", "rise",       "decline",  "decrease", "drop",  "grew",       "jump",
    };
    if (f->quote && (f->quote[0] == '+' || g_str_has_prefix(f->quote, "\u2212")))
        return TRUE; /* "+39,3 %" */
    /* The subject names the change ("hausse des échanges"); when it is a
     * pronoun's (null), the words just before the figure do: "soit une
     * hausse de 35 %", "up 10 percent". */
    g_autofree char *s = f->subject ? dsr_text_fold(f->subject) : NULL;
    g_autofree char *before = NULL;
    const char *at = f->sentence && f->quote ? strstr(f->sentence, f->quote) : NULL;
    if (at) {
        const char *from = at - MIN((gsize)(at - f->sentence), 40);
        while (from < at && (*from & 0xC0) == 0x80)
            from++; /* a whole character */
        for (const char *p = from; p < at; p++)
            if (g_ascii_isdigit(*p))
                from = p + 1; /* not the words of the figure before */
        g_autofree char *raw = g_strndup(from, at - from);
        before = dsr_text_fold(raw);
    }
    for (guint i = 0; i < G_N_ELEMENTS(words); i++)
        if ((s && strstr(s, words[i])) || (before && strstr(before, words[i])))
            return TRUE;
    return FALSE;
}

/* Whether @f, the best report of @r or its equivalent, may be charted; the
 * answer for the best report is kept in the row (each chart asks again). */
static gboolean
chartable(Row *r, const DsrFigure *f)
{
    if (f == r->best && r->chart_ok)
        return r->chart_ok > 0;
    /* A range's ends are not two quantities, and a negative or zero amount
     * has no bar length a reader could compare. */
    gboolean ok = f->qualifier != DSR_QUALIFIER_AT_LEAST && f->qualifier != DSR_QUALIFIER_AT_MOST &&
                  quantity(f) > 0 && !is_change(f);
    if (ok && f == r->best) {
        if (r->target < 0)
            r->target = is_target(f);
        ok = !r->target;
    } else if (ok) {
        ok = !is_target(f);
    }
    if (f == r->best)
        r->chart_ok = ok ? 1 : -1;
    return ok;
}

/* A point of a money chart in @currency: the row itself, or the equivalent
 * the source gives in that currency. */
static const DsrFigure *
in_currency(const Row *r, const char *currency, gboolean *converted)
{
    *converted = FALSE;
    if (r->best->kind == DSR_FIGURE_MONEY && g_strcmp0(r->best->currency, currency) == 0)
        return r->best;
    if (r->equivalent && r->equivalent->kind == DSR_FIGURE_MONEY &&
        g_strcmp0(r->equivalent->currency, currency) == 0) {
        *converted = TRUE;
        return r->equivalent;
    }
    return NULL;
}

/* Groups of three digits; a value no double-to-int cast can hold (extract
 * never gives one, a hand-edited fact file might) sorts as the largest. */
static int
magnitude(double q)
{
    if (!isfinite(q) || q >= 1e300)
        return 100;
    return q >= 1 ? (int)floor(log10(q) / 3) : 0;
}

static void
add_points_note(const DsrRelation *rel, GString *note, gboolean approx, gboolean converted)
{
    if (approx)
        g_string_append(note, dsr__label(rel, "chart-approx-points"));
    if (converted) {
        if (note->len)
            g_string_append(note, " · ");
        g_string_append(note, dsr__label(rel, "chart-equivalent-note"));
    }
}

/* A bar chart comparing amounts in one currency, all of one order of
 * magnitude (millions are not drawn beside hundreds of billions), or
 * percentages; at least two distinct quantities. */
static void
bar_chart(DsrRelation *rel, GPtrArray *rows, DsrFigureKind kind, const char *currency)
{
    int counts[8] = {0};
    guint end = MIN(rows->len, (guint)MAX_COMPARED);
    for (guint i = 0; i < end; i++) {
        Row *r = g_ptr_array_index(rows, i);
        gboolean conv;
        const DsrFigure *f = kind == DSR_FIGURE_MONEY ? in_currency(r, currency, &conv)
                             : r->best->kind == kind  ? r->best
                                                      : NULL;
        if (f && !r->charted && chartable(r, f))
            counts[CLAMP(magnitude(quantity(f)), 0, 7)]++;
    }
    int family = 0;
    for (int m = 1; m < 8; m++)
        if (counts[m] >= counts[family])
            family = m;
    if (kind == DSR_FIGURE_PERCENT)
        family = -1;
    else if (counts[family] < 2)
        return;

    g_autoptr(GPtrArray) picked = g_ptr_array_new();
    g_autoptr(GPtrArray) figs = g_ptr_array_new();
    double max = 0;
    gboolean approx = FALSE, converted = FALSE;
    for (guint i = 0; i < end && picked->len < MAX_BARS; i++) {
        Row *r = g_ptr_array_index(rows, i);
        gboolean conv = FALSE;
        const DsrFigure *f = kind == DSR_FIGURE_MONEY ? in_currency(r, currency, &conv)
                             : r->best->kind == kind  ? r->best
                                                      : NULL;
        if (!f || r->charted || !chartable(r, f))
            continue;
        if (family >= 0 && CLAMP(magnitude(quantity(f)), 0, 7) != family)
            continue;
        g_ptr_array_add(picked, r);
        g_ptr_array_add(figs, (gpointer)f);
        max = MAX(max, quantity(f));
        approx |= is_approx(f->qualifier);
        converted |= conv;
    }
    if (picked->len < 2)
        return;
    const char *unit_key = NULL;
    double scale = kind == DSR_FIGURE_PERCENT ? 1 : chart_scale(max, &unit_key);
    g_autofree char *unit =
        kind == DSR_FIGURE_PERCENT ? g_strdup("%") : money_unit(rel, unit_key, currency);
    g_autoptr(GString) title = g_string_new(
        dsr__label(rel, kind == DSR_FIGURE_PERCENT ? "chart-percent-title" : "chart-money-title"));
    g_string_replace(title, "{unit}", unit, 0);
    g_autoptr(GString) note = g_string_new(NULL);
    add_points_note(rel, note, approx, converted);
    dsr_brief_add_chart(rel->brief, DSR_CHART_BAR, title->str, unit, note->len ? note->str : NULL);
    DsrChartSpec *chart =
        &g_array_index(rel->brief->charts, DsrChartSpec, rel->brief->charts->len - 1);
    for (guint k = 0; k < picked->len; k++) {
        Row *r = g_ptr_array_index(picked, k);
        const DsrFigure *f = g_ptr_array_index(figs, k);
        g_autofree char *text = point_label(r->best, TRUE);
        double v = kind == DSR_FIGURE_PERCENT ? f->value : quantity(f) / scale;
        const DsrBriefFigure *row =
            &g_array_index(rel->brief->figures, DsrBriefFigure, r->brief_index);
        dsr_chart_add_point(rel->brief, chart, text, v, is_approx(f->qualifier),
                            dsr_cites_new((const int *)row->cites->data, row->cites->len));
        r->charted = TRUE;
    }
}

static int
compare_year(gconstpointer a, gconstpointer b)
{
    const Row *x = *(Row *const *)a, *y = *(Row *const *)b;
    return x->best->year - y->best->year;
}

/* A line chart when the same quantity (same measure, any year) has values
 * for two or more years, across sources too. One value per year: the most
 * important row of that year (a discrepancy stays visible in the table). */
static void
series_charts(DsrRelation *rel, GPtrArray *rows)
{
    guint end = MIN(rows->len, (guint)MAX_COMPARED);
    for (guint i = 0; i < end; i++) {
        Row *first = g_ptr_array_index(rows, i);
        if (first->charted || !first->best->year || !first->subject ||
            first->best->kind == DSR_FIGURE_OTHER || !chartable(first, first->best))
            continue;
        g_autoptr(GPtrArray) series = g_ptr_array_new();
        g_ptr_array_add(series, first);
        for (guint k = i + 1; k < end; k++) {
            Row *r = g_ptr_array_index(rows, k);
            const DsrFigure *f = r->best, *g = first->best;
            if (r->charted || !f->year || f->kind != g->kind ||
                g_strcmp0(f->currency, g->currency) != 0 || g_strcmp0(f->entity, g->entity) != 0 ||
                !same_unit(f->kind, r->unit, first->unit) ||
                !same_subject(first->subject, r->subject) || !chartable(r, f))
                continue;
            gboolean year_taken = FALSE;
            for (guint s = 0; s < series->len; s++)
                year_taken |= ((Row *)g_ptr_array_index(series, s))->best->year == f->year;
            if (!year_taken)
                g_ptr_array_add(series, r);
        }
        if (series->len < 2)
            continue;
        g_ptr_array_sort(series, compare_year);
        double max = 0;
        gboolean approx = FALSE;
        for (guint s = 0; s < series->len; s++) {
            const DsrFigure *f = ((Row *)g_ptr_array_index(series, s))->best;
            max = MAX(max, quantity(f));
            approx |= is_approx(f->qualifier);
        }
        const DsrFigure *g = first->best;
        const char *unit_key = NULL;
        double scale = 1;
        g_autofree char *unit = NULL;
        if (g->kind == DSR_FIGURE_PERCENT) {
            unit = g_strdup("%");
        } else if (g->kind == DSR_FIGURE_MONEY) {
            scale = chart_scale(max, &unit_key);
            unit = money_unit(rel, unit_key, g->currency ? g->currency : "");
        } else {
            scale = chart_scale(max, &unit_key);
            unit = g_strdup_printf("%s%s%s", unit_key ? dsr__label(rel, unit_key) : "",
                                   unit_key && g->unit ? " " : "", g->unit ? g->unit : "");
        }
        g_autofree char *subject = point_label(g, FALSE);
        g_autoptr(GString) title = g_string_new(dsr__label(rel, "chart-series-title"));
        g_string_replace(title, "{subject}", subject, 0);
        g_string_replace(title, "{unit}", unit, 0);
        g_autoptr(GString) note = g_string_new(NULL);
        add_points_note(rel, note, approx, FALSE);
        dsr_brief_add_chart(rel->brief, DSR_CHART_LINE, title->str, unit,
                            note->len ? note->str : NULL);
        DsrChartSpec *chart =
            &g_array_index(rel->brief->charts, DsrChartSpec, rel->brief->charts->len - 1);
        for (guint s = 0; s < series->len; s++) {
            Row *r = g_ptr_array_index(series, s);
            const DsrFigure *f = r->best;
            g_autofree char *year = g_strdup_printf("%d", f->year);
            double v = f->kind == DSR_FIGURE_PERCENT ? f->value : quantity(f) / scale;
            const DsrBriefFigure *row =
                &g_array_index(rel->brief->figures, DsrBriefFigure, r->brief_index);
            dsr_chart_add_point(rel->brief, chart, year, v, is_approx(f->qualifier),
                                dsr_cites_new((const int *)row->cites->data, row->cites->len));
            r->charted = TRUE;
        }
    }
}

/* Words that tell two quantities apart even when the rest of their subjects
 * agree: exports and imports of the same two countries share every other
 * stem, and must be two series, never one. */
static const char *
folded_subject(Row *r)
{
    if (!r->subject_folded)
        r->subject_folded = dsr_text_fold(r->best->subject);
    return r->subject_folded;
}

static gboolean
opposed_subjects(Row *a, Row *b)
{
    static const char *const words[] = {"export", "import", "deficit", "excedent", "surplus"};
    const char *x = folded_subject(a), *y = folded_subject(b);
    for (guint i = 0; i < G_N_ELEMENTS(words); i++)
        if ((strstr(x, words[i]) != NULL) != (strstr(y, words[i]) != NULL))
            return TRUE;
    return FALSE;
}

/* One quantity over the years: at most one row per year, the most important. */
typedef struct {
    Row *first;
    GPtrArray *rows; /* Row, borrowed */
} Series;

static void
series_free(gpointer p)
{
    Series *s = p;
    g_ptr_array_unref(s->rows);
    g_free(s);
}

static Row *
series_year(const Series *s, int year)
{
    for (guint i = 0; i < s->rows->len; i++)
        if (((Row *)g_ptr_array_index(s->rows, i))->best->year == year)
            return g_ptr_array_index(s->rows, i);
    return NULL;
}

/* Two series one chart may hold: the same kind, currency and unit, so one
 * axis measures both. */
static gboolean
comparable(const Series *a, const Series *b)
{
    const DsrFigure *f = a->first->best, *g = b->first->best;
    return f->kind == g->kind && g_strcmp0(f->currency, g->currency) == 0 &&
           same_unit(f->kind, a->first->unit, b->first->unit);
}

static const char *
entity_name(const DsrRelation *rel, const char *entity)
{
    if (g_strcmp0(entity, rel->home) == 0 && rel->opt->home_name)
        return rel->opt->home_name;
    if (rel->partner && g_strcmp0(entity, rel->partner) == 0 && rel->brief->partner_name)
        return rel->brief->partner_name;
    return entity ? entity : "–";
}

static int
compare_int(gconstpointer a, gconstpointer b)
{
    return *(const int *)a - *(const int *)b;
}

#define MAX_GROUP_SERIES 3
#define MAX_GROUP_YEARS 6

/* Grouped bars when two or more quantities of one unit (exports and
 * imports, or one quantity on each side of the relationship) are given for
 * the same two or more years: the years are the groups, the quantities the
 * series. Never mixes kinds, currencies, units, or values more than a
 * hundredfold apart (the smaller bars would be slivers). */
static void
grouped_charts(DsrRelation *rel, GPtrArray *rows)
{
    const guint end = MIN(rows->len, (guint)MAX_COMPARED);
    g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func(series_free);
    for (guint i = 0; i < end; i++) {
        Row *r = g_ptr_array_index(rows, i);
        const DsrFigure *f = r->best;
        if (r->charted || !f->year || !r->subject || f->kind == DSR_FIGURE_OTHER ||
            !chartable(r, f))
            continue;
        Series *into = NULL;
        for (guint k = 0; k < all->len && !into; k++) {
            Series *s = g_ptr_array_index(all, k);
            const DsrFigure *g = s->first->best;
            if (f->kind == g->kind && g_strcmp0(f->currency, g->currency) == 0 &&
                g_strcmp0(f->entity, g->entity) == 0 &&
                same_unit(f->kind, r->unit, s->first->unit) &&
                same_subject(s->first->subject, r->subject) && !opposed_subjects(r, s->first))
                into = s;
        }
        if (!into) {
            into = g_new0(Series, 1);
            into->first = r;
            into->rows = g_ptr_array_new();
            g_ptr_array_add(all, into);
        }
        if (!series_year(into, f->year))
            g_ptr_array_add(into->rows, r);
    }
    for (guint a = 0; a < all->len; a++) {
        Series *seed = g_ptr_array_index(all, a);
        if (seed->rows->len < 2 || seed->first->charted)
            continue;
        g_autoptr(GPtrArray) chosen = g_ptr_array_new();
        g_ptr_array_add(chosen, seed);
        double lo = G_MAXDOUBLE, hi = 0;
        for (guint i = 0; i < seed->rows->len; i++) {
            const double q = quantity(((Row *)g_ptr_array_index(seed->rows, i))->best);
            lo = MIN(lo, q);
            hi = MAX(hi, q);
        }
        for (guint b = a + 1; b < all->len && chosen->len < MAX_GROUP_SERIES; b++) {
            Series *o = g_ptr_array_index(all, b);
            if (o->first->charted || !comparable(seed, o))
                continue;
            guint shared = 0;
            double olo = lo, ohi = hi;
            for (guint i = 0; i < o->rows->len; i++) {
                const Row *r = g_ptr_array_index(o->rows, i);
                if (!series_year(seed, r->best->year))
                    continue;
                shared++;
                olo = MIN(olo, quantity(r->best));
                ohi = MAX(ohi, quantity(r->best));
            }
            if (shared < 2 || ohi > 100 * olo)
                continue;
            lo = olo;
            hi = ohi;
            g_ptr_array_add(chosen, o);
        }
        if (chosen->len < 2)
            continue;
        /* The years where at least two of the series have a value, latest kept. */
        g_autoptr(GArray) years = g_array_new(FALSE, FALSE, sizeof(int));
        for (guint i = 0; i < seed->rows->len; i++) {
            const int y = ((Row *)g_ptr_array_index(seed->rows, i))->best->year;
            guint with = 0;
            for (guint c = 0; c < chosen->len; c++)
                with += series_year(g_ptr_array_index(chosen, c), y) != NULL;
            if (with >= 2)
                g_array_append_val(years, y);
        }
        g_array_sort(years, compare_int);
        if (years->len > MAX_GROUP_YEARS)
            g_array_remove_range(years, 0, years->len - MAX_GROUP_YEARS);
        if (years->len < 2)
            continue;

        /* Series named by what tells them apart: their sides when they
         * measure one thing, else their subjects. */
        gboolean one_subject = TRUE;
        for (guint c = 1; c < chosen->len; c++) {
            const Series *o = g_ptr_array_index(chosen, c);
            one_subject &= same_subject(seed->first->subject, o->first->subject) &&
                           !opposed_subjects(seed->first, o->first);
        }
        const DsrFigure *g = seed->first->best;
        double max = 0;
        gboolean approx = FALSE;
        for (guint c = 0; c < chosen->len; c++)
            for (guint y = 0; y < years->len; y++) {
                const Row *r =
                    series_year(g_ptr_array_index(chosen, c), g_array_index(years, int, y));
                if (r) {
                    max = MAX(max, quantity(r->best));
                    approx |= is_approx(r->best->qualifier);
                }
            }
        const char *unit_key = NULL;
        double scale = 1;
        g_autofree char *unit = NULL;
        if (g->kind == DSR_FIGURE_PERCENT) {
            unit = g_strdup("%");
        } else if (g->kind == DSR_FIGURE_MONEY) {
            scale = chart_scale(max, &unit_key);
            unit = money_unit(rel, unit_key, g->currency ? g->currency : "");
        } else {
            scale = chart_scale(max, &unit_key);
            unit = g_strdup_printf("%s%s%s", unit_key ? dsr__label(rel, unit_key) : "",
                                   unit_key && g->unit ? " " : "", g->unit ? g->unit : "");
        }
        g_autoptr(GString) title = NULL;
        if (one_subject) {
            g_autofree char *subject = point_label(g, FALSE);
            title = g_string_new(dsr__label(rel, "chart-series-title"));
            g_string_replace(title, "{subject}", subject, 0);
        } else {
            title = g_string_new(dsr__label(rel, "chart-grouped-title"));
        }
        g_string_replace(title, "{unit}", unit, 0);
        g_autoptr(GString) note = g_string_new(NULL);
        add_points_note(rel, note, approx, FALSE);
        dsr_brief_add_chart(rel->brief, DSR_CHART_GROUPED, title->str, unit,
                            note->len ? note->str : NULL);
        DsrChartSpec *chart =
            &g_array_index(rel->brief->charts, DsrChartSpec, rel->brief->charts->len - 1);
        for (guint y = 0; y < years->len; y++) {
            const int year = g_array_index(years, int, y);
            g_autofree char *group = g_strdup_printf("%d", year);
            for (guint c = 0; c < chosen->len; c++) {
                Series *o = g_ptr_array_index(chosen, c);
                Row *r = series_year(o, year);
                if (!r)
                    continue;
                const DsrFigure *f = r->best;
                g_autofree char *name = one_subject ? g_strdup(entity_name(rel, f->entity))
                                                    : point_label(o->first->best, FALSE);
                const double v = f->kind == DSR_FIGURE_PERCENT ? f->value : quantity(f) / scale;
                const DsrBriefFigure *row =
                    &g_array_index(rel->brief->figures, DsrBriefFigure, r->brief_index);
                dsr_chart_add_series_point(
                    rel->brief, chart, group, name, v, is_approx(f->qualifier),
                    dsr_cites_new((const int *)row->cites->data, row->cites->len));
                r->charted = TRUE;
            }
        }
        for (guint c = 0; c < chosen->len; c++)
            ((Series *)g_ptr_array_index(chosen, c))->first->charted = TRUE;
    }
}

void
dsr__summarize_timeline(DsrRelation *rel)
{
    GArray *events = rel->brief->events;
    guint dated = 0;
    for (guint i = 0; i < events->len; i++) {
        DsrDate d;
        const char *date = g_array_index(events, DsrBriefEvent, i).date;
        dated += date && dsr_date_parse_iso(date, &d);
    }
    if (dated < 3)
        return;
    gboolean approx = FALSE;
    DsrChartSpec *chart = dsr_brief_add_chart(rel->brief, DSR_CHART_TIMELINE,
                                              dsr__label(rel, "chart-timeline-title"), "", NULL);
    for (guint i = 0; i < events->len; i++) {
        const DsrBriefEvent *e = &g_array_index(events, DsrBriefEvent, i);
        DsrDate d;
        if (!e->date || !dsr_date_parse_iso(e->date, &d))
            continue;
        GDate g;
        g_date_clear(&g, 1);
        g_date_set_dmy(&g, (GDateDay)(d.day ? d.day : 1), (GDateMonth)(d.month ? d.month : 1),
                       (GDateYear)d.year);
        double days = (double)g_date_get_julian(&g) - 719163.0; /* days since 1970-01-01 */
        const char *text = e->summary ? e->summary : e->place;
        /* A month or a year only is placed at its first day: say so. */
        approx |= d.day == 0;
        dsr_chart_add_point(rel->brief, chart, text ? text : e->date, days, d.day == 0,
                            dsr_cites_new((const int *)e->cites->data, e->cites->len));
    }
    if (approx) {
        chart = &g_array_index(rel->brief->charts, DsrChartSpec, rel->brief->charts->len - 1);
        chart->note = dsr_brief_intern(rel->brief, dsr__label(rel, "chart-approx-points"));
    }
}

/* The rows the brief shows: the most important first, up to the options'
 * max_figures, a disagreement group whole or not at all (its rows stand
 * together in @rows), so a discrepancy is never shown half. Charts are then
 * drawn from these rows only, so every charted value is in the table. The
 * count left out goes to the brief; @rows is freed, the result owns the
 * rows it keeps. */
static GPtrArray *
keep_most_important(DsrRelation *rel, GPtrArray *rows)
{
    const guint max = rel->opt->max_figures ? rel->opt->max_figures : DSR_DEFAULT_MAX_FIGURES;
    if (rows->len <= max)
        return rows;
    GPtrArray *kept = g_ptr_array_new_with_free_func((GDestroyNotify)row_free);
    for (guint i = 0; i < rows->len;) {
        Row *r = g_ptr_array_index(rows, i);
        guint n = 1;
        while (r->group && i + n < rows->len &&
               ((Row *)g_ptr_array_index(rows, i + n))->group == r->group)
            n++;
        const gboolean fits = kept->len + n <= max;
        for (guint k = i; k < i + n; k++) {
            Row *o = g_ptr_array_index(rows, k);
            if (fits)
                g_ptr_array_add(kept, o);
            else
                row_free(o);
        }
        i += n;
    }
    rel->brief->omitted.figures = rows->len - kept->len;
    /* The rows now belong to @kept (or were freed). */
    g_ptr_array_set_free_func(rows, NULL);
    g_ptr_array_unref(rows);
    return kept;
}

void
dsr__summarize_figures(DsrRelation *rel)
{
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)row_free);
    g_autoptr(GHashTable) buckets =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
    g_autoptr(GHashTable) partial = g_hash_table_new(g_str_hash, g_str_equal);
    int order = 0;
    for (guint i = 0; i < rel->selected->len; i++) {
        const DsrSelected *s = &g_array_index(rel->selected, DsrSelected, i);
        const GPtrArray *figs = s->facts->figures;
        g_autofree Row **row_of = g_new0(Row *, figs->len + 1);
        for (guint k = 0; k < figs->len; k++) {
            const DsrFigure *f = g_ptr_array_index(figs, k);
            if (f->equivalent_of < 0 || f->equivalent_of >= (int)figs->len ||
                f->equivalent_of == (int)k)
                row_of[k] =
                    collect_row(rel, rows, buckets, partial, s->facts, f, s->source, &order);
        }
        /* An equivalent joins the row of the figure it restates. */
        for (guint k = 0; k < figs->len; k++) {
            const DsrFigure *f = g_ptr_array_index(figs, k);
            if (row_of[k])
                continue;
            Row *main = row_of[f->equivalent_of];
            if (main && !main->equivalent)
                main->equivalent = f;
        }
    }
    g_ptr_array_sort(rows, compare_rows);

    for (guint a = 0; a < rows->len; a++)
        ((Row *)g_ptr_array_index(rows, a))->pos = a;
    GHashTableIter it;
    gpointer bucket;
    g_hash_table_iter_init(&it, buckets);
    while (g_hash_table_iter_next(&it, NULL, &bucket)) {
        g_ptr_array_sort(bucket, compare_pos);
        for (guint b = 0; b < ((GPtrArray *)bucket)->len; b++)
            ((Row *)g_ptr_array_index((GPtrArray *)bucket, b))->bucket_index = b;
    }
    int groups = 0;
    for (guint a = 0; a < rows->len; a++) {
        Row *x = g_ptr_array_index(rows, a);
        if (!x->subject || !x->best->year)
            continue; /* without a year, two values may well be two dates */
        /* Disagreements are looked for among the most important rows of a
         * bucket: a relationship of thousands of articles would otherwise
         * compare every pair of its figures. */
        guint end = MIN(x->bucket->len, (guint)MAX_COMPARED);
        for (guint b = x->bucket_index + 1; b < end; b++) {
            Row *y = g_ptr_array_index(x->bucket, b);
            if ((y->group && y->group == x->group) ||
                !same_measure(x, y->best, y->subject, y->concept, y->actual, y->unit) ||
                consistent(x->best, y->best) || !other_sources(x, y))
                continue;
            if (!x->group && !y->group)
                x->group = ++groups;
            if (!x->group)
                x->group = y->group;
            y->group = x->group;
        }
    }
    gather_groups(rows);
    rows = keep_most_important(rel, rows);

    /* Each group's text: its values with their sources, in table order. */
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    g_autofree guint *shown = g_new0(guint, groups + 1);
    {
        g_autoptr(GPtrArray) build = g_ptr_array_new();
        for (int g = 0; g <= groups; g++)
            g_ptr_array_add(build, g_string_new(NULL));
        for (guint r = 0; r < rows->len; r++) {
            Row *o = g_ptr_array_index(rows, r);
            if (!o->group)
                continue;
            GString *note = g_ptr_array_index(build, o->group);
            if (shown[o->group]++ == MAX_SHOWN_VALUES) {
                g_string_append(note, " · …");
                continue;
            }
            if (shown[o->group] > MAX_SHOWN_VALUES)
                continue;
            if (note->len)
                g_string_append(note, " · ");
            g_string_append(note, o->best->quote);
            append_cites(note, o->cites);
        }
        for (int g = 0; g <= groups; g++)
            g_ptr_array_add(notes, g_string_free(g_ptr_array_index(build, g), FALSE));
    }
    for (guint r = 0; r < rows->len; r++) {
        Row *row = g_ptr_array_index(rows, r);
        const DsrFigure *f = row->best;
        const char *note = row->group ? g_ptr_array_index(notes, row->group) : NULL;
        DsrBriefFigure out = {0};
        out.quote = f->quote;
        out.value = f->value;
        out.scale = f->scale;
        out.kind = f->kind;
        out.currency = f->currency;
        out.unit = f->unit;
        out.qualifier = f->qualifier;
        out.year = f->year;
        out.subject = f->subject;
        out.entity = f->entity;
        out.sentence = f->sentence;
        out.cites = g_steal_pointer(&row->cites);
        out.discrepancy = note;
        out.group = row->group;
        if (row->equivalent) {
            const DsrFigure *e = row->equivalent;
            out.equivalent = (DsrFigureEquivalent){e->quote,    e->value, e->scale,    e->kind,
                                                   e->currency, e->unit,  e->qualifier};
        }
        DsrBriefFigure *added = dsr_brief_add_figure(rel->brief, &out);
        for (guint k = 0; k < row->wordings->len; k++) {
            const Wording *w = &g_array_index(row->wordings, Wording, k);
            dsr_brief_figure_add_variant(rel->brief, added, w->quote, w->source);
        }
        row->cites = g_array_ref(added->cites);
        row->brief_index = r;
    }

    /* Charts: quantities compared over the same years first (grouped bars),
     * then series (a quantity over the years reads best as a line), then a comparison per currency
     * (the most important first), then percentages. */
    grouped_charts(rel, rows);
    series_charts(rel, rows);
    g_autoptr(GPtrArray) currencies = g_ptr_array_new();
    for (guint i = 0; i < rows->len; i++) {
        const DsrFigure *f = ((Row *)g_ptr_array_index(rows, i))->best;
        if (f->kind == DSR_FIGURE_MONEY && f->currency &&
            !g_ptr_array_find_with_equal_func(currencies, f->currency, g_str_equal, NULL))
            g_ptr_array_add(currencies, (gpointer)f->currency);
    }
    for (guint i = 0; i < currencies->len; i++)
        bar_chart(rel, rows, DSR_FIGURE_MONEY, g_ptr_array_index(currencies, i));
    bar_chart(rel, rows, DSR_FIGURE_PERCENT, NULL);
}
