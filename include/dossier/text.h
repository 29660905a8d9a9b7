/* SPDX-License-Identifier: MIT
 * Text utilities used by every stage: UTF-8 cleaning and normalisation,
 * folding for matching, sentence splitting, words and stems, partial dates,
 * and number formatting for people in French or English. */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H

#include <glib.h>

G_BEGIN_DECLS

/* Turns raw file bytes into clean UTF-8 text: a BOM is removed, CRLF and CR
 * become LF, NUL bytes, control characters (C0 but tab and LF, C1),
 * bidirectional overrides, embeddings and isolates, zero-width spaces, word
 * joiners and Unicode noncharacters (U+FFFF…) are dropped, the text is NFC-normalised. Bytes that
 * are not UTF-8 are read as Windows-1252 when the whole buffer decodes that way, and *@converted is
 * set (a warning for the caller). Returns a new string, or NULL with DSR_ERROR_INPUT ("not UTF-8 at
 * byte N") when the bytes are neither. */
char *dsr_text_clean(const char *data, gsize len, gboolean *converted, GError **error);

/* dsr_text_clean() for bytes whose document declares a charset (@charset, a
 * label such as "iso-8859-1", "windows-1252" or "utf-8"; NULL when none).
 * Bytes that are valid UTF-8 are read as UTF-8 whatever the label says (pages
 * often declare Latin-1 and hold UTF-8); otherwise the declared charset is
 * used (Latin-1 and ASCII labels mean Windows-1252, as browsers read them),
 * else Windows-1252. *@read_as gets the name of the charset used when it was
 * not UTF-8 (new string), else NULL. Fails as dsr_text_clean() does. */
char *dsr_text_clean_declared(const char *data, gsize len, const char *charset, char **read_as,
                              GError **error);

/* A copy for matching, never for display: lowercase, typographic apostrophes
 * and quotes unified to ' and ", every Unicode space (NBSP, thin space…) a
 * plain space, runs of spaces collapsed. Accents are kept. */
char *dsr_text_fold(const char *s);

/* dsr_text_fold() and then accents removed ("Hô Chi Minh-Ville" ->
 * "ho chi minh-ville", "Nguyễn" -> "nguyen"): compares Vietnamese names written
 * with and without diacritics. */
char *dsr_text_fold_ascii(const char *s);

/* Collapses runs of white space (including NBSP and thin space, which are kept
 * as they are when single) and trims both ends. Returns a new string. */
char *dsr_text_squeeze(const char *s);

/* TRUE for U+0020, tab, newline, NBSP, narrow NBSP, thin and other Unicode spaces. */
gboolean dsr_text_is_space(gunichar c);

/* Splits a paragraph into sentences, as written (the returned strings are
 * substrings, trimmed). Knows French and English abbreviations (M., Mme,
 * Dr., etc., St.), initials, decimals (16.5, 16,5), ellipses and closing
 * quotes; also splits where a site glued two sentences ("russe.Lors").
 * Returns a GPtrArray of new strings (free with g_ptr_array_unref). */
GPtrArray *dsr_text_sentences(const char *paragraph);

/* Words of @s, folded (dsr_text_fold) and without punctuation; elisions are
 * split ("l'économie" -> "l", "économie"). Returns a GPtrArray of strings. */
GPtrArray *dsr_text_words(const char *s);

/* The words of dsr_text_words() read in place from @folded, text already
 * folded (dsr_text_fold()): the next word at or after *@p, as its start in
 * @folded and *@len bytes, *@p moved past it; NULL at the end. */
const char *dsr_text_next_word(const char **p, gsize *len);

/* The @len bytes at @start as a string: copied into @buf when they fit in
 * its @size bytes, else into a new string left in *@heap for the caller to
 * free. */
const char *dsr_text_span(const char *start, gsize len, char *buf, gsize size, char **heap);

/* TRUE when folded @word is a stop word of @lang ("fr" or "en"). */
gboolean dsr_text_is_stopword(const char *word, const char *lang);

/* Snowball stemmer for "fr" or "en" (libstemmer), remembering the stems it
 * gave (a bounded cache): keep one for as long as its thread has words to
 * stem. Not thread-safe: one per thread. */
typedef struct DsrStemmer DsrStemmer;
DsrStemmer *dsr_stemmer_new(const char *lang);
void dsr_stemmer_free(DsrStemmer *stemmer);
/* Stem of a folded word; returns a new string. */
char *dsr_stemmer_stem(DsrStemmer *stemmer, const char *word);
/* The same, owned by the stemmer: valid until its next dsr_stemmer_trim()
 * or dsr_stemmer_stem() (no copy for words looked up by the thousand). */
const char *dsr_stemmer_stem_borrowed(DsrStemmer *stemmer, const char *word);
/* Forgets the stems once the cache is full; borrowed stems die with them. */
void dsr_stemmer_trim(DsrStemmer *stemmer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrStemmer, dsr_stemmer_free)

/* "fr" or "en" from a profile of function words of @s. A short text (fewer
 * than three of them) is told when all its function words are of one
 * language; NULL when there is no such evidence ("Hanoi", "Forum 2024"). */
const char *dsr_text_guess_lang(const char *s);
/* The bytes of @s dsr_text_guess_lang() reads: the first 64 KiB (some
 * 10 000 words) tell the language as well as the whole. */
#define DSR_LANG_SAMPLE_BYTES ((gsize)64 * 1024)
/* The same for a text of at most DSR_LANG_SAMPLE_BYTES already folded by
 * dsr_text_fold(), not folded again. */
const char *dsr_text_guess_lang_folded(const char *folded);

/* A date as precise as the text allows: year only, year and month, or a day. */
typedef struct {
    int year;  /* 0 when unknown */
    int month; /* 1..12, 0 when unknown */
    int day;   /* 1..31, 0 when unknown */
} DsrDate;

/* Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (also a full ISO 8601 timestamp, of
 * which the date part is kept). FALSE for anything else, including dates that
 * do not exist (2025-02-30) or years outside 1900..2199. */
gboolean dsr_date_parse_iso(const char *s, DsrDate *out);
/* "YYYY", "YYYY-MM" or "YYYY-MM-DD"; NULL for an unknown date. New string. */
char *dsr_date_to_iso(const DsrDate *d);
/* Compares two partial dates (unknown parts sort first); a year-less date is oldest. */
int dsr_date_compare(const DsrDate *a, const DsrDate *b);
/* Month number of a French or English month name (folded, "février",
 * "fevrier", "feb", "february"); 0 when not a month. */
int dsr_text_month_number(const char *word);

/* Formats @value for a reader in @lang with at most @decimals decimals and
 * trailing zeros dropped: French "16,5" / "16 400" (narrow NBSP thousands),
 * English "16.5" / "16,400". Returns a new string. */
char *dsr_text_format_number(double value, int decimals, const char *lang);

/* A date for people: "20 novembre 2025", "novembre 2025", "2025" (French) or
 * "20 November 2025"… (English). Returns a new string; "" for an unknown date. */
char *dsr_text_format_date(const DsrDate *d, const char *lang);

/* Applies French typography to display text: NARROW NBSP before ; ! ? % and
 * inside « », NBSP before :. Returns a new string. English text is returned as is. */
char *dsr_text_typography(const char *s, const char *lang);

/* Word prefilters for regular expressions matched on folded text. Most
 * sentences match none of a stage's patterns, and PCRE2 tries each
 * alternative of each pattern at each position to find that out. A
 * DsrWordFilter reads from each pattern words that every match of it must
 * contain ("signature", a word starting with "sign") and, once per sentence,
 * which patterns' words are there: the others cannot match and are not run.
 * The words are read from the pattern itself; a pattern whose shape gives
 * none (or a caseless one) is always run. Built once, then only read: worker
 * threads share a filter. */
typedef struct DsrWordFilter DsrWordFilter;

/* A pattern compiled and registered with its filter. */
typedef struct {
    GRegex *regex;
    guint64 bit; /* the pattern's bit in a dsr_word_filter_scan() mask */
} DsrFilteredRegex;

DsrWordFilter *dsr_word_filter_new(void);
void dsr_word_filter_free(DsrWordFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrWordFilter, dsr_word_filter_free)

/* Compiles @pattern (g_regex_new() with @flags; NULL with @error on a bad
 * pattern) and registers it: at most 64 patterns a filter. */
DsrFilteredRegex *dsr_word_filter_compile(DsrWordFilter *filter, const char *pattern,
                                          GRegexCompileFlags flags, GError **error);

/* The mask of the patterns that may match @s: bit set for each one whose
 * words are all there, and for every pattern that is always run. */
guint64 dsr_word_filter_scan(const DsrWordFilter *filter, const char *s);

/* g_regex_match() of @rx on @s, where @s is @scanned (the string @words was
 * scanned from) or a part of it; skipped when @words says it cannot match.
 * Builds with DOSSIER_CHECK_FILTERS run the pattern anyway and abort when
 * the filter was wrong. */
gboolean dsr_filtered_match(const DsrFilteredRegex *rx, guint64 words, const char *scanned,
                            const char *s, GMatchInfo **match_info);

/* The words read from @pattern, for tests: "=word" for a whole word,
 * "word*" for a word's beginning, one string per alternative; NULL when the
 * pattern is always run. Free with g_strfreev(). */
char **dsr__word_filter_words(const char *pattern);

/* Several fixed substrings looked for at once: one pass over the string
 * instead of one strstr() per substring. Built once, then only read. */
typedef struct DsrNeedles DsrNeedles;

/* From the NULL-terminated @needles (copied). */
DsrNeedles *dsr_needles_new(const char *const *needles);
void dsr_needles_free(DsrNeedles *needles);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrNeedles, dsr_needles_free)

/* Whether @haystack holds one of the needles: the same answer as a strstr()
 * for each of them. */
gboolean dsr_needles_find(const DsrNeedles *needles, const char *haystack);

G_END_DECLS

#endif
