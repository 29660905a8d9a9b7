/* SPDX-License-Identifier: MIT
 * Areas of cooperation from the taxonomy in data/themes.json. Terms and text
 * are compared as sequences of Snowball stems of their content words, so
 * "villes intelligentes" finds "ville intelligente" and "la sécurité de
 * l'information" finds "sécurité des informations". Acronyms (IA, AI, 5G)
 * match as whole tokens with their case, since "ai" is a French verb. */
#include "extract-private.h"

#include <string.h>
#include <cJSON.h>
#include <dossier/error.h>
#include <dossier/text.h>
#include "common/cleanup.h"

typedef struct {
    char **stems; /* NULL-terminated; NULL for an acronym */
    int n;
    char *acronym; /* cased token, or NULL */
} ThemeTerm;

typedef struct {
    char *name, *name_en;
    GPtrArray *terms[2]; /* ThemeTerm *, [0] French, [1] English */
} Theme;

struct DsrThemes {
    GPtrArray *themes; /* Theme * */
};

static void
theme_term_free(ThemeTerm *t)
{
    g_strfreev(t->stems);
    g_free(t->acronym);
    g_free(t);
}

static void
theme_free(Theme *t)
{
    g_free(t->name);
    g_free(t->name_en);
    for (int i = 0; i < 2; i++)
        g_ptr_array_unref(t->terms[i]);
    g_free(t);
}

/* Content-word stems of @text in @lang: stop words and lone letters dropped. */
static GPtrArray *
content_stems(const char *text, const char *lang, DsrStemmer *stemmer)
{
    g_autoptr(GPtrArray) words = dsr_text_words(text);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < words->len; i++) {
        const char *w = g_ptr_array_index(words, i);
        if (g_utf8_strlen(w, -1) < 2 || dsr_text_is_stopword(w, lang))
            continue;
        g_ptr_array_add(out, dsr_stemmer_stem(stemmer, w));
    }
    return out;
}

static gboolean
is_acronym_term(const char *s)
{
    gboolean upper = FALSE;
    for (const char *p = s; *p; p++) {
        if (g_ascii_islower(*p) || !g_ascii_isalnum(*p))
            return FALSE;
        upper |= g_ascii_isupper(*p);
    }
    return upper;
}

static gboolean
load_terms(Theme *th, const cJSON *list, int slot, const char *lang, DsrStemmer *stemmer)
{
    th->terms[slot] = g_ptr_array_new_with_free_func((GDestroyNotify)theme_term_free);
    if (!list)
        return TRUE;
    if (!cJSON_IsArray(list))
        return FALSE;
    const cJSON *it;
    cJSON_ArrayForEach (it, list) {
        if (!cJSON_IsString(it))
            return FALSE;
        ThemeTerm *t = g_new0(ThemeTerm, 1);
        if (is_acronym_term(it->valuestring)) {
            t->acronym = g_strdup(it->valuestring);
        } else {
            g_autoptr(GPtrArray) stems = content_stems(it->valuestring, lang, stemmer);
            if (!stems->len) {
                theme_term_free(t);
                continue;
            }
            t->n = stems->len;
            g_ptr_array_set_free_func(stems, NULL);
            g_ptr_array_add(stems, NULL);
            t->stems = (char **)g_ptr_array_steal(stems, NULL);
        }
        g_ptr_array_add(th->terms[slot], t);
    }
    return TRUE;
}

DsrThemes *
dsr__themes_load(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: cannot be read", path);
        return NULL;
    }
    const char *end = NULL;
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(data, len, &end, FALSE);
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "themes");
    if (!cJSON_IsArray(list)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: not a theme taxonomy (%s)", path,
                    root ? "no \"themes\" list" : "invalid JSON");
        return NULL;
    }
    g_autoptr(DsrStemmer) fr = dsr_stemmer_new("fr");
    g_autoptr(DsrStemmer) en = dsr_stemmer_new("en");
    DsrThemes *ths = g_new0(DsrThemes, 1);
    ths->themes = g_ptr_array_new_with_free_func((GDestroyNotify)theme_free);
    const cJSON *it;
    cJSON_ArrayForEach (it, list) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(it, "name");
        const cJSON *name_en = cJSON_GetObjectItemCaseSensitive(it, "en");
        if (!cJSON_IsString(name) || !*name->valuestring) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE, "%s: theme %d has no name", path,
                        (int)ths->themes->len + 1);
            dsr__themes_free(ths);
            return NULL;
        }
        Theme *th = g_new0(Theme, 1);
        th->name = g_strdup(name->valuestring);
        th->name_en = g_strdup(cJSON_IsString(name_en) ? name_en->valuestring : th->name);
        g_ptr_array_add(ths->themes, th);
        gboolean ok = load_terms(th, cJSON_GetObjectItemCaseSensitive(it, "fr"), 0, "fr", fr);
        ok = load_terms(th, cJSON_GetObjectItemCaseSensitive(it, "en_terms"), 1, "en", en) && ok;
        if (!ok) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_RESOURCE,
                        "%s: theme \"%s\" has a term list that is not a list of strings", path,
                        th->name);
            dsr__themes_free(ths);
            return NULL;
        }
    }
    return ths;
}

void
dsr__themes_free(DsrThemes *th)
{
    if (!th)
        return;
    g_ptr_array_unref(th->themes);
    g_free(th);
}

static int
count_term(const ThemeTerm *t, GPtrArray *stems, GPtrArray *tokens)
{
    int n = 0;
    if (t->acronym) {
        for (guint i = 0; i < tokens->len; i++)
            n += strcmp(g_ptr_array_index(tokens, i), t->acronym) == 0;
        return n;
    }
    for (guint i = 0; i + t->n <= stems->len; i++) {
        gboolean ok = TRUE;
        for (int k = 0; k < t->n && ok; k++)
            ok = strcmp(g_ptr_array_index(stems, i + k), t->stems[k]) == 0;
        if (ok) {
            n++;
            i += t->n - 1;
        }
    }
    return n;
}

typedef struct {
    int theme;
    int count;
    gboolean in_title;
} ThemeCount;

static int
compare_counts(gconstpointer a, gconstpointer b)
{
    const ThemeCount *x = a, *y = b;
    if (x->count != y->count)
        return y->count - x->count;
    return x->theme - y->theme;
}

void
dsr__themes_count(const DsrThemes *th, GPtrArray *units, const char *lang, DsrFacts *facts)
{
    int slot = g_strcmp0(lang, "en") == 0 ? 1 : 0;
    g_autoptr(DsrStemmer) stemmer = dsr_stemmer_new(slot ? "en" : "fr");
    g_autoptr(GArray) counts = g_array_new(FALSE, TRUE, sizeof(ThemeCount));
    g_array_set_size(counts, th->themes->len);
    for (guint i = 0; i < th->themes->len; i++)
        g_array_index(counts, ThemeCount, i).theme = i;
    g_autoptr(GString) l = g_string_new(NULL);
    g_autoptr(GString) c = g_string_new(NULL);
    for (guint u = 0; u < units->len; u++) {
        const DsrUnit *unit = g_ptr_array_index(units, u);
        g_autoptr(GPtrArray) stems = content_stems(unit->text, slot ? "en" : "fr", stemmer);
        g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func(g_free);
        gsize pos = 0, s, e;
        while (dsr__next_token(unit->text, &pos, &s, &e, l, c))
            g_ptr_array_add(tokens, g_strdup(c->str));
        for (guint t = 0; t < th->themes->len; t++) {
            const Theme *theme = g_ptr_array_index(th->themes, t);
            int n = 0;
            for (guint k = 0; k < theme->terms[slot]->len; k++)
                n += count_term(g_ptr_array_index(theme->terms[slot], k), stems, tokens);
            ThemeCount *tc = &g_array_index(counts, ThemeCount, t);
            tc->count += n;
            if (n && unit->paragraph < 0)
                tc->in_title = TRUE;
        }
    }
    g_array_sort(counts, compare_counts);
    /* One word in passing is not an area of cooperation; a headline word is. */
    for (guint i = 0; i < counts->len; i++) {
        const ThemeCount *tc = &g_array_index(counts, ThemeCount, i);
        if (tc->count >= 2 || tc->in_title)
            g_ptr_array_add(facts->themes,
                            g_strdup(((Theme *)g_ptr_array_index(th->themes, tc->theme))->name));
    }
}
