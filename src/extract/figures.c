/* SPDX-License-Identifier: MIT
 * SCAFFOLD: replaced by the figure parser's owner. */
#include "extract-private.h"

GPtrArray *
dsr__figures_parse(const char *sentence, const char *lang)
{
    (void)sentence;
    (void)lang;
    return g_ptr_array_new_with_free_func((GDestroyNotify)dsr_figure_free);
}
