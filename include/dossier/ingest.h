/* SPDX-License-Identifier: MIT
 * Ingestion: a file as users save articles (pasted text, a saved HTML page,
 * a JSON or JSON Lines export) becomes one or more clean DsrArticle values,
 * with junk lines (related links, captions, sign-offs, "Source :" lines)
 * removed and metadata (title, date, url, outlet, language) recovered. */
#ifndef DOSSIER_INGEST_H
#define DOSSIER_INGEST_H

#include <glib.h>

G_BEGIN_DECLS

/* One article, clean. Plain data: consumers read the fields. */
typedef struct {
    char *id;        /* 16 hex digits hashing the cleaned body, folded and without white
                      * space: the same article as text, page or export has the same id */
    char *file;      /* the input path as given; "path#N" for the N-th record of a JSON file */
    char *url;       /* canonical URL (http/https only) or NULL */
    char *outlet;    /* the URL's host without "www." or the declared outlet, or NULL */
    char *title;     /* or NULL when the text has none */
    char *date;      /* "YYYY", "YYYY-MM" or "YYYY-MM-DD", or NULL */
    char *lang;      /* "fr" or "en" */
    char *place;     /* the dateline's place ("Hanoï") or NULL */
    char *format;    /* "text", "html" or "json" */
    GPtrArray *paragraphs; /* char *, clean body paragraphs in order; never contains junk */
    GPtrArray *warnings;   /* char *, things the user should know (e.g. "read as Windows-1252") */
} DsrArticle;

DsrArticle *dsr_article_new(void);
void dsr_article_free(DsrArticle *article);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrArticle, dsr_article_free)

/* Limits and choices of ingestion. */
typedef struct {
    gsize max_file_size; /* bytes; larger files are skipped. 0: the default, 20 MiB */
    /* An article's body is cut after this many bytes of clean text or this
     * many paragraphs (at a paragraph end, else a sentence end), with a
     * warning: no news article comes near, and later stages take time that
     * grows faster than the text. 0: the defaults, 1 MiB and 10 000. */
    gsize max_article_text;
    guint max_paragraphs;
} DsrIngestOptions;

/* Reads @path and returns its articles (a GPtrArray of DsrArticle *, owned by
 * the caller; at least one). The type is decided by content as well as by
 * extension. On failure returns NULL with DSR_ERROR_INPUT and a message
 * prefixed with the path ("x.html: no article text left after cleaning"). */
GPtrArray *dsr_ingest_file(const char *path, const DsrIngestOptions *opt, GError **error);

/* The same from bytes in memory; @name is used as the article's file and in
 * messages, and its extension as a hint. */
GPtrArray *dsr_ingest_bytes(const char *data, gsize len, const char *name,
                            const DsrIngestOptions *opt, GError **error);

/* One problem met while listing inputs (a path that cannot be read). */
typedef struct {
    char *file;
    char *reason;
} DsrInputProblem;

/* Expands files and folders (recursively; hidden entries skipped; symlink
 * loops detected) into the list of input files in a stable order: arguments
 * in the order given, folder contents sorted by name. Only .txt, .html, .htm,
 * .json and .jsonl files are taken from folders (a README or Makefile beside
 * the articles is not one); a file named explicitly is always taken. Paths that cannot be read are appended to
 * @problems (DsrInputProblem *, may be NULL). Returns a GPtrArray of new strings. */
GPtrArray *dsr_ingest_list_inputs(const char *const *paths, GPtrArray *problems);
void dsr_input_problem_free(DsrInputProblem *p);

/* TRUE when @line is junk of pasted news text (related link, caption, agency
 * sign-off, "Comment (0)", a "Source : URL" line…). Exposed for tests. */
gboolean dsr_ingest_is_junk_line(const char *line);

G_END_DECLS

#endif
