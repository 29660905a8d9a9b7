/* SPDX-License-Identifier: MIT
 * What the renderers of one context share: the loaded labels and page style,
 * the section walk that fixes order and emptiness for every format, and the
 * formatting of figures, dates and citations (a renderer that formats a number
 * itself is a bug). Private to src/render/. */
#ifndef DOSSIER_RENDER_PRIVATE_H
#define DOSSIER_RENDER_PRIVATE_H

#include <dossier/render.h>
#include <dossier/error.h>
#include <dossier/text.h>
#include <cJSON.h>
#include <libxml/HTMLtree.h>

struct DsrRenderContext {
    char *templates_dir;
    char *paper;  /* "a4" or "letter" */
    char *author; /* or NULL */
    gint64 now;
    guint max_pages; /* > 0 */
    DsrFonts *fonts;
    GHashTable *labels_fr; /* key -> text */
    GHashTable *labels_en;
    GHashTable *names_fr; /* entity code -> display name, from data/gazetteer.json */
    GHashTable *names_en;
    cJSON *page_style; /* templates/page-style.json */
    GThread *hyphen_preload; /* joined when the context is freed, or NULL */
};

typedef enum {
    DSR_SECTION_HEADER,
    DSR_SECTION_KEY_POINTS,
    DSR_SECTION_FIGURES,
    DSR_SECTION_CHARTS,
    DSR_SECTION_THEMES,
    DSR_SECTION_EVENTS,
    DSR_SECTION_ACTORS,
    DSR_SECTION_SOURCES,
} DsrSection;

/* Label key of a section's heading ("key-points"…); NULL for the header. */
const char *dsr__section_label_key(DsrSection section);
/* Anchor id of a section ("key-points"), shared by PDF destinations and HTML ids. */
const char *dsr__section_id(DsrSection section);

/* Calls @fn for every section of @brief that has content, in DESIGN order.
 * Stops and returns FALSE as soon as @fn does. */
typedef gboolean (*DsrSectionFunc)(DsrSection section, gpointer user_data, GError **error);
gboolean dsr__render_sections(const DsrBrief *brief, DsrSectionFunc fn, gpointer user_data,
                              GError **error);

/* A label with {home}, {partner}, {n}, {m} filled in from @vars (NULL-terminated
 * key, value pairs). New string. */
char *dsr__label_fill(const DsrRenderContext *ctx, const char *lang, const char *key,
                      ...) G_GNUC_NULL_TERMINATED;

/* The display name of entity @code ("VN" -> "Vietnam") in @lang, or @code
 * when the gazetteer does not know it. */
const char *dsr__entity_name(const DsrRenderContext *ctx, const char *lang, const char *code);

/* The actors table is grouped by side, home first, in every format. */
typedef enum { DSR_SIDE_HOME, DSR_SIDE_PARTNER, DSR_SIDE_OTHER, DSR_N_SIDES } DsrActorSide;
/* The side @a stands on: its entity is the brief's home or partner, else other. */
DsrActorSide dsr__actor_side(const DsrBrief *b, const DsrBriefActor *a);
/* The side's group heading in the brief's language: "Côté Vietnam",
 * "Côté Russie", "Autres". New string. */
char *dsr__side_heading(const DsrRenderContext *ctx, const DsrBrief *b, DsrActorSide side);

/* "16,5 %", "environ 200 Md USD", "plus de 800 projets" (French) or "16.5%",
 * "about USD 200 bn" (English): a figure's normalized value for people. */
char *dsr__format_figure(const DsrRenderContext *ctx, const char *lang, DsrFigureKind kind,
                         double value, double scale, const char *currency, const char *unit,
                         DsrQualifier qualifier);
/* The same for a brief row. */
char *dsr__format_brief_figure(const DsrRenderContext *ctx, const char *lang,
                               const DsrBriefFigure *f);
/* The key-figures table, the same in every format: its columns' label keys
 * in order (subject, entity, year, value, sources), NULL-terminated. */
extern const char *const dsr__figure_columns[];
/* What a row measures: its subject, or the quote when the text named none. */
const char *dsr__figure_subject(const DsrBriefFigure *f);
/* TRUE when row @index of @b is marked as disagreeing with another source:
 * it carries a discrepancy, or shares its group with another row. */
gboolean dsr__figure_disputed(const DsrBrief *b, guint index);
/* TRUE when every source @cites names is new since the previous run (and
 * there is at least one): the row is marked "Nouveau". A fact an older
 * article also reported is not new. */
gboolean dsr__cites_new(const DsrBrief *b, const DsrCites *cites);
/* "[1]", "[1, 3]"; "" for no citations. */
char *dsr__format_cites(const DsrCites *cites);
/* A partial ISO date for people in @lang; the "no-date" label when NULL. */
char *dsr__format_iso_date(const DsrRenderContext *ctx, const char *lang, const char *iso);
/* "avril 2024 – 20 novembre 2025", or one date, or the "period-unknown" label. */
char *dsr__format_period(const DsrRenderContext *ctx, const DsrBrief *brief);

/* The line that ends a section whose rows the brief's limits cut ("12 autres
 * chiffres, moins cités, ne sont pas repris."), or NULL when none was cut or
 * the section has no limit. New string. */
char *dsr__format_omitted(const DsrRenderContext *ctx, const DsrBrief *b, DsrSection section);
/* "et 515 autres" after an actor's citations when more sources name them
 * than the row cites, or NULL. */
char *dsr__format_more_mentions(const DsrRenderContext *ctx, const DsrBrief *b,
                                const DsrBriefActor *a);
/* The header's sources value: "12 sources", with how many are new since the
 * last run and, when the article limit left some out, "note établie à partir
 * des 2 000 articles les plus récents sur 3 512". New string. */
char *dsr__format_sources_count(const DsrRenderContext *ctx, const DsrBrief *b);

/* Page style values from templates/page-style.json ("body.size", "colors.accent"). */
double dsr__style_number(const DsrRenderContext *ctx, const char *path, double fallback);
const char *dsr__style_string(const DsrRenderContext *ctx, const char *path, const char *fallback);

/* TRUE for a URL a reader may follow: http, https (and mailto when @allow_mailto). */
gboolean dsr__url_is_safe(const char *url, gboolean allow_mailto);

/* ---- PDF renderer (render-pdf.c, pdf-layout.c, hyphen.c) ---- */

#include <cairo.h>
#include <dossier/chart.h>

/* @text with U+00AD soft hyphens at the break points libhyphen's patterns for
 * @lang allow ("fr" by default). Acronyms, words shorter than five letters
 * and parts of hyphenated compounds are left whole. New string. */
char *dsr__hyphenate(const char *text, const char *lang);
/* Starts reading @lang's hyphenation patterns on a thread of its own (the
 * first PDF would otherwise wait for them: a tenth of a one-brief render). */
GThread *dsr__hyphen_preload(const char *lang);

/* What a PDF rendering measured, for tests and tracing. */
typedef struct {
    guint pages;
    guint layouts;        /* Pango layouts made, including the per-line redraws */
    guint unknown_glyphs; /* sum of pango_layout_get_unknown_glyphs_count: must stay 0 */
    gboolean contents;    /* a table of contents was set */
    gboolean truncated;   /* the brief needed more than the context's max_pages */
    guint split_targets;  /* link targets (sources) whose block is set over two pages */
} DsrPdfStats;

/* Rewrites cairo's @len bytes of @pdf (pdf-finish.c), appended to @out: the
 * objects that are not streams packed into deflated object streams, a
 * cross-reference stream, /Lang @lang (when not NULL) on the catalog and a
 * deterministic /ID. FALSE with DSR_ERROR_RENDER, @out unchanged, when the
 * bytes are not laid out as cairo writes them. */
gboolean dsr__pdf_finish(const guint8 *pdf, gsize len, const char *lang, GByteArray *out,
                         GError **error);

/* dsr_render_pdf() that also fills @stats (may be NULL). */
gboolean dsr__render_pdf_stats(const DsrBrief *brief, const DsrRenderContext *ctx, GByteArray *out,
                               DsrPdfStats *stats, GError **error);

typedef struct {
    int start, end; /* byte range in the layout's text */
    char *dest;     /* internal destination name, or NULL */
    char *uri;      /* http(s) URL, or NULL */
} DsrPdfLink;

/* A piece of text set by Pango. Its layout may hold soft hyphens: lines are
 * drawn one by one without them, so the PDF's text is the source text. */
typedef struct {
    PangoLayout *layout;
    double x; /* from the block's left edge */
    guint32 rgb;
    const char *tag; /* structure element around the text ("TD", "Lbl"), or NULL */
    GArray *links;   /* DsrPdfLink */
} DsrPdfText;

typedef enum { DSR_PDF_BLOCK_TEXT, DSR_PDF_BLOCK_ROW, DSR_PDF_BLOCK_CHART } DsrPdfBlockKind;

/* One unit the paginator places: a paragraph (may split between lines, with
 * widow and orphan control), a table row or a chart (never split). */
typedef struct {
    DsrPdfBlockKind kind;
    double space_before, space_after;
    gboolean keep_with_next; /* headings, table header rows, chart captions */
    const char *open;        /* container element opened before the block ("L", "Table") */
    gboolean close;          /* close the container after it */
    const char *tag;         /* the block's element: "P", "H1", "LI", "TR", "Figure" */
    char *dest;              /* destination name at the block's top, or NULL */
    char *outline;           /* bookmark title, or NULL */
    /* TEXT: body, and an optional marker set in the hanging indent */
    DsrPdfText *body, *marker;
    GArray *line_top, *line_bottom, *line_base; /* double, points, from the layout top */
    /* ROW */
    GPtrArray *cells; /* DsrPdfText */
    double pad;
    guint32 fill;        /* background, 0xRRGGBB, or G_MAXUINT32 for none */
    guint32 bar;         /* mark at the left edge, or G_MAXUINT32 */
    double rule;         /* width of the rule under the row, 0 for none */
    gboolean header_row; /* repeated at the top of each page the table continues on */
    int table;           /* rows of one table share the id (> 0) */
    /* CHART */
    DsrChartLayout *chart;
    double height; /* ROW and CHART: whole height; TEXT: the layout's */
} DsrPdfBlock;

DsrPdfText *dsr__pdf_text_new(PangoLayout *layout_take, double x, guint32 rgb, const char *tag);
void dsr__pdf_text_free(DsrPdfText *text);
void dsr__pdf_text_add_link(DsrPdfText *text, int start, int end, const char *dest,
                            const char *uri);
DsrPdfBlock *dsr__pdf_block_new(DsrPdfBlockKind kind);
void dsr__pdf_block_free(DsrPdfBlock *block);
/* Measures lines (TEXT) or height (ROW: cells and padding). Call once the block is filled. */
void dsr__pdf_block_measure(DsrPdfBlock *block);

typedef struct {
    guint block;
    guint page;     /* 0-based */
    double y;       /* top of the piece on the page */
    guint first, n; /* TEXT: the lines placed here */
    gboolean first_piece, last_piece, repeat;
} DsrPdfPlace;

typedef struct {
    double top, bottom; /* the text frame's vertical extent on a page */
    guint widows, orphans;
} DsrPdfFrame;

/* Flows @blocks onto pages: returns DsrPdfPlace in page order, *@n_pages set. */
GArray *dsr__pdf_paginate(GPtrArray *blocks, const DsrPdfFrame *frame, guint *n_pages);

/* Draws lines [@first, @first + @n) of @text with the top of line @first at
 * @y and its left edge at @x, then its links in those lines. The lines go in
 * a Span when @span or when the text has links (cairo marks only leaf
 * elements). Every layout made is counted in @stats. */
void dsr__pdf_draw_text(cairo_t *cr, const DsrPdfText *text, double x, double y, guint first,
                        guint n, gboolean span, DsrPdfStats *stats);
/* Counts @layout in @stats and returns its unknown glyphs. */
int dsr__pdf_check_layout(PangoLayout *layout, DsrPdfStats *stats);

/* ---- HTML pages: render-html.c, shared with render-index.c ----
 * Loading a template of templates/html (parsed with libxml2's HTML parser,
 * cleaned of anything that could run or load, its slots found), safe text and
 * links, and the HTML serializer. */

typedef struct {
    xmlDocPtr doc;
    char *path;          /* the template file, for messages */
    GPtrArray *slots;    /* xmlNodePtr in document order */
    GHashTable *by_name; /* slot name -> xmlNodePtr (borrowed) */
} DsrHtmlPage;

void dsr__html_page_free(DsrHtmlPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(DsrHtmlPage, dsr__html_page_free)

/* Parses templates/html/@name of @ctx, removes scripts, event handlers and
 * anything that loads a resource, sets the Content-Security-Policy, the one
 * charset meta and lang="@lang", and inlines brief.css at the "style" slot.
 * NULL with DSR_ERROR_RESOURCE when the file is missing or broken or lacks a
 * slot of @required (NULL-terminated), naming the slot and the file. */
DsrHtmlPage *dsr__html_page_load(const DsrRenderContext *ctx, const char *name, const char *lang,
                                 const char *const *required, GError **error);

/* The element of slot @name with its sample content removed, or NULL. */
xmlNodePtr dsr__html_slot(DsrHtmlPage *page, const char *name);

/* Removes slot @name's element (and any slot inside it) from the page. */
void dsr__html_slot_remove(DsrHtmlPage *page, const char *name);

/* Removes the data-slot attributes and serializes the page as HTML5 in
 * UTF-8, appended to @out. */
gboolean dsr__html_page_finish(DsrHtmlPage *page, GByteArray *out, GError **error);

/* A new element @name (with class @cls unless NULL) as last child of @parent. */
xmlNodePtr dsr__html_el(xmlNodePtr parent, const char *name, const char *cls);
/* Appends @text as text (escaped; controls that could reorder or hide what
 * follows are dropped). NULL appends nothing. */
void dsr__html_text(xmlNodePtr parent, const char *text);
/* dsr__html_el() holding @text. */
xmlNodePtr dsr__html_text_el(xmlNodePtr parent, const char *name, const char *cls,
                             const char *text);
/* Appends " [1] [3]", each a link to #source-N when N is one of @n_sources. */
void dsr__html_cites(xmlNodePtr parent, const DsrCites *cites, guint n_sources);
/* An <a> to @url when dsr__url_is_safe(@url, @allow_mailto), with
 * rel="noopener noreferrer", else the URL as text in a <span>. */
xmlNodePtr dsr__html_link(xmlNodePtr parent, const char *url, const char *text, const char *cls,
                          gboolean allow_mailto);
/* TRUE for a file name in the same folder that a relative link may point at. */
gboolean dsr__html_is_sibling_file(const char *name);
/* <time datetime="…"> for a partial ISO date (the "no-date" label when invalid). */
xmlNodePtr dsr__html_date(const DsrRenderContext *ctx, const char *lang, xmlNodePtr parent,
                          const char *iso);

#endif
