/* SPDX-License-Identifier: MIT
 * Partial dates (year, year-month, day): ISO parsing that refuses dates that
 * do not exist, ordering, month names in French and English. */
#include <dossier/text.h>
#include <stdio.h>
#include <string.h>

static gboolean
valid(int y, int m, int d)
{
    if (y < 1900 || y > 2199)
        return FALSE;
    if (m == 0)
        return d == 0;
    if (m < 1 || m > 12)
        return FALSE;
    return d == 0 || g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y);
}

static int
digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!g_ascii_isdigit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

gboolean
dsr_date_parse_iso(const char *s, DsrDate *out)
{
    if (!s)
        return FALSE;
    DsrDate d = {0, 0, 0};
    if ((d.year = digits(s, 4)) < 0)
        return FALSE;
    s += 4;
    if (*s == '-') {
        if ((d.month = digits(s + 1, 2)) < 0)
            return FALSE;
        s += 3;
        if (*s == '-') {
            if ((d.day = digits(s + 1, 2)) < 0)
                return FALSE;
            s += 3;
        }
    }
    /* A timestamp's time part ("T10:00:00+07:00") is allowed after a full date. */
    if (*s && !(d.day && (*s == 'T' || *s == ' ')))
        return FALSE;
    if (!valid(d.year, d.month, d.day))
        return FALSE;
    *out = d;
    return TRUE;
}

char *
dsr_date_to_iso(const DsrDate *d)
{
    if (!d || d->year == 0)
        return NULL;
    if (d->month == 0)
        return g_strdup_printf("%04d", d->year);
    if (d->day == 0)
        return g_strdup_printf("%04d-%02d", d->year, d->month);
    return g_strdup_printf("%04d-%02d-%02d", d->year, d->month, d->day);
}

int
dsr_date_compare(const DsrDate *a, const DsrDate *b)
{
    int ka = a->year * 10000 + a->month * 100 + a->day;
    int kb = b->year * 10000 + b->month * 100 + b->day;
    return (ka > kb) - (ka < kb);
}

static const struct {
    const char *name;
    int month;
} months[] = {
    {"janvier", 1},   {"fevrier", 2},   {"mars", 3},      {"avril", 4},     {"mai", 5},
    {"juin", 6},      {"juillet", 7},   {"aout", 8},      {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"decembre", 12}, {"january", 1},   {"february", 2},  {"march", 3},
    {"april", 4},     {"may", 5},       {"june", 6},      {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10},  {"november", 11}, {"december", 12}, {"janv", 1},
    {"fevr", 2},      {"avr", 4},       {"juil", 7},      {"sept", 9},      {"oct", 10},
    {"nov", 11},      {"dec", 12},      {"jan", 1},       {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},       {"jul", 7},       {"aug", 8},       {"sep", 9},
};

int
dsr_text_month_number(const char *word)
{
    if (!word)
        return 0;
    /* An ASCII word (most of those asked) is lowered on the stack: the
     * summary asks this of every capitalised word of its candidates. */
    char buf[16];
    gsize n = 0;
    while (n < sizeof buf - 1 && (g_ascii_isalnum(word[n]) || word[n] == '.')) {
        buf[n] = g_ascii_tolower(word[n]); /* what folding gives these */
        n++;
    }
    g_autofree char *folded = NULL;
    const char *w = buf;
    if (!word[n]) {
        buf[n] = '\0';
    } else {
        w = folded = dsr_text_fold_ascii(word);
        n = strlen(w);
    }
    char *end = (char *)w + n;
    if (n && end[-1] == '.')
        end[-1] = '\0';
    for (guint i = 0; i < G_N_ELEMENTS(months); i++)
        if (w[0] == months[i].name[0] && strcmp(w, months[i].name) == 0)
            return months[i].month;
    return 0;
}

static const char *const month_fr[] = {"janvier",   "février", "mars",     "avril",
                                       "mai",       "juin",    "juillet",  "août",
                                       "septembre", "octobre", "novembre", "décembre"};
static const char *const month_en[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};

char *
dsr_text_format_date(const DsrDate *d, const char *lang)
{
    if (!d || d->year == 0)
        return g_strdup("");
    const gboolean en = g_strcmp0(lang, "en") == 0;
    const char *const *names = en ? month_en : month_fr;
    if (d->month == 0)
        return g_strdup_printf("%d", d->year);
    if (d->day == 0)
        return g_strdup_printf("%s %d", names[d->month - 1], d->year);
    if (en)
        return g_strdup_printf("%d %s %d", d->day, names[d->month - 1], d->year);
    /* French writes the first of the month as an ordinal: 1er novembre. */
    return d->day == 1 ? g_strdup_printf("1er %s %d", names[d->month - 1], d->year)
                       : g_strdup_printf("%d %s %d", d->day, names[d->month - 1], d->year);
}
