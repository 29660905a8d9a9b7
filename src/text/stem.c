/* SPDX-License-Identifier: MIT
 * Snowball stems through libstemmer, for matching words across inflections
 * (économiques, économie -> économ). Input must be folded (lower case): the
 * French stemmer mangles capitals ("Économie" -> "Économ"). */
#include <dossier/text.h>
#include <libstemmer.h>
#include <string.h>

struct DsrStemmer {
    struct sb_stemmer *sb;
};

DsrStemmer *
dsr_stemmer_new(const char *lang)
{
    struct sb_stemmer *sb =
        sb_stemmer_new(g_strcmp0(lang, "en") == 0 ? "english" : "french", "UTF_8");
    g_return_val_if_fail(sb != NULL, NULL);
    DsrStemmer *s = g_new0(DsrStemmer, 1);
    s->sb = sb;
    return s;
}

void
dsr_stemmer_free(DsrStemmer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->sb);
    g_free(s);
}

char *
dsr_stemmer_stem(DsrStemmer *s, const char *word)
{
    const sb_symbol *out = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)strlen(word));
    if (!out)
        return g_strdup(word);
    return g_strndup((const char *)out, (gsize)sb_stemmer_length(s->sb));
}
