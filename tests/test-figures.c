/* SPDX-License-Identifier: MIT
 * The figure parser against tests/data/figures/cases.tsv: hand-written French
 * and English sentences, each with the figures a careful reader expects
 * (value, scale, kind, currency, qualifier, year, and where given unit,
 * quote, subject, equivalent). Each [section] of the file is one test path. */
#include "extract/extract-private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dossier/ingest.h>
#include <dossier/text.h>

#include "test-support.h"

typedef struct {
    char *name;
    GPtrArray *lines; /* char *, "lineno\tlang\tsentence\texpected" */
} Section;

static void
section_free(gpointer p)
{
    Section *s = p;
    g_free(s->name);
    g_ptr_array_unref(s->lines);
    g_free(s);
}

static char *
underscores(const char *s)
{
    char *r = g_strdup(s);
    for (char *p = r; *p; p++)
        if (*p == '_')
            *p = ' ';
    return r;
}

static gboolean
near(double a, double b)
{
    return fabs(a - b) <= 1e-9 * MAX(1.0, fabs(b));
}

/* Checks one figure against its expectation ("16400x1e9 money RUB approx y2023
 * u=roubles q=16.400_milliards eq0 s=subject"); appends what differs to @why. */
static void
check_figure(const DsrFigure *f, const char *spec, GString *why)
{
    g_auto(GStrv) parts = g_strsplit(spec, " ", -1);
    double value = 0, scale = 1;
    const char *kind = NULL, *currency = NULL, *qualifier = NULL;
    int year = 0, eq = -1;
    g_autofree char *unit = NULL, *quote = NULL, *subject = NULL;
    gboolean subject_null = FALSE;
    for (guint i = 0; parts[i]; i++) {
        const char *p = parts[i];
        if (!*p)
            continue;
        if (i == 0) {
            const char *x = strchr(p, 'x');
            value = g_ascii_strtod(p, NULL);
            if (x)
                scale = g_ascii_strtod(x + 1, NULL);
        } else if (g_str_has_prefix(p, "u=")) {
            unit = underscores(p + 2);
        } else if (g_str_has_prefix(p, "q=")) {
            quote = underscores(p + 2);
        } else if (g_str_has_prefix(p, "s=")) {
            subject = underscores(p + 2);
        } else if (strcmp(p, "s-") == 0) {
            subject_null = TRUE;
        } else if (p[0] == 'y' && g_ascii_isdigit(p[1])) {
            year = atoi(p + 1);
        } else if (g_str_has_prefix(p, "eq")) {
            eq = atoi(p + 2);
        } else if (strlen(p) == 3 && g_ascii_isupper(p[0]) && g_ascii_isupper(p[1]) &&
                   g_ascii_isupper(p[2])) {
            currency = p;
        } else {
            DsrFigureKind k;
            DsrQualifier q;
            if (dsr_figure_kind_from_name(p, &k))
                kind = p;
            else if (dsr_qualifier_from_name(p, &q))
                qualifier = p;
            else
                g_string_append_printf(why, " [bad spec token %s]", p);
        }
    }
    if (!near(f->value, value))
        g_string_append_printf(why, " value %g≠%g", f->value, value);
    if (!near(f->scale, scale))
        g_string_append_printf(why, " scale %g≠%g", f->scale, scale);
    if (kind && strcmp(dsr_figure_kind_name(f->kind), kind) != 0)
        g_string_append_printf(why, " kind %s≠%s", dsr_figure_kind_name(f->kind), kind);
    if (g_strcmp0(f->currency, currency) != 0)
        g_string_append_printf(why, " currency %s≠%s", f->currency ? f->currency : "null",
                               currency ? currency : "null");
    if (g_strcmp0(dsr_qualifier_name(f->qualifier), qualifier) != 0)
        g_string_append_printf(why, " qualifier %s≠%s",
                               dsr_qualifier_name(f->qualifier) ? dsr_qualifier_name(f->qualifier)
                                                                : "null",
                               qualifier ? qualifier : "null");
    if (f->year != year)
        g_string_append_printf(why, " year %d≠%d", f->year, year);
    if (f->equivalent_of != eq)
        g_string_append_printf(why, " equivalent_of %d≠%d", f->equivalent_of, eq);
    if (unit && g_strcmp0(f->unit, unit) != 0)
        g_string_append_printf(why, " unit '%s'≠'%s'", f->unit ? f->unit : "null", unit);
    if (quote && g_strcmp0(f->quote, quote) != 0)
        g_string_append_printf(why, " quote '%s'≠'%s'", f->quote, quote);
    if (subject && g_strcmp0(f->subject, subject) != 0)
        g_string_append_printf(why, " subject '%s'≠'%s'", f->subject ? f->subject : "null",
                               subject);
    if (subject_null && f->subject)
        g_string_append_printf(why, " subject '%s'≠null", f->subject);
}

static void
run_section(gconstpointer data)
{
    const Section *sec = data;
    guint failures = 0;
    for (guint i = 0; i < sec->lines->len; i++) {
        g_auto(GStrv) cols = g_strsplit(g_ptr_array_index(sec->lines, i), "\t", 4);
        g_assert_cmpuint(g_strv_length(cols), ==, 4);
        const char *lineno = cols[0], *sentence = cols[2], *expected = cols[3];
        /* "fr@2024-10": the sentence of an article of October 2024 ("cette
         * année", "last year", "de janvier à septembre"). */
        g_auto(GStrv) lang_date = g_strsplit(cols[1], "@", 2);
        const char *lang = lang_date[0];
        g_autoptr(GPtrArray) figs = dsr__figures_parse_dated(sentence, lang, lang_date[1], NULL);
        g_auto(GStrv) specs = NULL;
        guint n = 0;
        if (strcmp(expected, "-") != 0) {
            specs = g_strsplit(expected, " ; ", -1);
            n = g_strv_length(specs);
        }
        g_autoptr(GString) why = g_string_new(NULL);
        if (figs->len != n)
            g_string_append_printf(why, " %u figures, expected %u", figs->len, n);
        for (guint k = 0; k < MIN(n, figs->len); k++) {
            const DsrFigure *f = g_ptr_array_index(figs, k);
            GString *one = g_string_new(NULL);
            check_figure(f, specs[k], one);
            /* Whatever the case, a quote is a substring and the sentence a copy. */
            if (!strstr(sentence, f->quote))
                g_string_append(one, " quote not a substring");
            if (g_strcmp0(f->sentence, sentence) != 0)
                g_string_append(one, " sentence not copied");
            if (f->entity)
                g_string_append(one, " entity set");
            if (one->len)
                g_string_append_printf(why, " #%u:%s", k, one->str);
            g_string_free(one, TRUE);
        }
        if (why->len) {
            GString *got = g_string_new(NULL);
            for (guint k = 0; k < figs->len; k++) {
                const DsrFigure *f = g_ptr_array_index(figs, k);
                g_string_append_printf(
                    got, "\n      got [%s] %g x %g %s %s %s y%d eq%d u=%s s=%s", f->quote, f->value,
                    f->scale, dsr_figure_kind_name(f->kind), f->currency ? f->currency : "-",
                    dsr_qualifier_name(f->qualifier) ? dsr_qualifier_name(f->qualifier) : "-",
                    f->year, f->equivalent_of, f->unit ? f->unit : "-",
                    f->subject ? f->subject : "-");
            }
            g_test_message("cases.tsv:%s: %s\n    %s%s", lineno, sentence, why->str, got->str);
            g_string_free(got, TRUE);
            failures++;
        }
    }
    if (failures) {
        g_test_message("%u of %u cases failed in [%s]", failures, sec->lines->len, sec->name);
        g_test_fail();
    }
}

static GPtrArray *
load_sections(void)
{
    gsize len = 0;
    g_autofree char *text = dsr_test_read_data("figures", "cases.tsv", &len);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    GPtrArray *sections = g_ptr_array_new_with_free_func(section_free);
    Section *cur = NULL;
    for (guint i = 0; lines[i]; i++) {
        const char *l = lines[i];
        if (!*l || l[0] == '#')
            continue;
        if (l[0] == '[') {
            cur = g_new0(Section, 1);
            cur->name = g_strndup(l + 1, strcspn(l + 1, "]"));
            cur->lines = g_ptr_array_new_with_free_func(g_free);
            g_ptr_array_add(sections, cur);
            continue;
        }
        g_assert_nonnull(cur);
        g_ptr_array_add(cur->lines, g_strdup_printf("%u\t%s", i + 1, l));
    }
    return sections;
}

static void
test_degenerate(void)
{
    g_autoptr(GPtrArray) a = dsr__figures_parse("", "fr");
    g_assert_cmpuint(a->len, ==, 0);
    g_autoptr(GPtrArray) b = dsr__figures_parse("\xff\xfe 16,5 %", "fr");
    g_assert_cmpuint(b->len, ==, 0);
    g_autoptr(GPtrArray) c = dsr__figures_parse("%%% , . 1,,2 .5 5. ,5 $ € (", "en");
    for (guint i = 0; i < c->len; i++)
        g_assert_nonnull(
            strstr("%%% , . 1,,2 .5 5. ,5 $ € (", ((DsrFigure *)g_ptr_array_index(c, i))->quote));
}

/* The same sentence read as French and as English: only the separators change. */
static void
test_language_decides(void)
{
    const char *s = "Le total atteint 1.500 euros et 2,5 % de plus.";
    g_autoptr(GPtrArray) fr = dsr__figures_parse(s, "fr");
    g_autoptr(GPtrArray) en = dsr__figures_parse(s, "en");
    g_assert_cmpuint(fr->len, ==, 2);
    g_assert_cmpuint(en->len, ==, 2);
    g_assert_cmpfloat(((DsrFigure *)g_ptr_array_index(fr, 0))->value, ==, 1500);
    g_assert_cmpfloat(((DsrFigure *)g_ptr_array_index(en, 0))->value, ==, 1.5);
    g_assert_cmpfloat(((DsrFigure *)g_ptr_array_index(fr, 1))->value, ==, 2.5);
    g_assert_cmpfloat(((DsrFigure *)g_ptr_array_index(en, 1))->value, ==, 2.5);
}

/* ---- Measurement on ../shared/corpus (tests/data/extract/corpus-figures.tsv) ---- */

typedef struct {
    char *file, *quote, *kind, *currency, *qualifier;
    double quantity; /* value × scale */
    int year;
    char *subject;   /* as annotated, stars kept; NULL for "-" */
    GPtrArray *need; /* GStrv per starred group: folded words, any one of which will do */
    gboolean found;
} Annotation;

static void
annotation_free(gpointer p)
{
    Annotation *a = p;
    g_free(a->file);
    g_free(a->quote);
    g_free(a->kind);
    g_free(a->currency);
    g_free(a->qualifier);
    g_free(a->subject);
    g_clear_pointer(&a->need, g_ptr_array_unref);
    g_free(a);
}

static char *
dash_null(const char *s)
{
    return strcmp(s, "-") == 0 ? NULL : g_strdup(s);
}

static GPtrArray *
load_annotations(void)
{
    gsize len = 0;
    g_autofree char *text = dsr_test_read_data("extract", "corpus-figures.tsv", &len);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    GPtrArray *anns = g_ptr_array_new_with_free_func(annotation_free);
    for (guint i = 0; lines[i]; i++) {
        if (!*lines[i] || lines[i][0] == '#')
            continue;
        g_auto(GStrv) c = g_strsplit(lines[i], "\t", -1);
        if (g_strv_length(c) != 9)
            g_error("corpus-figures.tsv:%u: 9 columns expected", i + 1);
        Annotation *a = g_new0(Annotation, 1);
        a->file = g_strdup(c[0]);
        a->quote = g_strdup(c[1]);
        a->quantity = g_ascii_strtod(c[2], NULL) * g_ascii_strtod(c[3], NULL);
        a->kind = g_strdup(c[4]);
        a->currency = dash_null(c[5]);
        a->qualifier = dash_null(c[6]);
        a->year = strcmp(c[7], "-") == 0 ? 0 : atoi(c[7]);
        a->subject = dash_null(c[8]);
        a->need = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
        if (a->subject) {
            g_auto(GStrv) parts = g_strsplit(a->subject, "*", -1);
            guint n = g_strv_length(parts);
            if (n % 2 == 0 || n < 3)
                g_error("corpus-figures.tsv:%u: a subject marks its words with pairs of stars",
                        i + 1);
            for (guint k = 1; k < n; k += 2) {
                g_auto(GStrv) alts = g_strsplit(parts[k], "|", -1);
                for (guint q = 0; alts[q]; q++) {
                    char *f = dsr_text_fold_ascii(alts[q]);
                    g_free(alts[q]);
                    alts[q] = f;
                }
                g_ptr_array_add(a->need, g_steal_pointer(&alts));
            }
        }
        g_ptr_array_add(anns, a);
    }
    return anns;
}

/* TRUE when some occurrence of @a in @s overlaps some occurrence of @b. */
static gboolean
quotes_overlap(const char *s, const char *a, const char *b)
{
    gsize la = strlen(a), lb = strlen(b);
    if (!la || !lb)
        return FALSE;
    for (const char *pa = strstr(s, a); pa; pa = strstr(pa + 1, a))
        for (const char *pb = strstr(s, b); pb; pb = strstr(pb + 1, b))
            if (pa < pb + lb && pb < pa + la)
                return TRUE;
    return FALSE;
}

/* Same quantity once both are rounded as a newspaper rounds them. */
static gboolean
same_quantity(double a, double b)
{
    return fabs(a - b) <= 5e-4 * MAX(fabs(a), fabs(b));
}

static gboolean
figure_matches(const DsrFigure *f, const Annotation *a)
{
    return same_quantity(f->value * f->scale, a->quantity) &&
           strcmp(dsr_figure_kind_name(f->kind), a->kind) == 0 &&
           g_strcmp0(f->currency, a->currency) == 0 &&
           g_strcmp0(dsr_qualifier_name(f->qualifier), a->qualifier) == 0;
}

static char *
figure_str(const DsrFigure *f)
{
    return g_strdup_printf(
        "[%s] %g %s %s %s y%d", f->quote, f->value * f->scale, dsr_figure_kind_name(f->kind),
        f->currency ? f->currency : "-",
        dsr_qualifier_name(f->qualifier) ? dsr_qualifier_name(f->qualifier) : "-", f->year);
}

/* Folded words without accents, each without a final plural s or x, so that
 * "échanges" and "echange" meet; NULL-terminated. */
static GStrv
subject_words(const char *s)
{
    g_autofree char *ascii = dsr_text_fold_ascii(s);
    g_autoptr(GPtrArray) words = dsr_text_words(ascii);
    GStrvBuilder *b = g_strv_builder_new();
    for (guint i = 0; i < words->len; i++) {
        char *w = g_ptr_array_index(words, i);
        gsize n = strlen(w);
        if (n > 3 && (w[n - 1] == 's' || w[n - 1] == 'x'))
            w[n - 1] = '\0';
        g_strv_builder_add(b, w);
    }
    GStrv r = g_strv_builder_end(b);
    g_strv_builder_unref(b);
    return r;
}

/* Words that are not articles or prepositions: what a subject's length is measured in. */
static guint
content_words(const char *s)
{
    g_auto(GStrv) w = subject_words(s);
    guint n = 0;
    for (guint i = 0; w[i]; i++)
        n += !dsr_text_is_stopword(w[i], "fr") && !dsr_text_is_stopword(w[i], "en");
    return n;
}

/* The rule of agreement: an annotated "-" wants no subject; otherwise the
 * subject found holds, after folding case and accents, one word of every
 * starred group (a plural s or x aside), and is not more than eight content
 * words longer than the annotation (a clause copied whole names nothing). */
static gboolean
subject_acceptable(const char *got, const Annotation *a)
{
    if (!a->subject)
        return got == NULL;
    if (!got)
        return FALSE;
    g_auto(GStrv) words = subject_words(got);
    for (guint k = 0; k < a->need->len; k++) {
        GStrv alts = g_ptr_array_index(a->need, k);
        gboolean any = FALSE;
        for (guint q = 0; alts[q] && !any; q++) {
            g_auto(GStrv) want = subject_words(alts[q]);
            any = want[0] && !want[1] && g_strv_contains((const char *const *)words, want[0]);
        }
        if (!any)
            return FALSE;
    }
    return content_words(got) <= content_words(a->subject) + 8;
}

typedef struct {
    int predicted, correct, annotated, found, years_right;
    int subj_right, subj_missing, subj_wrong; /* over the figures found */
} Score;

static void
score_print(const char *part, const Score *s)
{
    fprintf(stderr,
            "# figures %-8s precision %.3f (%d/%d)  recall %.3f (%d/%d)  year right on %d of "
            "%d found\n",
            part, s->predicted ? (double)s->correct / s->predicted : 0, s->correct, s->predicted,
            s->annotated ? (double)s->found / s->annotated : 0, s->found, s->annotated,
            s->years_right, s->found);
    fprintf(stderr,
            "# subjects %-8s agree %.3f (%d/%d found)  missing %d (none where a reader names "
            "one)  wrong %d (another, or one where a reader names none)\n",
            part, s->found ? (double)s->subj_right / s->found : 0, s->subj_right, s->found,
            s->subj_missing, s->subj_wrong);
}

/* The title and the body sentences of the article in @path, as the extractor
 * reads them: GPtrArray of char *; the title first (or "" when none). */
static GPtrArray *
article_units(const char *path, char **lang)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) arts = dsr_ingest_file(path, NULL, &err);
    if (!arts) {
        fprintf(stderr, "# %s\n", err->message);
        return NULL;
    }
    g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
    const DsrArticle *art = g_ptr_array_index(arts, 0);
    *lang = g_strdup(art->lang && strcmp(art->lang, "en") == 0 ? "en" : "fr");
    GPtrArray *units = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(units, g_strdup(art->title ? art->title : ""));
    for (guint p = 0; p < art->paragraphs->len; p++) {
        g_autoptr(GPtrArray) sents = dsr_text_sentences(g_ptr_array_index(art->paragraphs, p));
        for (guint s = 0; s < sents->len; s++)
            g_ptr_array_add(units, g_strdup(g_ptr_array_index(sents, s)));
    }
    return units;
}

/* Scores one article: each figure dsr_extract() reports for it, as a build
 * gets them (a headline figure the body restates counted once, years and
 * currencies the article's other sentences give), against its annotations. */
static void
measure_file(const DsrExtractor *ex, const char *corpus, const char *name, GPtrArray *anns,
             Score *score, gboolean details)
{
    g_autofree char *path = g_build_filename(corpus, name, NULL);
    g_autofree char *lang = NULL;
    g_autoptr(GPtrArray) units = article_units(path, &lang);
    if (!units)
        return;
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) arts = dsr_ingest_file(path, NULL, &err);
    g_assert_no_error(err);
    g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
    g_autoptr(DsrFacts) facts = dsr_extract(ex, g_ptr_array_index(arts, 0));
    const GPtrArray *figs = facts->figures;
    for (guint i = 0; i < figs->len; i++) {
        const DsrFigure *f = g_ptr_array_index(figs, i);
        gboolean ok = FALSE;
        const Annotation *near_miss = NULL;
        for (guint k = 0; k < anns->len; k++) {
            Annotation *a = g_ptr_array_index(anns, k);
            if (strcmp(a->file, name) != 0 || !quotes_overlap(f->sentence, a->quote, f->quote))
                continue;
            if (figure_matches(f, a)) {
                if (!a->found) {
                    score->years_right += a->year == f->year;
                    score->found++;
                    if (subject_acceptable(f->subject, a))
                        score->subj_right++;
                    else {
                        if (!f->subject)
                            score->subj_missing++;
                        else
                            score->subj_wrong++;
                        if (details)
                            fprintf(stderr, "#   subject %s: [%s] '%s', annotated '%s'\n", name,
                                    f->quote, f->subject ? f->subject : "null",
                                    a->subject ? a->subject : "-");
                    }
                    if (a->year != f->year && details)
                        fprintf(stderr, "#   year %s: [%s] y%d, annotated y%d\n", name, f->quote,
                                f->year, a->year);
                }
                a->found = TRUE;
                ok = TRUE;
            } else {
                near_miss = a;
            }
        }
        score->predicted++;
        score->correct += ok;
        if (!ok && details) {
            g_autofree char *got = figure_str(f);
            if (near_miss)
                fprintf(stderr, "#   wrong %s: %s, annotated %g %s %s %s\n", name, got,
                        near_miss->quantity, near_miss->kind,
                        near_miss->currency ? near_miss->currency : "-",
                        near_miss->qualifier ? near_miss->qualifier : "-");
            else
                fprintf(stderr, "#   false positive %s: %s\n", name, got);
        }
    }
    for (guint k = 0; k < anns->len; k++) {
        const Annotation *a = g_ptr_array_index(anns, k);
        if (strcmp(a->file, name) != 0)
            continue;
        score->annotated++;
        if (a->found || !details)
            continue;
        gboolean in_text = FALSE;
        for (guint u = 0; u < units->len && !in_text; u++)
            in_text = strstr(g_ptr_array_index(units, u), a->quote) != NULL;
        fprintf(stderr, "#   miss %s: [%s] %g %s %s %s%s\n", name, a->quote, a->quantity, a->kind,
                a->currency ? a->currency : "-", a->qualifier ? a->qualifier : "-",
                in_text ? "" : " (quote in no sentence after ingestion)");
    }
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A measurement, not an assertion: precision and recall of the parser on the
 * hand-annotated corpus, and how often the subject of a figure found agrees
 * with the annotated one (subject_acceptable), the held-out files
 * (corpus-split.txt) apart. Lists the dev part's misses, false positives and
 * subject disagreements (the held-out part's only with
 * DOSSIER_FIGURES_HELDOUT_DETAILS set). */
static void
test_corpus(void)
{
    g_autofree char *corpus = dsr_test_corpus_dir();
    if (!corpus) {
        g_test_skip("no corpus (set DOSSIER_CORPUS)");
        return;
    }
    g_autoptr(GPtrArray) anns = load_annotations();
    gsize len = 0;
    g_autofree char *split = dsr_test_read_data("extract", "corpus-split.txt", &len);
    g_autoptr(GHashTable) held = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_auto(GStrv) split_lines = g_strsplit(split, "\n", -1);
    for (guint i = 0; split_lines[i]; i++)
        if (*split_lines[i] && split_lines[i][0] != '#')
            g_hash_table_add(held, g_strdup(split_lines[i]));
    Score dev = {0}, out = {0};
    int files = 0;
    const char *datadir = g_getenv("DOSSIER_DATADIR");
    g_autoptr(GError) err = NULL;
    DsrExtractor *ex = dsr_extractor_new(datadir ? datadir : ".", "VN", &err);
    g_assert_no_error(err);
    /* The held-out files' misses stay hidden unless asked for: whoever reads
     * them while writing rules is tuning on them. */
    gboolean show_held = g_getenv("DOSSIER_FIGURES_HELDOUT_DETAILS") != NULL;
    const char *langs[] = {"fr", "en"};
    for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
        g_autofree char *dir = g_build_filename(corpus, langs[l], NULL);
        g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
        if (!d)
            continue;
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
        for (const char *n; (n = g_dir_read_name(d));)
            if (g_str_has_suffix(n, ".txt"))
                g_ptr_array_add(names, g_build_filename(langs[l], n, NULL));
        g_ptr_array_sort(names, compare_names);
        for (guint i = 0; i < names->len; i++) {
            const char *name = g_ptr_array_index(names, i);
            gboolean is_held = g_hash_table_contains(held, name);
            measure_file(ex, corpus, name, anns, is_held ? &out : &dev, !is_held || show_held);
            files++;
        }
    }
    dsr_extractor_free(ex);
    fprintf(stderr, "# figures on %d corpus files (%u annotated figures)\n", files, anns->len);
    score_print("dev", &dev);
    score_print("held-out", &out);
    g_assert_cmpint(files, >, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_autoptr(GPtrArray) sections = load_sections();
    for (guint i = 0; i < sections->len; i++) {
        Section *s = g_ptr_array_index(sections, i);
        g_autofree char *path = g_strdup_printf("/extract/figures/%s", s->name);
        g_test_add_data_func(path, s, run_section);
    }
    g_test_add_func("/extract/figures/degenerate", test_degenerate);
    g_test_add_func("/extract/figures/language-decides", test_language_decides);
    g_test_add_func("/extract/figures/corpus", test_corpus);
    return g_test_run();
}
