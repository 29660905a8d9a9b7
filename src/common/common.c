/* SPDX-License-Identifier: MIT
 * Library-wide bits: the error domain, the version and where the data
 * (templates, rules, fonts, sample articles) is found at run time. */
#include <dossier/dossier.h>

G_DEFINE_QUARK(dsr-error-quark, dsr_error)

const char *
dsr_version(void)
{
    return DOSSIER_VERSION;
}

static gpointer
find_data_dir(gpointer unused G_GNUC_UNUSED)
{
    const char *env = g_getenv("DOSSIER_DATADIR");
    if (env && *env)
        return g_strdup(env);
    /* A build tree keeps working from its sources, so `./build/dossier build`
     * needs no install step; an installed copy uses share/dossier. */
    g_autofree char *probe = g_build_filename(DOSSIER_SOURCE_DIR, "templates", "page-style.json", NULL);
    if (g_file_test(probe, G_FILE_TEST_IS_REGULAR))
        return g_strdup(DOSSIER_SOURCE_DIR);
    return g_strdup(DOSSIER_INSTALL_DATADIR);
}

const char *
dsr_data_dir(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, find_data_dir, NULL);
    return once.retval;
}
