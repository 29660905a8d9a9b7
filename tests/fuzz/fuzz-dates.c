/* SPDX-License-Identifier: MIT
 * Dates: dsr_date_parse_iso() on the raw bytes (a valid date must come back
 * identical through dsr_date_to_iso(), format for people in both languages
 * and compare equal to itself), dsr_text_month_number() on each word, and the
 * text ingester's date logic on a short article whose lead line is the input
 * (date markers, datelines, bylines, "Source :" URLs with dates in them). */
#include "fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static G_NORETURN void
fail(const char *what, const char *s)
{
    fprintf(stderr, "fuzz: %s: %.200s\n", what, s);
    abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 2048)
        return 0;
    g_autofree char *s = g_strndup((const char *)data, size);
    DsrDate d = {-1, -1, -1};
    if (dsr_date_parse_iso(s, &d)) {
        if (d.year < 1900 || d.year > 2199 || d.month < 0 || d.month > 12 || d.day < 0 ||
            d.day > 31 || (d.day && !d.month) ||
            (d.day && !g_date_valid_dmy((GDateDay)d.day, (GDateMonth)d.month, (GDateYear)d.year)))
            fail("parsed date out of range", s);
        g_autofree char *iso = dsr_date_to_iso(&d);
        DsrDate back;
        if (!iso || !dsr_date_parse_iso(iso, &back) || dsr_date_compare(&d, &back) != 0)
            fail("date does not round-trip", s);
        g_autofree char *fr = dsr_text_format_date(&d, "fr");
        g_autofree char *en = dsr_text_format_date(&d, "en");
        if (!*fr || !*en || !g_utf8_validate(fr, -1, NULL))
            fail("date not formatted", s);
    }
    g_autofree char *valid = g_utf8_make_valid(s, -1);
    g_auto(GStrv) words = g_strsplit_set(valid, " \t\n/.-,", 64);
    for (char **w = words; *w; w++) {
        g_autofree char *folded = dsr_text_fold(*w);
        int m = dsr_text_month_number(folded);
        if (m < 0 || m > 12)
            fail("month out of range", *w);
    }

    g_autofree char *article = g_strdup_printf(
        "Un titre assez long pour un article de test\n\n%s\n\nHanoï (VNA) – Le Vietnam et la "
        "Russie ont signé plusieurs accords de coopération économique cette semaine, selon le "
        "ministère.\n\nLes deux pays veulent porter leurs échanges à dix milliards de dollars.\n",
        valid);
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) articles =
        dsr_ingest_bytes(article, strlen(article), "dated.txt", NULL, &err);
    for (guint i = 0; articles && i < articles->len; i++) {
        const DsrArticle *a = g_ptr_array_index(articles, i);
        DsrDate ad;
        if (a->date && !dsr_date_parse_iso(a->date, &ad))
            fail("article date not ISO", a->date);
    }
    return 0;
}
