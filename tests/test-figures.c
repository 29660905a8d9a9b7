/* SPDX-License-Identifier: MIT
 * The figure parser against tests/data/figures/cases.tsv: hand-written French
 * and English sentences, each with the figures a careful reader expects
 * (value, scale, kind, currency, qualifier, year, and where given unit,
 * quote, subject, equivalent). Each [section] of the file is one test path. */
#include "extract/extract-private.h"

#include <math.h>
#include <string.h>

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
        const char *lineno = cols[0], *lang = cols[1], *sentence = cols[2], *expected = cols[3];
        g_autoptr(GPtrArray) figs = dsr__figures_parse(sentence, lang);
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
    return g_test_run();
}
