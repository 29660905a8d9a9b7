/* SPDX-License-Identifier: MIT
 * The HTML brief and index pages, read back the way a browser would: parsed
 * again with libxml2 and checked for structure (sections in order, real
 * tables, citations that land on a source), safety (no script, no handler,
 * no remote load, hostile article text kept as text) and a golden file. */
#include "test-support.h"
#include "common/cleanup.h"
#include "render/render-private.h"
#include <dossier/brief.h>
#include <dossier/render.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

static char *
datadir_path(const char *name)
{
    const char *root = g_getenv("DOSSIER_DATADIR");
    return g_build_filename(root ? root : ".", name, NULL);
}

static DsrRenderContext *
context_for(const char *templates_dir)
{
    g_autofree char *fonts = datadir_path("fonts");
    DsrRenderOptions opt = {templates_dir, fonts, "a4", NULL, 1700000000, 0, NULL};
    g_autoptr(GError) error = NULL;
    DsrRenderContext *ctx = dsr_render_context_new(&opt, &error);
    g_assert_no_error(error);
    return ctx;
}

static DsrRenderContext *
default_context(void)
{
    g_autofree char *templates = datadir_path("templates");
    return context_for(templates);
}

static DsrCites *
cites(int a, int b)
{
    int nums[] = {a, b};
    return dsr_cites_new(nums, b ? 2 : 1);
}

static DsrBriefFigure *
add_figure(DsrBrief *b, DsrFigureKind kind, const char *quote, double value, double scale,
           const char *currency, const char *unit, DsrQualifier q, int year, const char *subject,
           const char *entity, DsrCites *c, const char *discrepancy, int group)
{
    DsrBriefFigure f = {0};
    f.quote = quote;
    f.value = value;
    f.scale = scale;
    f.kind = kind;
    f.currency = currency;
    f.unit = unit;
    f.qualifier = q;
    f.year = year;
    f.subject = subject;
    f.entity = entity;
    f.sentence = "Une phrase de contexte.";
    f.cites = c;
    f.discrepancy = discrepancy;
    f.group = group;
    return dsr_brief_add_figure(b, &f);
}

/* A brief with every section, written for the test (not copied from articles). */
static DsrBrief *
rich_brief(void)
{
    DsrBrief *b = dsr_brief_new("VN", "RU", "fr");
    b->partner_name = dsr_brief_intern(b, "Russie");
    b->title = dsr_brief_intern(b, "Vietnam – Russie : note de synthèse");
    b->period_from = dsr_brief_intern(b, "2024-04");
    b->period_to = dsr_brief_intern(b, "2025-11-20");
    b->generated = dsr_brief_intern(b, "2025-11-22");
    dsr_brief_add_source(b, "Les échanges numériques progressent", "exemple-presse.vn",
                         "2024-04-12", "https://exemple-presse.vn/article/1?a=1&b=2",
                         "articles/a1.txt");
    dsr_brief_add_source(b, "Forum économique à Hanoï", "journal-test.example", "2025-06",
                         "http://journal-test.example/forum", "articles/a2.html");
    dsr_brief_add_source(b, "Un accord sur l'énergie", "revue-fictive.example", "2025-11-20", NULL,
                         "articles/a3.json");
    dsr_brief_add_key_point(
        b, "Les deux pays ont signé un protocole sur la transformation numérique.", cites(1, 3));
    dsr_brief_add_key_point(b, "Le commerce bilatéral a dépassé 5 milliards de dollars.",
                            cites(2, 0));
    dsr_brief_add_key_point(b, "Une coopération dans l'énergie nucléaire civile est prévue.",
                            cites(3, 0));
    add_figure(b, DSR_FIGURE_PERCENT, "16,5%", 16.5, 1, NULL, "%", DSR_QUALIFIER_NONE, 2023,
               "part de l'économie numérique dans le PIB", "VN", cites(1, 0), NULL, 0);
    DsrBriefFigure *trade =
        add_figure(b, DSR_FIGURE_MONEY, "5 milliards de dollars", 5, 1e9, "USD", "dollars",
                   DSR_QUALIFIER_MORE_THAN, 2024, "commerce bilatéral", NULL, cites(2, 0),
                   "autre source : 4,8 Md USD [3]", 1);
    dsr_cites_add(trade->cites, 1);
    dsr_brief_figure_add_variant(b, trade, "cinq milliards de dollars", 1);
    add_figure(b, DSR_FIGURE_MONEY, "4,8 milliards USD", 4.8, 1e9, "USD", "USD", DSR_QUALIFIER_NONE,
               2024, "commerce bilatéral", NULL, cites(3, 0), NULL, 1);
    add_figure(b, DSR_FIGURE_COUNT, "plus de 800 projets", 800, 1, NULL, "projets",
               DSR_QUALIFIER_MORE_THAN, 0, "projets d'investissement", "RU", cites(1, 2), NULL, 0);
    DsrBriefFigure *rub =
        add_figure(b, DSR_FIGURE_MONEY, "300 milliards de roubles", 300, 1e9, "RUB", "roubles",
                   DSR_QUALIFIER_NONE, 2025, "échanges en roubles", NULL, cites(3, 0), NULL, 0);
    rub->equivalent = (DsrFigureEquivalent){dsr_brief_intern(b, "environ 3,5 milliards d'USD"),
                                            3.5,
                                            1e9,
                                            DSR_FIGURE_MONEY,
                                            dsr_brief_intern(b, "USD"),
                                            dsr_brief_intern(b, "USD"),
                                            DSR_QUALIFIER_APPROX};
    DsrChartSpec *c = dsr_brief_add_chart(b, DSR_CHART_BAR, "Montants cités (milliards USD)",
                                          "milliards USD", "≈ : valeur approchée dans la source");
    dsr_chart_add_point(b, c, "commerce bilatéral (2024)", 5, TRUE, cites(2, 0));
    c = &g_array_index(b->charts, DsrChartSpec, 0);
    dsr_chart_add_point(b, c, "commerce bilatéral, autre source (2024)", 4.8, FALSE, cites(3, 0));
    c = dsr_brief_add_chart(b, DSR_CHART_TIMELINE, "Chronologie des événements", "", NULL);
    dsr_chart_add_point(b, c, "Forum économique", 20089, TRUE, cites(2, 0)); /* 2025-01 */
    c = &g_array_index(b->charts, DsrChartSpec, 1);
    dsr_chart_add_point(b, c, "Signature de l'accord", 20412, FALSE, cites(3, 0)); /* 2025-11-20 */
    dsr_brief_add_theme(b, "transformation numérique", 3,
                        "Les deux pays veulent coopérer dans la transformation numérique.",
                        cites(1, 0));
    dsr_brief_add_theme(b, "énergie", 1, NULL, cites(3, 0));
    dsr_brief_add_event(b, DSR_EVENT_FORUM, "2025-06", "Hanoï", "Forum économique bilatéral",
                        cites(2, 0));
    dsr_brief_add_event(b, DSR_EVENT_AGREEMENT, "2025-11-20", "Moscou",
                        "Signature d'un accord énergétique", cites(3, 0));
    dsr_brief_add_event(b, DSR_EVENT_OTHER, NULL, NULL, "Réunion de suivi annoncée", cites(1, 0));
    /* Out of side order, as a brief edited by hand may be. */
    dsr_brief_add_actor(b, "Nguyễn Văn Thử", "vice-ministre de l'Industrie", "VN", cites(1, 2));
    dsr_brief_add_actor(b, "Anne Exemple", NULL, NULL, cites(2, 0));
    dsr_brief_add_actor(b, "Ivan Essai", "ambassadeur", "RU", cites(3, 0));
    dsr_brief_add_actor(b, "Trần Thị Mẫu", "ministre du Commerce", "VN", cites(3, 0));
    /* The third article is new since the previous run: what only it reports is "Nouveau". */
    g_array_index(b->sources, DsrSource, 2).is_new = TRUE;
    return b;
}

static char *
render(const DsrBrief *b, const DsrRenderContext *ctx)
{
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_autoptr(GError) error = NULL;
    gboolean ok = dsr_render_html(b, ctx, out, &error);
    g_assert_no_error(error);
    g_assert_true(ok);
    g_byte_array_append(out, (const guint8 *)"", 1);
    const char *dump = g_getenv("DSR_TEST_DUMP_HTML");
    if (dump)
        g_file_set_contents(dump, (const char *)out->data, -1, NULL);
    return g_strdup((const char *)out->data);
}

static xmlDoc *
parse(const char *html)
{
    xmlDoc *doc = htmlReadMemory(html, (int)strlen(html), "out.html", "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    g_assert_nonnull(doc);
    return doc;
}

static int
count(xmlDoc *doc, const char *xpath)
{
    g_autoptr(xmlXPathContext) x = xmlXPathNewContext(doc);
    g_autoptr(xmlXPathObject) r = xmlXPathEvalExpression(BAD_CAST xpath, x);
    g_assert_nonnull(r);
    return r->nodesetval ? r->nodesetval->nodeNr : 0;
}

/* The string values of the nodes @xpath selects, in document order. */
static GPtrArray *
values(xmlDoc *doc, const char *xpath)
{
    g_autoptr(xmlXPathContext) x = xmlXPathNewContext(doc);
    g_autoptr(xmlXPathObject) r = xmlXPathEvalExpression(BAD_CAST xpath, x);
    g_assert_nonnull(r);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++) {
        xmlChar *s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        g_ptr_array_add(out, g_strdup((const char *)s));
        xmlFree(s);
    }
    return out;
}

static char *
value(xmlDoc *doc, const char *xpath)
{
    g_autoptr(GPtrArray) v = values(doc, xpath);
    if (v->len != 1)
        g_test_message("%s selects %u nodes", xpath, v->len);
    g_assert_cmpuint(v->len, ==, 1);
    return g_strdup(g_ptr_array_index(v, 0));
}

/* What every page must be, whatever its content. */
static void
assert_safe_page(xmlDoc *doc, const char *html)
{
    g_assert_cmpint(count(doc, "//script"), ==, 0);
    g_assert_cmpint(count(doc, "//@*[starts-with(translate(name(), 'ON', 'on'), 'on')]"), ==, 0);
    g_assert_cmpint(count(doc, "//meta[@http-equiv='Content-Type']"), ==, 1);
    g_assert_cmpint(count(doc, "//meta[@charset]"), ==, 0);
    g_assert_cmpint(count(doc, "//@data-slot"), ==, 0);
    g_assert_cmpint(count(doc, "//link|//iframe|//object|//embed|//base|//img"), ==, 0);
    g_autofree char *csp = value(doc, "//meta[@http-equiv='Content-Security-Policy']/@content");
    g_assert_nonnull(strstr(csp, "default-src 'none'"));
    g_assert_null(strstr(csp, "script-src"));
    g_assert_cmpint(count(doc, "//head/style"), ==, 1);
    g_assert_true(g_str_has_prefix(html, "<!DOCTYPE html>\n"));
    /* Every link is in-page (and lands on an id), or http(s) with rel set. */
    g_autoptr(GPtrArray) hrefs = values(doc, "//a/@href");
    for (guint i = 0; i < hrefs->len; i++) {
        const char *h = g_ptr_array_index(hrefs, i);
        if (h[0] == '#') {
            g_autofree char *target = g_strdup_printf("//*[@id='%s']", h + 1);
            g_assert_cmpint(count(doc, target), ==, 1);
        } else {
            g_assert_true(g_str_has_prefix(h, "https://") || g_str_has_prefix(h, "http://"));
        }
    }
    g_assert_cmpint(count(doc, "//a[starts-with(@href, 'http')][not(@rel='noopener noreferrer')]"),
                    ==, 0);
    /* Headings step down one level at a time. */
    g_autoptr(xmlXPathContext) x = xmlXPathNewContext(doc);
    g_autoptr(xmlXPathObject) r =
        xmlXPathEvalExpression(BAD_CAST "//h1|//h2|//h3|//h4|//h5|//h6", x);
    int last = 0;
    for (int i = 0; i < r->nodesetval->nodeNr; i++) {
        int level = r->nodesetval->nodeTab[i]->name[1] - '0';
        g_assert_cmpint(level, <=, last + 1);
        last = level;
    }
    g_assert_cmpint(count(doc, "//h1"), ==, 1);
}

/* What the brief's limits left out: a line at the end of each section they
 * cut, and the article count in the header, as in the PDF. */
static void
test_omitted(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *plain = render(b, ctx);
    g_assert_null(strstr(plain, "class=\"omitted\""));
    b->omitted.articles = 40;
    b->omitted.figures = 1;
    b->omitted.actors = 25;
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    assert_safe_page(doc, html);
    g_autofree char *fig = value(doc, "//section[@id='key-figures']/p[@class='omitted']");
    g_assert_cmpstr(fig, ==, "1 autre chiffre, moins cité, n'est pas repris.");
    g_autofree char *act = value(doc, "//section[@id='actors']/p[@class='omitted']");
    g_assert_cmpstr(act, ==, "25 autres acteurs, moins cités, ne sont pas repris.");
    g_assert_cmpint(count(doc, "//p[@class='omitted']"), ==, 2);
    g_autoptr(GPtrArray) meta = values(doc, "//dl//dd");
    gboolean found = FALSE;
    for (guint i = 0; i < meta->len; i++)
        found |= strstr(g_ptr_array_index(meta, i), "les plus récents sur") != NULL;
    g_assert_true(found);
}

static void
test_structure(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    assert_safe_page(doc, html);
    g_autofree char *lang = value(doc, "/html/@lang");
    g_assert_cmpstr(lang, ==, "fr");

    g_autoptr(GPtrArray) ids = values(doc, "//main/section/@id");
    const char *expected[] = {"key-points", "key-figures", "charts", "themes",
                              "events",     "actors",      "sources"};
    g_assert_cmpuint(ids->len, ==, G_N_ELEMENTS(expected));
    for (guint i = 0; i < ids->len; i++)
        g_assert_cmpstr(g_ptr_array_index(ids, i), ==, expected[i]);
    g_autofree char *h2 = value(doc, "//section[@id='key-figures']/h2");
    g_assert_cmpstr(h2, ==, "Chiffres clés");

    /* Header: title, period, generation date, sources and how many are new;
     * as in the PDF, no "Partenaire" row, and no partner line when the title names it. */
    g_autofree char *h1 = value(doc, "//h1");
    g_assert_cmpstr(h1, ==, "Vietnam – Russie : note de synthèse");
    g_assert_cmpint(count(doc, "//p[@class='partner']"), ==, 0);
    g_autoptr(GPtrArray) meta = values(doc, "//dl[@class='meta']/div/dd");
    g_assert_cmpuint(meta->len, ==, 3);
    g_assert_cmpstr(g_ptr_array_index(meta, 0), ==, "avril 2024 – 20 novembre 2025");
    g_assert_cmpstr(g_ptr_array_index(meta, 1), ==, "22 novembre 2025");
    g_assert_cmpstr(g_ptr_array_index(meta, 2), ==, "3 sources, dont 1 nouvelle");

    /* "Nouveau" on what only the new article reports, as text: key point 3
     * (source 3 only), not key point 1 (sources 1 and 3); figure rows, events, sources. */
    g_assert_cmpint(count(doc, "//ol[@class='key-points']/li[3]/span[@class='new-tag']"), ==, 1);
    g_assert_cmpint(count(doc, "//ol[@class='key-points']/li[position()<3]//*[@class='new-tag']"),
                    ==, 0);
    g_autofree char *tag = value(doc, "//ol[@class='key-points']/li[3]/span[@class='new-tag']");
    g_assert_cmpstr(tag, ==, "Nouveau");
    g_assert_cmpint(count(doc, "//table[@class='figures']//th/span[@class='new-tag']"), ==, 2);
    g_assert_cmpint(count(doc, "//table[@class='figures']/tbody/tr[3]/th/span[@class='new-tag']"),
                    ==, 1);
    g_assert_cmpint(count(doc, "//ol[@class='timeline']/li[2]/span[@class='new-tag']"), ==, 1);
    g_assert_cmpint(count(doc, "//ol[@class='timeline']//span[@class='new-tag']"), ==, 1);
    g_assert_cmpint(count(doc, "//ol[@class='sources']/li[3]/span[@class='new-tag']"), ==, 1);
    g_assert_cmpint(count(doc, "//ol[@class='sources']//span[@class='new-tag']"), ==, 1);
    g_assert_cmpint(count(doc, "//section[@id='themes']//span[@class='new-tag']"), ==, 0);

    /* Key points with one link per citation. */
    g_assert_cmpint(count(doc, "//ol[@class='key-points']/li"), ==, 3);
    g_assert_cmpint(count(doc, "//ol[@class='key-points']/li[1]/a[@href='#source-1']"), ==, 1);
    g_assert_cmpint(count(doc, "//ol[@class='key-points']/li[1]/a[@href='#source-3']"), ==, 1);
    g_autofree char *marker = value(doc, "//ol[@class='key-points']/li[2]/a");
    g_assert_cmpstr(marker, ==, "[2]");

    /* The key figures: a real table, values formatted as in every format. */
    g_assert_cmpint(count(doc, "//table[@class='figures']/caption"), ==, 1);
    g_assert_cmpint(count(doc, "//table[@class='figures']/thead/tr/th[@scope='col']"), ==, 5);
    g_assert_cmpint(count(doc, "//table[@class='figures']/tbody/tr"), ==, 5);
    g_assert_cmpint(count(doc, "//table[@class='figures']/tbody/tr/th[@scope='row']"), ==, 5);
    /* As in the PDF, an empty cell shows a dash: no entity, no year. */
    g_autofree char *no_year = value(doc, "//table[@class='figures']/tbody/tr[4]/td[@class='num']");
    g_assert_cmpstr(no_year, ==, "–");
    g_autofree char *no_entity =
        value(doc, "//table[@class='figures']/tbody/tr[2]/td[@class='entity']");
    g_assert_cmpstr(no_entity, ==, "–");
    /* The source's own conversion beside the value, formatted like it. */
    g_autofree char *eq =
        value(doc, "//table[@class='figures']/tbody/tr[5]//span[@class='equivalent']");
    g_autofree char *eq_value = dsr__format_figure(ctx, "fr", DSR_FIGURE_MONEY, 3.5, 1e9, "USD",
                                                   "USD", DSR_QUALIFIER_APPROX);
    g_autofree char *eq_expected = g_strconcat("soit ", eq_value, NULL);
    g_assert_cmpstr(eq, ==, eq_expected);
    g_assert_cmpint(count(doc, "//span[@class='equivalent']"), ==, 1);
    /* Other wordings, each quoted with the sources that wrote it. */
    g_autofree char *var =
        value(doc, "//table[@class='figures']/tbody/tr[2]//span[@class='variants']");
    g_assert_true(g_str_has_prefix(var, "aussi écrit"));
    g_assert_nonnull(strstr(var, "cinq milliards de dollars"));
    g_assert_cmpint(count(doc, "//span[@class='variants']/q"), ==, 1);
    g_assert_cmpint(count(doc, "//span[@class='variants']/a[@href='#source-1']"), ==, 1);
    g_autofree char *v1 =
        value(doc, "//table[@class='figures']/tbody/tr[1]/td[@class='value']/text()[1]");
    g_autofree char *fmt =
        dsr__format_figure(ctx, "fr", DSR_FIGURE_PERCENT, 16.5, 1, NULL, "%", DSR_QUALIFIER_NONE);
    g_assert_cmpstr(v1, ==, fmt);
    /* Two sources disagreeing: both rows marked, the difference spelled out. */
    g_assert_cmpint(count(doc, "//table[@class='figures']/tbody/tr[@class='disputed']"), ==, 2);
    g_assert_cmpint(count(doc, "//tr[@class='disputed']//strong[@class='flag']"), ==, 2);
    g_autofree char *disc = value(doc, "//span[@class='discrepancy-text']");
    g_assert_cmpstr(disc, ==, "autre source : 4,8 Md USD [3]");

    /* Charts: a figure with caption, source line, and the data as a table. */
    g_assert_cmpint(count(doc, "//section[@id='charts']/figure[@class='chart']"), ==, 2);
    g_assert_cmpint(count(doc, "//figure[@class='chart']/figcaption/h3"), ==, 2);
    g_assert_cmpint(count(doc, "//figure[@class='chart']//svg"), ==, 4);
    g_assert_cmpint(count(doc, "//figure[@class='chart']/p[@class='chart-source']/a"), ==, 4);
    g_assert_cmpint(count(doc, "//figure/details/summary"), ==, 2);
    g_assert_cmpint(count(doc, "//figure/details//table/caption"), ==, 2);
    g_assert_cmpint(count(doc, "//figure[@id='chart-1']/details//tbody/tr"), ==, 2);
    g_autofree char *when =
        value(doc, "//figure[@id='chart-2']/details//tbody/tr[2]/td/time/@datetime");
    g_assert_cmpstr(when, ==, "2025-11-20");
    g_autofree char *approx = value(doc, "//figure[@id='chart-1']/details//tbody/tr[1]/td[1]");
    g_assert_true(g_str_has_prefix(approx, "environ 5"));

    /* Events in order, dated with <time>; an undated one says so. */
    g_assert_cmpint(count(doc, "//ol[@class='timeline']/li"), ==, 3);
    g_autofree char *t1 = value(doc, "//ol[@class='timeline']/li[1]//time/@datetime");
    g_assert_cmpstr(t1, ==, "2025-06");
    g_autofree char *nodate = value(doc, "//ol[@class='timeline']/li[3]//span[@class='no-date']");
    g_assert_cmpstr(nodate, ==, "s. d.");
    g_autofree char *type = value(doc, "//ol[@class='timeline']/li[2]/span[@class='event-type']");
    g_assert_cmpstr(type, ==, "Accord");

    /* Actors grouped by side, home first, each group a <tbody> with its heading. */
    g_assert_cmpint(count(doc, "//table[@class='actors']/tbody/tr/th[@scope='row']"), ==, 4);
    g_autoptr(GPtrArray) sides =
        values(doc, "//table[@class='actors']/tbody/tr[1]/th[@scope='rowgroup'][@colspan='4']");
    g_assert_cmpuint(sides->len, ==, 3);
    g_assert_cmpstr(g_ptr_array_index(sides, 0), ==, "Côté Vietnam");
    g_assert_cmpstr(g_ptr_array_index(sides, 1), ==, "Côté Russie");
    g_assert_cmpstr(g_ptr_array_index(sides, 2), ==, "Autres");
    g_autoptr(GPtrArray) names = values(doc, "//table[@class='actors']//th[@scope='row']");
    const char *const order[] = {"Nguyễn Văn Thử", "Trần Thị Mẫu", "Ivan Essai", "Anne Exemple"};
    for (guint i = 0; i < G_N_ELEMENTS(order); i++)
        g_assert_cmpstr(g_ptr_array_index(names, i), ==, order[i]);
    g_assert_cmpint(count(doc, "//table[@class='actors']/tbody[1]/tr"), ==, 3);
    g_autofree char *no_role = value(doc, "//table[@class='actors']/tbody[3]/tr[2]/td[1]");
    g_assert_cmpstr(no_role, ==, "–");
    g_assert_cmpint(count(doc, "//ul[@class='themes']/li"), ==, 2);

    /* Sources: numbered ids, links only where the URL is web, file names. */
    g_assert_cmpint(count(doc, "//ol[@class='sources']/li[@id]"), ==, 3);
    g_autofree char *href = value(doc, "//li[@id='source-1']/a/@href");
    g_assert_cmpstr(href, ==, "https://exemple-presse.vn/article/1?a=1&b=2");
    g_assert_cmpint(count(doc, "//li[@id='source-3']/a"), ==, 0);
    g_autofree char *file = value(doc, "//li[@id='source-3']/span[@class='source-file']");
    g_assert_cmpstr(file, ==, "articles/a3.json");

    /* Contents list the sections present. */
    g_assert_cmpint(count(doc, "//nav[@class='contents']//a"), ==, 7);

    g_assert_cmpuint(strlen(html), <, 200 * 1024);
}

/* @html with the content of every <@tag …>…</@tag> element replaced by
 * @placeholder; comments (the templates' own notes name tags) are copied. */
static char *
replace_elements(const char *html, const char *tag, const char *placeholder)
{
    g_autofree char *open_tag = g_strconcat("<", tag, NULL);
    g_autofree char *close_tag = g_strconcat("</", tag, ">", NULL);
    GString *s = g_string_new(NULL);
    const char *p = html;
    while (*p) {
        const char *open = strstr(p, open_tag);
        const char *comment = strstr(p, "<!--");
        if (comment && (!open || comment < open)) {
            const char *end = strstr(comment, "-->");
            g_assert_nonnull(end);
            g_string_append_len(s, p, end + 3 - p);
            p = end + 3;
            continue;
        }
        if (!open)
            break;
        const char *close = strstr(open, close_tag);
        g_assert_nonnull(close);
        g_string_append_len(s, p, open - p);
        g_string_append_printf(s, "<%s>%s%s", tag, placeholder, close_tag);
        p = close + strlen(close_tag);
    }
    g_string_append(s, p);
    return g_string_free(s, FALSE);
}

/* What the golden files hold: the page around the charts (the chart module
 * has its own tests) and around the stylesheet (inlined from
 * templates/html/brief.css, checked here once), so a change of style or of
 * chart drawing does not rewrite every golden page. */
static char *
golden_view(const char *html)
{
    g_autofree char *css_path =
        g_build_filename(g_getenv("DOSSIER_DATADIR"), "templates", "html", "brief.css", NULL);
    g_autofree char *css = NULL;
    g_assert_true(g_file_get_contents(css_path, &css, NULL, NULL));
    g_autofree char *first_line = g_strndup(css, strcspn(css, "\n"));
    g_assert_nonnull(strstr(html, first_line)); /* the stylesheet is inlined */
    g_autofree char *no_svg = replace_elements(html, "svg", "<!-- chart -->");
    return replace_elements(no_svg, "style", "/* templates/html/brief.css */");
}

static void
test_golden(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *html = render(b, ctx);
    g_autofree char *again = render(b, ctx);
    g_assert_cmpstr(html, ==, again);
    g_autofree char *stable = golden_view(html);
    dsr_test_assert_golden(stable, "render-html", "rich.expected.html");
}

static void
test_english(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = rich_brief();
    b->lang = dsr_brief_intern(b, "en");
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    assert_safe_page(doc, html);
    g_autofree char *lang = value(doc, "/html/@lang");
    g_assert_cmpstr(lang, ==, "en");
    g_autofree char *h2 = value(doc, "//section[@id='key-points']/h2");
    g_assert_cmpstr(h2, ==, "Key points");
    g_autofree char *v =
        value(doc, "//table[@class='figures']/tbody/tr[1]/td[@class='value']/text()[1]");
    g_assert_cmpstr(v, ==, "16.5%");
}

static void
test_sparse(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", NULL, "fr");
    b->title = dsr_brief_intern(b, "Vietnam : contexte national");
    dsr_brief_add_source(b, "Titre", NULL, NULL, NULL, "a.txt");
    dsr_brief_add_key_point(b, "Une phrase.", cites(1, 0));
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    assert_safe_page(doc, html);
    /* Empty sections are gone; no source is new, so nothing says "Nouveau". */
    g_assert_cmpint(count(doc, "//main/section"), ==, 2);
    g_assert_cmpint(count(doc, "//dl[@class='meta']/div"), ==, 3);
    g_assert_cmpint(count(doc, "//*[@class='new-tag']"), ==, 0);
    g_autofree char *period = value(doc, "//dl[@class='meta']/div[1]/dd");
    g_assert_cmpstr(period, ==, "non datée");
}

/* Only the sides that have actors get a heading; the national brief has no
 * partner side, so an actor of another country is among the others. */
static void
test_actor_sides(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", NULL, "fr");
    b->title = dsr_brief_intern(b, "Vietnam : contexte national");
    dsr_brief_add_source(b, "Titre", NULL, NULL, NULL, "a.txt");
    dsr_brief_add_actor(b, "Ivan Essai", "ambassadeur", "RU", cites(1, 0));
    dsr_brief_add_actor(b, "Nguyễn Văn Thử", NULL, "VN", cites(1, 0));
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    g_autoptr(GPtrArray) sides = values(doc, "//table[@class='actors']//th[@scope='rowgroup']");
    g_assert_cmpuint(sides->len, ==, 2);
    g_assert_cmpstr(g_ptr_array_index(sides, 0), ==, "Côté Vietnam");
    g_assert_cmpstr(g_ptr_array_index(sides, 1), ==, "Autres");

    g_autoptr(DsrBrief) e = dsr_brief_new("VN", "RU", "en");
    e->title = dsr_brief_intern(e, "Vietnam – Russia: brief");
    e->partner_name = dsr_brief_intern(e, "Russia");
    dsr_brief_add_source(e, "Title", NULL, NULL, NULL, "a.txt");
    dsr_brief_add_actor(e, "Ivan Essai", "ambassador", "RU", cites(1, 0));
    g_autofree char *en = render(e, ctx);
    g_autoptr(xmlDoc) edoc = parse(en);
    g_autoptr(GPtrArray) one = values(edoc, "//table[@class='actors']//th[@scope='rowgroup']");
    g_assert_cmpuint(one->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(one, 0), ==, "Russia side");
    g_assert_cmpint(count(edoc, "//table[@class='actors']/tbody"), ==, 1);
}

/* The page lists the articles the brief cites; the others are counted
 * under the list (a relationship of 2 000 articles would otherwise list
 * them all), and the JSON keeps every one. The figure's discrepancy cites
 * a source in its text. */
static void
test_uncited_sources(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    b->title = dsr_brief_intern(b, "Vietnam – Russie : note de synthèse");
    for (guint i = 0; i < 6; i++) {
        g_autofree char *title = g_strdup_printf("Article %u", i + 1);
        dsr_brief_add_source(b, title, NULL, "2025-01-01", NULL, NULL);
    }
    dsr_brief_add_key_point(b, "Les échanges ont progressé.", cites(2, 0));
    add_figure(b, DSR_FIGURE_PERCENT, "16,5%", 16.5, 1, NULL, "%", DSR_QUALIFIER_NONE, 2023,
               "part du numérique", "VN", cites(2, 0), "autre source : 17 % [5]", 0);
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    g_assert_cmpint(count(doc, "//ol[@class='sources']/li"), ==, 2);
    g_assert_cmpint(count(doc, "//li[@id='source-2']"), ==, 1);
    g_assert_cmpint(count(doc, "//li[@id='source-5']"), ==, 1);
    /* Each entry shows its own number as text: the second listed is [5]. */
    g_autofree char *n5 = value(doc, "//ol[@class='sources']/li[2]/span[@class='n']");
    g_assert_cmpstr(n5, ==, "[5]");
    g_autofree char *line =
        value(doc, "//ol[@class='sources']/following-sibling::p[@class='omitted']");
    g_assert_nonnull(strstr(line, "4 autres articles"));
    g_autofree char *json = dsr_brief_to_json(b);
    g_assert_nonnull(strstr(json, "Article 6"));

    /* An actor named by more sources than the row cites says how many more. */
    dsr_brief_add_actor(b, "Kim Min-ji", "ministre", "KR", cites(2, 0));
    g_array_index(b->actors, DsrBriefActor, 0).mentions = 516;
    g_autofree char *with_actor = render(b, ctx);
    g_autoptr(xmlDoc) adoc = parse(with_actor);
    g_autofree char *more = value(adoc, "//table[@class='actors']//span[@class='more-mentions']");
    g_assert_cmpstr(more, ==, "et 515 autres");

    /* Four digits: the list's class asks the stylesheet for a wider margin. */
    for (guint i = 6; i < 1200; i++)
        dsr_brief_add_source(b, "Article", NULL, "2025-01-01", NULL, NULL);
    dsr_brief_add_key_point(b, "Les échanges ont encore progressé.", cites(1200, 0));
    g_autofree char *wide = render(b, ctx);
    g_autoptr(xmlDoc) wdoc = parse(wide);
    g_autofree char *n1200 =
        value(wdoc, "//ol[@class='sources digits-4']/li[@id='source-1200']/span[@class='n']");
    g_assert_cmpstr(n1200, ==, "[1200]");
}

static void
test_hostile(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    const char *evil = "<script>alert(1)</script> \"quotes\" & 'apos' <img src=x onerror=alert(2)>";
    b->title = dsr_brief_intern(b, evil);
    b->partner_name = dsr_brief_intern(b, "Rus\u202esie\u200b");
    dsr_brief_add_source(b, "<a href=\"javascript:alert(3)\">clic</a>", "o&o", "2025-01-01",
                         "javascript:alert(4)", "x\"onmouseover=\"alert(5).txt");
    dsr_brief_add_source(b, "ok", NULL, NULL, " JaVaScRiPt:alert(6)", NULL);
    dsr_brief_add_source(b, "data", NULL, NULL, "data:text/html,<script>alert(7)</script>", NULL);
    dsr_brief_add_source(b, "tricky", NULL, NULL, "https://ok.example/\"><script>x</script>", NULL);
    dsr_brief_add_key_point(b, "Texte \u202eesrever\u202c avec\u2066 isolat \a cloche.",
                            cites(1, 9));
    add_figure(b, DSR_FIGURE_OTHER, "</td><script>", 1, 1, NULL, "<b>u</b>", DSR_QUALIFIER_NONE, 0,
               "<style>body{display:none}</style>", "\"VN", cites(2, 0), "<i>x</i>", 0);
    /* Every source is cited somewhere (an uncited one is not listed). */
    dsr_brief_add_actor(b, "</th><th onclick=x>", "r&amp;d", NULL,
                        dsr_cites_new((const int[]){1, 3, 4}, 3));
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    assert_safe_page(doc, html);
    g_assert_cmpint(count(doc, "//img|//b|//i|//body//style"), ==, 0);
    /* The text reads as written, minus the characters that only reorder or ring. */
    g_autofree char *h1 = value(doc, "//h1");
    g_assert_cmpstr(h1, ==, evil);
    g_autofree char *title = value(doc, "/html/head/title");
    g_assert_cmpstr(title, ==, evil);
    /* The title does not name the partner: its name stands under it, cleaned. */
    g_autofree char *partner = value(doc, "//h1/following-sibling::p[@class='partner']");
    g_assert_cmpstr(partner, ==, "Russie\u200b");
    g_assert_null(strstr(html, "\u202e"));
    g_assert_null(strstr(html, "\u2066"));
    g_assert_null(strstr(html, "\a"));
    /* No javascript: or data: link: the URLs are shown as text. */
    g_assert_cmpint(count(doc, "//@*[contains(translate(., 'JAVSCRIPT', 'javscript'), "
                               "'javascript:') or starts-with(., 'data:')]"),
                    ==, 0);
    g_assert_cmpint(count(doc, "//ol[@class='sources']//a"), ==, 1);
    /* The one link kept is a valid URL: what it may not hold is percent-encoded. */
    g_autofree char *href = value(doc, "//ol[@class='sources']//a/@href");
    g_assert_cmpstr(href, ==, "https://ok.example/%22%3E%3Cscript%3Ex%3C/script%3E");
    g_assert_cmpint(count(doc, "//span[contains(@class,'url-unsafe')]"), ==, 3);
    g_autofree char *unsafe =
        value(doc, "//li[@id='source-1']/span[contains(@class,'url-unsafe')]");
    g_assert_cmpstr(unsafe, ==, "javascript:alert(4)");
    g_autofree char *file = value(doc, "//li[@id='source-1']/span[@class='source-file']");
    g_assert_cmpstr(file, ==, "x\"onmouseover=\"alert(5).txt");
    /* A citation of a source that does not exist is not a dead link. */
    g_assert_cmpint(count(doc, "//ol[@class='key-points']/li/a"), ==, 1);
    g_assert_cmpint(count(doc, "//ol[@class='key-points']/li/span[@class='cite']"), ==, 1);
    g_autofree char *th = value(doc, "//table[@class='actors']/tbody/tr/th[@scope='row']");
    g_assert_cmpstr(th, ==, "</th><th onclick=x>");
    /* tests/e2e/html.sh runs the validator and axe on this page too. */
    g_autofree char *hostile_view = golden_view(html);
    dsr_test_assert_golden(hostile_view, "render-html", "hostile.expected.html");
}

static void
copy_file(const char *from_dir, const char *to_dir, const char *name)
{
    g_autofree char *from = g_build_filename(from_dir, name, NULL);
    g_autofree char *to = g_build_filename(to_dir, name, NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(from, &text, &len, NULL));
    g_assert_true(g_file_set_contents(to, text, (gssize)len, NULL));
}

/* A templates folder holding a copy of the real one with brief.html replaced
 * by @transform applied to it. Returns the folder (remove with rm_tree). */
static char *
broken_templates2(const char *find, const char *replace, const char *find2, const char *replace2)
{
    g_autofree char *src = datadir_path("templates");
    g_autofree char *dir = g_dir_make_tmp("dossier-html-XXXXXX", NULL);
    g_assert_nonnull(dir);
    g_autofree char *html_dir = g_build_filename(dir, "html", NULL);
    g_assert_cmpint(g_mkdir(html_dir, 0700), ==, 0);
    g_autofree char *src_html = g_build_filename(src, "html", NULL);
    copy_file(src, dir, "labels-fr.json");
    copy_file(src, dir, "labels-en.json");
    copy_file(src, dir, "page-style.json");
    copy_file(src_html, html_dir, "brief.css");
    copy_file(src_html, html_dir, "index.html");
    g_autofree char *path = g_build_filename(src_html, "brief.html", NULL);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_nonnull(strstr(text, find));
    g_autoptr(GString) s = g_string_new(text);
    g_string_replace(s, find, replace, 1);
    if (find2) {
        g_assert_nonnull(strstr(s->str, find2));
        g_string_replace(s, find2, replace2, 1);
    }
    g_autofree char *out = g_build_filename(html_dir, "brief.html", NULL);
    g_assert_true(g_file_set_contents(out, s->str, -1, NULL));
    return g_steal_pointer(&dir);
}

static char *
broken_templates(const char *find, const char *replace)
{
    return broken_templates2(find, replace, NULL, NULL);
}

static void
rm_tree(const char *dir)
{
    const char *files[] = {"html/brief.html", "html/brief.css", "html/index.html",
                           "labels-fr.json",  "labels-en.json", "page-style.json"};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *p = g_build_filename(dir, files[i], NULL);
        g_remove(p);
    }
    g_autofree char *html = g_build_filename(dir, "html", NULL);
    g_rmdir(html);
    g_rmdir(dir);
}

static void
assert_template_error2(const char *find, const char *replace, const char *find2,
                       const char *replace2, const char *in_message)
{
    g_autofree char *dir = broken_templates2(find, replace, find2, replace2);
    g_autoptr(DsrRenderContext) ctx = context_for(dir);
    g_autoptr(DsrBrief) b = rich_brief();
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_autoptr(GError) error = NULL;
    g_assert_false(dsr_render_html(b, ctx, out, &error));
    g_assert_error(error, DSR_ERROR, DSR_ERROR_RESOURCE);
    g_assert_nonnull(strstr(error->message, in_message));
    g_assert_nonnull(strstr(error->message, "brief.html"));
    rm_tree(dir);
}

static void
assert_template_error(const char *find, const char *replace, const char *in_message)
{
    assert_template_error2(find, replace, NULL, NULL, in_message);
}

static void
test_missing_slot(void)
{
    assert_template_error("data-slot=\"sources\"", "data-x=\"sources\"", "\"sources\"");
    assert_template_error("data-slot=\"meta\"", "", "\"meta\"");
}

static void
test_slot_order(void)
{
    /* Sources before key points: not the order every format shares. */
    assert_template_error2("data-slot=\"key-points\"", "data-slot=\"sources\"",
                           "data-slot=\"sources\">\n<h2>Sources",
                           "data-slot=\"key-points\">\n<h2>Sources", "must come before");
    assert_template_error("<main>", "<main><p data-slot=\"title\"></p>", "twice");
}

static void
test_template_cleaned(void)
{
    /* A user's template with a script, a handler, a remote stylesheet and
     * <meta charset>: dossier's page still has none of them. */
    g_autofree char *dir =
        broken_templates("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">",
                         "<meta charset=\"utf-8\"><script>alert(1)</script>"
                         "<link rel=\"stylesheet\" href=\"https://cdn.example/x.css\">"
                         "<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example\">");
    g_autofree char *path = g_build_filename(dir, "html", "brief.html", NULL);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_autoptr(GString) s = g_string_new(text);
    g_string_replace(s, "<body>",
                     "<body onload=\"alert(2)\"><img src=\"https://tracker.invalid/p.gif\">"
                     "<a href=\"javascript:alert(3)\">x</a>",
                     1);
    g_assert_true(g_file_set_contents(path, s->str, -1, NULL));
    g_autoptr(DsrRenderContext) ctx = context_for(dir);
    g_autoptr(DsrBrief) b = rich_brief();
    g_autofree char *html = render(b, ctx);
    g_autoptr(xmlDoc) doc = parse(html);
    assert_safe_page(doc, html);
    g_assert_null(strstr(html, "cdn.example"));
    g_assert_null(strstr(html, "tracker.invalid"));
    g_assert_null(strstr(html, "refresh"));
    g_assert_null(strstr(html, "javascript"));
    rm_tree(dir);
}

static void
test_css_remote(void)
{
    g_autofree char *dir = broken_templates("<body>", "<body>");
    g_autofree char *css = g_build_filename(dir, "html", "brief.css", NULL);
    g_assert_true(g_file_set_contents(
        css, "body{}\nh1 { background: url( 'https://x.example/a.png') }\n", -1, NULL));
    g_autoptr(DsrRenderContext) ctx = context_for(dir);
    g_autoptr(DsrBrief) b = rich_brief();
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_autoptr(GError) error = NULL;
    g_assert_false(dsr_render_html(b, ctx, out, &error));
    g_assert_error(error, DSR_ERROR, DSR_ERROR_RESOURCE);
    g_assert_nonnull(strstr(error->message, "brief.css:2"));
    rm_tree(dir);
}

static DsrBrief *
index_brief(const char *partner, const char *name, const char *to, guint n_sources, guint n_figures)
{
    DsrBrief *b = dsr_brief_new("VN", partner, "fr");
    b->partner_name = dsr_brief_intern(b, name);
    b->title = dsr_brief_intern(b, name);
    b->period_from = dsr_brief_intern(b, "2024-01");
    b->period_to = dsr_brief_intern(b, to);
    b->generated = dsr_brief_intern(b, "2025-11-22");
    for (guint i = 0; i < n_sources; i++)
        dsr_brief_add_source(b, "t", NULL, NULL, NULL, NULL);
    for (guint i = 0; i < n_figures; i++) {
        g_autofree char *subject = g_strdup_printf("chiffre %u", i + 1);
        add_figure(b, DSR_FIGURE_PERCENT, "1%", i + 1, 1, NULL, "%", DSR_QUALIFIER_NONE, 0, subject,
                   NULL, cites(1, 0), NULL, 0);
    }
    return b;
}

static void
test_index(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) ru = index_brief("RU", "Russie", "2025-06", 3, 5);
    g_autoptr(DsrBrief) eu = index_brief("EU", "Union européenne", "2025-11-20", 3, 1);
    add_figure(eu, DSR_FIGURE_COUNT, "12 délégations", 12, 1, NULL, "délégations",
               DSR_QUALIFIER_NONE, 0, "délégations", NULL, cites(1, 2), NULL, 0);
    add_figure(eu, DSR_FIGURE_MONEY, "60 milliards", 60, 1e9, "USD", NULL, DSR_QUALIFIER_NONE, 2024,
               "commerce bilatéral", NULL, cites(1, 3), NULL, 0);
    add_figure(eu, DSR_FIGURE_MONEY, "70 milliards", 70, 1e9, "USD", NULL, DSR_QUALIFIER_NONE, 2024,
               "commerce bilatéral", NULL, cites(2, 3), "70 contre 60", 7);
    add_figure(eu, DSR_FIGURE_MONEY, "2 milliards", 2, 1e9, "USD", NULL, DSR_QUALIFIER_NONE, 2024,
               "investissements", NULL, cites(1, 2), NULL, 0);
    g_autoptr(DsrBrief) cn = index_brief("CN", "Chine", "2025-06", 2, 0);
    g_autoptr(DsrBrief) vn = index_brief(NULL, NULL, NULL, 1, 0);
    DsrIndexEntry entries[] = {
        {ru, "vn-ru.html", "vn-ru.pdf", "changed", 1},
        {vn, "vn.html", NULL, "unchanged", 0},
        {eu, "vn-eu.html", "vn-eu.pdf", "new", 2},
        {cn, NULL, "../escape.pdf", NULL, 0},
    };
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(dsr_render_index(entries, G_N_ELEMENTS(entries), "fr", ctx, out, &error));
    g_assert_no_error(error);
    g_byte_array_append(out, (const guint8 *)"", 1);
    const char *html = (const char *)out->data;
    g_autoptr(xmlDoc) doc = parse(html);
    g_assert_cmpint(count(doc, "//script"), ==, 0);
    g_assert_cmpint(count(doc, "//meta[@http-equiv='Content-Type']"), ==, 1);
    g_assert_cmpint(count(doc, "//meta[@http-equiv='Content-Security-Policy']"), ==, 1);
    g_assert_cmpint(count(doc, "//@data-slot"), ==, 0);
    g_assert_cmpint(count(doc, "//h1"), ==, 1);
    g_assert_cmpint(count(doc, "//thead/tr/th[@scope='col']"), ==, 6);

    /* Latest activity first, equal dates by slug, undated last. */
    g_autoptr(GPtrArray) slugs = values(doc, "//tbody/tr/th/span[@class='slug']");
    const char *expected[] = {"vn-eu", "vn-cn", "vn-ru", "vn"};
    g_assert_cmpuint(slugs->len, ==, 4);
    for (guint i = 0; i < 4; i++)
        g_assert_cmpstr(g_ptr_array_index(slugs, i), ==, expected[i]);
    g_assert_cmpint(count(doc, "//tbody/tr[3]//ul[@class='top-figures']/li"), ==, 3);
    g_autofree char *articles = value(doc, "//tbody/tr[3]/td[@class='num']");
    g_assert_cmpstr(articles, ==, "3");
    g_autofree char *national = value(doc, "//tbody/tr[4]/th/a");
    g_assert_cmpstr(national, ==, "Contexte national");
    g_assert_cmpint(count(doc, "//tbody/tr[3]/td[@class='files']/a[@href='vn-ru.pdf']"), ==, 1);
    g_assert_cmpint(count(doc, "//tbody/tr[3]/th/a[@href='vn-ru.html']"), ==, 1);
    /* No link for a file that was not written or that is not beside the index. */
    g_assert_cmpint(count(doc, "//tbody/tr[2]//a"), ==, 0);
    g_assert_cmpint(count(doc, "//tbody/tr[4]/td[@class='files']/a"), ==, 1);
    g_autofree char *summary = value(doc, "//p[@class='summary']");
    g_assert_true(g_str_has_prefix(summary, "4 notes de synthèse (1 nouvelle, 1 modifiée)"));
    /* What changed since the previous run: a word per brief, and its new articles. */
    g_autofree char *changes_head = value(doc, "//thead/tr/th[2]");
    g_assert_cmpstr(changes_head, ==, "Depuis la dernière exécution");
    g_autofree char *st_eu = value(doc, "//tbody/tr[1]/td[@class='changes']/span[1]");
    g_assert_cmpstr(st_eu, ==, "Nouvelle note");
    g_autofree char *arts =
        value(doc, "//tbody/tr[1]/td[@class='changes']/span[@class='new-articles']");
    g_assert_cmpstr(arts, ==, "2 nouveaux articles");
    g_autofree char *st_ru = value(doc, "//tbody/tr[3]/td[@class='changes']/span[1]");
    g_assert_cmpstr(st_ru, ==, "Modifiée");
    g_autofree char *arts_ru = value(doc, "//tbody/tr[3]/td[@class='changes']/span[2]");
    g_assert_cmpstr(arts_ru, ==, "1 nouvel article");
    g_autofree char *st_vn = value(doc, "//tbody/tr[4]/td[@class='changes']/span");
    g_assert_cmpstr(st_vn, ==, "Inchangée");
    g_autofree char *st_cn = value(doc, "//tbody/tr[2]/td[@class='changes']");
    g_assert_cmpstr(st_cn, ==, "–");
    /* The three figures shown are the most cited, amounts before counts, none in dispute. */
    g_autoptr(GPtrArray) top = values(doc, "//tbody/tr[1]//ul[@class='top-figures']/li");
    g_assert_cmpuint(top->len, ==, 3);
    g_assert_nonnull(strstr(g_ptr_array_index(top, 0), "commerce bilatéral"));
    g_assert_nonnull(strstr(g_ptr_array_index(top, 1), "investissements"));
    g_assert_nonnull(strstr(g_ptr_array_index(top, 2), "délégations"));
    g_autofree char *index_view = golden_view(html);
    dsr_test_assert_golden(index_view, "render-html", "index.expected.html");

    g_autoptr(GByteArray) empty = g_byte_array_new();
    g_assert_true(dsr_render_index(NULL, 0, "en", ctx, empty, &error));
    g_byte_array_append(empty, (const guint8 *)"", 1);
    g_autoptr(xmlDoc) edoc = parse((const char *)empty->data);
    g_autofree char *none = value(edoc, "//tbody/tr/td[@class='empty']");
    g_assert_cmpstr(none, ==, "No briefing note in this run.");
    g_autofree char *lang = value(edoc, "/html/@lang");
    g_assert_cmpstr(lang, ==, "en");

    /* A first run has nothing to compare with: no "what changed" column. */
    DsrIndexEntry first[] = {{ru, "vn-ru.html", "vn-ru.pdf", NULL, 0}};
    g_autoptr(GByteArray) fout = g_byte_array_new();
    g_assert_true(dsr_render_index(first, 1, "fr", ctx, fout, &error));
    g_byte_array_append(fout, (const guint8 *)"", 1);
    g_autoptr(xmlDoc) fdoc = parse((const char *)fout->data);
    g_assert_cmpint(count(fdoc, "//thead/tr/th[@scope='col']"), ==, 5);
    g_assert_cmpint(count(fdoc, "//td[@class='changes']"), ==, 0);
}

static void
test_json(void)
{
    g_autoptr(DsrRenderContext) ctx = default_context();
    g_autoptr(DsrBrief) b = rich_brief();
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(dsr_render_json(b, ctx, out, &error));
    g_assert_no_error(error);
    g_autofree char *expected = dsr_brief_to_json(b);
    g_assert_cmpmem(out->data, out->len, expected, strlen(expected));
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/render/html/structure", test_structure);
    g_test_add_func("/render/html/golden", test_golden);
    g_test_add_func("/render/html/omitted", test_omitted);
    g_test_add_func("/render/html/english", test_english);
    g_test_add_func("/render/html/sparse", test_sparse);
    g_test_add_func("/render/html/actor-sides", test_actor_sides);
    g_test_add_func("/render/html/hostile", test_hostile);
    g_test_add_func("/render/html/uncited-sources", test_uncited_sources);
    g_test_add_func("/render/html/missing-slot", test_missing_slot);
    g_test_add_func("/render/html/slot-order", test_slot_order);
    g_test_add_func("/render/html/template-cleaned", test_template_cleaned);
    g_test_add_func("/render/html/css-remote", test_css_remote);
    g_test_add_func("/render/index/order-and-links", test_index);
    g_test_add_func("/render/json/wraps-brief", test_json);
    return g_test_run();
}
