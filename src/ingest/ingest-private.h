/* SPDX-License-Identifier: MIT
 * Shared between the files of the ingest module only: the text pipeline that
 * plain text and JSON bodies go through, the junk-line rules, and the date
 * finders used on bylines, captions and URLs. */
#ifndef DOSSIER_INGEST_PRIVATE_H
#define DOSSIER_INGEST_PRIVATE_H

#include <dossier/ingest.h>
#include <dossier/text.h>

/* What the caller already knows (a JSON record's fields): the text pipeline
 * then does not look for it in the body. */
typedef enum {
    DSR__KNOWN_TITLE = 1 << 0,
    DSR__KNOWN_DATE = 1 << 1,
    DSR__KNOWN_URL = 1 << 2,
} DsrKnownFields;

/* Cleans @text (already valid UTF-8, LF line ends) into @article's paragraphs,
 * filling title, date, url, outlet and place unless @known says the caller set
 * them. FALSE with DSR_ERROR_INPUT when no article text is left. */
gboolean dsr__ingest_text(const char *text, DsrArticle *article, DsrKnownFields known,
                          GError **error);

/* Sets lang (from the paragraphs), id and format; call once paragraphs are final. */
void dsr__article_finish(DsrArticle *article, const char *format);

/* Sets url and outlet from @url when it is http(s); otherwise adds a warning
 * naming what was dropped. */
void dsr__article_set_url(DsrArticle *article, const char *url);

/* JSON or JSON Lines bytes (valid UTF-8) into articles. */
GPtrArray *dsr__ingest_json(const char *text, gsize len, const char *name, gboolean lines,
                            GError **error);

/* A saved HTML page (valid UTF-8, LF line ends) into one article. NULL with
 * DSR_ERROR_INPUT "no article text found in the page" when none is there. */
GPtrArray *dsr__ingest_html(const char *text, const char *name, GError **error);

/* The charset an HTML or XML document declares in its first bytes
 * (<meta charset>, <meta http-equiv=Content-Type>, <?xml encoding?>), or NULL. */
char *dsr__html_declared_charset(const char *data, gsize len);

/* Kinds of lines that are not article text. */
typedef enum {
    DSR__LINE_TEXT = 0,
    DSR__LINE_RELATED, /* ">> Another story" */
    DSR__LINE_CAPTION, /* "… Photo : VNA/CVN", "… ảnh 1" */
    DSR__LINE_SIGNOFF, /* "VNA/CVN", "– VNA", "—VNS" */
    DSR__LINE_SOURCE,  /* "Source : https://…" */
    DSR__LINE_CHROME,  /* "Comment (0)", a lone "|", "Image", cookie banners */
    DSR__LINE_BYLINE,  /* "information fournie par Reuters 10/09/2023 à 18:16", "Khánh Minh |" */
} DsrLineKind;

DsrLineKind dsr__classify_line(const char *line);

/* dsr__classify_line() of a line already squeezed (dsr_text_squeeze()). */
DsrLineKind dsr__classify_squeezed_line(const char *line);

/* TRUE for a caption that carries no credit: one dated phrase without a
 * finite verb ("Cérémonie de signature de l'accord, le 27 juin 2016 à Vinh."). */
gboolean dsr__is_uncredited_caption(const char *para);

/* The URL of a "Source : …" line (new string), or NULL. */
char *dsr__source_line_url(const char *line);

/* @para without a sign-off glued at its end ("… en 1994. -VNA"); *@found tells
 * whether there was one. New string. */
char *dsr__strip_trailing_signoff(const char *para, gboolean *found);

/* @para without a photo credit glued at its end ("… (Sud). Photo : VNA"). New string. */
char *dsr__strip_trailing_credit(const char *para);

/* A dateline at the start of @para ("Hanoï (VNA) –", "Hanoi, 30 mai (VNA) -",
 * "(VOVWORLD) -"): returns the offset where the text proper starts (0: none),
 * the place (new string or NULL) and the day and month it names (0 when none). */
gsize dsr__find_dateline(const char *para, gboolean lead_only, char **place, int *day, int *month);

/* The first date with a year written in @s ("10/09/2023", "Thursday, 01 May
 * 2025", "24 Aprile 2024", "14 Jan 2025", "mai 2019"). */
gboolean dsr__find_written_date(const char *s, DsrDate *out);

/* A date carried by a URL's path ("/2023/09/10/", "-20251220101839271.htm"). */
gboolean dsr__url_date(const char *url, DsrDate *out);

/* The lead's main event, when its sentence states the year: "le 23 avril …
 * Forum 2024", "Le 27 novembre … (27 novembre 2023 - 27 novembre 2025)".
 * @undated_day is set when the lead gives a day without its year ("les 5
 * et 6 juin"): its event is the article's, of a year the lead does not say. */
gboolean dsr__lead_event_date(const char *lead, DsrDate *out, gboolean *undated_day);

/* The first day and month the lead names, with or without a year ("le 21
 * octobre", "on April 19"), in its first two sentences. */
gboolean dsr__lead_day_month(const char *lead, int *day, int *month);

/* The year of a URL whose path has a folder of four digits ("/2025/x.html"). */
gboolean dsr__url_year(const char *url, int *year);

/* Number of words made of letters in @s. */
guint dsr__count_words(const char *s);
/* The same, counting no further than @cap ("at least 40 words?"). */
guint dsr__count_words_upto(const char *s, guint cap);

#endif
