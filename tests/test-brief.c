/* SPDX-License-Identifier: MIT
 * The Brief model and its "dossier.brief/1" form: citation lists, interning,
 * a lossless round trip of a brief using every field, the golden document,
 * and every way a brief.json can be refused (with the JSON path named). */
#include <dossier/brief.h>
#include <dossier/error.h>
#include "common/cleanup.h"
#include "test-support.h"
#include <string.h>

static void
test_cites_sorted(void)
{
    const int nums[] = {4, 1, 3, 1, 4, 2};
    g_autoptr(GArray) c = dsr_cites_new(nums, G_N_ELEMENTS(nums));
    g_assert_cmpuint(c->len, ==, 4);
    for (guint i = 0; i < c->len; i++)
        g_assert_cmpint(g_array_index(c, int, i), ==, (int)i + 1);
    dsr_cites_add(c, 0);
    dsr_cites_add(c, 3);
    g_assert_cmpuint(c->len, ==, 5);
    g_assert_cmpint(g_array_index(c, int, 0), ==, 0);
    g_autoptr(GArray) empty = dsr_cites_new(NULL, 0);
    g_assert_cmpuint(empty->len, ==, 0);

    /* Added one by one in any order, as merged figures get them: always the
     * sorted set of what was added (checked against a table of flags). */
    GRand *rand = g_rand_new_with_seed(7);
    for (int round = 0; round < 50; round++) {
        g_autoptr(GArray) many = dsr_cites_new(NULL, 0);
        gboolean seen[300] = {FALSE};
        const int adds = g_rand_int_range(rand, 0, 600);
        for (int k = 0; k < adds; k++) {
            const int n = g_rand_int_range(rand, -5, 295);
            dsr_cites_add(many, n);
            seen[n + 5] = TRUE;
        }
        guint at = 0;
        for (int n = -5; n < 295; n++)
            if (seen[n + 5]) {
                g_assert_cmpuint(at, <, many->len);
                g_assert_cmpint(g_array_index(many, int, at), ==, n);
                at++;
            }
        g_assert_cmpuint(at, ==, many->len);
    }
    g_rand_free(rand);
}

static void
test_intern(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    char buf[] = "Hà Nội";
    const char *a = dsr_brief_intern(b, buf);
    buf[0] = 'X';
    g_assert_cmpstr(a, ==, "Hà Nội"); /* a copy, not the caller's buffer */
    g_assert_true(dsr_brief_intern(b, "Hà Nội") == a);
    g_assert_null(dsr_brief_intern(b, NULL));
    g_assert_cmpstr(b->slug, ==, "vn-ru");
    g_autoptr(DsrBrief) national = dsr_brief_new("VN", NULL, "en");
    g_assert_cmpstr(national->slug, ==, "vn");
    g_assert_null(national->partner);
    g_assert_cmpuint(dsr_brief_source_count(national), ==, 0);
}

static DsrCites *
cites2(int a, int b)
{
    const int n[] = {a, b};
    return dsr_cites_new(n, b ? 2 : 1);
}

/* A brief with every field set, and the tricky values: NULLs, non-ASCII,
 * escapes, a number that needs 17 digits, huge and tiny magnitudes. */
static DsrBrief *
rich_brief(void)
{
    DsrBrief *b = dsr_brief_new("VN", "RU", "fr");
    b->partner_name = dsr_brief_intern(b, "Russie");
    b->title = dsr_brief_intern(b, "Relation Việt Nam – Russie");
    b->period_from = dsr_brief_intern(b, "2024-04");
    b->period_to = dsr_brief_intern(b, "2025-11-20");
    b->generated = dsr_brief_intern(b, "2023-11-14");
    dsr_brief_add_source(b, "Un « titre » avec \"guillemets\"", "exemple.vn", "2024-04",
                         "https://exemple.vn/a?x=1&y=2", "articles/a.txt");
    dsr_brief_add_source(b, "Deuxième article", NULL, NULL, NULL, "articles/b.json");
    dsr_brief_add_source(b, "Third", "example.org", "2025-11-20", "http://example.org/c", "c.html");
    dsr_brief_add_key_point(b, "Le commerce a atteint 5,2 milliards de dollars en 2024.",
                            cites2(3, 1));
    dsr_brief_add_key_point(b, "Phrase\tavec tabulation\net saut de ligne, \\ et / ; 中.", NULL);
    DsrBriefFigure f = {0};
    f.quote = "16,5%";
    f.value = 16.5;
    f.scale = 1;
    f.kind = DSR_FIGURE_PERCENT;
    f.unit = "%";
    f.year = 2023;
    f.subject = "part de l'économie numérique dans le PIB";
    f.entity = "VN";
    f.sentence = "Elle a atteint 16,5% en 2023.";
    f.cites = cites2(1, 0);
    dsr_brief_add_figure(b, &f);
    DsrBriefFigure g = {0};
    g.quote = "environ 30 milliards de dollars";
    g.value = 30;
    g.scale = 1e9;
    g.kind = DSR_FIGURE_MONEY;
    g.currency = "USD";
    g.unit = "dollars";
    g.qualifier = DSR_QUALIFIER_APPROX;
    g.cites = cites2(2, 0);
    g.discrepancy = "autre source : 31 milliards d'USD [3]";
    g.group = 1;
    g.equivalent = (DsrFigureEquivalent){"(près de 28 milliards d'euros)",
                                         28,
                                         1e9,
                                         DSR_FIGURE_MONEY,
                                         "EUR",
                                         "euros",
                                         DSR_QUALIFIER_APPROX};
    DsrBriefFigure *added = dsr_brief_add_figure(b, &g);
    dsr_brief_figure_add_variant(b, added, "30 Md USD", 3);
    dsr_brief_figure_add_variant(b, added, "30 Md USD", 1);
    dsr_brief_figure_add_variant(b, added, "environ 30 milliards de dollars",
                                 3); /* its own quote */
    g.equivalent = (DsrFigureEquivalent){0};
    g.quote = "31 milliards";
    g.value = 31;
    g.qualifier = DSR_QUALIFIER_MORE_THAN;
    g.cites = cites2(3, 0);
    g.discrepancy = NULL;
    dsr_brief_add_figure(b, &g);
    DsrBriefFigure h = {0};
    h.quote = "0,1";
    h.value = 0.1 + 0.2; /* 0.30000000000000004: needs 17 significant digits */
    h.scale = 1e-7;
    h.kind = DSR_FIGURE_OTHER;
    h.qualifier = DSR_QUALIFIER_AT_MOST;
    h.cites = cites2(1, 2);
    dsr_brief_add_figure(b, &h);

    DsrChartSpec *c =
        dsr_brief_add_chart(b, DSR_CHART_BAR, "Parts (%)", "%", "≈ : valeur approchée");
    dsr_chart_add_point(b, c, "Économie numérique", 16.5, FALSE, cites2(1, 0));
    dsr_chart_add_point(b, c, "Exportations", -2.25, TRUE, cites2(2, 3));
    c = dsr_brief_add_chart(b, DSR_CHART_TIMELINE, "Chronologie", "", NULL);
    dsr_chart_add_point(b, c, "Accord", 20412, FALSE, NULL);
    c = dsr_brief_add_chart(b, DSR_CHART_LINE, "Échanges", "Md USD", NULL);

    dsr_brief_add_theme(b, "cybersécurité", 3, "Une phrase d'exemple.", cites2(2, 0));
    dsr_brief_add_theme(b, "énergie", 1, NULL, cites2(1, 0));
    dsr_brief_add_theme(b, "villes intelligentes", 0, NULL, NULL);
    dsr_brief_add_event(b, DSR_EVENT_AGREEMENT, "2025-11-20", "Hanoï", "Signature d'un accord",
                        cites2(3, 0));
    dsr_brief_add_event(b, DSR_EVENT_OTHER, NULL, NULL, NULL, NULL);
    dsr_brief_add_actor(b, "Nguyễn Mạnh Hùng", "ministre", "VN", cites2(1, 0));
    dsr_brief_add_actor(b, "Сергей Лавров", NULL, NULL, NULL);
    return b;
}

static void
test_round_trip(void)
{
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *json = dsr_brief_to_json(b);
    g_assert_true(g_str_has_suffix(json, "}\n"));
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(json, strlen(json), &error);
    g_assert_no_error(error);
    g_assert_nonnull(back);
    g_autofree char *again = dsr_brief_to_json(back);
    g_assert_cmpstr(again, ==, json);

    /* Field by field on the values a byte comparison could hide. */
    const DsrBriefFigure *h = &g_array_index(back->figures, DsrBriefFigure, 3);
    g_assert_true(h->value == 0.1 + 0.2);
    g_assert_true(h->scale == 1e-7);
    g_assert_cmpint(h->qualifier, ==, DSR_QUALIFIER_AT_MOST);
    g_assert_cmpint(h->year, ==, 0);
    g_assert_null(h->unit);
    const DsrBriefFigure *g = &g_array_index(back->figures, DsrBriefFigure, 1);
    g_assert_cmpint(g->group, ==, 1);
    g_assert_cmpstr(g->discrepancy, ==, "autre source : 31 milliards d'USD [3]");
    g_assert_cmpstr(g->currency, ==, "USD");
    g_assert_cmpstr(g->equivalent.quote, ==, "(près de 28 milliards d'euros)");
    g_assert_cmpint(g->equivalent.qualifier, ==, DSR_QUALIFIER_APPROX);
    g_assert_cmpstr(g->equivalent.currency, ==, "EUR");
    g_assert_true(g->equivalent.scale == 1e9);
    g_assert_cmpuint(g->variants->len, ==, 1);
    const DsrFigureVariant *v = &g_array_index(g->variants, DsrFigureVariant, 0);
    g_assert_cmpstr(v->quote, ==, "30 Md USD");
    g_assert_cmpuint(v->cites->len, ==, 2);
    g_assert_null(g_array_index(back->figures, DsrBriefFigure, 2).equivalent.quote);
    const DsrChartSpec *c = &g_array_index(back->charts, DsrChartSpec, 0);
    g_assert_cmpint(c->type, ==, DSR_CHART_BAR);
    g_assert_cmpuint(c->points->len, ==, 2);
    const DsrChartPoint *p = &g_array_index(c->points, DsrChartPoint, 1);
    g_assert_true(p->approx);
    g_assert_true(p->value == -2.25);
    g_assert_cmpuint(p->cites->len, ==, 2);
    g_assert_cmpint(g_array_index(back->charts, DsrChartSpec, 1).type, ==, DSR_CHART_TIMELINE);
    g_assert_cmpint(g_array_index(back->charts, DsrChartSpec, 2).type, ==, DSR_CHART_LINE);
    g_assert_null(g_array_index(back->charts, DsrChartSpec, 1).note);
    const DsrBriefTheme *t = &g_array_index(back->themes, DsrBriefTheme, 1);
    g_assert_null(t->example);
    g_assert_cmpuint(t->cites->len, ==, 1);
    g_assert_cmpstr(back->partner_name, ==, "Russie");
    g_assert_cmpstr(back->period_to, ==, "2025-11-20");
    g_assert_cmpstr(g_array_index(back->actors, DsrBriefActor, 1).name, ==, "Сергей Лавров");
    g_assert_cmpstr(g_array_index(back->key_points, DsrKeyPoint, 1).text, ==,
                    "Phrase\tavec tabulation\net saut de ligne, \\ et / ; 中.");
    g_assert_cmpuint(dsr_brief_source_count(back), ==, 3);
    g_assert_null(g_array_index(back->sources, DsrSource, 1).url);
}

static void
test_round_trip_empty(void)
{
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", NULL, "en");
    g_autofree char *json = dsr_brief_to_json(b);
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(json, strlen(json), &error);
    g_assert_no_error(error);
    g_assert_null(back->partner);
    g_assert_null(back->title);
    g_assert_cmpstr(back->slug, ==, "vn");
    g_autofree char *again = dsr_brief_to_json(back);
    g_assert_cmpstr(again, ==, json);
}

/* "omitted" is written only when something was left out, and read back;
 * absent or partial means zeros. */
/* An actor named in more sources than the row cites: "mentions" is written
 * then only, read back, and never below the citations. */
static void
test_actor_mentions(void)
{
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *plain = dsr_brief_to_json(b);
    g_assert_null(strstr(plain, "\"mentions\""));
    g_assert_cmpuint(b->actors->len, >, 0);
    DsrBriefActor *a = &g_array_index(b->actors, DsrBriefActor, 0);
    a->mentions = a->cites->len + 515;
    g_autofree char *json = dsr_brief_to_json(b);
    g_assert_nonnull(strstr(json, "\"mentions\":"));
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(json, strlen(json), &error);
    g_assert_no_error(error);
    g_assert_cmpuint(g_array_index(back->actors, DsrBriefActor, 0).mentions, ==, a->mentions);
    g_autofree char *again = dsr_brief_to_json(back);
    g_assert_cmpstr(again, ==, json);
    g_autoptr(DsrBrief) old = dsr_brief_from_json(plain, strlen(plain), &error);
    g_assert_no_error(error);
    const DsrBriefActor *o = &g_array_index(old->actors, DsrBriefActor, 0);
    g_assert_cmpuint(o->mentions, ==, o->cites->len);
}

static void
test_omitted(void)
{
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *none = dsr_brief_to_json(b);
    g_assert_null(strstr(none, "\"omitted\""));
    b->omitted.articles = 1512;
    b->omitted.figures = 7;
    g_autofree char *json = dsr_brief_to_json(b);
    g_assert_nonnull(strstr(json, "\"omitted\":"));
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(json, strlen(json), &error);
    g_assert_no_error(error);
    g_assert_cmpuint(back->omitted.articles, ==, 1512);
    g_assert_cmpuint(back->omitted.figures, ==, 7);
    g_assert_cmpuint(back->omitted.events, ==, 0);
    g_assert_cmpuint(back->omitted.actors, ==, 0);
    g_autofree char *again = dsr_brief_to_json(back);
    g_assert_cmpstr(again, ==, json);

    g_autoptr(cJSON) root = cJSON_Parse(none);
    cJSON *o = cJSON_AddObjectToObject(root, "omitted");
    cJSON_AddNumberToObject(o, "actors", 3);
    char *partial = cJSON_PrintUnformatted(root);
    g_autoptr(DsrBrief) p = dsr_brief_from_json(partial, strlen(partial), &error);
    cJSON_free(partial);
    g_assert_no_error(error);
    g_assert_cmpuint(p->omitted.actors, ==, 3);
    g_assert_cmpuint(p->omitted.figures, ==, 0);
    g_autoptr(DsrBrief) back_none = dsr_brief_from_json(none, strlen(none), &error);
    g_assert_no_error(error);
    g_assert_cmpuint(back_none->omitted.articles, ==, 0);
}

/* Noncharacters and control characters never reach a renderer from a
 * hand-edited or fuzzed brief; tab, line feed and ordinary text stay. */
static void
test_unwanted_characters(void)
{
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *json = dsr_brief_to_json(b);
    g_autoptr(cJSON) root = cJSON_Parse(json);
    cJSON_ReplaceItemInObjectCaseSensitive(
        root, "title",
        cJSON_CreateString("Vi\xef\xbf\xbf\xc3\xaat\x01 Nam\x7f \xef\xb7\x90\xc2\x85"
                           "Russie\xf0\x9f\xbf\xbe\r\tfin\xef\xbf\xbe"));
    cJSON *kp = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root, "key_points"), 0);
    cJSON_ReplaceItemInObjectCaseSensitive(kp, "text", cJSON_CreateString("\x1b[31mA\nB.\x0b"));
    char *printed = cJSON_PrintUnformatted(root);
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(printed, strlen(printed), &error);
    cJSON_free(printed);
    g_assert_no_error(error);
    g_assert_cmpstr(back->title, ==, "Viêt Nam Russie\tfin");
    g_assert_cmpstr(g_array_index(back->key_points, DsrKeyPoint, 0).text, ==, "[31mA\nB.");
    /* Escaped in the JSON text too. */
    static const char doc[] = "{\"schema\":\"dossier.brief/1\",\"home\":\"VN\",\"slug\":\"vn\","
                              "\"lang\":\"fr\",\"title\":\"A\\uFFFFB\\uFDEFC\\u0007D\\u00e9\","
                              "\"key_points\":[],\"figures\":[],\"charts\":[],\"themes\":[],"
                              "\"events\":[],\"actors\":[],\"sources\":[]}";
    g_autoptr(DsrBrief) esc = dsr_brief_from_json(doc, strlen(doc), &error);
    g_assert_no_error(error);
    g_assert_cmpstr(esc->title, ==, "ABCDé");
}

static void
test_golden(void)
{
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *json = dsr_brief_to_json(b);
    dsr_test_assert_golden(json, "brief", "rich.expected.json");
}

/* Hand-written documents may leave out nullable fields, order keys freely and
 * carry keys of their own. */
static void
test_lenient(void)
{
    static const char doc[] =
        "{\"slug\":\"vn-fr\",\"schema\":\"dossier.brief/1\",\"home\":\"VN\",\"lang\":\"en\","
        "\"x-comment\":{\"deep\":[1,2,3]},"
        "\"key_points\":[{\"text\":\"A.\",\"cites\":[2,1,2],\"extra\":true}],"
        "\"figures\":[{\"quote\":\"3\",\"value\":3,\"scale\":1,\"kind\":\"count\",\"cites\":[]}],"
        "\"charts\":[{\"type\":\"bar\",\"points\":[{\"label\":\"a\",\"value\":1,\"cites\":[]}]}],"
        "\"themes\":[{\"name\":\"t\",\"count\":2,\"example\":null}],"
        "\"events\":[],\"actors\":[],"
        "\"sources\":[{\"n\":1},{\"n\":2,\"title\":\"T\"}]}  \n";
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) b = dsr_brief_from_json(doc, strlen(doc), &error);
    g_assert_no_error(error);
    g_assert_null(b->partner);
    g_assert_null(b->period_from);
    const DsrKeyPoint *k = &g_array_index(b->key_points, DsrKeyPoint, 0);
    g_assert_cmpuint(k->cites->len, ==, 2);
    g_assert_cmpint(g_array_index(k->cites, int, 0), ==, 1);
    const DsrBriefFigure *f = &g_array_index(b->figures, DsrBriefFigure, 0);
    g_assert_cmpint(f->kind, ==, DSR_FIGURE_COUNT);
    g_assert_cmpint(f->group, ==, 0);
    /* A brief written before "equivalent" and "variants" existed. */
    g_assert_null(f->equivalent.quote);
    g_assert_true(f->variants == NULL || f->variants->len == 0);
    g_assert_false(
        g_array_index(g_array_index(b->charts, DsrChartSpec, 0).points, DsrChartPoint, 0).approx);
    g_assert_cmpuint(g_array_index(b->themes, DsrBriefTheme, 0).cites->len, ==, 0);
}

typedef struct {
    const char *name;
    const char *path;   /* JSON path of the field to change, cJSON-style steps */
    const char *value;  /* JSON text put there; NULL removes the field */
    const char *expect; /* start of the message */
} Bad;

static const Bad bad_cases[] = {
    {"schema", "schema", "\"dossier.brief/2\"", "$.schema: expected dossier.brief/1"},
    {"schema-missing", "schema", NULL, "$.schema: expected dossier.brief/1"},
    {"home-missing", "home", NULL, "$.home: missing"},
    {"home-type", "home", "3", "$.home: not a string"},
    {"home-null", "home", "null", "$.home: must not be null"},
    {"partner-type", "partner", "[]", "$.partner: not a string or null"},
    {"lang", "lang", "\"de\"", "$.lang: not fr or en"},
    {"slug-path", "slug", "\"../etc\"", "$.slug: not a file name"},
    {"slug-slash", "slug", "\"a/b\"", "$.slug: not a file name"},
    {"period-type", "period", "\"2024\"", "$.period: not an object or null"},
    {"period-date", "period.from", "\"2024-13\"", "$.period.from: not a date"},
    {"generated", "generated", "\"tomorrow\"", "$.generated: not a date"},
    {"key-points-type", "key_points", "{}", "$.key_points: not an array"},
    {"key-points-missing", "key_points", NULL, "$.key_points: missing"},
    {"key-point-row", "key_points.1", "3", "$.key_points[1]: not an object"},
    {"key-point-text", "key_points.0.text", NULL, "$.key_points[0].text: missing"},
    {"cites-missing", "key_points.0.cites", NULL, "$.key_points[0].cites: missing"},
    {"cites-type", "key_points.0.cites", "1", "$.key_points[0].cites: not an array"},
    {"cites-zero", "key_points.0.cites", "[1,0]", "$.key_points[0].cites[1]: not a positive"},
    {"cites-negative", "key_points.0.cites", "[-1]", "$.key_points[0].cites[0]: not a positive"},
    {"cites-fraction", "key_points.0.cites", "[1.5]", "$.key_points[0].cites[0]: not a positive"},
    {"cites-string", "key_points.0.cites", "[\"1\"]", "$.key_points[0].cites[0]: not a positive"},
    {"cites-unknown", "figures.2.cites", "[1,4]", "$.figures[2].cites[1]: no source 4"},
    {"cites-huge", "figures.0.cites", "[1e300]", "$.figures[0].cites[0]: not a positive"},
    {"figure-value", "figures.2.value", "\"31\"", "$.figures[2].value: not a number"},
    {"figure-value-missing", "figures.0.value", NULL, "$.figures[0].value: missing"},
    {"figure-kind", "figures.0.kind", "\"ratio\"", "$.figures[0].kind: not percent"},
    {"figure-qualifier", "figures.0.qualifier", "\"roughly\"", "$.figures[0].qualifier: not"},
    {"figure-year", "figures.0.year", "2023.5", "$.figures[0].year: not an integer"},
    {"figure-year-type", "figures.0.year", "\"2023\"", "$.figures[0].year: not a number"},
    {"figure-group", "figures.1.group", "-1", "$.figures[1].group: not an integer"},
    {"figure-discrepancy", "figures.1.discrepancy", "false",
     "$.figures[1].discrepancy: not a string"},
    {"equivalent-type", "figures.1.equivalent", "\"28\"",
     "$.figures[1].equivalent: not an object or null"},
    {"equivalent-quote", "figures.1.equivalent.quote", NULL,
     "$.figures[1].equivalent.quote: missing"},
    {"equivalent-kind", "figures.1.equivalent.kind", "\"euros\"",
     "$.figures[1].equivalent.kind: not percent"},
    {"equivalent-value", "figures.1.equivalent.value", "true",
     "$.figures[1].equivalent.value: not a number"},
    {"variants-type", "figures.1.variants", "{}", "$.figures[1].variants: not an array"},
    {"variant-row", "figures.1.variants.0", "1", "$.figures[1].variants[0]: not an object"},
    {"variant-cites", "figures.1.variants.0.cites", "[7]",
     "$.figures[1].variants[0].cites[0]: no source 7"},
    {"chart-type", "charts.0.type", "\"pie\"",
     "$.charts[0].type: not bar, line, timeline or grouped"},
    {"chart-points", "charts.0.points", "null", "$.charts[0].points: not an array"},
    {"chart-point-row", "charts.0.points.0", "[]", "$.charts[0].points[0]: not an object"},
    {"chart-point-value", "charts.0.points.1.value", "null",
     "$.charts[0].points[1].value: not a number"},
    {"chart-point-approx", "charts.0.points.1.approx", "1",
     "$.charts[0].points[1].approx: not a boolean"},
    {"chart-point-cites", "charts.0.points.1.cites", "[9]",
     "$.charts[0].points[1].cites[0]: no source 9"},
    {"theme-count", "themes.0.count", "-3", "$.themes[0].count: not an integer"},
    {"theme-example", "themes.0.example", "\"text\"", "$.themes[0].example: not an object"},
    {"theme-example-cites", "themes.0.example.cites", "[0]",
     "$.themes[0].example.cites[0]: not a positive"},
    {"event-type", "events.0.type", "\"party\"", "$.events[0].type: not agreement"},
    {"event-date", "events.0.date", "\"2025-02-30\"", "$.events[0].date: not a date"},
    {"actor-name", "actors.1.name", "null", "$.actors[1].name: must not be null"},
    {"sources-type", "sources", "{}", "$.sources: not an array"},
    {"sources-missing", "sources", NULL, "$.sources: missing"},
    {"source-n", "sources.1.n", "5", "$.sources[1].n: expected 2"},
    {"source-n-missing", "sources.0.n", NULL, "$.sources[0].n: missing"},
    {"source-url", "sources.0.url", "{}", "$.sources[0].url: not a string"},
    {"omitted-type", "omitted", "[1]", "$.omitted: not an object or null"},
    {"omitted-figures", "omitted", "{\"figures\":\"12\"}", "$.omitted.figures: not a number"},
    {"omitted-negative", "omitted", "{\"events\":-1}", "$.omitted.events: not an integer"},
    {"omitted-fraction", "omitted", "{\"articles\":1.5}", "$.omitted.articles: not an integer"},
};

/* Sets (or removes) the field at @path ("figures.2.value") of @root. */
static void
mutate(cJSON *root, const char *path, const char *value)
{
    g_auto(GStrv) steps = g_strsplit(path, ".", -1);
    cJSON *parent = root;
    guint n = g_strv_length(steps);
    for (guint i = 0; i + 1 < n; i++) {
        parent = g_ascii_isdigit(steps[i][0]) ? cJSON_GetArrayItem(parent, atoi(steps[i]))
                                              : cJSON_GetObjectItemCaseSensitive(parent, steps[i]);
        g_assert_nonnull(parent);
    }
    const char *last = steps[n - 1];
    if (cJSON_IsArray(parent)) {
        g_assert_nonnull(value);
        cJSON_ReplaceItemInArray(parent, atoi(last), cJSON_Parse(value));
    } else if (!value) {
        g_assert_nonnull(cJSON_GetObjectItemCaseSensitive(parent, last));
        cJSON_DeleteItemFromObjectCaseSensitive(parent, last);
    } else {
        cJSON *v = cJSON_Parse(value);
        g_assert_nonnull(v);
        if (cJSON_GetObjectItemCaseSensitive(parent, last))
            cJSON_ReplaceItemInObjectCaseSensitive(parent, last, v);
        else
            cJSON_AddItemToObject(parent, last, v);
    }
}

static void
test_bad(gconstpointer data)
{
    const Bad *bad = data;
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *json = dsr_brief_to_json(b);
    g_autoptr(cJSON) root = cJSON_Parse(json);
    mutate(root, bad->path, bad->value);
    char *printed = cJSON_PrintUnformatted(root);
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(printed, strlen(printed), &error);
    cJSON_free(printed);
    g_assert_null(back);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_BRIEF);
    if (!g_str_has_prefix(error->message, bad->expect))
        g_error("%s: got \"%s\", expected \"%s…\"", bad->name, error->message, bad->expect);
}

static void
expect_refused(const char *doc, gsize len, const char *prefix)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) b = dsr_brief_from_json(doc, len, &error);
    g_assert_null(b);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_BRIEF);
    if (!g_str_has_prefix(error->message, prefix))
        g_error("got \"%s\", expected \"%s…\"", error->message, prefix);
}

static void
test_bad_documents(void)
{
    expect_refused("", 0, "$: not valid JSON");
    expect_refused("   ", 3, "$: not valid JSON");
    expect_refused("[1,2]", 5, "$: not an object");
    expect_refused("\"dossier.brief/1\"", 17, "$: not an object");
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *json = dsr_brief_to_json(b);
    gsize len = strlen(json);
    /* Truncated anywhere: never a brief, never a crash. */
    for (gsize cut = 0; cut < len - 2; cut += 7)
        expect_refused(json, cut, "$: ");
    g_autofree char *trailing = g_strconcat(json, "{}", NULL);
    expect_refused(trailing, strlen(trailing), "$: unexpected data after the document");
    /* The length is honoured: a NUL-free buffer without terminator. */
    g_autofree char *copy = g_memdup2(json, len);
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) ok = dsr_brief_from_json(copy, len, &error);
    g_assert_no_error(error);
    /* Invalid UTF-8 inside a string. */
    g_autoptr(GString) bad = g_string_new(json);
    g_string_replace(bad, "Russie\"", "Russ\xc3\x28ie\"", 1);
    expect_refused(bad->str, bad->len, "$.partner_name: not UTF-8");
}

static void
test_deep_and_huge(void)
{
    /* Far deeper than cJSON's nesting limit, under an ignored key. */
    const gsize depth = 100000;
    g_autoptr(GString) deep = g_string_new("{\"schema\":\"dossier.brief/1\",\"x\":");
    for (gsize i = 0; i < depth; i++)
        g_string_append_c(deep, '[');
    for (gsize i = 0; i < depth; i++)
        g_string_append_c(deep, ']');
    g_string_append_c(deep, '}');
    expect_refused(deep->str, deep->len, "$: not valid JSON");

    /* Many rows: read and written back identically. */
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "CN", "fr");
    dsr_brief_add_source(b, "s", NULL, NULL, NULL, "f");
    for (int i = 0; i < 20000; i++) {
        g_autofree char *text = g_strdup_printf("Phrase numéro %d.", i);
        dsr_brief_add_key_point(b, text, cites2(1, 0));
    }
    g_autofree char *json = dsr_brief_to_json(b);
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(json, strlen(json), &error);
    g_assert_no_error(error);
    g_assert_cmpuint(back->key_points->len, ==, 20000);
    g_autofree char *again = dsr_brief_to_json(back);
    g_assert_cmpstr(again, ==, json);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/brief/model/cites-sorted", test_cites_sorted);
    g_test_add_func("/brief/model/intern", test_intern);
    g_test_add_func("/brief/json/round-trip", test_round_trip);
    g_test_add_func("/brief/json/round-trip-empty", test_round_trip_empty);
    g_test_add_func("/brief/json/golden", test_golden);
    g_test_add_func("/brief/json/omitted", test_omitted);
    g_test_add_func("/brief/json/actor-mentions", test_actor_mentions);
    g_test_add_func("/brief/json/unwanted-characters", test_unwanted_characters);
    g_test_add_func("/brief/json/lenient", test_lenient);
    for (guint i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_autofree char *path = g_strdup_printf("/brief/json/bad/%s", bad_cases[i].name);
        g_test_add_data_func(path, &bad_cases[i], test_bad);
    }
    g_test_add_func("/brief/json/bad-documents", test_bad_documents);
    g_test_add_func("/brief/json/deep-and-huge", test_deep_and_huge);
    return g_test_run();
}
