/* SPDX-License-Identifier: MIT
 * Ingestion: our own texts reproducing every junk form of pasted news
 * (golden JSON of the article fields), JSON and JSON Lines, bad inputs,
 * input listing, and the bundled seed articles. With a corpus folder (fr/,
 * en/, README.md: $DOSSIER_CORPUS, else ../shared/corpus beside the source
 * tree) the /ingest/corpus/ tests run over it: junk, dates against its README,
 * and every article as four saved pages and a JSON export. */
#include <dossier/ingest.h>
#include <dossier/error.h>
#include <dossier/text.h>
#include "test-support.h"
#include "common/cleanup.h"
#include "ingest/ingest-private.h"
#include <cJSON.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
add_string(cJSON *obj, const char *key, const char *value)
{
    cJSON_AddItemToObject(obj, key, value ? cJSON_CreateString(value) : cJSON_CreateNull());
}

static cJSON *
string_array(GPtrArray *a)
{
    cJSON *arr = cJSON_CreateArray();
    for (guint i = 0; i < a->len; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(g_ptr_array_index(a, i)));
    return arr;
}

/* Every field of every article, in a stable order; "file" without its folder. */
static char *
articles_to_json(GPtrArray *articles)
{
    cJSON *list = cJSON_CreateArray();
    for (guint i = 0; i < articles->len; i++) {
        DsrArticle *a = g_ptr_array_index(articles, i);
        cJSON *o = cJSON_CreateObject();
        g_autofree char *base = g_path_get_basename(a->file);
        add_string(o, "file", base);
        add_string(o, "id", a->id);
        add_string(o, "format", a->format);
        add_string(o, "lang", a->lang);
        add_string(o, "title", a->title);
        add_string(o, "date", a->date);
        add_string(o, "place", a->place);
        add_string(o, "url", a->url);
        add_string(o, "outlet", a->outlet);
        cJSON_AddItemToObject(o, "paragraphs", string_array(a->paragraphs));
        cJSON_AddItemToObject(o, "warnings", string_array(a->warnings));
        cJSON_AddItemToArray(list, o);
    }
    char *printed = cJSON_Print(list);
    char *out = g_strconcat(printed, "\n", NULL);
    cJSON_free(printed);
    cJSON_Delete(list);
    return out;
}

static GPtrArray *
ingest_data(const char *name)
{
    g_autofree char *path = dsr_test_data_path("ingest", name);
    g_autoptr(GError) error = NULL;
    GPtrArray *articles = dsr_ingest_file(path, NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(articles);
    return articles;
}

static void
assert_no_junk(GPtrArray *articles)
{
    for (guint i = 0; i < articles->len; i++) {
        DsrArticle *a = g_ptr_array_index(articles, i);
        g_assert_cmpuint(a->paragraphs->len, >, 0);
        g_assert_cmpuint(strlen(a->id), ==, 16);
        for (guint k = 0; k < a->paragraphs->len; k++) {
            const char *p = g_ptr_array_index(a->paragraphs, k);
            if (dsr_ingest_is_junk_line(p))
                g_test_message("junk paragraph in %s: %s", a->file, p);
            g_assert_false(dsr_ingest_is_junk_line(p));
            g_assert_null(strstr(p, "Photo :"));
            g_assert_false(g_str_has_prefix(p, ">>"));
        }
    }
}

/* Golden check of one data file: tests/data/ingest/<case>.txt ->
 * <case>.expected.json. */
static void
test_golden(gconstpointer data)
{
    const char *name = data;
    g_autoptr(GPtrArray) articles = ingest_data(name);
    assert_no_junk(articles);
    g_autofree char *json = articles_to_json(articles);
    g_autofree char *stem = g_strndup(name, strrchr(name, '.') - name);
    g_autofree char *expected = g_strconcat(stem, ".expected.json", NULL);
    dsr_test_assert_golden(json, "ingest", expected);
}

/* The golden files hold the reviewed values; these say why they matter. */
static void
test_junk_forms(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("junk-forms.txt");
    DsrArticle *a = g_ptr_array_index(articles, 0);
    g_assert_cmpstr(a->title, ==,
                    "Numérique : un atelier sur la coopération entre le Vietnam et la Pologne");
    g_assert_cmpstr(a->date, ==, "2024-06");
    g_assert_cmpstr(a->place, ==, "Hanoï");
    g_assert_cmpstr(a->outlet, ==, "example-courrier.vn");
    g_assert_cmpstr(a->lang, ==, "fr");
    g_assert_cmpstr(a->format, ==, "text");
    g_assert_cmpuint(a->paragraphs->len, ==, 4); /* duplicate and captions gone */
    g_assert_true(g_str_has_prefix(g_ptr_array_index(a->paragraphs, 0), "Une cinquantaine"));
    g_assert_nonnull(strstr(g_ptr_array_index(a->paragraphs, 1),
                            "échanges entre le Vietnam et l’UE a atteint 12,4 milliards"));
    g_assert_cmpuint(a->warnings->len, ==, 0);
}

static void
test_single_lines(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("single-lines.txt");
    DsrArticle *a = g_ptr_array_index(articles, 0);
    g_assert_null(a->title); /* it starts with a caption, then the text */
    g_assert_cmpstr(a->date, ==, "2024-03-15");
    g_assert_cmpstr(a->outlet, ==, "news.example.vn");
    g_assert_cmpuint(a->paragraphs->len, ==, 5);
}

static void
test_chrome_byline(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("chrome-byline.txt");
    DsrArticle *a = g_ptr_array_index(articles, 0);
    g_assert_cmpstr(a->title, ==,
                    "Accord franco-vietnamien sur les batteries lors d'une visite ministérielle");
    g_assert_cmpstr(a->date, ==, "2024-03-12");
    g_assert_cmpstr(a->place, ==, "Paris/Hanoi");
    g_assert_cmpstr(a->outlet, ==, "exemple-bourse.fr");
    g_assert_cmpuint(a->paragraphs->len, ==, 2);
}

static void
test_signoff_and_dateline_day(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("vnplus-anh.txt");
    DsrArticle *a = g_ptr_array_index(articles, 0);
    /* The marker gives 2021-05, the dateline "30 mai" the day. */
    g_assert_cmpstr(a->date, ==, "2021-05-30");
    g_assert_cmpstr(a->place, ==, "Hanoi");
    const char *last = g_ptr_array_index(a->paragraphs, a->paragraphs->len - 1);
    g_assert_cmpstr(last, ==, "Le projet couvrira dix provinces d'ici 2023.");
    g_assert_cmpuint(a->warnings->len, ==, 1); /* the appended story */
}

static void
test_english(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("english-vns.txt");
    DsrArticle *a = g_ptr_array_index(articles, 0);
    g_assert_cmpstr(a->lang, ==, "en");
    g_assert_null(a->title);
    g_assert_cmpstr(a->date, ==, "2023-06-07");
    g_assert_cmpstr(a->place, ==, "Ha Noi");
    g_assert_cmpuint(a->paragraphs->len, ==, 3);
}

static void
test_javascript_url(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("javascript-url.txt");
    DsrArticle *a = g_ptr_array_index(articles, 0);
    g_assert_null(a->url);
    g_assert_null(a->outlet);
    g_assert_cmpuint(a->warnings->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(a->warnings, 0), "javascript:"));
    g_assert_null(a->place); /* "(VOVWORLD) -" has no place */
    g_assert_true(g_str_has_prefix(g_ptr_array_index(a->paragraphs, 0), "Les échanges"));
}

static void
test_json_array(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("articles.json");
    g_assert_cmpuint(articles->len, ==, 2);
    DsrArticle *a = g_ptr_array_index(articles, 0);
    g_assert_true(g_str_has_suffix(a->file, "articles.json#1"));
    g_assert_cmpstr(a->format, ==, "json");
    g_assert_cmpstr(a->date, ==, "2025-03-04");
    g_assert_cmpstr(a->outlet, ==, "example-news.vn");
    g_assert_cmpuint(a->paragraphs->len, ==, 2);
    DsrArticle *b = g_ptr_array_index(articles, 1);
    g_assert_true(g_str_has_suffix(b->file, "articles.json#2"));
    g_assert_cmpstr(b->lang, ==, "en");
    g_assert_cmpstr(b->outlet, ==, "Example Wire"); /* declared outlet wins */
    g_assert_cmpstr(b->date, ==, "2024-11");
    g_assert_cmpuint(b->paragraphs->len, ==, 2);
    /* The third record has no text left: reported on the last good one. */
    g_assert_cmpuint(b->warnings->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(b->warnings, 0), "record 3"));
}

static void
test_jsonl(void)
{
    g_autoptr(GPtrArray) articles = ingest_data("feed.jsonl");
    g_assert_cmpuint(articles->len, ==, 3);
    DsrArticle *c = g_ptr_array_index(articles, 2);
    g_assert_true(g_str_has_suffix(c->file, "feed.jsonl#4"));
    g_assert_null(c->url);
    DsrArticle *b = g_ptr_array_index(articles, 1);
    /* "2025-02-30" does not exist: the text's own date is not used blindly. */
    g_assert_null(b->date);
    g_assert_cmpuint(b->warnings->len, ==, 1);
}

static void
assert_bytes_fail(const char *data, gsize len, const char *name, const char *words)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(data, len, name, NULL, &error);
    g_assert_null(out);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_true(g_str_has_prefix(error->message, name));
    if (!strstr(error->message, words))
        g_test_message("message: %s", error->message);
    g_assert_nonnull(strstr(error->message, words));
}

static void
test_errors(void)
{
    assert_bytes_fail("", 0, "empty.txt", "no article text left after cleaning");
    assert_bytes_fail(" \n\t\n  \n", 7, "blank.txt", "no article text left after cleaning");
    const char *junk = "Photo : VNA/CVN\n\n>> Un autre article\n\nVNA/CVN\nComment (0)\n";
    assert_bytes_fail(junk, strlen(junk), "junk.txt", "no article text left after cleaning");
    assert_bytes_fail("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "image.txt", "binary file (PNG image)");
    assert_bytes_fail("%PDF-1.7\n%\xe2\xe3", 12, "doc.txt", "binary file (PDF document)");
    char nul[64] = "Texte";
    assert_bytes_fail(nul, sizeof nul, "nul.txt", "binary file");
    assert_bytes_fail("Le Vietnam \x81\x8d texte", 18, "bad.txt", "not UTF-8 at byte 11");
    g_autofree char *html = dsr_test_read_data("ingest", "page-as-text.txt", NULL);
    assert_bytes_fail(html, strlen(html), "page-as-text.txt", "no article text found in the page");
    assert_bytes_fail("{\"title\": \"x\", \"text\": ", 22, "cut.json", "invalid JSON at byte");
    const char *snippet = "<p>Le Vietnam et la Corée ont signé un accord.</p>";
    assert_bytes_fail(snippet, strlen(snippet), "saved.html", "no article text found in the page");
    /* The same words as text are an article. */
    const char *plain = "Le Vietnam et la Corée ont signé un accord sur l'énergie.";
    g_autoptr(GPtrArray) as_text = dsr_ingest_bytes(plain, strlen(plain), "saved.html", NULL, NULL);
    g_assert_nonnull(as_text);

    g_autoptr(GError) error = NULL;
    DsrIngestOptions small = {.max_file_size = 1024 * 1024};
    g_autofree char *big = g_strnfill(2 * 1024 * 1024, 'a');
    g_autoptr(GPtrArray) none = dsr_ingest_bytes(big, strlen(big), "big.txt", &small, &error);
    g_assert_null(none);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_true(g_str_has_prefix(error->message, "big.txt: file too large"));
    g_clear_error(&error);

    g_autoptr(GPtrArray) missing = dsr_ingest_file("/nonexistent/dossier/x.txt", NULL, &error);
    g_assert_null(missing);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_true(g_str_has_prefix(error->message, "/nonexistent/dossier/x.txt: "));
}

static void
test_windows_1252(void)
{
    const char *text = "Le Vietnam et la Su\xe8"
                       "de renforcent leur coop\xe9ration dans "
                       "l\x92\xe9nergie et les transports publics de la capitale.";
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(text, strlen(text), "old.txt", NULL, &error);
    g_assert_no_error(error);
    DsrArticle *a = g_ptr_array_index(out, 0);
    g_assert_nonnull(strstr(g_ptr_array_index(a->paragraphs, 0), "l’énergie"));
    g_assert_cmpuint(a->warnings->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(a->warnings, 0), "Windows-1252"));
}

/* What must not date an article: an archive photo's caption ("lors du
 * sommet …, en mars 2019") and the history the second paragraph recalls
 * when the lead dates its event by the day alone. A caption of the day
 * ("…, le 12 mai 2024") does. */
static void
test_dates_not_from_history(void)
{
    const char *archive =
        "Le ministre vietnamien et son homologue chilien lors du sommet de l'APEC, en mars 2019 à "
        "Lima. Photo : VNA\n\n"
        "Hanoï (VNA) – Le ministre chilien des Affaires étrangères effectuera les 8 et 9 mai une "
        "visite officielle au Vietnam à l'invitation de son homologue.\n\n"
        "Les deux pays ont établi leurs relations diplomatiques le 25 mars 1971 et sont devenus "
        "partenaires globaux en 2007.\n";
    g_autoptr(GPtrArray) a = dsr_ingest_bytes(archive, strlen(archive), "a.txt", NULL, NULL);
    g_assert_nonnull(a);
    g_assert_null(((DsrArticle *)g_ptr_array_index(a, 0))->date);
    const char *today = "Le ministre vietnamien et son homologue chilien à Hanoï, le 12 mai 2024. "
                        "Photo : VNA\n\n"
                        "Hanoï (VNA) – Le ministre chilien des Affaires étrangères a entamé une "
                        "visite officielle au Vietnam à l'invitation de son homologue.\n";
    g_autoptr(GPtrArray) b = dsr_ingest_bytes(today, strlen(today), "b.txt", NULL, NULL);
    g_assert_nonnull(b);
    g_assert_cmpstr(((DsrArticle *)g_ptr_array_index(b, 0))->date, ==, "2024-05-12");
}

/* A dateline with its date and no agency, in both languages: taken off the
 * lead, its place kept, its day dating the article; "Paris, 3 fois plus –"
 * names no month and stays text. */
static void
test_dated_dateline(void)
{
    static const struct {
        const char *text, *place, *date, *lead;
    } cases[] = {
        {" date 2023-03\n\nHanoï, 6 mars 2023 – Le Vietnam et la Russie ont signé un accord de "
         "coopération énergétique.\n",
         "Hanoï", "2023-03-06", "Le Vietnam et la Russie ont signé"},
        {" date 2021-10\n\nHanoi, October 2, 2021 – Vietnam and Russia signed an energy "
         "agreement in the capital.\n",
         "Hanoi", "2021-10-02", "Vietnam and Russia signed"},
        {"Titre de l'article\n\nParis, 3 fois plus – Le Vietnam et la Russie ont signé un "
         "accord de coopération.\n",
         NULL, NULL, "Paris, 3 fois plus"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GPtrArray) out =
            dsr_ingest_bytes(cases[i].text, strlen(cases[i].text), "d.txt", NULL, NULL);
        g_assert_nonnull(out);
        const DsrArticle *a = g_ptr_array_index(out, 0);
        g_assert_cmpstr(a->place, ==, cases[i].place);
        g_assert_cmpstr(a->date, ==, cases[i].date);
        g_assert_true(g_str_has_prefix(g_ptr_array_index(a->paragraphs, 0), cases[i].lead));
    }
}

static void
test_id_stable(void)
{
    /* Same text with other junk, quotes and spacing: same article id. */
    const char *one = "Titre de l'article\n\nLe Vietnam et l'Inde signent un accord.\n\nVNA/CVN\n";
    const char *two = " date 2024-01 Titre de l’article\n\n>> Lien\n\nLe Vietnam  et l’Inde "
                      "signent un accord.\r\n\r\nPhoto : VNA\r\n";
    g_autoptr(GPtrArray) a = dsr_ingest_bytes(one, strlen(one), "a.txt", NULL, NULL);
    g_autoptr(GPtrArray) b = dsr_ingest_bytes(two, strlen(two), "b.txt", NULL, NULL);
    g_assert_nonnull(a);
    g_assert_nonnull(b);
    DsrArticle *x = g_ptr_array_index(a, 0), *y = g_ptr_array_index(b, 0);
    g_assert_cmpstr(x->id, ==, y->id);
    g_assert_cmpstr(y->date, ==, "2024-01");
    const char *three = "Titre\n\nLe Vietnam et l'Inde signent deux accords.\n";
    g_autoptr(GPtrArray) c = dsr_ingest_bytes(three, strlen(three), "c.txt", NULL, NULL);
    g_assert_cmpstr(((DsrArticle *)g_ptr_array_index(c, 0))->id, !=, x->id);
}

static void
test_invalid_marker(void)
{
    const char *text = " date 2025-02-30 Un titre sur le commerce bilatéral\n\nLe Vietnam et le "
                       "Chili ont tenu un forum sur le commerce.\n";
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(text, strlen(text), "m.txt", NULL, NULL);
    DsrArticle *a = g_ptr_array_index(out, 0);
    g_assert_null(a->date);
    g_assert_cmpstr(a->title, ==, "Un titre sur le commerce bilatéral");
    g_assert_cmpuint(a->warnings->len, ==, 1);
}

static const char *
date_of(const char *text)
{
    static char buf[16];
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(text, strlen(text), "t.txt", NULL, NULL);
    g_assert_nonnull(out);
    const char *d = ((DsrArticle *)g_ptr_array_index(out, 0))->date;
    g_strlcpy(buf, d ? d : "null", sizeof buf);
    return buf;
}

/* Without marker, byline or URL, the lead's event gives the date only when
 * its own sentence states the year. */
static void
test_event_date(void)
{
    g_assert_cmpstr(date_of("Un titre sur l'agriculture\n\nLe Vietnam a participé le 5 mars au "
                            "Salon international de l'agriculture 2026 à Paris.\n"),
                    ==, "2026-03-05");
    g_assert_cmpstr(date_of("Un titre sur un anniversaire\n\nLe 8 octobre, à l'occasion des dix "
                            "ans du partenariat (8 octobre 2014 - 8 octobre 2024), les deux "
                            "pays ont signé un accord.\n"),
                    ==, "2024-10-08");
    g_assert_cmpstr(date_of("Un titre sur une réunion\n\nLes deux ministres se sont réunis le 12 "
                            "juin à Hanoï. Les échanges ont doublé depuis 2019.\n"),
                    ==, "null");
    g_assert_cmpstr(date_of("A title about a seminar\n\nThe embassy organised a seminar on April "
                            "19 on the digital economy, which grew by 20% in 2023.\n"),
                    ==, "null");
    g_assert_cmpstr(date_of("Un titre de dépêche\n\ninformation fournie par AFP 03/02/2024 à "
                            "10:00\n\nLe 5 mars, au Salon 2026, rien.\n"),
                    ==, "2024-02-03");
    /* An ISO date alone under the title, as some exports print it. */
    g_assert_cmpstr(date_of("Un titre sur un accord\n2023-09-09\n\nLes deux pays ont signé un "
                            "accord le 8 septembre.\n"),
                    ==, "2023-09-09");
    g_assert_cmpstr(date_of("Un titre sur un accord\n2023-09-09 14:30\n\nLes deux pays ont "
                            "signé un accord.\n"),
                    ==, "2023-09-09");
    /* Not a date: an impossible day, and a date inside a sentence is no date line. */
    g_assert_cmpstr(date_of("Un titre sur un accord\n2023-02-30\n\nLes deux pays ont signé un "
                            "accord.\n"),
                    ==, "null");
}

static void
test_junk_lines(void)
{
    const char *const junk[] = {
        ">> Le Vietnam et la Russie veulent renforcer leur coopération",
        ">>Francophonie : 1re Mission économique",
        "Photo : VNA/CVN",
        "Photo: VNA",
        "Photo : Quang Châu/CVN",
        "Le ministre visite l'exposition - Photo : NHAT BAC",
        "Transformation de produits de la mer. Photo: VOV |",
        "Le Vietnam et la France coopèrent ảnh 1",
        "Une signature à Hanoï. (Photo: VNA)",
        "Viet Nam's exports are growing fast.— File Photo",
        "VNA/CVN",
        "– VNA",
        "-VNA",
        "-VNA/VI",
        "-AVI",
        "—VNS",
        "Comment (0)",
        "Source : https://lecourrier.vn/article/1.html",
        "Source: https://example.com/x",
        "information fournie par Reuters 10/09/2023 à 18:16",
        "Asia Manufacturing Review Team | Thursday, 01 May 2025",
        "24 Aprile 2024",
        "Khánh Minh |",
        "Lan Phuong -  ",
        "|",
        "Image",
        "Aller au contenu principal Activer le contraste",
        "We use cookies to ensure you get the best experience on our website. Read more...",
        "\U0001f36a Ce site utilise des traceurs",
        "Le Courrier du Vietnam. Tous droits réservés.",
        "Copyright 2025 VNA. ALL RIGHTS RESERVED",
        "Mai Anh - File photo",
        "par Jeanne Martin et Paul Durand",
        "octobre 2025",
        "Publié le 21/10/2025 à 08:30",
        "Updated: Oct 21, 2025, 08:30",
        "2023-09-09",
        "Publié le 2025-10-21 08:30",
    };
    for (guint i = 0; i < G_N_ELEMENTS(junk); i++) {
        if (!dsr_ingest_is_junk_line(junk[i]))
            g_test_message("not seen as junk: %s", junk[i]);
        g_assert_true(dsr_ingest_is_junk_line(junk[i]));
    }
    const char *const text[] = {
        "Le Vietnam et la Russie renforcent leur coopération dans l’industrie",
        "UE",
        "Rôle moteur de croissance",
        "Objectif : un commerce bilatéral de 2 milliards de dollars cette année",
        "Les échanges ont atteint 16,5 milliards de dollars en 2023. Photo et vidéo à l'appui, "
        "le ministre a présenté le bilan. Il a remercié les partenaires.",
        "La source : les douanes vietnamiennes ont publié les chiffres.",
        "Vietnam - Chine",
        "Par ailleurs, en 2012, les deux pays ont établi un dialogue stratégique.",
        "Forum 2024",
        "Vision 2045",
    };
    for (guint i = 0; i < G_N_ELEMENTS(text); i++) {
        if (dsr_ingest_is_junk_line(text[i]))
            g_test_message("seen as junk: %s", text[i]);
        g_assert_false(dsr_ingest_is_junk_line(text[i]));
    }
}

/* The bundled samples, beside tests/ in the source tree. */
static char *
seed_path(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "..", "examples", "articles", name, NULL);
}

static void
check_seed(const char *name, const char *title_start, const char *date)
{
    g_autofree char *path = seed_path(name);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) out = dsr_ingest_file(path, NULL, &error);
    g_assert_no_error(error);
    assert_no_junk(out);
    DsrArticle *a = g_ptr_array_index(out, 0);
    if (title_start)
        g_assert_true(g_str_has_prefix(a->title, title_start));
    else
        g_assert_null(a->title);
    g_assert_cmpstr(a->date, ==, date);
    g_assert_cmpstr(a->lang, ==, "fr");
}

static void
test_seeds(void)
{
    check_seed("seed-000-vietnam-russie-table-ronde.txt", "Économie numérique : table ronde",
               "2024-04");
    check_seed("seed-001-premier-ministre-economie-numerique.txt", NULL, "2025-12-20");
    check_seed("seed-002-vietnam-ue-forum-numerique.txt",
               "Renforcement de la coopération numérique", "2025-10-21");
    /* "organisé le 27 novembre … dans le cadre du Forum économique d'automne 2025" */
    check_seed("seed-003-vietnam-chine-economie-numerique.txt",
               "Renforcer la coopération Vietnam - Chine", "2025-11-27");
    check_seed("seed-004-vietnam-russie-industrie-innovation.txt",
               "Le Vietnam et la Russie renforcent", NULL);

    g_autofree char *path = seed_path("seed-001-premier-ministre-economie-numerique.txt");
    g_autoptr(GPtrArray) out = dsr_ingest_file(path, NULL, NULL);
    DsrArticle *a = g_ptr_array_index(out, 0);
    g_assert_true(g_str_has_prefix(a->url, "https://tuoitre.vn/"));
    g_assert_cmpstr(a->outlet, ==, "tuoitre.vn");
    g_assert_cmpuint(a->paragraphs->len, ==, 15);
    g_assert_true(
        g_str_has_prefix(g_ptr_array_index(a->paragraphs, 0), "Au siège du gouvernement"));
}

static void
touch(const char *dir, const char *name)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, "x", 1, NULL));
}

static void
test_list_inputs(void)
{
    g_autofree char *root = g_dir_make_tmp("dossier-list-XXXXXX", NULL);
    g_assert_nonnull(root);
    g_autofree char *sub = g_build_filename(root, "b-folder", NULL);
    g_autofree char *hidden = g_build_filename(root, ".hidden", NULL);
    g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
    g_assert_cmpint(g_mkdir(hidden, 0755), ==, 0);
    touch(root, "c.txt");
    touch(root, "a.JSON");
    touch(root, "notes.md");
    touch(root, "README");
    touch(root, ".secret.txt");
    touch(sub, "z.html");
    touch(sub, "y.jsonl");
    touch(hidden, "inside.txt");
    g_autofree char *loop = g_build_filename(sub, "loop", NULL);
    g_assert_cmpint(symlink(root, loop), ==, 0);

    g_autofree char *named = g_build_filename(root, "notes.md", NULL);
    const char *args[] = {root, named, "/nonexistent/dossier", NULL};
    g_autoptr(GPtrArray) problems =
        g_ptr_array_new_with_free_func((GDestroyNotify)dsr_input_problem_free);
    g_autoptr(GPtrArray) files = dsr_ingest_list_inputs(args, problems);

    const char *expected[] = {"a.JSON", "b-folder/y.jsonl", "b-folder/z.html", "c.txt", "notes.md"};
    g_assert_cmpuint(files->len, ==, G_N_ELEMENTS(expected));
    for (guint i = 0; i < files->len; i++) {
        g_autofree char *want = g_build_filename(root, expected[i], NULL);
        g_assert_cmpstr(g_ptr_array_index(files, i), ==, want);
    }
    g_assert_cmpuint(problems->len, ==, 2);
    DsrInputProblem *p0 = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(p0->file, ==, loop);
    g_assert_nonnull(strstr(p0->reason, "loop"));
    DsrInputProblem *p1 = g_ptr_array_index(problems, 1);
    g_assert_cmpstr(p1->file, ==, "/nonexistent/dossier");

    /* Clean up what the test made. */
    g_assert_cmpint(g_unlink(loop), ==, 0);
    const char *made[] = {
        "c.txt",           "a.JSON",           "notes.md",           "README",   ".secret.txt",
        "b-folder/z.html", "b-folder/y.jsonl", ".hidden/inside.txt", "b-folder", ".hidden"};
    for (guint i = 0; i < G_N_ELEMENTS(made); i++) {
        g_autofree char *path = g_build_filename(root, made[i], NULL);
        g_assert_cmpint(g_remove(path), ==, 0);
    }
    g_assert_cmpint(g_rmdir(root), ==, 0);
}

/* One article in three forms. tests/data/ingest/forms.json holds articles
 * (three of the user's seed articles and our own texts) as fields; each is
 * written out as pasted text, as a JSON export and as HTML pages of three
 * shapes of site chrome, with junk (captions, related links, sign-off, menus,
 * comments) around it. Every form must give the same article. */
typedef struct {
    const char *name, *seed, *title, *date, *url, *lang, *dateline;
    gboolean date_in_text;
    const cJSON *paragraphs, *captions, *related;
} FormSpec;

static FormSpec
form_spec(const cJSON *o)
{
    FormSpec f;
    const cJSON *v;
#define STR(field, key)                                                                            \
    v = cJSON_GetObjectItemCaseSensitive(o, key);                                                  \
    f.field = cJSON_IsString(v) ? v->valuestring : NULL;
    STR(name, "name")
    STR(seed, "seed")
    STR(title, "title")
    STR(date, "date")
    STR(url, "url")
    STR(lang, "lang")
    STR(dateline, "dateline")
#undef STR
    f.date_in_text = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "date_in_text"));
    f.paragraphs = cJSON_GetObjectItemCaseSensitive(o, "paragraphs");
    f.captions = cJSON_GetObjectItemCaseSensitive(o, "captions");
    f.related = cJSON_GetObjectItemCaseSensitive(o, "related");
    return f;
}

static const char *
item(const cJSON *arr, int i)
{
    return cJSON_GetArrayItem(arr, i)->valuestring;
}

/* Paragraph @i as the page writes it: the dateline on the first. */
static char *
para_text(const FormSpec *f, int i)
{
    return g_strconcat(i == 0 && f->dateline ? f->dateline : "", item(f->paragraphs, i), NULL);
}

static char *
form_text(const FormSpec *f)
{
    GString *s = g_string_new(NULL);
    if (f->date_in_text)
        g_string_append_printf(s, " date %s ", f->date);
    g_string_append_printf(s, "%s\n\n>> %s\n\n", f->title, item(f->related, 0));
    for (int i = 0; i < cJSON_GetArraySize(f->paragraphs); i++) {
        g_autofree char *p = para_text(f, i);
        g_string_append_printf(s, "%s\n\n", p);
        if (i == 0)
            g_string_append_printf(s, "%s\n\n", item(f->captions, 0));
    }
    g_string_append_printf(s, "%s\n\n%s %s\n", g_str_equal(f->lang, "en") ? "—VNS" : "VNA/CVN",
                           g_str_equal(f->lang, "en") ? "Source:" : "Source :", f->url);
    return g_string_free(s, FALSE);
}

static char *
form_json(const FormSpec *f)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "title", f->title);
    if (f->date_in_text)
        cJSON_AddStringToObject(o, "published", f->date);
    cJSON_AddStringToObject(o, "url", f->url);
    cJSON_AddStringToObject(o, "lang", f->lang);
    cJSON_AddItemToObject(o, "tags", cJSON_CreateStringArray((const char *[]){"a", "b"}, 2));
    GString *body = g_string_new(NULL);
    for (int i = 0; i < cJSON_GetArraySize(f->paragraphs); i++) {
        g_autofree char *p = para_text(f, i);
        g_string_append_printf(body, "%s\r\n\r\n", p);
        if (i == 1)
            g_string_append_printf(body, "%s\r\n\r\n", item(f->captions, 0));
    }
    cJSON_AddStringToObject(o, "content", body->str);
    g_string_free(body, TRUE);
    char *printed = cJSON_Print(o);
    char *out = g_strdup(printed);
    cJSON_free(printed);
    cJSON_Delete(o);
    return out;
}

static char *
esc(const char *s)
{
    return g_markup_escape_text(s, -1);
}

/* "2025-10-21" -> "2025-10-21T08:30:00+07:00"; partial dates stay as they are. */
static char *
timestamp(const char *date)
{
    return strlen(date) == 10 ? g_strconcat(date, "T08:30:00+07:00", NULL) : g_strdup(date);
}

static void
menu(GString *s, const char *tag)
{
    static const char *const items[] = {"Accueil", "Politique", "Économie", "Société",
                                        "Culture", "Sport",     "Monde",    "Vidéos"};
    g_string_append_printf(s, "<%s class=\"menu\"><ul>", tag);
    for (guint i = 0; i < G_N_ELEMENTS(items); i++)
        g_string_append_printf(s, "<li><a href=\"/c%u\">%s</a></li>", i, items[i]);
    g_string_append_printf(s, "</ul></%s>\n", tag);
}

/* A news portal: header, menus, breadcrumb, og: metas, the body in <p>s with
 * an image table, share bar, related list, comments, most-read, footer. */
static char *
form_portal(const FormSpec *f)
{
    g_autofree char *t = esc(f->title);
    g_autofree char *ts = timestamp(f->date);
    GString *s = g_string_new(NULL);
    g_string_append_printf(
        s,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%s | Portail "
        "Exemple</title>\n<meta property=\"og:title\" content=\"%s\">\n<meta "
        "property=\"og:site_name\" content=\"Portail Exemple\">\n<meta property=\"og:url\" "
        "content=\"%s\">\n<meta property=\"article:published_time\" content=\"%s\">\n"
        "<meta property=\"og:locale\" content=\"%s\">\n"
        "<script>var ads = {slot: 'top', size: [728, "
        "90]};</script>\n<style>body{margin:0}</style>\n"
        "</head>\n<body>\n<header><div class=\"logo\"><h1><a href=\"/\">Portail</a></h1></div>\n",
        t, t, f->url, ts, g_str_equal(f->lang, "fr") ? "fr_FR" : "en_US");
    menu(s, "nav");
    g_string_append(s, "</header>\n<div class=\"wrapper\"><div class=\"breadcrumb\"><a "
                       "href=\"/\">Accueil</a> › <a href=\"/eco\">Économie</a></div>\n"
                       "<div class=\"main\"><div class=\"detail\">\n");
    g_string_append_printf(s,
                           "<h1 class=\"detail-title\">%s</h1>\n<div class=\"meta\">Mis à "
                           "jour %s | <a href=\"/eco\">Économie</a></div>\n"
                           "<div class=\"share\"><a href=\"#\">Facebook</a> <a "
                           "href=\"#\">Twitter</a> <a href=\"#\">Zalo</a></div>\n"
                           "<div class=\"detail-content\">\n",
                           t, f->date);
    for (int i = 0; i < cJSON_GetArraySize(f->paragraphs); i++) {
        g_autofree char *p = para_text(f, i);
        g_autofree char *e = esc(p);
        g_string_append_printf(s, "<p>%s</p>\n", e);
        if (i == 0) {
            g_autofree char *c = esc(item(f->captions, 0));
            g_string_append_printf(s,
                                   "<table class=\"picture\"><tr><td><img src=\"/i.jpg\"></td></tr>"
                                   "<tr><td>%s</td></tr></table>\n",
                                   c);
        }
    }
    g_autofree char *r = esc(item(f->related, 0));
    g_string_append_printf(
        s,
        "<p><b>%s</b></p>\n</div>\n<div class=\"box-share\">Partager <a href=\"#\">f</a> <a "
        "href=\"#\">t</a></div>\n<div class=\"box-news\"><h3>Articles liés</h3><ul><li><a "
        "href=\"/r1\">%s</a></li><li><a href=\"/r2\">Les exportations de fruits et légumes "
        "progressent de 20 %% au premier trimestre, selon le ministère</a></li></ul></div>\n"
        "<div id=\"comments\"><h3>Commentaires (1)</h3><div class=\"c\"><p>Une excellente "
        "initiative, qui profitera aux deux pays, à condition que les promesses soient "
        "tenues, ce qui reste à voir.</p></div><form><textarea></textarea></form></div>\n"
        "</div></div>\n<div class=\"sidebar\"><h3>Les plus lus</h3><ol><li><a href=\"/m1\">Le "
        "Têt, fête des familles, au cœur de l'hiver</a></li><li><a href=\"/m2\">La baie "
        "d'Ha Long bat un record de visiteurs cette année</a></li></ol></div></div>\n"
        "<footer><p>Portail Exemple, 12, rue de l'Exemple, Hanoï. Tél : 024 00 00 00, "
        "courriel : contact@example.vn. Tous droits réservés.</p></footer>\n"
        "<div class=\"cookie-banner\">Nous utilisons des cookies pour améliorer votre "
        "expérience.</div>\n</body>\n</html>\n",
        g_str_equal(f->lang, "en") ? "—VNS" : "VNA/CVN", r);
    return g_string_free(s, FALSE);
}

/* A blog-like page: <html lang>, canonical link, <article> with a header,
 * <time datetime> and a figure; comments and widgets outside it. */
static char *
form_blog(const FormSpec *f)
{
    g_autofree char *t = esc(f->title);
    GString *s = g_string_new(NULL);
    g_string_append_printf(
        s,
        "<!doctype html>\n<html lang=\"%s\">\n<head><meta http-equiv=\"Content-Type\" "
        "content=\"text/html; charset=utf-8\"><title>%s – Carnet d'Asie</title>\n<link "
        "rel=\"canonical\" href=\"%s\">\n</head>\n<body class=\"single\">\n"
        "<div class=\"site-title\"><a href=\"/\">Carnet d'Asie</a></div>\n",
        g_str_equal(f->lang, "fr") ? "fr-FR" : "en-GB", t, f->url);
    menu(s, "nav");
    g_string_append_printf(s,
                           "<main><article class=\"post\">\n<header><h1 "
                           "class=\"entry-title\">%s</h1>\n<p class=\"byline\">Par Lan "
                           "Anh, <time datetime=\"%s\">%s</time></p></header>\n"
                           "<div class=\"entry-content\">\n",
                           t, f->date, f->date);
    for (int i = 0; i < cJSON_GetArraySize(f->paragraphs); i++) {
        g_autofree char *p = para_text(f, i);
        g_autofree char *e = esc(p);
        g_string_append_printf(s, "<p>%s</p>\n", e);
        if (i == 1) {
            g_autofree char *c = esc(item(f->captions, 0));
            g_string_append_printf(s,
                                   "<figure><img src=\"a.jpg\" alt=\"\"><figcaption>%s"
                                   "</figcaption></figure>\n",
                                   c);
        }
    }
    g_autofree char *r = esc(item(f->related, 0));
    g_string_append_printf(
        s,
        "</div>\n<footer class=\"entry-footer\">Tags : <a href=\"/t/1\">Vietnam</a>, <a "
        "href=\"/t/2\">Coopération</a></footer>\n</article>\n"
        "<section class=\"related-posts\"><h2>Lire aussi</h2><article><h3><a "
        "href=\"/x\">%s</a></h3></article></section>\n"
        "<section id=\"comments\" class=\"comments-area\"><h2>2 commentaires</h2><ol><li><p>"
        "Merci pour cet article très complet, qui résume bien les enjeux, les chiffres et "
        "les perspectives de cette coopération.</p></li><li><p>Je ne suis pas d'accord avec "
        "l'analyse, car les chiffres cités, à mon avis, sont trop optimistes.</p></li></ol>"
        "<form><textarea></textarea><button>Envoyer</button></form></section></main>\n"
        "<aside class=\"widget-area\"><h2>Archives</h2><ul><li><a href=\"/2024\">2024</a></li>"
        "</ul></aside>\n<footer>© Carnet d'Asie. Propulsé par un moteur de blog.</footer>\n"
        "<script>document.querySelectorAll('a').forEach(function(a){a.rel='noopener';});</script>"
        "\n</body>\n</html>\n",
        r);
    return g_string_free(s, FALSE);
}

/* A page of <div>s and <br>s: no <p>, no <h1>, no og: metas; what it says
 * about itself is in JSON-LD (@graph, with HTML-escaped strings). */
static char *
form_divs(const FormSpec *f)
{
    g_autofree char *ts = timestamp(f->date);
    cJSON *ld = cJSON_CreateObject();
    cJSON_AddStringToObject(ld, "@context", "https://schema.org");
    cJSON *graph = cJSON_AddArrayToObject(ld, "@graph");
    cJSON *page = cJSON_CreateObject();
    cJSON_AddStringToObject(page, "@type", "WebPage");
    cJSON_AddStringToObject(page, "name", "Page");
    cJSON_AddItemToArray(graph, page);
    cJSON *art = cJSON_CreateObject();
    cJSON_AddStringToObject(art, "@type", "NewsArticle");
    g_autofree char *escaped_title = esc(f->title);
    cJSON_AddStringToObject(art, "headline", escaped_title);
    cJSON_AddStringToObject(art, "datePublished", ts);
    cJSON_AddStringToObject(art, "inLanguage", f->lang);
    cJSON *main_entity = cJSON_AddObjectToObject(art, "mainEntityOfPage");
    cJSON_AddStringToObject(main_entity, "@id", f->url);
    cJSON *publisher = cJSON_AddObjectToObject(art, "publisher");
    cJSON_AddStringToObject(publisher, "@type", "Organization");
    cJSON_AddStringToObject(publisher, "name", "Agence Exemple");
    cJSON_AddItemToArray(graph, art);
    char *ld_text = cJSON_PrintUnformatted(ld);
    cJSON_Delete(ld);

    g_autofree char *t = esc(f->title);
    GString *s = g_string_new(NULL);
    g_string_append_printf(s,
                           "<html><head><title>Agence Exemple</title><script "
                           "type=\"application/ld+json\">%s</script></head>\n<body><div "
                           "id=\"wrap\">\n<div class=\"top\"><a href=\"/\">Accueil</a> | <a "
                           "href=\"/a\">Actualités</a> | <a href=\"/b\">Économie</a> | <a "
                           "href=\"/c\">Contact</a></div>\n<div class=\"tt\"><font "
                           "size=\"5\"><b>%s</b></font></div>\n<div class=\"txt\">",
                           ld_text, t);
    cJSON_free(ld_text);
    for (int i = 0; i < cJSON_GetArraySize(f->paragraphs); i++) {
        g_autofree char *p = para_text(f, i);
        g_autofree char *e = esc(p);
        g_string_append_printf(s, "%s<br><br>\n", e);
        if (i == 2) {
            g_autofree char *c = esc(item(f->captions, 0));
            g_string_append_printf(s, "<img src=\"x.jpg\"><br><i>%s</i><br><br>\n", c);
        }
    }
    g_autofree char *r = esc(item(f->related, 0));
    g_string_append_printf(s,
                           "<b>%s</b></div>\n<div class=\"rel\"><b>Voir aussi</b><br><a "
                           "href=\"/r\">%s</a><br><a href=\"/s\">Une autre dépêche sur "
                           "les investissements étrangers au Vietnam</a></div>\n"
                           "<div class=\"bottom\">Agence Exemple - Tous droits réservés - "
                           "<a href=\"/mentions\">Mentions légales</a></div>\n"
                           "</div></body></html>\n",
                           g_str_equal(f->lang, "en") ? "—VNS" : "VNA/CVN", r);
    return g_string_free(s, FALSE);
}

static DsrArticle *
ingest_form(const char *data, const char *name, GPtrArray **keep)
{
    g_autoptr(GError) error = NULL;
    *keep = dsr_ingest_bytes(data, strlen(data), name, NULL, &error);
    if (error)
        g_test_message("%s", error->message);
    g_assert_no_error(error);
    g_assert_cmpuint((*keep)->len, ==, 1);
    return g_ptr_array_index(*keep, 0);
}

static void
assert_same_article(const DsrArticle *a, const FormSpec *f, gboolean check_url)
{
    g_test_message("%s (%s)", a->file, a->format);
    g_assert_cmpstr(a->title, ==, f->title);
    g_assert_cmpstr(a->date, ==, f->date);
    g_assert_cmpstr(a->lang, ==, f->lang);
    if (check_url)
        g_assert_cmpstr(a->url, ==, f->url);
    for (guint i = 0; i < a->paragraphs->len; i++)
        g_test_message("  [%u] %s", i, (const char *)g_ptr_array_index(a->paragraphs, i));
    for (guint i = 0; i < a->warnings->len; i++)
        g_test_message("  warning: %s", (const char *)g_ptr_array_index(a->warnings, i));
    g_assert_cmpuint(a->paragraphs->len, ==, (guint)cJSON_GetArraySize(f->paragraphs));
    for (guint i = 0; i < a->paragraphs->len; i++)
        g_assert_cmpstr(g_ptr_array_index(a->paragraphs, i), ==, item(f->paragraphs, (int)i));
}

static void
test_three_forms(void)
{
    g_autofree char *raw = dsr_test_read_data("ingest", "forms.json", NULL);
    g_autoptr(cJSON) specs = cJSON_Parse(raw);
    g_assert_nonnull(specs);
    g_assert_cmpint(cJSON_GetArraySize(specs), >=, 5);
    const cJSON *o;
    cJSON_ArrayForEach (o, specs) {
        FormSpec f = form_spec(o);
        struct {
            const char *suffix;
            char *(*make)(const FormSpec *);
            const char *format;
        } forms[] = {
            {".txt", form_text, "text"},
            {".json", form_json, "json"},
            {"-portal.html", form_portal, "html"},
            {"-blog.html", form_blog, "html"},
            {"-divs.htm", form_divs, "html"},
            /* Type by content: a page and an export saved under .txt names. */
            {"-portal-saved-as.txt", form_portal, "html"},
            {"-export-saved-as.txt", form_json, "json"},
        };
        g_autofree char *first_id = NULL;
        for (guint k = 0; k < G_N_ELEMENTS(forms); k++) {
            g_autofree char *data = forms[k].make(&f);
            g_autofree char *name = g_strconcat(f.name, forms[k].suffix, NULL);
            g_autoptr(GPtrArray) keep = NULL;
            DsrArticle *a = ingest_form(data, name, &keep);
            g_assert_cmpstr(a->format, ==, forms[k].format);
            assert_same_article(a, &f, TRUE);
            assert_no_junk(keep);
            if (!first_id)
                first_id = g_strdup(a->id);
            /* Same body, same id: the run reads the article once. */
            g_assert_cmpstr(a->id, ==, first_id);
            g_assert_cmpuint(a->warnings->len, ==, 0);
        }
        if (f.seed) {
            /* The user's own file, as pasted: the same article (it has no URL line). */
            g_autofree char *path = seed_path(f.seed);
            g_autoptr(GPtrArray) keep = dsr_ingest_file(path, NULL, NULL);
            g_assert_nonnull(keep);
            DsrArticle *a = g_ptr_array_index(keep, 0);
            assert_same_article(a, &f, FALSE);
            g_assert_cmpstr(a->id, ==, first_id);
        }
    }
}

/* Pages written to look like three news sites (our own texts and markup). */
static void
test_html_sites(void)
{
    g_autoptr(GPtrArray) lc = ingest_data("lecourrier-like.html");
    DsrArticle *a = g_ptr_array_index(lc, 0);
    g_assert_cmpstr(a->format, ==, "html");
    g_assert_cmpstr(a->title, ==,
                    "Vietnam - Brésil : vers un partenariat dans les énergies renouvelables");
    g_assert_cmpstr(a->date, ==, "2025-03-18");
    g_assert_cmpstr(a->outlet, ==, "lecourrier.vn");
    g_assert_cmpstr(a->place, ==, "Hanoï"); /* the dateline of the paragraph after the standfirst */
    g_assert_cmpuint(a->paragraphs->len, ==, 5);
    /* The NBSP of "16 500" and "80 %" is kept as written. */
    g_assert_nonnull(strstr(g_ptr_array_index(a->paragraphs, 1), "16\u00a0500 MW"));

    g_autoptr(GPtrArray) vp = ingest_data("vietnamplus-like.html");
    a = g_ptr_array_index(vp, 0);
    /* A relative canonical link, resolved against <base href>. */
    g_assert_cmpstr(a->url, ==,
                    "https://fr.vietnamplus.vn/"
                    "le-vietnam-et-la-nouvelle-zelande-elargissent-leur-cooperation-laitiere-"
                    "post210987.vnp");
    g_assert_cmpstr(a->lang, ==, "fr"); /* <html lang="vi"> on a French edition */
    g_assert_cmpstr(a->date, ==, "2024-09-12");
    g_assert_cmpstr(a->place, ==, "Hanoi");
    g_assert_cmpuint(a->paragraphs->len, ==, 5);
    g_assert_true(g_str_has_suffix(g_ptr_array_index(a->paragraphs, 4), "et la mangue."));

    g_autoptr(GPtrArray) nd = ingest_data("nhandan-like.html");
    a = g_ptr_array_index(nd, 0);
    g_assert_cmpstr(a->date, ==, "2025-02-26");
    g_assert_cmpstr(a->outlet, ==, "fr.nhandan.vn");
    /* The byline "NDEL Mercredi 26 février 2025 - 10:05" is not text; the subheading is. */
    g_assert_true(g_str_has_prefix(g_ptr_array_index(a->paragraphs, 0), "Les capitales"));
    g_assert_cmpstr(g_ptr_array_index(a->paragraphs, 3), ==, "Des liens anciens");
    g_assert_cmpuint(a->paragraphs->len, ==, 6);
}

static DsrArticle *
html_article(const char *page, const char *name, GPtrArray **keep)
{
    return ingest_form(page, name, keep);
}

#define PROSE                                                                                      \
    "<p>Le Vietnam et la Suède ont signé lundi un accord sur la gestion des forêts, qui "       \
    "prévoit la plantation de 20 000 hectares dans le Centre et la formation de gardes "          \
    "forestiers.</p><p>Selon le ministère de l'Agriculture, la couverture forestière du pays a " \
    "atteint 42 % en 2024, contre 37 % dix ans plus tôt, grâce aux programmes de "               \
    "reboisement.</p>"

static void
test_html_charset(void)
{
    /* Windows-1252 bytes, declared: converted, with a warning. */
    const char *w1252 = "<html><head><meta charset=\"windows-1252\"><title>Forêts</title></head>"
                        "<body><h1>Le Vietnam et la Su\xe8"
                        "de plantent des for\xeats</h1><p>Le Vietnam et la Su\xe8"
                        "de ont sign\xe9 lundi un accord sur la gestion des for\xeats, qui "
                        "pr\xe9voit la plantation de 20\xa0"
                        "000 hectares et la formation de gardes.</p></body></html>";
    g_autoptr(GPtrArray) k1 = NULL;
    g_autoptr(GError) error = NULL;
    k1 = dsr_ingest_bytes(w1252, strlen(w1252), "old.html", NULL, &error);
    g_assert_no_error(error);
    DsrArticle *a = g_ptr_array_index(k1, 0);
    g_assert_cmpstr(a->title, ==, "Le Vietnam et la Suède plantent des forêts");
    g_assert_nonnull(strstr(g_ptr_array_index(a->paragraphs, 0), "signé lundi"));
    g_assert_nonnull(strstr(g_ptr_array_index(a->paragraphs, 0), "20\u00a0000 hectares"));
    g_assert_cmpuint(a->warnings->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(a->warnings, 0), ==, "not UTF-8: read as Windows-1252");

    /* ISO-8859-15 has the euro sign at 0xA4, where Latin-1 has a currency sign. */
    const char *l9 = "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html><body><p>Le projet "
                     "co\xfbte 350 millions d'\xa4 et sera financ\xe9 par la Banque europ\xe9"
                     "enne d'investissement, selon le minist\xe8re des Finances du pays.</p>"
                     "</body></html>";
    g_autoptr(GPtrArray) k2 = dsr_ingest_bytes(l9, strlen(l9), "euro.html", NULL, NULL);
    g_assert_nonnull(k2);
    a = g_ptr_array_index(k2, 0);
    g_assert_nonnull(strstr(g_ptr_array_index(a->paragraphs, 0), "350 millions d'€"));
    g_assert_cmpstr(g_ptr_array_index(a->warnings, 0), ==, "not UTF-8: read as ISO-8859-15");

    /* UTF-8 bytes under a Latin-1 label (a common template error): UTF-8, no warning. */
    const char *lie = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                      "charset=iso-8859-1\"></head><body>" PROSE "</body></html>";
    g_autoptr(GPtrArray) k3 = NULL;
    a = html_article(lie, "lie.html", &k3);
    g_assert_nonnull(strstr(g_ptr_array_index(a->paragraphs, 0), "Suède ont signé"));
    g_assert_cmpuint(a->warnings->len, ==, 0);
}

static void
test_html_metadata(void)
{
    /* No <h1>: the JSON-LD headline (HTML-escaped by the CMS) is the title;
     * og:url with a fragment; <html lang="en"> on a French text. */
    const char *page =
        "<html lang=\"en\"><head><title>Accueil | Site</title>"
        "<meta property=\"og:url\" content=\"https://www.example-news.vn/foret-suede.html#top\">"
        "<script type=\"application/ld+json\">[{\"@type\":\"Organization\",\"name\":\"Site\"},"
        "{\"@type\":[\"NewsArticle\"],\"headline\":\"For&ecirc;ts : l&#039;accord Vietnam &amp; "
        "Su&egrave;de\",\"datePublished\":\"2024-03-11T07:00:00Z\",\"inLanguage\":\"fr-FR\"}]"
        "</script></head><body><div>" PROSE PROSE "</div></body></html>";
    g_autoptr(GPtrArray) keep = NULL;
    DsrArticle *a = html_article(page, "meta.html", &keep);
    g_assert_cmpstr(a->title, ==, "Forêts : l'accord Vietnam & Suède");
    g_assert_cmpstr(a->date, ==, "2024-03-11");
    g_assert_cmpstr(a->url, ==, "https://www.example-news.vn/foret-suede.html");
    g_assert_cmpstr(a->outlet, ==, "example-news.vn");
    g_assert_cmpstr(a->lang, ==, "fr");
    g_assert_cmpuint(a->warnings->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(a->warnings, 0), "declared language \"en\""));
    /* The body twice: paragraphs are read once. */
    g_assert_cmpuint(a->paragraphs->len, ==, 2);

    /* <title> without the site's name; the date from <time>; a lone text box. */
    const char *blog =
        "<html><head><title>Les forêts du Vietnam s'étendent - Carnet Vert</title>"
        "<meta property=\"og:site_name\" content=\"Carnet vert\"></head><body>"
        "<div class=\"top\"><a href=\"/\">Carnet vert</a></div><div class=\"post\">"
        "<time datetime=\"2023-07-02\">2 juillet</time>"
        "<div>La couverture forestière du Vietnam a atteint 42 % en 2024, contre 37 % dix ans "
        "plus tôt, grâce aux programmes de reboisement menés dans le Centre et le Nord.<br>"
        "<br>Les autorités veulent la porter à 45 % d'ici 2030, avec l'aide de partenaires "
        "étrangers, dont la Suède et le Japon.</div></div></body></html>";
    g_autoptr(GPtrArray) k2 = NULL;
    a = html_article(blog, "blog.html", &k2);
    g_assert_cmpstr(a->title, ==, "Les forêts du Vietnam s'étendent");
    g_assert_cmpstr(a->date, ==, "2023-07-02");
    g_assert_null(a->url);
    g_assert_cmpstr(a->outlet, ==, "Carnet vert");
    g_assert_cmpuint(a->paragraphs->len, ==, 2);

    /* A script shell whose text is only in JSON-LD articleBody. */
    const char *shell =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"Un accord forestier avec la "
        "Suède\",\"datePublished\":\"2024-03-11\",\"articleBody\":\"Le Vietnam et la Suède ont "
        "signé lundi un accord sur la gestion des forêts.\\nIl prévoit la plantation de 20 000 "
        "hectares dans le Centre et la formation de gardes forestiers, selon le ministère.\"}]}"
        "</script></head><body><div id=\"app\"></div><noscript>Activez JavaScript pour lire "
        "cet article, s'il vous plaît, car le site en a besoin.</noscript></body></html>";
    g_autoptr(GPtrArray) k3 = NULL;
    a = html_article(shell, "shell.html", &k3);
    g_assert_cmpstr(a->title, ==, "Un accord forestier avec la Suède");
    g_assert_cmpuint(a->paragraphs->len, ==, 2);
}

static void
test_html_no_article(void)
{
    /* A home page: headlines that are links, each with a line of summary. */
    GString *home = g_string_new("<html><body><nav><a href=\"/\">Accueil</a></nav><main>");
    for (int i = 0; i < 8; i++)
        g_string_append_printf(home,
                               "<div class=\"item\"><h3><a href=\"/a%d\">Le Vietnam et un autre "
                               "pays signent l'accord numéro %d</a></h3><p>Les deux pays ont "
                               "signé un accord, le %d mars, pour renforcer les échanges, "
                               "l'investissement et le tourisme.</p></div>",
                               i, i, i + 1);
    g_string_append(home, "</main></body></html>");
    assert_bytes_fail(home->str, home->len, "home.html",
                      "no article text found in the page (it lists several articles)");
    g_string_free(home, TRUE);

    const char *chrome = "<html><head><title>Erreur 404 | Site</title></head><body><nav><ul><li>"
                         "<a href=\"/\">Accueil</a></li><li><a href=\"/x\">Économie</a></li>"
                         "</ul></nav><h1>Page introuvable</h1><footer><p>Site, 12 rue de "
                         "l'Exemple, Hanoï. Tous droits réservés.</p></footer></body></html>";
    assert_bytes_fail(chrome, strlen(chrome), "404.html", "no article text found in the page");
    const char *empty = "<!DOCTYPE html><html><head></head><body></body></html>";
    assert_bytes_fail(empty, strlen(empty), "empty.html", "no article text found in the page");
    const char *scripts = "<html><body><script>var a = 'Le Vietnam et la Suède, un accord, des "
                          "forêts, des hectares, des gardes, des chiffres';</script><style>p "
                          "{ color: red; }</style></body></html>";
    assert_bytes_fail(scripts, strlen(scripts), "scripts.html",
                      "no article text found in the page");
}

static void
test_not_regular(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) out = dsr_ingest_file("/dev/null", NULL, &error);
    g_assert_null(out);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_cmpstr(error->message, ==, "/dev/null: not a regular file");
    g_clear_error(&error);
    g_autofree char *dir = dsr_test_data_path("ingest", "");
    g_autoptr(GPtrArray) d = dsr_ingest_file(dir, NULL, &error);
    g_assert_null(d);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_true(g_str_has_suffix(error->message, ": is a folder"));
}

static GPtrArray *
corpus_files(const char *corpus)
{
    g_autofree char *fr = g_build_filename(corpus, "fr", NULL);
    g_autofree char *en = g_build_filename(corpus, "en", NULL);
    const char *args[] = {fr, en, NULL};
    return dsr_ingest_list_inputs(args, NULL);
}

/* Over a real corpus (not in the repository): how many titles and dates come
 * out, and no paragraph that a junk rule would catch. */
static void
test_corpus_measure(void)
{
    g_autofree char *corpus = dsr_test_corpus_dir();
    if (!corpus) {
        g_test_skip("no corpus (set DOSSIER_CORPUS)");
        return;
    }
    g_autoptr(GPtrArray) files = corpus_files(corpus);
    guint titles = 0, dates = 0, n = 0;
    for (guint i = 0; i < files->len; i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) out = dsr_ingest_file(g_ptr_array_index(files, i), NULL, &error);
        g_assert_no_error(error);
        assert_no_junk(out);
        DsrArticle *a = g_ptr_array_index(out, 0);
        n++;
        titles += a->title != NULL;
        dates += a->date != NULL;
        g_test_message("%s\t%s\t%s", a->date ? a->date : "-", a->outlet ? a->outlet : "-",
                       a->title ? a->title : "-");
    }
    g_test_message("%u files, %u with a title, %u with a date", n, titles, dates);
    g_assert_cmpuint(n, >, 0);
}

/* --- The corpus in three forms ------------------------------------------ */

/* What a page or an export of an article says about it: the fields the
 * text form gave, written again by a site. */
typedef struct {
    const DsrArticle *a;
    guint n; /* the file's rank: varies the choices of each shape */
    gboolean en;
} Source;

static const char *
src_para(const Source *s, guint i)
{
    return g_ptr_array_index(s->a->paragraphs, i);
}

/* Paragraph @i as the site writes it: the dateline back on the first. */
static char *
page_para(const Source *s, guint i)
{
    g_autofree char *p = NULL;
    if (i == 0 && s->a->place)
        p = g_strdup_printf("%s (VNA) – %s", s->a->place, src_para(s, 0));
    else
        p = g_strdup(src_para(s, i));
    return g_markup_escape_text(p, -1);
}

/* A short line without final punctuation: sites set it as a subheading. */
static gboolean
is_subheading(const char *p)
{
    gsize n = strlen(p);
    gunichar first = g_utf8_get_char(p);
    gunichar last = n ? g_utf8_get_char(g_utf8_prev_char(p + n)) : 0;
    return n > 0 && n < 90 && g_unichar_isupper(first) && !g_unichar_ispunct(last);
}

static const char *const month_names_fr[] = {"janvier",   "février", "mars",     "avril",
                                             "mai",       "juin",    "juillet",  "août",
                                             "septembre", "octobre", "novembre", "décembre"};
static const char *const month_names_en[] = {"January",   "February", "March",    "April",
                                             "May",       "June",     "July",     "August",
                                             "September", "October",  "November", "December"};

/* The date as a byline writes it: "Mardi 21 octobre 2025 - 08:30",
 * "Updated: Oct 21, 2025", "octobre 2025", or "" for none. */
static char *
written_date(const Source *s)
{
    DsrDate d;
    if (!s->a->date || !dsr_date_parse_iso(s->a->date, &d))
        return g_strdup("");
    if (!d.month)
        return g_strdup_printf("%d", d.year);
    const char *mon = (s->en ? month_names_en : month_names_fr)[CLAMP(d.month, 1, 12) - 1];
    if (!d.day)
        return g_strdup_printf("%s %d", mon, d.year);
    if (s->en)
        return g_strdup_printf("Updated: %.3s %d, %d, 08:30", mon, d.day, d.year);
    GDate *gd = g_date_new_dmy((GDateDay)d.day, (GDateMonth)d.month, (GDateYear)d.year);
    static const char *const wd[] = {"",      "Lundi",    "Mardi",  "Mercredi",
                                     "Jeudi", "Vendredi", "Samedi", "Dimanche"};
    char *out =
        g_strdup_printf("%s %d %s %d - 08:30", wd[g_date_get_weekday(gd)], d.day, mon, d.year);
    g_date_free(gd);
    return out;
}

/* A caption in a box of the page (our own words). */
static const char *
caption(const Source *s)
{
    return s->en ? "Delegates at the meeting in Hanoi. Photo: VNA"
                 : "Les délégués lors de la réunion à Hanoï. Photo : VNA";
}

static void
nav_menu(GString *s, const char *tag)
{
    static const char *const items[] = {"Accueil", "Politique", "Économie", "Société",
                                        "Culture", "Sport",     "Monde",    "Vidéos"};
    g_string_append_printf(s, "<%s class=\"main-menu\"><ul>", tag);
    for (guint i = 0; i < G_N_ELEMENTS(items); i++)
        g_string_append_printf(s, "<li><a href=\"/rubrique/%u\">%s</a></li>", i, items[i]);
    g_string_append_printf(s, "</ul></%s>\n", tag);
}

static void
link_list(GString *s, const char *heading, const char *cls, guint n)
{
    static const char *const heads[] = {
        "Les exportations de fruits progressent de 20 % au premier trimestre",
        "La baie d'Ha Long bat un record de visiteurs, selon la province",
        "Un nouveau pont sur le fleuve Rouge ouvrira l'an prochain",
        "Le riz vietnamien gagne des parts de marché en Afrique de l'Ouest",
        "Hanoï accueillera un salon international du livre en novembre"};
    g_string_append_printf(s, "<div class=\"%s\"><h3>%s</h3><ul>", cls, heading);
    for (guint i = 0; i < MIN(n, G_N_ELEMENTS(heads)); i++)
        g_string_append_printf(s, "<li><a href=\"/a/%u.html\">%s</a> <span>(%u/10)</span></li>", i,
                               heads[i], i + 1);
    g_string_append(s, "</ul></div>\n");
}

/* A news portal: og: metas and article:published_time, a header with the
 * logo's <h1>, menus, breadcrumb, the title's <h1>, share bar, an image table
 * after the first paragraph, a related link inside the body, sign-off,
 * related list, comments with a form, footer. */
static char *
shape_portal(const Source *src)
{
    const DsrArticle *a = src->a;
    g_autofree char *t = a->title ? g_markup_escape_text(a->title, -1) : NULL;
    GString *s = g_string_new("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    if (t)
        g_string_append_printf(s,
                               "<title>%s | Le Quotidien Exemple</title>\n"
                               "<meta property=\"og:title\" content=\"%s\">\n",
                               t, t);
    else
        g_string_append(s, "<title>Le Quotidien Exemple</title>\n");
    g_string_append(s, "<meta property=\"og:site_name\" content=\"Le Quotidien Exemple\">\n");
    if (a->url)
        g_string_append_printf(s, "<meta property=\"og:url\" content=\"%s\">\n", a->url);
    if (a->date)
        g_string_append_printf(s, "<meta property=\"article:published_time\" content=\"%s%s\">\n",
                               a->date, strlen(a->date) == 10 ? "T08:30:00+07:00" : "");
    g_string_append_printf(s, "<meta property=\"og:locale\" content=\"%s\">\n",
                           src->en ? "en_US" : "fr_FR");
    g_string_append(s,
                    "<script>window.dataLayer = [{page: 'article', tags: ['a', 'b']}];</script>\n"
                    "<style>.x{display:none}</style>\n</head>\n<body>\n"
                    "<header id=\"top\"><div class=\"logo\"><h1><a href=\"/\">Le Quotidien "
                    "Exemple</a></h1></div>\n");
    nav_menu(s, "nav");
    g_string_append(s, "</header>\n<div class=\"container\"><div class=\"breadcrumb\"><a "
                       "href=\"/\">Accueil</a> › <a href=\"/eco\">Économie</a> › <a "
                       "href=\"/eco/monde\">Monde</a></div>\n<div class=\"col-main\">\n");
    if (t)
        g_string_append_printf(s, "<h1 class=\"article-title\">%s</h1>\n", t);
    /* A standfirst before the share bar, outside the body's box. */
    guint from = 0;
    if (a->paragraphs->len >= 3 && !is_subheading(src_para(src, 0))) {
        g_autofree char *p = page_para(src, 0);
        g_string_append_printf(s, "<div class=\"sapo\"><strong>%s</strong></div>\n", p);
        from = 1;
    }
    g_string_append(s, "<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a "
                       "href=\"#\">Twitter</a> <a href=\"#\">Zalo</a> <a "
                       "href=\"#\">Imprimer</a></div>\n<div class=\"article-body\">\n");
    for (guint i = from; i < a->paragraphs->len; i++) {
        g_autofree char *p = page_para(src, i);
        if (i > 0 && is_subheading(src_para(src, i)))
            g_string_append_printf(s, "<h3 class=\"sub-title\">%s</h3>\n", p);
        else
            g_string_append_printf(s, "<p>%s</p>\n", p);
        if (i == 0) {
            g_autofree char *c = g_markup_escape_text(caption(src), -1);
            g_string_append_printf(s,
                                   "<table class=\"image\"><tr><td><img src=\"/img/1.jpg\" "
                                   "alt=\"\"></td></tr><tr><td>%s</td></tr></table>\n",
                                   c);
            g_string_append(s, src->en ? "<p><a href=\"/r/9.html\">&gt;&gt; Exports of rice "
                                         "rise again in the first quarter</a></p>\n"
                                       : "<p><a href=\"/r/9.html\">&gt;&gt; Les exportations de "
                                         "riz repartent à la hausse</a></p>\n");
        }
    }
    g_string_append_printf(s, "<p><strong>%s</strong></p>\n</div>\n", src->en ? "VNA" : "VNA/CVN");
    g_string_append(s, "<div class=\"tags\">Mots-clés : <a href=\"/t/1\">Vietnam</a> <a "
                       "href=\"/t/2\">Coopération</a></div>\n");
    link_list(s, "Articles liés", "box-related", 3);
    g_string_append(s, "<div id=\"comments\"><h3>Commentaires (1)</h3><div class=\"comment\"><p>"
                       "Une excellente initiative, qui profitera aux deux pays, à condition que "
                       "les promesses soient tenues, ce qui reste à voir.</p></div><form><textarea>"
                       "</textarea><button>Envoyer</button></form></div>\n</div>\n");
    link_list(s, "Les plus lus", "sidebar", 5);
    g_string_append(s,
                    "</div>\n<footer><p>Le Quotidien Exemple, 12, rue de l'Exemple, Hanoï. "
                    "Tél : 024 00 00 00. Tous droits réservés.</p></footer>\n</body>\n</html>\n");
    return g_string_free(s, FALSE);
}

/* A blog: <html lang>, canonical link, <article> with a <header> holding the
 * title, a byline and <time datetime>, figure, tags; widgets around it. */
static char *
shape_blog(const Source *src)
{
    const DsrArticle *a = src->a;
    g_autofree char *t = a->title ? g_markup_escape_text(a->title, -1) : NULL;
    GString *s = g_string_new(NULL);
    g_string_append_printf(s,
                           "<!doctype html>\n<html lang=\"%s\">\n<head><meta "
                           "http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">"
                           "<title>%s%sCarnet d'Asie</title>\n",
                           src->en ? "en-GB" : "fr-FR", t ? t : "", t ? " – " : "");
    if (a->url)
        g_string_append_printf(s, "<link rel=\"canonical\" href=\"%s\">\n", a->url);
    g_string_append(s, "</head>\n<body class=\"single-post\">\n<div class=\"site-branding\"><a "
                       "href=\"/\">Carnet d'Asie</a><p class=\"site-description\">Notes sur "
                       "l'Asie du Sud-Est</p></div>\n");
    nav_menu(s, "nav");
    g_string_append(s, "<div id=\"primary\"><main id=\"main\"><article class=\"post type-post\">"
                       "\n<header class=\"entry-header\">");
    if (t)
        g_string_append_printf(s, "<h1 class=\"entry-title\">%s</h1>", t);
    g_string_append_printf(s,
                           "<div class=\"entry-meta\"><span class=\"byline\">%s <a "
                           "href=\"/author/lan\">Lan Anh</a></span>",
                           src->en ? "By" : "Par");
    if (a->date)
        g_string_append_printf(s,
                               " <span class=\"posted-on\"><time class=\"entry-date\" "
                               "datetime=\"%s\">%s</time></span>",
                               a->date, a->date);
    g_string_append(s, "</div></header>\n<div class=\"entry-content\">\n");
    for (guint i = 0; i < a->paragraphs->len; i++) {
        g_autofree char *p = page_para(src, i);
        g_string_append_printf(
            s, i > 0 && is_subheading(src_para(src, i)) ? "<h2>%s</h2>\n" : "<p>%s</p>\n", p);
        if (i == 1 || (i == 0 && a->paragraphs->len == 1)) {
            g_autofree char *c = g_markup_escape_text(caption(src), -1);
            g_string_append_printf(s,
                                   "<figure class=\"wp-block-image\"><img src=\"a.jpg\" "
                                   "alt=\"\"><figcaption>%s</figcaption></figure>\n",
                                   c);
        }
    }
    g_string_append(s, "</div>\n<footer class=\"entry-footer\"><span class=\"tags-links\">Tags : "
                       "<a href=\"/t/1\">Vietnam</a>, <a href=\"/t/2\">Coopération</a></span>"
                       "</footer>\n</article>\n<nav class=\"post-navigation\"><a href=\"/p\">"
                       "Article précédent</a> <a href=\"/n\">Article suivant</a></nav>\n"
                       "<section id=\"comments\" class=\"comments-area\"><h2>2 commentaires</h2>"
                       "<ol><li><p>Merci pour cet article très complet, qui résume bien les "
                       "enjeux, les chiffres et les perspectives de cette coopération.</p></li>"
                       "<li><p>Je ne suis pas d'accord avec l'analyse, car les chiffres cités, à "
                       "mon avis, sont trop optimistes.</p></li></ol><form><textarea></textarea>"
                       "<button>Envoyer</button></form></section></main></div>\n"
                       "<aside class=\"widget-area\"><h2>Archives</h2><ul><li><a "
                       "href=\"/2024\">2024</a></li><li><a href=\"/2023\">2023</a></li></ul>"
                       "</aside>\n<footer class=\"site-footer\">© Carnet d'Asie. Propulsé par un "
                       "moteur de blog.</footer>\n<script>document.body.className += ' js';"
                       "</script>\n</body>\n</html>\n");
    return g_string_free(s, FALSE);
}

/* A page of <div>s and <br>s with no <p> and no <h1>: JSON-LD NewsArticle
 * (in an @graph, HTML-escaped strings) and og: metas say what it is. */
static char *
shape_divs(const Source *src)
{
    const DsrArticle *a = src->a;
    cJSON *ld = cJSON_CreateObject();
    cJSON_AddStringToObject(ld, "@context", "https://schema.org");
    cJSON *graph = cJSON_AddArrayToObject(ld, "@graph");
    cJSON *crumbs = cJSON_CreateObject();
    cJSON_AddStringToObject(crumbs, "@type", "BreadcrumbList");
    cJSON_AddStringToObject(crumbs, "name", "Actualités");
    cJSON_AddItemToArray(graph, crumbs);
    cJSON *art = cJSON_CreateObject();
    cJSON_AddStringToObject(art, "@type", "NewsArticle");
    if (a->title) {
        g_autofree char *e = g_markup_escape_text(a->title, -1);
        cJSON_AddStringToObject(art, "headline", e);
    }
    if (a->date)
        cJSON_AddStringToObject(art, "datePublished", a->date);
    cJSON_AddStringToObject(art, "inLanguage", src->en ? "en-US" : "fr-FR");
    if (a->url) {
        cJSON *main_entity = cJSON_AddObjectToObject(art, "mainEntityOfPage");
        cJSON_AddStringToObject(main_entity, "@type", "WebPage");
        cJSON_AddStringToObject(main_entity, "@id", a->url);
    }
    cJSON *publisher = cJSON_AddObjectToObject(art, "publisher");
    cJSON_AddStringToObject(publisher, "@type", "Organization");
    cJSON_AddStringToObject(publisher, "name", "Agence Exemple");
    cJSON_AddItemToArray(graph, art);
    char *ld_text = cJSON_PrintUnformatted(ld);
    cJSON_Delete(ld);

    g_autofree char *t = a->title ? g_markup_escape_text(a->title, -1) : NULL;
    GString *s = g_string_new("<html><head><title>Agence Exemple</title>");
    if (t)
        g_string_append_printf(s, "<meta property=\"og:title\" content=\"%s\">", t);
    if (a->url)
        g_string_append_printf(s, "<meta property=\"og:url\" content=\"%s\">", a->url);
    g_string_append_printf(s,
                           "<script type=\"application/ld+json\">%s</script></head>\n<body>"
                           "<div id=\"wrap\">\n<div class=\"top\"><a href=\"/\">Accueil</a> "
                           "| <a href=\"/a\">Actualités</a> | <a href=\"/b\">Économie</a> | "
                           "<a href=\"/c\">Contact</a></div>\n",
                           ld_text);
    cJSON_free(ld_text);
    if (t)
        g_string_append_printf(s, "<div class=\"tt\"><font size=\"5\"><b>%s</b></font></div>\n", t);
    g_string_append(s, "<div class=\"txt\">");
    for (guint i = 0; i < a->paragraphs->len; i++) {
        g_autofree char *p = page_para(src, i);
        g_string_append_printf(
            s, i > 0 && is_subheading(src_para(src, i)) ? "<b>%s</b><br><br>\n" : "%s<br><br>\n",
            p);
        if (i == 2) {
            g_autofree char *c = g_markup_escape_text(caption(src), -1);
            g_string_append_printf(s, "<img src=\"x.jpg\"><br><i>%s</i><br><br>\n", c);
        }
    }
    g_string_append_printf(s, "%s<br>\n", src->en ? "—VNS" : "VNA/CVN");
    if (a->url)
        g_string_append_printf(s, "%s <a href=\"%s\">%s</a>",
                               src->en ? "Source:" : "Source :", a->url, a->url);
    g_string_append(s, "</div>\n<div class=\"rel\"><b>Voir aussi</b><br><a href=\"/r\">Une "
                       "dépêche sur les investissements étrangers au Vietnam</a><br><a "
                       "href=\"/s\">Une autre dépêche sur le tourisme dans le delta du "
                       "Mékong</a></div>\n<div class=\"bottom\">Agence Exemple - Tous droits "
                       "réservés - <a href=\"/mentions\">Mentions légales</a></div>\n"
                       "</div></body></html>\n");
    return g_string_free(s, FALSE);
}

/* An old portal: layout tables nesting <section>s, the date only in the
 * byline's text, an aside of most-read links, a cookie banner, no declared
 * language. */
static char *
shape_tables(const Source *src)
{
    const DsrArticle *a = src->a;
    g_autofree char *t = a->title ? g_markup_escape_text(a->title, -1) : NULL;
    g_autofree char *when = written_date(src);
    GString *s = g_string_new("<html><head><meta http-equiv=\"Content-Type\" "
                              "content=\"text/html; charset=UTF-8\">");
    g_string_append_printf(s, "<title>%s%sPortail Ancien</title>", t ? t : "", t ? " - " : "");
    if (a->url)
        g_string_append_printf(s, "<link rel=\"canonical\" href=\"%s\">", a->url);
    g_string_append(s, "</head>\n<body><table width=\"100%\" class=\"layout\"><tr><td "
                       "colspan=\"2\" class=\"banner\"><a href=\"/\"><img src=\"logo.gif\" "
                       "alt=\"Portail Ancien\"></a> <a href=\"/fr\">FR</a> | <a "
                       "href=\"/en\">EN</a> | <a href=\"/vn\">VN</a></td></tr>\n<tr><td "
                       "valign=\"top\" width=\"70%\"><table class=\"inner\"><tr><td>\n"
                       "<section class=\"story\">\n");
    if (t)
        g_string_append_printf(s, "<h1>%s</h1>\n", t);
    if (*when)
        g_string_append_printf(s, "<div class=\"info\">%s%s</div>\n",
                               src->n % 2 ? (src->en ? "Published " : "Publié le ") : "", when);
    /* The body in sections of a few paragraphs each. */
    for (guint i = 0; i < a->paragraphs->len; i++) {
        if (i % 3 == 0)
            g_string_append(s, i ? "</section>\n<section>\n" : "<section>\n");
        g_autofree char *p = page_para(src, i);
        g_string_append_printf(
            s, is_subheading(src_para(src, i)) ? "<p><strong>%s</strong></p>\n" : "<p>%s</p>\n", p);
    }
    g_string_append(s, "</section>\n</section>\n</td></tr></table></td>\n<td valign=\"top\">"
                       "<aside class=\"most-read\"><h4>Les plus lus</h4><ol>");
    for (guint i = 0; i < 5; i++)
        g_string_append_printf(s,
                               "<li><a href=\"/m/%u\">Dépêche la plus lue numéro %u de la "
                               "semaine sur le site</a></li>",
                               i, i + 1);
    g_string_append(s, "</ol></aside></td></tr>\n<tr><td colspan=\"2\" class=\"foot\">Portail "
                       "Ancien © 2024 - <a href=\"/contact\">Contact</a> - <a "
                       "href=\"/pub\">Publicité</a></td></tr></table>\n"
                       "<div id=\"cookie-notice\">Ce site utilise des cookies pour améliorer "
                       "votre expérience. <a href=\"/cookies\">En savoir plus</a> <button>"
                       "Accepter</button></div>\n</body></html>\n");
    return g_string_free(s, FALSE);
}

/* A JSON export; field names and body shapes vary with the file's rank as
 * they do between tools. */
static char *
shape_json(const Source *src)
{
    const DsrArticle *a = src->a;
    guint v = src->n % 4;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "id", src->n);
    if (a->title)
        cJSON_AddStringToObject(o, "title", a->title);
    if (a->date)
        cJSON_AddStringToObject(o, v % 2 ? "published" : "date", a->date);
    if (a->url)
        cJSON_AddStringToObject(o, v == 1 ? "link" : "url", a->url);
    if (a->outlet)
        cJSON_AddStringToObject(o, v >= 2 ? "outlet" : "source", a->outlet);
    if (v != 2)
        cJSON_AddStringToObject(o, v == 3 ? "language" : "lang", a->lang);
    cJSON_AddItemToObject(o, "tags", cJSON_CreateStringArray((const char *[]){"Vietnam", "x"}, 2));
    cJSON_AddStringToObject(o, "author", "Lan Anh");
    static const char *const body_names[] = {"text", "body", "content", "text"};
    g_autoptr(GString) body = g_string_new(NULL);
    cJSON *list = cJSON_CreateArray();
    for (guint i = 0; i < a->paragraphs->len; i++) {
        const char *p = src_para(src, i);
        g_autofree char *with_dateline =
            i == 0 && a->place ? g_strdup_printf("%s (VNA) – %s", a->place, p) : g_strdup(p);
        cJSON_AddItemToArray(list, cJSON_CreateString(with_dateline));
        g_string_append_printf(body, "%s%s", with_dateline, v == 2 ? "\r\n\r\n" : "\n\n");
        /* Exporters keep the captions of the page as lines of the text. */
        if (i == 0)
            g_string_append_printf(body, "%s%s", caption(src), v == 2 ? "\r\n\r\n" : "\n\n");
    }
    if (v == 1 || v == 3) {
        cJSON_AddItemToObject(o, body_names[v], list);
    } else {
        cJSON_Delete(list);
        cJSON_AddStringToObject(o, body_names[v], body->str);
    }
    char *printed = cJSON_Print(o);
    char *out = g_strdup(printed);
    cJSON_free(printed);
    cJSON_Delete(o);
    return out;
}

typedef struct {
    const char *name;
    const char *suffix;
    char *(*make)(const Source *);
    guint same;
} Shape;

static gboolean
same_str(const char *a, const char *b)
{
    return g_strcmp0(a, b) == 0;
}

static void
report(GString *table, const char *file, const char *shape, const char *field, const char *want,
       const char *got)
{
    g_string_append_printf(table, "%-44.44s %-7s %-10s want: %.70s\n%-63s got:  %.70s\n", file,
                           shape, field, want ? want : "(null)", "", got ? got : "(null)");
}

/* Compares @b (a form) with @a (the text); adds the differences to @table. */
static gboolean
compare_article(const DsrArticle *a, const DsrArticle *b, const char *file, const char *shape,
                GString *table)
{
    gboolean same = TRUE;
    const struct {
        const char *field, *want, *got;
    } fields[] = {
        {"title", a->title, b->title}, {"date", a->date, b->date},    {"lang", a->lang, b->lang},
        {"url", a->url, b->url},       {"place", a->place, b->place}, {"id", a->id, b->id},
    };
    for (guint i = 0; i < G_N_ELEMENTS(fields); i++)
        if (!same_str(fields[i].want, fields[i].got)) {
            report(table, file, shape, fields[i].field, fields[i].want, fields[i].got);
            same = FALSE;
        }
    guint n = MAX(a->paragraphs->len, b->paragraphs->len);
    for (guint i = 0; i < n; i++) {
        const char *pa = i < a->paragraphs->len ? g_ptr_array_index(a->paragraphs, i) : NULL;
        const char *pb = i < b->paragraphs->len ? g_ptr_array_index(b->paragraphs, i) : NULL;
        if (!same_str(pa, pb)) {
            g_autofree char *field = g_strdup_printf("para %u/%u", i, b->paragraphs->len);
            report(table, file, shape, field, pa, pb);
            same = FALSE;
            break;
        }
    }
    return same;
}

/* Every corpus article, as its text gave it, written again as four kinds of
 * saved page and a JSON export; each form must give the same article.
 * Equality is asserted for every form: each one carries all that the text
 * gave (title, date, URL, language where the site declares one, the
 * paragraphs), so any difference is ingestion losing or adding something;
 * none of the shapes hides a field the reader could not see either. */
static void
test_corpus_three_forms(void)
{
    g_autofree char *corpus = dsr_test_corpus_dir();
    if (!corpus) {
        g_test_skip("no corpus (set DOSSIER_CORPUS)");
        return;
    }
    g_autoptr(GPtrArray) files = corpus_files(corpus);
    Shape shapes[] = {
        {"portal", ".html", shape_portal, 0}, {"blog", ".html", shape_blog, 0},
        {"divs", ".htm", shape_divs, 0},      {"tables", ".html", shape_tables, 0},
        {"json", ".json", shape_json, 0},
    };
    g_autoptr(GString) table = g_string_new(NULL);
    for (guint i = 0; i < files->len; i++) {
        const char *path = g_ptr_array_index(files, i);
        g_autofree char *base = g_path_get_basename(path);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) text = dsr_ingest_file(path, NULL, &error);
        g_assert_no_error(error);
        const DsrArticle *a = g_ptr_array_index(text, 0);
        Source src = {a, i, g_strcmp0(a->lang, "en") == 0};
        for (guint k = 0; k < G_N_ELEMENTS(shapes); k++) {
            g_autofree char *data = shapes[k].make(&src);
            g_autofree char *name = g_strconcat(base, "-", shapes[k].name, shapes[k].suffix, NULL);
            g_autoptr(GError) err = NULL;
            g_autoptr(GPtrArray) out = dsr_ingest_bytes(data, strlen(data), name, NULL, &err);
            if (!out) {
                report(table, base, shapes[k].name, "error", "", err->message);
                continue;
            }
            if (out->len != 1) {
                report(table, base, shapes[k].name, "articles", "1", "several");
                continue;
            }
            shapes[k].same +=
                compare_article(a, g_ptr_array_index(out, 0), base, shapes[k].name, table);
        }
    }
    if (table->len)
        g_test_message("mismatches (text form first, then the other form):\n%s", table->str);
    g_autoptr(GString) summary = g_string_new("identical to the text form:");
    for (guint k = 0; k < G_N_ELEMENTS(shapes); k++)
        g_string_append_printf(summary, " %s %u/%u%s", shapes[k].name, shapes[k].same, files->len,
                               k + 1 < G_N_ELEMENTS(shapes) ? "," : "");
    g_test_message("%s", summary->str);
    if (g_test_verbose())
        g_print("%s\n", summary->str);
    g_assert_cmpuint(files->len, >, 0);
    for (guint k = 0; k < G_N_ELEMENTS(shapes); k++)
        g_assert_cmpuint(shapes[k].same, ==, files->len);
}

static DsrArticle *
text_article(const char *text, const char *name, GPtrArray **keep)
{
    g_autoptr(GError) error = NULL;
    *keep = dsr_ingest_bytes(text, strlen(text), name, NULL, &error);
    g_assert_no_error(error);
    return g_ptr_array_index(*keep, 0);
}

/* A title is a short line without final period straight before the body;
 * a kicker needs a title after it; a date alone is a byline. */
static void
test_short_title(void)
{
    g_autoptr(GPtrArray) k1 = NULL, k2 = NULL, k3 = NULL, k4 = NULL;
    DsrArticle *a = text_article("Forum\n\nLe Vietnam et le Chili ont tenu à Santiago un forum sur "
                                 "le commerce et l'investissement, avec cent entreprises.\n",
                                 "forum.txt", &k1);
    g_assert_cmpstr(a->title, ==, "Forum");
    g_assert_cmpuint(a->paragraphs->len, ==, 1);
    a = text_article("Conférence Chili-ASEAN\n\nLes délégués de dix pays ont débattu à Santiago "
                     "de la coopération numérique et des échanges.\n",
                     "conf.txt", &k2);
    g_assert_cmpstr(a->title, ==, "Conférence Chili-ASEAN");
    a = text_article("Vietnam - Chili\nLe commerce bilatéral progresse de 10 % en un an\n\nLes "
                     "échanges entre les deux pays ont atteint 2 milliards de dollars, selon les "
                     "douanes.\n",
                     "kicker.txt", &k3);
    g_assert_cmpstr(a->title, ==, "Le commerce bilatéral progresse de 10 % en un an");
    g_assert_cmpuint(a->paragraphs->len, ==, 1);
    a = text_article("12 mars 2024\n\nLes échanges entre les deux pays ont atteint 2 milliards "
                     "de dollars, selon les douanes.\n",
                     "dated.txt", &k4);
    g_assert_null(a->title);
    g_assert_cmpstr(a->date, ==, "2024-03-12");
}

/* Short English texts are English without a declared language. */
static void
test_short_english(void)
{
    g_autoptr(GPtrArray) k1 = NULL, k2 = NULL;
    DsrArticle *a = text_article("Viet Nam and Chile sign a trade deal\n\nThe two countries "
                                 "signed the deal in Santiago.\n",
                                 "en.txt", &k1);
    g_assert_cmpstr(a->lang, ==, "en");
    a = text_article("{\"title\": \"Rice exports rise\", \"text\": \"Exports of rice rose by 12 "
                     "per cent.\"}",
                     "en.json", &k2);
    g_assert_cmpstr(a->lang, ==, "en");
}

/* Captions that lost their credit: a dated phrase without a verb. */
static void
test_uncredited_caption(void)
{
    const char *text =
        "Le Chili et le Vietnam signent un accord de commerce\n\nLe ministre chilien a signé, le "
        "3 juin, un accord de commerce avec son homologue vietnamien.\n\nDialogue entre le "
        "ministre chilien et des entreprises vietnamiennes, le 12 mai à Santiago.\n\nL'accord "
        "supprime les droits de douane sur 90 % des produits d'ici 2030.\n\nCérémonie de "
        "signature de l'accord de commerce, le 3 juin 2019 dans la province de Valparaiso.\n";
    g_autoptr(GPtrArray) keep = NULL;
    DsrArticle *a = text_article(text, "caption.txt", &keep);
    g_assert_cmpuint(a->paragraphs->len, ==, 2);
    g_assert_true(g_str_has_prefix(g_ptr_array_index(a->paragraphs, 0), "Le ministre chilien"));
    g_assert_true(g_str_has_prefix(g_ptr_array_index(a->paragraphs, 1), "L'accord supprime"));
    g_assert_null(a->date); /* the caption's year is not the article's */
}

/* A year alone (URL folder, export field) takes the lead's day and month. */
static void
test_event_date_year(void)
{
    g_assert_cmpstr(date_of("Un titre sur un forum\n\nLe forum s'est tenu le 21 octobre à Hanoï, "
                            "avec 200 délégués.\n\nSource : https://example.vn/2025/forum.html\n"),
                    ==, "2025-10-21");
    g_autoptr(GPtrArray) keep = NULL;
    DsrArticle *a = text_article("{\"title\": \"Un forum\", \"date\": \"2025\", \"text\": \"Le "
                                 "forum s'est tenu le 21 octobre à Hanoï, avec 200 délégués.\"}",
                                 "year.json", &keep);
    g_assert_cmpstr(a->date, ==, "2025-10-21");
    /* No year anywhere: nothing is guessed. */
    g_assert_cmpstr(date_of("Un titre sur une visite\n\nLe président entame ce mercredi 28 "
                            "janvier une visite officielle au Chili.\n"),
                    ==, "null");
    /* A month already known stays: the event's day is not the article's. */
    g_assert_cmpstr(date_of(" date 2018-12 Un titre sur une réunion\n\nLe 11 décembre, les deux "
                            "ministres se sont réunis à Moscou.\n"),
                    ==, "2018-12");
}

/* A page without a headline: its <title> is the site's name, not a title;
 * the byline's date before the text still dates it. */
static void
test_html_site_name(void)
{
    const char *page = "<html><head><title>Carnet Vert</title></head><body><div "
                       "class=\"logo\"><a href=\"/\">Carnet Vert</a></div><div "
                       "class=\"post\"><div class=\"info\">Mardi 12 mars 2024 - 08:30</div>" PROSE
                       "</div></body></html>";
    g_autoptr(GPtrArray) keep = NULL;
    DsrArticle *a = html_article(page, "nohead.html", &keep);
    g_assert_null(a->title);
    g_assert_cmpstr(a->date, ==, "2024-03-12");
    g_assert_cmpuint(a->paragraphs->len, ==, 2);
    const char *og = "<html><head><title>Accueil | Le Journal Exemple</title><meta "
                     "property=\"og:site_name\" content=\"Le Journal Exemple\"></head><body>" PROSE
                     "</body></html>";
    g_autoptr(GPtrArray) k2 = NULL;
    a = html_article(og, "og.html", &k2);
    g_assert_null(a->title);
}

/* The corpus README's date column (what each text supports) against the
 * dates read from the texts. */
static void
test_corpus_dates(void)
{
    g_autofree char *corpus = dsr_test_corpus_dir();
    if (!corpus) {
        g_test_skip("no corpus (set DOSSIER_CORPUS)");
        return;
    }
    g_autofree char *readme_path = g_build_filename(corpus, "README.md", NULL);
    g_autofree char *readme = NULL;
    if (!g_file_get_contents(readme_path, &readme, NULL, NULL)) {
        g_test_skip("the corpus has no README.md");
        return;
    }
    g_autoptr(GRegex) row =
        g_regex_new("^\\| `([^`]+)` \\| [^|]* \\| ([^|]*) \\|", G_REGEX_MULTILINE, 0, NULL);
    g_autoptr(GMatchInfo) mi = NULL;
    guint n = 0, same = 0;
    g_autoptr(GString) table = g_string_new(NULL);
    for (g_regex_match(row, readme, 0, &mi); g_match_info_matches(mi);
         g_match_info_next(mi, NULL)) {
        g_autofree char *file = g_match_info_fetch(mi, 1);
        g_autofree char *cell = g_match_info_fetch(mi, 2);
        g_strstrip(cell);
        /* "2018-12 (meeting of 11 December)" or "— (…)" */
        g_autofree char *want = g_strndup(cell, strspn(cell, "0123456789-"));
        g_autofree char *path = g_build_filename(corpus, file, NULL);
        g_autoptr(GPtrArray) out = dsr_ingest_file(path, NULL, NULL);
        g_assert_nonnull(out);
        const char *got = ((DsrArticle *)g_ptr_array_index(out, 0))->date;
        n++;
        if (g_strcmp0(*want ? want : NULL, got) == 0)
            same++;
        else
            g_string_append_printf(table, "%s: README %s, read %s\n", file, *want ? want : "—",
                                   got ? got : "null");
    }
    if (table->len)
        g_test_message("dates that differ:\n%s", table->str);
    g_test_message("%u/%u dates as the README says", same, n);
    g_assert_cmpuint(n, >, 0);
    g_assert_cmpuint(same, ==, n);
}

static const char hostile_body[] =
    "Hanoï (VNA) – Le Vietnam et la Russie ont signé plusieurs accords de coopération dans "
    "l'énergie, a indiqué le ministère des Affaires étrangères.\n\n"
    "Les échanges ont atteint 5,2 milliards de dollars en 2024, selon les douanes.\n";

/* Body limits: a long article is cut at a paragraph end, one huge paragraph
 * at a sentence end, with a warning; the id follows the kept text. */
static void
test_hostile_limits(void)
{
    GString *text = g_string_new("Un titre pour un très long article\n\n");
    for (int i = 0; i < 50; i++)
        g_string_append_printf(text,
                               "Le paragraphe %d dit que la coopération avance. "
                               "Une deuxième phrase suit.\n\n",
                               i);
    DsrIngestOptions opt = {0, 0, 20};
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(text->str, text->len, "long.txt", &opt, &error);
    g_assert_no_error(error);
    DsrArticle *a = g_ptr_array_index(out, 0);
    g_assert_cmpuint(a->paragraphs->len, ==, 20);
    g_assert_cmpuint(a->warnings->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(a->warnings, 0), "too long"));
    g_autofree char *first_id = g_strdup(a->id);

    opt = (DsrIngestOptions){0, 60, 0};
    g_autoptr(GPtrArray) cut = dsr_ingest_bytes(text->str, text->len, "long.txt", &opt, &error);
    g_assert_no_error(error);
    a = g_ptr_array_index(cut, 0);
    g_assert_cmpuint(a->paragraphs->len, ==, 1);
    const char *p = g_ptr_array_index(a->paragraphs, 0);
    g_assert_cmpuint(strlen(p), <=, 60);
    g_assert_true(g_str_has_suffix(p, "avance."));
    g_assert_cmpstr(a->id, !=, first_id);
    g_string_free(text, TRUE);
}

/* Stray NULs are dropped with a warning; NUL-dense bytes are binary; UTF-16
 * without a BOM is recognised by its NUL pattern; symbols alone are no text. */
static void
test_hostile_bytes(void)
{
    g_autoptr(GString) nul = g_string_new("Le Vietnam et la Russie signent\n\n");
    g_string_append(nul, hostile_body);
    nul->str[40] = '\0';
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(nul->str, nul->len, "nul.txt", NULL, &error);
    g_assert_no_error(error);
    DsrArticle *a = g_ptr_array_index(out, 0);
    g_assert_cmpuint(a->warnings->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(a->warnings, 0), "NUL"));

    guint8 dense[256] = {0};
    for (guint i = 0; i < sizeof dense; i += 4)
        dense[i] = 'a';
    g_assert_null(dsr_ingest_bytes((const char *)dense, sizeof dense, "d.txt", NULL, &error));
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_nonnull(strstr(error->message, "binary"));
    g_clear_error(&error);

    g_autofree char *text = g_strconcat("Le Vietnam et la Russie signent\n\n", hostile_body, NULL);
    gsize n16 = 0;
    g_autofree char *le = g_convert(text, -1, "UTF-16LE", "UTF-8", NULL, &n16, NULL);
    g_autoptr(GPtrArray) u16 = dsr_ingest_bytes(le, n16, "u16.txt", NULL, &error);
    g_assert_no_error(error);
    a = g_ptr_array_index(u16, 0);
    g_assert_cmpstr(a->title, ==, "Le Vietnam et la Russie signent");

    static const char symbols[] = "... --- !!! ???\n\n« » — • § 12 34\n";
    g_assert_null(dsr_ingest_bytes(symbols, strlen(symbols), "s.txt", NULL, &error));
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
}

/* A scheme in capitals is http(s) all the same, written in lower case so
 * that later stages compare a plain prefix (found by fuzz-ingest-json). */
static void
test_url_scheme_case(void)
{
    g_autofree char *json = g_strdup_printf(
        "{\"title\": \"Le Vietnam et la Russie signent\", \"url\": \"httPs://Example.vn/a#top\", "
        "\"text\": \"%s\"}",
        hostile_body);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(json, strlen(json), "u.json", NULL, &error);
    g_assert_no_error(error);
    DsrArticle *a = g_ptr_array_index(out, 0);
    g_assert_cmpstr(a->url, ==, "https://Example.vn/a");
    g_assert_cmpstr(a->outlet, ==, "example.vn");
}

/* Nesting past the parsers' limits (libxml2's 256 levels, cJSON's 1000): the
 * reason or the warning names the limit, and text above it is still read. */
static void
test_hostile_depth(void)
{
    static const char head[] = "<html><body><article><h1>Le Vietnam et la Russie signent</h1>";
    g_autoptr(GString) deep = g_string_new("<html><body>");
    for (int i = 0; i < 300; i++)
        g_string_append(deep, "<div>");
    g_string_append_printf(deep, "<p>%s</p></body></html>", hostile_body);
    g_autoptr(GError) error = NULL;
    g_assert_null(dsr_ingest_bytes(deep->str, deep->len, "deep.html", NULL, &error));
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_nonnull(strstr(error->message, "256 levels"));
    g_clear_error(&error);

    g_autoptr(GString) after = g_string_new(head);
    g_string_append_printf(after, "<p>%s</p>", hostile_body);
    for (int i = 0; i < 1000; i++)
        g_string_append(after, "<div>");
    g_string_append(after, "Texte perdu.</article></body></html>");
    g_autoptr(GPtrArray) out = dsr_ingest_bytes(after->str, after->len, "after.html", NULL, &error);
    g_assert_no_error(error);
    DsrArticle *a = g_ptr_array_index(out, 0);
    g_assert_cmpstr(a->title, ==, "Le Vietnam et la Russie signent");
    g_assert_cmpuint(a->warnings->len, ==, 1);
    g_assert_nonnull(strstr(g_ptr_array_index(a->warnings, 0), "256 levels"));

    /* cJSON reads 1000 levels and refuses the 1001st. */
    for (int depth = 1000; depth <= 1001; depth++) {
        g_autoptr(GString) json = g_string_new(NULL);
        for (int i = 0; i < depth; i++)
            g_string_append_c(json, '[');
        for (int i = 0; i < depth; i++)
            g_string_append_c(json, ']');
        g_assert_null(dsr_ingest_bytes(json->str, json->len, "deep.json", NULL, &error));
        g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
        g_assert_true((strstr(error->message, "1000 levels") != NULL) == (depth > 1000));
        g_clear_error(&error);
    }
}

/* A pipe named like an article in a folder is reported, never opened. */
static void
test_hostile_fifo(void)
{
    g_autofree char *dir = g_dir_make_tmp("dsr-fifo-XXXXXX", NULL);
    g_autofree char *fifo = g_build_filename(dir, "pipe.txt", NULL);
    g_autofree char *other = g_build_filename(dir, "pipe.bin", NULL);
    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    g_assert_cmpint(mkfifo(other, 0600), ==, 0);
    g_autoptr(GPtrArray) problems =
        g_ptr_array_new_with_free_func((GDestroyNotify)dsr_input_problem_free);
    const char *paths[] = {dir, NULL};
    g_autoptr(GPtrArray) files = dsr_ingest_list_inputs(paths, problems);
    g_assert_cmpuint(files->len, ==, 0);
    g_assert_cmpuint(problems->len, ==, 1);
    DsrInputProblem *p = g_ptr_array_index(problems, 0);
    g_assert_cmpstr(p->file, ==, fifo);
    g_autoptr(GError) error = NULL;
    g_assert_null(dsr_ingest_file(fifo, NULL, &error));
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_unlink(fifo);
    g_unlink(other);
    g_rmdir(dir);
}

/* Words as the junk rules count them: letters and digits, with inner
 * apostrophes and hyphens; the capped count stops at its cap. */
static void
test_count_words(void)
{
    g_assert_cmpuint(dsr__count_words(""), ==, 0);
    g_assert_cmpuint(dsr__count_words("  -- , ;"), ==, 1);
    g_assert_cmpuint(dsr__count_words("L\u2019économie d'un pays, 16,5 %"), ==, 5);
    g_assert_cmpuint(dsr__count_words("Photo : VNA/CVN"), ==, 3);
    g_assert_cmpuint(dsr__count_words_upto("un deux trois quatre cinq", 3), ==, 3);
    g_assert_cmpuint(dsr__count_words_upto("un deux", 3), ==, 2);
    g_assert_cmpuint(dsr__count_words_upto("Việt Nam", 40), ==, 2);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    static const char *const golden[] = {
        "junk-forms.txt",       "single-lines.txt",      "chrome-byline.txt", "vnplus-anh.txt",
        "english-vns.txt",      "javascript-url.txt",    "articles.json",     "feed.jsonl",
        "lecourrier-like.html", "vietnamplus-like.html", "nhandan-like.html"};
    for (guint i = 0; i < G_N_ELEMENTS(golden); i++) {
        g_autofree char *path = g_strdup_printf("/ingest/golden/%s", golden[i]);
        g_test_add_data_func(path, golden[i], test_golden);
    }
    g_test_add_func("/ingest/text/junk-forms", test_junk_forms);
    g_test_add_func("/ingest/text/count-words", test_count_words);
    g_test_add_func("/ingest/text/dates-not-from-history", test_dates_not_from_history);
    g_test_add_func("/ingest/text/dated-dateline", test_dated_dateline);
    g_test_add_func("/ingest/text/single-lines", test_single_lines);
    g_test_add_func("/ingest/text/chrome-and-byline", test_chrome_byline);
    g_test_add_func("/ingest/text/signoff-and-dateline-day", test_signoff_and_dateline_day);
    g_test_add_func("/ingest/text/english", test_english);
    g_test_add_func("/ingest/text/javascript-url", test_javascript_url);
    g_test_add_func("/ingest/text/windows-1252", test_windows_1252);
    g_test_add_func("/ingest/text/id-stable", test_id_stable);
    g_test_add_func("/ingest/text/invalid-marker", test_invalid_marker);
    g_test_add_func("/ingest/text/event-date", test_event_date);
    g_test_add_func("/ingest/json/array", test_json_array);
    g_test_add_func("/ingest/json/lines", test_jsonl);
    g_test_add_func("/ingest/errors", test_errors);
    g_test_add_func("/ingest/junk-lines", test_junk_lines);
    g_test_add_func("/ingest/seeds", test_seeds);
    g_test_add_func("/ingest/list-inputs", test_list_inputs);
    g_test_add_func("/ingest/three-forms", test_three_forms);
    g_test_add_func("/ingest/html/sites", test_html_sites);
    g_test_add_func("/ingest/html/charset", test_html_charset);
    g_test_add_func("/ingest/html/metadata", test_html_metadata);
    g_test_add_func("/ingest/html/no-article", test_html_no_article);
    g_test_add_func("/ingest/errors/not-regular", test_not_regular);
    g_test_add_func("/ingest/corpus/measure", test_corpus_measure);
    g_test_add_func("/ingest/corpus/three-forms", test_corpus_three_forms);
    g_test_add_func("/ingest/corpus/dates", test_corpus_dates);
    g_test_add_func("/ingest/text/short-title", test_short_title);
    g_test_add_func("/ingest/text/short-english", test_short_english);
    g_test_add_func("/ingest/text/uncredited-caption", test_uncredited_caption);
    g_test_add_func("/ingest/text/event-date-year", test_event_date_year);
    g_test_add_func("/ingest/html/site-name", test_html_site_name);
    g_test_add_func("/ingest/hostile/limits", test_hostile_limits);
    g_test_add_func("/ingest/hostile/bytes", test_hostile_bytes);
    g_test_add_func("/ingest/hostile/fifo", test_hostile_fifo);
    g_test_add_func("/ingest/hostile/depth", test_hostile_depth);
    g_test_add_func("/ingest/hostile/url-scheme-case", test_url_scheme_case);
    return g_test_run();
}
