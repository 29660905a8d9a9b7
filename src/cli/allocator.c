/* SPDX-License-Identifier: MIT
 * Which malloc the dossier program runs on. Release and dev builds link
 * mimalloc ahead of libc (CMake option DOSSIER_ALLOCATOR), so GLib, Pango,
 * cairo, libxml2 and dossier itself all allocate from it: a build makes
 * millions of small, short-lived blocks (tokens, stems, glyph strings), and
 * glibc's malloc was 9 % of a 250-article build's instructions. Sanitizer
 * and fuzzing builds keep the system malloc, which their runtimes replace. */
#include "cli.h"
#include <glib.h>
#ifdef DOSSIER_MIMALLOC
#include <mimalloc.h>
#endif

char *
dsr_cli_allocator(void)
{
#ifdef DOSSIER_MIMALLOC
    /* Linked is not enough: the check is that GLib's own blocks come from
     * mimalloc's heap, i.e. that its malloc won the symbol lookup. */
    gpointer probe = g_malloc(64);
    const gboolean in_use = mi_is_in_heap_region(probe);
    g_free(probe);
    const int v = mi_version();
    return g_strdup_printf("mimalloc %d.%d.%d%s", v / 100, v / 10 % 10, v % 10,
                           in_use ? "" : " (linked, not in use: system malloc)");
#else
    return g_strdup("system malloc");
#endif
}
