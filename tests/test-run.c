/* SPDX-License-Identifier: MIT
 * The run module's output folder: atomic writes that leave unchanged files
 * alone, the lock that keeps a second run out, unwritable folders; a build
 * from a facts file. */
#include <dossier/dossier.h>
#include "run/run-private.h"
#include <glib/gstdio.h>
#include <string.h>
#include <cJSON.h>
#include "test-support.h"

static char *
temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("dossier-test-run-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

static void
remove_tree(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *p = g_build_filename(dir, name, NULL);
        g_remove(p);
    }
    g_rmdir(dir);
}

static void
test_write_statuses(void)
{
    g_autofree char *dir = temp_dir();
    g_autoptr(GError) error = NULL;
    const char *a = "first version", *b = "second version";

    DsrOutputRecord *r = dsr__output_write(dir, "x.html", (const guint8 *)a, strlen(a), &error);
    g_assert_no_error(error);
    g_assert_cmpstr(r->status, ==, "new");
    g_assert_cmpuint(r->bytes, ==, strlen(a));
    g_autofree char *expected_hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, a, -1);
    g_assert_cmpstr(r->sha256, ==, expected_hash);
    dsr__output_record_free(r);

    g_autofree char *path = g_build_filename(dir, "x.html", NULL);
    GStatBuf before, after;
    g_assert_cmpint(g_stat(path, &before), ==, 0);
    r = dsr__output_write(dir, "x.html", (const guint8 *)a, strlen(a), &error);
    g_assert_cmpstr(r->status, ==, "unchanged");
    dsr__output_record_free(r);
    g_assert_cmpint(g_stat(path, &after), ==, 0);
    g_assert_cmpint(before.st_ino, ==, after.st_ino); /* not rewritten */

    r = dsr__output_write(dir, "x.html", (const guint8 *)b, strlen(b), &error);
    g_assert_cmpstr(r->status, ==, "changed");
    dsr__output_record_free(r);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, b);

    /* No temporary file is left beside it. */
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name(d))
        n++;
    g_assert_cmpuint(n, ==, 1);
    remove_tree(dir);
}

static void
test_lock(void)
{
    g_autofree char *dir = temp_dir();
    g_autoptr(GError) error = NULL;
    int first = dsr__output_lock(dir, &error);
    g_assert_no_error(error);
    g_assert_cmpint(first, >=, 0);
    int second = dsr__output_lock(dir, &error);
    g_assert_cmpint(second, ==, -1);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_OUTPUT);
    g_clear_error(&error);
    dsr__output_unlock(first);
    int third = dsr__output_lock(dir, &error);
    g_assert_no_error(error);
    dsr__output_unlock(third);
    remove_tree(dir);
}

static void
test_unwritable(void)
{
    g_autoptr(GError) error = NULL;
    g_assert_cmpint(dsr__output_lock("/proc/dossier-cannot-be-here", &error), ==, -1);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_OUTPUT);
    g_clear_error(&error);
    DsrOutputRecord *r = dsr__output_write("/proc", "x.pdf", (const guint8 *)"x", 1, &error);
    g_assert_null(r);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_OUTPUT);
}

static void
assert_config_error(const char *json, const char *path_in_message)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrRunConfig) c = dsr_run_config_parse(json, strlen(json), "cfg.json", &error);
    g_assert_null(c);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_USAGE);
    g_autofree char *expected = g_strdup_printf("cfg.json: %s", path_in_message);
    if (!g_str_has_prefix(error->message, expected))
        g_error("'%s' does not start with '%s'", error->message, expected);
}

static void
test_config_errors(void)
{
    assert_config_error("{\"outptu\": \"x\"}", "$.outptu: unknown key");
    assert_config_error("{\"email\": {\"to\": [\"a@example.org\", 3]}}", "$.email.to[1]: expected");
    assert_config_error("{\"email\": {\"to\": [\"not an address\"]}}", "$.email.to[0]: not one");
    assert_config_error("{\"email\": {\"bcc\": []}}", "$.email.bcc: unknown key");
    assert_config_error("{\"strict\": \"yes\"}", "$.strict: expected true or false");
    assert_config_error("{\"jobs\": 2.5}", "$.jobs: expected a whole number");
    assert_config_error("{\"since\": \"2025-13-01\"}", "$.since: expected a date");
    assert_config_error("{\"format\": \"pdf,docx\"}", "$.format: unknown format");
    assert_config_error("{\"partner\": [\"RU\", \"R1\"]}", "$.partner[1]:");
    assert_config_error("{\"relationships\": {\"RU\": {\"titel\": \"x\"}}}",
                        "$.relationships.RU.titel: unknown key");
    assert_config_error("{\"email\": {\"subject\": \"{titel}\"}}",
                        "$.email.subject: unknown placeholder");
    assert_config_error("[1]", "$: expected an object");
    g_autoptr(GError) error = NULL;
    const char *bad = "{\n  \"output\": \"x\",\n  oops\n}";
    g_assert_null(dsr_run_config_parse(bad, strlen(bad), "cfg.json", &error));
    g_assert_true(g_str_has_prefix(error->message, "cfg.json:3:"));
}

static void
test_config_values(void)
{
    const char *json =
        "{\"inputs\": [\"inbox\", \"/abs/x.txt\"], \"output\": \"out\","
        " \"format\": \"pdf, eml\", \"partner\": [\"ru\"], \"strict\": true,"
        " \"jobs\": 2, \"log-format\": \"json\","
        " \"email\": {\"from\": \"Veille <v@example.org>\", \"to\": \"c@example.org\","
        " \"subject\": \"{title}, {date}\"},"
        " \"relationships\": {\"ru\": {\"title\": \"Note\", \"to\": [\"r@example.org\"]}}}";
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrRunConfig) c =
        dsr_run_config_parse(json, strlen(json), "/etc/dossier/d.json", &error);
    g_assert_no_error(error);
    /* Relative paths are taken from the file's folder: cron does not run in it. */
    g_assert_cmpstr(c->inputs[0], ==, "/etc/dossier/inbox");
    g_assert_cmpstr(c->inputs[1], ==, "/abs/x.txt");
    g_assert_cmpstr(c->output, ==, "/etc/dossier/out");
    g_assert_cmpstr(c->formats[0], ==, "pdf");
    g_assert_cmpstr(c->formats[1], ==, "eml");
    g_assert_cmpstr(c->partners[0], ==, "RU");
    g_assert_cmpint(c->strict, ==, 1);
    g_assert_cmpint(c->quiet, ==, -1);
    g_assert_cmpint(c->jobs, ==, 2);
    g_assert_cmpstr(c->email.to[0], ==, "c@example.org");
    g_assert_null(c->email.to[1]);
    g_assert_cmpuint(c->relationships->len, ==, 1);
    const DsrPartnerSettings *r = g_ptr_array_index(c->relationships, 0);
    g_assert_cmpstr(r->partner, ==, "RU");
    const DsrPartnerSettings *list[] = {r, NULL};
    DsrRunOptions opt = {.relationships = list};
    g_assert_true(dsr_run_options_relationship(&opt, "ru") == r);
    g_assert_null(dsr_run_options_relationship(&opt, "CN"));
}

/* Sizes as people write them; anything else is refused, never read as 0. */
static void
test_parse_size(void)
{
    static const struct {
        const char *text;
        guint64 bytes;
    } good[] = {{"500000", 500000},
                {"512K", 512u << 10},
                {"512k", 512u << 10},
                {"20M", 20u << 20},
                {"20MB", 20u << 20},
                {"20MiB", 20u << 20},
                {"1G", G_GUINT64_CONSTANT(1) << 30},
                {"2T", G_GUINT64_CONSTANT(2) << 40},
                {"100B", 100}};
    for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
        guint64 n = 0;
        g_assert_true(dsr_run_parse_size(good[i].text, &n));
        g_assert_cmpuint(n, ==, good[i].bytes);
    }
    static const char *const bad[] = {"",
                                      "0",
                                      "0M",
                                      "-1",
                                      "M",
                                      "20X",
                                      "1.5M",
                                      " 20M",
                                      "20M ",
                                      "20MM",
                                      "99999999999999999999",
                                      "17179869184G"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        guint64 n = 7;
        if (dsr_run_parse_size(bad[i], &n))
            g_error("'%s' read as a size (%" G_GUINT64_FORMAT ")", bad[i], n);
        g_assert_cmpuint(n, ==, 7);
    }
}

static void
test_config_limits(void)
{
    const char *json = "{\"max-file-size\": \"1M\", \"max-articles\": 500, \"max-figures\": 30,"
                       " \"max-events\": 12, \"max-actors\": 8, \"max-pages\": 40}";
    g_autoptr(GError) error = NULL;
    g_autoptr(DsrRunConfig) c = dsr_run_config_parse(json, strlen(json), "cfg.json", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(c->max_file_size, ==, 1u << 20);
    g_assert_cmpuint(c->max_articles, ==, 500);
    g_assert_cmpuint(c->max_figures, ==, 30);
    g_assert_cmpuint(c->max_events, ==, 12);
    g_assert_cmpuint(c->max_actors, ==, 8);
    g_assert_cmpuint(c->max_pages, ==, 40);
    const char *bytes = "{\"max-file-size\": 65536}";
    g_autoptr(DsrRunConfig) b = dsr_run_config_parse(bytes, strlen(bytes), "cfg.json", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(b->max_file_size, ==, 65536);
    assert_config_error("{\"max-file-size\": \"lots\"}", "$.max-file-size: 'lots' is not a size");
    assert_config_error("{\"max-file-size\": 0}", "$.max-file-size: expected a positive");
    assert_config_error("{\"max-articles\": 0}", "$.max-articles: expected a whole number");
    assert_config_error("{\"max-pages\": 2.5}", "$.max-pages: expected a whole number");
    assert_config_error("{\"max-events\": \"10\"}", "$.max-events: expected a whole number");
    assert_config_error("{\"max-actors\": 1000001}", "$.max-actors: expected a whole number");
}

static void
test_stage_abort(void)
{
    g_autofree char *dir = temp_dir();
    g_autoptr(GError) error = NULL;
    DsrOutputRecord *r = dsr__output_write(dir, "a.pdf", (const guint8 *)"old", 3, &error);
    dsr__output_record_free(r);
    DsrOutputStage *st = dsr__output_stage_new(dir);
    r = dsr__output_stage_file(st, "a.pdf", (const guint8 *)"new", 3, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(r->status, ==, "changed");
    dsr__output_record_free(r);
    r = dsr__output_stage_file(st, "b.pdf", (const guint8 *)"b", 1, &error);
    dsr__output_record_free(r);
    g_assert_cmpuint(dsr__output_stage_count(st), ==, 2);
    /* Staged, not yet in place: the old file is still what a reader sees. */
    g_autofree char *path = g_build_filename(dir, "a.pdf", NULL);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "old");
    dsr__output_stage_free(st); /* not committed: temporaries removed */
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name(d))
        n++;
    g_assert_cmpuint(n, ==, 1);
    g_clear_pointer(&text, g_free);
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, "old");
    remove_tree(dir);
}

/* A temporary left by a killed run is removed by the next one, under the lock. */
static void
test_stale_temporaries(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *stale = g_build_filename(dir, ".vn-ru.pdf.tmp-AbC123", NULL);
    g_assert_true(g_file_set_contents(stale, "half", -1, NULL));
    g_autoptr(GError) error = NULL;
    int fd = dsr__output_lock(dir, &error);
    g_assert_no_error(error);
    g_assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
    dsr__output_unlock(fd);
    remove_tree(dir);
}

static void
build_sample(const char *dir, DsrRunResult *result, const volatile gint *cancel, GError **error)
{
    g_autofree char *sample = g_test_build_filename(
        G_TEST_DIST, "..", "examples", "articles", "seed-000-vietnam-russie-table-ronde.txt", NULL);
    const char *inputs[] = {sample, NULL};
    const char *formats[] = {"json", NULL};
    DsrRunOptions opt = {.inputs = inputs,
                         .output_dir = dir,
                         .formats = formats,
                         .now = 1700000000,
                         .jobs = 1,
                         .cancel = cancel};
    dsr_run_build(&opt, result, error);
}

static void
test_build_lock_and_manifest(void)
{
    g_autofree char *dir = temp_dir();
    g_autoptr(GError) error = NULL;
    DsrRunResult res;
    build_sample(dir, &res, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(res.briefs, >, 0);
    g_assert_cmpuint(res.new_articles, ==, 0); /* no previous run: nothing is "new" */

    g_autofree char *json = g_build_filename(dir, "vn-ru.json", NULL);
    GStatBuf before, after;
    g_assert_cmpint(g_stat(json, &before), ==, 0);
    build_sample(dir, &res, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpint(g_stat(json, &after), ==, 0);
    g_assert_cmpint(before.st_ino, ==, after.st_ino);
    g_assert_cmpint(before.st_mtime, ==, after.st_mtime);
    g_assert_cmpuint(res.written, ==, 1); /* run.json alone: it now knows a previous run */

    g_autofree char *manifest = g_build_filename(dir, "run.json", NULL);
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(manifest, &text, NULL, NULL));
    cJSON *m = cJSON_Parse(text);
    g_assert_true(cJSON_IsTrue(cJSON_GetObjectItem(m, "previous_run")));
    const cJSON *in = cJSON_GetArrayItem(cJSON_GetObjectItem(m, "inputs"), 0);
    g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(in, "status")), ==, "used");
    g_assert_true(cJSON_IsFalse(cJSON_GetObjectItem(in, "new")));
    const cJSON *o;
    cJSON_ArrayForEach (o, cJSON_GetObjectItem(m, "outputs"))
        g_assert_cmpstr(cJSON_GetStringValue(cJSON_GetObjectItem(o, "status")), ==, "unchanged");
    cJSON_Delete(m);

    /* Locked by another run: refused at once, nothing touched. */
    int fd = dsr__output_lock(dir, &error);
    g_assert_no_error(error);
    build_sample(dir, &res, NULL, &error);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_OUTPUT);
    g_clear_error(&error);
    dsr__output_unlock(fd);

    /* Cancelled: fails, and run.json is the previous one. */
    g_autofree char *old = g_strdup(text);
    volatile gint stop = 1;
    build_sample(dir, &res, &stop, &error);
    g_assert_error(error, DSR_ERROR, DSR_ERROR_OUTPUT);
    g_clear_pointer(&text, g_free);
    g_assert_true(g_file_get_contents(manifest, &text, NULL, NULL));
    g_assert_cmpstr(text, ==, old);
    remove_tree(dir);
}

/* The progress callback rewrites the facts file once the briefs start:
 * what a user editing a shard during a run does. */
static void
rewrite_facts(DsrStage stage, guint done, guint total G_GNUC_UNUSED,
              gint64 elapsed_us G_GNUC_UNUSED, gpointer data)
{
    const char *path = data;
    if (stage != DSR_STAGE_BRIEF || done != 0)
        return;
    g_autofree char *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &text, &len, NULL));
    g_autofree char *more = g_strconcat(text, "\n", NULL);
    g_assert_true(g_file_set_contents(path, more, -1, NULL));
}

/* A build reads a facts file's lines again when it makes the briefs: from
 * an unchanged file the briefs are those of the articles; a file changed
 * in between fails the run and writes nothing. */
static void
test_build_facts_file(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *out = g_build_filename(dir, "out", NULL);
    g_autofree char *facts = g_build_filename(dir, "a.facts.jsonl", NULL);
    g_autofree char *sample = g_test_build_filename(
        G_TEST_DIST, "..", "examples", "articles", "seed-000-vietnam-russie-table-ronde.txt", NULL);
    g_autoptr(GError) error = NULL;
    DsrRunResult res;
    const char *articles[] = {sample, NULL};
    const char *formats[] = {"json", NULL};
    DsrRunOptions opt = {.inputs = articles, .formats = formats, .now = 1700000000, .jobs = 1};
    g_autoptr(GString) lines = g_string_new(NULL);
    g_assert_true(dsr_run_extract(&opt, lines, &res, &error));
    g_assert_true(g_file_set_contents(facts, lines->str, (gssize)lines->len, NULL));

    opt.output_dir = out;
    g_assert_true(dsr_run_build(&opt, &res, &error));
    g_autofree char *brief = g_build_filename(out, "vn-ru.json", NULL);
    g_autofree char *from_articles = NULL;
    g_assert_true(g_file_get_contents(brief, &from_articles, NULL, NULL));
    remove_tree(out);

    const char *shard[] = {facts, NULL};
    opt.inputs = shard;
    g_assert_true(dsr_run_build(&opt, &res, &error));
    g_autofree char *from_facts = NULL;
    g_assert_true(g_file_get_contents(brief, &from_facts, NULL, NULL));
    g_assert_cmpstr(from_facts, ==, from_articles);
    remove_tree(out);

    opt.progress = rewrite_facts;
    opt.progress_data = facts;
    g_assert_false(dsr_run_build(&opt, &res, &error));
    g_assert_error(error, DSR_ERROR, DSR_ERROR_INPUT);
    g_assert_false(g_file_test(brief, G_FILE_TEST_EXISTS));
    remove_tree(out);
    g_remove(facts);
    g_rmdir(dir);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/run/output/write-statuses", test_write_statuses);
    g_test_add_func("/run/output/lock", test_lock);
    g_test_add_func("/run/output/unwritable", test_unwritable);
    g_test_add_func("/run/output/stage-abort", test_stage_abort);
    g_test_add_func("/run/output/stale-temporaries", test_stale_temporaries);
    g_test_add_func("/run/config/errors", test_config_errors);
    g_test_add_func("/run/config/values", test_config_values);
    g_test_add_func("/run/config/limits", test_config_limits);
    g_test_add_func("/run/parse-size", test_parse_size);
    g_test_add_func("/run/build/lock-and-manifest", test_build_lock_and_manifest);
    g_test_add_func("/run/build/facts-file", test_build_facts_file);
    return g_test_run();
}
