/* SPDX-License-Identifier: MIT
 * Golden files: expected outputs live beside their inputs in tests/data and
 * are refreshed with DOSSIER_UPDATE_GOLDEN=1 (then read `git diff tests/data`). */
#include "test-support.h"
#include <string.h>

char *
dsr_test_data_path(const char *module, const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", module, name, NULL);
}

char *
dsr_test_read_data(const char *module, const char *name, gsize *len)
{
    g_autofree char *path = dsr_test_data_path(module, name);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    if (!g_file_get_contents(path, &text, len, &error))
        g_error("cannot read test data %s: %s", path, error->message);
    return text;
}

void
dsr_test_check_golden(const char *actual, const char *module, const char *expected_name,
                      const char *file, int line)
{
    g_autofree char *path = dsr_test_data_path(module, expected_name);
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = NULL;

    if (g_strcmp0(g_getenv("DOSSIER_UPDATE_GOLDEN"), "1") == 0) {
        if (!g_file_set_contents(path, actual, -1, &error))
            g_error("cannot update golden %s: %s", path, error->message);
        g_test_message("updated %s", path);
        return;
    }
    if (!g_file_get_contents(path, &expected, NULL, &error)) {
        g_test_message("%s:%d: missing golden %s (run with DOSSIER_UPDATE_GOLDEN=1)", file, line,
                       path);
        g_test_fail();
        return;
    }
    if (strcmp(expected, actual) == 0)
        return;

    /* case.expected.ext -> case.actual.ext in the build tree */
    g_autoptr(GString) actual_name = g_string_new(expected_name);
    g_string_replace(actual_name, ".expected.", ".actual.", 1);
    g_autofree char *dir = g_build_filename(DSR_TEST_BUILDDIR, "data", module, NULL);
    g_mkdir_with_parents(dir, 0755);
    g_autofree char *actual_path = g_build_filename(dir, actual_name->str, NULL);
    g_file_set_contents(actual_path, actual, -1, NULL);
    g_test_message("%s:%d: output differs from golden file\n  expected: %s\n  actual:   %s\n"
                   "  (DOSSIER_UPDATE_GOLDEN=1 ctest ... to accept)",
                   file, line, path, actual_path);
    g_test_fail();
}

char *
dsr_test_corpus_dir(void)
{
    const char *env = g_getenv("DOSSIER_CORPUS");
    g_autofree char *dir = NULL;
    if (env && *env)
        dir = g_strdup(env);
    else if (g_getenv("DOSSIER_DATADIR"))
        dir = g_build_filename(g_getenv("DOSSIER_DATADIR"), "..", "shared", "corpus", NULL);
    if (!dir || !g_file_test(dir, G_FILE_TEST_IS_DIR))
        return NULL;
    return g_steal_pointer(&dir);
}
