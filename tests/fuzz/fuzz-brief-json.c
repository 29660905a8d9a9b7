/* SPDX-License-Identifier: MIT
 * The brief reader: a document it accepts must be written back by
 * dsr_brief_to_json() as a document it accepts again, to the same bytes (the
 * schema is lossless); and the HTML of any accepted brief must be safe,
 * whatever its strings and URLs say. */
#include "fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(DsrBrief) brief = dsr_brief_from_json((const char *)data, size, &err);
    if (!brief) {
        if (!err || err->domain != DSR_ERROR || err->code != DSR_ERROR_BRIEF) {
            fprintf(stderr, "fuzz: brief refused without DSR_ERROR_BRIEF\n");
            abort();
        }
        return 0;
    }
    g_autofree char *once = dsr_brief_to_json(brief);
    g_autoptr(DsrBrief) again = dsr_brief_from_json(once, strlen(once), &err);
    if (!again) {
        fprintf(stderr, "fuzz: written brief not readable: %s\n%.2000s\n", err->message, once);
        abort();
    }
    g_autofree char *twice = dsr_brief_to_json(again);
    if (strcmp(once, twice) != 0) {
        fprintf(stderr, "fuzz: brief JSON not stable:\n%.2000s\n---\n%.2000s\n", once, twice);
        abort();
    }
    g_autoptr(GByteArray) html = g_byte_array_new();
    if (dsr_render_html(brief, dsr_fuzz_render_context(), html, &err))
        dsr_fuzz_check_html(html->data, html->len, "brief HTML");
    else
        g_clear_error(&err);
    return 0;
}
