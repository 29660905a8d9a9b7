/* SPDX-License-Identifier: MIT
 * Snowball stems through libstemmer, for matching words across inflections
 * (économiques, économie -> économ). Input must be folded (lower case): the
 * French stemmer mangles capitals ("Économie" -> "Économ"). */
#include <dossier/text.h>
#include <libstemmer.h>
#include <string.h>

/* Stems are a pure function of the word, and news text repeats its words:
 * each stemmer remembers the stems it gave (Snowball's French stemmer costs
 * some 4 000 instructions a word, a lookup a tenth of that). The memory is
 * bounded: past STEM_CACHE_MAX words it starts again. */
#define STEM_CACHE_MAX 32768

struct DsrStemmer {
    struct sb_stemmer *sb;
    GHashTable *cache; /* folded word -> stem, both owned */
};

DsrStemmer *
dsr_stemmer_new(const char *lang)
{
    struct sb_stemmer *sb =
        sb_stemmer_new(g_strcmp0(lang, "en") == 0 ? "english" : "french", "UTF_8");
    g_return_val_if_fail(sb != NULL, NULL);
    DsrStemmer *s = g_new0(DsrStemmer, 1);
    s->sb = sb;
    s->cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    return s;
}

void
dsr_stemmer_free(DsrStemmer *s)
{
    if (!s)
        return;
    sb_stemmer_delete(s->sb);
    g_hash_table_unref(s->cache);
    g_free(s);
}

const char *
dsr_stemmer_stem_borrowed(DsrStemmer *s, const char *word)
{
    const char *known = g_hash_table_lookup(s->cache, word);
    if (known)
        return known;
    const sb_symbol *out = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)strlen(word));
    char *stem =
        out ? g_strndup((const char *)out, (gsize)sb_stemmer_length(s->sb)) : g_strdup(word);
    g_hash_table_insert(s->cache, g_strdup(word), stem);
    return stem;
}

void
dsr_stemmer_trim(DsrStemmer *s)
{
    if (g_hash_table_size(s->cache) >= STEM_CACHE_MAX)
        g_hash_table_remove_all(s->cache);
}

char *
dsr_stemmer_stem(DsrStemmer *s, const char *word)
{
    dsr_stemmer_trim(s);
    return g_strdup(dsr_stemmer_stem_borrowed(s, word));
}
