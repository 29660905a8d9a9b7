/* SPDX-License-Identifier: MIT
 * Groups articles into relationships (home × partner, plus the national
 * context for articles with no partner) and builds each relationship's Brief:
 * header, numbered sources in a stable order (date, then title), then the
 * sections computed by key-points.c, merge-figures.c and relation.c. */
#include "summarize-private.h"
#include <dossier/error.h>
#include <dossier/text.h>
#include <string.h>

typedef struct {
    char *code;
    guint articles;
} PartnerCount;

static int
compare_partner_count(gconstpointer a, gconstpointer b)
{
    const PartnerCount *x = *(PartnerCount *const *)a, *y = *(PartnerCount *const *)b;
    if (x->articles != y->articles)
        return x->articles > y->articles ? -1 : 1;
    /* The national context ("") sorts after the partners with as many articles. */
    if (!*x->code != !*y->code)
        return *x->code ? -1 : 1;
    return strcmp(x->code, y->code);
}

static void
partner_count_free(PartnerCount *p)
{
    g_free(p->code);
    g_free(p);
}

GPtrArray *
dsr_summarize_partners(GPtrArray *facts)
{
    g_autoptr(GHashTable) counts = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func((GDestroyNotify)partner_count_free);
    for (guint i = 0; i < facts->len; i++) {
        const DsrFacts *f = g_ptr_array_index(facts, i);
        guint n = f->partners->len ? f->partners->len : 1;
        for (guint k = 0; k < n; k++) {
            const char *code = f->partners->len ? g_ptr_array_index(f->partners, k) : "";
            PartnerCount *pc = g_hash_table_lookup(counts, code);
            if (!pc) {
                pc = g_new0(PartnerCount, 1);
                pc->code = g_strdup(code);
                g_hash_table_insert(counts, pc->code, pc);
                g_ptr_array_add(list, pc);
            }
            pc->articles++;
        }
    }
    g_ptr_array_sort(list, compare_partner_count);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < list->len; i++)
        g_ptr_array_add(out, g_strdup(((PartnerCount *)g_ptr_array_index(list, i))->code));
    return out;
}

/* An article date is inside [since, until] when its known part fits: an
 * article dated "2024" is kept by --since 2024-06-01, as it may be later. */
static gboolean
date_in_period(const char *date, const char *since, const char *until)
{
    DsrDate d, lo, hi;
    if (!since && !until)
        return TRUE;
    if (!date || !dsr_date_parse_iso(date, &d))
        return FALSE; /* an undated article cannot be placed in a period */
    if (since && dsr_date_parse_iso(since, &lo)) {
        DsrDate end = d;
        if (!end.month)
            end.month = 12, end.day = 31;
        else if (!end.day)
            end.day = 31;
        if (dsr_date_compare(&end, &lo) < 0)
            return FALSE;
    }
    if (until && dsr_date_parse_iso(until, &hi)) {
        DsrDate top = hi;
        if (!top.month)
            top.month = 12;
        if (!top.day)
            top.day = 31;
        if (dsr_date_compare(&d, &top) > 0)
            return FALSE;
    }
    return TRUE;
}

gboolean
dsr_summarize_selects(const DsrFacts *f, const char *partner, const DsrSummarizeOptions *opt)
{
    gboolean in;
    if (!partner || !*partner) {
        in = f->partners->len == 0;
    } else {
        in = FALSE;
        for (guint i = 0; i < f->partners->len && !in; i++)
            in = strcmp(g_ptr_array_index(f->partners, i), partner) == 0;
    }
    return in && date_in_period(f->date, opt->since, opt->until);
}

static int
compare_sources(gconstpointer a, gconstpointer b)
{
    const DsrFacts *x = ((const DsrSelected *)a)->facts, *y = ((const DsrSelected *)b)->facts;
    DsrDate dx = {0, 0, 0}, dy = {0, 0, 0};
    if (x->date)
        dsr_date_parse_iso(x->date, &dx);
    if (y->date)
        dsr_date_parse_iso(y->date, &dy);
    int c = dsr_date_compare(&dx, &dy);
    if (c)
        return c;
    if ((c = g_strcmp0(x->title, y->title)))
        return c;
    return g_strcmp0(x->file, y->file);
}

/* Most recent first, for --max-articles: by date (an undated article is the
 * oldest, as it cannot be placed), then the reverse of the sources' order, so
 * the cut never depends on the input order. */
static int
compare_recent_facts(gconstpointer a, gconstpointer b)
{
    DsrSelected x = {*(const DsrFacts *const *)a, 0}, y = {*(const DsrFacts *const *)b, 0};
    return compare_sources(&y, &x);
}

GPtrArray *
dsr_summarize_select(GPtrArray *facts, const char *partner, const DsrSummarizeOptions *opt,
                     guint *omitted)
{
    if (partner && !*partner)
        partner = NULL;
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < facts->len; i++) {
        DsrFacts *f = g_ptr_array_index(facts, i);
        if (dsr_summarize_selects(f, partner, opt))
            g_ptr_array_add(out, f);
    }
    guint max = opt->max_articles ? opt->max_articles : DSR_DEFAULT_MAX_ARTICLES;
    guint cut = 0;
    if (out->len > max) {
        g_ptr_array_sort(out, compare_recent_facts);
        cut = out->len - max;
        g_ptr_array_set_size(out, max);
    }
    if (omitted)
        *omitted = cut;
    return out;
}

/* The thread's two stemmers, kept from one relationship to the next so that
 * their caches of stems stay warm (a brief stems every candidate sentence of
 * its articles); freed when the thread ends. */
static void
stemmers_free(gpointer p)
{
    DsrStemmer **pair = p;
    dsr_stemmer_free(pair[0]);
    dsr_stemmer_free(pair[1]);
    g_free(pair);
}

static GPrivate thread_stemmers = G_PRIVATE_INIT(stemmers_free);

static DsrStemmer *
thread_stemmer(int english)
{
    DsrStemmer **pair = g_private_get(&thread_stemmers);
    if (!pair) {
        pair = g_new0(DsrStemmer *, 2);
        pair[0] = dsr_stemmer_new("fr");
        pair[1] = dsr_stemmer_new("en");
        g_private_set(&thread_stemmers, pair);
    }
    return pair[english];
}

void
dsr_summarize_thread_cleanup(void)
{
    g_private_replace(&thread_stemmers, NULL);
}

GHashTable *
dsr__stems(DsrRelation *rel, const char *text, const char *lang)
{
    /* The stems are the stemmer's own: it is trimmed only between
     * relationships (dsr_summarize_relation), when no set is left. */
    GHashTable *set = g_hash_table_new(g_str_hash, g_str_equal);
    if (!text)
        return set;
    gboolean en = g_strcmp0(lang, "en") == 0;
    DsrStemmer *stemmer = en ? rel->stem_en : rel->stem_fr;
    /* The words read in place: only those kept are copied. */
    g_autofree char *folded = dsr_text_fold(text);
    const char *p = folded, *start;
    gsize len;
    char buf[64];
    while ((start = dsr_text_next_word(&p, &len))) {
        if (g_ascii_isdigit(start[0]) || g_utf8_strlen(start, (gssize)len) < 3)
            continue;
        g_autofree char *heap = NULL;
        const char *w = dsr_text_span(start, len, buf, sizeof buf, &heap);
        if (dsr_text_is_stopword(w, en ? "en" : "fr"))
            continue;
        g_hash_table_add(set, (gpointer)dsr_stemmer_stem_borrowed(stemmer, w));
    }
    return set;
}

GHashTable *
dsr__sentence_stems(DsrRelation *rel, const DsrSentence *sentence, const char *lang)
{
    GHashTable *stems = g_hash_table_lookup(rel->sentence_stems, sentence);
    if (!stems) {
        stems = dsr__stems(rel, sentence->text, lang);
        g_hash_table_insert(rel->sentence_stems, (gpointer)sentence, stems);
    }
    return stems;
}

gboolean
dsr__quotable(const DsrRelation *rel, const DsrSentence *sentence)
{
    return rel->opt->prepared || dsr__key_point_candidate(sentence->text);
}

void
dsr_summarize_prepare(DsrFacts *facts)
{
    g_return_if_fail(facts != NULL);
    guint kept = 0;
    GPtrArray *sentences = facts->sentences;
    for (guint i = 0; i < sentences->len; i++) {
        DsrSentence *s = g_ptr_array_index(sentences, i);
        if (dsr__key_point_candidate(s->text)) {
            sentences->pdata[kept++] = s;
        } else {
            dsr_sentence_free(s);
        }
    }
    /* The dropped ones are freed above: shrink without the free function. */
    g_ptr_array_set_free_func(sentences, NULL);
    g_ptr_array_set_size(sentences, kept);
    g_ptr_array_set_free_func(sentences, (GDestroyNotify)dsr_sentence_free);
}

double
dsr__jaccard(GHashTable *a, GHashTable *b)
{
    GHashTable *small = g_hash_table_size(a) < g_hash_table_size(b) ? a : b;
    GHashTable *big = small == a ? b : a;
    guint inter = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, small);
    while (g_hash_table_iter_next(&it, &key, NULL))
        inter += g_hash_table_contains(big, key);
    guint uni = g_hash_table_size(a) + g_hash_table_size(b) - inter;
    return uni ? (double)inter / uni : 0;
}

const char *
dsr__label(const DsrRelation *rel, const char *key)
{
    return rel->opt->label ? rel->opt->label(key, rel->opt->label_data) : key;
}

static char *
fill_title(const char *format, const char *home, const char *partner)
{
    g_autoptr(GString) s = g_string_new(format);
    g_string_replace(s, "{home}", home ? home : "", 0);
    g_string_replace(s, "{partner}", partner ? partner : "", 0);
    return g_string_free(g_steal_pointer(&s), FALSE);
}

DsrBrief *
dsr_summarize_relation(GPtrArray *facts, const char *home, const char *partner,
                       const char *partner_name, const DsrSummarizeOptions *opt, GError **error)
{
    if (partner && !*partner)
        partner = NULL;
    guint omitted = 0;
    g_autoptr(GPtrArray) chosen = dsr_summarize_select(facts, partner, opt, &omitted);
    g_autoptr(GArray) selected = g_array_sized_new(FALSE, FALSE, sizeof(DsrSelected), chosen->len);
    for (guint i = 0; i < chosen->len; i++) {
        DsrSelected s = {g_ptr_array_index(chosen, i), 0};
        g_array_append_val(selected, s);
    }
    if (selected->len == 0) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "no article for %s in the period",
                    partner ? partner : "the national context");
        return NULL;
    }
    g_array_sort(selected, compare_sources);

    g_autoptr(DsrBrief) brief = dsr_brief_new(home, partner, opt->lang);
    brief->omitted.articles = omitted;
    brief->partner_name = dsr_brief_intern(brief, partner ? partner_name : NULL);
    brief->generated = dsr_brief_intern(brief, opt->generated);
    g_autofree char *title = partner ? fill_title(opt->title_format, opt->home_name,
                                                  partner_name ? partner_name : partner)
                                     : fill_title(opt->title_format_national, opt->home_name, NULL);
    brief->title = dsr_brief_intern(brief, title);

    DsrDate lo = {0, 0, 0}, hi = {0, 0, 0};
    for (guint i = 0; i < selected->len; i++) {
        DsrSelected *s = &g_array_index(selected, DsrSelected, i);
        const DsrFacts *f = s->facts;
        s->source = dsr_brief_add_source(brief, f->title, f->outlet, f->date, f->url, f->file);
        DsrDate d;
        if (f->date && dsr_date_parse_iso(f->date, &d)) {
            if (!lo.year || dsr_date_compare(&d, &lo) < 0)
                lo = d;
            if (!hi.year || dsr_date_compare(&d, &hi) > 0)
                hi = d;
        }
    }
    g_autofree char *from = dsr_date_to_iso(&lo);
    g_autofree char *to = dsr_date_to_iso(&hi);
    brief->period_from = dsr_brief_intern(brief, from);
    brief->period_to = dsr_brief_intern(brief, to);

    DsrStemmer *stem_fr = thread_stemmer(0), *stem_en = thread_stemmer(1);
    /* The last relationship's stem sets are gone: the caches may start again. */
    dsr_stemmer_trim(stem_fr);
    dsr_stemmer_trim(stem_en);
    g_autoptr(GHashTable) sentence_stems =
        g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify)g_hash_table_unref);
    DsrRelation rel = {brief, selected, home, partner, opt, stem_fr, stem_en, sentence_stems};
    dsr__summarize_key_points(&rel);
    dsr__summarize_figures(&rel);
    dsr__summarize_context(&rel);
    dsr__summarize_timeline(&rel);
    return g_steal_pointer(&brief);
}
