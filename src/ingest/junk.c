/* SPDX-License-Identifier: MIT
 * What is not article text in news pasted from web pages: related links,
 * photo captions and credits, agency sign-offs, "Source :" lines, bylines,
 * page chrome, cookie banners; and the datelines and written dates found in
 * and around them. Patterns are compiled once and shared (GRegex is immutable). */
#include "ingest-private.h"
#include <stdlib.h>
#include <string.h>

/* Spaces as pasted from the web: NBSP and narrow NBSP are as common as U+0020. */
#define SP "[\\s\\x{a0}\\x{202f}\\x{2009}]"
#define DASH "[-\\x{2013}\\x{2014}]"
#define AGENCIES                                                                                   \
    "(?:VNA|VNS|AVI|CVN|VOV|VOVWORLD|AFP|Reuters|AP|TTXVN|Xinhua|NDO|VGP|VNP|VTV|ANI|Bernama|"     \
    "Kyodo|Yonhap|KPL|AKP|NNA|AFP-JIJI)"

enum {
    RE_RELATED,
    RE_SOURCE,
    RE_CAPTION_END,
    RE_CAPTION_START,
    RE_CAPTION_FILE,
    RE_CAPTION_ANH,
    RE_SIGNOFF,
    RE_SIGNOFF_TRAILING,
    RE_CHROME,
    RE_CHROME_START,
    RE_CHROME_ANYWHERE,
    RE_COMMENT,
    RE_BYLINE_LEAD,
    RE_BYLINE_PAR,
    RE_BYLINE_PIPE,
    RE_DATELINE,
    RE_DATELINE_CAPS,
    RE_DATELINE_COLON,
    RE_DATELINE_DATED,
    RE_DATELINE_DATED_EN,
    RE_DATE_NUMERIC,
    RE_DATE_ISO,
    RE_DATE_DMY,
    RE_DATE_MDY,
    RE_DATE_MY,
    RE_DATE_ONLY,
    RE_URL_YMD,
    RE_URL_DIGITS,
    RE_URL_YM,
    RE_DAY_MONTH,
    RE_EVENT_YEAR,
    RE_CAPTION_DATE,
    RE_FINITE_VERB,
    RE_SENTENCE_START,
    RE_COUNT
};

/* Site chrome: a whole line of a button, a menu or a footer, or a line
 * holding a cookie banner's or a copyright's words. */
#define CHROME_START                                                                               \
    "\\||[-*\\x{2022}]|Image|Images|Fermer|Close|Menu|Partager|Share|Imprimer|Print|Tweet|"        \
    "Facebook|Twitter|Publicité|Advertisement|Accueil|Home|Retour|Lire la suite|Read more\\.*|"   \
    "Aller au contenu(?: principal)?.*|Skip to (?:main )?content.*|News dalla rete.*|"             \
    "(?:©|\\(c\\)|Copyright)\\s.*"
#define CHROME_ANYWHERE                                                                            \
    "\\x{1f36a}|\\bcookies?\\b|\\b(?:tous droits réservés|all rights reserved)\\b"

static const char *const patterns[RE_CAPTION_DATE] = {
    [RE_RELATED] = "^(?:>>|\\x{bb}\\x{bb}|(?:Lire|[AÀ] lire|Voir) aussi" SP
                   "*:|Read (?:more|also)" SP "*:|Related" SP "*:|See also" SP "*:)",
    [RE_SOURCE] = "^(?:Source|Sources|Nguồn)" SP "*:" SP "*(\\S.*)$",
    /* A credit at the end: "… Photo : VNA/CVN", "… Photo: VOV |", "(Photo: VNA)". */
    [RE_CAPTION_END] = "(?:^|[\\s(.,;:"
                       "\\x{2013}\\x{2014}-])(?:Photos?|Ảnh|Crédit(?:" SP
                       "photo)?|Photo d'illustration|Illustration)" SP "?:" SP "*(\\S+(?:" SP
                       "+\\S+){0,3})" SP "*\\)?\\.?" SP "*\\|?" SP "*$",
    [RE_CAPTION_START] = "^\\(?(?:Photos?|Ảnh|Photo d'illustration|Illustration)" SP "?:",
    [RE_CAPTION_FILE] = DASH SP "*(?:File|Archive|Illustrative)" SP "+[Pp]hoto" SP "*$",
    /* VietnamPlus marks an inline image with its title and "ảnh 1". */
    [RE_CAPTION_ANH] = SP "ảnh" SP "+\\d+" SP "*$",
    [RE_SIGNOFF] = "^(?:" DASH SP "*)?" AGENCIES "(?:/[A-Za-z]{1,6})*" SP "*$|^" DASH SP
                   "*\\p{Lu}{2,8}(?:/\\p{Lu}{1,6})*" SP "*$",
    [RE_SIGNOFF_TRAILING] = "(?<=[.!?\\x{bb}\"\\x{201d})])" SP "*" DASH SP
                            "*(?:\\p{Lu}{2,8}|Reuters|Xinhua)(?:/\\p{Lu}{1,6})*" SP "*$",
    [RE_CHROME] = "^(?:" CHROME_START "|.*(?:" CHROME_ANYWHERE ").*)$",
    /* The same, read faster on a line without line breaks (chrome()): its
     * start, or a word anywhere, without a ".*" tried at every byte. */
    [RE_CHROME_START] = "^(?:" CHROME_START ")$",
    [RE_CHROME_ANYWHERE] = CHROME_ANYWHERE,
    [RE_COMMENT] = "^(?:Comments?|Commentaires?|Bình luận)" SP "*\\(\\d+\\)$",
    [RE_BYLINE_LEAD] = "^(?:information fournie par|publié le|mis à jour le|publié" SP
                       "+le|published|updated|posted|last updated)\\b",
    [RE_BYLINE_PAR] = "^(?:par|by|de notre correspondant|from our correspondent)" SP "+\\p{Lu}",
    [RE_BYLINE_PIPE] = "^[^.!?]{2,60}" SP "+[|"
                       "\\x{2013}-]" SP "*$",
    [RE_DATELINE] =
        "^(?:(\\p{Lu}[\\p{L}'\\x{2019}.-]*(?:[ /]\\p{Lu}[\\p{L}'\\x{2019}.-]*){0,3})"
        "(?:," SP "*(\\d{1,2})(?:er)?" SP "+(\\p{L}+)\\.?)?" SP "*)?\\((\\p{Lu}\\p{L}{1,11}(?:" SP
        "\\p{Lu}\\p{L}{1,11})?)\\)" SP "*" DASH "+" SP "*",
    [RE_DATELINE_CAPS] = "^(\\p{Lu}{2,}(?:[ /]\\p{Lu}{2,}){0,3})(?:," SP "*(\\d{1,2})" SP
                         "+(\\p{L}+)\\.?)?" SP "*" DASH SP "+(?=\\p{Lu})",
    [RE_DATELINE_COLON] = "^(\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+)?):" SP "+(?=\\p{Lu})",
    /* "Hanoï, 6 mars 2023 – ", "Hanoï, le 6 mars – ": a place and a full date
     * before the dash, no agency; "Hanoi, October 2, 2021 – " in English. */
    [RE_DATELINE_DATED] =
        "^(\\p{Lu}[\\p{L}'\\x{2019}.-]*(?:[ /]\\p{Lu}[\\p{L}'\\x{2019}.-]*){0,3})," SP "*(?:le" SP
        "+)?(\\d{1,2})(?:er)?" SP "+(\\p{L}+)\\.?(?:" SP "+(?:19|20)\\d\\d)?" SP "*" DASH SP
        "+(?=\\p{Lu})",
    [RE_DATELINE_DATED_EN] =
        "^(\\p{Lu}[\\p{L}'\\x{2019}.-]*(?:[ /]\\p{Lu}[\\p{L}'\\x{2019}.-]*){0,3})," SP
        "*(\\p{L}+)\\.?" SP "+(\\d{1,2})(?:st|nd|rd|th)?(?:," SP "*(?:19|20)\\d\\d)?" SP "*" DASH SP
        "+(?=\\p{Lu})",
    [RE_DATE_NUMERIC] = "(?<!\\d)(\\d{1,2})/(\\d{1,2})/((?:19|20|21)\\d{2})(?!\\d)",
    /* "2023-09-09", as some sites and exports print under the title. */
    [RE_DATE_ISO] = "(?<![\\d-])((?:19|20|21)\\d{2})-(\\d{2})-(\\d{2})(?![\\d-])",
    [RE_DATE_DMY] = "(?<![\\p{L}\\d])(\\d{1,2})(?:er|st|nd|rd|th)?\\.?" SP "+(\\p{L}{3,})\\.?,?" SP
                    "+((?:19|20|21)\\d{2})(?!\\d)",
    [RE_DATE_MDY] = "(?<!\\p{L})(\\p{L}{3,})\\.?" SP "+(\\d{1,2})(?:st|nd|rd|th)?,?" SP
                    "+((?:19|20|21)\\d{2})(?!\\d)",
    [RE_DATE_MY] = "(?<!\\p{L})(\\p{L}{3,})\\.?" SP "+((?:19|20|21)\\d{2})(?!\\d)",
    /* A line that is only a date (and perhaps "Publié le", a weekday and a
     * time); "octobre 2025" too. The caller checks that a month is named. */
    [RE_DATE_ONLY] =
        "^(?:(?:[Pp]ublié|[Mm]is à jour|[Mm]ise à jour|[Uu]pdated|[Pp]ublished|"
        "[Pp]osted)(?:" SP "+(?:le|on))?" SP "*:?" SP "*)?(?:\\p{L}+\\.?,?" SP
        "+)?(?:\\d{1,2}(?:er)?" SP "+\\p{L}+\\.?,?" SP "+\\d{4}|\\p{L}+\\.?" SP "+\\d{1,2},?" SP
        "+\\d{4}|\\p{L}{3,}" SP "+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2})(?:" SP
        "*(?:[-|,]|à|at)?" SP "*\\d{1,2}[:h]\\d{2}(?::\\d{2})?)?" SP "*$",
    [RE_URL_YMD] = "/((?:19|20|21)\\d{2})[/-](\\d{1,2})[/-](\\d{1,2})(?=[/-]|$)",
    /* "-20251220101839271.htm": a timestamp of 8 digits or 14 and more. */
    [RE_URL_DIGITS] = "(?<!\\d)((?:19|20|21)\\d{2})(\\d{2})(\\d{2})(?:\\d{6,})?(?!\\d)",
    [RE_URL_YM] = "/((?:19|20|21)\\d{2})/(\\d{1,2})/",
    /* "le 23 avril", "on April 19": a day without its year. */
    [RE_DAY_MONTH] =
        "(?<![\\p{L}\\d])(?:(\\d{1,2})(?:er|st|nd|rd|th)?" SP "+(\\p{L}{3,})|(\\p{L}{3,})" SP
        "+(\\d{1,2})(?:st|nd|rd|th)?)(?!" SP "*,?" SP "*\\d)",
    /* A named event that carries its year: "Forum économique d'automne 2025". */
    [RE_EVENT_YEAR] =
        "\\b(?:Forum|Sommet|Summit|Conférence|Conference|Salon|Festival|Expo|"
        "Exposition|Congrès|Congress|Semaine|Week|Dialogue|Symposium|Colloque|"
        "Séminaire|Seminar|Foire|Fair)\\b[^.;]{0,80}?(?<!\\d)((?:19|20|21)\\d{2})(?!\\d)",
};

/* What a caption without a credit looks like: a dated phrase ("…, le 27 juin
 * 2016 à Vinh", "… in Hanoi on June 27") with no finite verb, opening on a
 * noun or a name rather than on an article, a preposition or a pronoun. */
static const char *const caption_patterns[] = {
    "(?:\\ble|\\bon)" SP "+(?:\\d{1,2}(?:er)?" SP "+(\\p{L}{3,})|(\\p{L}{3,})" SP "+\\d{1,2}\\b)",
    "(?i)(?<![\\p{L}'’-])(?:a|ont|est|sont|était|étaient|sera|seront|serait|fut|va|vont|"
    "peut|doit|avait|avaient|is|are|was|were|has|have|had|will|would|said|says|can|could)"
    "(?![\\p{L}'’-])",
    "^(?:Le|La|Les|L['’]|Un|Une|Des|Du|De|D['’]|Ce|Cet|Cette|Ces|Son|Sa|Ses|Leur|Leurs|Selon|"
    "Dans|Pour|Lors|Depuis|Avec|En|Au|Aux|Par|Grâce|Il|Elle|Ils|Elles|On|Nous|Après|Avant|"
    "Pendant|Sur|Sous|À|A|Mais|Et|Ainsi|Cependant|Toutefois|Outre|Parmi|Entre|The|A|An|In|On|"
    "At|According|For|With|After|Before|During|It|They|He|She|We|This|These|That|Those|But|"
    "And|As|By|From)\\b",
};

static gpointer
compile_all(gpointer unused G_GNUC_UNUSED)
{
    GRegex **res = g_new0(GRegex *, RE_COUNT);
    for (int i = 0; i < RE_COUNT; i++) {
        GRegexCompileFlags flags = G_REGEX_OPTIMIZE;
        if (i == RE_CHROME || i == RE_CHROME_START || i == RE_CHROME_ANYWHERE ||
            i == RE_BYLINE_LEAD || i == RE_BYLINE_PAR || i == RE_COMMENT || i == RE_RELATED ||
            i == RE_SOURCE)
            flags |= G_REGEX_CASELESS;
        GError *error = NULL;
        const char *pattern =
            i >= RE_CAPTION_DATE ? caption_patterns[i - RE_CAPTION_DATE] : patterns[i];
        res[i] = g_regex_new(pattern, flags, 0, &error);
        /* The patterns are constants: a failure is a bug in this file, and
         * a pattern that never matches keeps the library running. */
        if (!res[i]) {
            g_warning("ingest pattern %d: %s", i, error->message);
            g_error_free(error);
            res[i] = g_regex_new("(?!)", 0, 0, NULL);
        }
    }
    return res;
}

static GRegex *
re(int which)
{
    static GOnce once = G_ONCE_INIT;
    GRegex **res = g_once(&once, compile_all, NULL);
    return res[which];
}

static gboolean
matches(int which, const char *s)
{
    return g_regex_match(re(which), s, 0, NULL);
}

/* RE_CHROME. Its ".*" stop at line breaks (GRegex's "any" newline), so
 * its two faster halves say the same only of a line without one. Builds
 * with DOSSIER_CHECK_FILTERS check that they do. */
static gboolean
chrome(const char *line)
{
    if (strpbrk(line, "\r\n\v\f") || strstr(line, "\xc2\x85") || strstr(line, "\u2028") ||
        strstr(line, "\u2029"))
        return matches(RE_CHROME, line);
    gboolean fast = matches(RE_CHROME_START, line) || matches(RE_CHROME_ANYWHERE, line);
#ifdef DOSSIER_CHECK_FILTERS
    if (fast != matches(RE_CHROME, line))
        g_error("chrome() and RE_CHROME disagree on \"%s\"", line);
#endif
    return fast;
}

guint
dsr__count_words(const char *s)
{
    return dsr__count_words_upto(s, G_MAXUINT);
}

guint
dsr__count_words_upto(const char *s, guint cap)
{
    guint n = 0;
    gboolean in = FALSE;
    for (const char *p = s; *p;) {
        guchar b = (guchar)*p;
        gboolean letter;
        if (b < 0x80) {
            letter = g_ascii_isalnum(b) || b == '\'' || b == '-';
            p++;
        } else {
            gunichar c = g_utf8_get_char(p);
            letter = g_unichar_isalnum(c) || c == 0x2019;
            p = g_utf8_next_char(p);
        }
        if (letter && !in && ++n >= cap)
            return n;
        in = letter;
    }
    return n;
}

/* A caption is one sentence (or a fragment) ending with a credit. Several
 * sentences before the credit are a paragraph that carries one. */
static gboolean
is_single_sentence(const char *s, gsize len)
{
    g_autofree char *part = g_strndup(s, len);
    g_autoptr(GPtrArray) sentences = dsr_text_sentences(part);
    return sentences->len <= 1;
}

char *
dsr__source_line_url(const char *line)
{
    g_autoptr(GMatchInfo) mi = NULL;
    if (!g_regex_match(re(RE_SOURCE), line, 0, &mi))
        return NULL;
    g_autofree char *rest = g_match_info_fetch(mi, 1);
    g_strstrip(rest);
    /* "Source : Reuters" credits an agency; only a single token with a scheme
     * or a dotted host is an address. */
    if (strchr(rest, ' ') || !(strstr(rest, "://") || strchr(rest, '.') || strchr(rest, ':')))
        return NULL;
    return g_steal_pointer(&rest);
}

/* RE_CAPTION_END needs one of its credit words: a line without any is
 * skipped before the regex walks it (most lines of an article). */
static gboolean
caption_end(const char *s, GMatchInfo **mi)
{
    if (!strstr(s, "Photo") && !strstr(s, "\u1ea2nh") && !strstr(s, "Cr\u00e9dit") &&
        !strstr(s, "Illustration"))
        return FALSE;
    return g_regex_match(re(RE_CAPTION_END), s, 0, mi);
}

/* RE_SIGNOFF_TRAILING ends on a dash and an agency, with no dash after it:
 * the match can only start at the string's last dash, after the spaces
 * before it, so the regex starts there instead of at every punctuation mark. */
static gboolean
signoff_trailing(const char *s, GMatchInfo **mi)
{
    /* One backward walk: strstr() in a loop is quadratic under ASan, which
     * measures the whole rest of the string at each call. */
    const char *last = NULL;
    for (gsize n = strlen(s); n > 0 && !last; n--) {
        const char *c = s + n - 1;
        if (*c == '-')
            last = c;
        else if (n >= 3 && (guchar)c[-2] == 0xE2 && (guchar)c[-1] == 0x80 &&
                 ((guchar)c[0] == 0x93 || (guchar)c[0] == 0x94))
            last = c - 2;
    }
    if (!last)
        return FALSE;
    const char *from = last;
    for (;;) {
        const char *prev = from > s ? g_utf8_find_prev_char(s, from) : NULL;
        if (!prev)
            break;
        gunichar u = g_utf8_get_char(prev);
        if (!(g_unichar_isspace(u) || u == 0x00A0 || u == 0x202F || u == 0x2009))
            break;
        from = prev;
    }
    return g_regex_match_full(re(RE_SIGNOFF_TRAILING), s, -1, (gint)(from - s), 0, mi, NULL);
}

DsrLineKind
dsr__classify_line(const char *raw)
{
    g_autofree char *line = dsr_text_squeeze(raw);
    return dsr__classify_squeezed_line(line);
}

DsrLineKind
dsr__classify_squeezed_line(const char *line)
{
    if (!*line)
        return DSR__LINE_TEXT;
    /* Counted up to 61: no test below reads past 60 words. */
    guint words = dsr__count_words_upto(line, 61);

    if (matches(RE_RELATED, line))
        return DSR__LINE_RELATED;
    if (matches(RE_SOURCE, line) && words <= 12)
        return DSR__LINE_SOURCE;
    if (matches(RE_COMMENT, line))
        return DSR__LINE_CHROME;
    if (words <= 40 && chrome(line))
        return DSR__LINE_CHROME;
    if (matches(RE_SIGNOFF, line))
        return DSR__LINE_SIGNOFF;

    /* Each of these two holds its word as written: looked for first. */
    if ((strstr(line, "\u1ea3nh") && matches(RE_CAPTION_ANH, line)) ||
        (strstr(line, "hoto") && matches(RE_CAPTION_FILE, line)) ||
        (words <= 15 && matches(RE_CAPTION_START, line)))
        return DSR__LINE_CAPTION;
    g_autoptr(GMatchInfo) mi = NULL;
    if (caption_end(line, &mi)) {
        int start, end;
        g_match_info_fetch_pos(mi, 1, &start, &end);
        int credit_start;
        g_match_info_fetch_pos(mi, 0, &credit_start, NULL);
        if (end - start <= 40 && is_single_sentence(line, (gsize)credit_start))
            return DSR__LINE_CAPTION;
    }

    /* A caption whose credit a saved page left as a bare separator: "Le
     * ministre X (droite) et l'ambassadeur Y ont signé … au Vietnam. |". */
    gsize len = strlen(line);
    if (len > 3 && words <= 60 && g_str_has_suffix(line, " |") &&
        (line[len - 3] == '.' || line[len - 3] == ')') && is_single_sentence(line, len - 2))
        return DSR__LINE_CAPTION;

    if (words <= 20 && matches(RE_BYLINE_LEAD, line))
        return DSR__LINE_BYLINE;
    gboolean ends_sentence = g_str_has_suffix(line, ".");
    if (words <= 15 && !ends_sentence && matches(RE_BYLINE_PAR, line))
        return DSR__LINE_BYLINE;
    if (words <= 6 && matches(RE_BYLINE_PIPE, line))
        return DSR__LINE_BYLINE;
    DsrDate d;
    if (words <= 15 && strstr(line, " | ") && dsr__find_written_date(line, &d))
        return DSR__LINE_BYLINE;
    if (words <= 10 && matches(RE_DATE_ONLY, line) && dsr__find_written_date(line, &d))
        return DSR__LINE_BYLINE;
    return DSR__LINE_TEXT;
}

gboolean
dsr_ingest_is_junk_line(const char *line)
{
    g_return_val_if_fail(line != NULL, FALSE);
    return dsr__classify_line(line) != DSR__LINE_TEXT;
}

char *
dsr__strip_trailing_signoff(const char *para, gboolean *found)
{
    g_autoptr(GMatchInfo) mi = NULL;
    *found = FALSE;
    if (!signoff_trailing(para, &mi))
        return g_strdup(para);
    int start;
    g_match_info_fetch_pos(mi, 0, &start, NULL);
    *found = TRUE;
    g_autofree char *kept = g_strndup(para, (gsize)start);
    return dsr_text_squeeze(kept);
}

char *
dsr__strip_trailing_credit(const char *para)
{
    g_autoptr(GMatchInfo) mi = NULL;
    if (!caption_end(para, &mi))
        return g_strdup(para);
    int start, cstart, cend;
    g_match_info_fetch_pos(mi, 0, &start, NULL);
    g_match_info_fetch_pos(mi, 1, &cstart, &cend);
    if (cend - cstart > 40 || start == 0)
        return g_strdup(para);
    g_autofree char *kept = g_strndup(para, (gsize)start);
    char *out = dsr_text_squeeze(kept);
    /* "(Photo: VNA)" leaves its opening bracket behind. */
    gsize n = strlen(out);
    if (n && out[n - 1] == '(')
        out[n - 1] = '\0';
    g_strchomp(out);
    return out;
}

/* "HANOI/WASHINGTON" reads better as "Hanoi/Washington". */
static char *
place_case(const char *place)
{
    gboolean has_lower = FALSE;
    for (const char *p = place; *p; p = g_utf8_next_char(p))
        has_lower |= g_unichar_islower(g_utf8_get_char(p));
    if (has_lower)
        return g_strdup(place);
    GString *out = g_string_new(NULL);
    gboolean first = TRUE;
    for (const char *p = place; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        g_string_append_unichar(out, first ? c : g_unichar_tolower(c));
        first = !g_unichar_isalpha(c);
    }
    return g_string_free(out, FALSE);
}

gsize
dsr__find_dateline(const char *para, gboolean lead_only, char **place, int *day, int *month)
{
    static const int which[] = {RE_DATELINE, RE_DATELINE_CAPS, RE_DATELINE_COLON, RE_DATELINE_DATED,
                                RE_DATELINE_DATED_EN};
    *place = NULL;
    *day = *month = 0;
    for (guint i = 0; i < G_N_ELEMENTS(which); i++) {
        if ((which[i] == RE_DATELINE_COLON || which[i] == RE_DATELINE_DATED ||
             which[i] == RE_DATELINE_DATED_EN) &&
            !lead_only)
            continue; /* forms a sentence may also take: the lead's only */
        g_autoptr(GMatchInfo) mi = NULL;
        if (!g_regex_match(re(which[i]), para, 0, &mi))
            continue;
        int end;
        g_match_info_fetch_pos(mi, 0, NULL, &end);
        if (which[i] == RE_DATELINE_DATED || which[i] == RE_DATELINE_DATED_EN) {
            /* Only with a month named: "Paris, 3 fois plus – " is no dateline. */
            gboolean en = which[i] == RE_DATELINE_DATED_EN;
            g_autofree char *d = g_match_info_fetch(mi, en ? 3 : 2);
            g_autofree char *m = g_match_info_fetch(mi, en ? 2 : 3);
            int mon = dsr_text_month_number(m);
            if (!mon)
                continue;
            g_autofree char *where = g_match_info_fetch(mi, 1);
            *place = place_case(where);
            *day = atoi(d);
            *month = mon;
            return (gsize)end;
        }
        g_autofree char *where = g_match_info_fetch(mi, 1);
        if (where && *where)
            *place = place_case(where);
        if (which[i] != RE_DATELINE_COLON) {
            g_autofree char *d = g_match_info_fetch(mi, 2);
            g_autofree char *m = g_match_info_fetch(mi, 3);
            int mon = m && *m ? dsr_text_month_number(m) : 0;
            if (mon && d && *d) {
                *day = atoi(d);
                *month = mon;
            }
        }
        return (gsize)end;
    }
    return 0;
}

/* Month names of the languages that reach us through agencies' pages besides
 * French and English (Italian "24 Aprile 2024" from ice.it, Spanish, German). */
static int
month_number(const char *word)
{
    int m = dsr_text_month_number(word);
    if (m)
        return m;
    static const char *const other[] = {
        "gennaio", "febbraio", "marzo",      "aprile",  "maggio",    "giugno",
        "luglio",  "agosto",   "settembre",  "ottobre", "novembre",  "dicembre",
        "enero",   "febrero",  "marzo",      "abril",   "mayo",      "junio",
        "julio",   "agosto",   "septiembre", "octubre", "noviembre", "diciembre",
        "januar",  "februar",  "märz",       "april",   "mai",       "juni",
        "juli",    "august",   "september",  "oktober", "november",  "dezember",
    };
    g_autofree char *low = g_utf8_strdown(word, -1);
    for (guint i = 0; i < G_N_ELEMENTS(other); i++)
        if (strcmp(low, other[i]) == 0)
            return (int)(i % 12) + 1;
    return 0;
}

static gboolean
make_date(int y, int m, int d, DsrDate *out)
{
    g_autofree char *iso =
        d ? g_strdup_printf("%04d-%02d-%02d", y, m, d) : g_strdup_printf("%04d-%02d", y, m);
    return dsr_date_parse_iso(iso, out);
}

gboolean
dsr__find_written_date(const char *s, DsrDate *out)
{
    g_autoptr(GMatchInfo) mi = NULL;
    if (g_regex_match(re(RE_DATE_NUMERIC), s, 0, &mi)) {
        g_autofree char *a = g_match_info_fetch(mi, 1);
        g_autofree char *b = g_match_info_fetch(mi, 2);
        g_autofree char *y = g_match_info_fetch(mi, 3);
        /* Day first, as French and British write; "09/25/2023" can only be American. */
        if (make_date(atoi(y), atoi(b), atoi(a), out) || make_date(atoi(y), atoi(a), atoi(b), out))
            return TRUE;
    }
    g_clear_pointer(&mi, g_match_info_free);
    if (g_regex_match(re(RE_DATE_ISO), s, 0, &mi)) {
        g_autofree char *y = g_match_info_fetch(mi, 1);
        g_autofree char *m = g_match_info_fetch(mi, 2);
        g_autofree char *d = g_match_info_fetch(mi, 3);
        if (make_date(atoi(y), atoi(m), atoi(d), out))
            return TRUE;
    }
    g_clear_pointer(&mi, g_match_info_free);
    for (g_regex_match(re(RE_DATE_DMY), s, 0, &mi); g_match_info_matches(mi);
         g_match_info_next(mi, NULL)) {
        g_autofree char *d = g_match_info_fetch(mi, 1);
        g_autofree char *m = g_match_info_fetch(mi, 2);
        g_autofree char *y = g_match_info_fetch(mi, 3);
        int mon = month_number(m);
        if (mon && make_date(atoi(y), mon, atoi(d), out))
            return TRUE;
    }
    g_clear_pointer(&mi, g_match_info_free);
    for (g_regex_match(re(RE_DATE_MDY), s, 0, &mi); g_match_info_matches(mi);
         g_match_info_next(mi, NULL)) {
        g_autofree char *m = g_match_info_fetch(mi, 1);
        g_autofree char *d = g_match_info_fetch(mi, 2);
        g_autofree char *y = g_match_info_fetch(mi, 3);
        int mon = month_number(m);
        if (mon && make_date(atoi(y), mon, atoi(d), out))
            return TRUE;
    }
    g_clear_pointer(&mi, g_match_info_free);
    for (g_regex_match(re(RE_DATE_MY), s, 0, &mi); g_match_info_matches(mi);
         g_match_info_next(mi, NULL)) {
        g_autofree char *m = g_match_info_fetch(mi, 1);
        g_autofree char *y = g_match_info_fetch(mi, 2);
        int mon = month_number(m);
        if (mon && make_date(atoi(y), mon, 0, out))
            return TRUE;
    }
    return FALSE;
}

gboolean
dsr__url_date(const char *url, DsrDate *out)
{
    /* Only the path: a host or a query string ("?id=20231010") says nothing. */
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : NULL;
    if (!path)
        return FALSE;
    g_autofree char *p = g_strndup(path, strcspn(path, "?#"));
    static const int which[] = {RE_URL_YMD, RE_URL_DIGITS, RE_URL_YM};
    for (guint i = 0; i < G_N_ELEMENTS(which); i++) {
        g_autoptr(GMatchInfo) mi = NULL;
        for (g_regex_match(re(which[i]), p, 0, &mi); g_match_info_matches(mi);
             g_match_info_next(mi, NULL)) {
            g_autofree char *y = g_match_info_fetch(mi, 1);
            g_autofree char *m = g_match_info_fetch(mi, 2);
            g_autofree char *d = which[i] == RE_URL_YM ? NULL : g_match_info_fetch(mi, 3);
            if (make_date(atoi(y), atoi(m), d ? atoi(d) : 0, out))
                return TRUE;
        }
    }
    return FALSE;
}

/* The years written with @day and @month in @sentence ("27 novembre 2025"). */
static int
latest_year_of(const char *sentence, int day, int month)
{
    int best = 0;
    g_autoptr(GMatchInfo) mi = NULL;
    for (g_regex_match(re(RE_DATE_DMY), sentence, 0, &mi); g_match_info_matches(mi);
         g_match_info_next(mi, NULL)) {
        g_autofree char *d = g_match_info_fetch(mi, 1);
        g_autofree char *m = g_match_info_fetch(mi, 2);
        g_autofree char *y = g_match_info_fetch(mi, 3);
        if (atoi(d) == day && month_number(m) == month)
            best = MAX(best, atoi(y));
    }
    return best;
}

gboolean
dsr__lead_event_date(const char *lead, DsrDate *out, gboolean *undated_day)
{
    *undated_day = FALSE;
    g_autoptr(GPtrArray) sentences = dsr_text_sentences(lead);
    for (guint i = 0; i < sentences->len; i++) {
        const char *s = g_ptr_array_index(sentences, i);
        g_autoptr(GMatchInfo) mi = NULL;
        for (g_regex_match(re(RE_DAY_MONTH), s, 0, &mi); g_match_info_matches(mi);
             g_match_info_next(mi, NULL)) {
            g_autofree char *d1 = g_match_info_fetch(mi, 1);
            g_autofree char *m1 = g_match_info_fetch(mi, 2);
            g_autofree char *m2 = g_match_info_fetch(mi, 3);
            g_autofree char *d2 = g_match_info_fetch(mi, 4);
            int day = atoi(d1 && *d1 ? d1 : d2 ? d2 : "0");
            int month = month_number(m1 && *m1 ? m1 : m2 ? m2 : "");
            if (!month || !day)
                continue;
            /* The year comes from the same sentence only: the day again with
             * its year, or the event's name. */
            int year = latest_year_of(s, day, month);
            if (!year) {
                g_autoptr(GMatchInfo) ev = NULL;
                if (g_regex_match(re(RE_EVENT_YEAR), s, 0, &ev)) {
                    g_autofree char *y = g_match_info_fetch(ev, 1);
                    year = atoi(y);
                }
            }
            if (year && make_date(year, month, day, out))
                return TRUE;
            *undated_day = TRUE;
        }
    }
    return FALSE;
}

gboolean
dsr__is_uncredited_caption(const char *para)
{
    guint words = dsr__count_words(para);
    if (words < 6 || words > 45 || !is_single_sentence(para, strlen(para)))
        return FALSE;
    if (matches(RE_SENTENCE_START, para) || matches(RE_FINITE_VERB, para))
        return FALSE;
    g_autoptr(GMatchInfo) mi = NULL;
    if (!g_regex_match(re(RE_CAPTION_DATE), para, 0, &mi))
        return FALSE;
    /* The word after "le"/"on" must name a month: "le 3e pays" is no date. */
    g_autofree char *m1 = g_match_info_fetch(mi, 1);
    g_autofree char *m2 = g_match_info_fetch(mi, 2);
    if (month_number(m1 && *m1 ? m1 : m2 ? m2 : ""))
        return TRUE;
    return FALSE;
}

gboolean
dsr__lead_day_month(const char *lead, int *day, int *month)
{
    g_autoptr(GPtrArray) sentences = dsr_text_sentences(lead);
    for (guint i = 0; i < MIN(sentences->len, 2u); i++) {
        g_autoptr(GMatchInfo) mi = NULL;
        for (g_regex_match(re(RE_DAY_MONTH), g_ptr_array_index(sentences, i), 0, &mi);
             g_match_info_matches(mi); g_match_info_next(mi, NULL)) {
            g_autofree char *d1 = g_match_info_fetch(mi, 1);
            g_autofree char *m1 = g_match_info_fetch(mi, 2);
            g_autofree char *m2 = g_match_info_fetch(mi, 3);
            g_autofree char *d2 = g_match_info_fetch(mi, 4);
            int d = atoi(d1 && *d1 ? d1 : d2 ? d2 : "0");
            int m = month_number(m1 && *m1 ? m1 : m2 ? m2 : "");
            if (m && d >= 1 && d <= 31) {
                *day = d;
                *month = m;
                return TRUE;
            }
        }
    }
    return FALSE;
}

gboolean
dsr__url_year(const char *url, int *year)
{
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : NULL;
    if (!path)
        return FALSE;
    g_autofree char *p = g_strndup(path, strcspn(path, "?#"));
    /* A folder of its own ("/2025/"), not digits inside a name or an id. */
    for (const char *q = strchr(p, '/'); q; q = strchr(q + 1, '/')) {
        if (strlen(q) >= 6 && g_ascii_isdigit(q[1]) && g_ascii_isdigit(q[2]) &&
            g_ascii_isdigit(q[3]) && g_ascii_isdigit(q[4]) && q[5] == '/') {
            int y = atoi(q + 1);
            if (y >= 1990 && y <= 2199) {
                *year = y;
                return TRUE;
            }
        }
    }
    return FALSE;
}
