/* SPDX-License-Identifier: MIT
 * Summarization: the facts of many articles become one DsrBrief per
 * relationship (home × partner), plus the national-context brief for articles
 * with no partner. Extractive only: every sentence and figure in a brief is
 * quoted from a source it cites. */
#ifndef DOSSIER_SUMMARIZE_H
#define DOSSIER_SUMMARIZE_H

#include <glib.h>
#include <dossier/extract.h>
#include <dossier/brief.h>

G_BEGIN_DECLS

typedef struct {
    const char *lang;  /* labels' language, "fr" or "en" */
    const char *since; /* partial ISO dates bounding the article date, or NULL */
    const char *until;
    const char *generated;    /* "YYYY-MM-DD" of the run */
    const char *home_name;    /* "Vietnam" in @lang */
    const char *title_format; /* "{home} – {partner} : note de synthèse" (templates/labels) */
    const char *title_format_national; /* "{home} : contexte national" */
    /* Words the brief itself holds (chart titles, units) in @lang, looked up
     * by key in templates/labels-<lang>.json; the key when missing. */
    const char *(*label)(const char *key, gpointer data);
    gpointer label_data;
    /* Name in @lang ("fr", "en") of the theme that facts name @name (French,
     * data/themes.json), or NULL when unknown; run.c gives
     * dsr_extractor_theme_name(). The brief shows themes in opt->lang and
     * looks for each one's example in an article's own language. When the
     * callback is NULL or returns NULL, the facts' name is used. */
    const char *(*theme_name)(const char *name, const char *lang, gpointer data);
    gpointer theme_name_data;
    /* Limits of one brief; 0 means the default (DSR_DEFAULT_MAX_*). A
     * relationship with more articles is built from its most recent
     * max_articles; the figure, event and actor sections keep their most
     * important rows. Each cut is counted in the brief's "omitted" counts. */
    guint max_articles;
    guint max_figures;
    guint max_events;
    guint max_actors;
    /* TRUE when every facts given was passed through dsr_summarize_prepare():
     * the check of which sentences can be quoted is then not made again for
     * each relationship and section. */
    gboolean prepared;
} DsrSummarizeOptions;

#define DSR_DEFAULT_MAX_ARTICLES 2000
#define DSR_DEFAULT_MAX_FIGURES 60
#define DSR_DEFAULT_MAX_EVENTS 40
#define DSR_DEFAULT_MAX_ACTORS 40

/* Drops from @facts what no brief can use: the sentences that cannot be
 * quoted alone (fragments, captions, questions, sentences opening on a
 * pronoun…), which are most of an article's text. The briefs made from
 * prepared facts are the same; they take less memory and less time (set
 * DsrSummarizeOptions.prepared). Call it once per facts, from any thread, on
 * facts no other thread reads; `dossier build` does, right after extraction.
 * Not for facts written out by `dossier extract` or `inspect`. */
void dsr_summarize_prepare(DsrFacts *facts);

/* Each thread that summarizes keeps its stemmers, and the stems they gave,
 * from one relationship to the next; a pool's threads free them when they
 * end. This frees the calling thread's now (a program's main thread, which
 * does not end before the checks of a leak detector). */
void dsr_summarize_thread_cleanup(void);

/* The relationships found in @facts (DsrFacts *): partner codes in a stable
 * order (most articles first, then code), with "" for the national-context
 * group when some article has no partner. GPtrArray of new strings. */
GPtrArray *dsr_summarize_partners(GPtrArray *facts);

/* TRUE when @f belongs to @partner's relationship ("" or NULL: the national
 * context) and its date is within the options' period. */
gboolean dsr_summarize_selects(const DsrFacts *f, const char *partner,
                               const DsrSummarizeOptions *opt);

/* The articles of @facts (DsrFacts *) that @partner's brief is built from:
 * those dsr_summarize_selects() takes, cut to the options' max_articles, the
 * most recent kept. A new array of borrowed pointers, in no promised order;
 * *@omitted (may be NULL) receives how many selected articles the cut left
 * out. dsr_summarize_relation() makes the same choice itself: this is for a
 * caller that keeps facts packed and unpacks only what a brief needs. */
GPtrArray *dsr_summarize_select(GPtrArray *facts, const char *partner,
                                const DsrSummarizeOptions *opt, guint *omitted);

/* Builds the brief of one relationship from every selected article of @facts.
 * @partner_name is the partner's display name in opt->lang (NULL for national).
 * NULL with @error set when no article is selected (DSR_ERROR_INPUT). */
DsrBrief *dsr_summarize_relation(GPtrArray *facts, const char *home, const char *partner,
                                 const char *partner_name, const DsrSummarizeOptions *opt,
                                 GError **error);

G_END_DECLS

#endif
