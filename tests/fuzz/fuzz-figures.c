/* SPDX-License-Identifier: MIT
 * The figure parser through dsr_extract_figures(): the first byte picks the
 * language, the rest is one sentence (made valid UTF-8 first, as ingestion
 * guarantees). Every figure must carry a finite value and scale and a quote
 * taken from the sentence. */
#include "fuzz.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return 0;
    const char *lang = data[0] & 1 ? "en" : "fr";
    g_autofree char *sentence = g_utf8_make_valid((const char *)data + 1, (gssize)size - 1);
    /* Embedded NULs end the sentence, as C strings do everywhere downstream. */
    g_autoptr(GPtrArray) figures = dsr_extract_figures(dsr_fuzz_extractor(), sentence, lang);
    for (guint i = 0; figures && i < figures->len; i++) {
        const DsrFigure *f = g_ptr_array_index(figures, i);
        if (!f->quote || !g_utf8_validate(f->quote, -1, NULL) || !isfinite(f->value) ||
            !isfinite(f->scale)) {
            fprintf(stderr, "fuzz: figure %u invalid (quote %s, value %g, scale %g)\n", i,
                    f->quote ? f->quote : "(null)", f->value, f->scale);
            abort();
        }
        if (f->equivalent_of >= (int)figures->len || f->equivalent_of < -1) {
            fprintf(stderr, "fuzz: figure %u restates figure %d of %u\n", i, f->equivalent_of,
                    figures->len);
            abort();
        }
    }
    return 0;
}
