/* SPDX-License-Identifier: MIT
 * Word prefilters for regular expressions: the words every match of a
 * pattern must contain, read from the pattern, and a trie that finds which
 * patterns' words a sentence holds in one pass over it.
 *
 * A word of a pattern is a run of word characters ([0-9A-Za-z_]) among its
 * literal characters that is sure to start a word of the subject: after \b,
 * ^, \s or \s+, or after a literal non-word character ("l'invitation": the
 * subject has "invitation" as a word of its own). It is whole ("=visite")
 * when a literal non-word character follows it, else only the beginning of
 * a word ("sign*" for "sign\w*", "visite*" for "visitee?s?"). Of a sequence,
 * one required item is kept (a word, or a mandatory group each alternative of
 * which gives words); of an alternation, the words of every alternative, and
 * none at all when one alternative gives none. A subject token is a run of
 * ASCII word characters; every other byte ends one. So when a match exists,
 * the word is there as a token (whole) or at the start of one: the filter
 * never rejects what the pattern matches. Builds with DOSSIER_CHECK_FILTERS
 * (sanitizer, fuzzing) verify it on every call. */
#include <dossier/text.h>

#include <string.h>

#define SLOTS 63    /* 0-9 A-Z a-z _ */
#define WORD_MAX 32 /* longer words are kept as their first 32 characters' prefix */

typedef struct {
    guint16 child[SLOTS];
    guint64 prefix; /* patterns with a word starting a token here */
    guint64 exact;  /* patterns with a word ending a token here */
} Node;

struct DsrWordFilter {
    GArray *nodes; /* Node; 0 is the root */
    GPtrArray *patterns;
    guint64 always; /* patterns without words: run on every subject */
};

static inline int
slot(guchar c)
{
    if (c >= 'a' && c <= 'z')
        return 36 + c - 'a';
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return 10 + c - 'A';
    return c == '_' ? 62 : -1;
}

static inline gboolean
is_word(guchar c)
{
    return slot(c) >= 0;
}

/* --- Reading a pattern ------------------------------------------------- */

typedef struct {
    const char *p;
    gboolean refused; /* a construct the reader does not follow: no words */
} Reader;

/* A candidate: its words (owned strings "=w" / "w*"), any one of which a
 * match holds. */
typedef GPtrArray Words;

static guint
weakest(const Words *w)
{
    guint min = G_MAXUINT;
    for (guint i = 0; i < w->len; i++) {
        const char *s = g_ptr_array_index(w, i);
        /* A whole word rejects more than the same letters as a prefix. */
        guint score = 2 * (strlen(s) - 1) + (s[0] == '=');
        min = MIN(min, score);
    }
    return min;
}

/* Keeps the candidate that rejects more: the longer weakest word. */
static void
keep_better(Words **best, Words *candidate)
{
    if (!candidate)
        return;
    if (!*best || weakest(candidate) > weakest(*best)) {
        if (*best)
            g_ptr_array_unref(*best);
        *best = candidate;
    } else {
        g_ptr_array_unref(candidate);
    }
}

static Words *
single(const char *word, gsize len, gboolean whole)
{
    Words *w = g_ptr_array_new_with_free_func(g_free);
    if (len > WORD_MAX)
        len = WORD_MAX, whole = FALSE;
    g_ptr_array_add(w, whole ? g_strdup_printf("=%.*s", (int)len, word)
                             : g_strdup_printf("%.*s*", (int)len, word));
    return w;
}

/* Length of the quantifier at @q (0 when none); *@optional when it allows
 * no occurrence. A lazy or possessive mark is part of it. */
static gsize
quantifier(const char *q, gboolean *optional)
{
    gsize n = 0;
    *optional = FALSE;
    if (*q == '?' || *q == '*') {
        *optional = TRUE;
        n = 1;
    } else if (*q == '+') {
        n = 1;
    } else if (*q == '{' && g_ascii_isdigit(q[1])) {
        const char *e = q + 1;
        while (g_ascii_isdigit(*e))
            e++;
        if (*e == ',')
            for (e++; g_ascii_isdigit(*e); e++)
                ;
        if (*e != '}')
            return 0; /* a literal brace */
        *optional = atoi(q + 1) == 0;
        n = e + 1 - q;
    }
    if (n && (q[n] == '?' || q[n] == '+'))
        n++;
    return n;
}

static void
skip_class(Reader *r)
{
    const char *p = r->p + 1;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p && *p != ']') {
        if (*p == '\\' && p[1])
            p += 2;
        else if (*p == '[' && p[1] == ':' && strstr(p + 2, ":]"))
            p = strstr(p + 2, ":]") + 2;
        else
            p++;
    }
    if (!*p)
        r->refused = TRUE;
    r->p = *p ? p + 1 : p;
}

static Words *alternatives(Reader *r, gboolean boundary);

/* One sequence, up to '|', ')' or the end: its best candidate, or NULL.
 * @boundary: the subject is at a word start if a word character comes. */
static Words *
sequence(Reader *r, gboolean boundary)
{
    Words *best = NULL;
    gboolean optional;
    while (*r->p && *r->p != '|' && *r->p != ')' && !r->refused) {
        const char *p = r->p;
        if (p[0] == '\\' && g_ascii_isalnum(p[1])) {
            char e = p[1];
            r->p += 2;
            if (e == 'b') {
                boundary = TRUE;
                continue;
            }
            if (strchr("pPxNkgo", e) && *r->p == '{') {
                const char *close = strchr(r->p, '}');
                r->p = close ? close + 1 : r->p + strlen(r->p);
            }
            r->p += quantifier(r->p, &optional);
            /* After a whitespace character, a word character starts a word. */
            boundary = e == 's' && !optional;
            continue;
        }
        if (p[0] == '[') {
            skip_class(r);
            r->p += quantifier(r->p, &optional);
            boundary = FALSE;
            continue;
        }
        if (p[0] == '(') {
            gboolean zero_width = FALSE;
            if (p[1] == '*') { /* (*UCP) and other verbs */
                const char *close = strchr(p, ')');
                r->p = close ? close + 1 : p + strlen(p);
                continue;
            }
            if (p[1] != '?') {
                r->p = p + 1;
            } else if (p[2] == ':' || p[2] == '>' || p[2] == '|') {
                r->p = p + 3;
            } else if (p[2] == '=' || p[2] == '!') {
                r->p = p + 3, zero_width = TRUE;
            } else if (p[2] == '<' && (p[3] == '=' || p[3] == '!')) {
                r->p = p + 4, zero_width = TRUE;
            } else if ((p[2] == '<' || p[2] == '\'' || (p[2] == 'P' && p[3] == '<')) &&
                       strpbrk(p + 3, ">'")) {
                r->p = strpbrk(p + 3, ">'") + 1; /* a named group */
            } else {
                r->refused = TRUE; /* option settings such as (?i) */
                break;
            }
            Words *inner = alternatives(r, boundary);
            if (*r->p != ')') {
                r->refused = TRUE;
                g_clear_pointer(&inner, g_ptr_array_unref);
                break;
            }
            r->p++;
            if (zero_width) {
                /* A lookaround takes nothing: the position is as it was. */
                g_clear_pointer(&inner, g_ptr_array_unref);
                continue;
            }
            r->p += quantifier(r->p, &optional);
            if (optional)
                g_clear_pointer(&inner, g_ptr_array_unref);
            keep_better(&best, inner);
            boundary = FALSE;
            continue;
        }
        if (p[0] == '^') {
            r->p++;
            boundary = TRUE;
            continue;
        }
        if (p[0] == '$') {
            r->p++;
            continue;
        }
        if (strchr(".*+?{}]\\", p[0]) || (guchar)p[0] >= 0x80) {
            /* Any character, a stray quantifier, a trailing backslash, or a
             * character outside ASCII (a word character for UCP): the word
             * boundaries around it are unknown. */
            r->p += (p[0] == '\\' && p[1]) ? 2 : 1;
            if ((guchar)p[0] >= 0x80)
                while (((guchar)*r->p & 0xC0) == 0x80)
                    r->p++;
            r->p += quantifier(r->p, &optional);
            boundary = FALSE;
            continue;
        }
        /* A run of literal characters. */
        char word[WORD_MAX + 1];
        gsize len = 0;
        gboolean in_word = FALSE, sure = FALSE, truncated = FALSE;
        for (;;) {
            const char *q = r->p;
            char c;
            if (q[0] == '\\' && q[1] && !g_ascii_isalnum(q[1]) && (guchar)q[1] < 0x80)
                c = q[1], q += 2; /* an escaped punctuation character */
            else if (q[0] && !strchr("\\[](){}.*+?^$|", q[0]) && (guchar)q[0] < 0x80)
                c = q[0], q += 1;
            else
                break;
            gsize n = quantifier(q, &optional);
            if (n && optional) {
                /* The character may be missing: the word, if one is open,
                 * is only a beginning; what follows has no sure boundary. */
                r->p = q + n;
                if (in_word && sure)
                    keep_better(&best, single(word, len, FALSE));
                in_word = FALSE;
                boundary = FALSE;
                goto run_done;
            }
            r->p = q;
            if (is_word((guchar)c)) {
                if (!in_word) {
                    in_word = TRUE;
                    sure = boundary;
                    len = 0;
                    truncated = FALSE;
                }
                if (len < WORD_MAX)
                    word[len++] = c;
                else
                    truncated = TRUE;
                boundary = FALSE;
            } else {
                if (in_word && sure)
                    keep_better(&best, single(word, len, !truncated));
                in_word = FALSE;
                boundary = TRUE;
            }
            if (n) {
                /* Repeated: what follows may be more of the same. */
                r->p += n;
                if (in_word && sure)
                    keep_better(&best, single(word, len, FALSE));
                in_word = FALSE;
                boundary = !is_word((guchar)c);
                goto run_done;
            }
        }
        if (in_word && sure)
            keep_better(&best, single(word, len, FALSE));
        in_word = FALSE;
    run_done:;
    }
    if (r->refused)
        g_clear_pointer(&best, g_ptr_array_unref);
    return best;
}

/* Alternatives up to ')' or the end: the words of all of them, or NULL when
 * one has none. */
static Words *
alternatives(Reader *r, gboolean boundary)
{
    Words *all = sequence(r, boundary);
    while (*r->p == '|') {
        r->p++;
        Words *alt = sequence(r, boundary);
        if (!alt || !all) {
            g_clear_pointer(&alt, g_ptr_array_unref);
            g_clear_pointer(&all, g_ptr_array_unref);
            /* Read on to the group's end all the same. */
            continue;
        }
        for (guint i = 0; i < alt->len; i++)
            g_ptr_array_add(all, g_strdup(g_ptr_array_index(alt, i)));
        g_ptr_array_unref(alt);
    }
    return all;
}

char **
dsr__word_filter_words(const char *pattern)
{
    Reader r = {pattern, FALSE};
    Words *w = alternatives(&r, FALSE);
    if (*r.p) /* an unbalanced ')' */
        r.refused = TRUE;
    if (!w || r.refused) {
        if (w)
            g_ptr_array_unref(w);
        return NULL;
    }
    g_ptr_array_set_free_func(w, NULL);
    g_ptr_array_add(w, NULL);
    return (char **)g_ptr_array_free(w, FALSE);
}

/* --- The filter ---------------------------------------------------------- */

static void
filtered_regex_free(gpointer p)
{
    DsrFilteredRegex *rx = p;
    g_regex_unref(rx->regex);
    g_free(rx);
}

DsrWordFilter *
dsr_word_filter_new(void)
{
    DsrWordFilter *f = g_new0(DsrWordFilter, 1);
    f->nodes = g_array_new(FALSE, TRUE, sizeof(Node));
    g_array_set_size(f->nodes, 1);
    f->patterns = g_ptr_array_new_with_free_func(filtered_regex_free);
    return f;
}

void
dsr_word_filter_free(DsrWordFilter *f)
{
    if (!f)
        return;
    g_array_unref(f->nodes);
    g_ptr_array_unref(f->patterns);
    g_free(f);
}

static void
insert(DsrWordFilter *f, const char *word, guint64 bit)
{
    gboolean whole = word[0] == '=';
    const char *w = whole ? word + 1 : word;
    gsize len = strlen(w) - (whole ? 0 : 1);
    guint node = 0;
    for (gsize i = 0; i < len; i++) {
        int s = slot((guchar)w[i]);
        g_assert(s >= 0);
        guint next = g_array_index(f->nodes, Node, node).child[s];
        if (!next) {
            g_assert(f->nodes->len < G_MAXUINT16);
            next = f->nodes->len;
            g_array_set_size(f->nodes, next + 1);
            g_array_index(f->nodes, Node, node).child[s] = next;
        }
        node = next;
    }
    Node *n = &g_array_index(f->nodes, Node, node);
    if (whole)
        n->exact |= bit;
    else
        n->prefix |= bit;
}

DsrFilteredRegex *
dsr_word_filter_compile(DsrWordFilter *f, const char *pattern, GRegexCompileFlags flags,
                        GError **error)
{
    g_return_val_if_fail(f->patterns->len < 64, NULL);
    GRegex *regex = g_regex_new(pattern, flags, 0, error);
    if (!regex)
        return NULL;
    DsrFilteredRegex *rx = g_new0(DsrFilteredRegex, 1);
    rx->regex = regex;
    rx->bit = G_GUINT64_CONSTANT(1) << f->patterns->len;
    g_ptr_array_add(f->patterns, rx);
    /* Case folded by PCRE2 or spaces ignored: the literal characters are
     * not the subject's. */
    g_auto(GStrv) words =
        (flags & (G_REGEX_CASELESS | G_REGEX_EXTENDED)) ? NULL : dsr__word_filter_words(pattern);
    if (!words)
        f->always |= rx->bit;
    for (char **w = words; w && *w; w++)
        insert(f, *w, rx->bit);
    return rx;
}

guint64
dsr_word_filter_scan(const DsrWordFilter *f, const char *s)
{
    const Node *nodes = (const Node *)f->nodes->data;
    guint64 mask = f->always;
    const guchar *p = (const guchar *)s;
    while (*p) {
        if (slot(*p) < 0) {
            p++;
            continue;
        }
        guint node = 0;
        for (;;) {
            int c = slot(*p);
            if (c < 0) {
                mask |= nodes[node].exact; /* the token ends here */
                break;
            }
            node = nodes[node].child[c];
            p++;
            if (!node)
                break;
            mask |= nodes[node].prefix;
        }
        while (slot(*p) >= 0)
            p++;
    }
    return mask;
}

gboolean
dsr_filtered_match(const DsrFilteredRegex *rx, guint64 words, const char *scanned, const char *s,
                   GMatchInfo **match_info)
{
    /* A part starting inside a token of the scanned string has a token of
     * its own the scan did not see. */
    gboolean may = (words & rx->bit) || (s != scanned && is_word((guchar)s[-1]));
    if (!may) {
#ifdef DOSSIER_CHECK_FILTERS
        if (g_regex_match(rx->regex, s, 0, NULL))
            g_error("word filter rejected a match of /%s/ in \"%s\"",
                    g_regex_get_pattern(rx->regex), s);
#endif
        if (match_info)
            *match_info = NULL;
        return FALSE;
    }
    return g_regex_match(rx->regex, s, 0, match_info);
}
