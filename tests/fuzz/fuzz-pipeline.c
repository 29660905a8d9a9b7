/* SPDX-License-Identifier: MIT
 * One input through the whole pipeline, in memory: dsr_ingest_bytes() (as a
 * page when it looks like markup, as JSON when it starts like JSON, else as
 * text), dsr_extract(), dsr_summarize_relation() for every relationship
 * found, every renderer of the table and the index. HTML and e-mail must hold
 * no active content, the PDF no action but links. */
#include "fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *
label(const char *key, gpointer data)
{
    return dsr_render_label(dsr_fuzz_render_context(), data, key);
}

static const char *
name_for(const uint8_t *data, size_t size)
{
    size_t i = 0;
    while (i < size && g_ascii_isspace(data[i]))
        i++;
    if (i < size && data[i] == '<')
        return "input.html";
    if (i < size && (data[i] == '{' || data[i] == '['))
        return "input.json";
    return "input.txt";
}

static void
render_all(const DsrBrief *brief)
{
    guint n = 0;
    const DsrRenderer *table = dsr_renderers(&n);
    for (guint r = 0; r < n; r++) {
        g_autoptr(GError) err = NULL;
        g_autoptr(GByteArray) out = g_byte_array_new();
        if (!table[r].render(brief, dsr_fuzz_render_context(), out, &err)) {
            fprintf(stderr, "fuzz: renderer %s failed: %s\n", table[r].name, err->message);
            abort();
        }
        if (strcmp(table[r].name, "html") == 0)
            dsr_fuzz_check_html(out->data, out->len, "brief HTML");
        else if (strcmp(table[r].name, "pdf") == 0)
            dsr_fuzz_check_pdf(out->data, out->len);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Larger inputs find nothing smaller ones do not, and PDF rendering of a
     * long brief takes a second: keep executions fast. */
    if (size > 64 * 1024)
        return 0;
    const char *lang = "fr";
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) articles =
        dsr_ingest_bytes((const char *)data, size, name_for(data, size), NULL, &err);
    if (!articles)
        return 0;
    g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_facts_free);
    for (guint i = 0; i < articles->len; i++)
        g_ptr_array_add(facts, dsr_extract(dsr_fuzz_extractor(), g_ptr_array_index(articles, i)));

    const DsrExtractor *ex = dsr_fuzz_extractor();
    const DsrRenderContext *ctx = dsr_fuzz_render_context();
    DsrSummarizeOptions sopt = {0};
    sopt.lang = lang;
    sopt.generated = "2023-11-14";
    sopt.home_name = dsr_extractor_partner_name(ex, "VN", lang);
    sopt.title_format = dsr_render_label(ctx, lang, "brief-title");
    sopt.title_format_national = dsr_render_label(ctx, lang, "brief-title-national");
    sopt.label = label;
    sopt.label_data = (gpointer)lang;

    g_autoptr(GPtrArray) partners = dsr_summarize_partners(facts);
    g_autoptr(GPtrArray) briefs = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_brief_free);
    for (guint i = 0; i < partners->len; i++) {
        const char *code = g_ptr_array_index(partners, i);
        const char *partner = *code ? code : NULL;
        const char *pname = partner ? dsr_extractor_partner_name(ex, partner, lang) : NULL;
        DsrBrief *brief = dsr_summarize_relation(facts, "VN", partner, pname, &sopt, &err);
        if (!brief) {
            fprintf(stderr, "fuzz: no brief for a partner found: %s\n", err->message);
            abort();
        }
        render_all(brief);
        g_ptr_array_add(briefs, brief);
    }
    if (briefs->len) {
        g_autofree DsrIndexEntry *entries = g_new0(DsrIndexEntry, briefs->len);
        for (guint i = 0; i < briefs->len; i++) {
            entries[i].brief = g_ptr_array_index(briefs, i);
            entries[i].html = "brief.html";
            entries[i].pdf = "brief.pdf";
        }
        g_autoptr(GByteArray) index = g_byte_array_new();
        if (!dsr_render_index(entries, briefs->len, lang, ctx, index, &err)) {
            fprintf(stderr, "fuzz: index failed: %s\n", err->message);
            abort();
        }
        dsr_fuzz_check_html(index->data, index->len, "index HTML");
    }
    return 0;
}
