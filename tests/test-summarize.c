/* SPDX-License-Identifier: MIT
 * Summarize: relationships and selection, sources order, figures merged
 * across sources with discrepancies kept visible, key points quoted verbatim
 * without near-duplicates, events and actors deduplicated. */
#include <dossier/dossier.h>
#include <string.h>
#include "test-support.h"

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
    "Les échanges commerciaux entre les deux pays ont atteint 30 milliards de dollars en 2023, selon le ministère du Commerce.",
    "Un mémorandum d'entente sur la coopération numérique a été signé le 20 novembre à Hanoï par les deux ministres.",
    "Il a estimé que cette coopération ouvrirait de nouvelles perspectives aux entreprises des deux pays.",
    "Les deux parties ont convenu de renforcer la formation des ingénieurs dans les semi-conducteurs et l'intelligence artificielle.",
};
static const char *const S2[] = {
    "Selon les douanes, les échanges commerciaux entre les deux pays ont atteint 30 milliards de dollars en 2023.",
    "Le forum économique organisé à Moscou a réuni plus de 300 entreprises des deux pays autour de l'énergie.",
    "Les échanges commerciaux bilatéraux se sont élevés à 31 milliards de dollars en 2023 selon une autre estimation.",
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
    add_sentence(c, "Le gouvernement a présenté sa stratégie nationale pour l'économie numérique à l'horizon 2030 devant l'Assemblée.");
    g_ptr_array_add(all, c);
    return all;
}

static const char *
label(const char *key, gpointer data G_GNUC_UNUSED)
{
    return key;
}

static DsrSummarizeOptions
options(void)
{
    DsrSummarizeOptions o = { .lang = "fr", .generated = "2026-11-22", .home_name = "Vietnam",
                              .title_format = "{home} – {partner} : note",
                              .title_format_national = "{home} : contexte", .label = label };
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
    g_assert_true(dsr_summarize_selects(g_ptr_array_index(all, 2), NULL, &(DsrSummarizeOptions){ 0 }));
    g_assert_false(dsr_summarize_selects(g_ptr_array_index(all, 2), "RU", &(DsrSummarizeOptions){ 0 }));

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
        trade += strstr(g_array_index(b->key_points, DsrKeyPoint, i).text, "ont atteint 30 milliards") != NULL;
    g_assert_cmpuint(trade, ==, 1);
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

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/summarize/partners", test_partners);
    g_test_add_func("/summarize/period-selection", test_period_selection);
    g_test_add_func("/summarize/relation", test_relation);
    g_test_add_func("/summarize/key-points", test_key_points);
    g_test_add_func("/summarize/national", test_national);
    return g_test_run();
}
