/* SPDX-License-Identifier: MIT
 * The batch driver: inputs -> ingest -> extract -> summarize -> render, with
 * threads, atomic writes into the output folder and the run.json manifest.
 * The CLI only turns argv into DsrRunOptions and the result into an exit code. */
#ifndef DOSSIER_RUN_H
#define DOSSIER_RUN_H

#include <glib.h>

G_BEGIN_DECLS

/* Called (from the calling thread, in input order) for every input that is
 * skipped or read with a warning: @file, a reason, and whether it was skipped. */
typedef void (*DsrReportFunc)(const char *file, const char *reason, gboolean skipped,
                              gpointer user_data);

typedef struct {
    const char *const *inputs;   /* files and folders; NULL or empty: the bundled sample */
    const char *output_dir;      /* default "output" */
    const char *const *formats;  /* renderer names; NULL: pdf, html, json */
    const char *const *partners; /* codes; NULL: every relationship found */
    const char *since, *until;   /* YYYY-MM-DD or NULL */
    const char *lang;            /* "fr" (default) or "en" */
    const char *home;            /* default "VN" */
    const char *templates_dir;   /* NULL: <data dir>/templates */
    const char *paper;           /* "a4" or "letter" */
    gboolean strict;
    int jobs;                    /* 0: number of cores */
    gint64 now;                  /* seconds since the epoch (SOURCE_DATE_EPOCH or the clock) */
    DsrReportFunc report;
    gpointer report_data;
} DsrRunOptions;

typedef struct {
    guint inputs, used, duplicates, skipped; /* articles or files, as counted in run.json */
    guint briefs;                             /* relationships written */
} DsrRunResult;

/* `dossier build`. FALSE with DSR_ERROR_OUTPUT or DSR_ERROR_RESOURCE when the
 * run failed (nothing half-written is left). Skipped inputs are not a failure:
 * @result says how many there were. */
gboolean dsr_run_build(const DsrRunOptions *opt, DsrRunResult *result, GError **error);

/* `dossier inspect`: one JSON object per article to @out, in input order. */
gboolean dsr_run_inspect(const DsrRunOptions *opt, gboolean pretty, GString *out,
                         DsrRunResult *result, GError **error);

/* `dossier list`: one line per relationship: slug, partner name, articles, figures. */
gboolean dsr_run_list(const DsrRunOptions *opt, GString *out, DsrRunResult *result,
                      GError **error);

/* `dossier render`: reads brief JSON files (opt->inputs) and renders them. */
gboolean dsr_run_render(const DsrRunOptions *opt, DsrRunResult *result, GError **error);

G_END_DECLS

#endif
