/* SPDX-License-Identifier: MIT
 * Text utilities: cleaning, folding, sentences, words, dates, numbers and
 * French typography, on the forms found in pasted news text. */
#include <dossier/text.h>
#include <dossier/error.h>
#include "test-support.h"
#include <string.h>

static void
assert_fold(const char *in, const char *expected)
{
    g_autofree char *out = dsr_text_fold(in);
    g_assert_cmpstr(out, ==, expected);
}

static void
test_fold(void)
{
    assert_fold("L’Économie  Numérique", "l'économie numérique");
    assert_fold("\u00a0« Oui »\u202fdit-il ", "\" oui \" dit-il");
    assert_fold("zero\u200bwidth", "zerowidth");
    assert_fold("", "");
    /* Characters whose lower case takes more bytes (Ⱥ, 2 bytes, -> ⱥ, 3):
     * the output outgrows the input and must be given room. */
    g_autoptr(GString) up = g_string_new(NULL), low = g_string_new(NULL);
    for (int i = 0; i < 300; i++) {
        g_string_append(up, i % 7 ? "\u023a" : "A \u023e");
        g_string_append(low, i % 7 ? "\u2c65" : "a \u2c66");
    }
    assert_fold(up->str, low->str);
    assert_fold("  \u023a", "\u2c65");
}

static void
test_fold_ascii(void)
{
    g_autofree char *a = dsr_text_fold_ascii("Nguyễn Mạnh Hùng");
    g_assert_cmpstr(a, ==, "nguyen manh hung");
    g_autofree char *b = dsr_text_fold_ascii("Hô Chi Minh-Ville");
    g_assert_cmpstr(b, ==, "ho chi minh-ville");
    g_autofree char *c = dsr_text_fold_ascii("Đà Nẵng, cœur");
    g_assert_cmpstr(c, ==, "da nang, coeur");
}

static void
test_clean(void)
{
    gboolean converted = TRUE;
    g_autoptr(GError) error = NULL;
    g_autofree char *a = dsr_text_clean("\xEF\xBB\xBFun\r\ndeux\rtrois", 18, &converted, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(a, ==, "un\ndeux\ntrois");
    g_assert_false(converted);

    /* "café" in Windows-1252, with a curly apostrophe (0x92). */
    g_autofree char *b = dsr_text_clean("caf\xe9 l\x92"
                                        "eau",
                                        10, &converted, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(b, ==, "café l’eau");
    g_assert_true(converted);

    /* NFD input comes out NFC. */
    g_autofree char *c = dsr_text_clean("e\xcc\x81t\xc3\xa9", 6, NULL, &error);
    g_assert_cmpstr(c, ==, "été");

    /* 0x81 is undefined in Windows-1252: neither encoding. */
    g_autofree char *d = dsr_text_clean("ok \x81 no", 7, &converted, &error);
    g_assert_null(d);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_nonnull(strstr(error->message, "byte 3"));
}

/* Normalisation works in pieces (GLib's is quadratic): decomposed accents
 * straddling every piece boundary still come out composed. */
static void
test_clean_long_nfd(void)
{
    GString *in = g_string_new(NULL);
    for (int i = 0; i < 6000; i++)
        g_string_append(in, "e\xcc\x81 ");
    g_autoptr(GError) error = NULL;
    g_autofree char *out = dsr_text_clean(in->str, in->len, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(strlen(out), ==, 6000 * 3);
    for (int i = 0; i < 6000; i++)
        g_assert_cmpint(memcmp(out + 3 * i, "\xc3\xa9 ", 3), ==, 0);
    g_string_free(in, TRUE);
}

/* Pieces of accented Latin and punctuation are taken as they are (already
 * NFC); a piece holding anything else is normalised. Each case against
 * GLib's own normalisation of the whole text. */
static void
test_clean_nfc_pieces(void)
{
    static const char *const cases[] = {
        "Nguy\u1ec5n M\u1ea1nh H\u00f9ng \u2013 \u00ab accord \u00bb 30\u202f%, 5\u20ac",
        "Nguye\u0302\u0303n",        /* Vietnamese decomposed: ê + tilde */
        "\u1ebf\u0323 \u0103\u0301", /* a precomposed letter, then a mark */
        "1\u212b et 3\u2126",        /* angstrom and ohm signs: singletons */
        "\u2000quad\u2001",          /* en and em quads: singletons */
        "\u1100\u1161 \uac00\u11a8", /* Hangul jamo compose */
        "\u0915\u093c \u00e9\u0327", /* a nukta; a mark reordered */
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GString) in = g_string_new(NULL);
        for (int k = 0; k < 40; k++) /* long enough to be cut in pieces */
            g_string_append_printf(in, "%s %d ", cases[i], k);
        g_autoptr(GError) error = NULL;
        g_autofree char *out = dsr_text_clean(in->str, in->len, NULL, &error);
        g_assert_no_error(error);
        g_autofree char *want = g_utf8_normalize(in->str, -1, G_NORMALIZE_NFC);
        g_assert_cmpstr(out, ==, want);
    }
}

static void
test_squeeze(void)
{
    g_autofree char *a = dsr_text_squeeze("  16\u202f400   euros \t\n ");
    g_assert_cmpstr(a, ==, "16\u202f400 euros");
    g_autofree char *b = dsr_text_squeeze("a \u00a0 b");
    g_assert_cmpstr(b, ==, "a b");
    /* A lone NBSP or thin space stays; invisible characters go, also inside
     * an ASCII span; a tab alone is a space. */
    g_autofree char *c = dsr_text_squeeze("\u00ab\u00a0oui\u00a0\u00bb, x\u2009y z\u200bw\tv");
    g_assert_cmpstr(c, ==, "\u00ab\u00a0oui\u00a0\u00bb, x\u2009y zw v");
    g_autofree char *d = dsr_text_squeeze("\u200b \u00a0");
    g_assert_cmpstr(d, ==, "");
}

static void
test_words_in_place(void)
{
    g_autoptr(GPtrArray) w =
        dsr_text_words("L\u2019\u00c9conomie -- pro-russe, 16,5 % e\u0301t\u00e9 x-");
    const char *const expected[] = {"l", "\u00e9conomie",  "pro-russe", "16",
                                    "5", "e\u0301t\u00e9", "x"};
    g_assert_cmpuint(w->len, ==, G_N_ELEMENTS(expected));
    for (guint i = 0; i < w->len; i++)
        g_assert_cmpstr(g_ptr_array_index(w, i), ==, expected[i]);
    /* Read in place, the same words. */
    g_autofree char *folded = dsr_text_fold("L\u2019\u00c9conomie -- pro-russe");
    const char *p = folded, *start;
    gsize len;
    guint n = 0;
    while ((start = dsr_text_next_word(&p, &len)))
        g_assert_cmpint(strncmp(start, expected[n++], len), ==, 0);
    g_assert_cmpuint(n, ==, 3);
    /* A span fits the buffer, or goes to the heap. */
    char buf[4];
    g_autofree char *heap = NULL;
    g_assert_cmpstr(dsr_text_span("abcdef", 3, buf, sizeof buf, &heap), ==, "abc");
    g_assert_null(heap);
    g_assert_cmpstr(dsr_text_span("abcdef", 4, buf, sizeof buf, &heap), ==, "abcd");
    g_assert_nonnull(heap);
}

static void
assert_sentences(const char *text, const char *const *expected)
{
    g_autoptr(GPtrArray) s = dsr_text_sentences(text);
    guint n = g_strv_length((char **)expected);
    for (guint i = 0; i < MIN(n, s->len); i++)
        g_assert_cmpstr(g_ptr_array_index(s, i), ==, expected[i]);
    g_assert_cmpuint(s->len, ==, n);
}

static void
test_sentences_abbreviations(void)
{
    const char *const a[] = {"M. Hung et Mme Lan ont signé un accord.", "Il entre en vigueur.",
                             NULL};
    assert_sentences("M. Hung et Mme Lan ont signé un accord. Il entre en vigueur.", a);
    const char *const b[] = {"Mr. Smith met Dr. Jones in the U.S. capital.", "They agreed.", NULL};
    assert_sentences("Mr. Smith met Dr. Jones in the U.S. capital. They agreed.", b);
    const char *const c[] = {"Les pays (Japon, Corée, etc.) ont participé.", NULL};
    assert_sentences("Les pays (Japon, Corée, etc.) ont participé.", c);
    const char *const d[] = {"J. Smith a parlé.", "Puis H. Nguyen.", NULL};
    assert_sentences("J. Smith a parlé. Puis H. Nguyen.", d);
}

static void
test_sentences_numbers(void)
{
    const char *const a[] = {"La part a atteint 16.5% en 2023 et 16,5 % ailleurs.",
                             "Les échanges ont atteint 16.400 milliards.", NULL};
    assert_sentences("La part a atteint 16.5% en 2023 et 16,5 % ailleurs. Les échanges ont "
                     "atteint 16.400 milliards.",
                     a);
}

static void
test_sentences_glued(void)
{
    const char *const a[] = {"Une coopération russo-vietnamienne.", "Lors du forum, il a parlé.",
                             NULL};
    assert_sentences("Une coopération russo-vietnamienne.Lors du forum, il a parlé.", a);
    /* Initials are not glued sentences. */
    const char *const c[] = {"Il cite J.-C. Juncker.", NULL};
    assert_sentences("Il cite J.-C. Juncker.", c);
    const char *const d[] = {"Les pays de l'ASEAN.", "Le forum s'ouvre.", NULL};
    assert_sentences("Les pays de l'ASEAN.Le forum s'ouvre.", d);
    const char *const e[] = {"Le dollar U.S.A. est cité.", NULL};
    assert_sentences("Le dollar U.S.A. est cité.", e);
}

static void
test_sentences_quotes(void)
{
    const char *const a[] = {"« Comment pouvons-nous avancer ? »", "Il a conclu.", NULL};
    assert_sentences("« Comment pouvons-nous avancer ? » Il a conclu.", a);
    /* Two questions inside one quotation are two sentences. */
    const char *const b[] = {"« Quels mécanismes ?", "Quels moyens ? »", NULL};
    assert_sentences("« Quels mécanismes ? Quels moyens ? »", b);
    const char *const c[] = {"Il a dit \"c'est fini.\"", "Puis il est parti.", NULL};
    assert_sentences("Il a dit \"c'est fini.\" Puis il est parti.", c);
}

static void
test_sentences_ellipsis(void)
{
    const char *const a[] = {"Une relation dynamique…", "Elle progresse.", NULL};
    assert_sentences("Une relation dynamique… Elle progresse.", a);
    const char *const b[] = {"Attendez...", "Voilà.", NULL};
    assert_sentences("Attendez... Voilà.", b);
}

static void
test_words(void)
{
    g_autoptr(GPtrArray) w = dsr_text_words("L’économie numérique, c'est vingt-trois %.");
    g_assert_cmpuint(w->len, ==, 6);
    g_assert_cmpstr(g_ptr_array_index(w, 0), ==, "l");
    g_assert_cmpstr(g_ptr_array_index(w, 1), ==, "économie");
    g_assert_cmpstr(g_ptr_array_index(w, 5), ==, "vingt-trois");
    g_assert_true(dsr_text_is_stopword("les", "fr"));
    g_assert_false(dsr_text_is_stopword("économie", "fr"));
    g_assert_true(dsr_text_is_stopword("the", "en"));
}

static void
test_guess_lang(void)
{
    g_assert_cmpstr(dsr_text_guess_lang("Le Vietnam et la Russie ont signé un accord dans le "
                                        "domaine de l'énergie."),
                    ==, "fr");
    g_assert_cmpstr(dsr_text_guess_lang("Vietnam and Russia signed an agreement in the field of "
                                        "energy, which is important."),
                    ==, "en");
    g_assert_null(dsr_text_guess_lang("Hanoi"));
    /* Short texts: told when all their function words agree. */
    g_assert_cmpstr(dsr_text_guess_lang("Viet Nam and Chile sign a trade deal"), ==, "en");
    g_assert_cmpstr(dsr_text_guess_lang("Rice exports rise in the first quarter"), ==, "en");
    g_assert_cmpstr(dsr_text_guess_lang("Accord de libre-échange avec le Chili"), ==, "fr");
    g_assert_null(dsr_text_guess_lang("Forum 2024"));
    g_assert_null(dsr_text_guess_lang("Le Forum of Asia"));
}

static void
test_stem(void)
{
    g_autoptr(DsrStemmer) fr = dsr_stemmer_new("fr");
    g_autofree char *a = dsr_stemmer_stem(fr, "économiques");
    g_autofree char *b = dsr_stemmer_stem(fr, "économie");
    g_assert_cmpstr(a, ==, b);
    g_autoptr(DsrStemmer) en = dsr_stemmer_new("en");
    g_autofree char *c = dsr_stemmer_stem(en, "agreements");
    g_assert_cmpstr(c, ==, "agreement");
    /* Borrowed stems are the copies' equals, and stay put until a trim. */
    const char *d = dsr_stemmer_stem_borrowed(fr, "économiques");
    const char *e = dsr_stemmer_stem_borrowed(fr, "partenariats");
    g_assert_cmpstr(d, ==, a);
    g_assert_true(dsr_stemmer_stem_borrowed(fr, "économiques") == d);
    g_autofree char *f = g_strdup(e);
    g_autofree char *g = dsr_stemmer_stem(fr, "partenariats");
    g_assert_cmpstr(f, ==, g);
    /* Past the cache's bound a trim forgets; the stems stay the same. */
    for (int i = 0; i < 40000; i++) {
        char word[32];
        g_snprintf(word, sizeof word, "mot%dement", i);
        dsr_stemmer_stem_borrowed(fr, word);
    }
    dsr_stemmer_trim(fr);
    g_assert_cmpstr(dsr_stemmer_stem_borrowed(fr, "économiques"), ==, a);
}

static void
test_dates_parse(void)
{
    DsrDate d;
    g_assert_true(dsr_date_parse_iso("2024-04", &d));
    g_assert_cmpint(d.year, ==, 2024);
    g_assert_cmpint(d.month, ==, 4);
    g_assert_cmpint(d.day, ==, 0);
    g_assert_true(dsr_date_parse_iso("2025-10-21T08:30:00+07:00", &d));
    g_assert_cmpint(d.day, ==, 21);
    g_assert_true(dsr_date_parse_iso("2024-02-29", &d));
    g_assert_false(dsr_date_parse_iso("2025-02-30", &d));
    g_assert_false(dsr_date_parse_iso("2025-13", &d));
    g_assert_false(dsr_date_parse_iso("1850", &d));
    g_assert_false(dsr_date_parse_iso("2024-4", &d));
    g_assert_false(dsr_date_parse_iso("20240401", &d));
    g_assert_false(dsr_date_parse_iso("", &d));
    g_assert_false(dsr_date_parse_iso("2024-04-01x", &d));
}

static void
test_dates_iso_compare(void)
{
    DsrDate a = {2024, 4, 0}, b = {2024, 4, 3}, c = {2023, 12, 31}, none = {0, 0, 0};
    g_autofree char *s = dsr_date_to_iso(&a);
    g_assert_cmpstr(s, ==, "2024-04");
    g_assert_null(dsr_date_to_iso(&none));
    g_assert_cmpint(dsr_date_compare(&a, &b), <, 0);
    g_assert_cmpint(dsr_date_compare(&c, &a), <, 0);
    g_assert_cmpint(dsr_date_compare(&none, &c), <, 0);
    g_assert_cmpint(dsr_date_compare(&b, &b), ==, 0);
}

static void
test_dates_months(void)
{
    g_assert_cmpint(dsr_text_month_number("février"), ==, 2);
    g_assert_cmpint(dsr_text_month_number("fevrier"), ==, 2);
    g_assert_cmpint(dsr_text_month_number("Août"), ==, 8);
    g_assert_cmpint(dsr_text_month_number("Sept."), ==, 9);
    g_assert_cmpint(dsr_text_month_number("December"), ==, 12);
    g_assert_cmpint(dsr_text_month_number("mardi"), ==, 0);
}

static void
test_dates_format(void)
{
    DsrDate a = {2025, 11, 20}, b = {2025, 11, 1}, c = {2024, 4, 0}, d = {2023, 0, 0};
    g_autofree char *s1 = dsr_text_format_date(&a, "fr");
    g_assert_cmpstr(s1, ==, "20 novembre 2025");
    g_autofree char *s2 = dsr_text_format_date(&b, "fr");
    g_assert_cmpstr(s2, ==, "1er novembre 2025");
    g_autofree char *s3 = dsr_text_format_date(&c, "en");
    g_assert_cmpstr(s3, ==, "April 2024");
    g_autofree char *s4 = dsr_text_format_date(&d, "fr");
    g_assert_cmpstr(s4, ==, "2023");
    g_autofree char *s5 = dsr_text_format_date(&a, "en");
    g_assert_cmpstr(s5, ==, "20 November 2025");
}

static void
assert_number(double v, int decimals, const char *lang, const char *expected)
{
    g_autofree char *s = dsr_text_format_number(v, decimals, lang);
    g_assert_cmpstr(s, ==, expected);
}

static void
test_format_number(void)
{
    assert_number(16.5, 1, "fr", "16,5");
    assert_number(16.5, 1, "en", "16.5");
    assert_number(16400, 0, "fr", "16\u202f400");
    assert_number(16400, 0, "en", "16,400");
    assert_number(1500, 0, "fr", "1500"); /* French groups from five digits */
    assert_number(1500, 0, "en", "1,500");
    assert_number(2.50, 2, "fr", "2,5");
    assert_number(3.0, 2, "en", "3");
    assert_number(-4.25, 2, "fr", "−4,25");
    assert_number(1234567.891, 1, "en", "1,234,567.9");
    assert_number(-0.0001, 2, "en", "0");
}

static void
test_typography(void)
{
    g_autofree char *a = dsr_text_typography("Pourquoi ? Voilà : « oui » à 16,5 %!", "fr");
    g_assert_cmpstr(a, ==, "Pourquoi\u202f? Voilà\u00a0: «\u202foui\u202f» à 16,5\u202f%\u202f!");
    g_autofree char *b = dsr_text_typography("See https://example.com: done?", "en");
    g_assert_cmpstr(b, ==, "See https://example.com: done?");
    g_autofree char *c = dsr_text_typography("Lien http://a.vn ici", "fr");
    g_assert_cmpstr(c, ==, "Lien http://a.vn ici");
}

/* Bidi overrides, isolates, zero-width spaces and C1 controls are dropped;
 * joiners stay. */
static void
test_clean_hostile_format(void)
{
    static const char in[] = "A\u202eB\u202c\u2066C\u2069\u200bD\u2060E\xc2\x9b"
                             "F\u200dG\xef\xbf\xbf\xef\xb7\x90";
    g_autoptr(GError) error = NULL;
    g_autofree char *out = dsr_text_clean(in, strlen(in), NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(out, ==, "ABCDEF\u200dG");
}

static void
assert_words(const char *pattern, const char *expected)
{
    g_auto(GStrv) words = dsr__word_filter_words(pattern);
    g_autofree char *got = words ? g_strjoinv(" ", words) : NULL;
    g_assert_cmpstr(got, ==, expected);
}

/* dsr_needles_find() answers as one strstr() per needle would: needles of
 * one, two and more bytes, at the start, the end and overlapping, UTF-8. */
static void
test_needles(void)
{
    const char *const needles[] = {"ministre", "min", "x", "ambassad", "\u212a", "é", NULL};
    g_autoptr(DsrNeedles) n = dsr_needles_new(needles);
    const char *hay[] = {"",
                         "mi",
                         "le premier ministre",
                         "mini",
                         "xylophone",
                         "box",
                         "ambassadeur",
                         "ambassa",
                         "ambassad",
                         "\u212aelvin",
                         "\u212b",
                         "café",
                         "cafe",
                         "m",
                         "amb mi ni",
                         "prime"};
    for (guint i = 0; i < G_N_ELEMENTS(hay); i++) {
        gboolean want = FALSE;
        for (guint k = 0; needles[k]; k++)
            want = want || strstr(hay[i], needles[k]) != NULL;
        g_assert_cmpint(dsr_needles_find(n, hay[i]), ==, want);
    }
    /* Random strings over a small alphabet, where matches are frequent. */
    const char *const small[] = {"ab", "ba", "aab", "c", "abcab", NULL};
    g_autoptr(DsrNeedles) m = dsr_needles_new(small);
    GRand *rand = g_rand_new_with_seed(7);
    for (int t = 0; t < 2000; t++) {
        char buf[12];
        int len = g_rand_int_range(rand, 0, (int)sizeof buf);
        for (int i = 0; i < len; i++)
            buf[i] = "abd"[g_rand_int_range(rand, 0, 3)];
        buf[len] = 0;
        gboolean want = FALSE;
        for (guint k = 0; small[k]; k++)
            want = want || strstr(buf, small[k]) != NULL;
        g_assert_cmpint(dsr_needles_find(m, buf), ==, want);
    }
    g_rand_free(rand);
    const char *const none[] = {NULL}, *const empty[] = {"", NULL};
    g_autoptr(DsrNeedles) z = dsr_needles_new(none);
    g_autoptr(DsrNeedles) e = dsr_needles_new(empty);
    g_assert_false(dsr_needles_find(z, "anything"));
    g_assert_true(dsr_needles_find(e, ""));
}

static void
test_word_filter_words(void)
{
    /* Optional letters end a word's sure part; \w* leaves a beginning. */
    assert_words("\\b(visites?|visits?|sign\\w*)\\b", "visite* visit* sign*");
    /* Of a sequence, its longest sure word; "l'" puts a word start after it. */
    assert_words("\\b(?:a|at) l'invitation d\\w*", "=invitation");
    assert_words("\\b(?:(?:depuis|since)\\b|de \\d)", "depuis* since* =de");
    assert_words("\\d+\\s+ans\\b", "ans*");
    /* After \\s* a word may be glued to what came before. */
    assert_words("\\b(?:en|in)\\s*(mai|may)\\b", "en* in*");
    /* An optional group takes nothing; the word after it has no sure start. */
    assert_words("\\b(?:tres )?grand", NULL);
    /* No \b before the word: it may sit inside a longer one. */
    assert_words("memorandum", NULL);
    /* One alternative without words: the pattern is always run. */
    assert_words("\\b(accord|\\d+)\\b", NULL);
    /* Options and caseless groups are refused. */
    assert_words("(?i)\\bforum\\b", NULL);
    assert_words("\\b(?i:forum)\\b", NULL);
    /* Lookarounds take nothing and leave the position as it was. */
    assert_words("\\b(?!le)(forums?)", "forum*");
    /* A word outside ASCII is cut where it leaves ASCII. */
    assert_words("\\b(séminaire|seminar)", "s* seminar*");
    assert_words("\\b(accord", NULL);
    assert_words("\\baccord)", NULL);
}

/* Whatever the subject, the filter never rejects what the pattern matches:
 * subjects made at random of the patterns' own words, their pieces and the
 * separators of real text. */
static void
test_word_filter_never_rejects_a_match(void)
{
    static const char *const patterns[] = {
        "\\b(visites?|visits?|s'est rendue?s? (?:a|au|en)|(?:arrived|arrives) in)\\b",
        "\\b(sign\\w*|paraphe\\w*|inked|echange de documents)\\b",
        "\\b(?:\\d+(?:e|eme)|premiere|first) (?:session (?:de la |du )?)?"
        "(?:commissions? mixtes?|joint commission)\\b",
        "\\b(?:a recu|ont recu|received)\\b[^.;]{0,20}?\\b(?:m|ministres?|delegations?)\\b",
        "^(?:(?:depuis|since|apres)\\b|de \\d)",
        "\\b(over the (?:past|last)|au cours des (?:\\w+ )?(?:dernieres|derniers))\\b",
        "\\b(forums?|sommets?|co-?chair\\w*|round ?tables?)\\b",
        "(*UCP)\\b(Forum|Sommet|Séminaire)\\b(?!$)",
    };
    static const char *const pieces[] = {
        "visite",     "visites",  "visit",     "s'est", "rendu",      "rendue",      "a",
        "au",         "en",       "arrived",   "in",    "sign",       "signe",       "signature",
        "paraphe",    "inked",    "echange",   "de",    "documents",  "18e",         "premiere",
        "first",      "session",  "la",        "du",    "commission", "commissions", "mixte",
        "mixtes",     "joint",    "recu",      "ont",   "received",   "m",           "ministre",
        "delegation", "depuis",   "since",     "apres", "1",          "over",        "the",
        "past",       "last",     "cours",     "des",   "dernieres",  "forum",       "forums",
        "sommet",     "co-chair", "cochaired", "round", "table",      "tables",      "roundtables",
        "Forum",      "Sommet",   "Séminaire", "é",     "x",          "_",           "ab",
    };
    static const char *const separators[] = {" ", " ", " ", "'", "-", ", ", ".", "", "é", "\u00a0"};
    g_autoptr(DsrWordFilter) filter = dsr_word_filter_new();
    const DsrFilteredRegex *rx[G_N_ELEMENTS(patterns)];
    for (guint i = 0; i < G_N_ELEMENTS(patterns); i++) {
        g_autoptr(GError) error = NULL;
        rx[i] = dsr_word_filter_compile(filter, patterns[i], G_REGEX_OPTIMIZE, &error);
        g_assert_no_error(error);
    }
    GRand *rand = g_rand_new_with_seed(20261203);
    guint matched = 0, skipped = 0;
    for (int n = 0; n < 40000; n++) {
        g_autoptr(GString) s = g_string_new(NULL);
        int words = g_rand_int_range(rand, 1, 8);
        for (int w = 0; w < words; w++) {
            if (w || g_rand_boolean(rand))
                g_string_append(s, separators[g_rand_int_range(rand, 0, G_N_ELEMENTS(separators))]);
            g_string_append(s, pieces[g_rand_int_range(rand, 0, G_N_ELEMENTS(pieces))]);
        }
        guint64 mask = dsr_word_filter_scan(filter, s->str);
        for (guint i = 0; i < G_N_ELEMENTS(patterns); i++) {
            /* The whole string and a part of it starting anywhere. */
            const char *part = s->str + g_rand_int_range(rand, 0, s->len + 1);
            while (((guchar)*part & 0xC0) == 0x80)
                part--;
            const char *subjects[] = {s->str, part};
            for (int k = 0; k < 2; k++) {
                gboolean truth = g_regex_match(rx[i]->regex, subjects[k], 0, NULL);
                g_autoptr(GMatchInfo) mi = NULL;
                gboolean got = dsr_filtered_match(rx[i], mask, s->str, subjects[k], &mi);
                if (truth != got)
                    g_error("/%s/ on \"%s\": %d, filtered %d", patterns[i], subjects[k], truth,
                            got);
                matched += truth;
                skipped += !(mask & rx[i]->bit);
            }
        }
    }
    g_rand_free(rand);
    /* Both sides exercised: matches found, and subjects the filter skipped. */
    g_assert_cmpuint(matched, >, 1000);
    g_assert_cmpuint(skipped, >, 1000);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/text/fold/basic", test_fold);
    g_test_add_func("/text/fold/ascii", test_fold_ascii);
    g_test_add_func("/text/clean/encodings", test_clean);
    g_test_add_func("/text/clean/long-nfd", test_clean_long_nfd);
    g_test_add_func("/text/squeeze", test_squeeze);
    g_test_add_func("/text/words", test_words);
    g_test_add_func("/text/sentences/abbreviations", test_sentences_abbreviations);
    g_test_add_func("/text/sentences/numbers", test_sentences_numbers);
    g_test_add_func("/text/sentences/glued", test_sentences_glued);
    g_test_add_func("/text/sentences/quotes", test_sentences_quotes);
    g_test_add_func("/text/sentences/ellipsis", test_sentences_ellipsis);
    g_test_add_func("/text/words/in-place", test_words_in_place);
    g_test_add_func("/text/guess-lang", test_guess_lang);
    g_test_add_func("/text/stem", test_stem);
    g_test_add_func("/text/clean-nfc-pieces", test_clean_nfc_pieces);
    g_test_add_func("/text/dates/parse-iso", test_dates_parse);
    g_test_add_func("/text/dates/iso-and-compare", test_dates_iso_compare);
    g_test_add_func("/text/dates/months", test_dates_months);
    g_test_add_func("/text/dates/format", test_dates_format);
    g_test_add_func("/text/format/number", test_format_number);
    g_test_add_func("/text/format/typography", test_typography);
    g_test_add_func("/text/clean/hostile-format", test_clean_hostile_format);
    g_test_add_func("/text/needles", test_needles);
    g_test_add_func("/text/word-filter/words", test_word_filter_words);
    g_test_add_func("/text/word-filter/never-rejects-a-match",
                    test_word_filter_never_rejects_a_match);
    return g_test_run();
}
