/* SPDX-License-Identifier: MIT
 * The Brief: the one hand-off between analysis and rendering. A plain model of
 * one relationship's brief, with every section a renderer shows, each row
 * carrying the numbers of its sources. Strings live in the brief's
 * GStringChunk; rows are plain structs in GArrays. brief-json.c reads and
 * writes it as "dossier.brief/1", losslessly. */
#ifndef DOSSIER_BRIEF_H
#define DOSSIER_BRIEF_H

#include <glib.h>
#include <dossier/types.h>

G_BEGIN_DECLS

#define DSR_BRIEF_SCHEMA "dossier.brief/1"

/* Citation numbers (1-based numbers of the brief's sources), ascending. */
typedef GArray DsrCites; /* of int */

typedef struct {
    const char *text; /* a sentence exactly as written in the source */
    DsrCites *cites;
} DsrKeyPoint;

/* A restatement the source itself gives in brackets ("(environ 200 milliards
 * d'USD)"): kept with its main figure rather than as a row of its own. */
typedef struct {
    const char *quote; /* as written; NULL when the figure has no equivalent */
    double value, scale;
    DsrFigureKind kind;
    const char *currency, *unit; /* or NULL */
    DsrQualifier qualifier;
} DsrFigureEquivalent;

/* Another wording of a merged figure ("30 milliards de dollars" beside
 * "30 Md USD"), with the sources that wrote it that way. */
typedef struct {
    const char *quote;
    DsrCites *cites;
} DsrFigureVariant;

typedef struct {
    const char *quote;
    double value, scale;
    DsrFigureKind kind;
    const char *currency, *unit; /* or NULL */
    DsrQualifier qualifier;
    int year;                                /* 0 if none */
    const char *subject, *entity, *sentence; /* or NULL */
    DsrCites *cites;
    const char *discrepancy; /* NULL, or what disagrees: "autre source : 31 milliards d'USD [2]" */
    int group; /* rows sharing a group id > 0 are the same quantity with different values */
    /* Added after the first release of the schema; both may be empty. */
    DsrFigureEquivalent equivalent; /* equivalent.quote NULL when none */
    GArray *variants; /* DsrFigureVariant: wordings other than @quote, each with the sources
                       * that used it (sources not listed wrote @quote); NULL or empty when none */
} DsrBriefFigure;

/* GROUPED: bars in groups (@label, "2023"), one bar per series (@series,
 * "exportations") in each, with a legend; added after the first release of
 * the schema ("grouped" in JSON). */
typedef enum { DSR_CHART_BAR, DSR_CHART_LINE, DSR_CHART_TIMELINE, DSR_CHART_GROUPED } DsrChartType;

typedef struct {
    const char *label;
    double value;    /* for a timeline: days since 1970-01-01 */
    gboolean approx; /* environ, près de… */
    DsrCites *cites;
    const char *series; /* GROUPED: the point's series, never NULL there; NULL for other types */
} DsrChartPoint;

typedef struct {
    DsrChartType type;
    const char *title, *unit, *note; /* note may be NULL */
    GArray *points;                  /* DsrChartPoint */
} DsrChartSpec;

typedef struct {
    const char *name;
    int count;
    const char *example; /* a quoted sentence, or NULL */
    DsrCites *cites;
} DsrBriefTheme;

typedef struct {
    DsrEventType type;
    const char *date, *place, *summary; /* date "YYYY[-MM[-DD]]" or NULL */
    DsrCites *cites;
} DsrBriefEvent;

typedef struct {
    const char *name, *role, *entity;
    DsrCites *cites;
    /* How many sources name them: more than cites->len when the brief cites
     * only the latest of them (summarize keeps DSR_ACTOR_CITES). Added after
     * the first release of the schema ("mentions", written only then). */
    guint mentions;
} DsrBriefActor;

/* The sources an actor row cites at most: the latest that name them. */
#define DSR_ACTOR_CITES 5

typedef struct {
    int n;
    const char *title, *outlet, *date, *url, *file;
    gboolean is_new; /* the article was not in the previous run of this output folder */
} DsrSource;

typedef struct {
    const char *home;         /* "VN" */
    const char *partner;      /* "RU", or NULL for the national-context brief */
    const char *partner_name; /* "Russie" in the brief's language, or NULL */
    const char *slug;         /* "vn-ru" or "vn" */
    const char *lang;         /* labels' language: "fr" or "en" */
    const char *title;
    const char *period_from, *period_to; /* partial ISO dates or NULL */
    const char *generated;               /* "YYYY-MM-DD" */
    GArray *key_points;                  /* DsrKeyPoint */
    GArray *figures;                     /* DsrBriefFigure */
    GArray *charts;                      /* DsrChartSpec */
    GArray *themes;                      /* DsrBriefTheme */
    GArray *events;                      /* DsrBriefEvent */
    GArray *actors;                      /* DsrBriefActor */
    GArray *sources;                     /* DsrSource, n = index + 1 */
    /* What the brief's limits left out (summarize's max_* options): articles
     * of the relationship not used, and rows not shown. All 0 when nothing
     * was cut. Added after the first release of the schema. */
    struct {
        guint articles, figures, events, actors;
    } omitted;
    GStringChunk *strings; /* owns every string above */
} DsrBrief;

/* An empty brief (all arrays empty). @partner may be NULL. */
DsrBrief *dsr_brief_new(const char *home, const char *partner, const char *lang);
void dsr_brief_free(DsrBrief *brief);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrBrief, dsr_brief_free)

/* A copy of @s kept in the brief's string chunk (NULL stays NULL). */
const char *dsr_brief_intern(DsrBrief *brief, const char *s);

/* A new citation list holding @n numbers from @nums (sorted, deduplicated). */
DsrCites *dsr_cites_new(const int *nums, guint n);
/* Adds a number, keeping the list sorted and without repeats. */
void dsr_cites_add(DsrCites *cites, int n);

/* Appends rows; the brief takes the strings by interning them and takes
 * ownership of @cites (and of a chart's points array). dsr_brief_add_figure()
 * takes @row->cites but copies @row->equivalent and @row->variants (the
 * caller still owns @row->variants). */
void dsr_brief_add_key_point(DsrBrief *b, const char *text, DsrCites *cites);
DsrBriefFigure *dsr_brief_add_figure(DsrBrief *b, const DsrBriefFigure *row);
/* Adds a wording @quote used by source @cite to @row (a row of @b): no-op when
 * @quote is @row's own quote; otherwise the source joins that variant. */
void dsr_brief_figure_add_variant(DsrBrief *b, DsrBriefFigure *row, const char *quote, int cite);
DsrChartSpec *dsr_brief_add_chart(DsrBrief *b, DsrChartType type, const char *title,
                                  const char *unit, const char *note);
void dsr_chart_add_point(DsrBrief *b, DsrChartSpec *chart, const char *label, double value,
                         gboolean approx, DsrCites *cites);
/* A point of a grouped chart: its group @label and its @series. */
void dsr_chart_add_series_point(DsrBrief *b, DsrChartSpec *chart, const char *label,
                                const char *series, double value, gboolean approx, DsrCites *cites);
void dsr_brief_add_theme(DsrBrief *b, const char *name, int count, const char *example,
                         DsrCites *cites);
void dsr_brief_add_event(DsrBrief *b, DsrEventType type, const char *date, const char *place,
                         const char *summary, DsrCites *cites);
void dsr_brief_add_actor(DsrBrief *b, const char *name, const char *role, const char *entity,
                         DsrCites *cites);
/* Adds a source and returns its number (1-based). */
int dsr_brief_add_source(DsrBrief *b, const char *title, const char *outlet, const char *date,
                         const char *url, const char *file);

/* Number of articles the brief is built from (= sources). */
guint dsr_brief_source_count(const DsrBrief *b);

/* Which sources something in the brief cites (a key point, a figure, one of
 * its wordings or its discrepancy, a chart point, a theme, an event, an
 * actor): an array of sources->len + 1 flags, indexed by source number
 * (index 0 unused); @n_cited (may be NULL) gets how many are set. The PDF
 * and HTML list these; the JSON keeps every source. g_free() it. */
guint8 *dsr_brief_cited_sources(const DsrBrief *b, guint *n_cited);

/* The brief as a "dossier.brief/1" document, indented, ending in a newline. New string. */
char *dsr_brief_to_json(const DsrBrief *brief);

/* Parses a "dossier.brief/1" document of @len bytes.
 * Returns a new brief, or NULL with DSR_ERROR_BRIEF naming the JSON path of the
 * first field that does not match the schema ("$.figures[2].value: not a number"). */
DsrBrief *dsr_brief_from_json(const char *json, gsize len, GError **error);

G_END_DECLS

#endif
