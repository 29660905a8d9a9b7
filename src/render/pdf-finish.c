/* SPDX-License-Identifier: MIT
 * The last step of a PDF: cairo 1.16 writes every object of the structure
 * tree uncompressed, no /ID and no document language. libqpdf rewrites the
 * file in memory with object streams (the tree compressed with the rest), a
 * deterministic /ID (a hash of the content, so the same brief keeps the same
 * bytes) and /Lang on the catalog, which screen readers use to pick a voice. */
#include "render-private.h"
#include <qpdf/qpdf-c.h>

/* The message of the error libqpdf holds, as a DSR_ERROR_RENDER. */
static gboolean
qpdf_failed(qpdf_data q, const char *what, GError **error)
{
    if (!qpdf_has_error(q))
        return FALSE;
    qpdf_error e = qpdf_get_error(q);
    const char *text = e ? qpdf_get_error_full_text(q, e) : NULL;
    g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "pdf: %s: %s", what,
                text ? text : "unknown qpdf error");
    return TRUE;
}

gboolean
dsr__pdf_finish(const guint8 *pdf, gsize len, const char *lang, GByteArray *out, GError **error)
{
    g_return_val_if_fail(pdf != NULL && out != NULL, FALSE);
    qpdf_data q = qpdf_init();
    /* Library code never prints: errors come back through qpdf_get_error. */
    qpdf_silence_errors(q);
    qpdf_set_suppress_warnings(q, QPDF_TRUE);
    gboolean ok = FALSE;
    qpdf_read_memory(q, "brief.pdf", (const char *)pdf, (unsigned long long)len, NULL);
    if (qpdf_failed(q, "cannot read cairo's output", error))
        goto done;
    if (lang && *lang) {
        qpdf_oh root = qpdf_get_root(q);
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, lang));
        if (qpdf_failed(q, "cannot set the document language", error))
            goto done;
    }
    qpdf_init_write_memory(q);
    if (qpdf_failed(q, "cannot start writing", error))
        goto done;
    qpdf_set_object_stream_mode(q, qpdf_o_generate);
    qpdf_set_compress_streams(q, QPDF_TRUE);
    /* Without it qpdf would draw a random /ID, and two runs would differ. */
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    qpdf_write(q);
    if (qpdf_failed(q, "cannot write the document", error))
        goto done;
    const unsigned char *bytes = qpdf_get_buffer(q);
    const size_t n = qpdf_get_buffer_length(q);
    if (!bytes || n == 0) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RENDER, "pdf: qpdf wrote an empty document");
        goto done;
    }
    g_byte_array_append(out, bytes, (guint)n);
    ok = TRUE;
done:
    qpdf_cleanup(&q);
    return ok;
}
