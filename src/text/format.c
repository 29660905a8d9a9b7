/* SPDX-License-Identifier: MIT
 * Numbers and typography for readers. French: decimal comma, narrow no-break
 * space between thousands ("16 400", "16,5"), narrow no-break space before
 * ; ! ? % and inside guillemets, no-break space before a colon. English:
 * decimal point, comma thousands. Never locale-dependent. */
#include <dossier/text.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

char *
dsr_text_format_number(double value, int decimals, const char *lang)
{
    const gboolean en = g_strcmp0(lang, "en") == 0;
    if (!isfinite(value))
        return g_strdup("–");
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    char buf[64];
    /* g_ascii_formatd ignores the C locale's decimal point. */
    g_autofree char *fmt = g_strdup_printf("%%.%df", decimals);
    g_ascii_formatd(buf, sizeof buf, fmt, fabs(value));
    if (strlen(buf) > 40) /* absurd magnitudes: let the digits speak */
        g_ascii_formatd(buf, sizeof buf, "%.6g", fabs(value));
    char *dot = strchr(buf, '.');
    if (dot) {
        char *e = buf + strlen(buf) - 1;
        while (e > dot && *e == '0')
            *e-- = '\0';
        if (e == dot)
            *e = '\0';
    }
    dot = strchr(buf, '.');
    gsize int_len = dot ? (gsize)(dot - buf) : strlen(buf);
    const gboolean negative = value < 0 && strspn(buf, "0.") != strlen(buf);
    GString *out = g_string_new(negative ? "−" : "");
    gboolean group = strchr(buf, 'e') == NULL && int_len > (en ? 3u : 4u);
    for (gsize i = 0; i < int_len; i++) {
        if (group && i > 0 && (int_len - i) % 3 == 0)
            g_string_append(out, en ? "," : "\u202f");
        g_string_append_c(out, buf[i]);
    }
    if (dot) {
        g_string_append_c(out, en ? '.' : ',');
        g_string_append(out, dot + 1);
    }
    return g_string_free(out, FALSE);
}

/* "Pourquoi?" gets its space, "?q=1" in an address does not: the mark must
 * follow a word and end it. */
static gboolean
ends_word(const GString *out, const char *mark)
{
    gunichar prev = g_utf8_get_char(g_utf8_prev_char(out->str + out->len));
    gunichar next = g_utf8_get_char(g_utf8_next_char(mark));
    return (g_unichar_isalnum(prev) || prev == '%' || prev == 0x00BB || prev == '"' ||
            prev == ')') &&
           (next == '\0' || dsr_text_is_space(next) || next == 0x00BB || next == '"');
}

char *
dsr_text_typography(const char *s, const char *lang)
{
    if (g_strcmp0(lang, "fr") != 0)
        return g_strdup(s);
    GString *out = g_string_sized_new(strlen(s) + 16);
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        gboolean before = c == ';' || c == '!' || c == '?' || c == '%' || c == 0x00BB;
        if (before || c == ':') {
            /* Replace the ordinary space the writer put there, or add one
             * where there was none after a word. "http://" is left alone. */
            gboolean url = c == ':' && p[1] == '/' && p[2] == '/';
            if (!url) {
                if (out->len && out->str[out->len - 1] == ' ') {
                    g_string_truncate(out, out->len - 1);
                    g_string_append(out, c == ':' ? "\u00a0" : "\u202f");
                } else if (out->len && !g_str_has_suffix(out->str, "\u202f") &&
                           !g_str_has_suffix(out->str, "\u00a0") &&
                           (c == 0x00BB || c == '%' || (c != ':' && ends_word(out, p)))) {
                    g_string_append(out, "\u202f");
                }
            }
        }
        g_string_append_unichar(out, c);
        if (c == 0x00AB) {
            const char *next = g_utf8_next_char(p);
            gunichar n = g_utf8_get_char(next);
            if (n == ' ' || n == 0x00A0)
                p = next; /* the loop steps over the space we replace */
            if (n != 0x202F && n != '\0')
                g_string_append(out, "\u202f");
        }
    }
    return g_string_free(out, FALSE);
}
