/* SPDX-License-Identifier: MIT
 * The PDF renderer, checked as a reader would: the bytes are a PDF, identical
 * twice; poppler and qpdf (when installed) see the metadata, page size, the
 * fonts embedded as subsets, the text with its diacritics and hyphens exact,
 * nothing outside the page, an outline and links. Also hyphenation itself and
 * the missing-glyph count. */
#include <dossier/dossier.h>
#include "render/render-private.h"
#include "common/cleanup.h"
#include "test-support.h"
#include <math.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <string.h>

static DsrRenderContext *
context_limited(const char *paper, guint max_pages)
{
    g_autofree char *templates = g_build_filename(dsr_data_dir(), "templates", NULL);
    g_autofree char *fonts = g_build_filename(dsr_data_dir(), "fonts", NULL);
    DsrRenderOptions opt = {templates,  fonts,     paper, "Ministère des Affaires étrangères",
                            1700000000, max_pages, "fr"};
    g_autoptr(GError) error = NULL;
    DsrRenderContext *ctx = dsr_render_context_new(&opt, &error);
    g_assert_no_error(error);
    return ctx;
}

static DsrRenderContext *
context(const char *paper)
{
    return context_limited(paper, 0);
}

static DsrCites *
cites(int a, int b)
{
    int n[2] = {a, b};
    return dsr_cites_new(n, b > 0 ? 2 : 1);
}

static const char *const POINTS[] = {
    "Le vice-ministre Nguyễn Mạnh Hùng a reçu à Hô Chi Minh-Ville une délégation venue de "
    "Moscou pour examiner l'avancement des programmes de coopération technologique, notamment "
    "dans la transformation numérique des administrations provinciales.",
    "Selon les statistiques douanières, les échanges bilatéraux ont progressé de 16,5% en un an, "
    "une dynamique que les deux parties entendent consolider par des accords sectoriels.",
    "La partie russe (Россия) a proposé d'élargir les échanges universitaires : bourses, stages "
    "et laboratoires communs consacrés à l'intelligence artificielle et aux semi-conducteurs.",
    "Économie numérique, cybersécurité et villes intelligentes figurent parmi les priorités "
    "réaffirmées lors de la réunion du comité intergouvernemental tenue en novembre.",
    "Les représentants ont souligné que l'interconnexion des infrastructures énergétiques "
    "exigerait des investissements considérables et une harmonisation réglementaire.",
    "Plusieurs entreprises de Hô Chi Minh-Ville envisagent d'ouvrir des bureaux de représentation "
    "afin d'accompagner les exportations de produits agricoles transformés.",
};

static DsrBrief *
rich_brief(guint n_events, guint n_figures)
{
    DsrBrief *b = dsr_brief_new("VN", "RU", "fr");
    b->title = dsr_brief_intern(b, "Viêt Nam – Russie : note de synthèse");
    b->partner_name = dsr_brief_intern(b, "Russie");
    b->period_from = dsr_brief_intern(b, "2024-04");
    b->period_to = dsr_brief_intern(b, "2025-11-20");
    b->generated = dsr_brief_intern(b, "2023-11-14");
    for (int i = 1; i <= 12; i++) {
        g_autofree char *title = g_strdup_printf("Coopération économique, article numéro %d", i);
        g_autofree char *url = g_strdup_printf("https://example.org/actualites/%d?a=1&b=2", i);
        g_autofree char *file = g_strdup_printf("articles/ru-%02d.txt", i);
        dsr_brief_add_source(b, title, "lecourrier.vn", "2025-03-10",
                             i == 5 ? "javascript:alert(1)" : url, file);
    }
    for (guint i = 0; i < G_N_ELEMENTS(POINTS); i++)
        dsr_brief_add_key_point(b, POINTS[i], cites((int)i + 1, i % 2 ? 7 : 0));
    for (guint i = 0; i < n_figures; i++) {
        g_autofree char *subject =
            g_strdup_printf("échanges commerciaux bilatéraux dans le secteur %u de l'économie", i);
        DsrBriefFigure f = {0};
        f.quote = "30 milliards de dollars";
        f.value = 30 + i;
        f.scale = 1e9;
        f.kind = i % 3 ? DSR_FIGURE_MONEY : DSR_FIGURE_PERCENT;
        f.currency = "USD";
        f.unit = i % 3 ? "dollars" : "%";
        f.qualifier = i % 4 == 1 ? DSR_QUALIFIER_APPROX : DSR_QUALIFIER_NONE;
        f.year = 2020 + (int)(i % 5);
        f.subject = subject;
        f.entity = i % 2 ? "VN" : "RU";
        f.cites = cites(1 + (int)(i % 12), 0);
        if (i == 2) {
            f.discrepancy = "autre source : 31 milliards d'USD [2]";
            f.group = 1;
        }
        dsr_brief_add_figure(b, &f);
    }
    if (n_figures > 0) {
        DsrChartSpec *c = dsr_brief_add_chart(b, DSR_CHART_BAR, "Montants cités", "Md USD",
                                              "Source : douanes des deux pays");
        dsr_chart_add_point(b, c, "Échanges", 30, FALSE, cites(1, 0));
        dsr_chart_add_point(b, c, "Investissements", 12, TRUE, cites(2, 0));
        DsrChartSpec *l = dsr_brief_add_chart(b, DSR_CHART_LINE, "Échanges", "Md USD", NULL);
        for (int y = 2019; y <= 2024; y++) {
            g_autofree char *year = g_strdup_printf("%d", y);
            dsr_chart_add_point(b, l, year, 20 + y - 2019, FALSE, cites(3, 0));
        }
    }
    dsr_brief_add_theme(b, "cybersécurité", 3, POINTS[3], cites(4, 0));
    dsr_brief_add_theme(b, "Économie numérique", 2, NULL, cites(2, 5));
    for (guint i = 0; i < n_events; i++) {
        g_autofree char *date = g_strdup_printf("2025-%02u-%02u", 1 + i % 12, 1 + i % 28);
        g_autofree char *summary = g_strdup_printf(
            "Réunion de travail numéro %u sur la coopération énergétique et les transports, "
            "suivie de la signature d'un mémorandum.",
            i + 1);
        dsr_brief_add_event(b, (DsrEventType)(i % 5), date, i % 2 ? "Hô Chi Minh-Ville" : "Hanoï",
                            summary, cites(1 + (int)(i % 12), 0));
    }
    dsr_brief_add_actor(b, "Nguyễn Mạnh Hùng", "vice-ministre de l'Information", "VN", cites(1, 0));
    dsr_brief_add_actor(b, "Алексей Оверчук", "vice-Premier ministre", "RU", cites(3, 0));
    dsr_brief_add_actor(b, "Lê Thị Thu Hằng", "vice-ministre des Affaires étrangères", "VN",
                        cites(4, 6));
    return b;
}

static GByteArray *
render(const DsrBrief *brief, const DsrRenderContext *ctx, DsrPdfStats *stats)
{
    GByteArray *out = g_byte_array_new();
    g_autoptr(GError) error = NULL;
    gboolean ok = dsr__render_pdf_stats(brief, ctx, out, stats, &error);
    g_assert_no_error(error);
    g_assert_true(ok);
    g_assert_cmpuint(out->len, >, 1000);
    g_assert_true(memcmp(out->data, "%PDF-", 5) == 0);
    return out;
}

static char *
save(GByteArray *pdf, const char *name)
{
    char *path = g_build_filename(g_test_get_dir(G_TEST_BUILT), name, NULL);
    g_autoptr(GError) error = NULL;
    g_file_set_contents(path, (const char *)pdf->data, (gssize)pdf->len, &error);
    g_assert_no_error(error);
    return path;
}

/* Output of @tool run on @args, or NULL (test skipped) when it is not installed. */
static char *
run_tool(const char *tool, const char *const *args, int *status)
{
    g_autofree char *exe = g_find_program_in_path(tool);
    if (!exe) {
        g_test_skip_printf("%s is not installed", tool);
        return NULL;
    }
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_ptr_array_add(argv, exe);
    for (guint i = 0; args[i]; i++)
        g_ptr_array_add(argv, (gpointer)args[i]);
    g_ptr_array_add(argv, NULL);
    char *out = NULL;
    int wait = 0;
    g_autoptr(GError) error = NULL;
    g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                 NULL, &wait, &error);
    g_assert_no_error(error);
    *status = g_spawn_check_wait_status(wait, NULL) ? 0 : 1;
    return out;
}

/* pdftotext gives NBSP and narrow NBSP back as spaces, and a line end where
 * the layout broke: compare text with those folded. */
static char *
normalise(const char *text)
{
    GString *s = g_string_new(NULL);
    gboolean space = FALSE;
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == ' ' || c == '\n' || c == '\f' || c == 0xA0 || c == 0x202F) {
            space = TRUE;
            continue;
        }
        if (space && s->len && s->str[s->len - 1] != '-')
            g_string_append_c(s, ' ');
        space = FALSE;
        g_string_append_unichar(s, c);
    }
    return g_string_free(s, FALSE);
}

static char *
strip_hyphens(const char *s)
{
    GString *o = g_string_new(NULL);
    for (const char *p = s; *p; p++)
        if (*p != '-')
            g_string_append_c(o, *p);
    return g_string_free(o, FALSE);
}

typedef struct {
    DsrRenderContext *ctx;
    DsrBrief *brief;
    GByteArray *pdf;
    char *path;
    DsrPdfStats stats;
} Fixture;

static void
rich_setup(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    f->ctx = context("a4");
    f->brief = rich_brief(40, 30);
    f->pdf = render(f->brief, f->ctx, &f->stats);
    f->path = save(f->pdf, "render-pdf-rich.pdf");
}

static void
rich_teardown(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_byte_array_unref(f->pdf);
    dsr_brief_free(f->brief);
    dsr_render_context_free(f->ctx);
    g_free(f->path);
}

static void
test_rich_stats(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_assert_cmpuint(f->stats.unknown_glyphs, ==, 0);
    g_assert_cmpuint(f->stats.layouts, >, 100);
    g_assert_cmpuint(f->stats.pages, >=, 4);
    g_assert_true(f->stats.contents);
}

static void
test_rich_identical(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GByteArray) again = render(f->brief, f->ctx, NULL);
    g_assert_cmpuint(again->len, ==, f->pdf->len);
    g_assert_true(memcmp(again->data, f->pdf->data, again->len) == 0);
}

static void
test_rich_pdfinfo(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    int status;
    const char *args[] = {"-isodates", f->path, NULL};
    g_autofree char *info = run_tool("pdfinfo", args, &status);
    if (!info)
        return;
    g_assert_cmpint(status, ==, 0);
    g_autofree char *pages = g_strdup_printf("\nPages: *%u\n", f->stats.pages);
    g_assert_true(g_regex_match_simple(pages, info, 0, 0));
    g_assert_nonnull(strstr(info, "595.28 x 841.89 pts (A4)"));
    g_assert_true(
        g_regex_match_simple("Title: *Viêt Nam – Russie : note de synthèse\n", info, 0, 0));
    g_assert_true(g_regex_match_simple("Author: *Ministère des Affaires étrangères\n", info, 0, 0));
    g_autofree char *creator = g_strdup_printf("Creator: *dossier %s\n", dsr_version());
    g_assert_true(g_regex_match_simple(creator, info, 0, 0));
    g_assert_true(g_regex_match_simple("Keywords: *Russie, RU, cybersécurité, Économie numérique\n",
                                       info, 0, 0));
    g_assert_true(g_regex_match_simple("Tagged: *yes\n", info, 0, 0));
    /* SOURCE_DATE_EPOCH-style "now" 1700000000 is 2023-11-14 22:13:20 UTC. */
    g_assert_true(g_regex_match_simple("CreationDate: *2023-11-14T22:13:20Z\n", info, 0, 0));
    g_assert_true(g_regex_match_simple("ModDate: *2023-11-14T22:13:20Z\n", info, 0, 0));
}

static void
test_rich_pdffonts(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    int status;
    const char *args[] = {f->path, NULL};
    g_autofree char *fonts = run_tool("pdffonts", args, &status);
    if (!fonts)
        return;
    g_assert_cmpint(status, ==, 0);
    g_auto(GStrv) lines = g_strsplit(fonts, "\n", -1);
    guint n = 0;
    for (guint i = 2; lines[i]; i++) {
        if (!*lines[i])
            continue;
        n++;
        /* "ABCDEF+NotoSerif-Regular  CID TrueType  Identity-H  yes yes yes  12  0" */
        g_assert_true(g_regex_match_simple(
            "^[A-Z]{6}\\+Noto(Sans|Serif|SansMath)-\\S+ .* yes +yes +yes ", lines[i], 0, 0));
    }
    g_assert_cmpuint(n, >=, 3);
}

static char *
pdftotext(const char *path, const char *mode)
{
    int status;
    const char *args[] = {"-enc", "UTF-8", mode, path, "-", NULL};
    const char *plain[] = {"-enc", "UTF-8", path, "-", NULL};
    char *text = run_tool("pdftotext", mode ? args : plain, &status);
    if (text)
        g_assert_cmpint(status, ==, 0);
    return text;
}

static void
test_rich_text(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *raw = pdftotext(f->path, NULL);
    if (!raw)
        return;
    g_assert_null(strstr(raw, "\u00ad"));
    g_autofree char *text = normalise(raw);
    const char *want[] = {"Nguyễn Mạnh Hùng",
                          "Hô Chi Minh-Ville",
                          "Россия",
                          "Алексей Оверчук",
                          "Économie numérique",
                          "Lê Thị Thu Hằng",
                          "Points clés",
                          "Sommaire",
                          "Chiffres clés",
                          "Graphiques",
                          "Domaines de coopération",
                          "Événements et accords",
                          "Acteurs",
                          "Sources",
                          "Écart entre sources",
                          "16,5 %",
                          "page 1 /",
                          "source : 12 articles",
                          "https://example.org/actualites/3?a=1&b=2"};
    for (guint i = 0; i < G_N_ELEMENTS(want); i++)
        if (!strstr(text, want[i]))
            g_error("pdftotext lost \"%s\"", want[i]);
    g_assert_null(strstr(text, "MinhVille"));
    /* Actors under their side's heading, home first; no actor is on neither
     * side, so there is no "Autres". Read in drawing order: pdftotext's
     * layout puts the bold one-cell rows after the others. */
    g_autofree char *drawn_raw = pdftotext(f->path, "-raw");
    g_autofree char *drawn = normalise(drawn_raw);
    const char *acteurs = strstr(drawn, "Acteurs Nom");
    g_assert_nonnull(acteurs);
    const char *order[] = {"Côté Vietnam", "Nguyễn Mạnh Hùng", "Lê Thị Thu Hằng", "Côté Russie",
                           "Алексей Оверчук"};
    const char *at = acteurs;
    for (guint i = 0; i < G_N_ELEMENTS(order); i++) {
        const char *next = strstr(at, order[i]);
        if (!next)
            g_error("\"%s\" is not where it belongs in the actors table", order[i]);
        at = next;
    }
    g_assert_null(strstr(acteurs, "Autres"));
    /* Every key point comes back whole; "écono-\nmistes" came back as
     * "écono-mistes", so hyphens are left out of this comparison (the names
     * above keep theirs). */
    g_autofree char *flat = strip_hyphens(text);
    for (guint i = 0; i < G_N_ELEMENTS(POINTS); i++) {
        g_autofree char *typo = dsr_text_typography(POINTS[i], "fr");
        g_autofree char *norm = normalise(typo);
        g_autofree char *want_point = strip_hyphens(norm);
        if (!strstr(flat, want_point))
            g_error("key point %u not found whole in the PDF text", i);
    }
}

static void
test_rich_bbox(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *html = pdftotext(f->path, "-bbox");
    if (!html)
        return;
    g_autoptr(GRegex) re =
        g_regex_new("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                    "yMax=\"([0-9.]+)\">",
                    0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;
    guint words = 0;
    const double w = 595.28, h = 841.89, margin = 24;
    for (g_regex_match(re, html, 0, &m); g_match_info_matches(m); g_match_info_next(m, NULL)) {
        double v[4];
        for (int i = 0; i < 4; i++) {
            g_autofree char *s = g_match_info_fetch(m, i + 1);
            v[i] = g_ascii_strtod(s, NULL);
        }
        words++;
        if (v[0] < margin || v[1] < margin || v[2] > w - margin || v[3] > h - margin)
            g_error("a word lies outside the text area: %.1f %.1f %.1f %.1f", v[0], v[1], v[2],
                    v[3]);
    }
    g_assert_cmpuint(words, >, 1000);
}

static void
test_rich_qpdf(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    int status;
    const char *check[] = {"--check", f->path, NULL};
    g_autofree char *out = run_tool("qpdf", check, &status);
    if (!out)
        return;
    g_assert_cmpint(status, ==, 0);
    g_assert_nonnull(strstr(out, "No syntax or stream encoding errors"));
    const char *json[] = {"--json", f->path, NULL};
    g_autofree char *js = run_tool("qpdf", json, &status);
    g_assert_cmpint(status, ==, 0);
    g_assert_true(g_regex_match_simple("\"outlines\": \\[\\s*\\{", js, 0, 0));
    g_assert_nonnull(strstr(js, "\"title\": \"Points clés\""));
    g_assert_nonnull(strstr(js, "\"title\": \"Sources\""));
    g_assert_nonnull(strstr(js, "\"/Subtype\": \"/Link\""));
    g_assert_nonnull(strstr(js, "https://example.org/actualites/7?a=1&b=2"));
    g_assert_nonnull(strstr(js, "/Dest"));
    g_assert_null(strstr(js, "javascript:"));
    g_assert_nonnull(strstr(js, "/StructTreeRoot"));
}

/* An empty French brief of Vietnam and @partner, titled. */
static DsrBrief *
bare_brief(const char *partner, const char *name, const char *title)
{
    DsrBrief *b = dsr_brief_new("VN", partner, "fr");
    b->title = dsr_brief_intern(b, title);
    b->partner_name = dsr_brief_intern(b, name);
    b->generated = dsr_brief_intern(b, "2023-11-14");
    return b;
}

static void
test_sparse(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = bare_brief("FR", "France", "Viêt Nam – France : note de synthèse");
    dsr_brief_add_source(b, "Un titre", "vietnamplus.vn", "2024", "http://example.org/x", NULL);
    dsr_brief_add_key_point(b, POINTS[0], cites(1, 0));
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
    g_assert_cmpuint(stats.pages, ==, 1);
    g_assert_false(stats.contents);
    g_assert_cmpuint(stats.unknown_glyphs, ==, 0);
    g_autofree char *path = save(pdf, "render-pdf-sparse.pdf");
    g_autofree char *raw = pdftotext(path, NULL);
    if (!raw)
        return;
    g_autofree char *text = normalise(raw);
    g_assert_nonnull(strstr(text, "Points clés"));
    g_assert_nonnull(strstr(text, "Sources"));
    g_assert_nonnull(strstr(text, "non datée"));
    const char *absent[] = {"Chiffres clés",           "Graphiques",
                            "Événements et accords",   "Acteurs",
                            "Domaines de coopération", "Sommaire"};
    for (guint i = 0; i < G_N_ELEMENTS(absent); i++)
        g_assert_null(strstr(text, absent[i]));
}

/* A numbered source is a link target; one whose entry runs onto the next
 * page once made cairo fail on bad tag nesting and abort while freeing the
 * surface. Briefs of growing length put some entry across a page break. */
static void
test_split_source(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    guint splits = 0;
    for (guint n = 20; n < 32; n++) {
        g_autoptr(DsrBrief) b = dsr_brief_new("VN", "FR", "fr");
        b->title = dsr_brief_intern(b, "Viêt Nam – France : note de synthèse");
        b->generated = dsr_brief_intern(b, "2023-11-14");
        DsrCites *all = dsr_cites_new(NULL, 0); /* every source cited, so listed */
        for (guint i = 0; i < n; i++)
            dsr_cites_add(all, (int)i + 1);
        dsr_brief_add_key_point(b, POINTS[n % G_N_ELEMENTS(POINTS)], all);
        for (guint i = 0; i < n; i++) {
            g_autofree char *url =
                g_strdup_printf("https://example.org/actualites/economie/cooperation-bilaterale-%u-"
                                "programme-de-transformation-numerique-des-administrations.html",
                                i);
            g_autofree char *file = g_strdup_printf("articles/fr/%03u-cooperation.txt", i);
            dsr_brief_add_source(b, POINTS[i % G_N_ELEMENTS(POINTS)], "lecourrier.vn", "2025-03-10",
                                 url, file);
        }
        DsrPdfStats stats;
        g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
        splits += stats.split_targets;
    }
    g_assert_cmpuint(splits, >, 0);
}

/* A side's heading never ends a page: whatever the number of actors before
 * it, the page that shows a heading shows an actor after it. The national
 * brief has no partner side. */
static void
test_actor_sides(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    guint headings = 0;
    for (guint n = 26; n < 40; n++) {
        g_autoptr(DsrBrief) b = dsr_brief_new("VN", n % 2 ? NULL : "RU", "fr");
        b->title = dsr_brief_intern(b, "Viêt Nam");
        b->partner_name = b->partner ? dsr_brief_intern(b, "Russie") : NULL;
        b->generated = dsr_brief_intern(b, "2023-11-14");
        dsr_brief_add_source(b, "Un titre", "vietnamplus.vn", "2024", NULL, NULL);
        for (guint i = 0; i < n + 6; i++) {
            const char *entity = i < n ? "VN" : i < n + 3 ? "RU" : "FR";
            g_autofree char *name = g_strdup_printf("Personne %u", i);
            dsr_brief_add_actor(b, name, "vice-ministre chargé de la coopération économique",
                                entity, cites(1, 0));
        }
        g_autoptr(GByteArray) pdf = render(b, ctx, NULL);
        g_autofree char *path = save(pdf, "render-pdf-sides.pdf");
        /* In drawing order: the layout order of cells may put a bold heading after its rows. */
        g_autofree char *raw = pdftotext(path, "-raw");
        if (!raw)
            return;
        g_auto(GStrv) pages = g_strsplit(raw, "\f", -1);
        const char *with_partner[] = {"Côté Vietnam", "Côté Russie", "Autres", NULL};
        const char *national[] = {"Côté Vietnam", "Autres", NULL};
        const char *const *want = b->partner ? with_partner : national;
        guint found = 0;
        for (guint k = 0; pages[k]; k++) {
            for (guint w = 0; want[w]; w++) {
                const char *h = strstr(pages[k], want[w]);
                if (!h)
                    continue;
                found++;
                if (!strstr(h, "Personne"))
                    g_error("%u actors: \"%s\" ends page %u", n, want[w], k + 1);
            }
        }
        g_assert_cmpuint(found, ==, b->partner ? 3 : 2);
        headings += found;
        g_assert_null(b->partner ? NULL : strstr(raw, "Côté Russie"));
    }
    g_assert_cmpuint(headings, >, 0);
}

static void
test_letter_english(void)
{
    g_autoptr(DsrRenderContext) ctx = context("letter");
    g_autoptr(DsrBrief) b = rich_brief(4, 3);
    b->lang = dsr_brief_intern(b, "en");
    b->title = dsr_brief_intern(b, "Vietnam – Russia: briefing note");
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
    g_assert_cmpuint(stats.unknown_glyphs, ==, 0);
    g_autofree char *path = save(pdf, "render-pdf-letter.pdf");
    int status;
    const char *args[] = {path, NULL};
    g_autofree char *info = run_tool("pdfinfo", args, &status);
    if (!info)
        return;
    g_assert_nonnull(strstr(info, "612 x 792 pts (letter)"));
    g_autofree char *raw = pdftotext(path, NULL);
    g_autofree char *text = normalise(raw);
    g_assert_nonnull(strstr(text, "Key figures"));
    g_assert_nonnull(strstr(text, "Sources disagree"));
    g_assert_nonnull(strstr(text, "source: 12 articles"));
}

/* A typical brief: a few pages, two charts, well under 150 KB. */
static void
test_typical_size(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = rich_brief(12, 10);
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
    g_test_message("typical brief: %u pages, %u bytes", stats.pages, pdf->len);
    g_autofree char *path = save(pdf, "render-pdf-typical.pdf");
    g_assert_cmpuint(stats.pages, >=, 3);
    g_assert_cmpuint(pdf->len, <, 150 * 1024);
}

/* The count that guards every layout sees a glyph the bundled fonts lack. */
static void
test_unknown_glyph_counted(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "CN", "fr");
    b->title = dsr_brief_intern(b, "Viêt Nam – Chine");
    dsr_brief_add_key_point(b, "Le mot 中国 désigne la Chine.", NULL);
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
    g_assert_cmpuint(stats.unknown_glyphs, >, 0);
}

/* Threads that start rendering together, each on a fresh thread (so with a
 * fresh font map whose fonts all load while the other threads load theirs). */
typedef struct {
    const DsrRenderContext *ctx;
    const DsrBrief *briefs[3]; /* rendered in order; the last one's bytes are kept */
    guint n;
    GMutex *lock;
    GCond *go;
    guint *waiting;
    GByteArray *last;
} RenderJob;

static gpointer
render_job(gpointer data)
{
    RenderJob *job = data;
    g_mutex_lock(job->lock);
    if (--*job->waiting == 0)
        g_cond_broadcast(job->go);
    while (*job->waiting > 0)
        g_cond_wait(job->go, job->lock);
    g_mutex_unlock(job->lock);
    for (guint i = 0; i < job->n; i++) {
        GByteArray *out = g_byte_array_new();
        g_autoptr(GError) error = NULL;
        gboolean ok = dsr_render_pdf(job->briefs[i], job->ctx, out, &error);
        g_assert_no_error(error);
        g_assert_true(ok);
        if (job->last)
            g_byte_array_unref(job->last);
        job->last = out;
    }
    return NULL;
}

static void
run_together(RenderJob *jobs, guint n)
{
    GMutex lock;
    GCond go;
    g_mutex_init(&lock);
    g_cond_init(&go);
    guint waiting = n;
    GThread *threads[8];
    g_assert_cmpuint(n, <=, G_N_ELEMENTS(threads));
    for (guint i = 0; i < n; i++) {
        jobs[i].lock = &lock;
        jobs[i].go = &go;
        jobs[i].waiting = &waiting;
        threads[i] = g_thread_new("render", render_job, &jobs[i]);
    }
    for (guint i = 0; i < n; i++)
        g_thread_join(threads[i]);
    g_cond_clear(&go);
    g_mutex_clear(&lock);
}

static void
assert_same_bytes(const GByteArray *a, const GByteArray *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    g_assert_true(memcmp(a->data, b->data, a->len) == 0);
}

/* Issue 9: a brief's bytes depend neither on what its thread rendered before
 * nor on another thread rendering at the same time. Pango 1.50's metrics
 * guard, shared by all threads, once gave the fonts of one thread zero
 * approximate widths, and its justified lines ending in a soft hyphen were
 * set wider by the hyphen: each round starts fresh threads together, so
 * their fonts load at the same moment. */
static void
test_thread_independent(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) x = rich_brief(8, 6);
    g_autoptr(DsrBrief) y = rich_brief(30, 20);
    g_autoptr(DsrBrief) z = dsr_brief_new("VN", "EU", "en");
    z->title = dsr_brief_intern(z, "Viet Nam – European Union");
    for (guint i = 0; i < G_N_ELEMENTS(POINTS); i++)
        dsr_brief_add_key_point(z, POINTS[i], NULL);

    RenderJob alone = {ctx, {x}, 1, NULL, NULL, NULL, NULL};
    run_together(&alone, 1);
    for (guint round = 0; round < 4; round++) {
        RenderJob jobs[3] = {{ctx, {y, z, x}, 3, NULL, NULL, NULL, NULL},
                             {ctx, {x}, 1, NULL, NULL, NULL, NULL},
                             {ctx, {z, x}, 2, NULL, NULL, NULL, NULL}};
        run_together(jobs, G_N_ELEMENTS(jobs));
        for (guint i = 0; i < G_N_ELEMENTS(jobs); i++) {
            assert_same_bytes(alone.last, jobs[i].last);
            g_byte_array_unref(jobs[i].last);
        }
    }
    /* And on this thread, whose font map earlier tests have filled. */
    g_autoptr(GByteArray) here = render(x, ctx, NULL);
    assert_same_bytes(alone.last, here);
    g_byte_array_unref(alone.last);
}

typedef struct {
    const DsrRenderContext *ctx;
    GMutex *lock;
    GCond *go;
    guint *waiting;
    int width; /* approximate character width of the body font, Pango units */
} MetricsJob;

static gpointer
metrics_job(gpointer data)
{
    MetricsJob *job = data;
    g_mutex_lock(job->lock);
    if (--*job->waiting == 0)
        g_cond_broadcast(job->go);
    while (*job->waiting > 0)
        g_cond_wait(job->go, job->lock);
    g_mutex_unlock(job->lock);
    PangoContext *pc = dsr_fonts_new_context(job->ctx->fonts);
    PangoFontDescription *fd = pango_font_description_from_string("Noto Serif 10.5");
    PangoFont *font = pango_context_load_font(pc, fd);
    PangoFontMetrics *m = pango_font_get_metrics(font, pango_language_from_string("fr"));
    job->width = pango_font_metrics_get_approximate_char_width(m);
    pango_font_metrics_unref(m);
    g_object_unref(font);
    pango_font_description_free(fd);
    g_object_unref(pc);
    return NULL;
}

/* The cause itself, cheaper to hit than through whole briefs: fonts loaded
 * at the same moment on several threads all get their metrics. */
static void
test_metrics_threads(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    for (guint round = 0; round < 8; round++) {
        MetricsJob jobs[6];
        GThread *threads[G_N_ELEMENTS(jobs)];
        GMutex lock;
        GCond go;
        g_mutex_init(&lock);
        g_cond_init(&go);
        guint waiting = G_N_ELEMENTS(jobs);
        for (guint i = 0; i < G_N_ELEMENTS(jobs); i++) {
            jobs[i] = (MetricsJob){ctx, &lock, &go, &waiting, 0};
            threads[i] = g_thread_new("metrics", metrics_job, &jobs[i]);
        }
        for (guint i = 0; i < G_N_ELEMENTS(jobs); i++) {
            g_thread_join(threads[i]);
            g_assert_cmpint(jobs[i].width, >, 0);
            g_assert_cmpint(jobs[i].width, ==, jobs[0].width);
        }
        g_cond_clear(&go);
        g_mutex_clear(&lock);
    }
}

/* @pdf written to a temporary file and read back by `qpdf --json`: its
 * "qpdf" section (trailer and objects), or NULL when qpdf is not installed
 * (the test is then skipped). The file is also checked with `qpdf --check`. */
static cJSON *
qpdf_objects(const GByteArray *pdf)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = NULL;
    int fd = g_file_open_tmp("dossier-finish-XXXXXX.pdf", &path, &error);
    g_assert_no_error(error);
    close(fd);
    g_file_set_contents(path, (const char *)pdf->data, pdf->len, &error);
    g_assert_no_error(error);
    int status;
    const char *check[] = {"--check", path, NULL};
    g_autofree char *out = run_tool("qpdf", check, &status);
    if (!out) {
        g_unlink(path);
        return NULL;
    }
    g_assert_cmpint(status, ==, 0);
    g_assert_nonnull(strstr(out, "No syntax or stream encoding errors"));
    const char *json[] = {"--json=2", "--json-key=qpdf", path, NULL};
    g_autofree char *js = run_tool("qpdf", json, &status);
    g_unlink(path);
    g_assert_cmpint(status, ==, 0);
    cJSON *doc = cJSON_Parse(js);
    g_assert_nonnull(doc);
    return doc;
}

/* The value of object "N 0 R" (@ref) in qpdf's JSON. */
static const cJSON *
qpdf_object(const cJSON *doc, const char *ref)
{
    const cJSON *objects = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "qpdf"), 1);
    g_autofree char *key = g_strdup_printf("obj:%s", ref);
    const cJSON *o = cJSON_GetObjectItem(cJSON_GetObjectItem(objects, key), "value");
    g_assert_nonnull(o);
    return o;
}

static const cJSON *
qpdf_trailer(const cJSON *doc)
{
    const cJSON *objects = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "qpdf"), 1);
    const cJSON *t = cJSON_GetObjectItem(cJSON_GetObjectItem(objects, "trailer"), "value");
    g_assert_nonnull(t);
    return t;
}

static gboolean
bytes_contain(const GByteArray *b, const char *needle)
{
    const gsize n = strlen(needle);
    for (gsize i = 0; i + n <= b->len; i++)
        if (memcmp(b->data + i, needle, n) == 0)
            return TRUE;
    return FALSE;
}

/* What pdf-finish.c adds, read back with qpdf: the document language on the
 * catalog, a two-part /ID that follows the content, object streams and fewer
 * bytes than cairo wrote; the outline and the tagged structure survive. */
static void
test_finish(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = rich_brief(12, 10);
    g_autoptr(GByteArray) fr = render(b, ctx, NULL);
    b->lang = dsr_brief_intern(b, "en");
    g_autoptr(GByteArray) en = render(b, ctx, NULL);
    g_assert_true(bytes_contain(fr, "/ObjStm"));
    g_assert_true(bytes_contain(fr, "/Type/XRef"));
    const struct {
        GByteArray *pdf;
        const char *lang;
    } cases[] = {{fr, "fr"}, {en, "en"}};
    char *ids[2] = {NULL, NULL};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(cJSON) doc = qpdf_objects(cases[i].pdf);
        if (!doc)
            return;
        const cJSON *trailer = qpdf_trailer(doc);
        const cJSON *root =
            qpdf_object(doc, cJSON_GetStringValue(cJSON_GetObjectItem(trailer, "/Root")));
        g_autofree char *lang = g_strconcat("u:", cases[i].lang, NULL);
        g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(root, "/Lang")), ==, lang);
        g_assert_true(cJSON_IsString(cJSON_GetObjectItem(root, "/Outlines")));
        g_assert_true(cJSON_IsString(cJSON_GetObjectItem(root, "/StructTreeRoot")));
        g_assert_true(cJSON_IsObject(cJSON_GetObjectItem(root, "/MarkInfo")));
        g_assert_true(cJSON_IsString(cJSON_GetObjectItem(trailer, "/Info")));
        const cJSON *id = cJSON_GetObjectItem(trailer, "/ID");
        g_assert_cmpint(cJSON_GetArraySize(id), ==, 2);
        const char *id0 = cJSON_GetStringValue(cJSON_GetArrayItem(id, 0));
        g_assert_cmpuint(strlen(id0), ==, 2 + 32);
        ids[i] = g_strdup(id0);
    }
    /* Another document, another identifier. */
    g_assert_cmpstr(ids[0], !=, ids[1]);
    g_free(ids[0]);
    g_free(ids[1]);
}

/* A PDF of @n objects (bodies, "N 0 obj" to "endobj" added) with its
 * cross-reference table and a trailer whose root is object @root. */
static GByteArray *
hand_made_pdf(const char *const *bodies, guint n, guint root)
{
    GByteArray *pdf = g_byte_array_new();
    g_autoptr(GString) s = g_string_new("%PDF-1.5\n%\xb5\xed\xae\xfb\n");
    g_autofree gsize *off = g_new0(gsize, n + 1);
    for (guint i = 0; i < n; i++) {
        off[i + 1] = s->len;
        g_string_append_printf(s, "%u 0 obj\n%s\nendobj\n", i + 1, bodies[i]);
    }
    const gsize xref = s->len;
    g_string_append_printf(s, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
    for (guint i = 1; i <= n; i++)
        g_string_append_printf(s, "%010" G_GSIZE_FORMAT " 00000 n \n", off[i]);
    g_string_append_printf(
        s, "trailer\n<< /Size %u\n   /Root %u 0 R\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
        n + 1, root, xref);
    g_byte_array_append(pdf, (const guint8 *)s->str, (guint)s->len);
    return pdf;
}

/* What the rewrite squeezes is only whitespace between tokens: strings with
 * runs of spaces, nested and escaped parentheses, hex strings, names next to
 * delimiters and a stream whose data holds "endobj" come out as they were,
 * and a language that is not ASCII is written as a UTF-16 string. */
static void
test_finish_syntax(void)
{
    static const char content[] = "BT /F1 12 Tf (endobj  endstream) Tj ET";
    g_autofree char *stream =
        g_strdup_printf("<< /Length %u >>\nstream\n%s\nendstream", (guint)strlen(content), content);
    const char *const bodies[] = {
        "<< /Type /Catalog\n   /Pages 2 0 R\n   /Names << /X [ (a  b) ] >> >>",
        "<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>",
        "<< /Type /Page\n   /Parent 2 0 R /MediaBox [ 0 0 200 200 ]\n   /Contents 4 0 R\n"
        "   /Annots [ 5 0 R ] >>",
        stream,
        "<< /Type /Annot /Subtype /Link /Rect [ 1 2 3 4 ]\n"
        "   /A << /S /URI /URI (https://example.org/a\\(1\\)  (x (y)) %20) >>\n"
        "   /T <FEFF 0041 00e9> /Contents (tab\\tnewline\\n) /Q 0 >>",
    };
    g_autoptr(GByteArray) pdf = hand_made_pdf(bodies, G_N_ELEMENTS(bodies), 1);
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(dsr__pdf_finish(pdf->data, pdf->len, "vi-\xe1\xbb\x87", out, &error));
    g_assert_no_error(error);
    g_assert_true(bytes_contain(out, content));
    g_autoptr(cJSON) doc = qpdf_objects(out);
    if (!doc)
        return;
    const cJSON *root = qpdf_object(doc, "1 0 R");
    g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(root, "/Lang")), ==,
                    "u:vi-\xe1\xbb\x87");
    const cJSON *x = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "/Names"), "/X");
    g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetArrayItem(x, 0)), ==, "u:a  b");
    const cJSON *annot = qpdf_object(doc, "5 0 R");
    g_assert_cmpstr(
        cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(annot, "/A"), "/URI")), ==,
        "u:https://example.org/a(1)  (x (y)) %20");
    g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(annot, "/T")), ==, "u:A\xc3\xa9");
    g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(annot, "/Contents")), ==,
                    "u:tab\tnewline\n");
    const cJSON *page = qpdf_object(doc, "3 0 R");
    g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(page, "/Contents")), ==, "4 0 R");
    g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(page, "/MediaBox")), ==, 4);
}

/* Bytes that are not the PDF cairo writes are a render error, not a crash or a print. */
static void
test_finish_error(void)
{
    static const char junk[] = "%PDF-1.5\nthis is not a PDF body\n";
    const char *const bodies[] = {"<< /Type /Catalog /Pages 2 0 R >>",
                                  "<< /Type /Pages /Kids [] /Count 0 >>"};
    g_autoptr(GByteArray) good = hand_made_pdf(bodies, G_N_ELEMENTS(bodies), 1);
    g_autoptr(GByteArray) cut = g_byte_array_new();
    g_byte_array_append(cut, good->data, good->len - 40);
    g_autoptr(GByteArray) moved = g_byte_array_new();
    g_byte_array_append(moved, good->data, good->len);
    /* The first object's offset in the table now points one byte off. */
    char *entry = g_strstr_len((char *)moved->data, moved->len, "65535 f \n");
    g_assert_nonnull(entry);
    entry[9 + 9] = entry[9 + 9] == '9' ? '8' : (char)(entry[9 + 9] + 1);
    g_autoptr(GByteArray) no_root = hand_made_pdf(bodies, G_N_ELEMENTS(bodies), 7);
    const struct {
        const guint8 *data;
        gsize len;
    } cases[] = {{(const guint8 *)junk, sizeof junk - 1},
                 {cut->data, cut->len},
                 {moved->data, moved->len},
                 {no_root->data, no_root->len}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GByteArray) out = g_byte_array_new();
        g_autoptr(GError) error = NULL;
        gboolean ok = dsr__pdf_finish(cases[i].data, cases[i].len, "fr", out, &error);
        g_assert_false(ok);
        g_assert_error(error, DSR_ERROR, DSR_ERROR_RENDER);
        g_assert_cmpuint(out->len, ==, 0);
    }
    g_autoptr(GByteArray) out = g_byte_array_new();
    g_assert_true(dsr__pdf_finish(good->data, good->len, NULL, out, NULL));
    g_assert_false(bytes_contain(out, "/Lang"));
}

/* Issue 8 and the figure row's extras: rows whose every source is new carry
 * the "Nouveau" tag, the header counts the new sources, a figure shows the
 * source's own equivalent beside its value and the other wordings with
 * their sources. A row citing an older source too is not tagged. */
static void
test_new_and_equivalents(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = dsr_brief_new("VN", "RU", "fr");
    b->title = dsr_brief_intern(b, "Viêt Nam – Russie");
    for (int i = 1; i <= 3; i++) {
        g_autofree char *title = g_strdup_printf("Article %d", i);
        dsr_brief_add_source(b, title, "exemple.vn", "2025-03-10", NULL, NULL);
    }
    g_array_index(b->sources, DsrSource, 1).is_new = TRUE;
    g_array_index(b->sources, DsrSource, 2).is_new = TRUE;
    dsr_brief_add_key_point(b, "Une phrase venue d'un article lu pour la première fois.",
                            cites(2, 3));
    dsr_brief_add_key_point(b, "Une phrase que l'ancien article disait déjà.", cites(1, 2));
    DsrBriefFigure f = {0};
    f.quote = "200 000 milliards de dongs";
    f.value = 200000;
    f.scale = 1e9;
    f.kind = DSR_FIGURE_MONEY;
    f.currency = "VND";
    f.unit = "dongs";
    f.subject = "investissements annoncés";
    f.cites = cites(1, 3);
    f.equivalent = (DsrFigureEquivalent){"environ 8 milliards de dollars",
                                         8,
                                         1e9,
                                         DSR_FIGURE_MONEY,
                                         "USD",
                                         "dollars",
                                         DSR_QUALIFIER_APPROX};
    DsrBriefFigure *row = dsr_brief_add_figure(b, &f);
    dsr_brief_figure_add_variant(b, row, "200.000 milliards de VND", 3);
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
    g_assert_cmpuint(stats.unknown_glyphs, ==, 0);
    g_autofree char *path = save(pdf, "render-pdf-new.pdf");
    g_autofree char *raw = pdftotext(path, NULL);
    if (!raw)
        return;
    g_autofree char *text = normalise(raw);
    g_assert_nonnull(strstr(text, "3 sources, dont 2 nouvelles"));
    /* One tag: the first key point; the second and the figure cite source 1. */
    g_auto(GStrv) pieces = g_strsplit(text, "NOUVEAU", -1);
    g_assert_cmpuint(g_strv_length(pieces), ==, 2);
    const char *tag = strstr(text, "NOUVEAU");
    g_assert_true(tag > strstr(text, "première fois"));
    g_assert_true(tag < strstr(text, "disait déjà"));
    g_assert_nonnull(strstr(text, "soit environ 8 Md USD"));
    g_assert_nonnull(strstr(text, "aussi écrit : « 200.000 milliards de VND » [3]"));
}

static guint
count_of(const char *hay, const char *needle)
{
    guint n = 0;
    for (const char *at = strstr(hay, needle); at; at = strstr(at + strlen(needle), needle))
        n++;
    return n;
}

/* A brief longer than the limit stops at it: the page count, the footer's
 * "page N / N", the notice as the last text of the last page, whole table
 * rows only, a contents line without a page for each section cut off, and a
 * document qpdf finds clean (no element left open, no dangling link). */
static void
check_cut(guint events, guint max, const char *lang, const char *notice)
{
    g_autoptr(DsrRenderContext) ctx = context_limited("a4", max);
    g_autoptr(DsrBrief) b = rich_brief(events, 30);
    b->lang = dsr_brief_intern(b, lang);
    g_autoptr(GByteArray) pdf = g_byte_array_new();
    DsrRenderReport report = {99, FALSE};
    g_autoptr(GError) error = NULL;
    g_assert_true(dsr_render_pdf_report(b, ctx, pdf, &report, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(report.pages, ==, max);
    g_assert_true(report.truncated);
    g_autofree char *name = g_strdup_printf("render-pdf-cut-%u-%s.pdf", max, lang);
    g_autofree char *path = save(pdf, name);

    int status;
    const char *info_args[] = {path, NULL};
    g_autofree char *info = run_tool("pdfinfo", info_args, &status);
    if (!info)
        return;
    g_autofree char *pages = g_strdup_printf("\nPages: *%u\n", max);
    g_assert_true(g_regex_match_simple(pages, info, 0, 0));
    g_autofree char *raw = pdftotext(path, "-raw");
    g_auto(GStrv) page_texts = g_strsplit(raw, "\f", -1);
    g_assert_cmpuint(g_strv_length(page_texts), >=, max);
    g_autofree char *last = normalise(page_texts[max - 1]);
    const char *at = strstr(last, notice);
    if (!at)
        g_error("no cut notice on the last page: %s", last);
    /* After the notice only the footer: the generation date and the page. */
    g_autofree char *footer = g_strdup_printf("page %u / %u", max, max);
    g_assert_nonnull(strstr(at, footer));
    g_assert_null(strstr(at + strlen(notice), "Réunion"));
    for (guint i = 0; i + 1 < max; i++)
        g_assert_null(strstr(page_texts[i], notice));
    /* Every event row shown is whole: as many starts as ends. */
    g_autofree char *norm = normalise(raw);
    g_autofree char *all = strip_hyphens(norm);
    g_assert_cmpuint(count_of(all, "Réunion de travail numéro"), ==, count_of(all, "mémorandum"));

    const char *check[] = {"--check", path, NULL};
    g_autofree char *out = run_tool("qpdf", check, &status);
    if (!out)
        return;
    g_assert_cmpint(status, ==, 0);
    g_assert_nonnull(strstr(out, "No syntax or stream encoding errors"));
}

static void
test_page_limit(void)
{
    check_cut(200, 3, "fr",
              "Ce PDF est coupé à 3 pages : la note complète figure dans les "
              "versions HTML et JSON.");
    /* Cut inside the events table, in English. */
    check_cut(200, 6, "en",
              "This PDF is cut at 6 pages: the full brief is in the HTML and JSON "
              "versions.");
    /* One page: the cover block and what fits under it. */
    check_cut(40, 1, "fr", "Ce PDF est coupé à 1 page :");

    /* At or under the limit nothing changes. */
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = rich_brief(200, 30);
    DsrRenderReport report = {0};
    g_autoptr(GByteArray) whole = g_byte_array_new();
    g_assert_true(dsr_render_pdf_report(b, ctx, whole, &report, NULL));
    g_assert_false(report.truncated);
    g_assert_cmpuint(report.pages, >, 6);
    g_autoptr(DsrRenderContext) exact = context_limited("a4", report.pages);
    DsrRenderReport again = {0};
    g_autoptr(GByteArray) same = g_byte_array_new();
    g_assert_true(dsr_render_pdf_report(b, exact, same, &again, NULL));
    g_assert_false(again.truncated);
    g_assert_cmpuint(again.pages, ==, report.pages);
    g_assert_cmpmem(same->data, same->len, whole->data, whole->len);
}

/* The limits' counts show where they apply: the header's sources line, and
 * a line closing the figures, events and actors sections. */
static void
test_omitted(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = rich_brief(5, 6);
    b->omitted.articles = 3500;
    b->omitted.figures = 14;
    b->omitted.events = 1;
    b->omitted.actors = 2;
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
    g_assert_cmpuint(stats.unknown_glyphs, ==, 0);
    g_autofree char *path = save(pdf, "render-pdf-omitted.pdf");
    g_autofree char *raw = pdftotext(path, "-raw");
    if (!raw)
        return;
    g_autofree char *text = normalise(raw);
    g_autofree char *total = dsr_text_format_number(3512, 0, "fr");
    g_autofree char *header_raw = g_strdup_printf(
        "12 sources, note établie à partir des 12 articles les plus récents sur %s", total);
    g_autofree char *header = normalise(header_raw);
    const char *want[] = {header, "14 autres chiffres, moins cités, ne sont pas repris.",
                          "1 autre événement n'est pas repris.",
                          "2 autres acteurs, moins cités, ne sont pas repris."};
    for (guint i = 0; i < G_N_ELEMENTS(want); i++)
        if (!strstr(text, want[i]))
            g_error("no \"%s\" in the PDF text", want[i]);
    /* Each line closes its own section. */
    g_assert_true(strstr(text, want[1]) < g_strrstr(text, "Graphiques"));
    g_assert_true(strstr(text, want[2]) < strstr(text, "Acteurs Nom"));
    g_assert_true(strstr(text, want[3]) > strstr(text, "Алексей Оверчук"));
}

/* A source numbered in the thousands keeps its whole marker beside its
 * entry: the hanging indent widens to "[1200]" (it was 26 pt, the width of
 * "[99]", and "]" fell to a line of its own in a 10 000-article brief). */
static void
test_wide_markers(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b =
        bare_brief("KR", "Corée du Sud", "Vietnam – Corée du Sud : note de synthèse");
    for (int i = 1; i <= 1200; i++) {
        g_autofree char *title = g_strdup_printf("Article %d", i);
        dsr_brief_add_source(b, title, "exemple.vn", "2025-03-10", NULL, NULL);
    }
    dsr_brief_add_key_point(b, POINTS[0], cites(7, 1200));
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
    g_autofree char *path = save(pdf, "render-pdf-wide-markers.pdf");
    g_autofree char *raw = pdftotext(path, "-raw");
    if (!raw)
        return;
    g_autofree char *text = normalise(raw);
    if (!strstr(text, "[1200] Article 1200"))
        g_error("no \"[1200] Article 1200\" in the PDF text:\n%s", text);
    g_assert_nonnull(strstr(text, "[7] Article 7"));
}

/* A brief.json edited by hand with a noncharacter in its title renders: the
 * reader drops it before it reaches cairo. */
static void
test_noncharacter_title(void)
{
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = rich_brief(2, 2);
    b->title = dsr_brief_intern(b, "Viêt Nam\xef\xbf\xbf – Russie\x01\xef\xb7\x90");
    g_autofree char *json = dsr_brief_to_json(b);
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrBrief) back = dsr_brief_from_json(json, strlen(json), &error);
    g_assert_no_error(error);
    g_assert_cmpstr(back->title, ==, "Viêt Nam – Russie");
    DsrPdfStats stats;
    g_autoptr(GByteArray) pdf = render(back, ctx, &stats);
    g_assert_cmpuint(stats.unknown_glyphs, ==, 0);
}

static char *
strip_soft(const char *s)
{
    GString *o = g_string_new(NULL);
    for (const char *p = s; *p; p = g_utf8_next_char(p))
        if (g_utf8_get_char(p) != 0xAD)
            g_string_append_unichar(o, g_utf8_get_char(p));
    return g_string_free(o, FALSE);
}

static void
test_hyphenate(void)
{
    g_autofree char *a = dsr__hyphenate("anticonstitutionnellement et économistes", "fr");
    g_assert_nonnull(strstr(a, "\u00ad"));
    g_assert_nonnull(strstr(a, "éco\u00adno\u00admistes"));
    g_autofree char *back = strip_soft(a);
    g_assert_cmpstr(back, ==, "anticonstitutionnellement et économistes");
    /* Nothing beside a real hyphen, in acronyms, short words, codes or URLs. */
    const char *whole[] = {"Hô Chi Minh-Ville",   "ASEAN",       "VinFast", "les",
                           "https://exemple.org", "Lee Han-woo", "A320neo"};
    for (guint i = 0; i < G_N_ELEMENTS(whole); i++) {
        g_autofree char *h = dsr__hyphenate(whole[i], "fr");
        g_assert_cmpstr(h, ==, whole[i]);
    }
    g_autofree char *en = dsr__hyphenate("international cooperation", "en");
    g_assert_nonnull(strstr(en, "\u00ad"));
    g_autofree char *vi = dsr__hyphenate("Nguyễn Mạnh Hùng, l'économie", "fr");
    g_autofree char *vi_back = strip_soft(vi);
    g_assert_cmpstr(vi_back, ==, "Nguyễn Mạnh Hùng, l'économie");
}

static int
cmp_double(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void
test_timing(void)
{
    if (!g_test_perf()) {
        g_test_skip("timing runs with -m perf");
        return;
    }
    g_autoptr(DsrRenderContext) ctx = context("a4");
    g_autoptr(DsrBrief) b = rich_brief(40, 30);
    double t[20];
    guint pages = 0, bytes = 0;
    for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
        DsrPdfStats stats;
        gint64 t0 = g_get_monotonic_time();
        g_autoptr(GByteArray) pdf = render(b, ctx, &stats);
        t[i] = (double)(g_get_monotonic_time() - t0) / 1000.0;
        pages = stats.pages;
        bytes = pdf->len;
    }
    qsort(t, G_N_ELEMENTS(t), sizeof t[0], cmp_double);
    g_test_minimized_result(t[G_N_ELEMENTS(t) / 2], "median render %.1f ms (%u pages, %u bytes)",
                            t[G_N_ELEMENTS(t) / 2], pages, bytes);
    g_assert_cmpfloat(t[G_N_ELEMENTS(t) / 2], <, 1000);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add("/render-pdf/rich/stats", Fixture, NULL, rich_setup, test_rich_stats, rich_teardown);
    g_test_add("/render-pdf/rich/identical", Fixture, NULL, rich_setup, test_rich_identical,
               rich_teardown);
    g_test_add("/render-pdf/rich/pdfinfo", Fixture, NULL, rich_setup, test_rich_pdfinfo,
               rich_teardown);
    g_test_add("/render-pdf/rich/pdffonts", Fixture, NULL, rich_setup, test_rich_pdffonts,
               rich_teardown);
    g_test_add("/render-pdf/rich/text", Fixture, NULL, rich_setup, test_rich_text, rich_teardown);
    g_test_add("/render-pdf/rich/bbox", Fixture, NULL, rich_setup, test_rich_bbox, rich_teardown);
    g_test_add("/render-pdf/rich/qpdf", Fixture, NULL, rich_setup, test_rich_qpdf, rich_teardown);
    g_test_add_func("/render-pdf/sparse", test_sparse);
    g_test_add_func("/render-pdf/split-source", test_split_source);
    g_test_add_func("/render-pdf/actor-sides", test_actor_sides);
    g_test_add_func("/render-pdf/letter-english", test_letter_english);
    g_test_add_func("/render-pdf/typical-size", test_typical_size);
    g_test_add_func("/render-pdf/unknown-glyph-counted", test_unknown_glyph_counted);
    g_test_add_func("/render-pdf/hyphenate", test_hyphenate);
    g_test_add_func("/render-pdf/new-and-equivalents", test_new_and_equivalents);
    g_test_add_func("/render-pdf/page-limit", test_page_limit);
    g_test_add_func("/render-pdf/omitted", test_omitted);
    g_test_add_func("/render-pdf/wide-markers", test_wide_markers);
    g_test_add_func("/render-pdf/noncharacter-title", test_noncharacter_title);
    g_test_add_func("/render-pdf/finish", test_finish);
    g_test_add_func("/render-pdf/finish-error", test_finish_error);
    g_test_add_func("/render-pdf/finish-syntax", test_finish_syntax);
    g_test_add_func("/render-pdf/threads/independent", test_thread_independent);
    g_test_add_func("/render-pdf/threads/metrics", test_metrics_threads);
    g_test_add_func("/render-pdf/timing", test_timing);
    /* No cairo_debug_reset_static_data() at the end: it asserts that no font
     * is alive, and the threads tests' font maps may still be torn down then
     * (it aborted one run in three). tests/lsan.supp covers those caches. */
    return g_test_run();
}
