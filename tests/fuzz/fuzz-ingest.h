/* SPDX-License-Identifier: MIT
 * The ingestion harnesses' shared body: ingest, then check what an article
 * promises (DsrArticle in ingest.h) to every later stage. */
#ifndef DSR_FUZZ_INGEST_H
#define DSR_FUZZ_INGEST_H

#include "fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void
dsr_fuzz_check_string(const char *s, const char *field)
{
    if (s && !g_utf8_validate(s, -1, NULL)) {
        fprintf(stderr, "fuzz: article %s is not UTF-8\n", field);
        abort();
    }
}

static inline void
dsr_fuzz_check_article(const DsrArticle *a)
{
    if (!a->id || strlen(a->id) != 16 || !a->file || !a->lang || !a->format || !a->paragraphs ||
        a->paragraphs->len == 0) {
        fprintf(stderr, "fuzz: article misses a required field\n");
        abort();
    }
    dsr_fuzz_check_string(a->title, "title");
    dsr_fuzz_check_string(a->outlet, "outlet");
    dsr_fuzz_check_string(a->place, "place");
    dsr_fuzz_check_string(a->url, "url");
    if (a->url && !g_str_has_prefix(a->url, "http://") && !g_str_has_prefix(a->url, "https://")) {
        fprintf(stderr, "fuzz: article url not http(s): %.200s\n", a->url);
        abort();
    }
    DsrDate d;
    if (a->date && !dsr_date_parse_iso(a->date, &d)) {
        fprintf(stderr, "fuzz: article date not ISO: %.100s\n", a->date);
        abort();
    }
    for (guint i = 0; i < a->paragraphs->len; i++) {
        const char *p = g_ptr_array_index(a->paragraphs, i);
        dsr_fuzz_check_string(p, "paragraph");
        if (!*p) {
            fprintf(stderr, "fuzz: empty paragraph %u\n", i);
            abort();
        }
    }
}

static inline void
dsr_fuzz_ingest(const uint8_t *data, size_t size, const char *name)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) articles = dsr_ingest_bytes((const char *)data, size, name, NULL, &err);
    if (!articles) {
        if (!err || err->domain != DSR_ERROR || err->code != DSR_ERROR_INPUT) {
            fprintf(stderr, "fuzz: ingest failed without DSR_ERROR_INPUT\n");
            abort();
        }
        return;
    }
    if (err || articles->len == 0) {
        fprintf(stderr, "fuzz: ingest returned articles and an error, or none\n");
        abort();
    }
    for (guint i = 0; i < articles->len; i++)
        dsr_fuzz_check_article(g_ptr_array_index(articles, i));
}

#endif
