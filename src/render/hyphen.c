/* SPDX-License-Identifier: MIT
 * Dictionary hyphenation for the PDF: Pango 1.50 only breaks at spaces, hyphens
 * and U+00AD, so libhyphen's patterns (Debian's hyphen-fr, hyphen-en-us) put
 * soft hyphens into each long word. The dictionaries are read-only once loaded,
 * so one copy per language serves every thread. */
#include "render-private.h"
#include <hyphen.h>
#include <string.h>

#ifndef DOSSIER_HYPHEN_DIR
#define DOSSIER_HYPHEN_DIR "/usr/share/hyphen"
#endif

/* Shorter words gain nothing from a break and look chopped. */
#define MIN_WORD_CHARS 5

static HyphenDict *
load_dict(const char *file)
{
    g_autofree char *path = g_build_filename(DOSSIER_HYPHEN_DIR, file, NULL);
    HyphenDict *dict = hnj_hyphen_load(path);
    if (!dict)
        g_info("no hyphenation patterns at %s: words will not be hyphenated", path);
    return dict;
}

static HyphenDict *
dict_for(const char *lang)
{
    static gsize fr_once = 0, en_once = 0;
    static HyphenDict *fr = NULL, *en = NULL;
    if (g_strcmp0(lang, "en") == 0) {
        if (g_once_init_enter(&en_once)) {
            en = load_dict("hyph_en_US.dic");
            g_once_init_leave(&en_once, 1);
        }
        return en;
    }
    if (g_once_init_enter(&fr_once)) {
        fr = load_dict("hyph_fr.dic");
        g_once_init_leave(&fr_once, 1);
    }
    return fr;
}

static gpointer
preload(gpointer lang)
{
    dict_for(lang);
    g_free(lang);
    return NULL;
}

GThread *
dsr__hyphen_preload(const char *lang)
{
    return g_thread_new("dossier-hyphen", preload, g_strdup(lang));
}

static gboolean
is_hyphen(gunichar c)
{
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x00AD;
}

static gboolean
is_word_char(gunichar c)
{
    GUnicodeType t = g_unichar_type(c);
    return g_unichar_isalpha(c) || t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK;
}

/* Appends @word (@len bytes, @nchars characters) with soft hyphens where the
 * patterns allow. The dictionary is UTF-8, so hnj_hyphen_hyphenate2 numbers
 * the break points by character, not by byte. */
static void
append_word(GString *out, HyphenDict *dict, const char *word, gsize len, glong nchars)
{
    g_autofree char *lower = g_utf8_strdown(word, (gssize)len);
    gboolean upper_inside = FALSE;
    const char *p = g_utf8_next_char(word);
    for (; p < word + len; p = g_utf8_next_char(p))
        if (g_unichar_isupper(g_utf8_get_char(p)))
            upper_inside = TRUE;
    /* Acronyms and mixed case (ASEAN, VinFast) are not dictionary words; a
     * lowercase form of another length would shift every index. */
    if (!dict || nchars < MIN_WORD_CHARS || upper_inside || g_utf8_strlen(lower, -1) != nchars) {
        g_string_append_len(out, word, (gssize)len);
        return;
    }
    const int size = (int)strlen(lower);
    g_autofree char *hyphens = g_malloc0((gsize)size + 5);
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    const int failed = hnj_hyphen_hyphenate2(dict, lower, size, hyphens, NULL, &rep, &pos, &cut);
    p = word;
    for (glong i = 0; i < nchars; i++) {
        const char *next = g_utf8_next_char(p);
        g_string_append_len(out, p, next - p);
        /* A non-standard break (rep) changes letters: skip it rather than misspell. */
        gboolean ok = !failed && (hyphens[i] & 1) && (!rep || !rep[i]) && i + 1 < nchars;
        if (ok)
            g_string_append(out, "\u00ad");
        p = next;
    }
    if (rep) {
        for (int i = 0; i < size; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
}

char *
dsr__hyphenate(const char *text, const char *lang)
{
    g_return_val_if_fail(text != NULL, NULL);
    HyphenDict *dict = dict_for(lang);
    GString *out = g_string_sized_new(strlen(text) + strlen(text) / 8);
    const char *p = text;
    gunichar prev = 0;
    while (*p) {
        gunichar c = g_utf8_get_char(p);
        if (!is_word_char(c)) {
            const char *next = g_utf8_next_char(p);
            g_string_append_len(out, p, next - p);
            prev = c;
            p = next;
            continue;
        }
        const char *start = p;
        glong nchars = 0;
        while (*p && is_word_char(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            nchars++;
        }
        gunichar after = *p ? g_utf8_get_char(p) : 0;
        /* Parts of a hyphenated compound ("Minh-Ville") and words glued to
         * digits, slashes or @ (codes, addresses) are left whole: a soft hyphen
         * beside a real one muddles what copy-paste gives back. */
        gboolean attached = is_hyphen(prev) || is_hyphen(after) || g_unichar_isdigit(prev) ||
                            g_unichar_isdigit(after) || prev == '/' || after == '/' ||
                            prev == '@' || after == '@' || prev == '_' || after == '_' ||
                            prev == '.' || (after == '.' && p[1] && !g_ascii_isspace(p[1]));
        if (attached)
            g_string_append_len(out, start, p - start);
        else
            append_word(out, dict, start, (gsize)(p - start), nchars);
        prev = g_utf8_get_char(g_utf8_prev_char(p));
    }
    return g_string_free(out, FALSE);
}
