/* SPDX-License-Identifier: MIT
 * Shared by the files of the summarize module: the selected articles of one
 * relationship with their source numbers. */
#ifndef DOSSIER_SUMMARIZE_PRIVATE_H
#define DOSSIER_SUMMARIZE_PRIVATE_H

#include <dossier/summarize.h>

typedef struct {
    const DsrFacts *facts; /* borrowed */
    int source;            /* 1-based source number in the brief */
} DsrSelected;

typedef struct {
    DsrBrief *brief;
    GArray *selected;      /* DsrSelected, in source order */
    const char *home;
    const char *partner;   /* NULL for the national context */
    const DsrSummarizeOptions *opt;
} DsrRelation;

/* Key points: an extractive choice of sentences across the selected articles. */
void dsr__summarize_key_points(DsrRelation *rel);
/* Key figures merged across sources, and the charts chosen from them. */
void dsr__summarize_figures(DsrRelation *rel);
/* Themes, events and actors, deduplicated. */
void dsr__summarize_context(DsrRelation *rel);
/* The events timeline chart, when three or more events are dated (after the context). */
void dsr__summarize_timeline(DsrRelation *rel);

#endif
