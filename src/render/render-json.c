/* SPDX-License-Identifier: MIT
 * brief.json: the Brief itself. The brief module owns both directions of
 * "dossier.brief/1", so the round trip is tested in one place; this renderer
 * only hands its text over. */
#include "render-private.h"
#include <string.h>

gboolean
dsr_render_json(const DsrBrief *brief, const DsrRenderContext *ctx G_GNUC_UNUSED, GByteArray *out,
                GError **error)
{
    g_return_val_if_fail(brief != NULL && out != NULL, FALSE);
    g_autofree char *json = dsr_brief_to_json(brief);
    if (!json) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER,
                    "%s: the brief could not be written as JSON",
                    brief->slug ? brief->slug : "brief");
        return FALSE;
    }
    g_byte_array_append(out, (const guint8 *)json, (guint)strlen(json));
    return TRUE;
}
