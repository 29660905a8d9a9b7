/* SPDX-License-Identifier: MIT
 * Shared by the files of the extract module. figures.c parses the quantities
 * of one sentence (numbers, scales, currencies, qualifiers, year, subject);
 * the rest of the module (gazetteer, entity resolution, events, actors,
 * themes) builds on it. */
#ifndef DOSSIER_EXTRACT_PRIVATE_H
#define DOSSIER_EXTRACT_PRIVATE_H

#include <dossier/extract.h>

/* The figures of one sentence written in @lang ("fr" or "en"), in the order
 * they appear: GPtrArray of DsrFigure * (free func set). Fills quote, value,
 * scale, kind, currency, unit, qualifier, year (from the sentence, 0 if
 * none), subject (or NULL), sentence (a copy of @sentence) and equivalent_of;
 * entity is left NULL for the caller, who knows the gazetteer. Years, dates,
 * ordinals, ranks, decree numbers and numbers inside names are not figures. */
GPtrArray *dsr__figures_parse(const char *sentence, const char *lang);

#endif
