/* SPDX-License-Identifier: MIT
 * Names of the shared vocabulary in the JSON contracts (inspect, brief). */
#include <dossier/types.h>
#include <string.h>

static const char *const kind_names[] = { "percent", "money", "count", "other" };
static const char *const qualifier_names[] = { NULL,       "approx",   "more_than",
                                               "less_than", "at_least", "at_most" };
static const char *const event_names[] = { "agreement", "forum", "meeting", "visit", "other" };

const char *
dsr_figure_kind_name(DsrFigureKind kind)
{
    return (guint)kind < G_N_ELEMENTS(kind_names) ? kind_names[kind] : "other";
}

const char *
dsr_qualifier_name(DsrQualifier q)
{
    return (guint)q < G_N_ELEMENTS(qualifier_names) ? qualifier_names[q] : NULL;
}

const char *
dsr_event_type_name(DsrEventType type)
{
    return (guint)type < G_N_ELEMENTS(event_names) ? event_names[type] : "other";
}

static gboolean
lookup(const char *const *names, guint n, const char *name, int *out)
{
    for (guint i = 0; i < n; i++) {
        if (names[i] && name && strcmp(names[i], name) == 0) {
            *out = (int)i;
            return TRUE;
        }
    }
    return FALSE;
}

gboolean
dsr_figure_kind_from_name(const char *name, DsrFigureKind *out)
{
    int i;
    if (!lookup(kind_names, G_N_ELEMENTS(kind_names), name, &i))
        return FALSE;
    *out = (DsrFigureKind)i;
    return TRUE;
}

gboolean
dsr_qualifier_from_name(const char *name, DsrQualifier *out)
{
    int i;
    if (name == NULL) {
        *out = DSR_QUALIFIER_NONE;
        return TRUE;
    }
    if (!lookup(qualifier_names, G_N_ELEMENTS(qualifier_names), name, &i))
        return FALSE;
    *out = (DsrQualifier)i;
    return TRUE;
}

gboolean
dsr_event_type_from_name(const char *name, DsrEventType *out)
{
    int i;
    if (!lookup(event_names, G_N_ELEMENTS(event_names), name, &i))
        return FALSE;
    *out = (DsrEventType)i;
    return TRUE;
}
