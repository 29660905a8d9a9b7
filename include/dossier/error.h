/* SPDX-License-Identifier: MIT
 * The one error domain of libdossier. Every function that can fail takes a
 * GError ** last and returns FALSE/NULL exactly when it sets it. */
#ifndef DOSSIER_ERROR_H
#define DOSSIER_ERROR_H

#include <glib.h>

G_BEGIN_DECLS

#define DSR_ERROR (dsr_error_quark())
GQuark dsr_error_quark(void);

typedef enum {
    DSR_ERROR_INPUT,    /* this input cannot be used: skip it and record it in run.json */
    DSR_ERROR_BRIEF,    /* a brief.json does not match dossier.brief/1 */
    DSR_ERROR_RESOURCE, /* templates/, data/ or fonts/ missing or broken: the run fails */
    DSR_ERROR_RENDER,   /* Cairo, Pango or libxml2 failed while producing an output */
    DSR_ERROR_OUTPUT,   /* the output folder cannot be written: the run fails */
    DSR_ERROR_USAGE,    /* options that do not make sense together (exit 2) */
} DsrError;

G_END_DECLS

#endif
