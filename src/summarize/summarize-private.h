/* SPDX-License-Identifier: MIT
 * Shared by the files of the summarize module: the selected articles of one
 * relationship with their source numbers, and the content stems that every
 * comparison of sentences and subjects is made on. */
#ifndef DOSSIER_SUMMARIZE_PRIVATE_H
#define DOSSIER_SUMMARIZE_PRIVATE_H

#include <dossier/summarize.h>
#include <dossier/text.h>

typedef struct {
    const DsrFacts *facts; /* borrowed */
    int source;            /* 1-based source number in the brief */
} DsrSelected;

typedef struct {
    DsrBrief *brief;
    GArray *selected; /* DsrSelected, in source order */
    const char *home;
    const char *partner; /* NULL for the national context */
    const DsrSummarizeOptions *opt;
    DsrStemmer *stem_fr, *stem_en; /* the thread's: a stemmer is not thread-safe */
    GHashTable *sentence_stems;    /* const DsrSentence * -> its stems, made on first use */
} DsrRelation;

/* The set of content stems of @text in @lang: words of three letters or
 * more that are not stop words nor numbers, stemmed. A new GHashTable of
 * strings (a set); the strings are the relationship's stemmers' and live
 * as long as the relationship's summary. */
GHashTable *dsr__stems(DsrRelation *rel, const char *text, const char *lang);
/* dsr__stems() of a body sentence of an article in @lang, made once per
 * relationship (the key points and each theme's example look at the same
 * sentences). Borrowed: valid while @rel lives. */
GHashTable *dsr__sentence_stems(DsrRelation *rel, const DsrSentence *sentence, const char *lang);
/* dsr__key_point_candidate(), or TRUE at once when the facts were prepared
 * (dsr_summarize_prepare() kept only candidates). */
gboolean dsr__quotable(const DsrRelation *rel, const DsrSentence *sentence);
/* |a ∩ b| / |a ∪ b|; 0 when both are empty. */
double dsr__jaccard(GHashTable *a, GHashTable *b);
/* A label of the brief's language (templates/labels-<lang>.json), the key when missing. */
const char *dsr__label(const DsrRelation *rel, const char *key);

/* TRUE when @sentence may be quoted alone: a body sentence of a readable
 * length that is no caption, related link, dateline or sign-off, is not a
 * question or a lead-in, and does not open on a pronoun or an anaphora whose
 * referent is in the sentence before. */
gboolean dsr__key_point_candidate(const char *sentence);

/* Key points: an extractive choice of sentences across the selected articles. */
void dsr__summarize_key_points(DsrRelation *rel);
/* Key figures merged across sources, and the charts chosen from them. */
void dsr__summarize_figures(DsrRelation *rel);
/* Themes, events and actors, deduplicated. */
void dsr__summarize_context(DsrRelation *rel);
/* The events timeline chart, when three or more events are dated (after the context). */
void dsr__summarize_timeline(DsrRelation *rel);

#endif
