/* SPDX-License-Identifier: MIT
 * The dossier program: parses the command line, runs one command of
 * libdossier, prints one line per skipped input, and maps the result to the
 * exit statuses of DESIGN. "Now" is read here, once. */
#include "cli.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    gboolean quiet;
    guint skipped;
} Report;

static void
report_input(const char *file, const char *reason, gboolean skipped, gpointer data)
{
    Report *r = data;
    r->skipped += skipped;
    if (r->quiet && !skipped)
        return;
    /* The reason may already start with the file name (ingest adds it). */
    gsize n = strlen(file);
    const char *text = strncmp(reason, file, n) == 0 && reason[n] == ':' ? reason + n + 2 : reason;
    fprintf(stderr, "dossier: %s: %s%s\n", file, text, skipped ? " (skipped)" : "");
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

    Report report = { args.quiet, 0 };
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
        .report_data = &report,
    };
    DsrRunResult result;
    g_autoptr(GError) error = NULL;
    gboolean ok = FALSE;
    switch (args.command) {
    case DSR_CMD_BUILD:
        ok = dsr_run_build(&opt, &result, &error);
        if (ok && !args.quiet)
            fprintf(stderr, "dossier: %u brief%s in %s from %u article%s (%u duplicate%s, %u skipped)\n",
                    result.briefs, result.briefs == 1 ? "" : "s",
                    args.output ? args.output : "output", result.used, result.used == 1 ? "" : "s",
                    result.duplicates, result.duplicates == 1 ? "" : "s", result.skipped);
        break;
    case DSR_CMD_INSPECT:
    case DSR_CMD_LIST: {
        g_autoptr(GString) out = g_string_new(NULL);
        ok = args.command == DSR_CMD_INSPECT ? dsr_run_inspect(&opt, args.pretty, out, &result, &error)
                                             : dsr_run_list(&opt, out, &result, &error);
        if (ok)
            fwrite(out->str, 1, out->len, stdout);
        break;
    }
    case DSR_CMD_RENDER:
        ok = dsr_run_render(&opt, &result, &error);
        break;
    }
    if (!ok) {
        fprintf(stderr, "dossier: %s\n", error->message);
        status = g_error_matches(error, DSR_ERROR, DSR_ERROR_USAGE) ? DSR_EXIT_USAGE : DSR_EXIT_FAILED;
    } else if (args.strict && result.skipped > 0) {
        fprintf(stderr, "dossier: %u input%s skipped and --strict is set\n", result.skipped,
                result.skipped == 1 ? "" : "s");
        status = DSR_EXIT_SKIPPED;
    }
    if (fflush(stdout) != 0 && status == DSR_EXIT_OK)
        status = DSR_EXIT_FAILED;
    dsr_cli_args_clear(&args);
    return status;
}
