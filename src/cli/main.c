/* SPDX-License-Identifier: MIT
 * The dossier program: parses the command line, runs one command of
 * libdossier, reports on stderr (a progress bar on a terminal, plain or JSON
 * log lines otherwise) and maps the result to the exit statuses of DESIGN.
 * "Now" is read here, once; SIGINT and SIGTERM ask the run to stop between
 * files (a second signal kills at once: the renames are atomic either way). */
#include "cli.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cJSON.h>

static volatile gint stop_requested = 0;

static void
on_signal(int sig)
{
    g_atomic_int_set(&stop_requested, sig);
}

static void
install_signal_handlers(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = (int)SA_RESETHAND; /* the second signal has its default effect */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

typedef struct {
    gboolean quiet, verbose, json;
    gboolean tty;       /* stderr is a terminal: draw a progress bar */
    gboolean bar_drawn; /* a bar line is on screen and must be ended before a log line */
    gint64 last_draw;
    guint skipped;
} Log;

/* JSON log lines carry the wall-clock time: logs are not outputs, and a log
 * collector wants to order them. */
static void
log_json(cJSON *o)
{
    g_autoptr(GDateTime) t = g_date_time_new_now_utc();
    g_autofree char *when = g_date_time_format(t, "%Y-%m-%dT%H:%M:%S.%fZ");
    cJSON_AddStringToObject(o, "time", when);
    char *text = cJSON_PrintUnformatted(o);
    fprintf(stderr, "%s\n", text);
    cJSON_free(text);
    cJSON_Delete(o);
}

static void
end_bar(Log *log)
{
    if (log->bar_drawn) {
        fputc('\n', stderr);
        log->bar_drawn = FALSE;
    }
}

static void
report_input(const char *file, const char *reason, gboolean skipped, gpointer data)
{
    Log *log = data;
    log->skipped += skipped;
    if (log->quiet && !skipped)
        return;
    /* The reason may already start with the file name (ingest adds it). */
    gsize n = strlen(file);
    const char *text = strncmp(reason, file, n) == 0 && reason[n] == ':' ? reason + n + 2 : reason;
    if (log->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "level", "warning");
        cJSON_AddStringToObject(o, "event", skipped ? "skipped" : "input-warning");
        cJSON_AddStringToObject(o, "file", file);
        cJSON_AddStringToObject(o, "reason", text);
        log_json(o);
        return;
    }
    end_bar(log);
    fprintf(stderr, "dossier: %s: %s%s\n", file, text, skipped ? " (skipped)" : "");
}

/* A limit cut a brief or a PDF: one line naming it and the option to raise. */
static void
report_limit(const char *subject, const char *limit, const char *message, gpointer data)
{
    Log *log = data;
    if (log->quiet)
        return;
    if (log->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "level", "warning");
        cJSON_AddStringToObject(o, "event", "limit");
        cJSON_AddStringToObject(o, "file", subject);
        cJSON_AddStringToObject(o, "limit", limit);
        cJSON_AddStringToObject(o, "message", message);
        log_json(o);
        return;
    }
    end_bar(log);
    fprintf(stderr, "dossier: %s: %s (--%s)\n", subject, message, limit);
}

static const char *
stage_noun(DsrStage stage, guint n)
{
    switch (stage) {
    case DSR_STAGE_READ:
        return n == 1 ? "file read" : "files read";
    case DSR_STAGE_BRIEF:
        return n == 1 ? "brief made" : "briefs made";
    case DSR_STAGE_WRITE:
        return n == 1 ? "file checked or staged" : "files checked or staged";
    }
    return "";
}

static void
progress(DsrStage stage, guint done, guint total, gint64 elapsed_us, gpointer data)
{
    Log *log = data;
    if (log->quiet)
        return;
    double seconds = (double)elapsed_us / G_USEC_PER_SEC;
    if (log->json) {
        if (done != total || (done == 0 && total != 0))
            return;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "level", "info");
        cJSON_AddStringToObject(o, "event", "stage");
        cJSON_AddStringToObject(o, "stage", dsr_stage_name(stage));
        cJSON_AddNumberToObject(o, "items", total);
        cJSON_AddNumberToObject(o, "elapsed_ms", (double)(elapsed_us / 1000));
        log_json(o);
        return;
    }
    if (!log->tty) {
        if (done == total)
            fprintf(stderr, "dossier: %-5s %u %s in %.1f s\n", dsr_stage_name(stage), total,
                    stage_noun(stage, total), seconds);
        return;
    }
    /* Redraw at most ten times a second: a terminal is slow next to ingest. */
    gint64 now = g_get_monotonic_time();
    if (done != total && done != 0 && now - log->last_draw < G_USEC_PER_SEC / 10)
        return;
    log->last_draw = now;
    enum { WIDTH = 28 };
    guint filled = total ? (guint)((guint64)done * WIDTH / total) : WIDTH;
    char bar[WIDTH + 1];
    for (guint i = 0; i < WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[WIDTH] = '\0';
    fprintf(stderr, "\r\033[Kdossier: %-5s [%s] %u/%u  %.1f s", dsr_stage_name(stage), bar, done,
            total, seconds);
    log->bar_drawn = TRUE;
    if (done == total)
        end_bar(log);
    fflush(stderr);
}

static void
log_error(Log *log, const char *message)
{
    if (log->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "level", "error");
        cJSON_AddStringToObject(o, "message", message);
        log_json(o);
        return;
    }
    end_bar(log);
    fprintf(stderr, "dossier: %s\n", message);
}

/* --verbose: one line per output, from the run.json just written (the
 * contract the user can read too). */
static void
log_outputs(Log *log, const char *out_dir)
{
    g_autofree char *path = g_build_filename(out_dir, "run.json", NULL);
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &text, &len, NULL))
        return;
    cJSON *m = cJSON_ParseWithLength(text, len);
    const cJSON *e;
    cJSON_ArrayForEach (e, cJSON_GetObjectItemCaseSensitive(m, "outputs")) {
        const char *file = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "file"));
        const char *status = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "status"));
        double bytes = cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(e, "bytes"));
        if (!file || !status)
            continue;
        if (log->json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "level", "info");
            cJSON_AddStringToObject(o, "event", "output");
            cJSON_AddStringToObject(o, "file", file);
            cJSON_AddStringToObject(o, "status", status);
            cJSON_AddNumberToObject(o, "bytes", bytes);
            log_json(o);
        } else {
            fprintf(stderr, "dossier: %s/%s: %s, %.0f bytes\n", out_dir, file, status, bytes);
        }
    }
    cJSON_Delete(m);
}

static void
log_summary(Log *log, const DsrRunResult *r, const char *out_dir)
{
    if (log->quiet)
        return;
    if (log->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "level", "info");
        cJSON_AddStringToObject(o, "event", "done");
        cJSON_AddStringToObject(o, "output", out_dir);
        cJSON_AddNumberToObject(o, "briefs", r->briefs);
        cJSON_AddNumberToObject(o, "articles", r->used);
        cJSON_AddNumberToObject(o, "new_articles", r->new_articles);
        cJSON_AddNumberToObject(o, "duplicates", r->duplicates);
        cJSON_AddNumberToObject(o, "skipped", r->skipped);
        cJSON_AddNumberToObject(o, "written", r->written);
        cJSON_AddNumberToObject(o, "unchanged", r->unchanged);
        log_json(o);
        return;
    }
    end_bar(log);
    fprintf(stderr,
            "dossier: %u brief%s in %s from %u article%s (%u new, %u duplicate%s, %u skipped); "
            "%u file%s written, %u unchanged\n",
            r->briefs, r->briefs == 1 ? "" : "s", out_dir, r->used, r->used == 1 ? "" : "s",
            r->new_articles, r->duplicates, r->duplicates == 1 ? "" : "s", r->skipped, r->written,
            r->written == 1 ? "" : "s", r->unchanged);
}

/* The facts of `dossier extract` to @path, through a temporary file renamed
 * into place (a batch system that retries a shard never sees half a file),
 * or to standard output when @path is NULL or "-". */
static gboolean
write_facts_file(const char *path, const GString *facts, GError **error)
{
    if (!path || strcmp(path, "-") == 0) {
        fwrite(facts->str, 1, facts->len, stdout);
        return TRUE;
    }
    g_autoptr(GError) local = NULL;
    if (!g_file_set_contents_full(path, facts->str, (gssize)facts->len,
                                  G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_OUTPUT, "%s", local->message);
        return FALSE;
    }
    return TRUE;
}

/* SOURCE_DATE_EPOCH (reproducible builds) or the clock. */
static gboolean
read_now(gint64 *now)
{
    const char *env = g_getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env) {
        *now = g_get_real_time() / G_USEC_PER_SEC;
        return TRUE;
    }
    char *end = NULL;
    errno = 0;
    gint64 v = g_ascii_strtoll(env, &end, 10);
    if (errno || *end || v < 0 || v > G_GINT64_CONSTANT(253402300799)) {
        fprintf(stderr, "dossier: SOURCE_DATE_EPOCH is not a number of seconds: '%s'\n", env);
        return FALSE;
    }
    *now = v;
    return TRUE;
}

int
main(int argc, char **argv)
{
    DsrCliArgs args;
    gboolean done;
    DsrExit status = dsr_cli_parse(argc, argv, &args, &done);
    if (status != DSR_EXIT_OK || done) {
        dsr_cli_args_clear(&args);
        return status;
    }
    gint64 now;
    if (!read_now(&now)) {
        dsr_cli_args_clear(&args);
        return DSR_EXIT_USAGE;
    }
    install_signal_handlers();

    Log log = {0};
    log.quiet = args.quiet;
    log.verbose = args.verbose;
    log.json = args.log_format && strcmp(args.log_format, "json") == 0;
    log.tty = !log.json && isatty(STDERR_FILENO);
    const DsrRunConfig *cfg = args.settings;
    g_autoptr(GPtrArray) rels = g_ptr_array_new();
    for (guint i = 0; cfg && i < cfg->relationships->len; i++)
        g_ptr_array_add(rels, g_ptr_array_index(cfg->relationships, i));
    g_ptr_array_add(rels, NULL);
    const char *out_dir = args.output ? args.output : "output";
    DsrRunOptions opt = {
        .inputs = (const char *const *)args.inputs,
        .output_dir = args.output,
        .formats = (const char *const *)args.formats,
        .partners = (const char *const *)args.partners,
        .since = args.since,
        .until = args.until,
        .lang = args.lang,
        .home = args.home,
        .templates_dir = args.templates,
        .paper = args.paper,
        .strict = args.strict,
        .jobs = args.jobs,
        .now = now,
        .report = report_input,
        .report_data = &log,
        .progress = progress,
        .progress_data = &log,
        .config_file = cfg ? cfg->file : NULL,
        .email = cfg ? &cfg->email : NULL,
        .relationships = (const DsrPartnerSettings *const *)rels->pdata,
        .cancel = &stop_requested,
        .max_file_size = args.max_file_size,
        .max_articles = args.max_articles,
        .max_figures = args.max_figures,
        .max_events = args.max_events,
        .max_actors = args.max_actors,
        .max_pages = args.max_pages,
        .limit_warning = report_limit,
        .limit_warning_data = &log,
    };
    DsrRunResult result;
    g_autoptr(GError) error = NULL;
    gboolean ok = FALSE;
    switch (args.command) {
    case DSR_CMD_BUILD:
        ok = dsr_run_build(&opt, &result, &error);
        if (ok && args.verbose)
            log_outputs(&log, out_dir);
        if (ok)
            log_summary(&log, &result, out_dir);
        break;
    case DSR_CMD_INSPECT:
    case DSR_CMD_LIST: {
        opt.progress = NULL;
        g_autoptr(GString) out = g_string_new(NULL);
        ok = args.command == DSR_CMD_INSPECT
                 ? dsr_run_inspect(&opt, args.pretty, out, &result, &error)
                 : dsr_run_list(&opt, out, &result, &error);
        if (ok)
            fwrite(out->str, 1, out->len, stdout);
        break;
    }
    case DSR_CMD_EXTRACT: {
        opt.progress = NULL;
        opt.output_dir = NULL;
        g_autoptr(GString) out = g_string_new(NULL);
        ok = dsr_run_extract(&opt, out, &result, &error);
        if (ok)
            ok = write_facts_file(args.output, out, &error);
        break;
    }
    case DSR_CMD_RENDER:
        ok = dsr_run_render(&opt, &result, &error);
        break;
    }
    if (!ok) {
        log_error(&log, error->message);
        status =
            g_error_matches(error, DSR_ERROR, DSR_ERROR_USAGE) ? DSR_EXIT_USAGE : DSR_EXIT_FAILED;
    } else if (args.strict && result.skipped > 0) {
        g_autofree char *m = g_strdup_printf("%u input%s skipped and --strict is set",
                                             result.skipped, result.skipped == 1 ? "" : "s");
        log_error(&log, m);
        status = DSR_EXIT_SKIPPED;
    }
    if (fflush(stdout) != 0 && status == DSR_EXIT_OK)
        status = DSR_EXIT_FAILED;
    dsr_cli_args_clear(&args);
    return status;
}
