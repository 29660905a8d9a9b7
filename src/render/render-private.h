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

struct DsrRenderContext {
    char *templates_dir;
    char *paper;   /* "a4" or "letter" */
    char *author;  /* or NULL */
    gint64 now;
    DsrFonts *fonts;
    GHashTable *labels_fr; /* key -> text */
    GHashTable *labels_en;
    cJSON *page_style;     /* templates/page-style.json */
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
char *dsr__label_fill(const DsrRenderContext *ctx, const char *lang, const char *key, ...)
    G_GNUC_NULL_TERMINATED;

/* "16,5 %", "environ 200 Md USD", "plus de 800 projets" (French) or "16.5%",
 * "about USD 200 bn" (English): a figure's normalized value for people. */
char *dsr__format_figure(const DsrRenderContext *ctx, const char *lang, DsrFigureKind kind,
                         double value, double scale, const char *currency, const char *unit,
                         DsrQualifier qualifier);
/* The same for a brief row. */
char *dsr__format_brief_figure(const DsrRenderContext *ctx, const char *lang,
                               const DsrBriefFigure *f);
/* "[1]", "[1, 3]"; "" for no citations. */
char *dsr__format_cites(const DsrCites *cites);
/* A partial ISO date for people in @lang; the "no-date" label when NULL. */
char *dsr__format_iso_date(const DsrRenderContext *ctx, const char *lang, const char *iso);
/* "avril 2024 – 20 novembre 2025", or one date, or the "period-unknown" label. */
char *dsr__format_period(const DsrRenderContext *ctx, const DsrBrief *brief);

/* Page style values from templates/page-style.json ("body.size", "colors.accent"). */
double dsr__style_number(const DsrRenderContext *ctx, const char *path, double fallback);
const char *dsr__style_string(const DsrRenderContext *ctx, const char *path,
                              const char *fallback);

/* TRUE for a URL a reader may follow: http, https (and mailto when @allow_mailto). */
gboolean dsr__url_is_safe(const char *url, gboolean allow_mailto);

#endif
