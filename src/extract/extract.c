/* SPDX-License-Identifier: MIT
 * The extractor (rules loaded from data/) and the driver that turns one
 * article into its DsrFacts: the article is cut into units (title, body
 * sentences) with their gazetteer mentions once, and every rule reads them. */
#include "extract-private.h"

#include <math.h>
#include <string.h>
#include <dossier/error.h>
#include <dossier/text.h>

DsrFacts *
dsr_facts_new(void)
{
    DsrFacts *f = g_new0(DsrFacts, 1);
    f->partners = g_ptr_array_new_with_free_func(g_free);
    f->figures = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_figure_free);
    f->events = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_event_free);
    f->actors = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_actor_free);
    f->themes = g_ptr_array_new_with_free_func(g_free);
    f->sentences = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_sentence_free);
    return f;
}

void
dsr_facts_free(DsrFacts *f)
{
    if (!f)
        return;
    g_free(f->id);
    g_free(f->file);
    g_free(f->url);
    g_free(f->outlet);
    g_free(f->title);
    g_free(f->date);
    g_free(f->lang);
    g_free(f->place);
    g_free(f->primary_partner);
    g_ptr_array_unref(f->partners);
    g_ptr_array_unref(f->figures);
    g_ptr_array_unref(f->events);
    g_ptr_array_unref(f->actors);
    g_ptr_array_unref(f->themes);
    g_ptr_array_unref(f->sentences);
    g_free(f);
}

void
dsr_figure_free(DsrFigure *f)
{
    if (!f)
        return;
    g_free(f->quote);
    g_free(f->currency);
    g_free(f->unit);
    g_free(f->subject);
    g_free(f->entity);
    g_free(f->sentence);
    g_free(f);
}

void
dsr_event_free(DsrEvent *e)
{
    if (!e)
        return;
    g_free(e->date);
    g_free(e->place);
    g_free(e->summary);
    g_free(e->sentence);
    g_free(e);
}

void
dsr_actor_free(DsrActor *a)
{
    if (!a)
        return;
    g_free(a->name);
    g_free(a->role);
    g_free(a->entity);
    g_free(a);
}

void
dsr_sentence_free(DsrSentence *s)
{
    if (!s)
        return;
    g_free(s->text);
    g_free(s);
}

DsrExtractor *
dsr_extractor_new(const char *data_dir, const char *home, GError **error)
{
    g_return_val_if_fail(data_dir != NULL, NULL);
    g_autofree char *gpath = g_build_filename(data_dir, "data", "gazetteer.json", NULL);
    g_autofree char *tpath = g_build_filename(data_dir, "data", "themes.json", NULL);
    DsrGazetteer *gz = dsr__gazetteer_load(gpath, error);
    if (!gz)
        return NULL;
    DsrThemes *th = dsr__themes_load(tpath, error);
    if (!th) {
        dsr__gazetteer_free(gz);
        return NULL;
    }
    DsrExtractor *ex = g_new0(DsrExtractor, 1);
    ex->home = g_ascii_strup(home && *home ? home : "VN", -1);
    ex->gazetteer = gz;
    ex->themes = th;
    ex->home_entity = dsr__gazetteer_lookup(gz, ex->home);
    ex->event_rules = dsr__event_rules_new();
    ex->actor_rules = dsr__actor_rules_new();
    return ex;
}

void
dsr_extractor_free(DsrExtractor *ex)
{
    if (!ex)
        return;
    dsr__gazetteer_free(ex->gazetteer);
    dsr__themes_free(ex->themes);
    dsr__event_rules_free(ex->event_rules);
    dsr__actor_rules_free(ex->actor_rules);
    g_free(ex->home);
    g_free(ex);
}

const char *
dsr_extractor_home(const DsrExtractor *ex)
{
    g_return_val_if_fail(ex != NULL, NULL);
    return ex->home;
}

const char *
dsr_extractor_partner_name(const DsrExtractor *ex, const char *code, const char *lang)
{
    g_return_val_if_fail(ex != NULL, NULL);
    const char *name =
        dsr__gazetteer_name(ex->gazetteer, dsr__gazetteer_lookup(ex->gazetteer, code), lang);
    return name ? name : code;
}

const char *
dsr_extractor_theme_name(const DsrExtractor *ex, const char *name, const char *lang)
{
    g_return_val_if_fail(ex != NULL && name != NULL, NULL);
    return dsr__themes_name(ex->themes, name, lang);
}

static void
unit_free(DsrUnit *u)
{
    g_array_unref(u->mentions);
    dsr__tokens_clear(&u->tokens);
    g_free(u->folded);
    g_free(u);
}

static DsrUnit *
unit_new(const DsrExtractor *ex, const char *text, int paragraph, int index)
{
    DsrUnit *u = g_new0(DsrUnit, 1);
    u->text = text;
    u->paragraph = paragraph;
    u->index = index;
    u->folded = dsr_text_fold_ascii(text);
    dsr__tokens_init(&u->tokens, text);
    u->mentions = dsr__gazetteer_find_tokens(ex->gazetteer, text, &u->tokens);
    dsr__mentions_drop_languages(text, u->mentions);
    return u;
}

static void
set_entities(const DsrExtractor *ex, const DsrUnit *u, GPtrArray *figs, const char *primary)
{
    for (guint i = 0; i < figs->len; i++) {
        DsrFigure *f = g_ptr_array_index(figs, i);
        g_free(f->entity);
        f->entity = g_strdup(dsr__figure_entity(ex, u, f, primary));
    }
}

GPtrArray *
dsr_extract_figures(const DsrExtractor *ex, const char *sentence, const char *lang)
{
    g_return_val_if_fail(ex != NULL && sentence != NULL, NULL);
    GPtrArray *figs = dsr__figures_parse(sentence, lang && strcmp(lang, "en") == 0 ? "en" : "fr");
    DsrUnit *u = unit_new(ex, sentence, 0, 0);
    set_entities(ex, u, figs, NULL);
    unit_free(u);
    return figs;
}

static gboolean
same_figure(const DsrFigure *a, const DsrFigure *b)
{
    return a->kind == b->kind && a->value == b->value && a->scale == b->scale &&
           g_strcmp0(a->currency, b->currency) == 0 && a->qualifier == b->qualifier;
}

/* The same side, or one figure whose side the sentence does not say. */
static gboolean
same_entity(const DsrFigure *a, const DsrFigure *b)
{
    return !a->entity || !b->entity || strcmp(a->entity, b->entity) == 0;
}

/* The content words (folded, four letters or more) two subjects share. */
static gboolean
subjects_overlap(const char *a, const char *b, const char *lang)
{
    if (!a || !b)
        return FALSE;
    g_autofree char *fa = dsr_text_fold_ascii(a);
    g_autofree char *fb = dsr_text_fold_ascii(b);
    g_auto(GStrv) wa = g_regex_split_simple("[^a-z0-9]+", fa, 0, 0);
    g_auto(GStrv) wb = g_regex_split_simple("[^a-z0-9]+", fb, 0, 0);
    for (guint i = 0; wa[i]; i++) {
        if (strlen(wa[i]) < 4 || dsr_text_is_stopword(wa[i], lang))
            continue;
        for (guint k = 0; wb[k]; k++)
            if (strcmp(wa[i], wb[k]) == 0)
                return TRUE;
    }
    return FALSE;
}

/* A lead that states a figure the body gives again ("En 2022, les échanges ont
 * progressé de 29 %" over "… soit une hausse de 29 % par rapport à 2021") is
 * one fact: the body's restatement is @f, the lead's @lead. The same amount
 * of money or of many things in the same year is the same; a percentage or a
 * small count also needs a word of its subject in common. */
static gboolean
restates_lead(const DsrFigure *f, const DsrFigure *lead, const char *lang)
{
    if (!same_figure(f, lead) || f->year != lead->year || !same_entity(f, lead))
        return FALSE;
    if (f->equivalent_of >= 0 || lead->equivalent_of >= 0 ||
        f->qualifier == DSR_QUALIFIER_AT_LEAST || f->qualifier == DSR_QUALIFIER_AT_MOST)
        return FALSE;
    gboolean telling = (f->kind == DSR_FIGURE_MONEY && f->value * f->scale >= 1e6) ||
                       (f->kind == DSR_FIGURE_COUNT && f->value * f->scale >= 100);
    if (telling && f->year)
        return TRUE;
    return subjects_overlap(f->subject, lead->subject, lang);
}

/* Significant digits of @v as written: 123 -> 3, 10670 -> 4, 4.5 -> 2. */
static int
significant_digits(double v)
{
    char buf[64];
    g_snprintf(buf, sizeof buf, "%.15g", fabs(v));
    int n = 0, zeros = 0;
    gboolean started = FALSE;
    for (const char *c = buf; *c && *c != 'e'; c++) {
        if (!g_ascii_isdigit(*c))
            continue;
        if (*c == '0' && !started)
            continue;
        started = TRUE;
        if (*c == '0') {
            zeros++;
        } else {
            n += zeros + 1;
            zeros = 0;
        }
    }
    return n;
}

/* A headline rounding a sum of the body: "for nearly VND11,000 billion" over
 * "about VND10,670 billion". Within 5 %, in the same currency and scale,
 * with fewer significant digits and said to be approximate. */
static gboolean
rounds(const DsrFigure *title, const DsrFigure *body)
{
    return title->kind == DSR_FIGURE_MONEY && body->kind == DSR_FIGURE_MONEY &&
           title->scale == body->scale && g_strcmp0(title->currency, body->currency) == 0 &&
           title->qualifier == DSR_QUALIFIER_APPROX && body->value > 0 &&
           fabs(title->value - body->value) <= 0.05 * body->value &&
           significant_digits(title->value) < significant_digits(body->value);
}

/* A headline leaving out the body's bound: "to send 10,000 guest workers"
 * over "up to 10,000 Vietnamese guest workers are expected". */
static gboolean
drops_bound(const DsrFigure *title, const DsrFigure *body)
{
    return title->qualifier == DSR_QUALIFIER_NONE && title->kind == body->kind &&
           title->value == body->value && title->scale == body->scale &&
           g_strcmp0(title->currency, body->currency) == 0;
}

/* The same sum of money quoted again further down the body ("from US$450
 * million in 1995 to more than US$123 billion last year" after "… to more
 * than US$123 billion in 2022"): with three significant digits or more, the
 * same amount, currency and bound in one article is one fact. */
static gboolean
repeats_amount(const DsrFigure *f, const DsrFigure *g)
{
    return f->kind == DSR_FIGURE_MONEY && same_figure(f, g) && same_entity(f, g) &&
           (f->year == g->year || !f->year || !g->year) && f->equivalent_of < 0 &&
           g->equivalent_of < 0 && f->qualifier != DSR_QUALIFIER_AT_LEAST &&
           f->qualifier != DSR_QUALIFIER_AT_MOST && significant_digits(f->value) >= 3;
}

/* What an amount with a scale and no currency measures when it is money
 * the article already named: "un excédent de 1,4 milliard", "exports of 3.2
 * billion". Folded stems of the subject. */
static gboolean
money_subject(const char *subject)
{
    static const char *const stems[] = {"excedent",
                                        "deficit",
                                        "echanges",
                                        "exportation",
                                        "importation",
                                        "investissement",
                                        "chiffre d'affaires",
                                        "commerce",
                                        "recettes",
                                        "surplus",
                                        "trade",
                                        "export",
                                        "import",
                                        "investment",
                                        "revenue",
                                        "turnover",
                                        NULL};
    if (!subject)
        return FALSE;
    g_autofree char *f = dsr_text_fold_ascii(subject);
    for (guint i = 0; stems[i]; i++)
        if (strstr(f, stems[i]))
            return TRUE;
    return FALSE;
}

/* The article's one currency so far: each money figure is fed to it; NULL
 * once two currencies were seen. */
typedef struct {
    const DsrFigure *last; /* the last money figure, for its currency and unit */
    gboolean mixed;
} ArticleMoney;

static void
article_money_feed(ArticleMoney *m, const GPtrArray *figs, guint from)
{
    for (guint i = from; i < figs->len; i++) {
        const DsrFigure *f = g_ptr_array_index(figs, i);
        if (f->kind != DSR_FIGURE_MONEY || !f->currency || f->equivalent_of >= 0)
            continue;
        if (m->last && g_strcmp0(m->last->currency, f->currency) != 0)
            m->mixed = TRUE;
        m->last = f;
    }
}

static void
borrow_article_currency(const ArticleMoney *m, GPtrArray *figs, gboolean after_money)
{
    if (!m->last || m->mixed)
        return;
    for (guint i = 0; i < figs->len; i++) {
        DsrFigure *f = g_ptr_array_index(figs, i);
        /* Of trade or investment, or naming nothing right after a sentence of
         * money ("Viennent ensuite Hanoi avec 4,65 milliards"). */
        if (f->kind == DSR_FIGURE_OTHER && !f->unit && f->scale >= 1e6 &&
            (money_subject(f->subject) || after_money)) {
            f->kind = DSR_FIGURE_MONEY;
            f->currency = g_strdup(m->last->currency);
            f->unit = g_strdup(m->last->unit);
        }
    }
}

/* Whether a figure of @figures restates figure @k (its equivalent_of). A
 * restatement follows what it restates in the same sentence, so only the
 * next few are looked at: a text of many figures stays linear. */
static gboolean
pointed_at(const GPtrArray *figures, guint k)
{
    for (guint q = k + 1; q < figures->len && q <= k + 16; q++)
        if (((const DsrFigure *)g_ptr_array_index(figures, q))->equivalent_of == (int)k)
            return TRUE;
    return FALSE;
}

/* The key of a sum repeats_amount() may find again, or NULL for a figure it
 * never compares. */
static char *
sum_key(const DsrFigure *f)
{
    if (f->kind != DSR_FIGURE_MONEY || significant_digits(f->value) < 3)
        return NULL;
    return g_strdup_printf("%.17g|%.17g|%s|%d", f->value, f->scale, f->currency ? f->currency : "",
                           (int)f->qualifier);
}

/* A paragraph of one short line with no closing punctuation: an intertitle
 * ("Sept projets d'investissement brésiliens au Vietnam"). */
static gboolean
is_heading(const GPtrArray *units, guint u)
{
    const DsrUnit *unit = g_ptr_array_index(units, u);
    if (unit->paragraph < 0)
        return FALSE;
    if (u + 1 < units->len &&
        ((const DsrUnit *)g_ptr_array_index(units, u + 1))->paragraph == unit->paragraph)
        return FALSE;
    if (u > 0 && ((const DsrUnit *)g_ptr_array_index(units, u - 1))->paragraph == unit->paragraph)
        return FALSE;
    gsize n = strlen(unit->text);
    if (!n || strchr(".!?:;", unit->text[n - 1]) || g_str_has_suffix(unit->text, "\u2026"))
        return FALSE;
    guint words = 1;
    for (const char *c = unit->text; *c; c++)
        words += *c == ' ';
    return words <= 14;
}

/* Removes figures [@first, @end) whose @drop flag is set, renumbering the
 * equivalent_of links of the rest. */
static void
drop_figures(GPtrArray *figures, guint first, guint end, const gboolean *drop)
{
    if (!drop)
        return;
    g_autofree int *remap = g_new(int, figures->len + 1);
    int next = 0;
    for (guint i = 0; i < figures->len; i++)
        remap[i] = (i >= first && i < end && drop[i - first]) ? -1 : next++;
    if (next == (int)figures->len)
        return;
    GPtrArray *kept = g_ptr_array_new_full(figures->len, NULL);
    for (guint i = 0; i < figures->len; i++) {
        DsrFigure *f = g_ptr_array_index(figures, i);
        if (remap[i] < 0) {
            dsr_figure_free(f);
            continue;
        }
        if (f->equivalent_of >= 0)
            f->equivalent_of = remap[f->equivalent_of];
        g_ptr_array_add(kept, f);
    }
    g_ptr_array_set_free_func(figures, NULL);
    g_ptr_array_set_size(figures, 0);
    for (guint i = 0; i < kept->len; i++)
        g_ptr_array_add(figures, g_ptr_array_index(kept, i));
    g_ptr_array_set_free_func(figures, (GDestroyNotify)dsr_figure_free);
    g_ptr_array_unref(kept);
}

/* Figures of every unit; the title's are kept only when the body does not
 * repeat them. equivalent_of indices are shifted to the whole array.
 * A sentence that opens on a year sets the period of its paragraph: the
 * sentences after it that name no year take it ("Au premier semestre 2022,
 * les échanges ont atteint 3 milliards de dollars. Les exportations ont
 * progressé de 12 %."), as a reader does; a year after the article's own is
 * a target and dates nothing else. A sentence the article repeats word for
 * word (a lead printed twice) gives its figures once. An amount in
 * "milliards" with no currency, of trade or investment, is in the currency
 * of the article's money figures before it when they all have one. */
static void
collect_figures(const DsrExtractor *ex, GPtrArray *units, const char *lang, DsrFacts *facts)
{
    g_autoptr(GPtrArray) title_figs = NULL;
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    int ref_year = 0;
    if (facts->date && strlen(facts->date) >= 4)
        ref_year = (int)g_ascii_strtoll(facts->date, NULL, 10);
    int carry = 0, carry_paragraph = -1, last_frame = 0;
    int lead_paragraph = -1;
    gboolean after_money = FALSE;
    guint lead_first = 0, lead_end = 0, heading_first = 0, heading_end = 0;
    g_autoptr(GArray) gone = g_array_new(FALSE, TRUE, sizeof(gboolean)); /* per figure kept */
    /* sum_key -> GArray of indices in facts->figures */
    g_autoptr(GHashTable) sums =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    ArticleMoney money = {0};
    for (guint u = 0; u < units->len; u++) {
        const DsrUnit *unit = g_ptr_array_index(units, u);
        if (unit->paragraph >= 0 && !g_hash_table_add(seen, (gpointer)unit->text))
            continue;
        DsrSentenceYears years;
        g_autoptr(GPtrArray) figs = dsr__figures_parse_dated(unit->text, lang, facts->date, &years);
        set_entities(ex, unit, figs, facts->primary_partner);
        if (unit->paragraph < 0) {
            title_figs = g_steal_pointer(&figs);
            continue;
        }
        if (unit->paragraph != carry_paragraph)
            carry = 0;
        if (years.same_period && last_frame) {
            /* "Durant la même période, …": the period named before, even in an
             * earlier paragraph. */
            carry = last_frame;
            for (guint i = 0; i < figs->len; i++) {
                DsrFigure *f = g_ptr_array_index(figs, i);
                if (!f->year)
                    f->year = carry;
            }
        } else if (years.dated) {
            carry = years.frame;
            if (ref_year && carry > ref_year)
                carry = 0;
            if (carry)
                last_frame = carry;
        } else if (carry) {
            for (guint i = 0; i < figs->len; i++) {
                DsrFigure *f = g_ptr_array_index(figs, i);
                if (!f->year)
                    f->year = carry;
            }
        }
        carry_paragraph = unit->paragraph;
        borrow_article_currency(&money, figs, after_money);
        after_money = FALSE;
        for (guint i = 0; i < figs->len && !after_money; i++)
            after_money = ((DsrFigure *)g_ptr_array_index(figs, i))->kind == DSR_FIGURE_MONEY;
        if (figs->len && lead_paragraph < 0) {
            lead_paragraph = unit->paragraph;
            lead_first = facts->figures->len;
        }
        /* A figure the lead stated that the body gives again is the body's:
         * the lead's is dropped (unless something points at it: a
         * restatement in another currency stays with it). So is a heading's
         * ("Sept projets d'investissement brésiliens") that its paragraph
         * gives again. */
        for (guint i = 0; i < figs->len; i++) {
            DsrFigure *f = g_ptr_array_index(figs, i);
            for (guint k = lead_first; k < lead_end && unit->paragraph != lead_paragraph; k++) {
                if (g_array_index(gone, gboolean, k) ||
                    !restates_lead(f, g_ptr_array_index(facts->figures, k), lang) ||
                    pointed_at(facts->figures, k))
                    continue;
                g_array_index(gone, gboolean, k) = TRUE;
                break;
            }
            for (guint k = heading_first; k < heading_end; k++) {
                if (g_array_index(gone, gboolean, k) ||
                    !same_figure(f, g_ptr_array_index(facts->figures, k)) ||
                    pointed_at(facts->figures, k))
                    continue;
                g_array_index(gone, gboolean, k) = TRUE;
                break;
            }
        }
        /* A sum the body already gave is dropped here (its year kept when
         * the first one had none), unless something points at it. */
        g_autofree int *remap = g_new(int, figs->len + 1);
        int base = facts->figures->len, next = base;
        for (guint i = 0; i < figs->len; i++) {
            DsrFigure *f = g_ptr_array_index(figs, i);
            DsrFigure *same = NULL;
            g_autofree char *key = sum_key(f);
            GArray *earlier = key ? g_hash_table_lookup(sums, key) : NULL;
            gboolean pointed = FALSE;
            for (guint q = 0; q < figs->len && !pointed; q++)
                pointed = ((DsrFigure *)g_ptr_array_index(figs, q))->equivalent_of == (int)i;
            for (guint e = 0; earlier && e < earlier->len && !same && !pointed; e++) {
                guint k = g_array_index(earlier, guint, e);
                if (!g_array_index(gone, gboolean, k) &&
                    repeats_amount(f, g_ptr_array_index(facts->figures, k)))
                    same = g_ptr_array_index(facts->figures, k);
            }
            if (same && !same->year)
                same->year = f->year;
            remap[i] = same ? -1 : next++;
        }
        for (guint i = 0; i < figs->len; i++) {
            DsrFigure *f = g_ptr_array_index(figs, i);
            g_ptr_array_index(figs, i) = NULL;
            if (remap[i] < 0) {
                dsr_figure_free(f);
                continue;
            }
            if (f->equivalent_of >= 0)
                f->equivalent_of = remap[f->equivalent_of];
            g_ptr_array_add(facts->figures, f);
            const gboolean no = FALSE;
            g_array_append_val(gone, no);
            char *key = sum_key(f);
            if (key) {
                GArray *at = g_hash_table_lookup(sums, key);
                if (!at) {
                    at = g_array_new(FALSE, FALSE, sizeof(guint));
                    g_hash_table_insert(sums, key, at);
                } else {
                    g_free(key);
                }
                const guint index = facts->figures->len - 1;
                g_array_append_val(at, index);
            }
        }
        /* Fed with the figures kept, which live until the end: a repeat
         * dropped above is freed (the fuzzer found it read after). */
        article_money_feed(&money, facts->figures, (guint)base);
        /* A lead is a few sentences: past 64 figures, none is compared again
         * (a pasted page of one paragraph stays linear). */
        if (unit->paragraph == lead_paragraph)
            lead_end = MIN(facts->figures->len, lead_first + 64);
        heading_first = heading_end = 0;
        if (is_heading(units, u)) {
            heading_first = (guint)base;
            heading_end = facts->figures->len;
        }
    }
    drop_figures(facts->figures, 0, facts->figures->len, (const gboolean *)(void *)gone->data);
    if (!title_figs || !title_figs->len)
        return;
    /* A headline figure the body does not restate goes first. */
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_figure_free);
    for (guint i = 0; i < title_figs->len; i++) {
        DsrFigure *t = g_ptr_array_index(title_figs, i);
        gboolean repeated = FALSE;
        for (guint k = 0; k < facts->figures->len && !repeated; k++)
            repeated = same_figure(t, g_ptr_array_index(facts->figures, k)) ||
                       rounds(t, g_ptr_array_index(facts->figures, k)) ||
                       drops_bound(t, g_ptr_array_index(facts->figures, k));
        if (!repeated)
            g_ptr_array_add(kept, g_steal_pointer(&g_ptr_array_index(title_figs, i)));
    }
    if (!kept->len)
        return;
    int shift = kept->len;
    for (guint k = 0; k < facts->figures->len; k++) {
        DsrFigure *f = g_ptr_array_index(facts->figures, k);
        if (f->equivalent_of >= 0)
            f->equivalent_of += shift;
    }
    for (guint i = 0; i < kept->len; i++) {
        DsrFigure *f = g_ptr_array_index(kept, i);
        /* Its partner may not have been kept. */
        f->equivalent_of = -1;
        g_ptr_array_insert(facts->figures, i, f);
        g_ptr_array_index(kept, i) = NULL;
    }
}

DsrFacts *
dsr_extract(const DsrExtractor *ex, const DsrArticle *article)
{
    g_return_val_if_fail(ex != NULL && article != NULL, NULL);
    DsrFacts *facts = dsr_facts_new();
    facts->id = g_strdup(article->id);
    facts->file = g_strdup(article->file);
    facts->url = g_strdup(article->url);
    facts->outlet = g_strdup(article->outlet);
    facts->title = g_strdup(article->title);
    facts->date = g_strdup(article->date);
    facts->lang = g_strdup(article->lang ? article->lang : "fr");
    facts->place = g_strdup(article->place);
    const char *lang = strcmp(facts->lang, "en") == 0 ? "en" : "fr";

    int index = 0;
    g_autofree char *title = article->title ? dsr_text_squeeze(article->title) : NULL;
    for (guint p = 0; article->paragraphs && p < article->paragraphs->len; p++) {
        g_autoptr(GPtrArray) sents = dsr_text_sentences(g_ptr_array_index(article->paragraphs, p));
        for (guint i = 0; i < sents->len; i++) {
            g_autofree char *text = dsr_text_squeeze(g_ptr_array_index(sents, i));
            /* The title printed again inside the text (a saved page's header
             * under its lead) is not a sentence of the article. */
            if (!*text || (title && strcmp(text, title) == 0))
                continue;
            DsrSentence *s = g_new0(DsrSentence, 1);
            s->text = g_steal_pointer(&text);
            s->paragraph = p;
            s->index = index++;
            g_ptr_array_add(facts->sentences, s);
        }
    }

    g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func((GDestroyNotify)unit_free);
    if (title && *title)
        g_ptr_array_add(units, unit_new(ex, title, -1, -1));
    for (guint i = 0; i < facts->sentences->len; i++) {
        const DsrSentence *s = g_ptr_array_index(facts->sentences, i);
        g_ptr_array_add(units, unit_new(ex, s->text, s->paragraph, s->index));
    }

    dsr__partners_rank(ex, units, facts);
    collect_figures(ex, units, lang, facts);
    /* Actors first: an event summary opening on "Il" names the person the
     * sentence before introduced. */
    dsr__actors_find(ex, units, facts);
    dsr__events_find(ex, article, units, facts);
    dsr__themes_count(ex->themes, units, lang, facts);
    return facts;
}
