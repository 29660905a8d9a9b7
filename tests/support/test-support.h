/* SPDX-License-Identifier: MIT
 * Helpers shared by the unit tests: paths into tests/data and golden files. */
#ifndef DSR_TEST_SUPPORT_H
#define DSR_TEST_SUPPORT_H

#include <glib.h>

/* tests/data/@module/@name (new string). */
char *dsr_test_data_path(const char *module, const char *name);

/* Contents of tests/data/@module/@name; aborts the test when unreadable. */
char *dsr_test_read_data(const char *module, const char *name, gsize *len);

/* Compares @actual with tests/data/@module/@expected_name. On a mismatch
 * writes <case>.actual.<ext> into the build tree, names both files and fails.
 * With DOSSIER_UPDATE_GOLDEN=1 rewrites the expected file instead. */
#define dsr_test_assert_golden(actual, module, expected_name) \
    dsr_test_check_golden((actual), (module), (expected_name), __FILE__, __LINE__)
void dsr_test_check_golden(const char *actual, const char *module, const char *expected_name,
                           const char *file, int line);

/* The corpus folder (real articles, not in the repository): $DOSSIER_CORPUS,
 * else ../shared/corpus beside $DOSSIER_DATADIR. NULL when there is none:
 * measurements on it then skip (g_test_skip). New string. */
char *dsr_test_corpus_dir(void);

#endif
