/* SPDX-License-Identifier: MIT
 * Sentence splitting for French and English news text. A sentence ends at
 * . ! ? … (and closing quotes or brackets after them) when the next word
 * starts a sentence: an upper-case letter, a digit or an opening quote. Not
 * after abbreviations (M., Mme, Dr., etc.) or initials, not inside numbers
 * (16.5, 16.400). Sites sometimes glue sentences ("russe.Lors"): a period
 * between a lower-case word (or an acronym) and a capitalised one splits too. */
#include <dossier/text.h>
#include <string.h>

static const char *const abbreviations[] = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "cf", "etc", "env", "av",
    "apr", "vol", "no", "n°", "art", "p", "pp", "mr", "mrs", "ms", "jr", "sr", "vs", "inc",
    "ltd", "co", "corp", "gen", "gov", "sen", "rep", "prof", "dept", "est", "approx", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "janv", "févr", "avr", "juil", "déc", "u.s", "u.k", "e.g", "i.e", "j.-c", "s.a", "ph.d",
};

static gboolean
is_abbreviation(const char *word, gsize len)
{
    if (len == 0 || len > 8)
        return FALSE;
    char buf[32];
    g_autofree char *w = g_strndup(word, len);
    g_autofree char *low = g_utf8_strdown(w, -1);
    g_strlcpy(buf, low, sizeof buf);
    for (guint i = 0; i < G_N_ELEMENTS(abbreviations); i++)
        if (strcmp(buf, abbreviations[i]) == 0)
            return TRUE;
    /* A single capital letter is an initial: "J. Smith", "H. Nguyen". */
    return g_utf8_strlen(w, -1) == 1 && g_unichar_isupper(g_utf8_get_char(w));
}

static gboolean
is_closer(gunichar c)
{
    return c == '"' || c == 0x00BB || c == 0x201D || c == 0x2019 || c == ')' || c == ']' ||
           c == '\'';
}

static gboolean
starts_sentence(gunichar c)
{
    return g_unichar_isupper(c) || g_unichar_istitle(c) || g_unichar_isdigit(c) || c == 0x00AB ||
           c == '"' || c == 0x201C || c == '(' || c == '[' || c == '-' || c == 0x2013 ||
           c == 0x2014;
}

/* The word just before byte offset @end (letters, digits, dots, hyphens, °). */
static const char *
word_before(const char *start, const char *end, gsize *len)
{
    const char *p = end;
    while (p > start) {
        const char *prev = g_utf8_prev_char(p);
        gunichar c = g_utf8_get_char(prev);
        if (!(g_unichar_isalnum(c) || c == '.' || c == '-' || c == 0x00B0))
            break;
        p = prev;
    }
    *len = (gsize)(end - p);
    return p;
}

static void
push(GPtrArray *out, const char *from, const char *to)
{
    g_autofree char *raw = g_strndup(from, (gsize)(to - from));
    char *s = dsr_text_squeeze(raw);
    if (*s)
        g_ptr_array_add(out, s);
    else
        g_free(s);
}

GPtrArray *
dsr_text_sentences(const char *text)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    const char *start = text;
    for (const char *p = text; *p;) {
        gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if (c != '.' && c != '!' && c != '?' && c != 0x2026) {
            p = next;
            continue;
        }
        const char *end = next;
        /* Runs of terminators ("?!", "...") and closing quotes belong to the sentence. */
        while (*end) {
            gunichar d = g_utf8_get_char(end);
            /* French sets the closing guillemet off with a space, often an
             * ordinary one: "? » Il" ends after the guillemet. */
            if (d == '.' || d == '!' || d == '?' || d == 0x2026 || is_closer(d) ||
                (dsr_text_is_space(d) && d != '\n' &&
                 g_utf8_get_char(g_utf8_next_char(end)) == 0x00BB))
                end = g_utf8_next_char(end);
            else
                break;
        }
        if (!*end) {
            p = end;
            break;
        }
        gunichar after = g_utf8_get_char(end);
        gboolean split = FALSE;
        if (dsr_text_is_space(after)) {
            const char *q = end;
            while (*q && dsr_text_is_space(g_utf8_get_char(q)))
                q = g_utf8_next_char(q);
            gunichar first = *q ? g_utf8_get_char(q) : 0;
            split = first && starts_sentence(first);
            if (split && c == '.' && end == next) {
                gsize wlen;
                const char *w = word_before(start, p, &wlen);
                if (is_abbreviation(w, wlen))
                    split = FALSE;
            }
        } else if (c == '.' && end == next && g_unichar_isupper(after)) {
            /* Glued sentences: "vietnamienne.Lors" but not "U.S" or "J.-C". */
            gsize wlen;
            const char *w = word_before(start, p, &wlen);
            glong chars = g_utf8_strlen(w, (gssize)wlen);
            gunichar last = wlen ? g_utf8_get_char(g_utf8_prev_char(p)) : 0;
            const char *q = end;
            int lower_after = 0;
            for (int k = 0; k < 2 && *q; k++) {
                q = g_utf8_next_char(q);
                lower_after += *q && g_unichar_islower(g_utf8_get_char(q));
            }
            /* "l'ASEAN.Le forum" is glued too: an acronym of three letters or
             * more, no inner dot (that would be "U.S"). */
            split = chars >= 3 && g_unichar_isalpha(last) && lower_after >= 1 &&
                    !memchr(w, '.', wlen);
        }
        if (split) {
            push(out, start, end);
            start = end;
        }
        p = end;
    }
    push(out, start, text + strlen(text));
    return out;
}
