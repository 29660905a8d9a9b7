/* SPDX-License-Identifier: MIT
 * Command-line parsing: one GOptionContext per subcommand, whose entries
 * point into a DsrCliArgs (no globals), then checks of the values so that
 * bad usage is one clear line and exit 2. A --config file is read after
 * argv, and only fills what the command line left unset: flags override it. */
#include "cli.h"
#include <stdio.h>
#include <string.h>

void
dsr_cli_args_clear(DsrCliArgs *a)
{
    g_strfreev(a->inputs);
    g_free(a->output);
    g_strfreev(a->formats);
    g_strfreev(a->partners);
    g_free(a->since);
    g_free(a->until);
    g_free(a->lang);
    g_free(a->home);
    g_free(a->templates);
    g_free(a->config);
    g_free(a->paper);
    g_free(a->log_format);
    g_free(a->max_file_size_text);
    g_free(a->max_articles_text);
    g_free(a->max_figures_text);
    g_free(a->max_events_text);
    g_free(a->max_actors_text);
    g_free(a->max_pages_text);
    dsr_run_config_free(a->settings);
    memset(a, 0, sizeof *a);
}

static const char summary[] =
    "Commands:\n"
    "  build   [options] [INPUT...]   briefs for every relationship (default INPUT: the sample)\n"
    "  inspect [--pretty] INPUT...    what was extracted, one JSON object per article\n"
    "  extract INPUT... -o F.facts.jsonl   facts for a later build (shard extraction\n"
    "                                 across machines; build reads *.facts.jsonl inputs)\n"
    "  list    INPUT...               one line per relationship: slug, partner, articles, figures\n"
    "  render  BRIEF.json... [-o DIR] [-f LIST]   render edited briefs again\n"
    "\n"
    "Exit status: 0 success (skipped inputs are warned about and listed in run.json);\n"
    "1 the run failed (no output file is left half-written); 2 usage error;\n"
    "3 --strict and some input was skipped. A run that finds another one writing\n"
    "to the same output folder exits 1 at once; SIGINT or SIGTERM stop a run\n"
    "between files, leave the previous briefs as they were, and exit 1.\n"
    "\n"
    "SOURCE_DATE_EPOCH, when set, is the run's date: same inputs give the same bytes.\n"
    "'dossier COMMAND --help' lists a command's options.";

static gboolean
usage_error(const char *command, const char *message)
{
    fprintf(stderr, "dossier: %s\ntry 'dossier %s%s--help'\n", message, command ? command : "",
            command ? " " : "");
    return FALSE;
}

static gboolean
valid_date(const char *s)
{
    DsrDate d;
    return dsr_date_parse_iso(s, &d) && d.day && strlen(s) == 10;
}

/* "-f pdf,html -f json" -> {"pdf", "html", "json"} */
static char **
split_lists(char **values)
{
    g_autoptr(GStrvBuilder) b = g_strv_builder_new();
    for (guint i = 0; values && values[i]; i++) {
        g_auto(GStrv) parts = g_strsplit(values[i], ",", -1);
        for (guint k = 0; parts[k]; k++) {
            g_strstrip(parts[k]);
            if (*parts[k])
                g_strv_builder_add(b, parts[k]);
        }
    }
    return g_strv_builder_end(b);
}

/* --max-articles and the like: a whole number from 1 to DSR_LIMIT_MAX. */
static gboolean
parse_count(const char *cmd, const char *option, const char *text, guint *out)
{
    if (!text)
        return TRUE;
    char *end = NULL;
    guint64 n = g_ascii_isdigit(*text) ? g_ascii_strtoull(text, &end, 10) : 0;
    if (!end || *end || n < 1 || n > DSR_LIMIT_MAX) {
        g_autofree char *m = g_strdup_printf("--%s wants a whole number from 1 to %u, not '%s'",
                                             option, DSR_LIMIT_MAX, text);
        return usage_error(cmd, m);
    }
    *out = (guint)n;
    return TRUE;
}

static gboolean
check_limits(DsrCliArgs *a, const char *cmd)
{
    if (a->max_file_size_text && !dsr_run_parse_size(a->max_file_size_text, &a->max_file_size)) {
        g_autofree char *m =
            g_strdup_printf("--max-file-size wants a size like 500000, 512K, 20M or 1G, not '%s'",
                            a->max_file_size_text);
        return usage_error(cmd, m);
    }
    return parse_count(cmd, "max-articles", a->max_articles_text, &a->max_articles) &&
           parse_count(cmd, "max-figures", a->max_figures_text, &a->max_figures) &&
           parse_count(cmd, "max-events", a->max_events_text, &a->max_events) &&
           parse_count(cmd, "max-actors", a->max_actors_text, &a->max_actors) &&
           parse_count(cmd, "max-pages", a->max_pages_text, &a->max_pages);
}

static gboolean
check_values(DsrCliArgs *a, const char *cmd)
{
    if (a->log_format && strcmp(a->log_format, "text") != 0 && strcmp(a->log_format, "json") != 0)
        return usage_error(cmd, "--log-format wants text or json");
    if (a->quiet && a->verbose)
        return usage_error(cmd, "--quiet and --verbose contradict each other");
    if (a->since && !valid_date(a->since))
        return usage_error(cmd, "--since wants a date YYYY-MM-DD");
    if (a->until && !valid_date(a->until))
        return usage_error(cmd, "--until wants a date YYYY-MM-DD");
    if (a->since && a->until && strcmp(a->since, a->until) > 0)
        return usage_error(cmd, "--since is after --until");
    if (a->lang && strcmp(a->lang, "fr") != 0 && strcmp(a->lang, "en") != 0)
        return usage_error(cmd, "--lang wants fr or en");
    if (a->paper && strcmp(a->paper, "a4") != 0 && strcmp(a->paper, "letter") != 0)
        return usage_error(cmd, "--paper wants a4 or letter");
    if (a->jobs < 0 || a->jobs > 256)
        return usage_error(cmd, "--jobs wants a number from 1 to 256");
    for (guint i = 0; a->formats && a->formats[i]; i++) {
        if (!dsr_renderer_find(a->formats[i])) {
            g_autofree char *m =
                g_strdup_printf("unknown format '%s' (pdf, html, json, eml)", a->formats[i]);
            return usage_error(cmd, m);
        }
    }
    for (guint i = 0; a->partners && a->partners[i]; i++) {
        char *p = a->partners[i];
        gboolean ok = strlen(p) >= 2 && strlen(p) <= 5;
        for (char *c = p; *c; c++) {
            ok &= g_ascii_isalpha(*c);
            *c = g_ascii_toupper(*c);
        }
        if (!ok) {
            g_autofree char *m =
                g_strdup_printf("--partner wants a code like RU, EU or ASEAN, not '%s'", p);
            return usage_error(cmd, m);
        }
    }
    if (a->home) {
        for (char *c = a->home; *c; c++)
            *c = g_ascii_toupper(*c);
    }
    return TRUE;
}

static void
take_string(char **arg, const char *value)
{
    if (!*arg && value)
        *arg = g_strdup(value);
}

static void
take_list(char ***arg, char **value)
{
    if ((!*arg || !**arg) && value) {
        g_strfreev(*arg);
        *arg = g_strdupv(value);
    }
}

/* The config file fills what argv left unset. Booleans set in the file can
 * only be turned on from argv, which is what --strict and --quiet mean. */
static gboolean
apply_config(DsrCliArgs *a, const char *cmd)
{
    g_autoptr(GError) error = NULL;
    DsrRunConfig *c = dsr_run_config_load(a->config, &error);
    if (!c)
        return usage_error(cmd, error->message);
    a->settings = c;
    /* `render` reads briefs, not articles: the file's inputs and filters are
     * for `build`, its output, formats, templates and e-mail settings for both. */
    if (a->command == DSR_CMD_BUILD) {
        take_list(&a->inputs, c->inputs);
        take_list(&a->partners, c->partners);
        take_string(&a->since, c->since);
        take_string(&a->until, c->until);
        take_string(&a->lang, c->lang);
        take_string(&a->home, c->home);
        if (!a->jobs && c->jobs > 0)
            a->jobs = c->jobs;
        if (!a->max_file_size)
            a->max_file_size = c->max_file_size;
        if (!a->max_articles)
            a->max_articles = c->max_articles;
        if (!a->max_figures)
            a->max_figures = c->max_figures;
        if (!a->max_events)
            a->max_events = c->max_events;
        if (!a->max_actors)
            a->max_actors = c->max_actors;
    }
    if (!a->max_pages)
        a->max_pages = c->max_pages;
    take_string(&a->output, c->output);
    take_list(&a->formats, c->formats);
    take_string(&a->templates, c->templates);
    take_string(&a->paper, c->paper);
    take_string(&a->log_format, c->log_format);
    if (!a->strict && c->strict > 0)
        a->strict = TRUE;
    if (!a->quiet && !a->verbose) {
        a->quiet = c->quiet > 0;
        a->verbose = c->verbose > 0 && !a->quiet;
    }
    return TRUE;
}

DsrExit
dsr_cli_parse(int argc, char **argv, DsrCliArgs *a, gboolean *done)
{
    *done = FALSE;
    memset(a, 0, sizeof *a);
    if (argc < 2) {
        usage_error(NULL, "no command given");
        return DSR_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        g_autofree char *malloc_name = dsr_cli_allocator();
        printf("dossier %s\n%s\n", dsr_version(), malloc_name);
        *done = TRUE;
        return DSR_EXIT_OK;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        printf("Usage: dossier COMMAND [OPTION...] [INPUT...]\n\n"
               "Turns news articles into one brief per bilateral relationship (PDF, HTML, "
               "JSON).\n\n%s\n",
               summary);
        *done = TRUE;
        return DSR_EXIT_OK;
    }
    if (strcmp(cmd, "build") == 0)
        a->command = DSR_CMD_BUILD;
    else if (strcmp(cmd, "inspect") == 0)
        a->command = DSR_CMD_INSPECT;
    else if (strcmp(cmd, "extract") == 0)
        a->command = DSR_CMD_EXTRACT;
    else if (strcmp(cmd, "list") == 0)
        a->command = DSR_CMD_LIST;
    else if (strcmp(cmd, "render") == 0)
        a->command = DSR_CMD_RENDER;
    else {
        g_autofree char *m = g_strdup_printf("unknown command '%s'", cmd);
        usage_error(NULL, m);
        return DSR_EXIT_USAGE;
    }

    char **formats = NULL;
    GOptionEntry build_entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
         "Write briefs to DIR (default ./output)", "DIR"},
        {"format", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &formats,
         "Formats: pdf,html,json,eml (default pdf,html,json)", "LIST"},
        {"partner", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &a->partners,
         "Only this partner (repeatable)", "CODE"},
        {"since", 0, 0, G_OPTION_ARG_STRING, &a->since, "Only articles dated on or after DATE",
         "YYYY-MM-DD"},
        {"until", 0, 0, G_OPTION_ARG_STRING, &a->until, "Only articles dated on or before DATE",
         "YYYY-MM-DD"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &a->lang, "Labels and headings: fr (default) or en",
         "fr|en"},
        {"home", 0, 0, G_OPTION_ARG_STRING, &a->home, "Home country (default VN)", "CODE"},
        {"templates", 0, 0, G_OPTION_ARG_FILENAME, &a->templates, "Use the templates in DIR",
         "DIR"},
        {"paper", 0, 0, G_OPTION_ARG_STRING, &a->paper, "PDF paper size: a4 (default) or letter",
         "a4|letter"},
        {"config", 0, 0, G_OPTION_ARG_FILENAME, &a->config,
         "Read options, inputs and e-mail settings from a JSON file (flags override it)", "FILE"},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &a->strict, "Fail (exit 3) if any input is skipped",
         NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &a->jobs, "Worker threads (default: number of cores)",
         "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a->quiet, "Print only errors", NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &a->verbose,
         "Also print every output file and its status", NULL},
        {"log-format", 0, 0, G_OPTION_ARG_STRING, &a->log_format,
         "Log lines on stderr as text (default) or json", "text|json"},
        {"max-file-size", 0, 0, G_OPTION_ARG_STRING, &a->max_file_size_text,
         "Skip input files larger than SIZE (default 20M; K, M, G suffixes)", "SIZE"},
        {"max-articles", 0, 0, G_OPTION_ARG_STRING, &a->max_articles_text,
         "Build each brief from at most N articles, the most recent (default 2000)", "N"},
        {"max-figures", 0, 0, G_OPTION_ARG_STRING, &a->max_figures_text,
         "Show at most N figure rows per brief, the most cited (default 60)", "N"},
        {"max-events", 0, 0, G_OPTION_ARG_STRING, &a->max_events_text,
         "Show at most N events per brief, the most reported (default 40)", "N"},
        {"max-actors", 0, 0, G_OPTION_ARG_STRING, &a->max_actors_text,
         "Show at most N actors per brief, the most cited (default 40)", "N"},
        {"max-pages", 0, 0, G_OPTION_ARG_STRING, &a->max_pages_text,
         "Cut each PDF after N pages (default 300)", "N"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->inputs, NULL, "[INPUT...]"},
        {NULL}};
    GOptionEntry inspect_entries[] = {
        {"pretty", 0, 0, G_OPTION_ARG_NONE, &a->pretty, "Indent the JSON", NULL},
        {"max-file-size", 0, 0, G_OPTION_ARG_STRING, &a->max_file_size_text,
         "Skip input files larger than SIZE (default 20M; K, M, G suffixes)", "SIZE"},
        {"home", 0, 0, G_OPTION_ARG_STRING, &a->home, "Home country (default VN)", "CODE"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &a->jobs, "Worker threads", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a->quiet, "Print only errors", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->inputs, NULL, "INPUT..."},
        {NULL}};
    GOptionEntry extract_entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
         "Write the facts to FILE, replaced atomically (default: standard output); name it "
         "*.facts.jsonl for 'dossier build'",
         "FILE"},
        {"home", 0, 0, G_OPTION_ARG_STRING, &a->home, "Home country (default VN)", "CODE"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &a->jobs, "Worker threads (default: number of cores)",
         "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a->quiet, "Print only errors", NULL},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &a->strict, "Fail (exit 3) if any input is skipped",
         NULL},
        {"max-file-size", 0, 0, G_OPTION_ARG_STRING, &a->max_file_size_text,
         "Skip input files larger than SIZE (default 20M; K, M, G suffixes)", "SIZE"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->inputs, NULL, "INPUT..."},
        {NULL}};
    GOptionEntry list_entries[] = {
        {"partner", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &a->partners,
         "Only this partner (repeatable)", "CODE"},
        {"since", 0, 0, G_OPTION_ARG_STRING, &a->since, "Only articles dated on or after DATE",
         "YYYY-MM-DD"},
        {"until", 0, 0, G_OPTION_ARG_STRING, &a->until, "Only articles dated on or before DATE",
         "YYYY-MM-DD"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &a->lang, "Partner names in fr (default) or en",
         "fr|en"},
        {"max-file-size", 0, 0, G_OPTION_ARG_STRING, &a->max_file_size_text,
         "Skip input files larger than SIZE (default 20M; K, M, G suffixes)", "SIZE"},
        {"home", 0, 0, G_OPTION_ARG_STRING, &a->home, "Home country (default VN)", "CODE"},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &a->jobs, "Worker threads", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a->quiet, "Print only errors", NULL},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->inputs, NULL, "INPUT..."},
        {NULL}};
    GOptionEntry render_entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output, "Write to DIR (default ./output)",
         "DIR"},
        {"format", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &formats,
         "Formats: pdf,html,json,eml (default pdf,html)", "LIST"},
        {"templates", 0, 0, G_OPTION_ARG_FILENAME, &a->templates, "Use the templates in DIR",
         "DIR"},
        {"paper", 0, 0, G_OPTION_ARG_STRING, &a->paper, "PDF paper size: a4 (default) or letter",
         "a4|letter"},
        {"config", 0, 0, G_OPTION_ARG_FILENAME, &a->config,
         "Read e-mail settings (and options) from a JSON file", "FILE"},
        {"max-pages", 0, 0, G_OPTION_ARG_STRING, &a->max_pages_text,
         "Cut each PDF after N pages (default 300)", "N"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &a->quiet, "Print only errors", NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &a->verbose,
         "Also print every output file and its status", NULL},
        {"log-format", 0, 0, G_OPTION_ARG_STRING, &a->log_format,
         "Log lines on stderr as text (default) or json", "text|json"},
        {G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->inputs, NULL, "BRIEF.json..."},
        {NULL}};
    const GOptionEntry *entries = a->command == DSR_CMD_BUILD     ? build_entries
                                  : a->command == DSR_CMD_INSPECT ? inspect_entries
                                  : a->command == DSR_CMD_EXTRACT ? extract_entries
                                  : a->command == DSR_CMD_LIST    ? list_entries
                                                                  : render_entries;
    /* "Usage: dossier build [OPTION…] [INPUT...]": GOption prints the program
     * name, then the options, then the remaining arguments' description. */
    g_autofree char *usage_name = g_strdup_printf("dossier %s", cmd);
    g_set_prgname(usage_name);
    g_autoptr(GOptionContext) ctx = g_option_context_new(NULL);
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_summary(
        ctx, "dossier: news articles in, one brief per bilateral relationship out.");
    g_option_context_set_description(ctx, summary);

    /* GOption wants argv[0] first: drop the command word. */
    int sub_argc = argc - 1;
    g_autofree char **sub_argv = g_new0(char *, (gsize)argc + 1);
    sub_argv[0] = argv[0];
    for (int i = 2; i < argc; i++)
        sub_argv[i - 1] = argv[i];
    char **sub = sub_argv;
    g_autoptr(GError) error = NULL;
    if (!g_option_context_parse(ctx, &sub_argc, &sub, &error)) {
        g_strfreev(formats);
        usage_error(cmd, error->message);
        return DSR_EXIT_USAGE;
    }
    a->formats = split_lists(formats);
    g_strfreev(formats);
    /* Limits typed on the command line are read first: the file fills only those left unset. */
    if (!check_limits(a, cmd))
        return DSR_EXIT_USAGE;
    if (a->config && !apply_config(a, cmd))
        return DSR_EXIT_USAGE;
    if (!check_values(a, cmd))
        return DSR_EXIT_USAGE;
    for (guint i = 0; a->inputs && a->inputs[i]; i++) {
        if (a->inputs[i][0] == '-' && a->inputs[i][1]) {
            g_autofree char *m = g_strdup_printf("unknown option '%s'", a->inputs[i]);
            usage_error(cmd, m);
            return DSR_EXIT_USAGE;
        }
    }
    if ((a->command == DSR_CMD_INSPECT || a->command == DSR_CMD_EXTRACT ||
         a->command == DSR_CMD_LIST || a->command == DSR_CMD_RENDER) &&
        (!a->inputs || !a->inputs[0])) {
        usage_error(cmd, a->command == DSR_CMD_RENDER ? "no BRIEF.json given" : "no INPUT given");
        return DSR_EXIT_USAGE;
    }
    return DSR_EXIT_OK;
}
