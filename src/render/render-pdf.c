/* SPDX-License-Identifier: MIT
 * SCAFFOLD: replaced by the PDF renderer's owner. */
#include "render-private.h"
gboolean dsr_render_pdf(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out, GError **error) { (void)brief; (void)ctx; (void)out; g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "pdf renderer not built yet"); return FALSE; }
