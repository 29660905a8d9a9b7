/* SPDX-License-Identifier: MIT
 * The driver used when the harnesses are not linked with libFuzzer: runs
 * LLVMFuzzerTestOneInput() over every file named or found (recursively, in
 * name order) under the folders given, so the fuzz-smoke-* tests replay the
 * seed corpora and every kept crasher under the normal and sanitizer builds. */
#include "fuzz.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static guint runs;

static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
run_path(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_SYMLINK))
        return; /* the hostile folder's loops are for the CLI, not the harnesses */
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
        if (!dir)
            return;
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
        for (const char *n; (n = g_dir_read_name(dir));)
            g_ptr_array_add(names, g_build_filename(path, n, NULL));
        g_ptr_array_sort(names, compare_names);
        for (guint i = 0; i < names->len; i++)
            run_path(g_ptr_array_index(names, i));
        return;
    }
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
        return;
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autoptr(GError) err = NULL;
    if (!g_file_get_contents(path, &data, &len, &err)) {
        fprintf(stderr, "fuzz: %s\n", err->message);
        exit(1);
    }
    fprintf(stderr, "fuzz: %s (%zu bytes)\n", path, len);
    /* A heap copy of exactly @len bytes, as libFuzzer gives: reading past the
     * end is caught by ASan. */
    guint8 *copy = g_memdup2(data, len ? len : 1);
    LLVMFuzzerTestOneInput(copy, len);
    g_free(copy);
    runs++;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        run_path(argv[i]);
    fprintf(stderr, "fuzz: %u inputs\n", runs);
    return runs ? 0 : 1;
}
