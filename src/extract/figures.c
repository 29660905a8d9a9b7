/* SPDX-License-Identifier: MIT
 * The figure parser: the quantities of one sentence, French or English.
 * The sentence is cut into tokens that keep their byte offsets (quotes stay
 * true substrings); each number is then read with what surrounds it — sign,
 * currency before or after, scale word, percent, count noun, qualifier — and
 * rejected when the context says it is a year, date, ordinal, reference or name. */
#include "extract-private.h"

#include <math.h>
#include <string.h>

#include <dossier/text.h>

typedef enum { TOK_WORD, TOK_NUM, TOK_PUNCT } TokType;

typedef struct {
    TokType type;
    gsize start, end;      /* bytes of the sentence */
    const char *fold;      /* dsr_text_fold of the text; apostrophe kept on elisions ("d'") */
    gsize fold_off;        /* where fold lies in Ctx.folds */
    gboolean space_before; /* white space between this token and the previous one */
    gboolean cap;          /* word starting with an uppercase letter */
    gboolean allcaps;      /* word of two or more letters, all uppercase */
} Tok;

typedef struct {
    const char *s;
    gboolean en;
    GArray *toks;   /* Tok */
    GString *folds; /* the tokens' folds, one after the other, each ending with NUL */
    guint n;
    guint floor;   /* first token not yet taken by a figure */
    int ref_year;  /* the article's year, 0 if unknown: dates "cette année", "last year" */
    int ref_month; /* its month, 0 if unknown: "de janvier à septembre" of which year */
} Ctx;

static Tok *
tok(const Ctx *c, gssize i)
{
    if (i < 0 || (guint)i >= c->n)
        return NULL;
    return &g_array_index(c->toks, Tok, i);
}

static const char *
fold_at(const Ctx *c, gssize i)
{
    Tok *t = tok(c, i);
    return t ? t->fold : "";
}

static gboolean
is_word(const Ctx *c, gssize i)
{
    Tok *t = tok(c, i);
    return t && t->type == TOK_WORD;
}

static gboolean
is_num(const Ctx *c, gssize i)
{
    Tok *t = tok(c, i);
    return t && t->type == TOK_NUM;
}

static gboolean
is_punct(const Ctx *c, gssize i, const char *p)
{
    Tok *t = tok(c, i);
    return t && t->type == TOK_PUNCT && strcmp(t->fold, p) == 0;
}

/* Token @i touches the previous one (no space between). */
static gboolean
glued(const Ctx *c, gssize i)
{
    Tok *t = tok(c, i);
    return t && i > 0 && !t->space_before;
}

/* @w is the literal @lit: its first byte compared in place, as most words
 * differ there (a libc strcmp call a word was a tenth of the parse). */
static inline gboolean
word_is(const char *w, const char *lit)
{
    return w[0] == lit[0] && strcmp(w, lit) == 0;
}

static gboolean
in_list(const char *w, const char *const *list)
{
    /* The first bytes compared in place: most words differ there, and
     * this runs for every token against short lists. */
    for (guint i = 0; list[i]; i++)
        if (w[0] == list[i][0] && strcmp(w, list[i]) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
word_in(const Ctx *c, gssize i, const char *const *list)
{
    return is_word(c, i) && in_list(fold_at(c, i), list);
}

/* Matches the space-separated folded words of @pat at tokens @i, @i+1…;
 * returns the number of tokens matched or 0. */
static guint
match_at(const Ctx *c, gssize i, const char *pat)
{
    /* Compared in place: this runs for every token against dozens of
     * patterns, and splitting the pattern each time was most of the parse. */
    guint k = 0;
    for (const char *w = pat;; k++) {
        gsize n = strcspn(w, " ");
        Tok *t = tok(c, i + k);
        if (!t || (n && t->fold[0] != w[0]) || strncmp(t->fold, w, n) != 0 || t->fold[n] != '\0')
            return 0;
        if (!w[n])
            return k + 1;
        w += n + 1;
    }
}

/* A fixed list of patterns indexed by the word each starts (or ends) with:
 * loops that try every pattern at every token meet only the patterns that
 * can match there, in the list's order. Built once for all threads. */
typedef struct {
    gsize ready;
    GHashTable *by_word; /* word -> GArray of guint: indexes into the list */
    guint8 first[32];    /* bit set of the words' first bytes: most tokens need no lookup */
} PatIndex;

/* @first: the list's first pattern; @stride: bytes from one pattern's
 * pointer to the next (sizeof the list's element); ends with NULL. */
static const PatIndex *
pat_index(PatIndex *x, const char *const *first, gsize stride, gboolean by_last)
{
    if (g_once_init_enter(&x->ready)) {
        x->by_word =
            g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
        guint k = 0;
        for (const char *const *p = first; *p;
             p = (const char *const *)(const void *)((const char *)p + stride), k++) {
            const char *w = *p;
            if (by_last) {
                const char *sp = strrchr(w, ' ');
                w = sp ? sp + 1 : w;
            }
            char *word = g_strndup(w, strcspn(w, " "));
            x->first[(guchar)word[0] >> 3] |= (guint8)(1u << ((guchar)word[0] & 7));
            GArray *list = g_hash_table_lookup(x->by_word, word);
            if (!list) {
                list = g_array_new(FALSE, FALSE, sizeof(guint));
                g_hash_table_insert(x->by_word, word, list);
            } else {
                g_free(word);
            }
            g_array_append_val(list, k);
        }
        g_once_init_leave(&x->ready, 1);
    }
    return x;
}

/* The patterns of @x whose indexed word is token @i's, or NULL. */
static const GArray *
pat_candidates(const PatIndex *x, const Ctx *c, gssize i)
{
    Tok *t = tok(c, i);
    if (!t)
        return NULL;
    guchar b = (guchar)t->fold[0];
    if (!(x->first[b >> 3] & (1u << (b & 7))))
        return NULL;
    return g_hash_table_lookup(x->by_word, t->fold);
}

/* Matches @pat ending just before token @end; returns its first token or -1. */
static gssize
match_before(const Ctx *c, gssize end, const char *pat)
{
    guint k = 1;
    for (const char *w = pat; *w; w++)
        k += *w == ' ';
    gssize first = end - (gssize)k;
    if (first < 0)
        return -1;
    return match_at(c, first, pat) == k ? first : -1;
}

/* ---- tokens ---- */

static gboolean
is_digit_at(const char *p)
{
    return *p >= '0' && *p <= '9';
}

static gboolean
is_group_space(gunichar u)
{
    return u == ' ' || u == 0x00A0 || u == 0x202F || u == 0x2009;
}

static gboolean
is_apostrophe(gunichar u)
{
    return u == '\'' || u == 0x2019 || u == 0x02BC;
}

static gboolean
is_letter(gunichar u)
{
    if (u < 0x80) /* no ASCII character is a mark */
        return g_ascii_isalpha((char)u);
    return g_unichar_isalpha(u) || g_unichar_ismark(u);
}

/* Length of a number starting at @p: digits, with "." or "," between digits,
 * and single spaces (also NBSP, narrow NBSP, thin space) before groups of
 * exactly three digits when the part before is itself grouped by three. */
static gsize
lex_number(const char *p)
{
    const char *q = p;
    gsize group = 0, first_group = 0;
    gboolean only_spaces = TRUE, grouped = FALSE;
    while (is_digit_at(q)) {
        q++;
        group++;
    }
    first_group = group;
    for (;;) {
        if ((*q == '.' || *q == ',') && is_digit_at(q + 1)) {
            only_spaces = FALSE;
            q++;
            while (is_digit_at(q))
                q++;
            continue;
        }
        gunichar u = g_utf8_get_char(q);
        if (is_group_space(u) && only_spaces && (grouped || first_group <= 3)) {
            const char *r = g_utf8_next_char(q);
            if (is_digit_at(r) && is_digit_at(r + 1) && is_digit_at(r + 2) && !is_digit_at(r + 3) &&
                !(r[3] == '.' && is_digit_at(r + 4)) && !(r[3] == ',' && is_digit_at(r + 4))) {
                q = r + 3;
                grouped = TRUE;
                continue;
            }
            if (is_digit_at(r) && is_digit_at(r + 1) && is_digit_at(r + 2) &&
                (r[3] == '.' || r[3] == ',') && is_digit_at(r + 4)) {
                /* "1 234,5": a grouped integer part with its decimals */
                q = r + 3;
                grouped = TRUE;
                continue;
            }
        }
        break;
    }
    return (gsize)(q - p);
}

static void
push_tok(Ctx *c, TokType type, gsize start, gsize end, gboolean space_before)
{
    Tok t = {0};
    t.type = type;
    t.start = start;
    t.end = end;
    t.space_before = space_before;
    const char *raw = c->s + start;
    gsize len = end - start;
    /* Most tokens are ASCII: folding them is lowering them (the backquote
     * aside, which folds to an apostrophe). */
    gboolean ascii = TRUE;
    for (gsize q = 0; q < len && ascii; q++)
        ascii = (guchar)raw[q] < 0x80 && raw[q] != '`';
    t.fold_off = c->folds->len;
    if (ascii) {
        g_string_append_len(c->folds, raw, (gssize)len);
        g_string_append_c(c->folds, '\0');
        for (char *w = c->folds->str + t.fold_off; *w; w++)
            if (*w >= 'A' && *w <= 'Z')
                *w = (char)(*w + ('a' - 'A'));
        if (type == TOK_WORD) {
            guint letters = 0, upper = 0;
            for (gsize q = 0; q < len; q++)
                if (g_ascii_isalpha(raw[q])) {
                    letters++;
                    upper += g_ascii_isupper(raw[q]) ? 1 : 0;
                }
            t.cap = g_ascii_isupper(raw[0]);
            t.allcaps = letters >= 2 && upper == letters;
        }
        g_array_append_val(c->toks, t);
        return;
    }
    g_autofree char *copy = g_strndup(raw, len);
    g_autofree char *folded = dsr_text_fold(copy);
    g_string_append_len(c->folds, folded, (gssize)strlen(folded) + 1);
    if (type == TOK_WORD) {
        gunichar u = g_utf8_get_char(copy);
        t.cap = g_unichar_isupper(u);
        glong letters = 0, upper = 0;
        for (const char *p = copy; *p; p = g_utf8_next_char(p)) {
            gunichar v = g_utf8_get_char(p);
            if (g_unichar_isalpha(v)) {
                letters++;
                upper += g_unichar_isupper(v);
            }
        }
        t.allcaps = letters >= 2 && upper == letters;
    }
    g_array_append_val(c->toks, t);
}

static void
tokenize(Ctx *c)
{
    const char *s = c->s;
    const char *p = s;
    gboolean space = TRUE;
    while (*p) {
        gunichar u = g_utf8_get_char(p);
        if (dsr_text_is_space(u) || u == 0x00AD || u == 0x200B) {
            space = TRUE;
            p = g_utf8_next_char(p);
            continue;
        }
        gsize start = (gsize)(p - s);
        if (is_digit_at(p)) {
            gsize len = lex_number(p);
            push_tok(c, TOK_NUM, start, start + len, space);
            p += len;
        } else if (is_letter(u)) {
            const char *q = p;
            while (*q) {
                if ((guchar)*q < 0x80) { /* ASCII read without decoding */
                    if (!g_ascii_isalpha(*q))
                        break;
                    q++;
                    continue;
                }
                gunichar v = g_utf8_get_char(q);
                if (!is_letter(v))
                    break;
                q = g_utf8_next_char(q);
            }
            /* Keep an elision's apostrophe on its word: "d'", "l'", "jusqu'". */
            gunichar v = g_utf8_get_char(q);
            if (is_apostrophe(v)) {
                const char *r = g_utf8_next_char(q);
                gunichar w = g_utf8_get_char(r);
                gsize wl = (gsize)(q - p);
                if ((is_letter(w) || is_digit_at(r)) && wl <= 6 && !c->en)
                    q = r;
            }
            push_tok(c, TOK_WORD, start, (gsize)(q - s), space);
            p = q;
        } else {
            const char *q = g_utf8_next_char(p);
            push_tok(c, TOK_PUNCT, start, (gsize)(q - s), space);
            p = q;
        }
        space = FALSE;
    }
    c->n = c->toks->len;
    /* The folds in place now that the arena no longer moves. */
    for (guint k = 0; k < c->n; k++) {
        Tok *t = &g_array_index(c->toks, Tok, k);
        t->fold = c->folds->str + t->fold_off;
    }
}

/* ---- number values ---- */

typedef struct {
    double value;
    gboolean plain_int; /* digits only */
    gboolean leading_zero;
    int ndigits;
} NumVal;

/* French writes 16.400 for sixteen thousand four hundred and 16,5 for sixteen
 * and a half; English the reverse. The language decides, with one piece of
 * evidence from the digits: a separator followed by anything but groups of
 * three is a decimal mark in either language ("16.5%" in a French text). */
static gboolean
parse_digits(const char *raw, gsize len, gboolean en, NumVal *out)
{
    GString *clean = g_string_new(NULL);
    char seps[64];
    int glen[64];
    int ng = 0, cur = 0;
    memset(out, 0, sizeof *out);
    out->leading_zero = raw[0] == '0' && len > 1 && is_digit_at(raw + 1);
    for (gsize i = 0; i < len && ng < 63;) {
        if (is_digit_at(raw + i)) {
            cur++;
            out->ndigits++;
            i++;
            continue;
        }
        gunichar u = g_utf8_get_char(raw + i);
        seps[ng] = (u == '.' || u == ',') ? (char)u : ' ';
        glen[ng] = cur;
        ng++;
        cur = 0;
        i += (gsize)g_unichar_to_utf8(u, NULL);
    }
    glen[ng] = cur;
    out->plain_int = ng == 0;

    /* Find the decimal separator (index into seps) or -1. */
    int dec = -1;
    char thou_mark = en ? ',' : '.';
    char dec_mark = en ? '.' : ',';
    int last_dot = -1, last_comma = -1, n_dot = 0, n_comma = 0;
    for (int k = 0; k < ng; k++) {
        if (seps[k] == '.') {
            last_dot = k;
            n_dot++;
        } else if (seps[k] == ',') {
            last_comma = k;
            n_comma++;
        }
    }
    if (n_dot && n_comma) {
        dec = last_dot > last_comma ? last_dot : last_comma;
    } else if (n_dot || n_comma) {
        char m = n_dot ? '.' : ',';
        int last = n_dot ? last_dot : last_comma;
        int count = n_dot ? n_dot : n_comma;
        if (m == dec_mark && count == 1) {
            dec = last;
        } else {
            gboolean all3 = TRUE;
            for (int k = 0; k < ng; k++)
                if (seps[k] == m && glen[k + 1] != 3)
                    all3 = FALSE;
            if (m == thou_mark && all3)
                dec = -1;
            else if (count == 1)
                dec = last;
            else {
                g_string_free(clean, TRUE);
                return FALSE;
            }
        }
    }
    int k = 0;
    for (gsize i = 0; i < len;) {
        if (is_digit_at(raw + i)) {
            g_string_append_c(clean, raw[i]);
            i++;
            continue;
        }
        if (k == dec)
            g_string_append_c(clean, '.');
        k++;
        i += (gsize)g_unichar_to_utf8(g_utf8_get_char(raw + i), NULL);
    }
    /* No article quotes a quantity with more digits than a double holds
     * exactly: such a run of digits is an identifier, a code or garbage, and
     * reading it would give an infinite or rounded value. */
    gsize int_digits = strcspn(clean->str, ".");
    out->value = g_ascii_strtod(clean->str, NULL);
    g_string_free(clean, TRUE);
    return int_digits <= 15 && isfinite(out->value);
}

/* ---- number words ---- */

static double fraction_word(const char *w, gboolean en);

typedef struct {
    const char *w;
    int v;
} WordVal;

static const WordVal units_fr[] = {
    {"un", 1},        {"une", 1},        {"deux", 2},      {"trois", 3},     {"quatre", 4},
    {"cinq", 5},      {"six", 6},        {"sept", 7},      {"huit", 8},      {"neuf", 9},
    {"dix", 10},      {"onze", 11},      {"douze", 12},    {"treize", 13},   {"quatorze", 14},
    {"quinze", 15},   {"seize", 16},     {"vingt", 20},    {"vingts", 20},   {"trente", 30},
    {"quarante", 40}, {"cinquante", 50}, {"soixante", 60}, {"septante", 70}, {"huitante", 80},
    {"octante", 80},  {"nonante", 90},   {NULL, 0},
};
static const WordVal units_en[] = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {NULL, 0},
};

/* Every word of the text is tried as a number word: a hash table, built
 * once for all threads, answers instead of a walk through the list. */
static int
word_value(const char *w, gboolean en)
{
    static GHashTable *tables[2];
    static gsize ready = 0;
    if (g_once_init_enter(&ready)) {
        for (int l = 0; l < 2; l++) {
            tables[l] = g_hash_table_new(g_str_hash, g_str_equal);
            for (const WordVal *p = l ? units_en : units_fr; p->w; p++)
                g_hash_table_insert(tables[l], (gpointer)p->w, GINT_TO_POINTER(p->v));
        }
        g_once_init_leave(&ready, 1);
    }
    return GPOINTER_TO_INT(g_hash_table_lookup(tables[en ? 1 : 0], w));
}

static gboolean
is_hundred(const char *w, gboolean en)
{
    return en ? word_is(w, "hundred") : (word_is(w, "cent") || word_is(w, "cents"));
}

static gboolean
is_thousand(const char *w, gboolean en)
{
    return en ? word_is(w, "thousand") : word_is(w, "mille");
}

/* Reads a number written in words at @i ("trois cents", "deux mille",
 * "quatre-vingt-dix", "twenty-five"). Returns tokens used (0 if none); the
 * value in *@v and in *@small whether it is a lone unit word below ten. Stops
 * before "mille"/"thousand" when a scale word follows it ("deux mille
 * milliards" stays 2000 × 1e9 through the caller). */
static guint
parse_words(const Ctx *c, guint i, double *v, gboolean *small)
{
    double total = 0, group = 0;
    guint j = i, used = 0, words = 0;
    gboolean any = FALSE;
    while (j < c->n && is_word(c, j)) {
        const char *w = fold_at(c, j);
        int uv = word_value(w, c->en);
        if (uv) {
            group += uv;
        } else if (c->en && !any && (word_is(w, "a") || word_is(w, "an")) &&
                   (is_hundred(fold_at(c, j + 1), TRUE) || is_thousand(fold_at(c, j + 1), TRUE) ||
                    word_is(fold_at(c, j + 1), "dozen") ||
                    (fraction_word(fold_at(c, j + 1), TRUE) > 2 &&
                     word_in(c, j + 2, (const char *const[]){"of", NULL})))) {
            /* "a hundred and twenty", "a thousand", "a dozen", "a third of": the
             * article is the one. */
            group = 1;
        } else if (!c->en && word_is(w, "et") && any &&
                   (word_value(fold_at(c, j + 1), FALSE) == 1 ||
                    (fmod(group, 100) == 60 && word_is(fold_at(c, j + 1), "onze")))) {
            /* "vingt et un", "soixante et onze" */
            j++;
            continue;
        } else if (c->en && word_is(w, "and") && any && group >= 100 &&
                   word_value(fold_at(c, j + 1), TRUE)) {
            j++;
            continue;
        } else if (is_hundred(w, c->en) && (any || !c->en)) {
            group = (group ? group : 1) * 100;
        } else if (is_thousand(w, c->en) && (any || !c->en)) {
            total += (group ? group : 1) * 1000;
            group = 0;
        } else if (!c->en && word_is(w, "quatre")) {
            group += 4;
        } else {
            break;
        }
        any = TRUE;
        words++;
        j++;
        used = j - i;
        /* French compounds are hyphenated: "dix-sept", "quatre-vingt-dix". */
        if (is_punct(c, j, "-") && glued(c, j) && is_word(c, j + 1) && glued(c, j + 1) &&
            (word_value(fold_at(c, j + 1), c->en) || is_hundred(fold_at(c, j + 1), c->en)))
            j++;
    }
    if (!any)
        return 0;
    /* "quatre-vingt" = 4 × 20: the naive sum gives 24, fix it up. */
    *v = total + group;
    if (!c->en) {
        /* The words read, folded: not the rest of the sentence. */
        Tok *a = tok(c, i), *b = tok(c, i + used - 1);
        g_autofree char *raw = g_strndup(c->s + a->start, b->end - a->start);
        g_autofree char *span = dsr_text_fold(raw);
        if (strstr(span, "quatre-vingt")) {
            double rest = *v - 24;
            *v = 80 + rest;
        }
    }
    *small = words == 1 && *v < 10;
    return used;
}

/* ---- vocabulary ---- */

typedef struct {
    const char *w;
    double scale;
    gboolean en_only, fr_only, needs_money; /* needs_money: only with a currency ("5 M€") */
} ScaleWord;

static const ScaleWord scales[] = {
    {"mille", 1e3, FALSE, TRUE, FALSE},      {"million", 1e6, FALSE, FALSE, FALSE},
    {"millions", 1e6, FALSE, FALSE, FALSE},  {"milliard", 1e9, FALSE, TRUE, FALSE},
    {"milliards", 1e9, FALSE, TRUE, FALSE},  {"billion", 1e9, TRUE, FALSE, FALSE},
    {"billions", 1e9, TRUE, FALSE, FALSE},   {"trillion", 1e12, TRUE, FALSE, FALSE},
    {"trillions", 1e12, TRUE, FALSE, FALSE}, {"thousand", 1e3, TRUE, FALSE, FALSE},
    {"md", 1e9, FALSE, FALSE, FALSE},        {"mds", 1e9, FALSE, FALSE, FALSE},
    {"mrd", 1e9, FALSE, FALSE, FALSE},       {"mrds", 1e9, FALSE, FALSE, FALSE},
    {"bn", 1e9, FALSE, FALSE, FALSE},        {"bln", 1e9, FALSE, FALSE, FALSE},
    {"mn", 1e6, FALSE, FALSE, FALSE},        {"mln", 1e6, FALSE, FALSE, FALSE},
    {"k", 1e3, FALSE, FALSE, FALSE},         {"m", 1e6, FALSE, FALSE, TRUE},
    {"tr", 1e12, TRUE, FALSE, TRUE},         {NULL, 0, FALSE, FALSE, FALSE},
};

/* French "billion" is 10^12 and "trillion" 10^18 (long scale). */
static double
scale_of(const Ctx *c, guint i, gboolean *needs_money)
{
    if (!is_word(c, i))
        return 0;
    const char *w = fold_at(c, i);
    *needs_money = FALSE;
    if (!c->en) {
        if (word_is(w, "billion") || word_is(w, "billions"))
            return 1e12;
        if (word_is(w, "trillion") || word_is(w, "trillions"))
            return 1e18;
    }
    for (const ScaleWord *p = scales; p->w; p++) {
        if (strcmp(p->w, w) != 0)
            continue;
        if ((p->en_only && !c->en) || (p->fr_only && c->en))
            continue;
        /* "M" alone is also "Monsieur": only as written in capitals, glued or before money. */
        if (word_is(w, "m") && !tok(c, i)->cap && glued(c, i) == FALSE)
            return 0;
        *needs_money = p->needs_money;
        return p->scale;
    }
    return 0;
}

typedef struct {
    const char *w; /* folded word, code or symbol */
    const char *iso;
    const char *unit; /* normalised unit name */
} Currency;

static const Currency currencies[] = {
    {"usd", "USD", "USD"},
    {"us$", "USD", "US$"},
    {"$", "USD", "$"},
    {"dollar", "USD", "dollars"},
    {"dollars", "USD", "dollars"},
    {"eur", "EUR", "EUR"},
    {"€", "EUR", "€"},
    {"euro", "EUR", "euros"},
    {"euros", "EUR", "euros"},
    {"rouble", "RUB", "roubles"},
    {"roubles", "RUB", "roubles"},
    {"ruble", "RUB", "rubles"},
    {"rubles", "RUB", "rubles"},
    {"rub", "RUB", "RUB"},
    {"yuan", "CNY", "yuans"},
    {"yuans", "CNY", "yuans"},
    {"cny", "CNY", "CNY"},
    {"rmb", "CNY", "RMB"},
    {"renminbi", "CNY", "renminbi"},
    {"vnd", "VND", "VND"},
    {"dong", "VND", "dongs"},
    {"dongs", "VND", "dongs"},
    {"đồng", "VND", "dongs"},
    {"đ", "VND", "đ"},
    {"₫", "VND", "₫"},
    {"won", "KRW", "wons"},
    {"wons", "KRW", "wons"},
    {"krw", "KRW", "KRW"},
    {"₩", "KRW", "₩"},
    {"yen", "JPY", "yens"},
    {"yens", "JPY", "yens"},
    {"jpy", "JPY", "JPY"},
    {"¥", "JPY", "¥"},
    {"gbp", "GBP", "GBP"},
    {"£", "GBP", "£"},
    {"sterling", "GBP", "sterling"},
    {"aud", "AUD", "AUD"},
    {"a$", "AUD", "A$"},
    {"hk$", "HKD", "HK$"},
    {"nz$", "NZD", "NZ$"},
    {"nt$", "TWD", "NT$"},
    {"r$", "BRL", "R$"},
    {"pound", "GBP", "pounds"},
    {"pounds", "GBP", "pounds"},
    {"rs", "INR", "Rs"},
    {"rm", "MYR", "RM"},
    {"sgd", "SGD", "SGD"},
    {"s$", "SGD", "S$"},
    {"inr", "INR", "INR"},
    {"₹", "INR", "₹"},
    {"roupie", "INR", "roupies"},
    {"roupies", "INR", "roupies"},
    {"rupee", "INR", "rupees"},
    {"rupees", "INR", "rupees"},
    {"baht", "THB", "bahts"},
    {"bahts", "THB", "bahts"},
    {"thb", "THB", "THB"},
    {"kip", "LAK", "kips"},
    {"kips", "LAK", "kips"},
    {"lak", "LAK", "LAK"},
    {"riel", "KHR", "riels"},
    {"riels", "KHR", "riels"},
    {"khr", "KHR", "KHR"},
    {"chf", "CHF", "CHF"},
    {"cad", "CAD", "CAD"},
    {"c$", "CAD", "C$"},
    {"hkd", "HKD", "HKD"},
    {"twd", "TWD", "TWD"},
    {"nzd", "NZD", "NZD"},
    {"ringgit", "MYR", "ringgits"},
    {"ringgits", "MYR", "ringgits"},
    {"myr", "MYR", "MYR"},
    {"rupiah", "IDR", "rupiahs"},
    {"rupiahs", "IDR", "rupiahs"},
    {"idr", "IDR", "IDR"},
    {"peso", "PHP", "pesos"},
    {"pesos", "PHP", "pesos"},
    {"php", "PHP", "PHP"},
    {"shekel", "ILS", "shekels"},
    {"shekels", "ILS", "shekels"},
    {"ils", "ILS", "ILS"},
    {"dirham", "AED", "dirhams"},
    {"dirhams", "AED", "dirhams"},
    {"aed", "AED", "AED"},
    {"brl", "BRL", "BRL"},
    {"real", "BRL", "reals"},
    {"reais", "BRL", "reais"},
    {"rand", "ZAR", "rands"},
    {"rands", "ZAR", "rands"},
    {"zar", "ZAR", "ZAR"},
    {"forint", "HUF", "forints"},
    {"forints", "HUF", "forints"},
    {"huf", "HUF", "HUF"},
    {"zloty", "PLN", "zlotys"},
    {"zlotys", "PLN", "zlotys"},
    {"złoty", "PLN", "zlotys"},
    {"pln", "PLN", "PLN"},
    {"tenge", "KZT", "tenges"},
    {"kzt", "KZT", "KZT"},
    {"naira", "NGN", "nairas"},
    {"ngn", "NGN", "NGN"},
    {"riyal", "SAR", "riyals"},
    {"riyals", "SAR", "riyals"},
    {"sar", "SAR", "SAR"},
    {NULL, NULL, NULL},
};

/* Adjectives that change the dollar: "dollars australiens", "Singapore dollars". */
static const struct {
    const char *w;
    const char *iso;
} dollar_kinds[] = {
    {"américains", "USD"},    {"americains", "USD"},  {"us", "USD"},
    {"american", "USD"},      {"australiens", "AUD"}, {"australian", "AUD"},
    {"singapouriens", "SGD"}, {"singapore", "SGD"},   {"canadiens", "CAD"},
    {"canadian", "CAD"},      {"hongkongais", "HKD"}, {"hong", "HKD"},
    {"taïwanais", "TWD"},     {"taiwan", "TWD"},      {"taiwanese", "TWD"},
    {"néo-zélandais", "NZD"}, {NULL, NULL},
};

/* Asked for several times around every number: a table built once. */
static const Currency *
currency_word(const char *w)
{
    static GHashTable *table;
    static gsize ready = 0;
    if (g_once_init_enter(&ready)) {
        table = g_hash_table_new(g_str_hash, g_str_equal);
        for (const Currency *p = currencies; p->w; p++)
            g_hash_table_insert(table, (gpointer)p->w, (gpointer)p);
        g_once_init_leave(&ready, 1);
    }
    return g_hash_table_lookup(table, w);
}

/* A currency at token @i: word, code, symbol, or "US$"/"S$"/"A$" (two tokens).
 * Words that are also ordinary words ("real", "won", "ils", "peso", "kip")
 * count only as codes in capitals or after a number. Returns tokens used. */
static guint
currency_at(const Ctx *c, guint i, gboolean after_number, const Currency **out)
{
    Tok *t = tok(c, i);
    if (!t)
        return 0;
    if (t->type == TOK_WORD && is_punct(c, i + 1, "$") && glued(c, i + 1)) {
        g_autofree char *w = g_strconcat(t->fold, "$", NULL);
        const Currency *cur = currency_word(w);
        if (cur) {
            *out = cur;
            return 2;
        }
    }
    if (t->type == TOK_WORD && (word_is(t->fold, "livre") || word_is(t->fold, "livres")) &&
        word_in(c, i + 1, (const char *const[]){"sterling", NULL})) {
        *out = currency_word("sterling");
        return 2;
    }
    /* "c $ 16.4 million", "HK $ 10 billion": a country letter before a spaced dollar sign. */
    if (t->type == TOK_WORD && is_punct(c, i + 1, "$") && !glued(c, i + 1) && is_num(c, i + 2) &&
        word_in(c, i, (const char *const[]){"c", "hk", "us", "nz", NULL})) {
        g_autofree char *w = g_strconcat(word_is(t->fold, "c") ? "ca" : t->fold, "$", NULL);
        const Currency *cur = word_is(w, "ca$") ? currency_word("c$") : currency_word(w);
        if (cur) {
            *out = cur;
            return 2;
        }
    }
    /* Francs only with their country: "francs suisses", "Swiss francs" (see
     * read_tail), "francs CFA"; alone they may be old French francs. */
    if (t->type == TOK_WORD && (word_is(t->fold, "franc") || word_is(t->fold, "francs"))) {
        static const Currency chf = {"francs suisses", "CHF", "francs suisses"},
                              xof = {"francs cfa", "XOF", "francs CFA"};
        if (word_in(c, i + 1, (const char *const[]){"suisse", "suisses", NULL})) {
            *out = &chf;
            return 2;
        }
        if (word_in(c, i + 1, (const char *const[]){"cfa", NULL})) {
            *out = &xof;
            return 2;
        }
        return 0;
    }
    /* "R13.4 billion": the South African rand's sign, glued to an amount in
     * millions or billions (a lone R is a letter otherwise). */
    if (t->type == TOK_WORD && word_is(t->fold, "r") && t->cap && !after_number &&
        is_num(c, i + 1) && glued(c, i + 1)) {
        gboolean nm = FALSE;
        static const Currency zar = {"r", "ZAR", "R"};
        if (scale_of(c, i + 2, &nm) >= 1e6) {
            *out = &zar;
            return 1;
        }
        return 0;
    }
    const Currency *cur = currency_word(t->fold);
    if (!cur)
        return 0;
    static const char *const ambiguous[] = {"rand",     "rands", "sar",   "real",   "won",  "ils",
                                            "php",      "kip",   "rub",   "cad",    "peso", "đ",
                                            "sterling", "rm",    "pound", "pounds", NULL};
    if (in_list(t->fold, ambiguous) && !t->allcaps && !after_number)
        return 0;
    /* "Rs 20", "Rs. 20": the rupee's abbreviation, capitalised, before a number. */
    if (word_is(t->fold, "rs") && !after_number &&
        !(t->cap && (is_num(c, i + 1) || (is_punct(c, i + 1, ".") && is_num(c, i + 2)))))
        return 0;
    /* "pounds" is money in English, but "pounds of rice" is a weight. */
    if ((word_is(t->fold, "pound") || word_is(t->fold, "pounds")) &&
        (!c->en || word_in(c, i + 1, (const char *const[]){"of", NULL})))
        return 0;
    if (word_is(t->fold, "won") && !t->allcaps && c->en && !after_number)
        return 0; /* "the team won 3 awards" */
    if (word_is(t->fold, "sterling") && !after_number)
        return 0;
    *out = cur;
    return 1;
}

/* ---- exclusions ---- */

static const char *const durations[] = {
    "an",        "ans",        "année",    "années",    "annee",     "annees",       "mois",
    "jour",      "jours",      "semaine",  "semaines",  "heure",     "heures",       "minute",
    "minutes",   "seconde",    "secondes", "décennie",  "décennies", "siècle",       "siècles",
    "trimestre", "trimestres", "semestre", "semestres", "nuit",      "nuits",        "year",
    "years",     "month",      "months",   "day",       "days",      "week",         "weeks",
    "hour",      "hours",      "second",   "seconds",   "decade",    "decades",      "century",
    "centuries", "quarter",    "quarters", "night",     "nights",    "anniversaire", "anniversary",
    "printemps", "étés",       "hivers",   "saisons",   "éditions",  "édition",      "edition",
    "editions",  "session",    "fois",     "times",     "tour",      "tours",        "round",
    "rounds",    "mandat",     "mandats",  "term",      "terms",     "exercice",     "exercices",
    NULL,
};

/* Counts that are the structure of a text or an argument, not a quantity. */
static const char *const abstract_items[] = {
    "chapitre",
    "chapitres",
    "chapter",
    "chapters",
    "atout",
    "atouts",
    "pilier",
    "piliers",
    "partie",
    "parties",
    "axe",
    "axes",
    "volet",
    "volets",
    "point",
    "points",
    "priorité",
    "priorités",
    "principe",
    "principes",
    "aspect",
    "aspects",
    "étape",
    "étapes",
    "phase",
    "phases",
    "niveau",
    "niveaux",
    "domaine",
    "domaines",
    "orientation",
    "orientations",
    "objectif",
    "objectifs",
    "tâche",
    "tâches",
    "percée",
    "percées",
    "mesure",
    "mesures",
    "solution",
    "solutions",
    "raison",
    "raisons",
    "leçon",
    "leçons",
    "défi",
    "défis",
    "catégorie",
    "catégories",
    "dimension",
    "dimensions",
    "pillar",
    "pillars",
    "party",
    "parties",
    "side",
    "sides",
    "priority",
    "priorities",
    "principle",
    "principles",
    "aspect",
    "aspects",
    "stage",
    "stages",
    "level",
    "levels",
    "area",
    "areas",
    "field",
    "fields",
    "goal",
    "goals",
    "objective",
    "objectives",
    "task",
    "tasks",
    "breakthrough",
    "breakthroughs",
    "pillar",
    "measure",
    "measures",
    "solution",
    "solutions",
    "reason",
    "reasons",
    "lesson",
    "lessons",
    "challenge",
    "challenges",
    "category",
    "categories",
    "dimension",
    "dimensions",
    "côté",
    "côtés",
    "fois",
    "reprises",
    "sens",
    "chiffre",
    "chiffres",
    "digit",
    "digits",
    "premier",
    "premiers",
    "première",
    "premières",
    "dernier",
    "derniers",
    "dernière",
    "dernières",
    "prochain",
    "prochains",
    "prochaine",
    "prochaines",
    "consécutifs",
    "consécutives",
    "first",
    "last",
    "next",
    "straight",
    "consecutive",
    "heures",
    "h",
    "ème",
    "e",
    "er",
    "ère",
    "th",
    "st",
    "nd",
    "rd",
    NULL,
};

/* Nouns a small number in words only refers back to: the parties of the
 * article ("deux pays", "two sides"), ways and occasions ("deux reprises"). */
static const char *const relational_nouns[] = {
    "pays",
    "nations",
    "peuples",
    "parties",
    "côtés",
    "gouvernements",
    "dirigeants",
    "chefs",
    "économies",
    "capitales",
    "voisins",
    "délégations",
    "ministres",
    "reprises",
    "occasions",
    "fois",
    "scénarios",
    "options",
    "types",
    "sortes",
    "formes",
    "modèles",
    "façons",
    "manières",
    "thèmes",
    "sujets",
    "questions",
    "mots",
    "langues",
    "sessions",
    "séances",
    "groupes de travail",
    "countries",
    "peoples",
    "sides",
    "governments",
    "leaders",
    "economies",
    "neighbours",
    "neighbors",
    "delegations",
    "ministers",
    "occasions",
    "times",
    "scenarios",
    "kinds",
    "ways",
    "topics",
    "issues",
    "words",
    "languages",
    "sessions",
    "themes",
    /* Abstract items a plan lists: "quatre secteurs prioritaires", "six industries". */
    "secteurs",
    "sectors",
    "industries",
    "domaines",
    "areas",
    "fields",
    "piliers",
    "pillars",
    "axes",
    "priorités",
    "priorities",
    "orientations",
    "volets",
    "aspects",
    "principes",
    "principles",
    "objectifs",
    "objectives",
    "goals",
    "tâches",
    "tasks",
    "mesures",
    "measures",
    "solutions",
    NULL,
};

/* Words after which a number is a reference, not a quantity. */
static const char *const reference_words[] = {
    "résolution", "resolution", "décret",    "decree",   "article",    "articles",  "loi",
    "law",        "no",         "n",         "n°",       "nº",         "numéro",    "number",
    "circulaire", "circular",   "décision",  "decision", "chapitre",   "chapter",   "alinéa",
    "paragraphe", "paragraph",  "section",   "page",     "pages",      "clause",    "directive",
    "tél",        "tel",        "téléphone", "phone",    "fax",        "hotline",   "top",
    "niveau",     "level",      "tier",      "phase",    "étape",      "stage",     "version",
    "génération", "generation", "vague",     "lot",      "catégorie",  "category",  "rang",
    "rank",       "ranked",     "classé",    "classée",  "place",      "ligne",     "line",
    "route",      "autoroute",  "highway",   "quai",     "salle",      "room",      "bâtiment",
    "building",   "zone",       "lane",      "pavillon", "stand",      "porte",     "gate",
    "bloc",       "block",      "vol",       "flight",   "tome",       "volume",    "session",
    "sommet",     "summit",     "congrès",   "congress", "plénum",     "plenum",    "conférence",
    "edition",    "édition",    "numéros",   "code",     "ordonnance", "arrêté",    "mesure",
    "projet",     "program",    "programme", "plan",     "vision",     "stratégie", "strategy",
    "agenda",     "horizon",    "sept",      "expo",     "industrie",  "industry",  "covid",
    "cop",        "apec",       "asean",     "vjss",     NULL,
};

/* Words that make the year after them the figure's year. */
static const char *const year_preps[] = {
    "en",       "in",     "d'ici",     "ici",      "by",      "fin",     "début",  "debut",
    "mi",       "of",     "de",        "du",       "pour",    "for",     "dès",    "jusqu'en",
    "until",    "till",   "through",   "horizon",  "vers",    "année",   "an",     "year",
    "exercice", "fiscal", "trimestre", "semestre", "quarter", "période", "period", "during",
    "pendant",  "durant", "courant",   "l'année",  "l'an",    "à",       NULL,
};

/* The count of a period before its year: "les 11 premiers mois de 2021",
 * "the first 11 months of 2021", "les 6 derniers mois". */
static gboolean
period_count(const Ctx *c, guint i)
{
    static const char *const after[] = {"premiers", "derniers", "mois",  "months", "trimestres",
                                        "quarters", "semaines", "weeks", NULL};
    return word_in(c, i + 1, after) ||
           word_in(c, (gssize)i - 1, (const char *const[]){"first", "last", "past", NULL});
}

/* Words that make the year after them a comparison, not the figure's year. */
static gboolean
comparison_year(const Ctx *c, guint i)
{
    static const char *const pats[] = {"par rapport à",
                                       "par rapport a",
                                       "comparé à",
                                       "comparée à",
                                       "compared to",
                                       "compared with",
                                       "contre",
                                       "versus",
                                       "vs",
                                       "than",
                                       "depuis",
                                       "since",
                                       "from",
                                       "over",
                                       "rapport à",
                                       "relative to",
                                       "on",
                                       "qu'en",
                                       "celles de",
                                       "celle de",
                                       "ceux de",
                                       "celui de",
                                       "that of",
                                       "those of",
                                       "a year earlier",
                                       "par rapport aux",
                                       "même période",
                                       "same period",
                                       "against",
                                       NULL};
    static PatIndex index;
    const PatIndex *x = pat_index(&index, pats, sizeof pats[0], TRUE);
    /* Up to six words back, with no punctuation between: "compared to the
     * figure in 2022", "par rapport aux 9 premiers mois de 2020". */
    for (guint back = 0; back <= 6 && i >= back; back++) {
        if (back > 0 && !is_word(c, i - back) && !period_count(c, i - back))
            break;
        /* Only the patterns ending on the word before can end there. */
        const GArray *cands = pat_candidates(x, c, (gssize)(i - back) - 1);
        for (guint n = 0; cands && n < cands->len; n++)
            if (match_before(c, i - back, pats[g_array_index(cands, guint, n)]) >= 0)
                return TRUE;
    }
    return FALSE;
}

static gboolean
is_year_value(const NumVal *nv)
{
    return nv->plain_int && nv->ndigits == 4 && nv->value >= 1800 && nv->value <= 2199;
}

static gboolean
is_month(const Ctx *c, gssize i)
{
    if (!is_word(c, i))
        return FALSE;
    const char *w = fold_at(c, i);
    /* "may" and "mar" are words too: only capitalised, and "mar" not at all. */
    if ((word_is(w, "may") && !tok(c, i)->cap) || word_is(w, "mar") || word_is(w, "sept") ||
        word_is(w, "sep") || word_is(w, "dec"))
        return FALSE;
    return dsr_text_month_number(w) != 0;
}

/* ---- figures under construction ---- */

typedef struct {
    guint first, last; /* tokens of the quote (first includes a prefix currency or sign) */
    guint num;         /* the number token (or first number word) */
    double value, scale;
    guint scale_tok;
    gboolean percent, has_scale, word_number, small_word, year_like, approx_word;
    const char *pct_unit;
    const Currency *cur;
    gboolean cur_from_dollar_kind;
    const char *iso;
    char *unit; /* owned */
    DsrFigureKind kind;
    gboolean has_kind;
    gboolean count_noun;
    gboolean multiple; /* "3 douzaines": a product, not an approximation */
    guint noun;        /* token of the count noun */
    guint noun_end;
    gboolean plural_noun;
    DsrQualifier qual;
    DsrQualifier word_qual; /* said by the words of a multiplier: "plus du double" */
    gboolean multiple_verb; /* "ont triplé", "doubled": the sentence's subject is what multiplies */
    gboolean multiple_object; /* "doubler les échanges": its object is */
} Piece;

static void
piece_clear(Piece *p)
{
    g_clear_pointer(&p->unit, g_free);
}

static gboolean
is_sign(const Ctx *c, gssize i)
{
    return is_punct(c, i, "+") || is_punct(c, i, "-") || is_punct(c, i, "−");
}

/* A number at @i that a name, date, time, code or ordinal holds. */
static gboolean
number_in_name(const Ctx *c, guint i)
{
    Tok *t = tok(c, i);
    /* Glued to a word before: G20, D4D, Aus4Innovation; codes excepted (USD87.7). */
    if (glued(c, i) && is_word(c, i - 1)) {
        const Currency *cur;
        if (currency_at(c, i - 1, FALSE, &cur) == 1 &&
            (tok(c, i - 1)->allcaps || word_is(cur->iso, "ZAR")))
            return FALSE;
        /* A space lost on the page: "(environ1,4 milliard de dollars)". */
        static const char *const lost_space[] = {
            "environ", "presque", "quelque", "près",          "soit", "about", "nearly", "almost",
            "around",  "roughly", "some",    "approximately", "de",   "à",     "by",     NULL};
        if (!tok(c, i - 1)->cap && word_in(c, i - 1, lost_space))
            return FALSE;
        return TRUE;
    }
    /* COVID-19, mi-2025, Sukhoi-30 */
    if (glued(c, i) && (is_punct(c, i - 1, "-") || is_punct(c, i - 1, "‑")) && glued(c, i - 1) &&
        is_word(c, i - 2))
        return TRUE;
    /* ISO dates: 2023-12, 2025-10-21. */
    if (glued(c, i) && is_punct(c, i - 1, "-") && glued(c, i - 1) && is_num(c, i - 2) &&
        t->end - t->start == 2 && tok(c, i - 2)->end - tok(c, i - 2)->start >= 4)
        return TRUE;
    /* Dates, decree numbers, times and ratios: 20/11/2025, 13/2023, 18:16, 18h16. */
    if (glued(c, i) && (is_punct(c, i - 1, "/") || is_punct(c, i - 1, ":")) && is_num(c, i - 2))
        return TRUE;
    if ((is_punct(c, i + 1, "/") || is_punct(c, i + 1, ":")) && glued(c, i + 1) &&
        is_num(c, i + 2) && glued(c, i + 2))
        return TRUE;
    if (glued(c, i + 1) && is_word(c, i + 1)) {
        const char *w = fold_at(c, i + 1);
        static const char *const ok[] = {"k", "m", "bn", "md", "mds", "mn", "mln", "bln", "mrd",
                                         "mrds", "tr", "usd", "eur", "vnd", "ha", "km", "t", "mw",
                                         "gw", "kw", "kwh", "gwh", "twh", "mwh", "mwp", "mwc",
                                         "fold", "x", "cny", "jpy", "krw", "rub",
                                         /* a space lost before the scale: "620millions" */
                                         "million", "millions", "milliard", "milliards", "billion",
                                         "billions", "trillion", "trillions", NULL};
        /* "3.14US$" */
        gboolean us_dollar = word_is(w, "us") && is_punct(c, i + 2, "$") && glued(c, i + 2);
        if (!in_list(w, ok) && !us_dollar)
            return TRUE; /* 5G, 13e, 1er, 10th, 18h, 2020s */
        /* "5 k" fine; "4G" is a word already. */
    }
    /* Phone numbers and codes: 024 3825…, +84 24… */
    NumVal nv;
    if (parse_digits(c->s + t->start, t->end - t->start, c->en, &nv) && nv.leading_zero &&
        nv.plain_int)
        return TRUE;
    if (is_num(c, i + 1) && is_num(c, i + 2) && !glued(c, i + 1) && !glued(c, i + 2))
        return TRUE;
    if (is_num(c, i - 1) && is_num(c, i + 1) && !glued(c, i) && !glued(c, i + 1))
        return TRUE;
    if (is_num(c, i - 1) && is_num(c, i - 2) && !glued(c, i) && !glued(c, i - 1))
        return TRUE;
    return FALSE;
}

/* Reference words before @i ("Résolution 57", "No 1", "n° 3"), also with a
 * glued abbreviation dot ("No. 5"). Capitalised names before a number that
 * nothing measures are names too ("ASEAN 2045", "Boeing 737"): that case is
 * left to the caller, who knows whether a unit follows. */
static gboolean
after_reference(const Ctx *c, guint i)
{
    gssize k = (gssize)i - 1;
    if (is_punct(c, k, ".") || is_punct(c, k, "°") || is_punct(c, k, "º"))
        k--;
    if (word_in(c, k, reference_words))
        return TRUE;
    if (is_punct(c, k, "#") && glued(c, i))
        return TRUE;
    return FALSE;
}

/* "le 20 novembre", "du 21 au 26 mars", "les 22 et 23 mars", "12-14 octobre",
 * "April 19", "19 April 2024". */
static gboolean
is_date_number(const Ctx *c, guint i, double v)
{
    if (v < 1 || v > 31 || v != floor(v))
        return FALSE;
    if (is_month(c, i + 1))
        return TRUE;
    if (is_word(c, i + 1) && (word_is(fold_at(c, i + 1), "er")) && is_month(c, i + 2))
        return TRUE;
    if ((word_in(c, i + 1, (const char *const[]){"au", "et", "to", "and", "ou", "or", NULL}) ||
         is_punct(c, i + 1, "-") || is_punct(c, i + 1, "–")) &&
        is_num(c, i + 2) && is_month(c, i + 3))
        return TRUE;
    gssize k = (gssize)i - 1;
    if (is_month(c, k) && !(is_num(c, i + 1)))
        return TRUE;
    if (is_month(c, k) && is_punct(c, i + 1, ","))
        return TRUE;
    return FALSE;
}

static gboolean
all_words_lower_noun(const Ctx *c, guint i)
{
    Tok *t = tok(c, i);
    if (!t || t->type != TOK_WORD)
        return FALSE;
    const char *lang = c->en ? "en" : "fr";
    if (dsr_text_is_stopword(t->fold, lang))
        return FALSE;
    g_autofree char *bare = g_strdup(t->fold);
    gsize n = strlen(bare);
    if (n && bare[n - 1] == '\'')
        return FALSE;
    return TRUE;
}

static const char *const measure_units[] = {
    "ha",         "hectare",    "hectares",   "km",         "km²",      "km2",         "m²",
    "m2",         "m³",         "tonne",      "tonnes",     "ton",      "tons",        "mw",
    "gw",         "kw",         "kwh",        "mwh",        "gwh",      "twh",         "mégawatts",
    "megawatts",  "gigawatts",  "kilowatts",  "mégawatt",   "megawatt", "kilomètres",  "kilomètre",
    "kilometres", "kilometers", "kilometre",  "kilometer",  "mètres",   "metres",      "meters",
    "barils",     "barrels",    "litres",     "liters",     "kg",       "kilogrammes", "kilograms",
    "teu",        "evp",        "°c",         "mbps",       "gbps",     "gb",          "tb",
    "nm",         "nanomètres", "nanometres", "nanometers", "mwp",      "mwc",         "kwp",
    "kwc",        "gwp",        "gwc",        NULL,
};

static const char *const pre_adjectives[] = {
    "grands",      "grandes", "nouveaux", "nouvelles",  "petits",      "petites", "principaux",
    "principales", "autres",  "gros",     "importants", "importantes", "hauts",   "new",
    "major",       "large",   "small",    "big",        "key",         "other",   "more",
    "additional",  "foreign", "local",    NULL,
};

/* Reads the count noun at @i (after a number): French "projets", English the
 * plural that ends a short run of modifiers ("digital technology
 * enterprises"). Sets noun and noun_end. */
static gboolean
read_count_noun(const Ctx *c, guint i, Piece *p)
{
    if (!is_word(c, i))
        return FALSE;
    Tok *t = tok(c, i);
    if (!all_words_lower_noun(c, i))
        return FALSE;
    if (is_month(c, i))
        return FALSE;
    if (t->fold[0] && g_utf8_strlen(t->fold, -1) == 1 && !word_is(t->fold, "h"))
        return FALSE;
    if (!c->en) {
        guint j = i;
        if (word_in(c, j, pre_adjectives) && all_words_lower_noun(c, j + 1) && !glued(c, j + 1))
            j++;
        p->noun = j;
        p->noun_end = j;
        while (is_punct(c, p->noun_end + 1, "-") && glued(c, p->noun_end + 1) &&
               is_word(c, p->noun_end + 2) && glued(c, p->noun_end + 2))
            p->noun_end += 2;
        return TRUE;
    }
    guint first_plural = 0;
    gboolean found = FALSE;
    guint j = i;
    for (guint k = 0; k < 4 && is_word(c, j) && all_words_lower_noun(c, j); k++, j++) {
        const char *w = fold_at(c, j);
        gsize n = strlen(w);
        if (k > 0 && n > 5 && g_str_has_suffix(w, "ing"))
            break;
        if (k > 0 && (is_punct(c, j, ",")))
            break;
        if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's' && !g_str_has_suffix(w, "'s")) {
            first_plural = j;
            found = TRUE;
            break;
        }
        /* "12 high-speed patrol boats": a hyphenated adjective before the noun
         * (a compound noun, "start-ups", stops the walk when plural). */
        if (k + 1 < 4 && is_punct(c, j + 1, "-") && glued(c, j + 1) && is_word(c, j + 2) &&
            glued(c, j + 2) && is_word(c, j + 3) && !glued(c, j + 3)) {
            const char *last = fold_at(c, j + 2);
            gsize ln = strlen(last);
            if (ln > 2 && last[ln - 1] == 's' && last[ln - 2] != 's') {
                first_plural = j;
                found = TRUE;
                break;
            }
            j += 2;
        }
        if (k + 1 < 4 && !is_word(c, j + 1))
            break;
    }
    /* "five built in India": a participle, not what is counted. */
    if (!found && g_str_has_suffix(fold_at(c, i), "ed") && strlen(fold_at(c, i)) > 4 &&
        !is_punct(c, i + 1, "-"))
        return FALSE;
    p->noun = found ? first_plural : i;
    p->noun_end = p->noun;
    /* "start-ups", "joint-ventures": a compound is one noun. */
    while (is_punct(c, p->noun_end + 1, "-") && glued(c, p->noun_end + 1) &&
           is_word(c, p->noun_end + 2) && glued(c, p->noun_end + 2))
        p->noun_end += 2;
    return TRUE;
}

/* Qualifiers, longest first, each a sequence of folded tokens ending right
 * before the figure. */
static const struct {
    const char *pat;
    DsrQualifier q;
    gboolean en;
} qualifiers[] = {
    {"à peu près", DSR_QUALIFIER_APPROX, FALSE},
    {"aux alentours de", DSR_QUALIFIER_APPROX, FALSE},
    {"de l'ordre de", DSR_QUALIFIER_APPROX, FALSE},
    {"pas moins de", DSR_QUALIFIER_AT_LEAST, FALSE},
    {"pas moins d'", DSR_QUALIFIER_AT_LEAST, FALSE},
    {"pas plus de", DSR_QUALIFIER_AT_MOST, FALSE},
    {"au - delà de", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"au - delà des", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"autour de", DSR_QUALIFIER_APPROX, FALSE},
    {"près de", DSR_QUALIFIER_APPROX, FALSE},
    {"près d'", DSR_QUALIFIER_APPROX, FALSE},
    /* "près des deux tiers", "plus des trois quarts": a fraction of a whole named after it. */
    {"près des", DSR_QUALIFIER_APPROX, FALSE},
    {"plus des", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"moins des", DSR_QUALIFIER_LESS_THAN, FALSE},
    {"pres de", DSR_QUALIFIER_APPROX, FALSE},
    {"plus de", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"plus d'", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"moins de", DSR_QUALIFIER_LESS_THAN, FALSE},
    {"moins d'", DSR_QUALIFIER_LESS_THAN, FALSE},
    {"au moins", DSR_QUALIFIER_AT_LEAST, FALSE},
    {"au minimum", DSR_QUALIFIER_AT_LEAST, FALSE},
    {"au maximum", DSR_QUALIFIER_AT_MOST, FALSE},
    {"jusqu'à", DSR_QUALIFIER_AT_MOST, FALSE},
    {"jusqu' à", DSR_QUALIFIER_AT_MOST, FALSE},
    {"jusqu'a", DSR_QUALIFIER_AT_MOST, FALSE},
    {"supérieur à", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"supérieure à", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"supérieurs à", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"supérieures à", DSR_QUALIFIER_MORE_THAN, FALSE},
    {"inférieur à", DSR_QUALIFIER_LESS_THAN, FALSE},
    {"inférieure à", DSR_QUALIFIER_LESS_THAN, FALSE},
    {"inférieurs à", DSR_QUALIFIER_LESS_THAN, FALSE},
    {"environ", DSR_QUALIFIER_APPROX, FALSE},
    {"quelque", DSR_QUALIFIER_APPROX, FALSE},
    {"approximativement", DSR_QUALIFIER_APPROX, FALSE},
    {"presque", DSR_QUALIFIER_APPROX, FALSE},
    {"quasiment", DSR_QUALIFIER_APPROX, FALSE},
    {"près", DSR_QUALIFIER_APPROX, FALSE},
    {"in excess of", DSR_QUALIFIER_MORE_THAN, TRUE},
    {"no less than", DSR_QUALIFIER_AT_LEAST, TRUE},
    {"not less than", DSR_QUALIFIER_AT_LEAST, TRUE},
    {"no more than", DSR_QUALIFIER_AT_MOST, TRUE},
    {"not more than", DSR_QUALIFIER_AT_MOST, TRUE},
    {"as much as", DSR_QUALIFIER_AT_MOST, TRUE},
    {"as many as", DSR_QUALIFIER_AT_MOST, TRUE},
    {"more than", DSR_QUALIFIER_MORE_THAN, TRUE},
    {"less than", DSR_QUALIFIER_LESS_THAN, TRUE},
    {"fewer than", DSR_QUALIFIER_LESS_THAN, TRUE},
    {"at least", DSR_QUALIFIER_AT_LEAST, TRUE},
    {"at most", DSR_QUALIFIER_AT_MOST, TRUE},
    {"up to", DSR_QUALIFIER_AT_MOST, TRUE},
    {"close to", DSR_QUALIFIER_APPROX, TRUE},
    {"upwards of", DSR_QUALIFIER_MORE_THAN, TRUE},
    {"an estimated", DSR_QUALIFIER_APPROX, TRUE},
    {"approximately", DSR_QUALIFIER_APPROX, TRUE},
    {"roughly", DSR_QUALIFIER_APPROX, TRUE},
    {"about", DSR_QUALIFIER_APPROX, TRUE},
    {"around", DSR_QUALIFIER_APPROX, TRUE},
    {"nearly", DSR_QUALIFIER_APPROX, TRUE},
    {"almost", DSR_QUALIFIER_APPROX, TRUE},
    {"some", DSR_QUALIFIER_APPROX, TRUE},
    {"over", DSR_QUALIFIER_MORE_THAN, TRUE},
    {"above", DSR_QUALIFIER_MORE_THAN, TRUE},
    {"exceeding", DSR_QUALIFIER_MORE_THAN, TRUE},
    {"under", DSR_QUALIFIER_LESS_THAN, TRUE},
    {"below", DSR_QUALIFIER_LESS_THAN, TRUE},
    {NULL, DSR_QUALIFIER_NONE, FALSE},
};

/* Verbs of exceeding put the figure as a lower bound: "dépasse les 130
 * milliards", "a dépassé le cap des 100 milliards", "will surpass US$40 billion". */
static const char *const exceed_verbs[] = {
    "dépasse",     "dépassent", "dépassé",    "dépassée",    "dépassés",  "dépassées",
    "dépasser",    "dépassant", "dépassait",  "dépassaient", "dépassera", "dépasseront",
    "dépasserait", "franchi",   "franchit",   "excède",      "excèdent",  "surpass",
    "surpasses",   "surpassed", "surpassing", "exceed",      "exceeds",   "exceeded",
    "top",         "tops",      "topped",     "topping",     NULL,
};

static DsrQualifier
qualifier_before(const Ctx *c, guint first, guint *qfirst)
{
    *qfirst = first;
    for (guint k = 0; qualifiers[k].pat; k++) {
        if (qualifiers[k].en != c->en)
            continue;
        gssize at = match_before(c, first, qualifiers[k].pat);
        if (at < 0)
            continue;
        /* "plus de" after "de"/"des" is still a qualifier ("de plus de 10"), but
         * "près" alone only as written with its "de" folded in ("près 30"). */
        if (word_is(qualifiers[k].pat, "some") && is_num(c, first) == FALSE &&
            !is_punct(c, first, "$") && word_value(fold_at(c, first), TRUE) < 2)
            continue;
        /* "handed over 12 boats", "took over 3 plants": a phrasal verb's particle. */
        if (word_is(qualifiers[k].pat, "over") &&
            word_in(c, at - 1,
                    (const char *const[]){"hand", "hands", "handed", "handing", "take", "takes",
                                          "took", "taken", "taking", "turn", "turns", "turned",
                                          "turning", "hands", NULL}))
            continue;
        *qfirst = (guint)at;
        return qualifiers[k].q;
    }
    /* Exceeding verbs, optionally with "le cap des", "la barre des", "les". */
    gssize k = (gssize)first - 1;
    static const char *const fillers[] = {"le cap des",
                                          "la barre des",
                                          "le seuil des",
                                          "la barre de",
                                          "le cap de",
                                          "le seuil de",
                                          "the milestone of",
                                          "the mark of",
                                          "the threshold of",
                                          "the level of",
                                          "les",
                                          "la",
                                          "le",
                                          "l'",
                                          "des",
                                          NULL};
    for (guint f = 0; fillers[f]; f++) {
        gssize at = match_before(c, first, fillers[f]);
        if (at >= 0) {
            k = at - 1;
            break;
        }
    }
    /* "surpass the impressive milestone of AUD6 billion": one word may qualify it. */
    if (c->en && k == (gssize)first - 1 && word_in(c, k, (const char *const[]){"of", NULL}) &&
        word_in(
            c, k - 1,
            (const char *const[]){"milestone", "mark", "threshold", "level", "barrier", NULL}) &&
        word_in(c, k - 3, (const char *const[]){"the", NULL}) && is_word(c, k - 2))
        k -= 4;
    if (c->en && (is_word(c, k) && (word_is(fold_at(c, k), "the"))))
        k--;
    /* "a dépassé pour la première fois les 100 milliards", "has already topped". */
    static const char *const adverbials[] = {"pour la première fois",
                                             "pour la 1re fois",
                                             "for the first time",
                                             "déjà",
                                             "désormais",
                                             "largement",
                                             "nettement",
                                             "légèrement",
                                             "already",
                                             "easily",
                                             "comfortably",
                                             "slightly",
                                             NULL};
    for (guint a = 0; adverbials[a]; a++) {
        gssize at = match_before(c, k + 1, adverbials[a]);
        if (at >= 0) {
            k = at - 1;
            break;
        }
    }
    if (word_in(c, k, exceed_verbs) &&
        (is_word(c, first) || is_num(c, first) || tok(c, first)->type == TOK_PUNCT))
        return DSR_QUALIFIER_MORE_THAN; /* the quote keeps only the number: the verb is not part of
                                           it */
    return DSR_QUALIFIER_NONE;
}

/* Percent words after the number at @i; returns tokens used. */
static guint
percent_at(const Ctx *c, guint i, const char **unit)
{
    if (is_punct(c, i, "%") || is_punct(c, i, "٪")) {
        *unit = "%";
        return 1;
    }
    guint m;
    if ((m = match_at(c, i, "points de pourcentage"))) {
        *unit = "points de pourcentage";
        return m;
    }
    if ((m = match_at(c, i, "point de pourcentage"))) {
        *unit = "points de pourcentage";
        return m;
    }
    if ((m = match_at(c, i, "percentage points")) || (m = match_at(c, i, "percentage point"))) {
        *unit = "percentage points";
        return m;
    }
    if ((m = match_at(c, i, "pour cent")) || (m = match_at(c, i, "pourcent")) ||
        (m = match_at(c, i, "pour cents")) || (m = match_at(c, i, "pourcents")) ||
        (m = match_at(c, i, "pour - cent"))) {
        *unit = "%";
        return m;
    }
    if ((m = match_at(c, i, "per cent")) || (m = match_at(c, i, "percent")) ||
        (m = match_at(c, i, "percents")) || (m = match_at(c, i, "pct")) ||
        (m = match_at(c, i, "per - cent"))) {
        *unit = "%";
        return m;
    }
    return 0;
}

/* A verb or noun of growth right before a number, with its "de"/"by":
 * "a augmenté de 2,5 fois", "en hausse de 3 fois", "increased 2.5 times",
 * "grew by four times". Then "fois"/"times" is a multiplier, not a repetition. */
static gboolean
growth_before(const Ctx *c, guint first)
{
    static const char *const growth[] = {
        "augmenté", "augmentée",    "augmentés",  "augmentées", "progressé", "accru",
        "accrue",   "accrus",       "accrues",    "crû",        "grimpé",    "bondi",
        "hausse",   "augmentation", "croissance", "increased",  "increase",  "grew",
        "grown",    "rose",         "risen",      "jumped",     "surged",    "soared",
        "expanded", "multiplied",   NULL};
    gssize k = (gssize)first - 1;
    /* Over a qualifier: "a augmenté de près de 160 fois", "grew nearly 5 times". */
    if (word_in(c, k, (const char *const[]){"de", "d'", NULL}) &&
        word_in(c, k - 1, (const char *const[]){"près", "plus", "moins", NULL}))
        k -= 2;
    else if (word_in(c, k,
                     (const char *const[]){"environ", "presque", "quasiment", "nearly", "almost",
                                           "about", "roughly", "some", NULL}))
        k--;
    if (word_in(c, k, (const char *const[]){"de", "d'", "by", NULL}))
        k--;
    else if (!c->en)
        return FALSE; /* "a augmenté trois fois ses tarifs": three times over */
    return word_in(c, k, growth);
}

/* Multipliers after a number: "trois fois plus", "three times the", "160-fold",
 * "a augmenté de 2,5 fois". FIRST is the number's first token. */
static guint
multiplier_at(const Ctx *c, guint first, guint i, const char **unit)
{
    guint j = i;
    if (is_punct(c, j, "-") && glued(c, j))
        j++;
    if (word_in(c, j, (const char *const[]){"fold", NULL})) {
        *unit = "fold";
        return j - i + 1;
    }
    if (!c->en && word_is(fold_at(c, j), "fois")) {
        static const char *const next[] = {
            "plus",      "moins",      "supérieur", "supérieure", "supérieurs", "supérieures",
            "inférieur", "inférieure", "davantage", "plus élevé", "que",        "celui",
            "celle",     "ceux",       "le",        "la",         "les",        NULL};
        /* "(13,1 fois en volume et 10,2 fois en valeur)": a growth's measure. */
        gboolean measured = match_at(c, j + 1, "en volume") || match_at(c, j + 1, "en valeur");
        if (word_in(c, j + 1, next) || measured || growth_before(c, first)) {
            *unit = "fois";
            return j - i + 1;
        }
    }
    if (c->en && word_is(fold_at(c, j), "times")) {
        static const char *const next[] = {
            "more", "less", "higher", "lower", "larger", "greater", "bigger", "faster",
            "the",  "as",   "that",   "what",  "its",    "their",   "over",   NULL};
        if (word_in(c, j + 1, next) || growth_before(c, first)) {
            *unit = "times";
            return j - i + 1;
        }
    }
    return 0;
}

/* Approximate-number nouns: "une centaine de", "a dozen". Returns the value. */
static double
approx_noun(const char *w)
{
    static const WordVal nouns[] = {
        {"dizaine", 10},   {"douzaine", 12},    {"quinzaine", 15},    {"vingtaine", 20},
        {"trentaine", 30}, {"quarantaine", 40}, {"cinquantaine", 50}, {"soixantaine", 60},
        {"centaine", 100}, {"millier", 1000},   {"dozen", 12},        {"score", 20},
        {"dizaines", 10},  {"douzaines", 12},   {"centaines", 100},   {"milliers", 1000},
        {NULL, 0},
    };
    for (const WordVal *p = nouns; p->w; p++)
        if (strcmp(p->w, w) == 0)
            return p->v;
    return 0;
}

/* Fractions: "un dixième", "un tiers", "deux tiers", "one-third", "a quarter of". */
static double
fraction_word(const char *w, gboolean en)
{
    static const struct {
        const char *w;
        double d;
    } fr[] = {{"tiers", 3},      {"quart", 4},   {"quarts", 4},   {"cinquième", 5},
              {"cinquièmes", 5}, {"sixième", 6}, {"dixième", 10}, {"dixièmes", 10},
              {"centième", 100}, {"moitié", 2},  {NULL, 0}},
      en_[] = {{"third", 3},  {"thirds", 3}, {"quarter", 4}, {"quarters", 4}, {"fifth", 5},
               {"fifths", 5}, {"tenth", 10}, {"tenths", 10}, {"half", 2},     {NULL, 0}};
    for (guint k = 0; (en ? en_ : fr)[k].w; k++)
        if (strcmp((en ? en_ : fr)[k].w, w) == 0)
            return (en ? en_ : fr)[k].d;
    return 0;
}

/* After the number (and its scale): "%", currency, measure unit or count noun. */
static void
read_tail(const Ctx *c, guint j, Piece *p, gboolean allow_noun)
{
    const char *pu = NULL;
    guint m;
    if (is_punct(c, j, "-") && glued(c, j) && percent_at(c, j + 1, &pu))
        j++; /* "21-per-cent" */
    /* Glued rate: "20%/an", "5 %/year". */
    if ((m = percent_at(c, j, &pu))) {
        p->percent = TRUE;
        p->pct_unit = pu;
        p->last = j + m - 1;
        guint r = j + m;
        if (is_punct(c, r, "/") && glued(c, r) &&
            word_in(c, r + 1,
                    (const char *const[]){"an", "année", "year", "yr", "mois", "month", NULL}))
            p->last = r + 1;
        return;
    }
    /* Currency after: "milliards de dollars", "milliards d'USD", "95 mds €", "billion USD". */
    guint k = j;
    gboolean linked = FALSE;
    if (word_in(c, k, (const char *const[]){"de", "d'", "of", NULL})) {
        k++;
        linked = TRUE;
    }
    const Currency *cur = NULL;
    if ((m = currency_at(c, k, TRUE, &cur)) && !(linked && c->en && !p->has_scale)) {
        p->cur = cur;
        p->iso = cur->iso;
        p->last = k + m - 1;
        /* "dollars américains", "US dollars" (before), "dollars des États-Unis". */
        if (word_is(cur->iso, "USD") && word_is(cur->unit, "dollars")) {
            for (guint d = 0; dollar_kinds[d].w; d++) {
                if (word_in(c, k + m, (const char *const[]){dollar_kinds[d].w, NULL}) && !c->en) {
                    p->iso = dollar_kinds[d].iso;
                    p->last = k + m;
                    break;
                }
                if (c->en && word_in(c, k - 1, (const char *const[]){dollar_kinds[d].w, NULL}) &&
                    k - 1 > p->num) {
                    p->iso = dollar_kinds[d].iso;
                    break;
                }
            }
            if (match_at(c, k + m, "de singapour"))
                p->iso = "SGD", p->last = k + m + 1;
            else if (match_at(c, k + m, "de hong kong"))
                p->iso = "HKD", p->last = k + m + 2;
        }
        /* "16,4 millions de $CAD", "150 millions de $ usd", "10 milliards de $ hk". */
        if (word_is(cur->w, "$") && is_word(c, k + m) &&
            (tok(c, k + m)->allcaps || !tok(c, k + m)->cap)) {
            static const struct {
                const char *w, *iso;
            } codes[] = {{"usd", "USD"}, {"us", "USD"},  {"cad", "CAD"}, {"ca", "CAD"},
                         {"c", "CAD"},   {"can", "CAD"}, {"hk", "HKD"},  {"hkd", "HKD"},
                         {"aud", "AUD"}, {"sgd", "SGD"}, {"nzd", "NZD"}, {NULL, NULL}};
            for (guint d = 0; codes[d].w; d++)
                if (strcmp(fold_at(c, k + m), codes[d].w) == 0) {
                    p->iso = codes[d].iso;
                    p->last = k + m;
                    break;
                }
        }
        return;
    }
    /* "87.7 billion U.S. dollars" */
    if (c->en && match_at(c, j, "u . s .") && currency_at(c, j + 4, TRUE, &cur) &&
        word_is(cur->iso, "USD")) {
        p->cur = cur;
        p->iso = "USD";
        p->last = j + 4;
        return;
    }
    /* "100 Chinese yuan", "42 Malaysian ringgit", "10,000 Swiss francs". */
    if (c->en && is_word(c, j) && is_word(c, j + 1)) {
        static const struct {
            const char *adj, *cur, *iso;
        } national[] = {
            {"chinese", NULL, NULL},    {"japanese", NULL, NULL},   {"korean", NULL, NULL},
            {"malaysian", NULL, NULL},  {"malaysia", NULL, NULL},   {"indian", NULL, NULL},
            {"russian", NULL, NULL},    {"thai", NULL, NULL},       {"indonesian", NULL, NULL},
            {"philippine", NULL, NULL}, {"vietnamese", NULL, NULL}, {"israeli", NULL, NULL},
            {"british", NULL, NULL},    {"brazilian", NULL, NULL},  {"lao", NULL, NULL},
            {"laotian", NULL, NULL},    {"cambodian", NULL, NULL},  {"emirati", NULL, NULL},
            {"swiss", "francs", "CHF"}, {"swiss", "franc", "CHF"},  {NULL, NULL, NULL},
        };
        for (guint d = 0; national[d].adj; d++) {
            if (strcmp(fold_at(c, j), national[d].adj) != 0)
                continue;
            if (national[d].cur) {
                if (strcmp(fold_at(c, j + 1), national[d].cur) != 0)
                    continue;
                static const Currency chf = {"swiss francs", "CHF", "Swiss francs"};
                p->cur = &chf;
                p->iso = national[d].iso;
                p->last = j + 1;
                return;
            }
            if (currency_at(c, j + 1, TRUE, &cur) == 1 && !word_is(cur->iso, "USD")) {
                p->cur = cur;
                p->iso = cur->iso;
                p->last = j + 1;
                return;
            }
        }
    }
    /* "billion US dollars", "million Australian dollars" */
    if (c->en &&
        word_in(c, j,
                (const char *const[]){"us", "american", "australian", "singapore", "canadian",
                                      "taiwan", "new", NULL}) &&
        currency_at(c, j + 1, TRUE, &cur) && word_is(cur->iso, "USD")) {
        p->cur = cur;
        p->iso = "USD";
        for (guint d = 0; dollar_kinds[d].w; d++)
            if (strcmp(fold_at(c, j), dollar_kinds[d].w) == 0)
                p->iso = dollar_kinds[d].iso;
        p->last = j + 1;
        return;
    }
    if (word_in(c, j, measure_units) || (is_word(c, j) && word_in(c, j, measure_units))) {
        p->kind = DSR_FIGURE_OTHER;
        p->has_kind = TRUE;
        p->unit = g_strndup(c->s + tok(c, j)->start, tok(c, j)->end - tok(c, j)->start);
        p->last = j;
        return;
    }
    /* "2 million metric tons", "500 000 tonnes métriques". */
    guint mt = match_at(c, j, "metric tons") ? 2 : match_at(c, j, "metric tonnes") ? 2 : 0;
    if (!mt && (p->has_scale || p->approx_word) && match_at(c, j, "of metric tons"))
        mt = 3;
    if (mt) {
        p->kind = DSR_FIGURE_OTHER;
        p->has_kind = TRUE;
        p->unit = g_strdup("metric tons");
        p->last = j + mt - 1;
        return;
    }
    if (!allow_noun)
        return;
    gboolean de = FALSE;
    if ((p->has_scale || p->approx_word) &&
        word_in(c, j, (const char *const[]){"de", "d'", "of", NULL})) {
        j++;
        de = TRUE;
    }
    /* French joins "millions" to its noun with "de" ("2 millions
     * d'habitants"): in "dont 620 millions proviennent du Japon" a verb
     * follows, and the amount is a bare one. */
    if (!c->en && p->has_scale && !de &&
        word_in(c, p->scale_tok,
                (const char *const[]){"million", "millions", "milliard", "milliards", "billion",
                                      "billions", NULL}))
        return;
    if (word_in(c, j, measure_units)) {
        p->kind = DSR_FIGURE_OTHER;
        p->has_kind = TRUE;
        p->unit = g_strndup(c->s + tok(c, j)->start, tok(c, j)->end - tok(c, j)->start);
        p->last = j;
        return;
    }
    if (read_count_noun(c, j, p)) {
        p->count_noun = TRUE;
        p->last = p->noun_end;
    }
}

/* "un foyer sur trois", "une entreprise sur cinq", "one in three adults",
 * "1 sur 4": a share of a group, a figure of kind other (value N/M). @j is
 * the token after the first number (in @p). French puts the noun between
 * ("un foyer sur trois"), English after ("one in three adults"); a noun or
 * a duration after a French "sur M" is a topic or a span ("un accord sur
 * trois ans"), not a share. */
static gboolean
share_at(const Ctx *c, guint j, Piece *p)
{
    if (p->value < 1 || p->value >= 10 || p->value != floor(p->value))
        return FALSE;
    guint k = j, words = 0;
    const char *prep = c->en ? "in" : "sur";
    while (words < 2 && is_word(c, k) && strcmp(fold_at(c, k), prep) != 0 &&
           all_words_lower_noun(c, k) && !word_in(c, k, measure_units)) {
        k++;
        words++;
    }
    if (!word_in(c, k, (const char *const[]){prep, NULL}))
        return FALSE;
    double den = 0;
    guint end;
    if (is_num(c, k + 1)) {
        NumVal nv;
        Tok *t = tok(c, k + 1);
        if (!parse_digits(c->s + t->start, t->end - t->start, c->en, &nv) || !nv.plain_int)
            return FALSE;
        den = nv.value;
        end = k + 1;
    } else {
        gboolean small;
        guint used = parse_words(c, k + 1, &den, &small);
        if (!used)
            return FALSE;
        end = k + used;
    }
    if (den <= p->value || den > 1000)
        return FALSE;
    guint after = end + 1;
    if (word_in(c, after, durations) || word_in(c, after, measure_units) || is_punct(c, after, "%"))
        return FALSE;
    if (is_word(c, after) && all_words_lower_noun(c, after)) {
        const char *w = fold_at(c, after);
        gsize n = strlen(w);
        gboolean plural = n > 3 && (w[n - 1] == 's' || w[n - 1] == 'x');
        if (c->en ? words > 0
                  : (plural && !word_in(c, after, (const char *const[]){"sont", "ont", NULL})))
            return FALSE;
    }
    p->kind = DSR_FIGURE_OTHER;
    p->has_kind = TRUE;
    p->unit = g_strndup(c->s + tok(c, k)->start, tok(c, end)->end - tok(c, k)->start);
    p->value = p->value / den;
    p->last = end;
    return TRUE;
}

/* "près de la moitié des entreprises", "more than half of the firms": a
 * share, when a bound or the start of the sentence says it is one ("in the
 * first half of 2024", "la première moitié de l'année" are periods). */
static gboolean
half_at(const Ctx *c, guint i, Piece *p)
{
    guint first = i;
    if (c->en) {
        if (!word_is(fold_at(c, i), "half") ||
            !word_in(c, i + 1, (const char *const[]){"of", "the", "its", "their", NULL}))
            return FALSE;
        static const char *const before[] = {"nearly", "almost",  "about",         "around", "over",
                                             "than",   "roughly", "approximately", "just",   NULL};
        /* "reached half the target", "half its exports": a share; "the first half
         * of 2024", "in the second half" are periods. */
        gboolean direct =
            !word_in(c, i + 1, (const char *const[]){"of", NULL}) && i > 0 &&
            !word_in(c, (gssize)i - 1,
                     (const char *const[]){"first", "second", "a", "the", "one", "and", NULL});
        if (i > 0 && !direct && !word_in(c, (gssize)i - 1, before))
            return FALSE;
    } else {
        if (!word_is(fold_at(c, i), "moitié") || i == 0 ||
            !word_in(c, (gssize)i - 1, (const char *const[]){"la", NULL}) ||
            !word_in(c, i + 1, (const char *const[]){"de", "des", "du", "d'", NULL}))
            return FALSE;
        first = i - 1;
        static const char *const before[] = {"près de", "plus de",   "moins de", "environ",
                                             "presque", "quasiment", "près d'",  NULL};
        gboolean ok = first == 0;
        for (guint k = 0; before[k] && !ok; k++)
            ok = match_before(c, first, before[k]) >= 0;
        if (!ok)
            return FALSE;
    }
    p->first = first;
    p->value = 0.5;
    p->kind = DSR_FIGURE_OTHER;
    p->has_kind = TRUE;
    p->unit = g_strndup(c->s + tok(c, i)->start, tok(c, i)->end - tok(c, i)->start);
    p->last = i;
    return TRUE;
}

/* A multiplier said by a word, with no number: "le double", "plus du
 * double", "ont triplé", "a plus que doublé", "vise à doubler les échanges",
 * "doubled", "to double", "doubling bilateral trade". Adjectives ("double
 * imposition", "a double-digit rise") are not. Sets a figure of kind other. */
static gboolean
multiple_word_at(const Ctx *c, guint i, Piece *p)
{
    static const WordVal fr_nouns[] = {{"double", 2},     {"triple", 3},     {"quadruple", 4},
                                       {"doublement", 2}, {"triplement", 3}, {"quadruplement", 4},
                                       {NULL, 0}};
    static const WordVal fr_verbs[] = {
        {"doublé", 2},  {"doublée", 2},  {"doublés", 2},    {"doublées", 2},    {"triplé", 3},
        {"triplée", 3}, {"triplés", 3},  {"triplées", 3},   {"quadruplé", 4},   {"quadruplée", 4},
        {"doubler", 2}, {"tripler", 3},  {"quadrupler", 4}, {"doublant", 2},    {"triplant", 3},
        {"double", 2},  {"doublent", 2}, {"triple", 3},     {"quadruplant", 4}, {NULL, 0}};
    static const WordVal en_verbs[] = {{"doubled", 2},  {"tripled", 3},     {"quadrupled", 4},
                                       {"doubling", 2}, {"tripling", 3},    {"double", 2},
                                       {"triple", 3},   {"quadruple", 4},   {"doubles", 2},
                                       {"triples", 3},  {"quadrupling", 4}, {NULL, 0}};
    const char *w = fold_at(c, i);
    /* Asked of every word: the stems first. */
    if ((w[0] != 'd' || strncmp(w, "doubl", 5) != 0) &&
        (w[0] != 't' || strncmp(w, "tripl", 5) != 0) &&
        (w[0] != 'q' || strncmp(w, "quadrupl", 8) != 0))
        return FALSE;
    if (is_punct(c, i + 1, "-") && glued(c, i + 1))
        return FALSE; /* "double-digit", "double-tête" */
    static const char *const determiners[] = {
        "le",        "la",      "les",   "l'",      "leur",    "leurs",      "ses",
        "son",       "sa",      "ce",    "cette",   "ces",     "nos",        "notre",
        "d'",        "the",     "its",   "their",   "our",     "this",       "these",
        "bilateral", "two-way", "trade", "exports", "imports", "investment", NULL};
    static const char *const ends[] = {",", ".", ";", ")", ":", NULL};
    gboolean at_end = i + 1 >= c->n;
    for (guint k = 0; ends[k] && !at_end; k++)
        at_end = is_punct(c, i + 1, ends[k]);
    double v = 0;
    DsrQualifier q = DSR_QUALIFIER_NONE;
    guint first = i;
    if (!c->en) {
        const WordVal *hit = NULL;
        for (const WordVal *x = fr_nouns; x->w && !hit; x++)
            if (strcmp(x->w, w) == 0)
                hit = x;
        /* The noun: "le double de", "soit le double", "plus du double". */
        if (hit && i > 0 &&
            word_in(c, (gssize)i - 1, (const char *const[]){"le", "du", "un", NULL}) &&
            (word_is(w, "double") || word_is(w, "triple") || word_is(w, "quadruple") ||
             word_in(c, i + 1, (const char *const[]){"de", "du", "des", "d'", NULL})) &&
            (at_end || word_in(c, i + 1,
                               (const char *const[]){"de", "du", "des", "d'", "par", "en", "à",
                                                     "au", "comparé", "sur", "que", NULL}))) {
            v = hit->v;
            first = i - 1;
            if (match_before(c, first, "plus") >= 0) {
                q = DSR_QUALIFIER_MORE_THAN;
                first--;
            } else if (match_before(c, first, "près") >= 0 ||
                       match_before(c, first, "presque") >= 0) {
                q = DSR_QUALIFIER_APPROX;
                first--;
            } else if (match_before(c, first, "moins") >= 0) {
                q = DSR_QUALIFIER_LESS_THAN;
                first--;
            }
        } else {
            /* The verb, after its auxiliary or as an infinitive or participle
             * with what it multiplies. */
            for (const WordVal *x = fr_verbs; x->w && !v; x++)
                if (strcmp(x->w, w) == 0)
                    v = x->v;
            if (!v)
                return FALSE;
            gssize k = (gssize)i - 1;
            if (match_before(c, i, "plus que") >= 0) {
                q = DSR_QUALIFIER_MORE_THAN;
                k -= 2;
            } else if (word_in(
                           c, k,
                           (const char *const[]){"presque", "quasiment", "pratiquement", NULL})) {
                q = DSR_QUALIFIER_APPROX;
                k--;
            } else if (word_in(c, k, (const char *const[]){"déjà", "encore", "ainsi", NULL})) {
                k--;
            }
            static const char *const aux[] = {"a",      "ont",    "avait",    "avaient", "aura",
                                              "auront", "aurait", "auraient", "ayant",   NULL};
            gboolean participle = g_str_has_suffix(w, "é") || g_str_has_suffix(w, "ée") ||
                                  g_str_has_suffix(w, "és") || g_str_has_suffix(w, "ées");
            gboolean infinitive = g_str_has_suffix(w, "er") || g_str_has_suffix(w, "ant");
            gboolean finite =
                word_is(w, "double") || word_is(w, "triple") || word_is(w, "doublent");
            if (participle) {
                if (!word_in(c, k, aux))
                    return FALSE;
            } else if (infinitive) {
                if (!at_end && !word_in(c, i + 1, determiners) &&
                    !word_in(c, i + 1, (const char *const[]){"d'ici", "en", NULL}))
                    return FALSE;
            } else if (finite) {
                /* "les échanges doublent", "la valeur double en cinq ans": a verb
                 * after a noun, before an end or a time. */
                if (!(at_end || word_in(c, i + 1, (const char *const[]){"en", "d'ici", NULL})) ||
                    k < 0 || !is_word(c, k))
                    return FALSE;
            }
            if (q != DSR_QUALIFIER_NONE)
                first = (guint)(k + 1);
        }
    } else {
        for (const WordVal *x = en_verbs; x->w && !v; x++)
            if (strcmp(x->w, w) == 0)
                v = x->v;
        if (!v)
            return FALSE;
        gssize k = (gssize)i - 1;
        if (match_before(c, i, "more than") >= 0) {
            q = DSR_QUALIFIER_MORE_THAN;
            k -= 2;
        } else if (word_in(c, k,
                           (const char *const[]){"nearly", "almost", "roughly", "about",
                                                 "approximately", "around", NULL})) {
            q = DSR_QUALIFIER_APPROX;
            k--;
        }
        gboolean past = g_str_has_suffix(w, "ed");
        gboolean gerund = g_str_has_suffix(w, "ing");
        if (past || gerund) {
            /* "doubled trade", "has doubled", "trade doubled.", "doubling bilateral trade" */
            if (gerund && !at_end && !word_in(c, i + 1, determiners))
                return FALSE;
        } else {
            /* "to double", "will double", "could triple": a verb after "to" or a modal. */
            static const char *const before[] = {"to",     "will", "would", "could", "can",
                                                 "should", "may",  "might", "shall", NULL};
            if (!word_in(c, k, before))
                return FALSE;
        }
        if (q != DSR_QUALIFIER_NONE)
            first = (guint)(k + 1);
    }
    p->first = first;
    p->value = v;
    p->kind = DSR_FIGURE_OTHER;
    p->has_kind = TRUE;
    p->word_qual = q;
    p->multiple_verb = first == i || q != DSR_QUALIFIER_NONE;
    /* "doubler les échanges", "to double trade", "doubling bilateral trade":
     * what multiplies follows. */
    p->multiple_object = g_str_has_suffix(w, "er") || g_str_has_suffix(w, "ing") ||
                         g_str_has_suffix(w, "ant") ||
                         (c->en && !g_str_has_suffix(w, "ed") && !g_str_has_suffix(w, "s"));
    p->unit = g_strndup(c->s + tok(c, i)->start, tok(c, i)->end - tok(c, i)->start);
    p->last = i;
    return TRUE;
}

/* Whether read_piece() may find a figure starting at token @i: a number,
 * or one of the words it reads as one (a number word, "half", "moitié",
 * "milliard" after "le", "doublé"...). Most tokens are other words and
 * punctuation: one lookup turns them away before read_piece() clears a
 * Piece and asks each of its readers in turn. Builds with
 * DOSSIER_CHECK_FILTERS check every rejection against read_piece(). */
static gboolean
may_start_piece(const Ctx *c, guint i)
{
    const Tok *t = tok(c, i);
    if (t->type == TOK_NUM)
        return TRUE;
    if (t->type != TOK_WORD)
        return FALSE;
    static GHashTable *starters[2];
    static gsize ready = 0;
    if (g_once_init_enter(&ready)) {
        static const char *const fr_words[] = {"moitié",   "cent",    "cents", "mille",
                                               "milliard", "million", "demi",  NULL};
        static const char *const en_words[] = {"half", "a", "an", NULL};
        for (int l = 0; l < 2; l++) {
            starters[l] = g_hash_table_new(g_str_hash, g_str_equal);
            for (const WordVal *v = l ? units_en : units_fr; v->w; v++)
                g_hash_table_add(starters[l], (gpointer)v->w);
            for (const char *const *w = l ? en_words : fr_words; *w; w++)
                g_hash_table_add(starters[l], (gpointer)*w);
        }
        g_once_init_leave(&ready, 1);
    }
    const char *w = t->fold;
    /* multiple_word_at()'s stems */
    if ((w[0] == 'd' && strncmp(w, "doubl", 5) == 0) ||
        (w[0] == 't' && strncmp(w, "tripl", 5) == 0) ||
        (w[0] == 'q' && strncmp(w, "quadrupl", 8) == 0))
        return TRUE;
    return g_hash_table_contains(starters[c->en ? 1 : 0], w);
}

/* Reads the number expression whose number (digits or words) is at @i.
 * Returns FALSE when token @i starts no figure. */
static gboolean
read_piece(const Ctx *c, guint i, Piece *p)
{
    memset(p, 0, sizeof *p);
    p->scale = 1;
    p->first = i;
    p->num = i;
    guint j;
    Tok *t = tok(c, i);
    if (t->type == TOK_NUM) {
        NumVal nv;
        if (number_in_name(c, i))
            return FALSE;
        if (!parse_digits(c->s + t->start, t->end - t->start, c->en, &nv))
            return FALSE;
        p->value = nv.value;
        p->year_like = is_year_value(&nv);
        j = i + 1;
        /* "1er", "2e" are caught by number_in_name; "2 e" with a space is not a form. */
    } else if (t->type == TOK_WORD && half_at(c, i, p)) {
        return TRUE;
    } else if (t->type == TOK_WORD && multiple_word_at(c, i, p)) {
        return TRUE;
    } else if (t->type == TOK_WORD && !c->en && i > 0 &&
               word_in(c, (gssize)i - 1, (const char *const[]){"le", "du", "au", NULL}) &&
               (word_in(c, i, (const char *const[]){"milliard", "million", NULL}) ||
                (word_in(c, i, (const char *const[]){"demi", NULL}) && is_punct(c, i + 1, "-") &&
                 word_in(c, i + 2, (const char *const[]){"milliard", "million", NULL})))) {
        /* "atteindre le milliard d'ici la fin de l'année", "a dépassé le
         * demi-milliard de dollars": one (or half) of the scale. */
        gboolean half = word_in(c, i, (const char *const[]){"demi", NULL});
        p->value = half ? 0.5 : 1;
        p->word_number = TRUE;
        j = half ? i + 2 : i;
    } else if (t->type == TOK_WORD) {
        double v = 0;
        gboolean small = FALSE;
        guint used = parse_words(c, i, &v, &small);
        if (used == 0)
            return FALSE;
        p->value = v;
        p->word_number = TRUE;
        p->small_word = small;
        j = i + used;
    } else {
        return FALSE;
    }
    p->last = j - 1;

    if (share_at(c, j, p))
        return TRUE;

    /* Sign glued before: "(+24%)", "-3,2%". */
    if (t->type == TOK_NUM && is_sign(c, (gssize)i - 1) && glued(c, i) &&
        (i < 2 || !glued(c, i - 1) || is_punct(c, i - 2, "("))) {
        if (!is_punct(c, i - 1, "+"))
            p->value = -p->value;
        p->first = i - 1;
    }
    /* "minus five percent" */
    if (c->en && word_in(c, (gssize)i - 1, (const char *const[]){"minus", NULL}) && p->first == i) {
        p->value = -p->value;
        p->first = i - 1;
    }
    /* Currency before: "$28.6 billion", "US$ 16 billion", "USD87.7 billion", "€5". */
    {
        const Currency *cur = NULL;
        guint f = p->first;
        if (f >= 2 && is_punct(c, f - 1, ".") &&
            word_in(c, f - 2, (const char *const[]){"rs", NULL}) && tok(c, f - 2)->cap &&
            f - 2 >= c->floor) {
            p->cur = currency_word("rs");
            p->iso = p->cur->iso;
            p->first = f - 2;
        }
        for (guint back = 2; back >= 1 && !p->cur; back--) {
            if (f < back || f - back < c->floor)
                continue;
            guint m = currency_at(c, f - back, FALSE, &cur);
            if (m == back &&
                (cur->w[0] == '$' || strstr(cur->w, "$") || tok(c, f - back)->allcaps ||
                 g_utf8_strlen(cur->w, -1) == 1 || word_is(cur->w, "rs"))) {
                p->cur = cur;
                p->iso = cur->iso;
                p->first = f - back;
                break;
            }
        }
    }

    /* Scale: "16.400 milliards", "1,3 million", "5 M€", "deux mille milliards". */
    gboolean needs_money = FALSE;
    /* "a 2.6-billion-USD project": a compound adjective, hyphens between its parts. */
    if (is_punct(c, j, "-") && glued(c, j) && glued(c, j + 1) &&
        scale_of(c, j + 1, &needs_money) > 0 && t->type == TOK_NUM)
        j++;
    double sc = scale_of(c, j, &needs_money);
    if (sc > 0) {
        gboolean ok = TRUE;
        const Currency *cur = NULL;
        if (needs_money && !p->cur && !currency_at(c, j + 1, TRUE, &cur))
            ok = FALSE;
        /* "milliers de milliards": thousands of billions. */
        if (ok) {
            p->scale = sc;
            p->has_scale = TRUE;
            p->last = j;
            p->scale_tok = j;
            j++;
            const Currency *hc = NULL;
            if (is_punct(c, j, "-") && glued(c, j) && glued(c, j + 1) &&
                currency_at(c, j + 1, TRUE, &hc))
                j++;
            if (match_at(c, j, "de milliards") && sc == 1e3) {
                p->scale = 1e12;
                p->last = j + 1;
                j += 2;
            } else if (scale_of(c, j, &needs_money) >= 1e6 && sc == 1e3) {
                p->scale = sc * scale_of(c, j, &needs_money);
                p->last = j;
                j++;
            } else if (sc >= 1e9 && is_num(c, j) && !glued(c, j)) {
                /* "un milliard 340 millions de dollars", "2 milliards 500 millions". */
                NumVal nv;
                Tok *nt = tok(c, j);
                gboolean sub_money = FALSE;
                double sub = scale_of(c, j + 1, &sub_money);
                if (sub > 0 && sub < sc && sub >= sc / 1e3 &&
                    parse_digits(c->s + nt->start, nt->end - nt->start, c->en, &nv) &&
                    nv.plain_int && nv.value < sc / sub) {
                    p->value += nv.value * sub / sc;
                    p->last = j + 1;
                    j += 2;
                }
            }
        }
    } else if (approx_noun(fold_at(c, j)) > 0 && p->value >= 1 && p->value == floor(p->value)) {
        /* "une centaine de délégués", "plus d'une centaine", "a dozen"; a
         * number of them is a multiple: "3 douzaines" (36), "deux centaines". */
        double av = approx_noun(fold_at(c, j));
        gboolean one = p->word_number && p->value == 1;
        if (one || (p->value > 1 && p->value < 100)) {
            p->value = one ? av : p->value * av;
            p->approx_word = TRUE;
            p->multiple = !one;
            p->small_word = FALSE;
            p->last = j;
            j++;
        }
    }

    /* Multipliers and fractions. */
    const char *mu = NULL;
    guint m = multiplier_at(c, p->first, j, &mu);
    if (m) {
        p->kind = DSR_FIGURE_OTHER;
        p->has_kind = TRUE;
        p->unit = g_strdup(mu);
        p->last = j + m - 1;
        /* "deux fois moins chers", "three times less": a fraction. */
        if (p->value > 0 && word_in(c, p->last + 1, (const char *const[]){"moins", "less", NULL}))
            p->value = 1 / p->value;
        return TRUE;
    }
    if (p->word_number && !p->has_scale && !p->approx_word) {
        guint f = j;
        if (is_punct(c, f, "-") && glued(c, f))
            f++;
        double d = fraction_word(fold_at(c, f), c->en);
        guint af = f + 1;
        if (word_in(c, af, (const char *const[]){"de", "d'", "of", NULL}))
            af++;
        if (word_in(c, af, (const char *const[]){"a", "an", NULL}))
            af++;
        if (d > 0 && p->value < d && (d != 2 || p->value == 1) && !word_in(c, af, durations)) {
            p->kind = DSR_FIGURE_OTHER;
            p->has_kind = TRUE;
            p->unit = g_strndup(c->s + tok(c, f)->start, tok(c, f)->end - tok(c, f)->start);
            p->value = p->value / d;
            p->last = f;
            return TRUE;
        }
    }

    read_tail(c, j, p, p->cur == NULL);
    if (!p->percent && !p->iso && !p->has_kind && !p->has_scale) {
        static const char *const by[] = {"multiplié par",   "multipliée par", "multipliés par",
                                         "multipliées par", "multiplied by",  NULL};
        for (guint k = 0; by[k]; k++) {
            gssize at = match_before(c, p->first, by[k]);
            if (at >= 0) {
                p->first = (guint)at;
                p->kind = DSR_FIGURE_OTHER;
                p->has_kind = TRUE;
                p->count_noun = FALSE;
                p->unit = g_strdup(c->en ? "times" : "fois");
                p->last = p->num;
                break;
            }
        }
    }
    if (p->approx_word && !p->count_noun)
        return FALSE; /* "une centaine" alone measures nothing we can name */
    return TRUE;
}

/* ---- subjects ---- */

static int year_at(const Ctx *c, guint i);

static const char *const determiners[] = {
    "le",  "la",    "les",  "l'",    "un",   "une",   "des",   "du",  "ce",  "cet", "cette",
    "ces", "son",   "sa",   "ses",   "leur", "leurs", "notre", "nos", "the", "a",   "an",
    "its", "their", "this", "these", "that", "those", "our",   "his", "her", NULL,
};

static const char *const clause_words[] = {
    "que",       "qu'",      "qui",     "dont",     "où",        "mais",    "car",
    "lorsque",   "quand",    "si",      "selon",    "that",      "which",   "while",
    "when",      "where",    "who",     "but",      "because",   "if",      "according",
    "soit",      "tandis",   "alors",   "with",     "avec",      "pour",    "to",
    "contre",    "as",       "after",   "après",    "since",     "depuis",  "meaning",
    "including", "making",   "said",    "says",     "estimates", "noted",   "stated",
    "announced", "reported", "expects", "predicts", "forecasts", "indiqué", "déclaré",
    "souligné",  "noté",     "affirmé", "estime",   "prévoit",   "annoncé", "précisé",
    "rappelé",   "dit",      "ajouté",  NULL,
};

static const char *const measure_verbs[] = {
    "atteint",     "atteignait",   "atteignaient", "atteindre",
    "atteindra",   "atteindront",  "atteindrait",  "atteindraient",
    "élevé",       "élevée",       "élevés",       "élevées",
    "élève",       "élèvent",      "élevait",      "élevaient",
    "établi",      "établie",      "établis",      "établies",
    "établit",     "établissait",  "chiffré",      "chiffrée",
    "chiffrés",    "chiffrées",    "chiffrait",    "chiffrent",
    "représente",  "représentent", "représentait", "représentaient",
    "représenté",  "totalise",     "totalisent",   "totalisé",
    "totalisait",  "estimé",       "estimée",      "estimés",
    "estimées",    "évalué",       "évaluée",      "évalués",
    "évaluées",    "culminé",      "porté",        "portée",
    "montée",      "monté",        "grimpé",       "progressé",
    "augmenté",    "crû",          "s'élève",      "s'élèvent",
    "reached",     "reach",        "reaches",      "reaching",
    "hit",         "hits",         "totaled",      "totalled",
    "totals",      "totaling",     "totalling",    "stood",
    "stand",       "stands",       "amounted",     "amounts",
    "amount",      "was",          "were",         "is",
    "are",         "rose",         "increased",    "grew",
    "estimated",   "valued",       "est",          "était",
    "sont",        "étaient",      "sera",         "seront",
    "serait",      "seraient",     "dépasse",      "dépassent",
    "dépassé",     "dépassée",     "dépasser",     "dépassait",
    "dépasseront", "surpass",      "surpassed",    "surpasses",
    "exceeded",    "exceed",       "exceeds",      "topped",
    "worth",       "vaut",         "valent",       "valait",
    "été",         NULL,
};

static const char *const aux_words[] = {
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "auront",
    "aurait",
    "auraient",
    "s'",
    "se",
    "est",
    "sont",
    "était",
    "étaient",
    "sera",
    "seront",
    "pourrait",
    "pourraient",
    "devrait",
    "devraient",
    "va",
    "vont",
    "doit",
    "doivent",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "be",
    "been",
    "is",
    "are",
    "was",
    "were",
    "already",
    "déjà",
    "ainsi",
    "donc",
    "also",
    "également",
    "encore",
    "même",
    "to",
    "expected",
    "set",
    "projected",
    "likely",
    "désormais",
    "actuellement",
    "now",
    "currently",
    "only",
    "que",
    "n'",
    "ne",
    "alors",
    "avoir",
    "être",
    "ayant",
    "étant",
    "having",
    "being",
    "enfin",
    "finalement",
    "officiellement",
    "respectivement",
    NULL,
};

static gboolean
is_boundary(const Ctx *c, gssize k)
{
    Tok *t = tok(c, k);
    if (!t)
        return TRUE;
    if (t->type == TOK_PUNCT)
        return !(word_is(t->fold, "-") && glued(c, k)) && !word_is(t->fold, "'");
    return FALSE;
}

static const char *const pronouns[] = {
    "elle", "il",     "ils",   "elles", "cela",  "ceci",     "ce",       "it",      "they",
    "this", "these",  "on",    "we",    "nous",  "celui-ci", "celle-ci", "ceux-ci", "celles-ci",
    "ceux", "celles", "which", "what",  "those", "lui",      "leur",     "eux",     NULL,
};

/* Nouns that, after a demonstrative, stand for a quantity named in another
 * sentence ("ce chiffre", "this figure"): no subject can be read from them. */
static const char *const anaphoric_nouns[] = {
    "chiffre", "montant", "total",  "nombre", "niveau", "dernier", "dernière", "derniers",
    "figure",  "amount",  "number", "level",  "sum",    "somme",   "record",   NULL,
};

static const char *const demonstratives[] = {
    "ce", "cet", "cette", "ces", "this", "these", "that", "those", NULL,
};

/* A longer subject is cut before these when it runs past a dozen tokens:
 * "commerce bilatéral entre le Vietnam et la Chine" keeps its head. */
static const char *const long_cuts[] = {
    "entre", "between", "avec", "with", "en", "in", "vers", "to", NULL,
};

/* Copies tokens @a..@b of the sentence, trimmed of leading determiners and of
 * a trailing time complement ("en 2023", "in 2023", "fin octobre"). NULL for
 * a pronoun or a demonstrative that points to another sentence. */
static char *
span_text(const Ctx *c, gssize a, gssize b)
{
    while (a <= b && is_boundary(c, a))
        a++;
    gboolean demonstrative = word_in(c, a, demonstratives);
    while (a <= b && (word_in(c, a, determiners) || is_boundary(c, a)))
        a++;
    if (demonstrative && word_in(c, a, anaphoric_nouns))
        return NULL;
    /* Trailing complements of time or source. */
    for (gssize k = a + 1; k <= b; k++) {
        if (word_in(c, k,
                    (const char *const[]){"en", "in", "fin", "d'ici", "by", "au", "at", "during",
                                          "pendant", "depuis", NULL}) &&
            (is_num(c, k + 1) || is_month(c, k + 1) ||
             word_in(c, k + 1, (const char *const[]){"cours", "début", "fin", "2023", NULL}))) {
            b = k - 1;
            break;
        }
    }
    if (b - a > 12) {
        for (gssize k = a + 2; k <= b; k++)
            if (word_in(c, k, long_cuts)) {
                b = k - 1;
                break;
            }
    }
    while (b >= a &&
           (word_in(c, b, determiners) || is_boundary(c, b) ||
            word_in(c, b, (const char *const[]){"de", "d'", "of", "du", "des", "et", "and", NULL})))
        b--;
    if (b < a)
        return NULL;
    Tok *ta = tok(c, a), *tb = tok(c, b);
    if (b - a > 14)
        return NULL;
    char *s = g_strndup(c->s + ta->start, tb->end - ta->start);
    char *sq = dsr_text_squeeze(s);
    g_free(s);
    g_autofree char *fq = dsr_text_fold(sq);
    if (g_utf8_strlen(sq, -1) < 3 || in_list(fq, pronouns) || in_list(fold_at(c, a), pronouns)) {
        g_free(sq);
        return NULL;
    }
    return sq;
}

/* Prepositions that may sit inside a subject ("déficit commercial avec la Chine"). */
static const char *const crossable[] = {
    "avec", "with", "pour", "contre", "to", NULL,
};

/* Words between a measure verb and its number: "s'est établi ainsi à". */
static const char *const verb_adverbs[] = {
    "ainsi",      "également", "déjà",         "encore", "prochainement",  "notamment",
    "désormais",  "seulement", "que",          "qu'",    "respectivement", "already",
    "also",       "now",       "respectively", "only",   "just",           "officiellement",
    "finalement", "enfin",     "alors",        NULL,
};

/* The grammatical subject of the verb at @verb ("Les échanges commerciaux
 * bilatéraux" in "Les échanges commerciaux bilatéraux ont atteint"): tokens
 * *a..*b, walked back to a boundary or a clause word. FALSE when there is none. */
static gboolean
gram_subject(const Ctx *c, gssize verb, gssize *a, gssize *b)
{
    gssize v = verb - 1;
    while (v >= 0 && (word_in(c, v, aux_words) || word_in(c, v, verb_adverbs) ||
                      (is_punct(c, v, "'") && glued(c, v))))
        v--;
    if (v >= 1 && year_at(c, (guint)v) &&
        word_in(c, v - 1, (const char *const[]){"en", "in", NULL}))
        v -= 2;
    gssize start = v;
    guint words = 0;
    while (start >= 0 && !is_boundary(c, start) && words < 18) {
        if (word_in(c, start, crossable) && start > 0 && !word_in(c, start - 1, determiners)) {
            /* "Le déficit commercial avec la Chine s'est établi à": the
             * preposition is inside the subject when the words before it
             * open the clause with an article. */
            gssize q = start - 1;
            while (q >= 0 && (is_word(c, q) || (is_punct(c, q, "'") && glued(c, q))) &&
                   !word_in(c, q, clause_words) && !word_in(c, q, determiners) &&
                   !word_in(c, q, measure_verbs) && start - q < 6)
                q--;
            if (q < 0 || (word_in(c, q, determiners) && is_boundary(c, q - 1))) {
                start = q < 0 ? -1 : q - 1;
                break;
            }
        }
        if (word_in(c, start, clause_words))
            break;
        if (word_in(c, start, (const char *const[]){"et", "and", NULL}) &&
            !word_in(c, start + 1, (const char *const[]){"de", "des", "du", "d'", "of", NULL})) {
            gboolean between = FALSE;
            for (gssize q = start - 1; q >= 0 && q >= start - 6; q--)
                if (word_in(c, q, (const char *const[]){"entre", "between", NULL}))
                    between = TRUE;
            if (!between)
                break;
        }
        /* "les échanges pour l'exercice 2023-2024 ont atteint": a year is no quantity. */
        if (is_num(c, start) && !year_at(c, (guint)start))
            break;
        start--;
        words++;
    }
    if (v <= start)
        return FALSE;
    *a = start + 1;
    *b = v;
    return TRUE;
}

/* The measure verb before the number starting at @first ("a atteint", "s'élèvent à",
 * "reached", "dépassent la barre des"), or -1. */
static gssize
measure_verb_before(const Ctx *c, guint first)
{
    gssize k = (gssize)first - 1;
    while (k >= 0 &&
           word_in(c, k, (const char *const[]){"à",       "de",  "d'",    "les",   "le",  "la",
                                               "des",     "at",  "to",    "of",    "by",  "the",
                                               "pour",    "cap", "barre", "seuil", "que", "qu'",
                                               "hauteur", "par", NULL}) &&
           !word_in(c, k - 1, determiners))
        k--;
    /* "dépassent la barre des 100 milliards", "le cap des". */
    if (word_in(c, k, (const char *const[]){"barre", "cap", "seuil", "mark", "threshold", NULL}) &&
        word_in(c, k - 1, determiners))
        k -= 2;
    /* "a atteint un niveau record de", "reached an all-time high of". */
    while (k >= 0 &&
           word_in(c, k,
                   (const char *const[]){"record", "high", "peak", "all-time", "historique",
                                         "niveau", "sommet", "new", "nouveau", "un", "une", "an",
                                         "record-high", NULL}))
        k--;
    if (match_before(c, k + 1, "pour la première fois") >= 0)
        k -= 4;
    else if (match_before(c, k + 1, "for the first time") >= 0)
        k -= 4;
    while (k >= 0 && word_in(c, k, verb_adverbs))
        k--;
    /* "s'est chiffré, au cours des cinq premiers mois, à 690 millions". */
    if (is_punct(c, k, ",")) {
        for (gssize q = k - 1; q >= 0 && q >= k - 14; q--) {
            if (is_punct(c, q, ",")) {
                if (word_in(c, q - 1, measure_verbs))
                    k = q - 1;
                break;
            }
        }
    }
    if (word_in(c, k, measure_verbs) && !word_in(c, k, (const char *const[]){"a", NULL}))
        return k;
    return -1;
}

/* "X de N": the noun phrase ending before the "de"/"of" at @first - 1, walked
 * back to its determiner (*a..*b, the determiner excluded), or FALSE. */
static gboolean
noun_before_de(const Ctx *c, guint first, gssize *a, gssize *b)
{
    gssize de = (gssize)first - 1;
    if (!word_in(c, de, (const char *const[]){"de", "d'", "of", NULL}) ||
        match_before(c, first, "à hauteur de") >= 0)
        return FALSE;
    gssize end = de - 1, start;
    guint words = 0;
    /* "un chiffre d'affaires total en 2023 de 15.400 milliards" */
    if (year_at(c, (guint)MAX(end, 0)) &&
        word_in(c, end - 1, (const char *const[]){"en", "in", NULL}))
        end -= 2;
    start = end;
    while (start >= 0 && !is_boundary(c, start) && words < 8) {
        if (word_in(c, start, determiners) &&
            !word_in(c, start, (const char *const[]){"des", "du", NULL}))
            break;
        gboolean joins =
            word_in(c, start, (const char *const[]){"et", "and", NULL}) &&
            word_in(c, start + 1, (const char *const[]){"de", "d'", "du", "des", NULL});
        if (word_in(c, start, clause_words) || is_num(c, start) ||
            (!joins && word_in(c, start,
                               (const char *const[]){"en", "par", "on", "by", "et", "and", "was",
                                                     "is", "a", "ont", NULL})))
            break;
        if (word_in(c, start, measure_verbs))
            break;
        start--;
        words++;
    }
    /* "est passée de 10 % à 15 %": a participle of change is no noun. */
    if (end <= start ||
        word_in(c, end,
                (const char *const[]){"passé", "passée", "passés", "passées", "passant", "augmenté",
                                      "progressé", "reculé", "baissé", "diminué", "grimpé",
                                      "évolué", NULL}))
        return FALSE;
    /* A lone capitalised word is a sentence-initial adjective ("Forte de 27 États"). */
    if (end == start + 1 && tok(c, end)->cap)
        return FALSE;
    *a = start + 1;
    *b = end;
    return TRUE;
}

/* Verbs that open a clause after "60 % des entreprises": "prévoient d'investir". */
static const char *const intent_verbs[] = {
    "prévoient", "comptent",  "souhaitent", "veulent",    "pensent",   "estiment",
    "disent",    "déclarent", "affirment",  "envisagent", "jugent",    "considèrent",
    "plan",      "plans",     "expect",     "expects",    "want",      "wants",
    "intend",    "intends",   "aim",        "aims",       "hope",      "hopes",
    "need",      "needs",     "seek",       "seeks",      "say",       "said",
    "says",      "believe",   "believes",   "consider",   "considers", NULL,
};

/* The noun phrase after the figure ending at @last when a preposition of
 * @preps opens it ("37,6% du chiffre d'affaires", "30% of investment",
 * "14 milliards de dollars d'investissements"): *prep is that preposition,
 * *a..*b the phrase (its determiner included). */
static gboolean
noun_after(const Ctx *c, guint last, const char *const *preps, gssize *prep, gssize *a, gssize *b)
{
    guint k = last + 1;
    if (match_at(c, k, "worth of"))
        k++;
    if (!word_in(c, k, preps))
        return FALSE;
    *prep = k++;
    guint first = k;
    if (word_in(c, k, determiners))
        k++;
    /* "de Chine" names a place; "du PIB", "of Vietnam's exports" a quantity. */
    gboolean place = tok(c, k) && tok(c, k)->cap && !tok(c, k)->allcaps &&
                     word_in(c, *prep, (const char *const[]){"de", "d'", NULL});
    if (!is_word(c, k) || !all_words_lower_noun(c, k) || place || is_month(c, k) ||
        word_in(c, k, (const char *const[]){"ici", "here", "plus", "more", "moins", "less", NULL}))
        return FALSE;
    guint end = k, words = 0;
    while (end < c->n && !is_boundary(c, end) && words < 7 && !is_num(c, end) &&
           !word_in(c, end, clause_words) && !word_in(c, end, measure_verbs) &&
           !word_in(c, end, aux_words) && !word_in(c, end, intent_verbs) &&
           !word_in(c, end,
                    (const char *const[]){"en", "in", "et", "and", "par", "by", "au", "à", "on",
                                          "sur", "pour", "for", "dans", NULL})) {
        end++;
        words++;
    }
    *a = first;
    *b = (gssize)end - 1;
    return TRUE;
}

/* "X a atteint N", "X s'élèvent à N", "X reached N", and "X de N" / "X of N". */
static char *
subject_before(const Ctx *c, guint first)
{
    gssize a, b, v = measure_verb_before(c, first);
    if (v >= 0)
        return gram_subject(c, v, &a, &b) ? span_text(c, a, b) : NULL;
    return noun_before_de(c, first, &a, &b) ? span_text(c, a, b) : NULL;
}

/* "37,6% du chiffre d'affaires total", "30% of investment". */
static char *
subject_after_percent(const Ctx *c, guint last)
{
    gssize prep, a, b;
    if (!noun_after(c, last, (const char *const[]){"du", "des", "de", "d'", "of", NULL}, &prep, &a,
                    &b))
        return NULL;
    return span_text(c, a, b);
}

static char *
subject_of_count(const Ctx *c, const Piece *p)
{
    guint a = p->noun, b = MAX(p->noun, p->noun_end); /* "start-ups" whole */
    if (c->en)
        a = p->num + 1 + (p->has_scale ? 1 : 0);
    if (c->en && word_in(c, a, (const char *const[]){"of", NULL}))
        a++;
    /* "45 of the 63 provinces", "26 among 27 EU member states": the group's
     * number is not part of what is counted. */
    for (guint k = a; c->en && k < p->noun; k++)
        if (is_num(c, k))
            a = k + 1;
    if (!c->en) {
        if (word_in(c, b + 1, (const char *const[]){"de", "d'", NULL}) && is_word(c, b + 2) &&
            all_words_lower_noun(c, b + 2) && !is_month(c, b + 2))
            b += 2;
        else if (is_word(c, b + 1) && all_words_lower_noun(c, b + 1) && !tok(c, b + 1)->cap) {
            const char *w = fold_at(c, b + 1);
            gsize n = strlen(w);
            static const char *const adj_end[] = {
                "ais",    "aise",  "aises", "ois",   "oise",  "oises",  "ien",   "iens", "ienne",
                "iennes", "ain",   "ains",  "aine",  "aines", "ique",   "iques", "al",   "aux",
                "ale",    "ales",  "el",    "els",   "elle",  "elles",  "if",    "ifs",  "ive",
                "ives",   "ien",   "éen",   "éens",  "éenne", "éennes", "ois",   "ère",  "ères",
                "ente",   "entes", "ante",  "antes", "aire",  "aires",  NULL};
            for (guint q = 0; adj_end[q]; q++)
                if (n > strlen(adj_end[q]) + 2 && g_str_has_suffix(w, adj_end[q])) {
                    b++;
                    break;
                }
        }
    }
    if (a > b)
        a = b;
    Tok *ta = tok(c, a), *tb = tok(c, b);
    return g_strndup(c->s + ta->start, tb->end - ta->start);
}

/* ---- years ---- */

typedef struct {
    guint tok;
    int year;
    gboolean after_figure; /* directly follows a figure: belongs to it */
    gboolean comparison;   /* "par rapport à 2022": the base of a change, not a date */
} YearMention;

static int
year_at(const Ctx *c, guint i)
{
    Tok *t = tok(c, i);
    if (!t || t->type != TOK_NUM)
        return 0;
    NumVal nv;
    if (!parse_digits(c->s + t->start, t->end - t->start, c->en, &nv) || !is_year_value(&nv))
        return 0;
    return (int)nv.value;
}

/* Years named relative to the article's: "cette année", "l'an dernier",
 * "last year", "next year". The mention sits on the phrase's last token, as
 * a written year would; "par rapport à l'an dernier" is a comparison. Years
 * before or after a written year are merged in order by token. */
static void
find_relative_years(const Ctx *c, GArray *ys)
{
    static const struct {
        const char *pat;
        int offset;
    } rel[] = {
        {"cette année", 0},    {"l' année en cours", 0},
        {"l' an dernier", -1}, {"l' année dernière", -1},
        {"l' an passé", -1},   {"l' année passée", -1},
        {"l' an prochain", 1}, {"l' année prochaine", 1},
        {"this year", 0},      {"last year", -1},
        {"next year", 1},      {"the previous year", -1},
        {"the past year", -1}, {NULL, 0},
    };
    static PatIndex index;
    const PatIndex *x = pat_index(&index, &rel[0].pat, sizeof rel[0], FALSE);
    for (guint i = 0; i < c->n; i++) {
        if (!is_word(c, i))
            continue;
        const GArray *cands = pat_candidates(x, c, i);
        for (guint n = 0; cands && n < cands->len; n++) {
            guint r = g_array_index(cands, guint, n);
            guint m = match_at(c, i, rel[r].pat);
            if (!m)
                continue;
            guint last = i + m - 1;
            /* "cette année-là" is a year of the story, not the article's. */
            if (is_punct(c, last + 1, "-") && glued(c, last + 1))
                break;
            gboolean comparison = comparison_year(c, i) || comparison_year(c, last);
            YearMention ym = {last, c->ref_year + rel[r].offset, FALSE, comparison};
            guint at = 0;
            while (at < ys->len && g_array_index(ys, YearMention, at).tok < last)
                at++;
            g_array_insert_val(ys, at, ym);
            i = last;
            break;
        }
    }
}

static gboolean year_follows(const Ctx *c, guint last);

/* Periods of the article's year named without it: "de janvier à septembre",
 * "au cours des neuf premiers mois (de l'année)", "au premier semestre",
 * "depuis janvier", "in the first half", "from January to October", "à la
 * fin de l'année". A period that ends after the article's month is last
 * year's ("les 11 premiers mois" in a January article). Returns the tokens
 * used and the period's last month (12 for the year's end), or 0. */
static guint
current_period_at(const Ctx *c, guint i, int *end_month)
{
    static const struct {
        const char *pat;
        int month; /* 0: the month is the word after the pattern; -1: N before "mois" */
    } pats[] = {
        {"de janvier à", 0},
        {"de janvier a", 0},
        {"entre janvier et", 0},
        {"from january to", 0},
        {"between january and", 0},
        {"january to", 0},
        {"janvier -", 0},
        {"january -", 0},
        {"depuis janvier", 1},
        {"depuis le début de l' année", 1},
        {"since january", 1},
        {"since the start of the year", 1},
        {"premier semestre", 6},
        {"first half", 6},
        {"premier trimestre", 3},
        {"first quarter", 3},
        {"deuxième trimestre", 6},
        {"second trimestre", 6},
        {"second quarter", 6},
        {"troisième trimestre", 9},
        {"third quarter", 9},
        {"fin de l' année", 12},
        {"fin d' année", 12},
        {"end of the year", 12},
        {"end of this year", 12},
        {"year-end", 12},
        {"year - end", 12},
        {"des premiers mois de l' année", 3},
        {"premiers mois", -1},
        {"first", -2},
        {NULL, 0},
    };
    static PatIndex index;
    const GArray *cands =
        pat_candidates(pat_index(&index, &pats[0].pat, sizeof pats[0], FALSE), c, i);
    for (guint n = 0; cands && n < cands->len; n++) {
        guint k = g_array_index(cands, guint, n);
        guint m = match_at(c, i, pats[k].pat);
        if (!m)
            continue;
        guint last = i + m - 1;
        int month = pats[k].month;
        if (month == 0) {
            if (!is_month(c, last + 1))
                continue;
            month = dsr_text_month_number(fold_at(c, last + 1));
            last++;
        } else if (month == -1) {
            /* "les neuf premiers mois", "des 11 premiers mois" */
            NumVal nv;
            Tok *t = tok(c, (gssize)i - 1);
            double v = 0;
            if (t && t->type == TOK_NUM &&
                parse_digits(c->s + t->start, t->end - t->start, c->en, &nv))
                v = nv.value;
            else if (is_word(c, (gssize)i - 1))
                v = word_value(fold_at(c, (gssize)i - 1), c->en);
            if (v < 1 || v > 12 || v != floor(v))
                continue;
            month = (int)v;
        } else if (month == -2) {
            /* "the first nine months", "the first 11 months" */
            double v = 0;
            NumVal nv;
            Tok *t = tok(c, i + 1);
            if (t && t->type == TOK_NUM &&
                parse_digits(c->s + t->start, t->end - t->start, c->en, &nv))
                v = nv.value;
            else if (is_word(c, i + 1))
                v = word_value(fold_at(c, i + 1), c->en);
            if (v < 1 || v > 12 || v != floor(v) ||
                !word_in(c, i + 2, (const char *const[]){"months", NULL}))
                continue;
            month = (int)v;
            last = i + 2;
        }
        /* "… de l'année" / "of the year" / "of this year" ends the phrase. */
        guint more = match_at(c, last + 1, "de l' année");
        if (!more)
            more = match_at(c, last + 1, "of the year");
        if (!more)
            more = match_at(c, last + 1, "of this year");
        last += more;
        if (year_follows(c, last))
            return 0; /* "de janvier à septembre 2021": the written year dates it */
        *end_month = month;
        return last - i + 1;
    }
    return 0;
}

/* A year within the two tokens after @last: "mois de 2021", "septembre 2021". */
static gboolean
year_follows(const Ctx *c, guint last)
{
    for (guint k = last + 1; k <= last + 3 && k < c->n; k++) {
        if (year_at(c, k))
            return TRUE;
        if (!word_in(c, k, (const char *const[]){"de", "d'", "of", "in", "en", NULL}) &&
            !is_month(c, k))
            return FALSE;
    }
    return FALSE;
}

static void
find_current_periods(const Ctx *c, GArray *ys)
{
    for (guint i = 0; i < c->n; i++) {
        int end = 0;
        guint m = current_period_at(c, i, &end);
        if (!m)
            continue;
        guint last = i + m - 1;
        int year = c->ref_year;
        if (c->ref_month && end != 12 && end > c->ref_month)
            year--;
        gboolean comparison = comparison_year(c, i) || comparison_year(c, last);
        YearMention ym = {last, year, FALSE, comparison};
        guint at = 0;
        while (at < ys->len && g_array_index(ys, YearMention, at).tok < last)
            at++;
        g_array_insert_val(ys, at, ym);
        i = last;
    }
}

/* "au cours de la même période", "over the same period": the period the
 * text gave before, not a comparison with it. */
static gboolean
same_period(const Ctx *c)
{
    static const char *const pats[] = {
        "la même période", "la période", "cette période", "the same period", "the period",
        "this period",     NULL};
    static PatIndex index;
    const PatIndex *x = pat_index(&index, pats, sizeof pats[0], FALSE);
    for (guint i = 0; i < c->n; i++) {
        const GArray *cands = pat_candidates(x, c, i);
        for (guint n = 0; cands && n < cands->len; n++) {
            const char *pat = pats[g_array_index(cands, guint, n)];
            guint m = match_at(c, i, pat);
            if (m && !comparison_year(c, i) && !year_follows(c, i + m - 1))
                return TRUE;
        }
    }
    return FALSE;
}

/* The year mentions that can date a figure: "en 2023", "d'ici 2030", "fin
 * 2024", "mi-2025", "novembre 2025", "de 2024" (after "mois"), "2023-2024"
 * (its end). Names ("ASEAN 2045") and comparisons ("par rapport à 2022") are not. */
static GArray *
find_years(const Ctx *c)
{
    GArray *ys = g_array_new(FALSE, FALSE, sizeof(YearMention));
    for (guint i = 0; i < c->n; i++) {
        int y = year_at(c, i);
        if (!y)
            continue;
        if (glued(c, i + 1) && is_word(c, i + 1))
            continue; /* "2020s", "2025th" */
        gssize k = (gssize)i - 1;
        gboolean ok = FALSE;
        if (is_punct(c, k, "-") && glued(c, i) && year_at(c, k - 1)) {
            ok = TRUE; /* end of "2023-2024" */
            k -= 2;
        }
        if (is_punct(c, k, "-") && glued(c, i) && is_word(c, k - 1) &&
            word_is(fold_at(c, k - 1), "mi"))
            ok = TRUE;
        if (is_month(c, k) || word_in(c, k, year_preps))
            ok = TRUE;
        if (k < 0 || is_punct(c, k, ",") || is_punct(c, k, "("))
            ok = TRUE;
        if (is_word(c, k) && tok(c, k)->cap && !word_in(c, k, year_preps) && !is_month(c, k) &&
            k > 0)
            ok = FALSE; /* "Forum 2024", "ASEAN 2045" */
        if (is_num(c, k) && !is_punct(c, i - 1, "-"))
            ok = TRUE; /* "20 novembre 2025" via the month, "le 15 septembre 1994" */
        /* The start of "2023-2024" is the mention's head; "-2024" opening a
         * sentence has none. */
        gboolean comparison = comparison_year(c, i >= 2 && is_punct(c, i - 1, "-") ? i - 2 : i);
        if (comparison)
            ok = TRUE;
        /* "2023-2024": the start is not a separate mention */
        if (is_punct(c, i + 1, "-") && glued(c, i + 1) && year_at(c, i + 2))
            ok = FALSE;
        if (!ok)
            continue;
        YearMention m = {i, y, FALSE, comparison};
        g_array_append_val(ys, m);
    }
    if (c->ref_year) {
        find_relative_years(c, ys);
        find_current_periods(c, ys);
    }
    return ys;
}

/* ---- the parser ---- */

/* Words of change before "de X à Y" / "from X to Y": the two numbers are the
 * level before and after ("les exportations sont passées de 10 à 20 milliards",
 * "exports rose from $10 billion to $20 billion"), each a figure of its own,
 * not the bounds of a range. */
static const char *const change_words[] = {
    "passé",     "passée",   "passés",    "passées",  "passer",    "passant",    "passe",
    "passent",   "passera",  "passeront", "augmenté", "augmentée", "grimpé",     "bondi",
    "progressé", "reculé",   "baissé",    "chuté",    "diminué",   "diminuée",   "crû",
    "évolué",    "porté",    "portée",    "portés",   "portées",   "relevé",     "relevée",
    "réduit",    "réduite",  "ramené",    "ramenée",  "rose",      "risen",      "rise",
    "rises",     "rising",   "increased", "increase", "increases", "increasing", "grew",
    "grown",     "growing",  "growth",    "jumped",   "jump",      "climbed",    "surged",
    "soared",    "fell",     "fallen",    "falling",  "fall",      "declined",   "decline",
    "dropped",   "drop",     "decreased", "decrease", "went",      "gone",       "going",
    "moved",     "expanded", "shrank",    "raised",   "lowered",   "reduced",    "cut",
    "up",        "down",     "changed",   "doubled",  "tripled",   NULL,
};

/* A change word among the four words before token @at ("de"/"from"). */
static gboolean
change_before(const Ctx *c, gssize at)
{
    for (gssize k = at - 1; k >= 0 && k >= at - 4; k--) {
        if (!is_word(c, k))
            return FALSE;
        if (word_in(c, k, change_words))
            return TRUE;
    }
    return FALSE;
}

/* ---- subject of a figure ---- */

typedef enum { FRAME_NONE, FRAME_SHARE, FRAME_CONTRIBUTION } Frame;

/* What a figure's subject was read from, kept for the figures after it in the
 * sentence: "soit une hausse de 5 %" is a rise of what the figure before measured. */
typedef struct {
    gssize sa, sb;        /* the thing measured, as a noun phrase of the sentence, or -1 */
    gssize yprep, ya, yb; /* the whole a share is part of ("du PIB"), or -1 */
    Frame frame;
} SubjectInfo;

typedef struct {
    DsrFigure *f;
    guint first, last; /* tokens */
    SubjectInfo si;
} Emitted;

static void
subject_info_clear(SubjectInfo *si)
{
    si->sa = si->sb = si->yprep = si->ya = si->yb = -1;
    si->frame = FRAME_NONE;
}

static Emitted
emitted_new(DsrFigure *f, guint first, guint last, const SubjectInfo *si)
{
    Emitted e = {f, first, last, {0}};
    if (si)
        e.si = *si;
    else
        subject_info_clear(&e.si);
    return e;
}

static const char *const share_verbs[] = {
    "représente",     "représentent",   "représentait", "représentaient", "représentera",
    "représenteront", "représenterait", "représentant", "représenté",     "pèse",
    "pèsent",         "pesait",         "pesaient",     "pesant",         "constitue",
    "constituent",    "constituait",    "account",      "accounts",       "accounted",
    "accounting",     "represent",      "represents",   "represented",    "representing",
    "make",           "makes",          "made",         "making",         "comprise",
    "comprises",      "contribue",      "contribuent",  "contribuait",    "contribuera",
    "contribueront",  "contribuer",     "contribuant",  "contribute",     "contributes",
    "contributed",    "contributing",   NULL,
};

static const char *const change_nouns[] = {
    "hausse",     "augmentation", "croissance", "progression", "baisse",      "recul",
    "diminution", "chute",        "bond",       "repli",       "essor",       "increase",
    "rise",       "growth",       "jump",       "decline",     "drop",        "fall",
    "surge",      "gain",         "decrease",   "expansion",   "contraction", NULL,
};

/* Adjectives that add nothing to what a change measures. */
static const char *const weak_adjectives[] = {
    "forte",       "fort",         "légère",   "léger",  "nette",   "net",        "moyenne",
    "moyen",       "annuelle",     "annuel",   "rapide", "vive",    "importante", "impressionnante",
    "sensible",    "strong",       "sharp",    "slight", "average", "annual",     "rapid",
    "steady",      "year-on-year", "nouvelle", "new",    "solid",   "robust",     "huge",
    "significant", "modest",       NULL,
};

static const struct {
    const char *verb, *noun;
} change_verbs[] = {
    {"progressé", "progression"},
    {"progresse", "progression"},
    {"progressent", "progression"},
    {"augmenté", "augmentation"},
    {"augmente", "augmentation"},
    {"augmentent", "augmentation"},
    {"crû", "croissance"},
    {"croît", "croissance"},
    {"croissent", "croissance"},
    {"baissé", "baisse"},
    {"baissent", "baisse"},
    {"reculé", "recul"},
    {"recule", "recul"},
    {"reculent", "recul"},
    {"diminué", "diminution"},
    {"diminue", "diminution"},
    {"chuté", "chute"},
    {"bondi", "bond"},
    {"grimpé", "hausse"},
    {"increased", "increase"},
    {"increasing", "increase"},
    {"increase", "increase"},
    {"increases", "increase"},
    {"rose", "rise"},
    {"rising", "rise"},
    {"rise", "rise"},
    {"rises", "rise"},
    {"grew", "growth"},
    {"growing", "growth"},
    {"grow", "growth"},
    {"grows", "growth"},
    {"jumped", "jump"},
    {"climbed", "rise"},
    {"surged", "surge"},
    {"fell", "fall"},
    {"falling", "fall"},
    {"declined", "decline"},
    {"declining", "decline"},
    {"dropped", "drop"},
    {"decreased", "decrease"},
    {"expanded", "expansion"},
    {"up", "rise"},
    {"down", "fall"},
};

/* Verbs after which a change noun is the change of the verb's subject:
 * "les exportations ont enregistré une hausse de 5 %", "trade recorded a rise". */
static const char *const holding_verbs[] = {
    "connu",   "enregistré",  "affiché",  "affiche", "affichent", "enregistre",  "enregistrent",
    "connaît", "connaissent", "recorded", "posted",  "saw",       "registered",  "reported",
    "records", "posts",       "sees",     "logged",  "witnessed", "experienced", NULL,
};

static const char *
change_verb_noun(const Ctx *c, gssize k)
{
    if (!is_word(c, k))
        return NULL;
    for (guint i = 0; i < G_N_ELEMENTS(change_verbs); i++)
        if (strcmp(fold_at(c, k), change_verbs[i].verb) == 0)
            return change_verbs[i].noun;
    return NULL;
}

static gboolean
starts_with_vowel(const char *s)
{
    gunichar u = g_unichar_tolower(g_utf8_get_char(s));
    char buf[8] = {0};
    g_unichar_to_utf8(u, buf);
    g_autofree char *d = g_utf8_normalize(buf, -1, G_NORMALIZE_NFD);
    return d && strchr("aeiouyh", d[0]) != NULL;
}

/* The phrase a..b after a French preposition that contracts with the article:
 * @fr_kind "de" gives "du commerce", "de la valeur", "des échanges", "de
 * l'industrie", "de son PIB"; "à" gives "au PIB", "aux échanges"; "dans" gives
 * "dans le PIB". @implied is the article a contracted preposition before a..b
 * held ("du PIB": "le"), or NULL. English gets the phrase without its article. */
static char *
with_preposition(const Ctx *c, gssize a, gssize b, const char *fr_kind, const char *implied)
{
    while (a <= b && is_boundary(c, a))
        a++;
    /* "la fabrication et la transformation": each member takes the preposition. */
    if (!c->en && !implied) {
        for (gssize k = a + 1; k < b; k++) {
            /* "entre le Vietnam et la Chine" is one member, not two. */
            if (word_in(c, k, (const char *const[]){"entre", NULL}))
                break;
            if (word_in(c, k, (const char *const[]){"et", "ou", NULL}) &&
                word_in(c, k + 1, determiners) && word_in(c, a, determiners) && k - a <= 4) {
                g_autofree char *left = with_preposition(c, a, k - 1, fr_kind, NULL);
                g_autofree char *right = with_preposition(c, k + 1, b, fr_kind, NULL);
                if (left && right)
                    return g_strconcat(left, " ", fold_at(c, k), " ", right, NULL);
                break;
            }
        }
    }
    char *core = span_text(c, a, b);
    if (!core)
        return NULL;
    if (c->en) {
        /* A sentence-initial capital is no part of a common noun ("rise in
         * bilateral trade"); names keep theirs ("exports of Vietnam"). Without a
         * gazetteer here, the endings of English common nouns and adjectives tell. */
        static const char *const common_ends[] = {
            "s",   "al", "ism", "ion", "ment", "ity",  "ure",  "ance", "ence", "ing", "way",
            "ade", "ue", "ic",  "ive", "ed",   "ship", "ness", "ry",   "th",   NULL,
        };
        Tok *t = tok(c, a);
        gssize next = a + 1;
        if (is_punct(c, next, "-") && glued(c, next))
            next++;
        if (a == 0 && !t->allcaps && t->cap && is_word(c, next) && !tok(c, next)->cap) {
            gboolean common = FALSE;
            for (guint i = 0; common_ends[i] && !common; i++)
                common = g_str_has_suffix(fold_at(c, next > a + 1 ? next : a), common_ends[i]);
            if (common) {
                char buf[8] = {0};
                g_unichar_to_utf8(g_unichar_tolower(g_utf8_get_char(core)), buf);
                char *low = g_strconcat(buf, g_utf8_next_char(core), NULL);
                g_free(core);
                core = low;
            }
        }
        /* "the" stays: "growth rate of the firm", not "of firm"; a possessive
         * has no owner out of its sentence and becomes "the". */
        if (word_in(c, a, (const char *const[]){"its", "their", NULL}))
            implied = "the";
        if (word_in(c, a, (const char *const[]){"the", "our", NULL}) ||
            (implied && word_is(implied, "the"))) {
            char *with = g_strconcat(implied ? implied : fold_at(c, a), " ", core, NULL);
            g_free(core);
            core = with;
        }
        return core;
    }
    g_autofree char *owned G_GNUC_UNUSED = core; /* frees core on every return below */
    const char *det = implied ? implied : word_in(c, a, determiners) ? fold_at(c, a) : "";
    /* Out of its sentence, "son PIB" has no owner: the entity of the figure
     * says whose it is, and the label reads "le PIB". */
    if (word_is(det, "son"))
        det = starts_with_vowel(core) ? "l'" : "le";
    else if (word_is(det, "sa"))
        det = "la";
    else if (word_is(det, "ses") || word_is(det, "leurs"))
        det = "les";
    gboolean de = word_is(fr_kind, "de");
    if (word_is(fr_kind, "dans")) {
        if (word_is(det, "du") || word_is(det, "le"))
            return g_strconcat("dans le ", core, NULL);
        if (word_is(det, "des") || word_is(det, "les"))
            return g_strconcat("dans les ", core, NULL);
        if (word_is(det, "l'"))
            return g_strconcat("dans l'", core, NULL);
        if (*det && !word_is(det, "un") && !word_is(det, "une"))
            return g_strconcat("dans ", det, " ", core, NULL);
        return g_strconcat("dans ", core, NULL);
    }
    if (word_is(det, "le") || word_is(det, "du"))
        return g_strconcat(de ? "du " : "au ", core, NULL);
    if (word_is(det, "les") || word_is(det, "des"))
        return g_strconcat(de ? "des " : "aux ", core, NULL);
    if (word_is(det, "la"))
        return g_strconcat(de ? "de la " : "à la ", core, NULL);
    if (word_is(det, "l'"))
        return g_strconcat(de ? "de l'" : "à l'", core, NULL);
    if (word_is(det, "un") || word_is(det, "une"))
        return g_strconcat(de ? "d'" : "à ", det, " ", core, NULL);
    if (*det)
        return g_strconcat(de ? "de " : "à ", det, " ", core, NULL);
    if (de && starts_with_vowel(core))
        return g_strconcat("d'", core, NULL);
    return g_strconcat(de ? "de " : "à ", core, NULL);
}

/* A past participle standing where a noun would ("engagés", "signés",
 * "planned"): the number's noun is the one said before. */
static gboolean
participle_at(const Ctx *c, guint i)
{
    if (!is_word(c, i))
        return FALSE;
    const char *w = fold_at(c, i);
    static const char *const ends_fr[] = {"é", "ée", "és", "ées", NULL};
    for (guint k = 0; ends_fr[k]; k++)
        if (!c->en && g_str_has_suffix(w, ends_fr[k]) && strlen(w) > 4)
            return TRUE;
    return c->en && g_str_has_suffix(w, "ed") && strlen(w) > 4;
}

static const char *const clause_verbs[] = {
    "étaient",     "sont", "ont", "avaient", "étaient", "seront", "auront",
    "travaillent", "were", "are", "have",    "had",     "will",   NULL,
};

/* A bare whole number may count what the sentence counts elsewhere:
 * "parmi les 84 entreprises, 23 étaient spécialisées" (the noun said before),
 * "le nombre de fournisseurs est passé de 25 en 2014 à 306 en 2023" (the noun
 * of "nombre de"). Sets the piece's count noun when one of them applies. */
static void
borrow_noun(const Ctx *c, Piece *p, GArray *emitted)
{
    gssize before = (gssize)p->first - 1;
    /* What follows a number whose noun is left out: a verb, a participle or a
     * place in a breakdown ("dont 42 500 sont actifs", ": 11 000 en classes
     * bilingues et 47 000 ayant choisi le français"). */
    guint next = p->last + 1;
    gboolean clause =
        word_in(c, next, clause_verbs) ||
        word_in(c, next, (const char *const[]){"ayant", "étant", "having", NULL}) ||
        (word_in(c, next, (const char *const[]){"en", "dans", "au", "aux", "in", "at", NULL}) &&
         is_word(c, next + 1) && !year_at(c, next + 1));
    gboolean breakdown = is_punct(c, before, ",") || is_punct(c, before, ":") ||
                         word_in(c, before, (const char *const[]){"dont", "including", NULL});
    /* "… et 47 000 ayant choisi": a second part after a first. */
    if (!breakdown && word_in(c, before, (const char *const[]){"et", "and", NULL}) &&
        emitted->len > 0) {
        const Emitted *em = &g_array_index(emitted, Emitted, emitted->len - 1);
        breakdown = em->f->kind == DSR_FIGURE_COUNT;
    }
    if (breakdown && clause) {
        for (gint e = (gint)emitted->len - 1; e >= 0; e--) {
            const Emitted *em = &g_array_index(emitted, Emitted, e);
            if (em->f->kind == DSR_FIGURE_COUNT && is_word(c, em->last)) {
                p->count_noun = TRUE;
                p->noun = p->noun_end = em->last;
                return;
            }
        }
        return;
    }
    if (!word_in(c, before, (const char *const[]){"de", "à", "from", "to", NULL}))
        return;
    guint after = p->last + 1;
    gboolean ends =
        after >= c->n || word_in(c, after, (const char *const[]){"à", "to", NULL}) ||
        is_punct(c, after, ",") || is_punct(c, after, ".") || is_punct(c, after, ";") ||
        (word_in(c, after, (const char *const[]){"en", "in", NULL}) && year_at(c, after + 1));
    if (!ends)
        return;
    for (gssize k = (gssize)p->first - 2; k >= 1; k--) {
        gboolean fr = !c->en && word_in(c, k - 1, (const char *const[]){"nombre", NULL}) &&
                      word_in(c, k, (const char *const[]){"de", "d'", NULL});
        gboolean en = c->en && word_in(c, k - 1, (const char *const[]){"number", NULL}) &&
                      word_in(c, k, (const char *const[]){"of", NULL});
        if ((fr || en) && is_word(c, k + 1) && all_words_lower_noun(c, k + 1)) {
            p->count_noun = TRUE;
            p->noun = p->noun_end = (guint)k + 1;
            return;
        }
    }
}

static DsrFigure *
figure_from_piece(const Ctx *c, const Piece *p, guint qfirst)
{
    DsrFigure *f = g_new0(DsrFigure, 1);
    Tok *a = tok(c, qfirst), *b = tok(c, p->last);
    f->quote = g_strndup(c->s + a->start, b->end - a->start);
    f->value = p->value;
    f->scale = p->scale;
    f->qualifier = p->qual;
    f->equivalent_of = -1;
    f->sentence = g_strdup(c->s);
    if (p->percent) {
        f->kind = DSR_FIGURE_PERCENT;
        f->unit = g_strdup(p->pct_unit);
    } else if (p->iso) {
        f->kind = DSR_FIGURE_MONEY;
        f->currency = g_strdup(p->iso);
        f->unit = g_strdup(p->cur ? p->cur->unit : p->unit);
    } else if (p->has_kind) {
        f->kind = p->kind;
        f->unit = g_strdup(p->unit);
    } else if (p->count_noun) {
        f->kind = DSR_FIGURE_COUNT;
        Tok *n = tok(c, p->noun);
        /* A hyphenated noun is one word: "start-up", "ingénieurs-conseils". */
        guint e = p->noun;
        while (is_punct(c, e + 1, "-") && glued(c, e + 1) && is_word(c, e + 2) && glued(c, e + 2))
            e += 2;
        Tok *ne = tok(c, e);
        f->unit = g_strndup(c->s + n->start, ne->end - n->start);
    } else {
        f->kind = DSR_FIGURE_OTHER;
        f->unit = g_strdup(p->unit);
    }
    return f;
}

/* "du commerce bilatéral" after a share or change: with_preposition() with
 * the article a contracted preposition carried ("du" holds "le"). */
static const char *
implied_article(const Ctx *c, gssize prep)
{
    if (word_in(c, prep, (const char *const[]){"du", "au", NULL}))
        return "le";
    if (word_in(c, prep, (const char *const[]){"des", "aux", NULL}))
        return "les";
    return NULL;
}

static char *
change_of(const Ctx *c, const char *noun, gssize a, gssize b, const char *implied)
{
    g_autofree char *x = with_preposition(c, a, b, "de", implied);
    if (!x)
        return NULL;
    if (c->en)
        return g_strconcat(noun, g_str_has_suffix(noun, "rate") ? " of " : " in ", x, NULL);
    return g_strconcat(noun, " ", x, NULL);
}

/* The change of what another figure measures, known only by its subject text. */
static char *
change_of_text(const Ctx *c, const char *noun, const char *what)
{
    if (!what)
        return NULL;
    if (c->en)
        return g_strconcat(noun, g_str_has_suffix(noun, "rate") ? " of " : " in ", what, NULL);
    /* The article is lost with the phrase: a plural takes "des"; a singular,
     * whose gender is unknown, is set apart. */
    gsize n = strcspn(what, " ");
    if (n > 2 && (what[n - 1] == 's' || what[n - 1] == 'x'))
        return g_strconcat(noun, " des ", what, NULL);
    return g_strconcat(noun, " (", what, ")", NULL);
}

/* "part de l'industrie dans le PIB", "share of exports in GDP", "contribution
 * de l'industrie au PIB"; NULL when neither side can be read. */
static char *
share_subject(const Ctx *c, Frame frame, gssize xa, gssize xb, gssize yprep, gssize ya, gssize yb)
{
    g_autofree char *x = xa >= 0 ? with_preposition(c, xa, xb, "de", NULL) : NULL;
    const char *implied = yprep >= 0 ? implied_article(c, yprep) : NULL;
    g_autofree char *y = NULL;
    if (ya >= 0) {
        if (frame == FRAME_CONTRIBUTION)
            y = with_preposition(c, ya, yb, "à", implied);
        else
            y = with_preposition(c, ya, yb, x ? "dans" : "de", implied);
    }
    if (!x && !y)
        return NULL;
    const char *head = frame == FRAME_CONTRIBUTION ? "contribution" : c->en ? "share" : "part";
    if (c->en) {
        const char *to = frame == FRAME_CONTRIBUTION ? " to " : x ? " in " : " of ";
        return g_strconcat(head, x ? " of " : "", x ? x : "", y ? to : "", y ? y : "", NULL);
    }
    return g_strconcat(head, x ? " " : "", x ? x : "", y ? " " : "", y ? y : "", NULL);
}

/* A noun phrase ending at @end, back to its article (excluded): the shortest
 * reading, for a participle set after its noun ("du commerce bilatéral, passé de"). */
static gboolean
short_np_before(const Ctx *c, gssize end, gssize *a, gssize *b)
{
    gssize start = end;
    guint words = 0;
    while (start >= 0 && is_word(c, start) && words < 6 && !word_in(c, start, determiners) &&
           !word_in(c, start, (const char *const[]){"du", "des", "de", "d'", "of", NULL}) &&
           !word_in(c, start, clause_words) && !word_in(c, start, measure_verbs)) {
        start--;
        words++;
    }
    if (start == end)
        return FALSE;
    *a = start + 1;
    *b = end;
    return TRUE;
}

/* Only words that say a change, or a share, with nothing about what changes. */
static gboolean
hollow(const char *subject, const DsrFigure *f)
{
    if (!subject)
        return TRUE;
    if (strstr(subject, f->quote))
        return TRUE;
    g_autoptr(GPtrArray) words = dsr_text_words(subject);
    for (guint i = 0; i < words->len; i++) {
        const char *w = g_ptr_array_index(words, i);
        if (!in_list(w, change_nouns) && !in_list(w, weak_adjectives) &&
            !in_list(w, (const char *const[]){"part", "share", "proportion", "quote-part", "fois",
                                              "times", "plus", "more", "fold", "taux", "rate",
                                              "niveau", "level", NULL}))
            return FALSE;
    }
    return TRUE;
}

static const char *const share_heads[] = {
    "part", "share", "proportion", "quote-part", "pourcentage", "percentage", NULL,
};

static const char *const container_nouns[] = {
    "population", "marché",       "communauté", "total",  "nombre",    "effectif",
    "effectifs",  "main-d'œuvre", "diaspora",   "market", "community", "number",
    "workforce",  "pool",         "base",       NULL,
};

static const char *const target_verbs[] = {
    "porter",  "portant",  "hisser",     "amener", "raising",  "raise",
    "raises",  "bring",    "bringing",   "boost",  "boosting", "lift",
    "lifting", "increase", "increasing", "take",   NULL,
};

static const char *const from_verbs[] = {
    "passé",  "passée", "passés",  "passées",  "passant", "passe",     "passent",    "went",
    "going",  "rose",   "rising",  "grew",     "growing", "increased", "increasing", "climbed",
    "jumped", "fell",   "falling", "declined", "dropped", "évolué",    "grimpé",     NULL,
};

/* The figure before this one in the sentence, when only a few words of
 * apposition separate them ("…, soit une hausse de", "…, up", "…, passant de"). */
static const Emitted *
linked_previous(const Ctx *c, GArray *emitted, guint qfirst, guint max_gap)
{
    if (!emitted->len)
        return NULL;
    const Emitted *prev = &g_array_index(emitted, Emitted, emitted->len - 1);
    if (prev->last >= qfirst || qfirst - prev->last > max_gap)
        return NULL;
    for (guint k = prev->last + 1; k < qfirst; k++) {
        /* "…, ce qui représente une hausse de 40 %" continues the figure before. */
        gboolean relative = word_in(c, (gssize)k - 1, (const char *const[]){"qui", "which", NULL});
        if (is_punct(c, k, ";") || is_punct(c, k, ":") || is_punct(c, k, ".") ||
            ((word_in(c, k, measure_verbs) || word_in(c, k, share_verbs)) && !relative))
            return NULL;
    }
    /* "95 milliards (dont 67 milliards des importations), soit une hausse de
     * 35 %": the change is the whole's, not the part's nor the restatement's. */
    for (guint e = emitted->len - 1; e > 0;) {
        if (prev->f->equivalent_of >= 0 && (guint)prev->f->equivalent_of < e) {
            e = (guint)prev->f->equivalent_of;
        } else if (word_in(c, (gssize)prev->first - 1,
                           (const char *const[]){"dont", "including", NULL})) {
            e--;
        } else {
            break;
        }
        prev = &g_array_index(emitted, Emitted, e);
    }
    return prev;
}

/* The thing @prev measures, as a change (@noun) or as itself. */
static char *
from_previous(const Ctx *c, const Emitted *prev, const char *noun, SubjectInfo *si)
{
    if (!prev)
        return NULL;
    if (prev->si.sa >= 0) {
        si->sa = prev->si.sa;
        si->sb = prev->si.sb;
        return noun ? change_of(c, noun, prev->si.sa, prev->si.sb, NULL)
                    : span_text(c, prev->si.sa, prev->si.sb);
    }
    if (!prev->f->subject)
        return NULL;
    return noun ? change_of_text(c, noun, prev->f->subject) : g_strdup(prev->f->subject);
}

/* The subject of @prev as it is, for a figure that restates or continues it. */
static char *
copy_previous(const Emitted *prev, SubjectInfo *si)
{
    *si = prev->si;
    return g_strdup(prev->f->subject);
}

/* "X représente 40 % du PIB", "X contribue à 40 % de son PIB", "X accounts for
 * 30% of Y", "X, représentant 37,6 % de Y": the share of X in Y. Sets *found
 * when a share verb governs the figure, even when neither side can be read. */
static char *
subject_of_share(const Ctx *c, const Piece *p, const DsrFigure *f, guint qfirst, GArray *emitted,
                 SubjectInfo *si, gboolean *found)
{
    gssize k = (gssize)qfirst - 1;
    if (match_before(c, qfirst, "à hauteur de") >= 0)
        k -= 3;
    else if (word_in(c, k, (const char *const[]){"à", "for", "up", NULL}))
        k--;
    if (!word_in(c, k, share_verbs))
        return NULL;
    if (word_in(c, k, (const char *const[]){"make", "makes", "made", "making", NULL}) &&
        !word_in(c, k + 1, (const char *const[]){"up", NULL}))
        return NULL;
    *found = TRUE;
    const char *w = fold_at(c, k);
    Frame frame = g_str_has_prefix(w, "contribu") ? FRAME_CONTRIBUTION : FRAME_SHARE;
    gssize xa = -1, xb = -1, ya = -1, yb = -1, yprep = -1;
    gboolean money = f->kind == DSR_FIGURE_MONEY;
    gboolean have_x = gram_subject(c, k, &xa, &xb);
    if (have_x && emitted->len) {
        /* "800 projets représentant 3 milliards": the subject is the count's noun. */
        const Emitted *last = &g_array_index(emitted, Emitted, emitted->len - 1);
        if (xa >= (gssize)last->first && xb <= (gssize)last->last)
            have_x = FALSE;
    }
    if (!have_x) {
        /* "800 projets représentant 3 milliards", "90 billion USD, accounting for one-third". */
        const Emitted *prev = linked_previous(c, emitted, (guint)k, 2);
        if (prev && money && frame == FRAME_SHARE && prev->f->kind == DSR_FIGURE_COUNT &&
            prev->f->subject)
            return g_strconcat(c->en ? "value of the " : "valeur des ", prev->f->subject, NULL);
        if (prev && money && frame == FRAME_SHARE)
            return from_previous(c, prev, NULL, si);
        xa = xb = -1;
        if (prev && prev->si.sa >= 0) {
            xa = prev->si.sa;
            xb = prev->si.sb;
        }
    } else {
        g_autofree char *x = span_text(c, xa, xb);
        if (!x)
            xa = xb = -1;
    }
    si->sa = xa;
    si->sb = xb;
    si->frame = frame;
    static const char *const of_preps[] = {"du", "des", "de", "d'", "of", NULL};
    static const char *const to_preps[] = {"au",  "aux", "à",  "to", "du",
                                           "des", "de",  "d'", "of", NULL};
    if ((!money || frame == FRAME_CONTRIBUTION) &&
        noun_after(c, p->last, frame == FRAME_CONTRIBUTION ? to_preps : of_preps, &yprep, &ya,
                   &yb)) {
        si->yprep = yprep;
        si->ya = ya;
        si->yb = yb;
    }
    if (money && frame == FRAME_SHARE)
        return xa >= 0 ? span_text(c, xa, xb) : NULL;
    return share_subject(c, frame, xa, xb, yprep, ya, yb);
}

/* "X ont progressé de 40 %", "X increased by 30%", "…, up 19%": the change of X. */
static char *
subject_of_change_verb(const Ctx *c, guint qfirst, GArray *emitted, SubjectInfo *si,
                       gboolean *found)
{
    gssize k = (gssize)qfirst - 1;
    if (word_in(c, k, (const char *const[]){"de", "d'", "by", NULL}))
        k--;
    const char *noun = change_verb_noun(c, k);
    if (!noun || word_in(c, k - 1, (const char *const[]){"make", "made", "makes", "set", NULL}))
        return NULL;
    *found = TRUE;
    gssize a, b;
    if (gram_subject(c, k, &a, &b)) {
        g_autofree char *x = span_text(c, a, b);
        if (x) {
            si->sa = a;
            si->sb = b;
            return change_of(c, noun, a, b, NULL);
        }
    }
    return from_previous(c, linked_previous(c, emitted, (guint)k, 6), noun, si);
}

/* "une hausse de 13,8 %", "en hausse de 21 %", "une croissance moyenne de 16 %
 * par an", "a 21-per-cent jump": a change of what the sentence or the figure
 * before measures. Sets *found when a change noun governs the figure. */
static char *
subject_of_change_noun(const Ctx *c, const Piece *p, const DsrFigure *f, guint qfirst,
                       GArray *emitted, SubjectInfo *si, gboolean *found)
{
    gssize a = -1, b = -1, h = -1;
    g_autofree char *np = NULL;
    gboolean strong = FALSE;
    if (noun_before_de(c, qfirst, &a, &b)) {
        for (gssize k = a; k <= b; k++) {
            if (word_in(c, k, change_nouns)) {
                h = k;
                break;
            }
            if (!word_in(c, k, weak_adjectives))
                break;
        }
        if (h < 0)
            return NULL;
        for (gssize k = h + 1; k <= b; k++) {
            if (word_in(c, k, (const char *const[]){"de", "du", "des", "d'", "of", "in", NULL})) {
                *found = TRUE;
                return span_text(c, a, b); /* "croissance de l'économie numérique de 20 %" */
            }
            if (!word_in(c, k, weak_adjectives))
                strong = TRUE;
        }
        np = span_text(c, a, b);
    } else if (word_in(c, p->last + 1, change_nouns) &&
               (f->kind == DSR_FIGURE_PERCENT || f->kind == DSR_FIGURE_OTHER)) {
        h = a = b = p->last + 1; /* "a 21-per-cent jump", "a 5% increase" */
        np = g_strdup(fold_at(c, h));
    } else {
        return NULL;
    }
    if (!np)
        return NULL;
    *found = TRUE;
    /* "une hausse de 5 % des exportations". */
    gssize prep, ya, yb;
    if (f->kind == DSR_FIGURE_PERCENT && b < (gssize)qfirst &&
        noun_after(c, p->last, (const char *const[]){"du", "des", "de", "d'", "of", NULL}, &prep,
                   &ya, &yb)) {
        si->sa = ya;
        si->sb = yb;
        return change_of(c, np, ya, yb, implied_article(c, prep));
    }
    /* The verb before the change names whose change it is. */
    gssize v = MIN(a, (gssize)qfirst) - 1;
    if (word_in(c, v, determiners))
        v--;
    /* "ont enregistré en 2023 une hausse de", "a connu l'an dernier une hausse". */
    if (v >= 1 && year_at(c, (guint)v) &&
        word_in(c, v - 1, (const char *const[]){"en", "in", NULL}))
        v -= 2;
    while (v >= 0 && word_in(c, v, verb_adverbs))
        v--;
    gssize xa, xb;
    gboolean have = FALSE;
    if (word_in(c, v, holding_verbs) || word_in(c, v, (const char *const[]){"en", NULL}))
        have = gram_subject(c, v, &xa, &xb);
    if (have) {
        g_autofree char *x = span_text(c, xa, xb);
        have = x != NULL;
    }
    if (have) {
        si->sa = xa;
        si->sb = xb;
        if (f->kind != DSR_FIGURE_PERCENT)
            return span_text(c, xa, xb);
        return change_of(c, np, xa, xb, NULL);
    }
    const Emitted *prev = linked_previous(c, emitted, (guint)MIN(a, (gssize)qfirst), 9);
    if (prev && prev->f->kind != DSR_FIGURE_PERCENT) {
        char *r = from_previous(c, prev, f->kind == DSR_FIGURE_PERCENT ? np : NULL, si);
        if (r)
            return r;
    }
    return strong ? g_steal_pointer(&np) : NULL;
}

/* "porter le commerce bilatéral à 20 milliards", "porter à 100 milliards la
 * valeur des échanges", "raising two-way trade to 100 billion USD". */
static char *
subject_of_target(const Ctx *c, const Piece *p, guint qfirst)
{
    gssize at = (gssize)qfirst - 1;
    if (!word_in(c, at, (const char *const[]){"à", "to", NULL}))
        return NULL;
    for (gssize t = at - 1; t >= 0 && t >= at - 10 && !is_boundary(c, t); t--) {
        if (!word_in(c, t, target_verbs))
            continue;
        gssize a = t + 1;
        while (a < at && word_in(c, a, verb_adverbs))
            a++;
        if (a < at)
            return span_text(c, a, at - 1);
        /* The thing comes after the figure. */
        gssize s = (gssize)p->last + 1, e = s;
        if (!word_in(c, s, determiners))
            return NULL;
        while (e + 1 < (gssize)c->n && !is_boundary(c, e + 1) && !word_in(c, e + 1, clause_words) &&
               e - s < 10)
            e++;
        return span_text(c, s, e);
    }
    return NULL;
}

/* "passé de quelques milliards dans les années 1990 à près de 180 milliards":
 * the second level of a change whose first is no figure. */
static char *
subject_of_from_to(const Ctx *c, guint qfirst)
{
    gssize at = (gssize)qfirst - 1;
    if (!word_in(c, at, (const char *const[]){"à", "to", NULL}))
        return NULL;
    for (gssize t = at - 1; t >= 1 && t >= at - 14 && !is_boundary(c, t); t--) {
        if (!word_in(c, t, (const char *const[]){"de", "from", NULL}) ||
            !word_in(c, t - 1, from_verbs))
            continue;
        gssize v = t - 1, a, b;
        if (is_punct(c, v - 1, ",")) {
            if (short_np_before(c, v - 2, &a, &b))
                return span_text(c, a, b);
            return NULL;
        }
        if (gram_subject(c, v, &a, &b))
            return span_text(c, a, b);
        return NULL;
    }
    return NULL;
}

/* "machines-outils et pièces détachées (18,43 milliards d'USD)": the label a
 * parenthesis gives a number in a list. */
static char *
subject_of_label(const Ctx *c, guint qfirst)
{
    gssize open = (gssize)qfirst - 1;
    if (!is_punct(c, open, "(") || !is_word(c, open - 1))
        return NULL;
    gssize a = open - 1;
    guint words = 0;
    while (a - 1 >= 0 && words < 10) {
        Tok *t = tok(c, a - 1);
        if (t->type == TOK_PUNCT && (word_is(t->fold, ":") || word_is(t->fold, ";") ||
                                     word_is(t->fold, ")") || word_is(t->fold, "(")))
            break;
        if (t->type == TOK_NUM || word_in(c, a - 1, clause_words) ||
            word_in(c, a - 1, measure_verbs))
            return NULL;
        a--;
        words++;
    }
    if (words >= 10)
        return NULL;
    while (a < open &&
           (is_boundary(c, a) || word_in(c, a, (const char *const[]){"et", "and", NULL})))
        a++;
    return a < open ? span_text(c, a, open - 1) : NULL;
}

static const struct {
    const char *verb, *fr, *en;
} trade_verbs[] = {
    {"exporté", "exportations", "exports"},
    {"importé", "importations", "imports"},
    {"investi", "investissements", "investment"},
    {"exported", "exportations", "exports"},
    {"imported", "importations", "imports"},
    {"invested", "investissements", "investment"},
    {"exporte", "exportations", "exports"},
    {"importe", "importations", "imports"},
    {"injecté", "investissements", "investment"},
    {"injectant", "investissements", "investment"},
    {"injecte", "investissements", "investment"},
    {"injected", "investissements", "investment"},
    {"pumped", "investissements", "investment"},
    {"poured", "investissements", "investment"},
    {"investing", "investissements", "investment"},
    {"investissant", "investissements", "investment"},
};

/* "le Vietnam a exporté vers l'UE pour 39,7 milliards", "Viet Nam has exported
 * $20 billion worth of goods": the exports (imports, investment) of the
 * verb's subject, with where they went. */
static char *
subject_of_trade_verb(const Ctx *c, const Piece *p, guint qfirst)
{
    gssize k = (gssize)qfirst - 1;
    /* "pour un montant total de", "pour". */
    gssize pour = -1;
    for (gssize q = k; q >= 0 && q >= k - 5; q--)
        if (word_in(c, q, (const char *const[]){"pour", "for", NULL})) {
            pour = q;
            break;
        }
    if (pour >= 0) {
        for (gssize q = pour + 1; q <= k; q++)
            if (!word_in(c, q, determiners) &&
                !word_in(c, q,
                         (const char *const[]){"montant", "total", "valeur", "de", "d'", "amount",
                                               "value", "of", "totale", NULL}))
                return NULL;
        k = pour - 1;
    }
    /* The destination may come between the verb and the amount ("vers l'UE"). */
    gssize dest = -1;
    for (gssize q = k; q >= 0 && q >= k - 5 && is_word(c, q) && !word_in(c, q, measure_verbs) &&
                       !word_in(c, q, aux_words);
         q--) {
        if (word_in(c, q, (const char *const[]){"vers", "to", "en", "au", "aux", "à", NULL}) &&
            q > 0 && is_word(c, q - 1)) {
            dest = q;
            k = q - 1;
            break;
        }
    }
    const char *noun = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(trade_verbs) && !noun; i++)
        if (is_word(c, k) && strcmp(fold_at(c, k), trade_verbs[i].verb) == 0)
            noun = c->en ? trade_verbs[i].en : trade_verbs[i].fr;
    if (!noun)
        return NULL;
    GString *s = g_string_new(noun);
    gssize a, b;
    if (gram_subject(c, k, &a, &b)) {
        g_autofree char *x = with_preposition(c, a, b, "de", NULL);
        if (x)
            g_string_append_printf(s, c->en ? " of %s" : " %s", x);
    }
    gssize end = dest >= 0 ? (pour >= 0 ? pour - 1 : (gssize)qfirst - 1) : -1;
    if (dest < 0 && c->en && word_in(c, p->last + 1, (const char *const[]){"worth", NULL})) {
        /* "$20 billion worth of goods to the bloc". */
        gssize q = p->last + 2;
        while (q < (gssize)c->n && !word_in(c, q, (const char *const[]){"to", NULL}) &&
               is_word(c, q) && q - p->last < 6)
            q++;
        if (word_in(c, q, (const char *const[]){"to", NULL})) {
            dest = q;
            end = q;
            while (is_word(c, end + 1) && !word_in(c, end + 1, clause_words) && end - q < 5)
                end++;
        }
    }
    if (dest >= 0 && end > dest) {
        Tok *ta = tok(c, dest), *tb = tok(c, end);
        g_autofree char *d = g_strndup(c->s + ta->start, tb->end - ta->start);
        g_string_append_printf(s, " %s", d);
    }
    return g_string_free(s, FALSE);
}

/* "417 projets d'une valeur totale de 4,6 milliards": a value of what the
 * count before counts. */
static char *
value_of_count(const Ctx *c, gssize a, gssize b, GArray *emitted, guint qfirst)
{
    if (!word_in(c, a, (const char *const[]){"valeur", "montant", "value", "worth", NULL}))
        return NULL;
    for (gssize k = a + 1; k <= b; k++)
        if (!word_in(c, k,
                     (const char *const[]){"totale", "total", "globale", "global", "cumulée",
                                           "combined", "cumulative", NULL}))
            return NULL;
    const Emitted *prev = linked_previous(c, emitted, qfirst, 12);
    if (!prev || prev->f->kind != DSR_FIGURE_COUNT || !prev->f->subject)
        return NULL;
    g_autofree char *head = span_text(c, a, b);
    if (!head)
        return NULL;
    return g_strconcat(head, c->en ? " of " : " des ", prev->f->subject, NULL);
}

/* "une surtaxe de 46 % sur les produits", "une contribution de 331 milliards au
 * PIB": a bare noun takes the phrase that says what it applies to. */
static char *
with_applies_to(const Ctx *c, gssize a, gssize b, guint last)
{
    char *head = span_text(c, a, b);
    if (!head)
        return NULL;
    for (gssize k = a + 1; k <= b; k++)
        if (!word_in(c, k, weak_adjectives) && !word_in(c, k, determiners))
            return head;
    gssize s = (gssize)last + 1;
    if (!word_in(c, s, (const char *const[]){"sur", "au", "aux", "on", "to", NULL}) ||
        !is_word(c, s + 1))
        return head;
    gssize e = s;
    while (is_word(c, e + 1) && !word_in(c, e + 1, clause_words) && e - s < 6 &&
           !word_in(c, e + 1, (const char *const[]){"et", "and", "en", "in", "par", "by", NULL}))
        e++;
    if (e == s || word_in(c, e, determiners))
        return head;
    g_autofree char *tail = span_text(c, s + 1, e);
    if (!tail)
        return head;
    Tok *ts = tok(c, s), *te = tok(c, e);
    g_autofree char *phrase = g_strndup(c->s + ts->start, te->end - ts->start);
    char *r = g_strconcat(head, " ", phrase, NULL);
    g_free(head);
    return r;
}

/* "Mr. Trump's 10% levy", "a 5% tariff": the noun the percentage qualifies. */
static char *
noun_qualified(const Ctx *c, guint qfirst, guint last)
{
    gssize d = (gssize)qfirst - 1;
    gboolean det = word_in(c, d,
                           (const char *const[]){"a", "an", "the", "its", "their", "his", "her",
                                                 "our", NULL}) ||
                   (word_in(c, d, (const char *const[]){"s", NULL}) && is_punct(c, d - 1, "'"));
    gssize s = (gssize)last + 1;
    if (!c->en || !det || !is_word(c, s) || tok(c, s)->cap || !all_words_lower_noun(c, s) ||
        word_in(c, s, change_nouns) || word_in(c, s, clause_words) ||
        word_in(c, s,
                (const char *const[]){"of", "in", "on", "to", "from", "for", "per", "more", "less",
                                      "higher", "lower", "than", "or", "and", "stake",
                                      "year-on-year", "annually", NULL}))
        return NULL;
    gssize e = s;
    while (e - s < 2 && is_word(c, e + 1) && !tok(c, e + 1)->cap &&
           all_words_lower_noun(c, e + 1) && !word_in(c, e + 1, clause_words) &&
           !word_in(c, e + 1, measure_verbs) && !word_in(c, e + 1, aux_words))
        e++;
    return span_text(c, s, e);
}

/* The subject of figure @f read from @p: what it measures, by the form of the
 * sentence (share verb, change, "X a atteint N", "N de X", a count's noun),
 * or NULL when only another sentence could tell (a pronoun, "ce chiffre"). */
static char *
figure_subject(const Ctx *c, const Piece *p, const DsrFigure *f, guint qfirst, GArray *emitted,
               SubjectInfo *si)
{
    subject_info_clear(si);
    gboolean found = FALSE;
    char *s = NULL;
    gssize a, b, prep;
    if (f->kind == DSR_FIGURE_COUNT) {
        if (noun_before_de(c, qfirst, &a, &b) && word_in(c, a, container_nouns))
            return span_text(c, a, b);
        return p->count_noun ? subject_of_count(c, p) : subject_before(c, qfirst);
    }
    if (f->kind == DSR_FIGURE_PERCENT || f->kind == DSR_FIGURE_MONEY ||
        (f->kind == DSR_FIGURE_OTHER && f->value < 1)) {
        s = subject_of_share(c, p, f, qfirst, emitted, si, &found);
        if (found)
            return s;
        g_free(s); /* a rule that did not govern the figure claims nothing */
        s = subject_of_change_verb(c, qfirst, emitted, si, &found);
        if (found)
            return s;
        g_free(s);
    }
    s = subject_of_change_noun(c, p, f, qfirst, emitted, si, &found);
    if (found)
        return s;
    g_free(s);
    /* "dont environ 30 % pour la fabrication": a part of the figure before. */
    if (word_in(c, (gssize)qfirst - 1, (const char *const[]){"dont", "including", NULL}) &&
        noun_after(c, p->last, (const char *const[]){"pour", "dans", "for", "in", NULL}, &prep, &a,
                   &b)) {
        /* "pour la fabrication et la transformation": the coordination is the part. */
        while (word_in(c, b + 1, (const char *const[]){"et", "and", NULL}) && is_word(c, b + 2) &&
               !word_in(c, b + 2, clause_words)) {
            gssize e = b + 2;
            while (is_word(c, e + 1) && !word_in(c, e + 1, clause_words) && e - b < 6 &&
                   !word_in(c, e + 1, (const char *const[]){"et", "and", "en", "in", NULL}))
                e++;
            b = e;
        }
        const Emitted *prev = linked_previous(c, emitted, qfirst, 8);
        si->sa = a;
        si->sb = b;
        if (prev && prev->si.frame != FRAME_NONE && f->kind == DSR_FIGURE_PERCENT)
            return share_subject(c, prev->si.frame, a, b, prev->si.yprep, prev->si.ya, prev->si.yb);
        return span_text(c, a, b);
    }
    if (f->kind == DSR_FIGURE_PERCENT && noun_before_de(c, qfirst, &a, &b)) {
        if (word_in(c, a, share_heads) && a == b) {
            gssize ya, yb;
            if (!noun_after(
                    c, p->last,
                    (const char *const[]){"dans", "in", "du", "des", "de", "d'", "of", NULL}, &prep,
                    &ya, &yb))
                return NULL;
            const char *pw = fold_at(c, prep);
            gboolean in = word_is(pw, "dans") || word_is(pw, "in");
            g_autofree char *y =
                with_preposition(c, ya, yb, in ? "dans" : "de", implied_article(c, prep));
            if (!y)
                return NULL;
            return g_strconcat(tok(c, a) ? fold_at(c, a) : "", c->en ? (in ? " in " : " of ") : " ",
                               y, NULL);
        }
        return with_applies_to(c, a, b, p->last);
    }
    if (f->kind == DSR_FIGURE_PERCENT && (s = noun_qualified(c, qfirst, p->last)))
        return s;
    if (f->kind == DSR_FIGURE_MONEY && (s = subject_of_trade_verb(c, p, qfirst)))
        return s;
    if (f->kind == DSR_FIGURE_MONEY && (s = noun_qualified(c, qfirst, p->last)))
        return s; /* "a $7.8 billion deal" */
    if ((f->kind == DSR_FIGURE_MONEY || f->kind == DSR_FIGURE_OTHER) &&
        noun_after(c, p->last, (const char *const[]){"d'", "de", "des", "du", "of", NULL}, &prep,
                   &a, &b) &&
        !word_in(c, a + word_in(c, a, determiners),
                 (const char *const[]){"total", "ensemble", "année", "an", "mois", "year", "period",
                                       "période", NULL})) {
        si->sa = implied_article(c, prep) ? prep : a;
        si->sb = b;
        return span_text(c, a, b);
    }
    /* "contre 14 milliards en 2020", "from 500 million USD". */
    if (word_in(c, (gssize)qfirst - 1, (const char *const[]){"de", "d'", "from", NULL}) &&
        word_in(c, (gssize)qfirst - 2, from_verbs) && gram_subject(c, (gssize)qfirst - 2, &a, &b) &&
        (s = span_text(c, a, b))) {
        /* "La part X est passée de 10 % à 15 %": both levels are of X. */
        si->sa = a;
        si->sb = b;
        return s;
    }
    if (word_in(c, (gssize)qfirst - 1, (const char *const[]){"from", NULL})) {
        /* "a 160-fold rise, from 500 million USD": the levels of what was multiplied. */
        const Emitted *prev = linked_previous(c, emitted, qfirst, 4);
        if (prev && prev->f->subject && prev->f->kind == DSR_FIGURE_OTHER)
            return copy_previous(prev, si);
    }
    if (word_in(c, (gssize)qfirst - 1,
                (const char *const[]){"contre", "against", "versus", NULL})) {
        /* The level compared with is the last one of the same kind in the
         * clause: "21 milliards, soit 5 % du PIB, contre 14 milliards". */
        for (gint e = (gint)emitted->len - 1; e >= 0; e--) {
            const Emitted *prev = &g_array_index(emitted, Emitted, e);
            gboolean cut = FALSE;
            for (guint k = prev->last + 1; k < qfirst && !cut; k++)
                cut = is_punct(c, k, ";") || is_punct(c, k, ":") || word_in(c, k, measure_verbs);
            if (cut || qfirst - prev->last > 14)
                break;
            if (prev->f->kind == f->kind && g_strcmp0(prev->f->currency, f->currency) == 0)
                return copy_previous(prev, si);
        }
    }
    if ((s = subject_of_label(c, qfirst)))
        return s;
    if ((s = subject_of_target(c, p, qfirst)))
        return s;
    gssize v = measure_verb_before(c, qfirst);
    if (v >= 0) {
        if (gram_subject(c, v, &a, &b) && (s = span_text(c, a, b))) {
            si->sa = a;
            si->sb = b;
            if (f->kind == DSR_FIGURE_PERCENT &&
                noun_after(c, p->last, (const char *const[]){"du", "des", "de", "d'", "of", NULL},
                           &prep, &si->ya, &si->yb)) {
                /* "La valeur X s'élève à 4 % du PIB": a share of X in the PIB. */
                si->yprep = prep;
                si->frame = FRAME_SHARE;
                g_free(s);
                if (word_in(c, a + word_in(c, a, determiners), share_heads)) {
                    g_autofree char *x = span_text(c, a, b);
                    g_autofree char *y = with_preposition(c, si->ya, si->yb, c->en ? "of" : "dans",
                                                          implied_article(c, prep));
                    return x && y ? g_strconcat(x, c->en ? " in " : " ", y, NULL) : NULL;
                }
                return share_subject(c, FRAME_SHARE, a, b, prep, si->ya, si->yb);
            }
            return s;
        }
        const Emitted *prev = linked_previous(c, emitted, (guint)v, 4);
        return from_previous(c, prev, NULL, si);
    }
    if ((s = subject_of_from_to(c, qfirst)))
        return s;
    if (f->kind == DSR_FIGURE_PERCENT &&
        noun_after(c, p->last, (const char *const[]){"du", "des", "de", "d'", "of", NULL}, &prep,
                   &si->ya, &si->yb)) {
        si->yprep = prep;
        si->frame = FRAME_SHARE;
        return share_subject(c, FRAME_SHARE, -1, -1, prep, si->ya, si->yb);
    }
    if (noun_before_de(c, qfirst, &a, &b)) {
        if ((s = value_of_count(c, a, b, emitted, qfirst)))
            return s;
        return with_applies_to(c, a, b, p->last);
    }
    /* "soit trois fois plus", "which is three times", "…, passant de 25 à 306",
     * "5 milliards en 2025 et 8 milliards en 2030". */
    const Emitted *prev = linked_previous(c, emitted, qfirst, 6);
    if (prev && prev->f->subject &&
        (f->kind == DSR_FIGURE_OTHER ||
         word_in(c, (gssize)qfirst - 1, (const char *const[]){"à", "to", "et", "and", NULL})) &&
        (prev->f->kind == f->kind || f->kind == DSR_FIGURE_OTHER ||
         !word_in(c, (gssize)qfirst - 1, (const char *const[]){"et", "and", NULL}))) {
        /* "rose 12% to 30 billion": the level is of the thing, not of its rise. */
        if (word_in(c, (gssize)qfirst - 1, (const char *const[]){"à", "to", NULL}))
            return from_previous(c, prev, NULL, si);
        return copy_previous(prev, si);
    }
    return NULL;
}

/* "MoUs", "SMEs", "NGOs": the plural of an acronym is a count noun, not a name. */
static gboolean
acronym_plural(const Ctx *c, guint i)
{
    Tok *t = tok(c, i);
    gsize n = t->end - t->start;
    const char *w = c->s + t->start;
    if (n < 3 || w[n - 1] != 's')
        return FALSE;
    guint upper = 0;
    for (gsize k = 0; k + 1 < n; k++) {
        if (!g_ascii_isalpha(w[k]))
            return FALSE;
        upper += g_ascii_isupper(w[k]) ? 1 : 0;
    }
    return upper >= 2 && g_ascii_isupper(w[0]);
}

/* Is @p a figure at all, once its tail is known? */
/* People named by their nationality, in the plural: "8 000 Français",
 * "2 000 Vietnamiennes", "300 Japanese". Known by their endings, which place
 * and company names rarely have. */
static gboolean
demonym_plural(const Ctx *c, guint i)
{
    static const char *const fr[] = {"ais",    "ois",  "aises", "oises", "iens",  "iennes", "éens",
                                     "éennes", "ains", "aines", "ens",   "ennes", NULL};
    static const char *const fr_whole[] = {"russes",    "belges", "suisses", "tchèques",
                                           "slovaques", "khmers", "thaïs",   NULL};
    static const char *const en[] = {"ese", "ians", "ans", NULL};
    const Tok *t = tok(c, i);
    if (!t || t->type != TOK_WORD || !t->cap || t->allcaps)
        return FALSE;
    const char *w = t->fold;
    if (!c->en && in_list(w, fr_whole))
        return TRUE;
    gsize n = strlen(w);
    for (const char *const *e = c->en ? en : fr; *e; e++) {
        gsize m = strlen(*e);
        if (n > m + 3 && strcmp(w + n - m, *e) == 0)
            return TRUE;
    }
    return FALSE;
}

static gboolean
piece_is_figure(const Ctx *c, Piece *p)
{
    Tok *t = tok(c, p->num);
    gboolean unit = p->percent || p->iso || p->has_kind;
    if (p->year_like && is_punct(c, (gssize)p->num - 1, "-") && glued(c, p->num))
        return FALSE; /* "2011-2015" */
    if (p->year_like && !unit && !p->has_scale) {
        /* A bare year-looking number is a count only with a plain noun and no
         * preposition of time before it ("2000 entreprises"). */
        if (!p->count_noun || tok(c, p->noun)->cap || word_in(c, (gssize)p->num - 1, year_preps) ||
            is_month(c, (gssize)p->num - 1) || comparison_year(c, p->num))
            return FALSE;
    }
    if (t->type == TOK_NUM && !unit && !p->has_scale && after_reference(c, p->num))
        return FALSE;
    if (t->type == TOK_NUM && !unit && !p->has_scale && is_date_number(c, p->num, p->value))
        return FALSE;
    /* A rank: "among top ten Asian markets", "dans le top 5 des investisseurs". */
    if (word_in(c, (gssize)p->first - 1, (const char *const[]){"top", NULL}) &&
        (p->first < 2 ||
         word_in(c, (gssize)p->first - 2,
                 (const char *const[]){"among", "the", "in", "of", "a", "into", "its", "le", "du",
                                       "dans", "au", "un", NULL})))
        return FALSE;
    /* "2018 marks the 10th anniversary", "2019 saw a record": a year as subject. */
    if (p->year_like && p->count_noun &&
        word_in(c, p->noun,
                (const char *const[]){"marks", "saw", "sees", "brings", "brought", "witnessed",
                                      "witnesses", "was", "is", "will", "has", "had", NULL}))
        return FALSE;
    /* A grade of rice, not a share: "riz à 5 % de brisures", "5% broken rice". */
    if (p->percent &&
        (match_at(c, p->last + 1, "de brisure") || match_at(c, p->last + 1, "de brisures") ||
         word_in(c, p->last + 1, (const char *const[]){"brisure", "brisures", "broken", NULL})))
        return FALSE;
    if (unit || p->has_scale)
        return TRUE;
    if (!p->count_noun)
        return FALSE;
    /* "l'une des 11 économies les plus dynamiques", "one of the 5 largest":
     * the group of a superlative, not a quantity of the text. */
    if (match_before(c, p->first, "l' un des") >= 0 ||
        match_before(c, p->first, "l' une des") >= 0 ||
        match_before(c, p->first, "one of the") >= 0)
        return FALSE;
    /* Count nouns that are durations, ages, ordinals or abstract items. */
    const char *noun = fold_at(c, p->noun);
    if (in_list(noun, durations) || in_list(noun, abstract_items))
        return FALSE;
    /* A rhythm, not a quantity: "deux récoltes annuelles", "three crops a year",
     * "quatre réunions par an". */
    if (p->value < 10) {
        guint after = MAX(p->noun, p->noun_end) + 1;
        if (word_in(c, after,
                    (const char *const[]){"annuel", "annuels", "annuelle", "annuelles", NULL}) ||
            match_at(c, after, "par an") || match_at(c, after, "par année") ||
            match_at(c, after, "chaque année") || match_at(c, after, "a year") ||
            match_at(c, after, "per year") || match_at(c, after, "each year") ||
            match_at(c, after, "per annum"))
            return FALSE;
    }
    /* Money we cannot name: subunits and francs of no stated country. */
    static const char *const unnamed_money[] = {"franc",    "francs", "cent",  "cents",   "centime",
                                                "centimes", "pence",  "penny", "pennies", NULL};
    if (in_list(noun, unnamed_money))
        return FALSE;
    /* A small number in words counts things only when they are concrete and
     * new to the text: "quatre protocoles", "deux centrales", but not "trois
     * piliers", "deux pays" (the two the article is about) or "à deux reprises". */
    if (p->word_number && !p->approx_word && p->value < 10 &&
        (p->value < 2 || in_list(noun, relational_nouns) ||
         word_in(c, (gssize)p->first - 1, (const char *const[]){"à", "a", "in", "on", NULL})))
        return FALSE;
    /* "les 2 pays", "the 3 sides": a small number after an article refers back. */
    if (p->value < 10 && !p->qual &&
        word_in(c, (gssize)p->first - 1,
                (const char *const[]){"les", "des", "ces", "the", "these", "those", "both", "nos",
                                      "leurs", "ses", "aux", NULL}))
        return FALSE;
    /* A capitalised count noun must read as a noun phrase ("27 États membres"):
     * "24 Aprile 2024", "12 Hanoi (VNA)" are dates and datelines. */
    if (tok(c, p->noun)->cap && !acronym_plural(c, p->noun)) {
        guint nx = p->noun + 1;
        gboolean phrase = is_word(c, nx) && !tok(c, nx)->cap && all_words_lower_noun(c, nx);
        /* "50 Boeing 737", "50 Airbus A321": a make and its model. */
        gboolean model = (is_num(c, nx) && !year_at(c, nx)) ||
                         (is_word(c, nx) && is_num(c, nx + 1) && glued(c, nx + 1));
        /* "8 000 Français sont inscrits"; but "200 Japanese and Vietnamese
         * firms" names the firms, which the number counts. */
        gboolean people = demonym_plural(c, p->noun) && !p->year_like &&
                          !word_in(c, nx, (const char *const[]){"et", "and", "ou", "or", NULL}) &&
                          !(is_punct(c, nx, ",") && demonym_plural(c, nx + 1));
        if (!phrase && !model && !people)
            return FALSE;
    }
    /* Capitalised word after a small bare number, as in "Hanoi 3 Ministers"? Names. */
    if (tok(c, p->noun)->allcaps && !p->qual && p->value < 10)
        return FALSE;
    /* A number after a capitalised name measures nothing: "ASEAN 47 summit". */
    gssize b = (gssize)p->first - 1;
    if (t->type == TOK_NUM && is_word(c, b) && tok(c, b)->cap && b > 0 && !p->qual &&
        !word_in(c, b, determiners) && !word_in(c, b, clause_words))
        return FALSE;
    return TRUE;
}

/* A bracketed amount restates another in a second currency ("16.400
 * milliards de roubles (environ 200 milliards d'USD)"), or the same amount
 * written otherwise. The same currency with another value is a precision or
 * a comparison ("100 milliards de dollars (environ 107 milliards de dollars
 * pour l'année)"), not an equivalent. */
static gboolean
restates(const DsrFigure *a, const DsrFigure *b)
{
    if (a->kind != DSR_FIGURE_MONEY || b->kind != DSR_FIGURE_MONEY || !a->currency || !b->currency)
        return FALSE;
    if (strcmp(a->currency, b->currency) != 0)
        return TRUE;
    double x = a->value * a->scale, y = b->value * b->scale;
    return fabs(x - y) <= 0.005 * fmax(fabs(x), fabs(y));
}

static const char *const RESTATE_WORDS[] = {"soit", "ou", "or", "environ", NULL};

/* The figure starting at token @first opens a parenthesis right after the
 * figure ending at @prev_last: "X (Y)", "X (soit Y)", "X, (or Y)". */
static gboolean
in_restating_parenthesis(const Ctx *c, guint first, guint prev_last)
{
    guint k = first;
    if (k >= 2 && word_in(c, k - 1, RESTATE_WORDS))
        k--;
    return k >= 1 && is_punct(c, k - 1, "(") && prev_last + 1 == k - 1;
}

/* "1.200 milliards de dongs, soit environ 48 millions de dollars", "VND 60
 * trillion, or about $2.5 billion": a restatement after a comma, right after
 * the figure it restates. */
static gboolean
restating_apposition(const Ctx *c, guint first, guint prev_last)
{
    static const char *const words[] = {"soit",         "or",   "equivalent to",
                                        "équivalant à", "i.e.", NULL};
    for (guint k = 0; words[k]; k++) {
        gssize at = match_before(c, first, words[k]);
        if (at >= 1 && is_punct(c, at - 1, ",") && prev_last + 1 == (guint)at - 1)
            return TRUE;
    }
    return FALSE;
}

/* "(environ 3,3 milliards de dollars, soit 80.000 milliards de dongs)": a
 * second restatement chained to the first inside the same parenthesis. */
static gboolean
chained_restatement(const Ctx *c, guint first, guint prev_last)
{
    return first >= 2 && word_in(c, first - 1, RESTATE_WORDS) &&
           (is_punct(c, first - 2, ",") || is_punct(c, first - 2, ";")) &&
           prev_last + 2 == first - 1;
}

/* The year a sentence opens on, as the frame of what it says: "En 2023, …",
 * "Au premier semestre 2022, …", "De janvier à octobre 2019, …", "L'an
 * dernier, …". The mention is among the first words, a comma follows it
 * before any figure, and no other number but a day stands before it. */
static int
frame_year(const Ctx *c, const GArray *ys, const GArray *emitted)
{
    if (!ys->len)
        return 0;
    const YearMention *m = &g_array_index(ys, YearMention, 0);
    if (m->comparison || m->tok > 9)
        return 0;
    guint first_fig = emitted->len ? g_array_index(emitted, Emitted, 0).first : c->n;
    if (first_fig <= m->tok)
        return 0;
    for (guint k = 0; k < m->tok; k++)
        if (is_num(c, k) && !is_month(c, k + 1) && !(is_punct(c, k + 1, "-") && year_at(c, k + 2)))
            return 0;
    for (guint k = m->tok + 1; k < first_fig && k <= m->tok + 3; k++)
        if (is_punct(c, k, ","))
            return m->year;
    return 0;
}

/* A change in apposition to a dated figure is of the same year: "5,5
 * milliards de dollars en 2024, en hausse de 12 %", "$5 billion in 2023, up
 * 10 percent". Between them: the year, a comma, and a few words of change. */
static gboolean
dated_apposition(const Ctx *c, const Emitted *prev, const Emitted *em)
{
    static const char *const change[] = {
        "hausse", "baisse",     "augmentation", "progression", "croissance",
        "recul",  "diminution", "up",           "down",        "increase",
        "rise",   "growth",     "decline",      "drop",        NULL};
    if (!prev->f->year || em->first <= prev->last || em->first - prev->last > 10)
        return FALSE;
    gboolean comma = FALSE, changed = FALSE;
    for (guint k = prev->last + 1; k < em->first; k++) {
        if (is_punct(c, k, ","))
            comma = TRUE;
        else if (is_punct(c, k, ";") || is_punct(c, k, ".") || is_punct(c, k, ":") ||
                 (is_num(c, k) && year_at(c, k) != prev->f->year))
            return FALSE;
        else if (word_in(c, k, change))
            changed = TRUE;
        else if (word_in(c, k, (const char *const[]){"et", "and", "dont", "including", NULL}))
            return FALSE;
    }
    return comma && changed;
}

/* Dates each figure by the year mentions of its sentence; fills @years. */
static void
assign_years(const Ctx *c, GArray *emitted, DsrSentenceYears *years)
{
    g_autoptr(GArray) ys = find_years(c);
    years->dated = ys->len > 0;
    years->frame = frame_year(c, ys, emitted);
    /* A year right after a figure ("16,5% en 2023") belongs to it. */
    for (guint y = 0; y < ys->len; y++) {
        YearMention *m = &g_array_index(ys, YearMention, y);
        if (m->comparison)
            continue;
        for (guint e = 0; e < emitted->len; e++) {
            Emitted *em = &g_array_index(emitted, Emitted, e);
            if (m->tok > em->last && m->tok <= em->last + 4) {
                gboolean between = FALSE;
                for (guint e2 = 0; e2 < emitted->len; e2++) {
                    Emitted *o = &g_array_index(emitted, Emitted, e2);
                    if (o->first > em->last && o->first < m->tok)
                        between = TRUE;
                }
                for (guint q = em->last + 1; q < m->tok; q++)
                    if (is_punct(c, q, ";") || is_punct(c, q, ":") ||
                        (is_punct(c, q, ",") && q + 1 < m->tok) ||
                        word_in(c, q, (const char *const[]){"et", "and", NULL}))
                        between = TRUE;
                if (!between)
                    m->after_figure = TRUE;
            }
        }
    }
    for (guint e = 0; e < emitted->len; e++) {
        Emitted *em = &g_array_index(emitted, Emitted, e);
        int best = 0;
        guint bestd = G_MAXUINT;
        gboolean compared = FALSE;
        for (guint y = 0; y < ys->len; y++) {
            YearMention *m = &g_array_index(ys, YearMention, y);
            guint d;
            if (m->comparison) {
                if (m->tok > em->last && m->tok <= em->last + 6)
                    compared = TRUE;
                continue;
            }
            if (m->tok > em->last) {
                d = m->tok - em->last;
                /* A later year attached to another figure is not ours. */
                gboolean other = FALSE;
                for (guint e2 = 0; e2 < emitted->len; e2++) {
                    Emitted *o = &g_array_index(emitted, Emitted, e2);
                    if (e2 != e && o->first > em->last && o->first < m->tok)
                        other = TRUE;
                }
                if (other && !m->after_figure)
                    continue;
                if (other)
                    continue;
                for (guint q = em->last + 1; q < m->tok; q++)
                    if (is_num(c, q) && !period_count(c, q))
                        other = TRUE; /* "passant de 25 en 2014": the year is the bare number's */
                if (other)
                    continue;
                if (!m->after_figure) {
                    /* a year later in the sentence, not attached: weak; keep if near */
                    if (d > 12)
                        continue;
                }
            } else if (m->tok < em->first) {
                d = em->first - m->tok;
                if (m->after_figure) {
                    /* belongs to an earlier figure, unless the earlier figure is
                     * the one this one restates or ranges with */
                    gboolean ours = FALSE;
                    for (guint e2 = 0; e2 < emitted->len; e2++) {
                        Emitted *o = &g_array_index(emitted, Emitted, e2);
                        if (o->last < m->tok && o->last + 4 >= m->tok &&
                            (em->f->equivalent_of == (int)e2))
                            ours = TRUE;
                    }
                    if (!ours)
                        continue;
                }
                d += 2; /* prefer a year after the figure at the same distance */
            } else {
                continue;
            }
            if (d < bestd) {
                bestd = d;
                best = m->year;
            }
        }
        /* "16,5% en 2023, soit une hausse de 19% par rapport à 2022": a change
         * measured against a base year is dated by the year the sentence gave before it. */
        if (!best && compared) {
            for (guint y = 0; y < ys->len; y++) {
                YearMention *m = &g_array_index(ys, YearMention, y);
                if (!m->comparison && m->tok < em->first)
                    best = m->year;
            }
        }
        em->f->year = best;
    }
    /* A parenthesis right after a figure shares its year: "3 milliards (+12 %) en 2022". */
    for (guint e = 1; e < emitted->len; e++) {
        Emitted *b = &g_array_index(emitted, Emitted, e);
        Emitted *a = &g_array_index(emitted, Emitted, e - 1);
        if (b->first >= 1 && is_punct(c, b->first - 1, "(") && a->last + 2 == b->first &&
            !a->f->year)
            a->f->year = b->f->year;
    }
    for (guint e = 1; e < emitted->len; e++) {
        Emitted *b = &g_array_index(emitted, Emitted, e);
        Emitted *a = &g_array_index(emitted, Emitted, e - 1);
        if (!b->f->year && dated_apposition(c, a, b))
            b->f->year = a->f->year;
    }
}

/* Nouns that a scaled amount after a money figure measures in that money:
 * "7,5 milliards de dollars, dont 4,2 milliards d'exportations". */
static const char *const money_nouns[] = {
    "enregistré", "enregistrés",     "recorded",   "exportations", "importations", "exports",
    "imports",    "investissements", "investment", "investments",  "recettes",     "revenus",
    "revenue",    "revenues",        "ventes",     "sales",        "échanges",     "dépenses",
    "spending",   "crédits",         "prêts",      "loans",        "aides",        "dons",
    "grants",     "financements",    "funding",    "capitaux",     "excédent",     "surplus",
    "déficit",    "deficit",         NULL,
};

GPtrArray *
dsr__figures_parse(const char *sentence, const char *lang)
{
    return dsr__figures_parse_dated(sentence, lang, NULL, NULL);
}

GPtrArray *
dsr__figures_parse_dated(const char *sentence, const char *lang, const char *ref_date,
                         DsrSentenceYears *years)
{
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)dsr_figure_free);
    DsrSentenceYears unused;
    if (!years)
        years = &unused;
    memset(years, 0, sizeof *years);
    if (!sentence || !*sentence || !g_utf8_validate(sentence, -1, NULL))
        return out;
    Ctx c = {0};
    c.s = sentence;
    if (ref_date && strlen(ref_date) >= 4) {
        c.ref_year = (int)g_ascii_strtoll(ref_date, NULL, 10);
        if (strlen(ref_date) >= 7 && ref_date[4] == '-')
            c.ref_month = (int)g_ascii_strtoll(ref_date + 5, NULL, 10);
    }
    c.en = g_strcmp0(lang, "en") == 0;
    c.toks = g_array_new(FALSE, TRUE, sizeof(Tok));
    c.folds = g_string_sized_new(strlen(sentence) + 64);
    tokenize(&c);

    g_autoptr(GArray) emitted = g_array_new(FALSE, FALSE, sizeof(Emitted));
    guint i = 0;
    while (i < c.n) {
        Piece p;
        if (!may_start_piece(&c, i)) {
#ifdef DOSSIER_CHECK_FILTERS
            if (read_piece(&c, i, &p))
                g_error("may_start_piece() turned away token %u of \"%s\", a figure's start", i,
                        sentence);
            piece_clear(&p);
#endif
            i++;
            continue;
        }
        if (!read_piece(&c, i, &p)) {
            piece_clear(&p);
            i++;
            continue;
        }
        /* Ranges: "entre 2 et 5 milliards", "de 10 à 15 %", "6.5 to 7 percent", "5-7%". */
        gboolean bare = !p.percent && !p.iso && !p.has_scale && !p.has_kind && !p.count_noun;
        guint conn = p.last + 1;
        gboolean between =
            match_before(&c, p.first, "entre") >= 0 || match_before(&c, p.first, "between") >= 0;
        gboolean from =
            match_before(&c, p.first, "de") >= 0 || match_before(&c, p.first, "from") >= 0;
        gboolean conn_ok = FALSE;
        if (between && word_in(&c, conn, (const char *const[]){"et", "and", NULL}))
            conn_ok = TRUE;
        if (!between && word_in(&c, conn, (const char *const[]){"à", "a", "to", NULL}) &&
            (from || bare))
            conn_ok = TRUE;
        gboolean dash = is_punct(&c, conn, "-") || is_punct(&c, conn, "–");
        if (dash && (bare || p.iso || p.percent))
            conn_ok = TRUE;
        Piece q;
        gboolean range = FALSE;
        if (conn_ok && !p.year_like && (is_num(&c, conn + 1) || is_word(&c, conn + 1)) &&
            read_piece(&c, conn + 1, &q)) {
            gboolean q_unit = q.percent || q.iso || q.has_scale || q.has_kind || q.count_noun;
            /* "from 10 dollars to 20 dollars", "10 euros - 20 euros": both bounds written out. */
            gboolean same_unit =
                !bare && (from || dash) &&
                ((p.percent && q.percent) || (p.iso && q.iso && strcmp(p.iso, q.iso) == 0)) &&
                p.has_scale == q.has_scale;
            if (((bare && q_unit && !q.year_like) || (between && q_unit && !bare) || same_unit) &&
                piece_is_figure(&c, &q)) {
                range = TRUE;
                if (bare) {
                    p.percent = q.percent;
                    p.pct_unit = q.pct_unit;
                    p.iso = q.iso;
                    p.cur = q.cur;
                    p.scale = q.scale;
                    p.has_scale = q.has_scale;
                    p.has_kind = q.has_kind;
                    p.kind = q.kind;
                    p.unit = g_strdup(q.unit);
                    p.count_noun = q.count_noun;
                    p.noun = q.noun;
                }
            } else {
                /* "de 500 millions à 80 milliards de dollars": the currency is said once. */
                if (p.has_scale && !p.iso && !p.percent && !p.has_kind && q.iso && q.has_scale) {
                    p.iso = q.iso;
                    p.cur = q.cur;
                    p.count_noun = FALSE;
                    p.last = p.scale_tok;
                }
                piece_clear(&q);
            }
        }
        if (range && from && !between && change_before(&c, (gssize)p.first - 1)) {
            /* A change: the first level is a figure alone, the second is read next. */
            guint qfirst;
            p.qual = qualifier_before(&c, p.first, &qfirst);
            DsrFigure *f1 = figure_from_piece(&c, &p, qfirst);
            SubjectInfo si1;
            f1->subject = figure_subject(&c, &p, f1, qfirst, emitted, &si1);
            if (!f1->subject)
                f1->subject = subject_before(&c, p.first);
            if (hollow(f1->subject, f1))
                g_clear_pointer(&f1->subject, g_free);
            Emitted e1 = emitted_new(f1, qfirst, p.last, &si1);
            g_ptr_array_add(out, f1);
            g_array_append_val(emitted, e1);
            i = conn + 1;
            c.floor = i;
            piece_clear(&p);
            piece_clear(&q);
            continue;
        }
        if (range) {
            guint qfirst;
            DsrQualifier before = qualifier_before(&c, p.first, &qfirst);
            guint start = p.first;
            if (between || from)
                start = p.first - 1;
            if (before != DSR_QUALIFIER_NONE && qfirst < start)
                start = qfirst;
            p.qual = DSR_QUALIFIER_AT_LEAST;
            q.qual = DSR_QUALIFIER_AT_MOST;
            guint last = q.last;
            p.last = last;
            DsrFigure *f1 = figure_from_piece(&c, &p, start);
            DsrFigure *f2 = figure_from_piece(&c, &q, start);
            if (p.count_noun && q.count_noun) {
                g_free(f1->unit);
                f1->unit = g_strdup(f2->unit);
            }
            char *subj = subject_before(&c, start);
            if (!subj && (p.count_noun || q.count_noun))
                subj = subject_of_count(&c, &q);
            if (!subj && q.percent)
                subj = subject_after_percent(&c, q.last);
            f1->subject = g_strdup(subj);
            f2->subject = subj;
            Emitted e1 = emitted_new(f1, start, last, NULL);
            Emitted e2 = emitted_new(f2, start, last, NULL);
            g_ptr_array_add(out, f1);
            g_array_append_val(emitted, e1);
            g_ptr_array_add(out, f2);
            g_array_append_val(emitted, e2);
            i = last + 1;
            c.floor = i;
            piece_clear(&p);
            piece_clear(&q);
            continue;
        }
        /* "45 des 63 provinces", "250 of the 500 students": the first borrows the noun. */
        static const char *const of_the[] = {"des",   "parmi les", "sur les",    "of the",
                                             "among", "out of",    "out of the", NULL};
        guint of_len = 0;
        for (guint k = 0; of_the[k]; k++)
            of_len = MAX(of_len, match_at(&c, p.last + 1, of_the[k]));
        if (bare && !p.word_number && of_len) {
            Piece r;
            guint at = p.last + 1 + of_len;
            /* A group of all the places or members there are is the frame of the
             * share, not a second figure: "45 des 63 provinces" is one fact,
             * quoted whole; "250 des 500 doctorants" (a target) stays two. */
            static const char *const whole_groups[] = {
                "provinces", "villes",    "localités",  "régions",     "pays",        "états",
                "membres",   "districts", "communes",   "cities",      "states",      "countries",
                "members",   "regions",   "localities", "territoires", "territories", NULL};
            if (is_num(&c, at) && read_piece(&c, at, &r)) {
                if (r.count_noun) {
                    p.count_noun = TRUE;
                    p.noun = r.noun;
                    /* "27 EU member states": the group's noun may follow a name. */
                    gboolean whole = FALSE;
                    for (guint k = r.noun; k <= r.noun + 2 && k < c.n && !whole; k++)
                        whole = word_in(&c, k, whole_groups);
                    if (whole) {
                        p.noun_end = r.noun_end;
                        p.last = r.last;
                    }
                }
                piece_clear(&r);
            }
        }
        if (bare && !p.word_number && !p.year_like && p.value == floor(p.value))
            borrow_noun(&c, &p, emitted);
        /* "2 000 hectares sur les 5 798 engagés", "9,000 workers out of the
         * 70,000 planned": the whole is in the part's unit. */
        if (emitted->len && !p.percent && !p.iso && !p.has_kind && !p.has_scale &&
            (!p.count_noun || participle_at(&c, p.noun))) {
            const Emitted *em = &g_array_index(emitted, Emitted, emitted->len - 1);
            static const char *const whole_of[] = {"sur les", "sur",    "parmi les", "out of the",
                                                   "out of",  "of the", NULL};
            for (guint k = 0; whole_of[k]; k++) {
                guint m = match_at(&c, em->last + 1, whole_of[k]);
                if (!m || em->last + 1 + m != p.first)
                    continue;
                if (em->f->kind == DSR_FIGURE_OTHER && em->f->unit) {
                    p.has_kind = TRUE;
                    p.kind = DSR_FIGURE_OTHER;
                    g_free(p.unit);
                    p.unit = g_strdup(em->f->unit);
                    p.count_noun = FALSE;
                }
                break;
            }
        }
        if (!piece_is_figure(&c, &p)) {
            i = p.num + 1;
            piece_clear(&p);
            continue;
        }
        guint qfirst;
        p.qual = qualifier_before(&c, p.first, &qfirst);
        if (p.word_qual != DSR_QUALIFIER_NONE)
            p.qual = p.word_qual;
        if (p.approx_word && !p.multiple && p.qual == DSR_QUALIFIER_NONE)
            p.qual = DSR_QUALIFIER_APPROX;
        /* "1 milliard de dollars ou plus", "500 firms or more": a lower bound. */
        if (p.qual == DSR_QUALIFIER_NONE) {
            static const char *const or_more[] = {"ou plus",  "ou davantage", "et plus", "or more",
                                                  "and more", "or above",     NULL};
            for (guint k = 0; or_more[k]; k++) {
                guint m = match_at(&c, p.last + 1, or_more[k]);
                if (m) {
                    p.qual = DSR_QUALIFIER_AT_LEAST;
                    p.last += m;
                    break;
                }
            }
        }
        /* A bare scaled amount after a money figure borrows its currency:
         * "171,9 milliards d'USD dont 61,2 milliards des exportations". */
        if (p.has_scale && !p.iso && !p.percent && !p.has_kind) {
            for (gint e = (gint)emitted->len - 1; e >= 0; e--) {
                DsrFigure *prev = g_array_index(emitted, Emitted, e).f;
                if (prev->kind == DSR_FIGURE_MONEY) {
                    /* "contre 1,55 milliard enregistré": a participle is no count noun;
                     * "dont 4,2 milliards d'exportations": nor is a flow of money. */
                    if (!p.count_noun || word_in(&c, p.noun, money_nouns)) {
                        p.iso = g_intern_string(prev->currency);
                        p.count_noun = FALSE;
                        p.last = p.scale_tok;
                        p.unit = g_strdup(prev->unit);
                        p.cur = NULL;
                    }
                    break;
                }
            }
        }
        DsrFigure *f = figure_from_piece(&c, &p, qfirst);
        SubjectInfo si;
        f->subject = figure_subject(&c, &p, f, qfirst, emitted, &si);
        if (p.multiple_object) {
            guint a = p.last + 1, b = a;
            static const char *const dets[] = {"le",  "la",  "les",   "l'",   "leur",  "leurs",
                                               "ses", "son", "sa",    "ce",   "cette", "ces",
                                               "the", "its", "their", "this", NULL};
            while (a < c.n && word_in(&c, a, dets))
                a++;
            static const char *const stops[] = {"d'ici", "d'",     "en",     "par", "pour",
                                                "à",     "avant",  "by",     "to",  "in",
                                                "over",  "within", "before", NULL};
            for (b = a; b < c.n && b < a + 5 && is_word(&c, b) && !word_in(&c, b, stops) &&
                        !(is_punct(&c, b + 1, "'") && glued(&c, b + 1));
                 b++)
                ;
            if (b > a) {
                g_free(f->subject);
                f->subject = span_text(&c, (gssize)a, (gssize)b - 1);
            }
        } else if (!f->subject && p.multiple_verb) {
            gssize sa, sb;
            if (gram_subject(&c, (gssize)qfirst, &sa, &sb))
                f->subject = span_text(&c, sa, sb);
        }
        if (hollow(f->subject, f))
            g_clear_pointer(&f->subject, g_free);
        /* "16.400 milliards de roubles (environ 200 milliards d'USD)". */
        if (emitted->len > 0) {
            Emitted *prev = &g_array_index(emitted, Emitted, emitted->len - 1);
            int main_fig = -1;
            if (in_restating_parenthesis(&c, qfirst, prev->last) && restates(prev->f, f))
                main_fig = (int)emitted->len - 1;
            else if (prev->f->equivalent_of >= 0 && chained_restatement(&c, qfirst, prev->last)) {
                Emitted *m = &g_array_index(emitted, Emitted, prev->f->equivalent_of);
                if (restates(m->f, f) && g_strcmp0(prev->f->currency, f->currency) != 0)
                    main_fig = prev->f->equivalent_of;
            } else if (prev->f->equivalent_of < 0 && restating_apposition(&c, qfirst, prev->last) &&
                       restates(prev->f, f) && g_strcmp0(prev->f->currency, f->currency) != 0)
                main_fig = (int)emitted->len - 1;
            if (main_fig >= 0) {
                Emitted *m = &g_array_index(emitted, Emitted, main_fig);
                f->equivalent_of = main_fig;
                g_free(f->subject);
                f->subject = g_strdup(m->f->subject);
            }
        }
        c.floor = p.last + 1;
        Emitted em = emitted_new(f, qfirst, p.last, &si);
        g_ptr_array_add(out, f);
        g_array_append_val(emitted, em);
        i = p.last + 1;
        piece_clear(&p);
    }
    assign_years(&c, emitted, years);
    years->same_period = same_period(&c);
    /* Any year-looking number counts, names among them ("Vision 2045"): a
     * sentence that names one is not dated by the sentence before. */
    for (guint k = 0; k < c.n && !years->dated; k++)
        years->dated = year_at(&c, k) != 0;
    /* Equivalents share the year of what they restate. */
    for (guint e = 0; e < out->len; e++) {
        DsrFigure *f = g_ptr_array_index(out, e);
        if (f->equivalent_of >= 0) {
            DsrFigure *o = g_ptr_array_index(out, f->equivalent_of);
            if (o->year && !f->year)
                f->year = o->year;
            if (f->year && !o->year)
                o->year = f->year;
        }
    }
    g_string_free(c.folds, TRUE);
    g_array_unref(c.toks);
    return out;
}
