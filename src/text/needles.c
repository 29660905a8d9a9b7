/* SPDX-License-Identifier: MIT
 * Several substrings looked for in one pass over a string (dsr_needles_*).
 *
 * strstr() once per needle reads the haystack once per needle; here each
 * position is read once: a bit per byte pair says whether some needle starts
 * with that pair, and only then are the needles sharing the pair's first
 * byte compared there. */
#include <string.h>

#include <dossier/text.h>

struct DsrNeedles {
    gboolean empty;           /* "" is a needle: every string holds it */
    guint8 single[256 / 8];   /* the one-byte needles */
    guint8 pair[65536 / 8];   /* the first two bytes of the longer ones */
    GPtrArray *by_first[256]; /* char *, the longer needles by first byte, or NULL */
};

static inline gboolean
bit(const guint8 *set, guint i)
{
    return (set[i >> 3] >> (i & 7)) & 1;
}

static inline void
set_bit(guint8 *set, guint i)
{
    set[i >> 3] |= (guint8)(1u << (i & 7));
}

DsrNeedles *
dsr_needles_new(const char *const *needles)
{
    DsrNeedles *n = g_new0(DsrNeedles, 1);
    for (; needles && *needles; needles++) {
        const guchar *s = (const guchar *)*needles;
        if (!s[0]) {
            n->empty = TRUE;
            continue;
        }
        if (!s[1]) {
            set_bit(n->single, s[0]);
            continue;
        }
        set_bit(n->pair, (guint)s[0] << 8 | s[1]);
        if (!n->by_first[s[0]])
            n->by_first[s[0]] = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(n->by_first[s[0]], g_strdup(*needles));
    }
    return n;
}

void
dsr_needles_free(DsrNeedles *n)
{
    if (!n)
        return;
    for (guint i = 0; i < 256; i++)
        if (n->by_first[i])
            g_ptr_array_unref(n->by_first[i]);
    g_free(n);
}

gboolean
dsr_needles_find(const DsrNeedles *n, const char *haystack)
{
    if (n->empty)
        return TRUE;
    const guchar *s = (const guchar *)haystack;
    for (; *s; s++) {
        if (bit(n->single, *s))
            return TRUE;
        if (!bit(n->pair, (guint)s[0] << 8 | s[1]))
            continue;
        const GPtrArray *cands = n->by_first[*s];
        for (guint i = 0; i < cands->len; i++) {
            const char *c = g_ptr_array_index(cands, i);
            /* Stops at the haystack's NUL, where they differ. */
            if (strncmp((const char *)s, c, strlen(c)) == 0)
                return TRUE;
        }
    }
    return FALSE;
}
