/* SPDX-License-Identifier: MIT
 * What the brief page and the index page share: loading a template of
 * templates/html (parsed with libxml2's HTML parser, cleaned of anything that
 * could run or load, its slots found), safe text and links, and the HTML
 * serializer. Private to src/render/. */
#ifndef DOSSIER_RENDER_HTML_H
#define DOSSIER_RENDER_HTML_H

#include "render-private.h"
#include <libxml/HTMLtree.h>

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
