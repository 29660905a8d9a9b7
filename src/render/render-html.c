/* SPDX-License-Identifier: MIT
 * SCAFFOLD: replaced by the HTML renderer's owner. */
#include "render-private.h"
#include <string.h>
gboolean dsr_render_html(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out, GError **error) { (void)brief; (void)ctx; (void)out; g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "html renderer not built yet"); return FALSE; }
gboolean dsr_render_json(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out, GError **error) { (void)ctx; (void)error; char *s = dsr_brief_to_json(brief); g_byte_array_append(out, (const guint8 *)s, (guint)strlen(s)); g_free(s); return TRUE; }
gboolean dsr_render_index(const DsrIndexEntry *entries, guint n, const char *lang, const DsrRenderContext *ctx, GByteArray *out, GError **error) { (void)entries; (void)n; (void)lang; (void)ctx; (void)out; g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "index renderer not built yet"); return FALSE; }
