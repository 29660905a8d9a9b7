/* SPDX-License-Identifier: MIT
 * g_autoptr() for the third-party types libdossier uses. Private: kept out of
 * include/ so it cannot clash with a library user's own definitions. */
#ifndef DOSSIER_COMMON_CLEANUP_H
#define DOSSIER_COMMON_CLEANUP_H

#include <glib.h>
#include <cairo.h>
#include <cJSON.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC(cairo_t, cairo_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(cJSON, cJSON_Delete)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathObject, xmlXPathFreeObject)

#endif
