/* SPDX-License-Identifier: MIT
 * Summarize: relationships and selection, sources order, figures merged
 * across sources with discrepancies kept visible, key points quoted verbatim
 * without near-duplicates, events and actors deduplicated. */
#include <dossier/dossier.h>
#include <string.h>
#include "test-support.h"
#include "summarize/summarize-private.h"

static DsrFigure *
figure(const char *quote, double value, double scale, DsrFigureKind kind, const char *currency,
       int year, const char *subject, const char *entity, const char *sentence)
{
    DsrFigure *f = g_new0(DsrFigure, 1);
    f->quote = g_strdup(quote);
    f->value = value;
    f->scale = scale;
    f->kind = kind;
    f->currency = g_strdup(currency);
    f->unit = g_strdup(kind == DSR_FIGURE_PERCENT ? "%" : currency);
    f->year = year;
    f->subject = g_strdup(subject);
    f->entity = g_strdup(entity);
    f->sentence = g_strdup(sentence);
    f->equivalent_of = -1;
    return f;
}

static void
add_sentence(DsrFacts *f, const char *text)
{
    DsrSentence *s = g_new0(DsrSentence, 1);
    s->text = g_strdup(text);
    s->index = (int)f->sentences->len;
    s->paragraph = s->index;
    g_ptr_array_add(f->sentences, s);
}

static DsrFacts *
article(const char *file, const char *title, const char *date, const char *partner)
{
    DsrFacts *f = dsr_facts_new();
    f->file = g_strdup(file);
    f->id = g_strdup(file);
    f->title = g_strdup(title);
    f->date = g_strdup(date);
    f->lang = g_strdup("fr");
    if (partner) {
        g_ptr_array_add(f->partners, g_strdup(partner));
        f->primary_partner = g_strdup(partner);
    }
    return f;
}

static void
add_event(DsrFacts *f, DsrEventType type, const char *date, const char *place, const char *summary)
{
    DsrEvent *e = g_new0(DsrEvent, 1);
    e->type = type;
    e->date = g_strdup(date);
    e->place = g_strdup(place);
    e->summary = g_strdup(summary);
    e->sentence = g_strdup(summary);
    g_ptr_array_add(f->events, e);
}

static void
add_actor(DsrFacts *f, const char *name, const char *role, const char *entity)
{
    DsrActor *a = g_new0(DsrActor, 1);
    a->name = g_strdup(name);
    a->role = g_strdup(role);
    a->entity = g_strdup(entity);
    g_ptr_array_add(f->actors, a);
}

static const char *const S1[] = {
    "Les échanges commerciaux entre les deux pays ont atteint 30 milliards de dollars en 2023, "
    "selon le ministère du Commerce.",
    "Un mémorandum d'entente sur la coopération numérique a été signé le 20 novembre à Hanoï par "
    "les deux ministres.",
    "Il a estimé que cette coopération ouvrirait de nouvelles perspectives aux entreprises des "
    "deux pays.",
    "Les deux parties ont convenu de renforcer la formation des ingénieurs dans les "
    "semi-conducteurs et l'intelligence artificielle.",
};
static const char *const S2[] = {
    "Selon les douanes, les échanges commerciaux entre les deux pays ont atteint 30 milliards de "
    "dollars en 2023.",
    "Le forum économique organisé à Moscou a réuni plus de 300 entreprises des deux pays autour de "
    "l'énergie.",
    "Les échanges commerciaux bilatéraux se sont élevés à 31 milliards de dollars en 2023 selon "
    "une autre estimation.",
};

static GPtrArray *
corpus(void)
{
    GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    DsrFacts *a = article("b.txt", "Signature d'un mémorandum", "2025-11", "RU");
    for (guint i = 0; i < G_N_ELEMENTS(S1); i++)
        add_sentence(a, S1[i]);
    g_ptr_array_add(a->figures, figure("30 milliards de dollars", 30, 1e9, DSR_FIGURE_MONEY, "USD",
                                       2023, "échanges commerciaux", "RU", S1[0]));
    add_event(a, DSR_EVENT_AGREEMENT, "2025-11-20", "Hanoï", "Un mémorandum d'entente a été signé");
    add_actor(a, "Nguyễn Mạnh Hùng", "ministre", "VN");
    g_ptr_array_add(a->themes, g_strdup("semi-conducteurs"));
    g_ptr_array_add(all, a);

    DsrFacts *b = article("a.txt", "Forum à Moscou", "2024-04", "RU");
    for (guint i = 0; i < G_N_ELEMENTS(S2); i++)
        add_sentence(b, S2[i]);
    g_ptr_array_add(b->figures, figure("30 milliards de dollars", 30, 1e9, DSR_FIGURE_MONEY, "USD",
                                       2023, "échanges commerciaux", "RU", S2[0]));
    g_ptr_array_add(b->figures, figure("31 milliards de dollars", 31, 1e9, DSR_FIGURE_MONEY, "USD",
                                       2023, "échanges commerciaux", "RU", S2[2]));
    add_event(b, DSR_EVENT_FORUM, "2024-04-12", "Moscou", "Le forum économique organisé à Moscou");
    add_event(b, DSR_EVENT_AGREEMENT, "2025-11-20", "Hanoi", "Un mémorandum d'entente a été signé");
    add_actor(b, "Nguyen Manh Hung", NULL, "VN");
    g_ptr_array_add(b->themes, g_strdup("semi-conducteurs"));
    g_ptr_array_add(b->themes, g_strdup("énergie"));
    g_ptr_array_add(all, b);

    DsrFacts *c = article("c.txt", "Économie nationale", "2025-12-20", NULL);
    add_sentence(c, "Le gouvernement a présenté sa stratégie nationale pour l'économie numérique à "
                    "l'horizon 2030 devant l'Assemblée.");
    g_ptr_array_add(all, c);
    return all;
}

/* The labels the brief itself holds; others come back as their key, as
 * templates/labels-<lang>.json would give for a missing one. */
static const char *
label(const char *key, gpointer data G_GNUC_UNUSED)
{
    static const char *const known[][2] = {
        {"chart-money-title", "Montants cités ({unit})"},
        {"chart-percent-title", "Pourcentages cités (%)"},
        {"chart-series-title", "{subject} ({unit})"},
        {"unit-million", "millions"},
        {"unit-billion", "milliards"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(known); i++)
        if (strcmp(known[i][0], key) == 0)
            return known[i][1];
    return key;
}

static DsrSummarizeOptions
options(void)
{
    DsrSummarizeOptions o = {.lang = "fr",
                             .generated = "2026-11-22",
                             .home_name = "Vietnam",
                             .title_format = "{home} – {partner} : note",
                             .title_format_national = "{home} : contexte",
                             .label = label};
    return o;
}

static void
test_partners(void)
{
    g_autoptr(GPtrArray) all = corpus();
    g_autoptr(GPtrArray) partners = dsr_summarize_partners(all);
    g_assert_cmpuint(partners->len, ==, 2);
    g_assert_cmpstr(g_ptr_array_index(partners, 0), ==, "RU");
    g_assert_cmpstr(g_ptr_array_index(partners, 1), ==, "");
}

static void
test_period_selection(void)
{
    g_autoptr(GPtrArray) all = corpus();
    DsrSummarizeOptions o = options();
    o.since = "2025-01-01";
    g_assert_false(dsr_summarize_selects(g_ptr_array_index(all, 1), "RU", &o)); /* 2024-04 */
    g_assert_true(dsr_summarize_selects(g_ptr_array_index(all, 0), "RU", &o));  /* 2025-11 */
    o.since = "2025-11-15"; /* an article dated 2025-11 may be from after the 15th */
    g_assert_true(dsr_summarize_selects(g_ptr_array_index(all, 0), "RU", &o));
    o.since = NULL;
    o.until = "2025-10-31";
    g_assert_false(dsr_summarize_selects(g_ptr_array_index(all, 0), "RU", &o));
    g_assert_true(
        dsr_summarize_selects(g_ptr_array_index(all, 2), NULL, &(DsrSummarizeOptions){0}));
    g_assert_false(
        dsr_summarize_selects(g_ptr_array_index(all, 2), "RU", &(DsrSummarizeOptions){0}));

    g_autoptr(GError) error = NULL;
    o.until = "2000-01-01";
    g_autoptr(DsrBrief) none = dsr_summarize_relation(all, "VN", "RU", "Russie", &o, &error);
    g_assert_null(none);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
}

static gboolean
cites_are(const DsrCites *c, int a, int b)
{
    return c->len == (b ? 2u : 1u) && g_array_index(c, int, 0) == a &&
           (!b || g_array_index(c, int, 1) == b);
}

static void
test_relation(void)
{
    g_autoptr(GPtrArray) all = corpus();
    DsrSummarizeOptions o = options();
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) b = dsr_summarize_relation(all, "VN", "RU", "Russie", &o, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(b->slug, ==, "vn-ru");
    g_assert_cmpstr(b->title, ==, "Vietnam – Russie : note");
    g_assert_cmpstr(b->period_from, ==, "2024-04");
    g_assert_cmpstr(b->period_to, ==, "2025-11");

    /* Sources by date: the 2024 article is [1]. */
    g_assert_cmpuint(b->sources->len, ==, 2);
    g_assert_cmpstr(g_array_index(b->sources, DsrSource, 0).file, ==, "a.txt");
    g_assert_cmpint(g_array_index(b->sources, DsrSource, 1).n, ==, 2);

    /* 30 Md USD reported by both sources: one row citing [1, 2]; 31 Md USD
     * for the same subject, entity and year: shown beside it as a discrepancy. */
    g_assert_cmpuint(b->figures->len, ==, 2);
    const DsrBriefFigure *f0 = &g_array_index(b->figures, DsrBriefFigure, 0);
    const DsrBriefFigure *f1 = &g_array_index(b->figures, DsrBriefFigure, 1);
    g_assert_cmpfloat(f0->value, ==, 30);
    g_assert_true(cites_are(f0->cites, 1, 2));
    g_assert_cmpfloat(f1->value, ==, 31);
    g_assert_true(cites_are(f1->cites, 1, 0));
    g_assert_cmpint(f0->group, >, 0);
    g_assert_cmpint(f0->group, ==, f1->group);
    g_assert_nonnull(f0->discrepancy);

    /* A bar chart of the two amounts, in one currency. */
    g_assert_cmpuint(b->charts->len, >=, 1);
    const DsrChartSpec *chart = &g_array_index(b->charts, DsrChartSpec, 0);
    g_assert_cmpint(chart->type, ==, DSR_CHART_BAR);
    g_assert_nonnull(strstr(chart->unit, "USD"));
    g_assert_cmpuint(chart->points->len, ==, 2);

    /* The same memorandum reported twice (Hanoï / Hanoi) is one event citing
     * both, after the forum. */
    g_assert_cmpuint(b->events->len, ==, 2);
    g_assert_cmpint(g_array_index(b->events, DsrBriefEvent, 0).type, ==, DSR_EVENT_FORUM);
    g_assert_true(cites_are(g_array_index(b->events, DsrBriefEvent, 1).cites, 1, 2));

    /* One actor, written with and without diacritics; the accented spelling wins. */
    g_assert_cmpuint(b->actors->len, ==, 1);
    g_assert_cmpstr(g_array_index(b->actors, DsrBriefActor, 0).name, ==, "Nguyễn Mạnh Hùng");

    g_assert_cmpstr(g_array_index(b->themes, DsrBriefTheme, 0).name, ==, "semi-conducteurs");
    g_assert_cmpint(g_array_index(b->themes, DsrBriefTheme, 0).count, ==, 2);
}

static void
test_key_points(void)
{
    g_autoptr(GPtrArray) all = corpus();
    DsrSummarizeOptions o = options();
    g_autoptr(DsrBrief) b = dsr_summarize_relation(all, "VN", "RU", "Russie", &o, NULL);
    g_assert_cmpuint(b->key_points->len, >=, 3);
    g_assert_cmpuint(b->key_points->len, <=, 8);
    for (guint i = 0; i < b->key_points->len; i++) {
        const DsrKeyPoint *kp = &g_array_index(b->key_points, DsrKeyPoint, i);
        g_assert_cmpuint(kp->cites->len, ==, 1);
        int n = g_array_index(kp->cites, int, 0);
        /* Quoted exactly from the cited source. */
        const char *const *sents = n == 1 ? S2 : S1;
        guint count = n == 1 ? G_N_ELEMENTS(S2) : G_N_ELEMENTS(S1);
        gboolean found = FALSE;
        for (guint k = 0; k < count; k++)
            found |= strcmp(sents[k], kp->text) == 0;
        g_assert_true(found);
        /* A sentence starting with an unresolved pronoun is not a key point. */
        g_assert_false(g_str_has_prefix(kp->text, "Il a estimé"));
    }
    /* Two sentences saying 30 Md USD of trade: only one of them is kept. */
    guint trade = 0;
    for (guint i = 0; i < b->key_points->len; i++)
        trade += strstr(g_array_index(b->key_points, DsrKeyPoint, i).text,
                        "ont atteint 30 milliards") != NULL;
    g_assert_cmpuint(trade, ==, 1);
}

static GPtrArray *
facts_list(void)
{
    return g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
}

static DsrBrief *
summarize(GPtrArray *all, const char *partner)
{
    DsrSummarizeOptions o = options();
    g_autoptr(GError) error = NULL;
    DsrBrief *b =
        dsr_summarize_relation(all, "VN", partner, partner ? "Partenaire" : NULL, &o, &error);
    g_assert_no_error(error);
    return b;
}

/* "29,8 milliards" and "30 milliards" for the same trade in the same year
 * agree within the rounding of the coarser: one row citing both, quoting the
 * more precise, the other wording kept as a variant with its source. */
static void
test_merge_rounding(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    const char *s1 = "Le commerce bilatéral a atteint 29,8 milliards de dollars en 2023.";
    const char *s2 = "Le commerce bilatéral a atteint 30 milliards de dollars en 2023.";
    DsrFacts *a = article("a.txt", "A", "2024-01-10", "RU");
    g_ptr_array_add(a->figures, figure("29,8 milliards de dollars", 29.8, 1e9, DSR_FIGURE_MONEY,
                                       "USD", 2023, "commerce bilatéral", "RU", s1));
    g_ptr_array_add(all, a);
    DsrFacts *b = article("b.txt", "B", "2024-02-10", "RU");
    g_ptr_array_add(b->figures, figure("30 milliards de dollars", 30, 1e9, DSR_FIGURE_MONEY, "USD",
                                       2023, "commerce bilatéral", "RU", s2));
    /* Another quantity of the same value is not merged into it. */
    g_ptr_array_add(b->figures, figure("30 milliards de dollars", 30, 1e9, DSR_FIGURE_MONEY, "USD",
                                       2023, "investissements directs", "RU", s2));
    g_ptr_array_add(all, b);
    g_autoptr(DsrBrief) brief = summarize(all, "RU");
    g_assert_cmpuint(brief->figures->len, ==, 2);
    const DsrBriefFigure *f = &g_array_index(brief->figures, DsrBriefFigure, 0);
    g_assert_cmpstr(f->quote, ==, "29,8 milliards de dollars");
    g_assert_true(cites_are(f->cites, 1, 2));
    g_assert_cmpint(f->group, ==, 0);
    g_assert_null(f->discrepancy);
    g_assert_cmpuint(f->variants->len, ==, 1);
    const DsrFigureVariant *v = &g_array_index(f->variants, DsrFigureVariant, 0);
    g_assert_cmpstr(v->quote, ==, "30 milliards de dollars");
    g_assert_true(cites_are(v->cites, 2, 0));
    g_assert_cmpstr(g_array_index(brief->figures, DsrBriefFigure, 1).subject, ==,
                    "investissements directs");
}

/* Two sources that disagree on one quantity: both rows, one group, each
 * saying what the values are; a bound that the other value meets is no
 * disagreement. */
static void
test_discrepancy(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    const char *s = "Phrase.";
    DsrFacts *a = article("a.txt", "A", "2024-01-10", "KR");
    g_ptr_array_add(a->figures, figure("86 milliards de dollars", 86, 1e9, DSR_FIGURE_MONEY, "USD",
                                       2023, "échanges commerciaux", "KR", s));
    g_ptr_array_add(a->figures, figure("plus de 9000 projets", 9000, 1, DSR_FIGURE_COUNT, NULL,
                                       2023, "projets d'investissement", "KR", s));
    g_ptr_array_add(all, a);
    DsrFacts *b = article("b.txt", "B", "2024-02-10", "KR");
    g_ptr_array_add(b->figures, figure("79 milliards de dollars", 79, 1e9, DSR_FIGURE_MONEY, "USD",
                                       2023, "échanges commerciaux bilatéraux", "KR", s));
    g_ptr_array_add(b->figures, figure("10 000 projets", 10000, 1, DSR_FIGURE_COUNT, NULL, 2023,
                                       "projets d'investissement", "KR", s));
    g_ptr_array_add(all, b);
    /* Count units: the helper sets the currency as unit; the two counts share none. */
    for (guint i = 0; i < all->len; i++) {
        DsrFacts *f = g_ptr_array_index(all, i);
        DsrFigure *c = g_ptr_array_index(f->figures, 1);
        g_free(c->unit);
        c->unit = g_strdup("projets");
        c->qualifier = i == 0 ? DSR_QUALIFIER_MORE_THAN : DSR_QUALIFIER_NONE;
    }
    g_autoptr(DsrBrief) brief = summarize(all, "KR");
    g_assert_cmpuint(brief->figures->len, ==, 4);
    const DsrBriefFigure *x = &g_array_index(brief->figures, DsrBriefFigure, 0);
    const DsrBriefFigure *y = &g_array_index(brief->figures, DsrBriefFigure, 1);
    g_assert_cmpint(x->group, >, 0);
    g_assert_cmpint(x->group, ==, y->group);
    g_assert_nonnull(strstr(x->discrepancy, "86 milliards de dollars [1]"));
    g_assert_nonnull(strstr(x->discrepancy, "79 milliards de dollars [2]"));
    g_assert_cmpstr(x->discrepancy, ==, y->discrepancy);
    for (guint i = 2; i < 4; i++)
        g_assert_cmpint(g_array_index(brief->figures, DsrBriefFigure, i).group, ==, 0);
}

/* A bracketed equivalent stays with its main figure, and lets that figure
 * join a chart in the equivalent's currency; USD and EUR never share a chart. */
static void
test_equivalent_and_charts(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    const char *s =
        "Les recettes ont atteint 5000 milliards de dongs (environ 200 millions d'USD).";
    DsrFacts *a = article("a.txt", "A", "2024-01-10", "EU");
    g_ptr_array_add(a->figures, figure("5000 milliards de dongs", 5000, 1e9, DSR_FIGURE_MONEY,
                                       "VND", 2024, "recettes", "VN", s));
    DsrFigure *eq = figure("environ 200 millions d'USD", 200, 1e6, DSR_FIGURE_MONEY, "USD", 2024,
                           "recettes", "VN", s);
    eq->qualifier = DSR_QUALIFIER_APPROX;
    eq->equivalent_of = 0;
    g_ptr_array_add(a->figures, eq);
    g_ptr_array_add(a->figures, figure("300 millions de dollars", 300, 1e6, DSR_FIGURE_MONEY, "USD",
                                       2024, "aide au développement", "EU", s));
    g_ptr_array_add(a->figures, figure("150 millions d'euros", 150, 1e6, DSR_FIGURE_MONEY, "EUR",
                                       2024, "prêts", "EU", s));
    g_ptr_array_add(a->figures, figure("250 millions d'euros", 250, 1e6, DSR_FIGURE_MONEY, "EUR",
                                       2024, "subventions", "EU", s));
    g_ptr_array_add(a->figures,
                    figure("12 experts", 12, 1, DSR_FIGURE_COUNT, NULL, 2024, "experts", "EU", s));
    g_ptr_array_add(all, a);
    g_autoptr(DsrBrief) b = summarize(all, "EU");
    g_assert_cmpuint(b->figures->len, ==, 5);
    const DsrBriefFigure *vnd = NULL;
    for (guint i = 0; i < b->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
        g_assert_cmpstr(f->quote, !=, "environ 200 millions d'USD");
        if (g_strcmp0(f->currency, "VND") == 0)
            vnd = f;
    }
    g_assert_nonnull(vnd);
    g_assert_cmpstr(vnd->equivalent.quote, ==, "environ 200 millions d'USD");
    g_assert_cmpint(vnd->equivalent.qualifier, ==, DSR_QUALIFIER_APPROX);
    /* Money about the relationship first, the count last. */
    g_assert_cmpint(g_array_index(b->figures, DsrBriefFigure, 0).kind, ==, DSR_FIGURE_MONEY);
    g_assert_cmpint(g_array_index(b->figures, DsrBriefFigure, 4).kind, ==, DSR_FIGURE_COUNT);

    guint usd = 0, eur = 0;
    for (guint i = 0; i < b->charts->len; i++) {
        const DsrChartSpec *c = &g_array_index(b->charts, DsrChartSpec, i);
        g_assert_cmpint(c->type, ==, DSR_CHART_BAR);
        gboolean is_usd = strstr(c->unit, "USD") != NULL, is_eur = strstr(c->unit, "EUR") != NULL;
        g_assert_true(is_usd != is_eur); /* one currency per chart */
        g_assert_nonnull(strstr(c->title, c->unit));
        if (is_usd) {
            usd++;
            /* The VND row enters in the currency its source gives, and the note says so. */
            g_assert_cmpuint(c->points->len, ==, 2);
            g_assert_nonnull(c->note);
            g_assert_nonnull(strstr(c->note, "chart-equivalent-note"));
            gboolean approx = FALSE;
            for (guint k = 0; k < c->points->len; k++)
                approx |= g_array_index(c->points, DsrChartPoint, k).approx;
            g_assert_true(approx);
        } else {
            eur++;
            g_assert_cmpuint(c->points->len, ==, 2);
        }
    }
    g_assert_cmpuint(usd, ==, 1);
    g_assert_cmpuint(eur, ==, 1);
}

/* The same quantity over several years, across sources: a line chart in
 * year order; millions and billions never in one bar chart. */
static void
test_series_chart(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    const char *s = "Phrase.";
    static const int years[] = {2022, 2020, 2021};
    static const double values[] = {19.5, 14.2, 17};
    for (guint i = 0; i < G_N_ELEMENTS(years); i++) {
        g_autofree char *file = g_strdup_printf("%u.txt", i);
        g_autofree char *quote = g_strdup_printf("%g milliards de dollars", values[i]);
        DsrFacts *a = article(file, file, "2024-03", "JP");
        g_ptr_array_add(a->figures, figure(quote, values[i], 1e9, DSR_FIGURE_MONEY, "USD", years[i],
                                           "exportations vers le Japon", "JP", s));
        g_ptr_array_add(all, a);
    }
    g_autoptr(DsrBrief) b = summarize(all, "JP");
    g_assert_cmpuint(b->charts->len, ==, 1);
    const DsrChartSpec *c = &g_array_index(b->charts, DsrChartSpec, 0);
    g_assert_cmpint(c->type, ==, DSR_CHART_LINE);
    g_assert_cmpuint(c->points->len, ==, 3);
    g_assert_cmpstr(g_array_index(c->points, DsrChartPoint, 0).label, ==, "2020");
    g_assert_cmpfloat(g_array_index(c->points, DsrChartPoint, 2).value, ==, 19.5);
    g_assert_cmpstr(c->unit, ==, "milliards USD");
    g_assert_nonnull(strstr(c->title, "exportations vers le Japon"));
}

/* A change is no level: a percent whose subject is a pronoun's (null) but
 * whose sentence calls it a rise, or one written "+12 %", stays out of the
 * percent chart beside shares. */
static void
test_change_not_charted(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    DsrFacts *a = article("a.txt", "a.txt", "2024-03", "JP");
    g_ptr_array_add(a->figures,
                    figure("16,5%", 16.5, 1, DSR_FIGURE_PERCENT, NULL, 2023,
                           "part du numérique dans le PIB", "JP",
                           "La part du numérique dans le PIB a atteint 16,5% en 2023."));
    g_ptr_array_add(a->figures,
                    figure("30%", 30, 1, DSR_FIGURE_PERCENT, NULL, 2023, "part des services", "JP",
                           "La part des services a atteint 30% en 2023."));
    g_ptr_array_add(a->figures, figure("35%", 35, 1, DSR_FIGURE_PERCENT, NULL, 2023, NULL, "JP",
                                       "Elle a atteint 3 milliards, soit une hausse de 35%."));
    g_ptr_array_add(a->figures,
                    figure("+12%", 12, 1, DSR_FIGURE_PERCENT, NULL, 2023, "exportations", "JP",
                           "Les exportations (+12%) progressent."));
    g_ptr_array_add(all, a);
    g_autoptr(DsrBrief) b = summarize(all, "JP");
    g_assert_cmpuint(b->charts->len, ==, 1);
    const DsrChartSpec *c = &g_array_index(b->charts, DsrChartSpec, 0);
    g_assert_cmpuint(c->points->len, ==, 2);
    for (guint i = 0; i < c->points->len; i++)
        g_assert_null(strstr(g_array_index(c->points, DsrChartPoint, i).label, "%"));
}

/* Events: the same forum reported on its day and in its month is one event;
 * undated events come after the chronology. */
static void
test_events_merge(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    DsrFacts *a = article("a.txt", "A", "2024-05", "KR");
    add_event(a, DSR_EVENT_FORUM, "2024-05", "Séoul", "Le forum d'affaires s'est tenu à Séoul");
    add_event(a, DSR_EVENT_MEETING, NULL, NULL, "Une rencontre a eu lieu");
    g_ptr_array_add(all, a);
    DsrFacts *b = article("b.txt", "B", "2024-05-20", "KR");
    add_event(b, DSR_EVENT_FORUM, "2024-05-16", "Seoul",
              "Le forum d'affaires a réuni 300 entreprises");
    add_event(b, DSR_EVENT_AGREEMENT, "2024-05-17", "Séoul", "Un accord a été signé");
    g_ptr_array_add(all, b);
    g_autoptr(DsrBrief) brief = summarize(all, "KR");
    g_assert_cmpuint(brief->events->len, ==, 3);
    const DsrBriefEvent *e0 = &g_array_index(brief->events, DsrBriefEvent, 0);
    g_assert_cmpint(e0->type, ==, DSR_EVENT_FORUM);
    g_assert_cmpstr(e0->date, ==, "2024-05-16");
    g_assert_true(cites_are(e0->cites, 1, 2));
    g_assert_cmpint(g_array_index(brief->events, DsrBriefEvent, 1).type, ==, DSR_EVENT_AGREEMENT);
    g_assert_null(g_array_index(brief->events, DsrBriefEvent, 2).date);
}

/* Sentences that cannot be quoted alone never become key points. */
static void
test_quotable(void)
{
    static const char *const refused[] = {
        "Il a souligné que les deux pays renforceraient leur coopération dans le numérique.",
        "Cette coopération ouvrira de nouvelles perspectives aux entreprises des deux pays.",
        "C'est ce qu'a déclaré le ministre lors de la réunion avec ses homologues à Hanoï.",
        "Photo : VNA - Les deux ministres lors de la cérémonie de signature à Hanoï hier.",
        ">> Le Vietnam et la Russie signent un accord de coopération dans le domaine numérique.",
        "Hanoï, 20 novembre (VNA) - Les deux pays ont signé un accord sur le commerce numérique.",
        "Les deux pays ont signé un accord sur le commerce numérique selon le communiqué - VNA",
        "Parmi les principaux projets de coopération entre les deux pays figurent les suivants :",
        "However, the two sides agreed to expand cooperation in semiconductors and clean energy.",
        "Quelles perspectives pour la coopération entre le Vietnam et la Russie dans le numérique "
        "?",
        "Trop court pour un point.",
        "Quels mécanismes faut-il pour que les jeunes entreprises du pays trouvent des capitaux ? "
        "»",
        "Nous devons savoir où nous nous situons dans les chaînes de valeur de la région.",
        /* The subject after an opening phrase points back. */
        "Signé à Hanoï en mars 2021, après deux ans de négociations, ce traité a ouvert les "
        "marchés.",
        "Pendant la séance de travail, il a proposé de créer un groupe de travail commun.",
        "Encore selon lui, les deux pays doivent accélérer la formation des ingénieurs.",
        "After the talks in Seoul, they agreed to double the number of scholarships by 2030.",
        /* A demonstrative in the opening phrase names what came before. */
        "Sur cette somme, quatre milliards iront aux infrastructures de transport du pays.",
        "Grâce à ces mesures la part des exportations agricoles a nettement progressé.",
        "Alors, les deux pays pourront développer leurs échanges dans ces secteurs clés.",
        "Lors de la rencontre, les deux ministres ont passé en revue la coopération bilatérale.",
    };
    for (guint i = 0; i < G_N_ELEMENTS(refused); i++)
        if (dsr__key_point_candidate(refused[i]))
            g_error("accepted: %s", refused[i]);
    g_assert_true(dsr__key_point_candidate(
        "Le Vietnam et la Russie ont signé le 20 novembre un accord sur le commerce numérique."));
    /* A relative "ce qui" and a date ("ces dernières années") are no anaphora. */
    g_assert_true(dsr__key_point_candidate(
        "Ces dernières années, les échanges ont doublé, ce qui fait du pays un partenaire clé."));
    g_assert_true(dsr__key_point_candidate("Au cours des six premiers mois de cette année, le "
                                           "commerce bilatéral a progressé de 12 %."));
    g_assert_true(dsr__key_point_candidate("« Les deux pays partagent une vision commune du "
                                           "développement numérique », a déclaré le ministre."));
}

static void
test_national(void)
{
    g_autoptr(GPtrArray) all = corpus();
    DsrSummarizeOptions o = options();
    g_autoptr(DsrBrief) b = dsr_summarize_relation(all, "VN", NULL, NULL, &o, NULL);
    g_assert_nonnull(b);
    g_assert_cmpstr(b->slug, ==, "vn");
    g_assert_null(b->partner);
    g_assert_cmpstr(b->title, ==, "Vietnam : contexte");
    g_assert_cmpuint(b->sources->len, ==, 1);
}

/* The brief of the hand-built relationship, as JSON: any change in what is
 * chosen, merged or ordered shows in the diff. */
static void
test_golden(void)
{
    g_autoptr(GPtrArray) all = corpus();
    g_autoptr(DsrBrief) b = summarize(all, "RU");
    g_autofree char *json = dsr_brief_to_json(b);
    dsr_test_assert_golden(json, "summarize", "relation.expected.json");
}

static DsrExtractor *extractor;

/* From article text through ingest and extract: every key point and every
 * figure wording is found verbatim in a source it cites. */
static void
test_from_articles(void)
{
    static const char *const texts[] = {
        "date 2025-03-04 Le Vietnam et la Corée renforcent leur coopération industrielle\n\n"
        "Le Vietnam et la Corée du Sud ont signé le 4 mars 2025 à Hanoï un protocole d'accord sur "
        "les "
        "semi-conducteurs et l'industrie de support.\n\n"
        "Les échanges commerciaux entre les deux pays ont atteint 86,4 milliards de dollars en "
        "2024, "
        "selon le ministère de l'Industrie et du Commerce.\n\n"
        "Il a ajouté que les entreprises coréennes souhaitaient investir davantage dans le nord du "
        "pays.\n\n"
        "Photo : VNA\n",
        "date 2025-03-06 Hanoï et Séoul visent 150 milliards de dollars d'échanges\n\n"
        "Les échanges commerciaux bilatéraux ont atteint 86 milliards de dollars en 2024, a "
        "indiqué "
        "l'ambassade de Corée à Hanoï lors d'une conférence de presse.\n\n"
        "Les deux pays se sont fixé l'objectif de porter leurs échanges à 150 milliards de dollars "
        "d'ici "
        "2030 grâce à de nouveaux projets dans l'énergie propre.\n\n"
        "La Corée est le premier investisseur étranger au Vietnam avec plus de 10 000 projets "
        "enregistrés "
        "dans le pays à la fin de 2024.\n",
    };
    g_autoptr(GPtrArray) all = facts_list();
    g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autofree char *name = g_strdup_printf("kr-%u.txt", i);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) arts =
            dsr_ingest_bytes(texts[i], strlen(texts[i]), name, NULL, &error);
        g_assert_no_error(error);
        for (guint k = 0; k < arts->len; k++)
            g_ptr_array_add(all, dsr_extract(extractor, g_ptr_array_index(arts, k)));
    }
    g_autoptr(GPtrArray) partners = dsr_summarize_partners(all);
    g_assert_cmpuint(partners->len, >=, 1);
    g_assert_cmpstr(g_ptr_array_index(partners, 0), ==, "KR");
    g_autoptr(DsrBrief) b = summarize(all, "KR");
    g_assert_cmpuint(b->sources->len, ==, 2);
    /* The text of each source, as its facts keep it, in source order. */
    for (guint n = 0; n < b->sources->len; n++) {
        const DsrSource *src = &g_array_index(b->sources, DsrSource, n);
        for (guint i = 0; i < all->len; i++) {
            const DsrFacts *f = g_ptr_array_index(all, i);
            if (strcmp(f->file, src->file) != 0)
                continue;
            GString *text = g_string_new(NULL);
            for (guint k = 0; k < f->sentences->len; k++)
                g_string_append_printf(text, "%s\n",
                                       ((DsrSentence *)g_ptr_array_index(f->sentences, k))->text);
            g_ptr_array_add(bodies, g_string_free(text, FALSE));
        }
    }
    g_assert_cmpuint(b->key_points->len, >=, 3);
    for (guint i = 0; i < b->key_points->len; i++) {
        const DsrKeyPoint *kp = &g_array_index(b->key_points, DsrKeyPoint, i);
        g_assert_false(g_str_has_prefix(kp->text, "Il "));
        g_assert_null(strstr(kp->text, "Photo"));
        for (guint c = 0; c < kp->cites->len; c++)
            g_assert_nonnull(
                strstr(g_ptr_array_index(bodies, g_array_index(kp->cites, int, c) - 1), kp->text));
    }
    gboolean trade = FALSE;
    for (guint i = 0; i < b->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
        /* Each source that a variant does not claim wrote the row's own quote. */
        for (guint c = 0; c < f->cites->len; c++) {
            int n = g_array_index(f->cites, int, c);
            const char *quote = f->quote;
            for (guint v = 0; f->variants && v < f->variants->len; v++) {
                const DsrFigureVariant *var = &g_array_index(f->variants, DsrFigureVariant, v);
                for (guint k = 0; k < var->cites->len; k++)
                    if (g_array_index(var->cites, int, k) == n)
                        quote = var->quote;
            }
            g_assert_nonnull(strstr(g_ptr_array_index(bodies, n - 1), quote));
        }
        trade |= f->kind == DSR_FIGURE_MONEY && f->year == 2024 && f->cites->len == 2;
    }
    /* 86,4 and 86 billion for the same year's trade: one row, both sources. */
    g_assert_true(trade);
}

/* Three articles through ingest and extract report one year's trade: 30
 * and 31 billion USD in French under two wordings of the subject, 30.6 in
 * English. The values cannot all be true: they are shown together, as one
 * group whose discrepancy text names each value with its sources, never
 * merged into one row. A target for 2030 in the same article is not charted
 * beside the values reached, nor set against them. */
static void
test_discrepancy_from_articles(void)
{
    static const char *const texts[] = {
        "date 2024-03-02 Le commerce entre le Vietnam et la Russie progresse\n\n"
        "Selon le ministère de l'Industrie et du Commerce, les échanges commerciaux entre le "
        "Vietnam et la Russie ont atteint 30 milliards d'USD en 2023, un record pour les deux "
        "pays.\n\n"
        "Les deux gouvernements veulent porter ce chiffre à 50 milliards d'USD d'ici 2030.\n",
        "date 2024-03-05 Moscou et Hanoï veulent aller plus loin\n\n"
        "Le commerce bilatéral entre la Russie et le Vietnam s'est élevé à 31 milliards d'USD en "
        "2023, selon les douanes russes citées par l'agence TASS.\n\n"
        "Les deux pays ont signé le 4 mars à Moscou un accord sur la coopération douanière.\n",
        "date 2024-03-06 Vietnam and Russia step up trade\n\n"
        "Two-way trade between Vietnam and Russia reached 30.6 billion USD in 2023, according to "
        "the Russian embassy in Hanoi.\n",
    };
    g_autoptr(GPtrArray) all = facts_list();
    for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autofree char *name = g_strdup_printf("ru-%u.txt", i);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) arts =
            dsr_ingest_bytes(texts[i], strlen(texts[i]), name, NULL, &error);
        g_assert_no_error(error);
        g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
        for (guint k = 0; k < arts->len; k++)
            g_ptr_array_add(all, dsr_extract(extractor, g_ptr_array_index(arts, k)));
    }
    g_autoptr(DsrBrief) b = summarize(all, "RU");
    g_assert_cmpuint(b->sources->len, ==, 3);
    int group = 0;
    guint rows = 0;
    const DsrBriefFigure *thirty = NULL;
    for (guint i = 0; i < b->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
        if (f->kind != DSR_FIGURE_MONEY || f->year != 2023)
            continue;
        rows++;
        g_assert_cmpint(f->group, >, 0);
        g_assert_nonnull(f->discrepancy);
        if (!group)
            group = f->group;
        g_assert_cmpint(f->group, ==, group);
        if (f->value == 30)
            thirty = f;
    }
    /* 30 stands apart; 31 and 30.6 agree within the rounding of 31: one row. */
    g_assert_cmpuint(rows, ==, 2);
    g_assert_nonnull(thirty);
    g_assert_nonnull(strstr(thirty->discrepancy, "30 milliards d'USD [1]"));
    /* The other row quotes the more precise wording and keeps the other. */
    g_assert_nonnull(strstr(thirty->discrepancy, "30.6 billion USD [2, 3]"));
    for (guint c = 0; c < b->charts->len; c++) {
        const DsrChartSpec *ch = &g_array_index(b->charts, DsrChartSpec, c);
        for (guint k = 0; k < ch->points->len; k++) {
            const DsrChartPoint *pt = &g_array_index(ch->points, DsrChartPoint, k);
            g_assert_cmpfloat(pt->value, !=, 50);
        }
    }
}

/* What run.c gives: the taxonomy's name of a theme in either language. */
static const char *
theme_name(const char *name, const char *lang, gpointer data)
{
    return dsr_extractor_theme_name(data, name, lang);
}

static const DsrBriefTheme *
brief_theme(const DsrBrief *b, const char *name)
{
    for (guint i = 0; i < b->themes->len; i++)
        if (strcmp(g_array_index(b->themes, DsrBriefTheme, i).name, name) == 0)
            return &g_array_index(b->themes, DsrBriefTheme, i);
    return NULL;
}

/* A brief with English labels names its areas of cooperation in English,
 * ranked as before and, at equal counts, in English alphabetical order; the
 * French brief keeps the taxonomy's French names and order. */
static void
test_themes_english_names(void)
{
    g_autoptr(GPtrArray) all = corpus();
    DsrFacts *c = g_ptr_array_index(all, 2);
    c->primary_partner = g_strdup("RU");
    g_ptr_array_add(c->partners, g_strdup("RU"));
    g_ptr_array_add(c->themes, g_strdup("commerce et investissement"));

    DsrSummarizeOptions o = options();
    o.theme_name = theme_name;
    o.theme_name_data = extractor;
    g_autoptr(DsrBrief) fr = dsr_summarize_relation(all, "VN", "RU", "Russie", &o, NULL);
    g_assert_nonnull(fr);
    g_assert_cmpuint(fr->themes->len, ==, 3);
    g_assert_cmpstr(g_array_index(fr->themes, DsrBriefTheme, 0).name, ==, "semi-conducteurs");
    g_assert_cmpstr(g_array_index(fr->themes, DsrBriefTheme, 1).name, ==,
                    "commerce et investissement");
    g_assert_cmpstr(g_array_index(fr->themes, DsrBriefTheme, 2).name, ==, "énergie");

    o.lang = "en";
    g_autoptr(DsrBrief) en = dsr_summarize_relation(all, "VN", "RU", "Russia", &o, NULL);
    g_assert_nonnull(en);
    g_assert_cmpuint(en->themes->len, ==, 3);
    g_assert_cmpstr(g_array_index(en->themes, DsrBriefTheme, 0).name, ==, "semiconductors");
    g_assert_cmpint(g_array_index(en->themes, DsrBriefTheme, 0).count, ==, 2);
    g_assert_cmpstr(g_array_index(en->themes, DsrBriefTheme, 1).name, ==, "energy");
    g_assert_cmpstr(g_array_index(en->themes, DsrBriefTheme, 2).name, ==, "trade and investment");
    /* The examples do not depend on the labels' language. */
    g_assert_cmpstr(g_array_index(en->themes, DsrBriefTheme, 0).example, ==,
                    g_array_index(fr->themes, DsrBriefTheme, 0).example);
    g_assert_cmpstr(g_array_index(en->themes, DsrBriefTheme, 1).example, ==,
                    g_array_index(fr->themes, DsrBriefTheme, 2).example);
    g_assert_cmpstr(g_array_index(en->themes, DsrBriefTheme, 2).example, ==,
                    g_array_index(fr->themes, DsrBriefTheme, 1).example);

    /* Without a translation the facts' names are shown, as before. */
    o.theme_name = NULL;
    g_autoptr(DsrBrief) raw = dsr_summarize_relation(all, "VN", "RU", "Russia", &o, NULL);
    g_assert_cmpstr(g_array_index(raw->themes, DsrBriefTheme, 0).name, ==, "semi-conducteurs");
}

/* An English article's example is found on the theme's English name (the
 * facts carry the French one), in a brief with labels in either language;
 * a French article beside it still finds its own on the French name. */
static void
test_themes_english_example(void)
{
    static const char *const en_text[] = {
        "The two delegations reviewed the progress of bilateral projects over the past year.",
        "Both sides agreed to expand trade and investment in processed farm goods and port "
        "logistics.",
        "The ministers also discussed tourism and direct flights between the two capitals.",
    };
    g_autoptr(GPtrArray) all = facts_list();
    DsrFacts *a = article("en-1.txt", "Vietnam and Russia deepen ties", "2025-05-02", "RU");
    g_free(a->lang);
    a->lang = g_strdup("en");
    for (guint i = 0; i < G_N_ELEMENTS(en_text); i++)
        add_sentence(a, en_text[i]);
    g_ptr_array_add(a->themes, g_strdup("commerce et investissement"));
    g_ptr_array_add(all, a);
    DsrFacts *b = article("fr-1.txt", "Forum de l'énergie", "2025-06-10", "RU");
    add_sentence(b, "Les deux pays ont inauguré un forum consacré à l'énergie nucléaire civile "
                    "à Moscou.");
    g_ptr_array_add(b->themes, g_strdup("énergie"));
    g_ptr_array_add(all, b);

    DsrSummarizeOptions o = options();
    o.theme_name = theme_name;
    o.theme_name_data = extractor;
    for (guint pass = 0; pass < 2; pass++) {
        o.lang = pass ? "en" : "fr";
        g_autoptr(DsrBrief) br = dsr_summarize_relation(all, "VN", "RU", "Russie", &o, NULL);
        g_assert_nonnull(br);
        const DsrBriefTheme *trade =
            brief_theme(br, pass ? "trade and investment" : "commerce et investissement");
        g_assert_nonnull(trade);
        g_assert_cmpstr(trade->example, ==, en_text[1]);
        g_assert_true(cites_are(trade->cites, 1, 0));
        const DsrBriefTheme *energy = brief_theme(br, pass ? "energy" : "énergie");
        g_assert_nonnull(energy);
        g_assert_nonnull(energy->example);
        g_assert_true(g_str_has_prefix(energy->example, "Les deux pays ont inauguré"));
        g_assert_true(cites_are(energy->cites, 2, 0));
    }

    /* The French name's stems ("commerc", "investiss") do not occur in the
     * English article: without the translation there is no example, and the
     * theme cites its article. */
    o.theme_name = NULL;
    g_autoptr(DsrBrief) raw = dsr_summarize_relation(all, "VN", "RU", "Russie", &o, NULL);
    const DsrBriefTheme *trade = brief_theme(raw, "commerce et investissement");
    g_assert_nonnull(trade);
    g_assert_null(trade->example);
    g_assert_true(cites_are(trade->cites, 1, 0));
}

static guint
next_random(guint32 *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

/* Ten thousand articles of one relationship: the candidate cap and the
 * inverted index keep this to seconds. The time is printed, not asserted. */
static void
test_scale(void)
{
    static const char *const words[] = {
        "commerce",   "investissement",  "énergie",     "numérique",  "semi-conducteurs",
        "formation",  "infrastructures", "agriculture", "tourisme",   "santé",
        "logistique", "finance",         "industrie",   "innovation", "recherche",
        "transport",  "environnement",   "culture",
    };
    static const char *const places[] = {"Hanoï", "Moscou", "Saint-Pétersbourg", "Da Nang"};
    g_autoptr(GPtrArray) all = facts_list();
    guint32 seed = 12345;
    for (guint i = 0; i < 10000; i++) {
        g_autofree char *file = g_strdup_printf("syn-%05u.txt", i);
        g_autofree char *date =
            g_strdup_printf("20%02u-%02u-%02u", 15 + next_random(&seed) % 10,
                            1 + next_random(&seed) % 12, 1 + next_random(&seed) % 28);
        DsrFacts *a = article(file, file, date, "RU");
        for (guint k = 0; k < 20; k++) {
            const char *w1 = words[next_random(&seed) % G_N_ELEMENTS(words)];
            const char *w2 = words[next_random(&seed) % G_N_ELEMENTS(words)];
            const char *w3 = words[next_random(&seed) % G_N_ELEMENTS(words)];
            g_autofree char *text = g_strdup_printf(
                "Les deux pays ont décidé de développer la coopération dans %s, %s et %s au cours "
                "de l'année %u selon le ministère.",
                w1, w2, w3, 2015 + next_random(&seed) % 10);
            add_sentence(a, text);
        }
        for (guint k = 0; k < 3; k++) {
            double v = 1 + next_random(&seed) % 200;
            g_autofree char *quote = g_strdup_printf("%g milliards de dollars", v);
            g_autofree char *subject =
                g_strdup_printf("échanges de %s", words[next_random(&seed) % G_N_ELEMENTS(words)]);
            g_ptr_array_add(a->figures,
                            figure(quote, v, 1e9, DSR_FIGURE_MONEY, "USD",
                                   2015 + next_random(&seed) % 10, subject, "RU",
                                   ((DsrSentence *)g_ptr_array_index(a->sentences, k))->text));
        }
        g_autofree char *edate =
            g_strdup_printf("20%02u-%02u-%02u", 15 + next_random(&seed) % 10,
                            1 + next_random(&seed) % 12, 1 + next_random(&seed) % 28);
        add_event(a, (DsrEventType)(next_random(&seed) % 4), edate,
                  places[next_random(&seed) % G_N_ELEMENTS(places)],
                  "Un accord a été signé entre les deux pays");
        g_autofree char *name = g_strdup_printf("Personne %u", next_random(&seed) % 500);
        add_actor(a, name, "ministre", next_random(&seed) % 2 ? "VN" : "RU");
        g_ptr_array_add(a->themes, g_strdup(words[next_random(&seed) % G_N_ELEMENTS(words)]));
        g_ptr_array_add(all, a);
    }
    gint64 start = g_get_monotonic_time();
    /* Past the default --max-articles: this measures the key points of all ten thousand. */
    DsrSummarizeOptions o = options();
    o.max_articles = 10000;
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) b = dsr_summarize_relation(all, "VN", "RU", "Russie", &o, &error);
    g_assert_no_error(error);
    double seconds = (g_get_monotonic_time() - start) / 1e6;
    g_test_message("10000 articles summarized in %.2f s", seconds);
    g_printerr("# 10000 articles summarized in %.2f s\n", seconds);
    g_assert_cmpuint(b->sources->len, ==, 10000);
    g_assert_cmpuint(b->omitted.articles, ==, 0);
    g_assert_cmpuint(b->key_points->len, >=, 4);
    g_assert_cmpuint(b->key_points->len, <=, 8);
    /* Thousands of events and 500 people: the default caps keep the most reported. */
    g_assert_cmpuint(b->events->len, ==, DSR_DEFAULT_MAX_EVENTS);
    g_assert_cmpuint(b->omitted.events, >, 0);
    g_assert_cmpuint(b->actors->len, ==, DSR_DEFAULT_MAX_ACTORS);
    g_assert_cmpuint(b->omitted.actors, ==, 500 - DSR_DEFAULT_MAX_ACTORS);
}

/* dsr_summarize_prepare() drops the sentences no brief can quote, and the
 * briefs of prepared facts are byte for byte those of the full facts. */
static void
test_prepare(void)
{
    const char *partners[] = {"RU", NULL};
    for (guint p = 0; p < G_N_ELEMENTS(partners); p++) {
        g_autoptr(GPtrArray) full = corpus();
        g_autoptr(GPtrArray) lean = corpus();
        guint before = 0, after = 0;
        for (guint i = 0; i < lean->len; i++) {
            DsrFacts *f = g_ptr_array_index(lean, i);
            before += f->sentences->len;
            dsr_summarize_prepare(f);
            after += f->sentences->len;
            for (guint k = 0; k < f->sentences->len; k++)
                g_assert_true(dsr__key_point_candidate(
                    ((DsrSentence *)g_ptr_array_index(f->sentences, k))->text));
        }
        /* "Il a estimé que cette coopération…" needs the sentence before. */
        g_assert_cmpuint(after, <, before);
        DsrSummarizeOptions o = options();
        g_autoptr(GError) error = NULL;
        g_autoptr(DsrBrief) a =
            dsr_summarize_relation(full, "VN", partners[p], "Russie", &o, &error);
        g_assert_no_error(error);
        o.prepared = TRUE;
        g_autoptr(DsrBrief) b =
            dsr_summarize_relation(lean, "VN", partners[p], "Russie", &o, &error);
        g_assert_no_error(error);
        g_autofree char *ja = dsr_brief_to_json(a);
        g_autofree char *jb = dsr_brief_to_json(b);
        g_assert_cmpstr(ja, ==, jb);
    }
}

/* Six articles of one relationship, given in two orders; one is undated. */
static GPtrArray *
dated_articles(gboolean reversed)
{
    static const char *const dates[] = {"2023-01-05", NULL,         "2025-03",
                                        "2024-07-14", "2025-03-02", "2022"};
    GPtrArray *all = facts_list();
    for (guint k = 0; k < G_N_ELEMENTS(dates); k++) {
        guint i = reversed ? G_N_ELEMENTS(dates) - 1 - k : k;
        g_autofree char *file = g_strdup_printf("d%u.txt", i);
        DsrFacts *f = article(file, "Coopération", dates[i], "JP");
        add_sentence(f, "Les deux pays ont décidé de renforcer leur coopération dans l'énergie et "
                        "les transports cette année.");
        g_ptr_array_add(all, f);
    }
    return all;
}

/* --max-articles: the most recent articles make the brief (an undated one
 * counts as the oldest), whatever the input order; the others are counted. */
static void
test_limit_articles(void)
{
    for (int reversed = 0; reversed < 2; reversed++) {
        g_autoptr(GPtrArray) all = dated_articles(reversed);
        DsrSummarizeOptions o = options();
        o.max_articles = 3;
        g_autoptr(GError) error = NULL;
        g_autoptr(DsrBrief) b = dsr_summarize_relation(all, "VN", "JP", "Japon", &o, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(b->sources->len, ==, 3);
        g_assert_cmpuint(b->omitted.articles, ==, 3);
        /* Still numbered by date, oldest first. */
        g_assert_cmpstr(g_array_index(b->sources, DsrSource, 0).date, ==, "2024-07-14");
        g_assert_cmpstr(g_array_index(b->sources, DsrSource, 1).date, ==, "2025-03");
        g_assert_cmpstr(g_array_index(b->sources, DsrSource, 2).date, ==, "2025-03-02");
        g_assert_cmpstr(b->period_from, ==, "2024-07-14");
    }
    /* At the limit nothing is cut. */
    g_autoptr(GPtrArray) all = dated_articles(FALSE);
    DsrSummarizeOptions o = options();
    o.max_articles = 6;
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) b = dsr_summarize_relation(all, "VN", "JP", "Japon", &o, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(b->sources->len, ==, 6);
    g_assert_cmpuint(b->omitted.articles, ==, 0);
}

/* --max-events and --max-actors: the rows most sources report are kept, in
 * the section's own order (chronology; side), and the cut is counted. */
static void
test_limit_events_actors(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    DsrFacts *a = article("a.txt", "A", "2024-05-01", "KR");
    add_event(a, DSR_EVENT_FORUM, "2024-05-16", "Séoul", "Le forum d'affaires s'est tenu");
    add_event(a, DSR_EVENT_VISIT, "2023-02-02", "Hanoï", "Une visite officielle a eu lieu");
    add_event(a, DSR_EVENT_MEETING, "2024-01-09", "Busan", "Une rencontre a eu lieu");
    add_actor(a, "Kim Min-ji", "ministre", "KR");
    add_actor(a, "Trần Văn Nam", "vice-ministre", "VN");
    add_actor(a, "Jean Dupont", "expert", NULL);
    g_ptr_array_add(all, a);
    DsrFacts *b = article("b.txt", "B", "2024-05-20", "KR");
    add_event(b, DSR_EVENT_FORUM, "2024-05-16", "Seoul",
              "Le forum d'affaires a réuni 300 entreprises");
    add_event(b, DSR_EVENT_AGREEMENT, "2022-11-17", "Séoul", "Un accord a été signé");
    add_event(b, DSR_EVENT_MEETING, "2024-03-01", "Séoul", "Une réunion a eu lieu");
    add_actor(b, "Tran Van Nam", NULL, "VN");
    add_actor(b, "Lee Soo-jin", "directrice", "KR");
    g_ptr_array_add(all, b);

    DsrSummarizeOptions o = options();
    o.max_events = 3;
    o.max_actors = 2;
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) brief = dsr_summarize_relation(all, "VN", "KR", "Corée", &o, &error);
    g_assert_no_error(error);
    /* The forum (two sources), the agreement, then the most recent of the others. */
    g_assert_cmpuint(brief->events->len, ==, 3);
    g_assert_cmpuint(brief->omitted.events, ==, 2);
    const DsrBriefEvent *e = (const DsrBriefEvent *)(void *)brief->events->data;
    g_assert_cmpint(e[0].type, ==, DSR_EVENT_AGREEMENT);
    g_assert_cmpstr(e[1].date, ==, "2024-03-01");
    g_assert_cmpstr(e[2].date, ==, "2024-05-16");
    g_assert_true(cites_are(e[2].cites, 1, 2));
    /* The vice-minister cited twice, then a partner's side before the expert. */
    g_assert_cmpuint(brief->actors->len, ==, 2);
    g_assert_cmpuint(brief->omitted.actors, ==, 2);
    const DsrBriefActor *ac = (const DsrBriefActor *)(void *)brief->actors->data;
    g_assert_cmpstr(ac[0].entity, ==, "VN");
    g_assert_cmpstr(ac[1].name, ==, "Kim Min-ji");
}

/* An actor every article names cites the latest DSR_ACTOR_CITES of them and
 * counts the rest. */
static void
test_actor_cites_capped(void)
{
    g_autoptr(GPtrArray) all = facts_list();
    for (guint i = 0; i < 8; i++) {
        g_autofree char *file = g_strdup_printf("%u.txt", i);
        g_autofree char *date = g_strdup_printf("2024-05-%02u", i + 1);
        DsrFacts *a = article(file, file, date, "KR");
        add_actor(a, "Kim Min-ji", "ministre", "KR");
        g_ptr_array_add(all, a);
    }
    g_autoptr(DsrBrief) brief = summarize(all, "KR");
    g_assert_cmpuint(brief->actors->len, ==, 1);
    const DsrBriefActor *ac = &g_array_index(brief->actors, DsrBriefActor, 0);
    g_assert_cmpuint(ac->mentions, ==, 8);
    g_assert_cmpuint(ac->cites->len, ==, DSR_ACTOR_CITES);
    g_assert_cmpint(g_array_index(ac->cites, int, 0), ==, 4); /* sources by date: 4..8 */
    g_assert_cmpint(g_array_index(ac->cites, int, DSR_ACTOR_CITES - 1), ==, 8);
}

/* ---- Measurement on ../shared/corpus (tests/data/summarize/corpus-key-facts.tsv) ---- */

/* A key for "found verbatim, white space aside" and for fact matching: folded
 * (case, accents, apostrophes) with every space removed, so a site's glued or
 * broken spacing neither hides nor fakes a match. */
static char *
match_key(const char *s, gboolean fold)
{
    g_autofree char *f = fold ? dsr_text_fold_ascii(s) : g_strdup(s);
    GString *out = g_string_new(NULL);
    for (const char *p = f; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (dsr_text_is_space(c))
            continue;
        if (!fold && (c == 0x2019 || c == 0x2018))
            c = '\'';
        g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

typedef struct {
    char *file, *kind, *quote;
} KeyFact;

static void
key_fact_free(KeyFact *k)
{
    g_free(k->file);
    g_free(k->kind);
    g_free(k->quote);
    g_free(k);
}

static GPtrArray *
load_key_facts(void)
{
    gsize len = 0;
    g_autofree char *text = dsr_test_read_data("summarize", "corpus-key-facts.tsv", &len);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)key_fact_free);
    for (guint i = 0; lines[i]; i++) {
        if (!*lines[i] || lines[i][0] == '#')
            continue;
        g_auto(GStrv) c = g_strsplit(lines[i], "\t", -1);
        if (g_strv_length(c) != 3)
            g_error("corpus-key-facts.tsv:%u: 3 columns expected", i + 1);
        KeyFact *k = g_new0(KeyFact, 1);
        k->file = g_strdup(c[0]);
        k->kind = g_strdup(c[1]);
        k->quote = g_strdup(c[2]);
        g_ptr_array_add(out, k);
    }
    return out;
}

typedef struct {
    DsrBrief *brief;
    GHashTable *source_of; /* relative file name -> source number */
} CorpusBrief;

static void
corpus_brief_free(CorpusBrief *cb)
{
    dsr_brief_free(cb->brief);
    g_hash_table_unref(cb->source_of);
    g_free(cb);
}

static gboolean
cites_has(const DsrCites *cites, int n)
{
    for (guint i = 0; cites && i < cites->len; i++)
        if (g_array_index(cites, int, i) == n)
            return TRUE;
    return FALSE;
}

/* The texts of the brief's items that cite source @n and in which a reader
 * would find a fact: key points, figure rows (their wordings and equivalent),
 * events, actors. */
static GPtrArray *
items_citing(const DsrBrief *b, int n)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < b->key_points->len; i++) {
        const DsrKeyPoint *kp = &g_array_index(b->key_points, DsrKeyPoint, i);
        if (cites_has(kp->cites, n))
            g_ptr_array_add(items, match_key(kp->text, TRUE));
    }
    for (guint i = 0; i < b->figures->len; i++) {
        const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
        if (!cites_has(f->cites, n))
            continue;
        GString *s = g_string_new(f->quote);
        for (guint v = 0; f->variants && v < f->variants->len; v++)
            g_string_append_printf(s, " | %s",
                                   g_array_index(f->variants, DsrFigureVariant, v).quote);
        if (f->equivalent.quote)
            g_string_append_printf(s, " | %s", f->equivalent.quote);
        g_ptr_array_add(items, match_key(s->str, TRUE));
        g_string_free(s, TRUE);
    }
    for (guint i = 0; i < b->events->len; i++) {
        const DsrBriefEvent *e = &g_array_index(b->events, DsrBriefEvent, i);
        if (!cites_has(e->cites, n))
            continue;
        g_autofree char *s = g_strdup_printf("%s | %s | %s", e->summary ? e->summary : "",
                                             e->place ? e->place : "", e->date ? e->date : "");
        g_ptr_array_add(items, match_key(s, TRUE));
    }
    for (guint i = 0; i < b->actors->len; i++) {
        const DsrBriefActor *a = &g_array_index(b->actors, DsrBriefActor, i);
        if (!cites_has(a->cites, n))
            continue;
        g_autofree char *s = g_strdup_printf("%s | %s", a->name, a->role ? a->role : "");
        g_ptr_array_add(items, match_key(s, TRUE));
    }
    return items;
}

static gboolean
fact_in_items(const KeyFact *k, GPtrArray *items)
{
    g_auto(GStrv) terms = g_strsplit(k->quote, " + ", -1);
    for (guint i = 0; i < items->len; i++) {
        gboolean all = TRUE;
        for (guint t = 0; terms[t] && all; t++) {
            g_autofree char *key = match_key(terms[t], TRUE);
            all = strstr(g_ptr_array_index(items, i), key) != NULL;
        }
        if (all)
            return TRUE;
    }
    return FALSE;
}

/* Two key points say the same thing when most of the content stems of the
 * shorter are in the other, or their stems mostly agree. */
static gboolean
near_duplicates(DsrRelation *rel, const char *a, const char *la, const char *b, const char *lb)
{
    g_autoptr(GHashTable) x = dsr__stems(rel, a, la);
    g_autoptr(GHashTable) y = dsr__stems(rel, b, lb);
    guint nx = g_hash_table_size(x), ny = g_hash_table_size(y);
    if (MIN(nx, ny) < 4)
        return FALSE;
    double j = dsr__jaccard(x, y);
    double inter = j * (nx + ny) / (1 + j);
    return j >= 0.5 || inter / MIN(nx, ny) >= 0.8;
}

typedef struct {
    int facts, found;
} Coverage;

/* Every relationship's brief from the whole corpus, as `dossier build` makes
 * it. Asserted: every key point and every figure wording is in a source it
 * cites (white space aside), and no two key points are near-duplicates.
 * Measured: the share of the hand-noted key facts of each article present in
 * its relationship's brief, dev and held-out files apart (the held-out
 * misses are listed only with DOSSIER_SUMMARIZE_HELDOUT_DETAILS set). */
static void
test_corpus(void)
{
    g_autofree char *corpus = dsr_test_corpus_dir();
    if (!corpus) {
        g_test_skip("no corpus (set DOSSIER_CORPUS)");
        return;
    }
    gsize len = 0;
    g_autofree char *split = dsr_test_read_data("extract", "corpus-split.txt", &len);
    g_autoptr(GHashTable) held = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_auto(GStrv) split_lines = g_strsplit(split, "\n", -1);
    for (guint i = 0; split_lines[i]; i++)
        if (*split_lines[i] && split_lines[i][0] != '#')
            g_hash_table_add(held, g_strdup(split_lines[i]));

    /* Facts of every article, keyed by its name relative to the corpus, and
     * each article's text without white space for the verbatim checks. */
    g_autoptr(GPtrArray) all = facts_list();
    g_autoptr(GHashTable) name_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GHashTable) text_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GHashTable) facts_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    const char *langs[] = {"fr", "en"};
    for (guint l = 0; l < G_N_ELEMENTS(langs); l++) {
        g_autofree char *dir = g_build_filename(corpus, langs[l], NULL);
        g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
        if (!d)
            continue;
        for (const char *n; (n = g_dir_read_name(d));) {
            if (!g_str_has_suffix(n, ".txt"))
                continue;
            g_autofree char *path = g_build_filename(dir, n, NULL);
            g_autoptr(GError) err = NULL;
            g_autoptr(GPtrArray) arts = dsr_ingest_file(path, NULL, &err);
            g_assert_no_error(err);
            g_ptr_array_set_free_func(arts, (GDestroyNotify)dsr_article_free);
            g_autofree char *raw = NULL;
            g_assert_true(g_file_get_contents(path, &raw, NULL, NULL));
            for (guint k = 0; k < arts->len; k++) {
                DsrFacts *f = dsr_extract(extractor, g_ptr_array_index(arts, k));
                g_ptr_array_add(all, f);
                g_hash_table_insert(name_of, g_strdup(f->file),
                                    g_build_filename(langs[l], n, NULL));
                g_hash_table_insert(text_of, g_strdup(f->file), match_key(raw, FALSE));
                if (k == 0)
                    g_hash_table_insert(facts_of, g_build_filename(langs[l], n, NULL), f);
            }
        }
    }
    g_assert_cmpuint(all->len, >, 0);

    DsrSummarizeOptions o = options();
    g_autoptr(GPtrArray) partners = dsr_summarize_partners(all);
    g_autoptr(GHashTable) briefs =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)corpus_brief_free);
    g_autoptr(DsrStemmer) stem_fr = dsr_stemmer_new("fr");
    g_autoptr(DsrStemmer) stem_en = dsr_stemmer_new("en");
    DsrRelation rel = {.stem_fr = stem_fr, .stem_en = stem_en};
    guint points = 0, figures = 0, discrepancies = 0;
    for (guint p = 0; p < partners->len; p++) {
        const char *code = g_ptr_array_index(partners, p);
        g_autoptr(GError) err = NULL;
        DsrBrief *b =
            dsr_summarize_relation(all, "VN", *code ? code : NULL, *code ? code : NULL, &o, &err);
        g_assert_no_error(err);
        CorpusBrief *cb = g_new0(CorpusBrief, 1);
        cb->brief = b;
        cb->source_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint s = 0; s < b->sources->len; s++) {
            const DsrSource *so = &g_array_index(b->sources, DsrSource, s);
            g_hash_table_insert(cb->source_of, g_strdup(g_hash_table_lookup(name_of, so->file)),
                                GINT_TO_POINTER(so->n));
        }
        g_hash_table_insert(briefs, g_strdup(code), cb);

        for (guint i = 0; i < b->key_points->len; i++) {
            const DsrKeyPoint *kp = &g_array_index(b->key_points, DsrKeyPoint, i);
            g_autofree char *key = match_key(kp->text, FALSE);
            g_assert_cmpuint(kp->cites->len, >, 0);
            for (guint c = 0; c < kp->cites->len; c++) {
                const DsrSource *so =
                    &g_array_index(b->sources, DsrSource, g_array_index(kp->cites, int, c) - 1);
                if (!strstr(g_hash_table_lookup(text_of, so->file), key))
                    g_error("key point of %s not in its source %s: %s", b->slug, so->file,
                            kp->text);
            }
            for (guint k = 0; k < i; k++) {
                const DsrKeyPoint *other = &g_array_index(b->key_points, DsrKeyPoint, k);
                if (near_duplicates(&rel, kp->text, NULL, other->text, NULL))
                    g_error("near-duplicate key points in %s:\n  %s\n  %s", b->slug, other->text,
                            kp->text);
            }
            points++;
        }
        for (guint i = 0; i < b->figures->len; i++) {
            const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, i);
            for (guint c = 0; c < f->cites->len; c++) {
                int n = g_array_index(f->cites, int, c);
                const char *quote = f->quote;
                for (guint v = 0; f->variants && v < f->variants->len; v++) {
                    const DsrFigureVariant *var = &g_array_index(f->variants, DsrFigureVariant, v);
                    if (cites_has(var->cites, n))
                        quote = var->quote;
                }
                const DsrSource *so = &g_array_index(b->sources, DsrSource, n - 1);
                g_autofree char *key = match_key(quote, FALSE);
                if (!strstr(g_hash_table_lookup(text_of, so->file), key))
                    g_error("figure of %s not in its source %s: %s", b->slug, so->file, quote);
            }
            figures++;
            discrepancies += f->discrepancy != NULL;
        }
    }

    g_autoptr(GPtrArray) facts = load_key_facts();
    gboolean show_held = g_getenv("DOSSIER_SUMMARIZE_HELDOUT_DETAILS") != NULL;
    Coverage dev = {0, 0}, out = {0, 0};
    for (guint i = 0; i < facts->len; i++) {
        const KeyFact *k = g_ptr_array_index(facts, i);
        gboolean is_held = g_hash_table_contains(held, k->file);
        Coverage *cov = is_held ? &out : &dev;
        cov->facts++;
        const DsrFacts *f = g_hash_table_lookup(facts_of, k->file);
        const CorpusBrief *cb =
            f ? g_hash_table_lookup(briefs, f->primary_partner ? f->primary_partner : "") : NULL;
        int n = cb ? GPOINTER_TO_INT(g_hash_table_lookup(cb->source_of, k->file)) : 0;
        gboolean found = FALSE;
        if (n) {
            g_autoptr(GPtrArray) items = items_citing(cb->brief, n);
            found = fact_in_items(k, items);
        }
        cov->found += found;
        if (!found && (!is_held || show_held))
            fprintf(stderr, "#   missing %s (%s): %s%s\n", k->file, k->kind, k->quote,
                    n ? "" : " (article in no brief)");
    }
    fprintf(stderr,
            "# summarize on %u articles: %u briefs, %u key points, %u figure rows (%u in a "
            "discrepancy)\n",
            all->len, partners->len, points, figures, discrepancies);
    fprintf(stderr, "# key facts dev       %.3f (%d/%d)\n",
            dev.facts ? (double)dev.found / dev.facts : 0, dev.found, dev.facts);
    fprintf(stderr, "# key facts held-out  %.3f (%d/%d)\n",
            out.facts ? (double)out.found / out.facts : 0, out.found, out.facts);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    const char *dir = g_getenv("DOSSIER_DATADIR");
    g_autoptr(GError) err = NULL;
    extractor = dsr_extractor_new(dir ? dir : ".", "VN", &err);
    g_assert_no_error(err);
    g_test_add_func("/summarize/partners", test_partners);
    g_test_add_func("/summarize/period-selection", test_period_selection);
    g_test_add_func("/summarize/relation", test_relation);
    g_test_add_func("/summarize/key-points", test_key_points);
    g_test_add_func("/summarize/national", test_national);
    g_test_add_func("/summarize/figures/merge-rounding", test_merge_rounding);
    g_test_add_func("/summarize/figures/discrepancy", test_discrepancy);
    g_test_add_func("/summarize/figures/equivalent-and-charts", test_equivalent_and_charts);
    g_test_add_func("/summarize/charts/series", test_series_chart);
    g_test_add_func("/summarize/charts/change-not-charted", test_change_not_charted);
    g_test_add_func("/summarize/events/merge", test_events_merge);
    g_test_add_func("/summarize/key-points/quotable", test_quotable);
    g_test_add_func("/summarize/golden", test_golden);
    g_test_add_func("/summarize/from-articles", test_from_articles);
    g_test_add_func("/summarize/figures/discrepancy-from-articles", test_discrepancy_from_articles);
    g_test_add_func("/summarize/themes/english-names", test_themes_english_names);
    g_test_add_func("/summarize/themes/english-example", test_themes_english_example);
    g_test_add_func("/summarize/scale", test_scale);
    g_test_add_func("/summarize/prepare", test_prepare);
    g_test_add_func("/summarize/limits/articles", test_limit_articles);
    g_test_add_func("/summarize/limits/events-actors", test_limit_events_actors);
    g_test_add_func("/summarize/actors/cites-capped", test_actor_cites_capped);
    g_test_add_func("/summarize/corpus", test_corpus);
    int status = g_test_run();
    dsr_extractor_free(extractor);
    return status;
}
