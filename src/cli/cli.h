/* SPDX-License-Identifier: MIT
 * The dossier program: argv to DsrRunOptions (options.c), and results to the
 * exit statuses of DESIGN (main.c). */
#ifndef DOSSIER_CLI_H
#define DOSSIER_CLI_H

#include <dossier/dossier.h>

typedef enum {
    DSR_EXIT_OK = 0,
    DSR_EXIT_FAILED = 1,
    DSR_EXIT_USAGE = 2,
    DSR_EXIT_SKIPPED = 3,
} DsrExit;

typedef enum {
    DSR_CMD_BUILD,
    DSR_CMD_INSPECT,
    DSR_CMD_EXTRACT,
    DSR_CMD_LIST,
    DSR_CMD_RENDER
} DsrCommand;

/* "mimalloc 2.0.9" or "system malloc": what this binary allocates with
 * (allocator.c), for --version. */
char *dsr_cli_allocator(void);

/* Everything the command line said, owned. */
typedef struct {
    DsrCommand command;
    char **inputs;
    char *output;    /* a folder; for extract, the facts file ("-" or NULL: stdout) */
    char **formats;  /* split from -f LIST (repeatable) */
    char **partners; /* upper-cased */
    char *since, *until, *lang, *home, *templates, *config, *paper;
    char *log_format; /* "text" or "json" */
    gboolean strict, pretty, quiet, verbose;
    int jobs;
    /* Limits as typed (checked into the numbers below), 0 when unset. */
    char *max_file_size_text, *max_articles_text, *max_figures_text, *max_events_text,
        *max_actors_text, *max_pages_text;
    guint64 max_file_size;
    guint max_articles, max_figures, max_events, max_actors, max_pages;
    DsrRunConfig *settings; /* the --config file, or NULL: its e-mail and per-relationship parts */
} DsrCliArgs;

void dsr_cli_args_clear(DsrCliArgs *args);

/* Parses argv for one subcommand, then the --config file if one is named:
 * values from the file fill what the command line left unset. Returns DSR_EXIT_OK to go on;
 * otherwise the exit status to return at once (help printed: OK via *@done; bad usage: USAGE with
 * the message already printed). */
DsrExit dsr_cli_parse(int argc, char **argv, DsrCliArgs *args, gboolean *done);

#endif
