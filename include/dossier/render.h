/* SPDX-License-Identifier: MIT
 * Rendering: a DsrBrief becomes bytes in memory — PDF (Cairo + Pango),
 * HTML (libxml2, from templates/html), JSON (the brief itself). Renderers
 * never open files and never see articles. All formats share one table, one
 * section walk, the labels of templates/labels-<lang>.json and the number
 * formatting of the text module. */
#ifndef DOSSIER_RENDER_H
#define DOSSIER_RENDER_H

#include <glib.h>
#include <pango/pango.h>
#include <dossier/brief.h>

G_BEGIN_DECLS

/* The private font set (the .ttf and .otf files of fonts/, through an empty
 * fontconfig configuration). Build it once, before threads start. */
typedef struct DsrFonts DsrFonts;
DsrFonts *dsr_fonts_new(const char *fonts_dir, GError **error);
void dsr_fonts_free(DsrFonts *fonts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrFonts, dsr_fonts_free)
/* A Pango context at 72 dpi on this thread's font map of the private set
 * (one font map per thread, made on first use). Caller unrefs. */
PangoContext *dsr_fonts_new_context(const DsrFonts *fonts);

typedef struct {
    const char *templates_dir; /* templates/ (labels, page style, html) */
    const char *fonts_dir;     /* fonts/ */
    const char *paper;         /* "a4" (default) or "letter" */
    const char *author;        /* organisation for PDF metadata, or NULL */
    gint64 now;      /* seconds since the epoch: SOURCE_DATE_EPOCH or the clock, read once */
    guint max_pages; /* pages of one PDF; 0: DSR_DEFAULT_MAX_PAGES */
    const char *hyphen_lang; /* "fr"/"en": its hyphenation patterns are read ahead, on a
                                thread of their own, while the rest is set up; or NULL */
} DsrRenderOptions;

#define DSR_DEFAULT_MAX_PAGES 300

/* Everything renderers share, loaded once and read-only afterwards (safe to
 * share between threads). NULL with DSR_ERROR_RESOURCE naming the broken file. */
typedef struct DsrRenderContext DsrRenderContext;
DsrRenderContext *dsr_render_context_new(const DsrRenderOptions *opt, GError **error);
void dsr_render_context_free(DsrRenderContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrRenderContext, dsr_render_context_free)

/* A label of templates/labels-@lang.json ("key-points" -> "Points clés");
 * the key itself when missing. Borrowed. */
const char *dsr_render_label(const DsrRenderContext *ctx, const char *lang, const char *key);

typedef gboolean (*DsrRenderFunc)(const DsrBrief *brief, const DsrRenderContext *ctx,
                                  GByteArray *out, GError **error);
/* A renderer whose document holds another format's document of the same
 * brief (the e-mail attaches the PDF), given those @len bytes of @input
 * instead of making them again; otherwise as a DsrRenderFunc. The bytes
 * must be what that format's renderer made of @brief with @ctx: the output
 * is then byte for byte the DsrRenderFunc's. */
typedef gboolean (*DsrRenderUsingFunc)(const DsrBrief *brief, const DsrRenderContext *ctx,
                                       const guint8 *input, gsize len, GByteArray *out,
                                       GError **error);
typedef struct {
    const char *name;   /* --format name */
    const char *suffix; /* file suffix, with the dot */
    DsrRenderFunc render;
    /* NULL, or the --format name of the document this one holds, which a
     * caller that renders that format too passes to @render_using rather
     * than have it laid out twice. */
    const char *uses;
    DsrRenderUsingFunc render_using;
} DsrRenderer;

/* The renderer called @name, or NULL. */
const DsrRenderer *dsr_renderer_find(const char *name);
/* Every renderer, in table order; *@n receives their number. */
const DsrRenderer *dsr_renderers(guint *n);

/* Each appends the whole document to @out; FALSE with DSR_ERROR_RENDER (or
 * DSR_ERROR_RESOURCE for a broken template) and @out unspecified. */
gboolean dsr_render_pdf(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                        GError **error);
/* What a PDF rendering produced: its page count, and whether the brief needed
 * more than DsrRenderOptions.max_pages, in which case the PDF stops at the
 * limit (never inside a table row) on a line telling the reader so and
 * pointing to the HTML and JSON, which hold the whole brief. */
typedef struct {
    guint pages;
    gboolean truncated;
} DsrRenderReport;

/* dsr_render_pdf() that also fills @report (may be NULL). A cut PDF is a
 * success: the caller reports it (run.json, a warning), it is not an error. */
gboolean dsr_render_pdf_report(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                               DsrRenderReport *report, GError **error);
gboolean dsr_render_html(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                         GError **error);
gboolean dsr_render_json(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                         GError **error);
/* A ready-to-send e-mail (RFC 5322, GMime): the HTML brief as the body with
 * its charts as inline PNG parts, the PDF attached. */
gboolean dsr_render_eml(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                        GError **error);
/* The same e-mail attaching the @len bytes of @pdf, which must be what
 * dsr_render_pdf() made of @brief with @ctx (the message's boundaries and
 * id are derived from them). */
gboolean dsr_render_eml_with_pdf(const DsrBrief *brief, const DsrRenderContext *ctx,
                                 const guint8 *pdf, gsize len, GByteArray *out, GError **error);

/* One row of the index page. */
typedef struct {
    const DsrBrief *brief;
    const char *html; /* file names of the brief's outputs, or NULL when not written */
    const char *pdf;
    const char *status; /* since the previous run: "new", "changed", "unchanged", or NULL */
    guint new_articles; /* sources not read by the previous run */
} DsrIndexEntry;

/* index.html: every brief of a run (in the order given) with partner, period,
 * article count, top figures and links. */
gboolean dsr_render_index(const DsrIndexEntry *entries, guint n, const char *lang,
                          const DsrRenderContext *ctx, GByteArray *out, GError **error);

G_END_DECLS

#endif
