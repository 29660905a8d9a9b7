/* SPDX-License-Identifier: MIT
 * Plain text as pasted from news sites. Each line is classified (junk.c);
 * the text lines left are rejoined where a site broke a phrase, the head
 * (kickers, bylines, captions before the title) is set apart from the title,
 * the lead's dateline is taken off, and everything after an agency sign-off
 * is dropped (sites append the next story). The date comes from the " date"
 * marker, a byline, the URL or a caption, refined by the dateline's day. */
#include "ingest-private.h"
#include <dossier/error.h>
#include <string.h>

typedef struct {
    char *text; /* squeezed */
    DsrLineKind kind;
    gboolean joined; /* only blank lines since the previous line */
    gboolean drop;
} Unit;

static void
unit_clear(gpointer data)
{
    g_free(((Unit *)data)->text);
}

/* Takes a leading " date 2024-04" marker off @text; returns where the rest starts. */
static const char *
take_date_marker(const char *text, DsrArticle *article, DsrDate *date)
{
    const char *p = text;
    while (*p && g_ascii_isspace(*p))
        p++;
    if (!g_str_has_prefix(p, "date ") && !g_str_has_prefix(p, "Date "))
        return text;
    const char *tok = p + 5;
    while (*tok == ' ')
        tok++;
    gsize n = strspn(tok, "0123456789-T:+Z");
    if (n < 4 || !g_ascii_isdigit(tok[0]))
        return text;
    g_autofree char *value = g_strndup(tok, n);
    if (!dsr_date_parse_iso(value, date))
        g_ptr_array_add(article->warnings,
                        g_strdup_printf("date marker \"%s\" is not a valid date: ignored", value));
    const char *rest = tok + n;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    return rest;
}

static gboolean
has_letters(const GPtrArray *paragraphs)
{
    for (guint i = 0; i < paragraphs->len; i++)
        for (const char *p = g_ptr_array_index(paragraphs, i); *p; p = g_utf8_next_char(p))
            if (g_unichar_isalpha(g_utf8_get_char(p)))
                return TRUE;
    return FALSE;
}

static gboolean
is_terminal(gunichar c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == 0x00BB ||
           c == '"' || c == 0x201D || c == ')' || c == ']';
}

static gunichar
last_char_n(const char *s, gsize n)
{
    return n ? g_utf8_get_char(g_utf8_prev_char(s + n)) : 0;
}

static gunichar
last_char(const char *s)
{
    return last_char_n(s, strlen(s));
}

/* A site broke a phrase over lines ("entre le Vietnam et l’" / "UE" / "a
 * atteint"): the separator to join them with, or NULL to keep them apart. */
static const char *
join_separator(gunichar last, const char *next)
{
    gunichar first = g_utf8_get_char(next);
    if (last == '\'' || last == 0x2019)
        return "";
    /* No paragraph ends on a comma: "Last year," / "Vietnam had…". */
    if (last == ',' && g_unichar_isalnum(first))
        return " ";
    if (!is_terminal(last) && g_unichar_islower(first))
        return " ";
    return NULL;
}

/* A line that is only a name or a section label: "Jean Delaunay", "Vietnam". */
static gboolean
is_name_only(const char *s)
{
    guint words = dsr__count_words_upto(s, 5);
    if (words == 0 || words > 4 || is_terminal(last_char(s)))
        return FALSE;
    g_auto(GStrv) parts = g_strsplit(s, " ", -1);
    for (guint i = 0; parts[i]; i++) {
        gunichar c = g_utf8_get_char(parts[i]);
        if (!*parts[i] || c == '-' || c == 0x2013)
            continue;
        if (!g_unichar_isupper(c) || strpbrk(parts[i], "0123456789"))
            return FALSE;
    }
    return TRUE;
}

static gboolean
is_kicker(const char *s)
{
    return is_name_only(s) || (dsr__count_words_upto(s, 3) < 3 && last_char(s) != '.');
}

static gboolean
is_title_like(const char *s)
{
    guint words = dsr__count_words_upto(s, 31);
    gunichar last = last_char(s);
    gunichar first = g_utf8_get_char(s);
    return words >= 3 && words <= 30 && strlen(s) <= 260 && last != '.' && last != ':' &&
           last != ',' && last != ';' && !g_unichar_islower(first);
}

/* A title of one to four words: capitalised, without final punctuation, not
 * a date or a bare number. */
static gboolean
is_short_title(const char *s)
{
    gunichar first = g_utf8_get_char(s);
    gunichar last = last_char(s);
    DsrDate d;
    return (g_unichar_isupper(first) || g_unichar_isdigit(first)) && !g_unichar_ispunct(last) &&
           dsr__count_words_upto(s, 7) <= 6 && !dsr__find_written_date(s, &d) &&
           dsr__classify_line(s) == DSR__LINE_TEXT;
}

/* Prose: a long line, or sentences that end as sentences do. */
static gboolean
is_body_paragraph(const char *s)
{
    guint words = dsr__count_words_upto(s, 15);
    return words >= 15 || (words >= 6 && last_char(s) == '.');
}

static gboolean
is_single_sentence_line(const char *s)
{
    if (last_char(s) != '.' || dsr__count_words_upto(s, 61) > 60)
        return FALSE;
    g_autoptr(GPtrArray) sentences = dsr_text_sentences(s);
    return sentences->len == 1;
}

/* A line that quotes a sum or a share ("a loan worth more than JPY61 billion
 * (about VND10,670 billion)", "en hausse de 12 %"): a lead printed before
 * its title, not a photo's caption, which names people and places. */
static gboolean
carries_amount(const char *s)
{
    static GRegex *re = NULL;
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        re =
            g_regex_new("[0-9]\\s?(%|pour cent|per ?cent|milliards?|millions?|billions?|trillions?|"
                        "mds?\\b|bn\\b|usd|eur|vnd|jpy|krw|cny|rub|dollars?|euros?|yens?|dongs?|"
                        "wons?|yuans?|roubles?)|(\\$|€|¥|₫|usd|eur|vnd|jpy|us\\$)\\s?[0-9]",
                        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return re && g_regex_match(re, s, 0, NULL);
}

/* The date a caption gives the article: a photo of the day is dated to its
 * day ("…, le 27 juin 2024"); "lors du Sommet du G7, en juin 2018" is an
 * archive picture, not the article's date. */
static gboolean
caption_date(const char *line, DsrDate *d)
{
    return dsr__find_written_date(line, d) && d->day != 0;
}

/* Adopts @cand when it agrees with what @date already knows and says more. */
static void
refine_date(DsrDate *date, const DsrDate *cand)
{
    if (cand->year == 0)
        return;
    if (date->year == 0) {
        *date = *cand;
        return;
    }
    if (cand->year != date->year || (date->month && cand->month != date->month) ||
        (date->day && cand->day != date->day))
        return;
    *date = *cand;
}

/* A year alone (from a URL folder, a marker or an export's field) takes the
 * day and month of the lead's event: "le 21 octobre" in an article of 2025.
 * A date that has its month keeps it: the day of an event is not the day of
 * the article. Without a year nothing is guessed. */
static void
refine_year_only(DsrDate *date, const DsrArticle *article)
{
    if (date->year == 0 || date->month != 0)
        return;
    int day, month;
    for (guint i = 0; i < MIN(2u, article->paragraphs->len); i++)
        if (dsr__lead_day_month(g_ptr_array_index(article->paragraphs, i), &day, &month)) {
            DsrDate d;
            g_autofree char *iso = g_strdup_printf("%04d-%02d-%02d", date->year, month, day);
            if (dsr_date_parse_iso(iso, &d))
                *date = d;
            return;
        }
}

static guint
next_kept(GArray *units, guint i)
{
    while (i < units->len && g_array_index(units, Unit, i).drop)
        i++;
    return i;
}

/* "Une usine à Bac Ninh. Photo: VNA Hanoï (VNA) - Le géant…": a caption glued
 * to the lead. Returns the offset of the dateline, or 0. */
static gsize
caption_before_dateline(const char *s)
{
    const char *photo = strstr(s, "Photo");
    if (!photo)
        return 0;
    /* The credit has a word or two: the last start that reads as a dateline
     * with a place is the lead ("VNA Hanoï (VNA)" would take the credit for a
     * place, "(VNA) -" would lose the place). */
    const char *p = photo;
    gsize found = 0;
    for (int k = 0; k < 6; k++) {
        p = strchr(p, ' ');
        if (!p)
            break;
        p++;
        g_autofree char *place = NULL;
        int d, m;
        if (dsr__find_dateline(p, FALSE, &place, &d, &m) > 0 && (place || !found))
            found = (gsize)(p - s);
    }
    return found;
}

/* Two copies of a paragraph differ at most in spacing: sites glue words
 * ("duVietnam") in one copy and not in the other. */
static char *
dedup_key(const char *s)
{
    char *key = dsr_text_fold(s);
    gsize n = 0;
    for (const char *p = key; *p; p++)
        if (*p != ' ')
            key[n++] = *p;
    key[n] = '\0';
    return key;
}

/* g_strsplit(s, "\n", -1), without its strstr() per line: sanitizers check
 * strstr()'s whole haystack on each call, which made 100 000 short lines a
 * quadratic, minutes-long read under ASan. */
static char **
split_lines(const char *s)
{
    GPtrArray *out = g_ptr_array_new();
    for (const char *p = s;;) {
        const char *nl = strchr(p, '\n');
        if (!nl) {
            g_ptr_array_add(out, g_strdup(p));
            break;
        }
        g_ptr_array_add(out, g_strndup(p, (gsize)(nl - p)));
        p = nl + 1;
    }
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(out, FALSE);
}

gboolean
dsr__ingest_text(const char *text, DsrArticle *article, DsrKnownFields known, GError **error)
{
    DsrDate date = {0, 0, 0}, byline = {0, 0, 0}, caption = {0, 0, 0};
    const char *body = take_date_marker(text, article, &date);
    g_autoptr(GArray) units = g_array_new(FALSE, TRUE, sizeof(Unit));
    g_array_set_clear_func(units, unit_clear);
    g_autofree char *source_url = NULL;

    /* 1. One unit per non-empty line, classified. */
    g_auto(GStrv) lines = split_lines(body);
    gboolean joined = TRUE;
    guint text_seen = 0;
    for (guint i = 0; lines[i]; i++) {
        g_autofree char *line = dsr_text_squeeze(lines[i]);
        if (!*line)
            continue;
        DsrLineKind kind = dsr__classify_squeezed_line(line);
        DsrDate d;
        if (kind == DSR__LINE_SOURCE) {
            char *url = dsr__source_line_url(line);
            if (url) {
                g_free(source_url);
                source_url = url;
            }
        } else if (kind == DSR__LINE_BYLINE && byline.year == 0 &&
                   dsr__find_written_date(line, &d)) {
            byline = d;
        } else if (kind == DSR__LINE_CAPTION && caption.year == 0 && text_seen < 3 &&
                   caption_date(line, &d)) {
            caption = d;
        }
        if (kind != DSR__LINE_TEXT && kind != DSR__LINE_SIGNOFF) {
            joined = FALSE; /* junk between two lines keeps them apart */
            continue;
        }
        Unit u = {g_steal_pointer(&line), kind, joined, FALSE};
        g_array_append_val(units, u);
        joined = TRUE;
        text_seen += kind == DSR__LINE_TEXT;
    }

    /* 2. Rejoin phrases broken over lines, in one pass: a GString grows the
     * unit being joined so that a long run of broken lines stays linear. */
    guint kept = 0;
    GString *growing = NULL; /* the text of unit kept - 1 while it grows */
    for (guint i = 0; i < units->len; i++) {
        Unit *cur = &g_array_index(units, Unit, i);
        if (kept > 0) {
            Unit *prev = &g_array_index(units, Unit, kept - 1);
            gunichar last =
                growing ? last_char_n(growing->str, growing->len) : last_char(prev->text);
            const char *sep =
                cur->joined && prev->kind == DSR__LINE_TEXT && cur->kind == DSR__LINE_TEXT
                    ? join_separator(last, cur->text)
                    : NULL;
            if (sep) {
                if (!growing) {
                    growing = g_string_new(prev->text);
                    g_clear_pointer(&prev->text, g_free);
                }
                g_string_append(growing, sep);
                g_string_append(growing, cur->text);
                g_clear_pointer(&cur->text, g_free);
                continue;
            }
            if (growing)
                prev->text = g_string_free(g_steal_pointer(&growing), FALSE);
        }
        if (kept != i) {
            g_array_index(units, Unit, kept) = *cur;
            cur->text = NULL;
        }
        kept++;
    }
    if (growing)
        g_array_index(units, Unit, kept - 1).text = g_string_free(g_steal_pointer(&growing), FALSE);
    g_array_set_size(units, kept);

    /* 3. A sign-off ends the article: what follows is another story. A lone
     * agency name before any paragraph is a byline ("AFP"). */
    guint cut = units->len;
    gboolean seen_paragraph = FALSE;
    for (guint i = 0; i < units->len && cut == units->len; i++) {
        Unit *u = &g_array_index(units, Unit, i);
        if (u->kind == DSR__LINE_SIGNOFF) {
            u->drop = TRUE;
            if (seen_paragraph)
                cut = i + 1;
            continue;
        }
        gboolean found;
        char *stripped = dsr__strip_trailing_signoff(u->text, &found);
        g_free(u->text);
        u->text = stripped;
        if (found)
            cut = i + 1;
        seen_paragraph |= dsr__count_words_upto(u->text, 15) >= 15;
    }
    guint after_signoff = 0;
    for (guint i = cut; i < units->len; i++) {
        Unit *u = &g_array_index(units, Unit, i);
        after_signoff += u->kind == DSR__LINE_TEXT;
        u->drop = TRUE;
    }
    if (after_signoff)
        g_ptr_array_add(article->warnings,
                        g_strdup_printf("dropped %u paragraph%s after the agency sign-off "
                                        "(another story pasted along)",
                                        after_signoff, after_signoff > 1 ? "s" : ""));

    /* 4. The head: kickers, names and captions before the title. */
    guint first_body = next_kept(units, 0);
    guint lead_before = G_MAXUINT; /* a lead printed above its title */
    if (!(known & DSR__KNOWN_TITLE)) {
        guint i = first_body, kickers = 0;
        while (i < units->len && is_kicker(g_array_index(units, Unit, i).text)) {
            i = next_kept(units, i + 1);
            kickers++;
        }
        guint title = units->len;
        if (i < units->len) {
            Unit *u = &g_array_index(units, Unit, i);
            if (is_title_like(u->text)) {
                title = i;
            } else if (is_single_sentence_line(u->text)) {
                guint j = next_kept(units, i + 1);
                while (j < units->len && is_name_only(g_array_index(units, Unit, j).text))
                    j = next_kept(units, j + 1);
                if (j < units->len && is_title_like(g_array_index(units, Unit, j).text)) {
                    DsrDate d;
                    if (carries_amount(u->text)) {
                        lead_before = i; /* kept: the body's first paragraph */
                    } else if (caption.year == 0 && caption_date(u->text, &d)) {
                        caption = d;
                    }
                    title = j;
                }
            }
        }
        /* One short line ("Forum", "Conférence Russie-ASEAN") straight before
         * the body is its title: a kicker needs a title after it. */
        if (title == units->len && kickers == 1 && i < units->len &&
            is_short_title(g_array_index(units, Unit, first_body).text) &&
            is_body_paragraph(g_array_index(units, Unit, i).text))
            title = first_body;
        if (title < units->len) {
            for (guint k = first_body; k < title; k++)
                g_array_index(units, Unit, k).drop = k != lead_before;
            Unit *t = &g_array_index(units, Unit, title);
            article->title = g_strdup(t->text);
            t->drop = TRUE;
            /* A saved page may print its title again under the lead. */
            for (guint k = title + 1; k < units->len; k++) {
                Unit *again = &g_array_index(units, Unit, k);
                if (!again->drop && again->text && strcmp(again->text, t->text) == 0)
                    again->drop = TRUE;
            }
            first_body = next_kept(units, title + 1);
            while (first_body < units->len &&
                   is_name_only(g_array_index(units, Unit, first_body).text)) {
                g_array_index(units, Unit, first_body).drop = TRUE;
                first_body = next_kept(units, first_body + 1);
            }
        }
    }

    /* 5. The lead's dateline. With no title, lines before it are captions
     * without a credit; after a title they are the standfirst, kept. */
    int dl_day = 0, dl_month = 0;
    for (guint k = first_body, n = 0; k < units->len && n < 3; k = next_kept(units, k + 1), n++) {
        Unit *u = &g_array_index(units, Unit, k);
        gsize glued = n == 0 ? caption_before_dateline(u->text) : 0;
        g_autofree char *place = NULL;
        gsize off = dsr__find_dateline(u->text + glued, n == 0, &place, &dl_day, &dl_month);
        if (off == 0) {
            if (dsr__count_words_upto(u->text, 61) > 60)
                break;
            continue;
        }
        for (guint j = first_body; j < k && !article->title; j++)
            g_array_index(units, Unit, j).drop = TRUE;
        char *rest = g_strdup(u->text + glued + off);
        g_free(u->text);
        u->text = rest;
        if (!article->place)
            article->place = g_steal_pointer(&place);
        break;
    }

    /* 6. Paragraphs: credits off, duplicates out. */
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (article->title)
        g_hash_table_add(seen, dedup_key(article->title));
    for (guint i = 0; i < units->len; i++) {
        Unit *u = &g_array_index(units, Unit, i);
        if (u->drop)
            continue;
        g_autofree char *para = dsr__strip_trailing_credit(u->text);
        if (!*para)
            continue;
        /* A photo's caption left without its credit; the article goes on
         * without it (the first paragraph stays: it may be all there is). */
        if (article->paragraphs->len > 0 && dsr__is_uncredited_caption(para))
            continue;
        char *key = dedup_key(para);
        if (g_hash_table_contains(seen, key)) {
            g_free(key);
            continue;
        }
        g_hash_table_add(seen, key);
        g_ptr_array_add(article->paragraphs, g_steal_pointer(&para));
    }
    if (article->paragraphs->len == 0) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT, "no article text left after cleaning");
        return FALSE;
    }
    /* Lines of dashes, bullets or digits are no article: nothing in them can
     * be summarized, and a brief citing them would show only noise. */
    if (!has_letters(article->paragraphs)) {
        g_set_error(error, DSR_ERROR, DSR_ERROR_INPUT,
                    "no article text left after cleaning (no words, only symbols)");
        return FALSE;
    }

    /* 7. Metadata. */
    if (!(known & DSR__KNOWN_URL) && source_url)
        dsr__article_set_url(article, source_url);
    if (!(known & DSR__KNOWN_DATE)) {
        DsrDate url_date = {0, 0, 0};
        if (article->url)
            dsr__url_date(article->url, &url_date);
        refine_date(&date, &byline);
        refine_date(&date, &url_date);
        refine_date(&date, &caption);
        if (dl_month) {
            DsrDate d = {date.year, dl_month, dl_day};
            g_autofree char *iso = dsr_date_to_iso(&d);
            DsrDate checked;
            if (iso && dsr_date_parse_iso(iso, &checked))
                refine_date(&date, &checked);
        }
        /* Last resort: the main event of the lead (a standfirst may come first). */
        DsrDate event;
        gboolean undated_day = FALSE;
        /* The second paragraph only after a standfirst: a lead that dates its
         * event by the day alone is of today, and the paragraph after it
         * often recalls history ("relations établies le 23 mars 1973"). */
        for (guint i = 0; i < MIN(2u, article->paragraphs->len) && date.year == 0 && !undated_day;
             i++)
            if (dsr__lead_event_date(g_ptr_array_index(article->paragraphs, i), &event,
                                     &undated_day))
                date = event;
        int url_year;
        if (date.year == 0 && article->url && dsr__url_year(article->url, &url_year))
            date.year = url_year;
        refine_year_only(&date, article);
        article->date = dsr_date_to_iso(&date);
    } else if (article->date) {
        DsrDate d;
        if (dsr_date_parse_iso(article->date, &d) && d.month == 0) {
            refine_year_only(&d, article);
            g_free(article->date);
            article->date = dsr_date_to_iso(&d);
        }
    }
    return TRUE;
}
