/* SPDX-License-Identifier: MIT
 * The vocabulary shared by extracted facts and briefs: kinds of figures,
 * qualifiers, kinds of events, with their names in the JSON contracts.
 * It sits apart so that renderers can read a Brief without extract.h. */
#ifndef DOSSIER_TYPES_H
#define DOSSIER_TYPES_H

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
    DSR_FIGURE_PERCENT,
    DSR_FIGURE_MONEY,
    DSR_FIGURE_COUNT,
    DSR_FIGURE_OTHER,
} DsrFigureKind;

typedef enum {
    DSR_QUALIFIER_NONE,
    DSR_QUALIFIER_APPROX,    /* environ, près de, about */
    DSR_QUALIFIER_MORE_THAN, /* plus de, over */
    DSR_QUALIFIER_LESS_THAN, /* moins de, under */
    DSR_QUALIFIER_AT_LEAST,  /* au moins; lower end of a range */
    DSR_QUALIFIER_AT_MOST,   /* jusqu'à; upper end of a range */
} DsrQualifier;

typedef enum {
    DSR_EVENT_AGREEMENT,
    DSR_EVENT_FORUM,
    DSR_EVENT_MEETING,
    DSR_EVENT_VISIT,
    DSR_EVENT_OTHER,
} DsrEventType;

/* Contract names ("percent", "more_than", "agreement"); qualifier NONE is NULL. */
const char *dsr_figure_kind_name(DsrFigureKind kind);
const char *dsr_qualifier_name(DsrQualifier q);
const char *dsr_event_type_name(DsrEventType type);

/* Reverse lookups; FALSE when @name is not a contract name (NULL is the NONE qualifier). */
gboolean dsr_figure_kind_from_name(const char *name, DsrFigureKind *out);
gboolean dsr_qualifier_from_name(const char *name, DsrQualifier *out);
gboolean dsr_event_type_from_name(const char *name, DsrEventType *out);

G_END_DECLS

#endif
