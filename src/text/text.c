/* SPDX-License-Identifier: MIT
 * UTF-8 cleaning (BOM, line ends, NUL, legacy Windows-1252), NFC
 * normalisation, folding for matching, words and stop words, and a
 * stop-word language guess between French and English. */
#include <dossier/text.h>
#include <dossier/error.h>
#include <string.h>

gboolean
dsr_text_is_space(gunichar c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0x2009 || c == 0x200A || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x2006) || c == 0x2008 || c == 0x205F || c == 0x1680;
}

/* Zero-width characters that only get in the way of matching and display. */
static gboolean
is_invisible(gunichar c)
{
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
           c == 0x200F;
}

/* Unicode noncharacters (U+FDD0..U+FDEF and the last two code points of
 * every plane): valid UTF-8 to GLib, refused by cairo as "not valid UTF-8",
 * so one of them in a title would stop the PDF. */
static gboolean
is_noncharacter(gunichar c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* Characters dropped from every text read: bidirectional embeddings,
 * overrides and isolates (they reorder what a reader sees, the "Trojan
 * source" trick, and leak into titles, file names and PDF outlines), the
 * zero-width space and word joiner, C1 controls (escape sequences for
 * terminals, never text) and noncharacters. Joiners (U+200C, U+200D) stay: emoji and some
 * scripts need them. */
static gboolean
is_hostile_format(gunichar c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200B ||
           c == 0x2060 || (c >= 0x80 && c <= 0x9F) || is_noncharacter(c);
}

static char *
decode_windows_1252(const char *data, gsize len)
{
    /* Latin-1 is a subset of Windows-1252 for printable text; 0x81, 0x8D,
     * 0x8F, 0x90, 0x9D are undefined in 1252 and make the guess fail. */
    return g_convert(data, (gssize)len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
}

/* TRUE when a text made only of such characters is in NFC whatever their
 * order (Unicode's NFC quick check answers "yes"): each is its own NFC, has
 * combining class 0 and is never the second of a canonical composition. Latin
 * with its extensions (Vietnamese's precomposed letters among them), general
 * punctuation without the two quads (singletons), currency signs. Checked
 * against every code point of these ranges with Python's unicodedata; all are
 * assigned but U+2065, left out. */
static gboolean
is_nfc_inert(gunichar c)
{
    return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) ||
           (c >= 0x2002 && c <= 0x206F && c != 0x2065) || (c >= 0x20A0 && c <= 0x20BF);
}

/* g_utf8_normalize() takes time quadratic in the non-ASCII characters of its
 * input (GLib 2.74: each composition shifts the rest of its buffer; a 800 kB
 * French text takes seconds). Normalising pieces gives the same result when
 * each cut falls before an ASCII character: no canonical composition or
 * reordering joins an ASCII character to what comes before it. Small pieces
 * keep the shifts short (a 20 MB line spent a third of its reading time in
 * them with 4 KiB pieces); a piece of NFC-inert characters (ASCII, accented
 * Latin, punctuation: nearly every piece of a news text) is already NFC. */
static char *
normalize_nfc(const char *text)
{
    const gsize piece = 256;
    gsize len = strlen(text);
    GString *out = g_string_sized_new(len);
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *cut = p + MIN(piece, (gsize)(end - p));
        while (cut < end && (guchar)*cut >= 0x80)
            cut++;
        gboolean inert = TRUE;
        for (const char *q = p; q < cut && inert; q = g_utf8_next_char(q))
            inert = (guchar)*q < 0x80 || is_nfc_inert(g_utf8_get_char(q));
        if (inert) {
            g_string_append_len(out, p, cut - p);
        } else {
            g_autofree char *nfc = g_utf8_normalize(p, cut - p, G_NORMALIZE_NFC);
            g_string_append(out, nfc);
        }
        p = cut;
    }
    return g_string_free(out, FALSE);
}

char *
dsr_text_clean(const char *data, gsize len, gboolean *converted, GError **error)
{
    if (converted)
        *converted = FALSE;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    g_autofree char *decoded = NULL;
    const char *bad = NULL;
    /* NUL bytes are not text: drop them before validating. */
    g_autoptr(GString) raw = g_string_sized_new(len);
    for (gsize i = 0; i < len; i++)
        if (data[i] != '\0')
            g_string_append_c(raw, data[i]);
    if (!g_utf8_validate(raw->str, (gssize)raw->len, &bad)) {
        gsize offset = (gsize)(bad - raw->str);
        decoded = decode_windows_1252(raw->str, raw->len);
        if (!decoded) {
            g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "not UTF-8 at byte %" G_GSIZE_FORMAT,
                        offset);
            return NULL;
        }
        if (converted)
            *converted = TRUE;
    }
    const char *text = decoded ? decoded : raw->str;
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p; p = g_utf8_next_char(p)) {
        guchar b = (guchar)*p;
        if (b >= 0x20 && b < 0x80) {
            g_string_append_c(out, (char)b); /* printable ASCII, kept as is */
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        if (c == '\r') {
            g_string_append_c(out, '\n');
            if (p[1] == '\n')
                p++;
        } else if (c == 0xFEFF || (c < 0x20 && c != '\n' && c != '\t') || is_hostile_format(c)) {
            continue;
        } else {
            g_string_append_unichar(out, c);
        }
    }
    g_autofree char *joined = g_string_free(out, FALSE);
    return normalize_nfc(joined);
}

/* WHATWG encoding labels that browsers read as Windows-1252. */
static gboolean
is_1252_label(const char *label)
{
    static const char *const labels[] = {"iso-8859-1", "iso8859-1",  "latin1",     "latin-1",
                                         "l1",         "us-ascii",   "ascii",      "windows-1252",
                                         "cp1252",     "x-cp1252",   "iso_8859-1", "cp819",
                                         "ibm819",     "iso-ir-100", "csisolatin1"};
    for (guint i = 0; i < G_N_ELEMENTS(labels); i++)
        if (g_ascii_strcasecmp(label, labels[i]) == 0)
            return TRUE;
    return FALSE;
}

char *
dsr_text_clean_declared(const char *data, gsize len, const char *charset, char **read_as,
                        GError **error)
{
    *read_as = NULL;
    gboolean utf8_bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    gboolean valid = utf8_bom || g_utf8_validate_len(data, len, NULL);
    if (!valid && charset && *charset && g_ascii_strcasecmp(charset, "utf-8") != 0 &&
        g_ascii_strcasecmp(charset, "utf8") != 0 && !is_1252_label(charset)) {
        g_autofree char *converted =
            g_convert(data, (gssize)len, "UTF-8", charset, NULL, NULL, NULL);
        if (converted) {
            char *out = dsr_text_clean(converted, strlen(converted), NULL, error);
            if (out)
                *read_as = g_ascii_strup(charset, -1);
            return out;
        }
    }
    gboolean converted = FALSE;
    char *out = dsr_text_clean(data, len, &converted, error);
    if (out && converted)
        *read_as = g_strdup("Windows-1252");
    return out;
}

static gunichar
fold_char(gunichar c)
{
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x02BC:
    case 0x2032:
    case 0x0060:
    case 0x00B4:
        return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
        return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
        return '-';
    default:
        return dsr_text_is_space(c) ? ' ' : g_unichar_tolower(c);
    }
}

char *
dsr_text_fold(const char *s)
{
    /* Written straight into one buffer: the extractors fold every sentence
     * several times, and a GString call per byte was most of it. An ASCII
     * byte gives at most one byte; a wider character (two bytes or more)
     * may give up to four, so the room left always covers the input left
     * but for those. */
    gsize len = strlen(s), cap = len + 1, o = 0;
    char *out = g_malloc(cap);
    gboolean space = TRUE; /* drops leading spaces */
    for (const char *p = s; *p;) {
        guchar b = (guchar)*p;
        if (b < 0x80 && b != '`') {
            p++;
            if (b == ' ' || (b >= '\t' && b <= '\r')) {
                if (!space)
                    out[o++] = ' ';
                space = TRUE;
                continue;
            }
            space = FALSE;
            out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        p = g_utf8_next_char(p);
        if (is_invisible(c))
            continue;
        c = fold_char(c);
        if (c == ' ') {
            if (!space)
                out[o++] = ' ';
            space = TRUE;
            continue;
        }
        space = FALSE;
        gsize left = len - (gsize)(p - s);
        if (cap - o < left + 1 + 6) {
            cap = MAX(cap + cap / 2, o + left + 1 + 6);
            out = g_realloc(out, cap);
        }
        o += (gsize)g_unichar_to_utf8(c, out + o);
    }
    if (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

char *
dsr_text_fold_ascii(const char *s)
{
    char *folded = dsr_text_fold(s);
    gboolean ascii = TRUE;
    for (const char *p = folded; *p && ascii; p++)
        ascii = (guchar)*p < 0x80;
    if (ascii)
        return folded; /* nothing to take accents from */
    /* Each character decomposed on its own (what NFD does, without
     * normalizing the whole string) and its marks dropped. */
    GString *out = g_string_sized_new(strlen(folded));
    for (const char *p = folded; *p; p = g_utf8_next_char(p)) {
        if ((guchar)*p < 0x80) {
            g_string_append_c(out, *p);
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        if (c == 0x0111) { /* đ has no decomposition */
            g_string_append_c(out, 'd');
            continue;
        }
        if (c == 0x0153) { /* œ */
            g_string_append(out, "oe");
            continue;
        }
        if (c == 0x00E6) {
            g_string_append(out, "ae");
            continue;
        }
        gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
        gsize n = g_unichar_fully_decompose(c, FALSE, parts, G_N_ELEMENTS(parts));
        for (gsize k = 0; k < n; k++)
            if (!g_unichar_ismark(parts[k]))
                g_string_append_unichar(out, parts[k]);
    }
    g_free(folded);
    return g_string_free(out, FALSE);
}

/* The output of dsr_text_squeeze, written in place: it never outgrows the
 * input read so far but for a character re-encoded wider, which asks for
 * room first. */
typedef struct {
    char *s;
    gsize len, cap;
} Squeezed;

static void
squeezed_room(Squeezed *o, gsize input_left, gsize more)
{
    if (o->cap - o->len < input_left + 1 + more) {
        o->cap = MAX(o->cap + o->cap / 2, o->len + input_left + 1 + more);
        o->s = g_realloc(o->s, o->cap);
    }
}

/* The space run squeezed before the next character: one space, or the lone
 * NBSP or thin space it was. */
static void
end_space_run(Squeezed *out, const char *pending, int *run)
{
    if (*run > 0 && out->len > 0) {
        gunichar first = g_utf8_get_char(pending);
        /* A lone NBSP or thin space carries meaning (16 400, « oui »): keep it. */
        if (*run == 1 && (first == 0x00A0 || first == 0x202F || first == 0x2009))
            out->len += (gsize)g_unichar_to_utf8(first, out->s + out->len);
        else
            out->s[out->len++] = ' ';
    }
    *run = 0;
}

char *
dsr_text_squeeze(const char *s)
{
    gsize len = strlen(s);
    Squeezed out = {g_malloc(len + 1), 0, len + 1};
    const char *pending = NULL; /* the first space of a run, kept when the run is single */
    int run = 0;
    for (const char *p = s; *p;) {
        guchar b = (guchar)*p;
        if (b > ' ' && b < 0x80) {
            /* The common case: a span of printable ASCII, copied whole. */
            end_space_run(&out, pending, &run);
            const char *q = p + 1;
            while ((guchar)*q > ' ' && (guchar)*q < 0x80)
                q++;
            memcpy(out.s + out.len, p, (gsize)(q - p));
            out.len += (gsize)(q - p);
            p = q;
            continue;
        }
        gunichar c = b == ' ' ? ' ' : g_utf8_get_char(p);
        const char *here = p;
        p = g_utf8_next_char(p);
        if (c != ' ' && is_invisible(c))
            continue;
        if (c == ' ' || dsr_text_is_space(c)) {
            if (run++ == 0)
                pending = here;
            continue;
        }
        end_space_run(&out, pending, &run);
        squeezed_room(&out, len - (gsize)(p - s), 6);
        out.len += (gsize)g_unichar_to_utf8(c, out.s + out.len);
    }
    out.s[out.len] = '\0';
    return out.s;
}

/* Letters, digits and inner hyphens make words; an apostrophe ends an elided
 * article ("l'économie" -> "l", "économie"). */
const char *
dsr_text_next_word(const char **p, gsize *len)
{
    const char *start = NULL;
    const char *q = *p;
    for (;;) {
        if (g_ascii_isalnum(*q)) { /* ASCII letters and digits, not decoded */
            if (!start)
                start = q;
            q++;
            continue;
        }
        if ((guchar)*q < 0x80 && *q != '-') {
            /* Any other ASCII byte (space, punctuation, the end) ends a word. */
            if (start) {
                *len = (gsize)(q - start);
                *p = q;
                return start;
            }
            if (!*q) {
                *p = q;
                return NULL;
            }
            q++;
            continue;
        }
        gunichar c = *q ? g_utf8_get_char(q) : 0;
        gboolean inner_hyphen =
            c == '-' && start && q[1] && g_unichar_isalnum(g_utf8_get_char(q + 1));
        if (c && (g_unichar_isalnum(c) || g_unichar_ismark(c) || inner_hyphen)) {
            if (!start)
                start = q;
            q = g_utf8_next_char(q);
            continue;
        }
        if (start) {
            *len = (gsize)(q - start);
            *p = q;
            return start;
        }
        if (!c) {
            *p = q;
            return NULL;
        }
        q = g_utf8_next_char(q);
    }
}

const char *
dsr_text_span(const char *start, gsize len, char *buf, gsize size, char **heap)
{
    if (len >= size)
        return *heap = g_strndup(start, len);
    memcpy(buf, start, len);
    buf[len] = '\0';
    return buf;
}

GPtrArray *
dsr_text_words(const char *s)
{
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *folded = dsr_text_fold(s);
    const char *p = folded, *w;
    gsize len;
    while ((w = dsr_text_next_word(&p, &len)))
        g_ptr_array_add(words, g_strndup(w, len));
    return words;
}

static const char *const stop_fr[] = {
    "a",       "à",      "afin",      "ai",    "aient",   "ainsi", "alors",     "au",      "aucun",
    "aussi",   "autre",  "aux",       "avait", "avant",   "avec",  "avoir",     "ayant",   "c",
    "ce",      "ceci",   "cela",      "celle", "celles",  "celui", "cependant", "ces",     "cet",
    "cette",   "ceux",   "chaque",    "comme", "comment", "d",     "dans",      "de",      "depuis",
    "des",     "deux",   "doit",      "donc",  "dont",    "du",    "elle",      "elles",   "en",
    "encore",  "entre",  "est",       "et",    "été",     "être",  "eu",        "fait",    "faire",
    "il",      "ils",    "j",         "je",    "l",       "la",    "le",        "les",     "leur",
    "leurs",   "lors",   "lui",       "m",     "mais",    "me",    "même",      "mêmes",   "n",
    "ne",      "ni",     "nos",       "notre", "nous",    "on",    "ont",       "ou",      "où",
    "par",     "pas",    "peut",      "plus",  "pour",    "qu",    "que",       "quel",    "quelle",
    "quelles", "quels",  "qui",       "s",     "sa",      "sans",  "se",        "selon",   "ses",
    "si",      "son",    "sont",      "sous",  "sur",     "t",     "ta",        "te",      "tous",
    "tout",    "toute",  "toutes",    "très",  "tu",      "un",    "une",       "unes",    "uns",
    "vers",    "via",    "vos",       "votre", "vous",    "y",     "était",     "étaient", "sera",
    "seront",  "serait", "également", "cours", "ainsi",   "parmi", "ici",
};
static const char *const stop_en[] = {
    "a",      "about",   "after",   "all",   "also",    "an",     "and",     "any",   "are",
    "as",     "at",      "be",      "been",  "before",  "being",  "between", "both",  "but",
    "by",     "can",     "could",   "did",   "do",      "does",   "during",  "each",  "for",
    "from",   "further", "had",     "has",   "have",    "having", "he",      "her",   "here",
    "him",    "his",     "how",     "i",     "if",      "in",     "into",    "is",    "it",
    "its",    "itself",  "more",    "most",  "must",    "my",     "no",      "nor",   "not",
    "of",     "on",      "once",    "only",  "or",      "other",  "our",     "out",   "over",
    "own",    "s",       "said",    "same",  "she",     "should", "so",      "some",  "such",
    "than",   "that",    "the",     "their", "them",    "then",   "there",   "these", "they",
    "this",   "those",   "through", "to",    "too",     "under",  "until",   "up",    "very",
    "was",    "we",      "were",    "what",  "when",    "where",  "which",   "while", "who",
    "whom",   "why",     "will",    "with",  "would",   "you",    "your",    "per",   "while",
    "within", "toward",  "towards", "among", "amongst",
};

static gpointer
build_stop_sets(gpointer unused G_GNUC_UNUSED)
{
    GHashTable **sets = g_new0(GHashTable *, 2);
    sets[0] = g_hash_table_new(g_str_hash, g_str_equal);
    sets[1] = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < G_N_ELEMENTS(stop_fr); i++)
        g_hash_table_add(sets[0], (gpointer)stop_fr[i]);
    for (guint i = 0; i < G_N_ELEMENTS(stop_en); i++)
        g_hash_table_add(sets[1], (gpointer)stop_en[i]);
    return sets;
}

static GHashTable *
stop_set(const char *lang)
{
    static GOnce once = G_ONCE_INIT;
    GHashTable **sets = g_once(&once, build_stop_sets, NULL);
    return g_strcmp0(lang, "en") == 0 ? sets[1] : sets[0];
}

gboolean
dsr_text_is_stopword(const char *word, const char *lang)
{
    return g_hash_table_contains(stop_set(lang), word);
}

/* Words frequent in one language and rare in the other: short function words
 * that both languages write ("a", "on", "an", "as", "plus") would blur the
 * profile. The elided "l" and "d" ("l'économie") are French only. */
static const char *const marks_fr[] = {
    "le",   "la",    "les", "des",   "du", "et",   "est", "une",  "dans",  "pour",
    "avec", "sur",   "qui", "que",   "au", "aux",  "ont", "été",  "selon", "entre",
    "de",   "sont",  "ce",  "cette", "il", "elle", "ils", "leur", "ses",   "sa",
    "son",  "aussi", "ne",  "pas",   "l",  "d",    "qu",  "nous", "lors",  "depuis"};
static const char *const marks_en[] = {
    "the",  "and",  "of",   "is",   "are", "was",   "were",  "with",    "for",   "that",
    "this", "from", "has",  "have", "its", "which", "by",    "between", "said",  "to",
    "in",   "at",   "will", "be",   "it",  "been",  "their", "also",    "after", "would"};

/* The language of text already folded (dsr_text_fold). */
static const char *
guess_folded(const char *folded)
{
    /* Each word looked up once, not compared with sixty marks (the marks
     * are told apart by the table's value: 1 French, 2 English). */
    static gsize once = 0;
    static GHashTable *marks = NULL;
    if (g_once_init_enter(&once)) {
        GHashTable *t = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint k = 0; k < G_N_ELEMENTS(marks_fr); k++)
            g_hash_table_insert(t, (gpointer)marks_fr[k], GINT_TO_POINTER(1));
        for (guint k = 0; k < G_N_ELEMENTS(marks_en); k++)
            g_hash_table_insert(t, (gpointer)marks_en[k], GINT_TO_POINTER(2));
        marks = t;
        g_once_init_leave(&once, 1);
    }
    /* The words read in place: no mark is longer than 15 bytes. */
    const char *p = folded, *w;
    gsize n;
    int fr = 0, en = 0;
    while ((w = dsr_text_next_word(&p, &n))) {
        char word[16];
        if (n >= sizeof word)
            continue;
        memcpy(word, w, n);
        word[n] = '\0';
        int m = GPOINTER_TO_INT(g_hash_table_lookup(marks, word));
        fr += m == 1;
        en += m == 2;
    }
    /* A title or a caption has few function words: it is told only when
     * all of them are of one language ("Vietnam and Laos sign a deal"). */
    if (fr + en < 3)
        return fr && !en ? "fr" : en && !fr ? "en" : NULL;
    return fr >= en ? "fr" : "en";
}

const char *
dsr_text_guess_lang(const char *s)
{
    /* The first 64 KiB (some 10 000 words, more than a long article) tell the
     * language as well as the whole; a 20 MB paste would otherwise be cut
     * into millions of words for nothing. */
    gsize len = strlen(s);
    g_autofree char *head = NULL;
    if (len > DSR_LANG_SAMPLE_BYTES) {
        const char *cut = s + DSR_LANG_SAMPLE_BYTES;
        while (cut > s && ((guchar)*cut & 0xC0) == 0x80)
            cut--;
        head = g_strndup(s, (gsize)(cut - s));
        s = head;
    }
    g_autofree char *folded = dsr_text_fold(s);
    return guess_folded(folded);
}

const char *
dsr_text_guess_lang_folded(const char *folded)
{
    return guess_folded(folded);
}
