/* SPDX-License-Identifier: MIT
 * The run module's output folder: atomic writes that leave unchanged files
 * alone, the lock that keeps a second run out, unwritable folders. */
#include <dossier/dossier.h>
#include "run/run-private.h"
#include <glib/gstdio.h>
#include <string.h>
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

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/run/output/write-statuses", test_write_statuses);
    g_test_add_func("/run/output/lock", test_lock);
    g_test_add_func("/run/output/unwritable", test_unwritable);
    return g_test_run();
}
