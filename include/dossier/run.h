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

/* Called (from the calling thread, after the briefs are made, in brief
 * order) when a limit of DsrRunOptions cut something: @subject is the brief
 * ("vn-ru") or the output file ("vn-ru.pdf"), @limit the option's long name
 * ("max-articles", "max-figures", "max-events", "max-actors", "max-pages"),
 * @message one line for people ("2400 articles: built from the 2000 most
 * recent"). run.json's "warnings" lists the same, and the inputs skipped
 * for max_file_size (reported as skipped inputs through DsrReportFunc). */
typedef void (*DsrLimitFunc)(const char *subject, const char *limit, const char *message,
                             gpointer user_data);

/* The stages of a build, in order, as reported to a DsrProgressFunc. */
typedef enum {
    DSR_STAGE_READ,  /* ingest and extract, per input file */
    DSR_STAGE_BRIEF, /* summarize and render, per relationship */
    DSR_STAGE_WRITE, /* files staged into the output folder */
} DsrStage;

/* Name of a stage for logs: "read", "brief", "write". Static string. */
const char *dsr_stage_name(DsrStage stage);

/* Progress: @done of @total items of @stage, @elapsed_us since the stage began.
 * Called once with done == 0 when a stage starts and once with done == total
 * when it ends; in between from worker threads, but never two at a time. */
typedef void (*DsrProgressFunc)(DsrStage stage, guint done, guint total, gint64 elapsed_us,
                                gpointer user_data);

/* How the .eml messages are addressed (--config "email"). Every string may be NULL. */
typedef struct {
    char *from; /* one mailbox: "Veille <veille@example.org>" */
    char **to;  /* mailboxes, NULL-terminated, or NULL */
    char **cc;
    char *subject; /* with {title}, {date}, {partner}, {slug}; NULL: "{title}, {date}" */
} DsrEmailSettings;

/* Settings for one relationship (--config "relationships"): @partner is its
 * code ("RU"; the home code for the national brief). NULL fields keep the
 * defaults; @to and @cc replace the run's recipients for this brief. */
typedef struct {
    char *partner;
    char *title;
    char *subject;
    char **to;
    char **cc;
} DsrPartnerSettings;

typedef struct {
    /* Files and folders; NULL or empty: the bundled sample. A file named
     * *.facts.jsonl holds facts written by `dossier extract`, not articles. */
    const char *const *inputs;
    const char *output_dir;      /* default "output" */
    const char *const *formats;  /* renderer names; NULL: pdf, html, json */
    const char *const *partners; /* codes; NULL: every relationship found */
    const char *since, *until;   /* YYYY-MM-DD or NULL */
    const char *lang;            /* "fr" (default) or "en" */
    const char *home;            /* default "VN" */
    const char *templates_dir;   /* NULL: <data dir>/templates */
    const char *paper;           /* "a4" or "letter" */
    gboolean strict;
    int jobs;   /* 0: number of cores */
    gint64 now; /* seconds since the epoch (SOURCE_DATE_EPOCH or the clock) */
    DsrReportFunc report;
    gpointer report_data;
    DsrProgressFunc progress; /* or NULL */
    gpointer progress_data;
    const char *config_file;                        /* recorded in run.json, or NULL */
    const DsrEmailSettings *email;                  /* or NULL */
    const DsrPartnerSettings *const *relationships; /* NULL-terminated, or NULL */
    /* Set (to non-zero, from a signal handler or another thread) to stop the
     * run at the next file: temporaries are removed, nothing is renamed into
     * place, and the run fails with DSR_ERROR_OUTPUT. May be NULL. */
    const volatile gint *cancel;
    /* Limits, each with a safe default (0: the default). An input file larger
     * than @max_file_size bytes is skipped (facts files excepted: they are
     * dossier's own output); a relationship with more than @max_articles
     * articles is built from the most recent; a brief shows at most
     * @max_figures figure rows, @max_events events and @max_actors actors
     * (the most cited); a PDF has at most @max_pages pages. What a limit cuts is
     * reported through @limit_warning and in run.json, never a failure. */
    guint64 max_file_size;      /* default DSR_DEFAULT_MAX_FILE_SIZE */
    guint max_articles;         /* default DSR_DEFAULT_MAX_ARTICLES (summarize.h) */
    guint max_figures;          /* default DSR_DEFAULT_MAX_FIGURES (summarize.h) */
    guint max_events;           /* default DSR_DEFAULT_MAX_EVENTS (summarize.h) */
    guint max_actors;           /* default DSR_DEFAULT_MAX_ACTORS (summarize.h) */
    guint max_pages;            /* default DSR_DEFAULT_MAX_PAGES (render.h) */
    DsrLimitFunc limit_warning; /* or NULL */
    gpointer limit_warning_data;
} DsrRunOptions;

/* The largest value --max-articles, --max-figures, --max-events, --max-actors
 * and --max-pages take. */
#define DSR_LIMIT_MAX 1000000u
#define DSR_DEFAULT_MAX_FILE_SIZE (G_GUINT64_CONSTANT(20) * 1024 * 1024)

/* Reads a size as users write it: "500000", "512K", "20M", "1G" (binary
 * multiples, upper or lower case, an optional trailing "B" or "iB"). FALSE
 * when @text is not such a size, is zero, or does not fit in 64 bits. */
gboolean dsr_run_parse_size(const char *text, guint64 *bytes);

typedef struct {
    guint inputs, used, duplicates, skipped; /* articles or files, as counted in run.json */
    guint briefs;                            /* relationships written */
    guint new_articles;                      /* used articles the previous run.json did not list */
    guint written, unchanged;                /* output files renamed into place / left alone */
    guint limits_hit;                        /* warnings listed in run.json's "warnings" */
} DsrRunResult;

/* A --config file: every option of `dossier build` by its long name, plus
 * "inputs", "email" and "relationships" (see docs/DESIGN.md). Relative paths
 * are taken from the folder of the file. Unset strings are NULL, unset
 * booleans -1, unset jobs and limits 0. */
typedef struct {
    char *file;
    char **inputs;
    char *output;
    char **formats;
    char **partners; /* upper-cased */
    char *since, *until, *lang, *home, *templates, *paper, *log_format;
    int strict, quiet, verbose;
    int jobs;
    guint64 max_file_size; /* 0 when unset, like the counts below */
    guint max_articles, max_figures, max_events, max_actors, max_pages;
    DsrEmailSettings email;
    GPtrArray *relationships; /* DsrPartnerSettings *, in file order */
} DsrRunConfig;

/* Reads a --config file. NULL with DSR_ERROR_USAGE naming the file and the
 * JSON path of the first key that is unknown or of the wrong type
 * ("dossier.json: $.email.to[1]: expected a string"), or the line and column
 * of a syntax error. */
DsrRunConfig *dsr_run_config_load(const char *path, GError **error);
/* The same for @len bytes of JSON; @path names them in messages and relative
 * paths are taken from its folder. */
DsrRunConfig *dsr_run_config_parse(const char *json, gsize len, const char *path, GError **error);
void dsr_run_config_free(DsrRunConfig *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrRunConfig, dsr_run_config_free)

/* The relationship's settings (case-insensitive code), or NULL. Borrowed. */
const DsrPartnerSettings *dsr_run_options_relationship(const DsrRunOptions *opt,
                                                       const char *partner);

/* `dossier build`. FALSE with DSR_ERROR_OUTPUT or DSR_ERROR_RESOURCE when the
 * run failed (nothing half-written is left). Skipped inputs are not a failure:
 * @result says how many there were. */
gboolean dsr_run_build(const DsrRunOptions *opt, DsrRunResult *result, GError **error);

/* `dossier inspect`: one JSON object per article to @out, in input order. */
gboolean dsr_run_inspect(const DsrRunOptions *opt, gboolean pretty, GString *out,
                         DsrRunResult *result, GError **error);

/* `dossier extract`: the facts of every article, with what `build` needs
 * (sentences, ids), one JSON object per line to @out, in input order and
 * duplicates included (build removes them). A build given these lines in
 * files named *.facts.jsonl, in any number of shards and any order, makes
 * the same briefs as a build given the articles. */
gboolean dsr_run_extract(const DsrRunOptions *opt, GString *out, DsrRunResult *result,
                         GError **error);

/* `dossier list`: one line per relationship: slug, partner name, articles, figures. */
gboolean dsr_run_list(const DsrRunOptions *opt, GString *out, DsrRunResult *result, GError **error);

/* `dossier render`: reads brief JSON files (opt->inputs) and renders them. */
gboolean dsr_run_render(const DsrRunOptions *opt, DsrRunResult *result, GError **error);

G_END_DECLS

#endif
