/* SPDX-License-Identifier: MIT
 * SCAFFOLD: replaced by the e-mail renderer's owner in this session; the CLI
 * refuses --format eml until then. */
#include "render-private.h"

gboolean
dsr_render_eml(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
               GError **error)
{
    (void)brief;
    (void)ctx;
    (void)out;
    g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "the e-mail renderer is not built");
    return FALSE;
}
