/* SPDX-License-Identifier: MIT
 * One input through the whole pipeline, in memory: dsr_ingest_bytes() (as a
 * page when it looks like markup, as JSON when it starts like JSON, else as
 * text), dsr_extract(), dsr_summarize_relation() for every relationship
 * found, every renderer of the table and the index. HTML and e-mail must hold
 * no active content, the PDF no action but links.
 * Speed: before the first input, one article in each language goes through the
 * whole pipeline, so the fonts, shaping and glyph caches that live as long as
 * the process are filled. Otherwise nearly every run ends with more mallocs
 * than frees, and libFuzzer runs the input a second time and scans the heap
 * for leaks after each one (half the time of a run, measured). */
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
    /* As a build does: a format that holds another's document (the e-mail,
     * the PDF) is given the bytes that format's renderer made. */
    g_autoptr(GHashTable) made =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_byte_array_unref);
    for (guint pass = 0; pass < 2; pass++) {
        for (guint r = 0; r < n; r++) {
            if ((table[r].uses != NULL) != (pass == 1))
                continue;
            g_autoptr(GError) err = NULL;
            g_autoptr(GByteArray) out = g_byte_array_new();
            const GByteArray *input =
                table[r].uses ? g_hash_table_lookup(made, table[r].uses) : NULL;
            gboolean ok = input ? table[r].render_using(brief, dsr_fuzz_render_context(),
                                                        input->data, input->len, out, &err)
                                : table[r].render(brief, dsr_fuzz_render_context(), out, &err);
            if (!ok) {
                fprintf(stderr, "fuzz: renderer %s failed: %s\n", table[r].name, err->message);
                abort();
            }
            if (strcmp(table[r].name, "html") == 0)
                dsr_fuzz_check_html(out->data, out->len, "brief HTML");
            else if (strcmp(table[r].name, "pdf") == 0)
                dsr_fuzz_check_pdf(out->data, out->len);
            g_hash_table_insert(made, (gpointer)table[r].name, g_byte_array_ref(out));
        }
    }
}

static void
run_pipeline(const uint8_t *data, size_t size)
{
    const char *lang = "fr";
    g_autoptr(GError) err = NULL;
    g_autoptr(GPtrArray) articles =
        dsr_ingest_bytes((const char *)data, size, name_for(data, size), NULL, &err);
    if (!articles)
        return;
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
}

/* Written for the warm-up (no corpus text): a partner, figures of each kind
 * (so the charts are drawn), an event, an actor and a source line. */
static const char warm_fr[] =
    "Le Vietnam et le Japon signent un accord sur les semi-conducteurs\n\n"
    "Hanoï, 12 mars 2025 (VNA) – Le vice-ministre vietnamien de l'Industrie, Nguyen Van An, "
    "et son homologue japonais ont signé un accord de coopération à Tokyo.\n\n"
    "Les échanges entre les deux pays ont atteint 46,2 milliards de dollars en 2024, soit une "
    "hausse de 7,5% par rapport à 2023, et plus de 5 000 projets japonais sont en cours.\n\n"
    "En 2023, ils s'élevaient à 43 milliards de dollars, contre 40 milliards en 2022.\n\n"
    "Source : https://example.vn/2025/03/12/accord.html\n";
static const char warm_en[] =
    "<html lang=\"en\"><head><title>Vietnam and Korea widen trade ties</title></head><body>"
    "<article><h1>Vietnam and Korea widen trade ties</h1>"
    "<p>Hanoi, March 3, 2025 – Vietnam and the Republic of Korea agreed on Monday to raise "
    "two-way trade to 150 billion USD by 2030, Deputy Minister Tran Thi Binh said in Seoul.</p>"
    "<p>Trade reached 86.4 billion USD in 2024, up 12% from 2023, with about 10 000 Korean "
    "companies investing in the country.</p></article></body></html>";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static gboolean warm;
    if (!warm) {
        warm = TRUE;
        run_pipeline((const uint8_t *)warm_fr, strlen(warm_fr));
        run_pipeline((const uint8_t *)warm_en, strlen(warm_en));
    }
    /* Real articles are under 12 KB (the README's -max_len); a long brief's
     * PDF takes a second to lay out, and larger inputs reach no code that
     * smaller ones do not. */
    if (size > 64 * 1024)
        return 0;
    run_pipeline(data, size);
    return 0;
}
